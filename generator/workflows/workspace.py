"""``cchc init``: a ready-to-fill working folder in Word and Excel (or, on request, YAML).

``init_word_folder`` writes ke_hoach.docx (the plan's headings, a line of guidance under each),
ke_hoach.xlsx (the unit profile "Đơn vị" with drop-downs, the plan's header "Kế hoạch", its
targets "Chỉ tiêu" and tasks "Nhiệm vụ"), bao_cao.docx (the report outline) and tien_do.xlsx
(the report's header "Báo cáo" and its progress sheets). ``init_folder`` writes the commented
YAML files of ``generator/workflows/skeletons`` and two workbooks, for those who keep their data
as text. Existing files are never overwritten unless asked.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from importlib import resources
from pathlib import Path
from typing import Any

from generator.domain.areas import (
    AREAS,
    PROVINCE_RECIPIENTS,
    PROVINCE_SUPERIOR,
    default_addressee,
    reports_to_province,
)
from generator.domain.indicators import NOT_STARTED, metrics_of
from generator.domain.models import Plan, Section
from generator.domain.periods import chronological, make_period
from generator.domain.sheets import (
    ACTIVITY_COLUMNS,
    ACTIVITY_SHEET,
    FIGURES_COLUMNS,
    FIGURES_SHEET,
    PROGRESS_COLUMNS,
    PROGRESS_SHEET,
    TASK_COLUMNS,
    TASK_SHEET,
    TTHC_SHEET,
    TTHC_WRITTEN,
)
from generator.errors import Problems
from generator.files import write_atomic
from generator.inputs.folders import period_of
from generator.inputs.parts import activity_rows, read_task_states
from generator.workflows.folder import PLAN_BOOK, PLAN_WORDS, PlanFolder, check_free, write_plan_folder
from generator.workflows.report_files import add_report_sheet, blank_report_words, report_words_docx
from generator.workflows.words_docx import guidance
from generator.workflows.workbooks import SheetSpec, fill_rows, new_workbook, to_bytes

NOT_STARTED_CHOICE = NOT_STARTED.capitalize()  # what a task's row says before anyone fills it
TASKS_BOOK = "nhiem_vu.xlsx"
PROGRESS_BOOK = "tien_do.xlsx"
REPORT_WORDS = "bao_cao.docx"
YAML_FILES = ("don_vi.yaml", "ke_hoach.yaml", "bao_cao.yaml")
GUIDE = (
    "Điền dữ liệu từ dòng 2; không đổi tên trang và tên cột (có thể thêm cột riêng: cchc bỏ qua).",
    "Ô có nhiều dòng: Alt+Enter. Ngày ghi dạng dd/mm/yyyy hoặc dùng ô ngày của Excel.",
    "Sau khi điền: nhấp đúp tệp Mo_trang_cchc trong thư mục làm việc (Mo_trang_cchc.cmd trên Windows) để mở "
    "trang cchc, rồi bấm Soạn kế hoạch hoặc Soạn báo cáo.",
)
TARGET_HINT = (
    "mỗi chỉ tiêu một đoạn, bắt đầu bằng “- ”. Chỉ tiêu đo được (có %) ghi thêm một dòng ở trang "
    "Chỉ tiêu của ke_hoach.xlsx để báo cáo tự tính và so sánh."
)


def init_word_folder(target: Path, year: int, *, overwrite: bool = False) -> list[Path]:
    """Create the Word and Excel working folder ``target`` for plan year ``year`` (``cchc init``)."""
    names = [PLAN_WORDS, PLAN_BOOK, REPORT_WORDS, PROGRESS_BOOK]
    check_free(target, [target / name for name in names], overwrite)
    written = write_plan_folder(blank_plan(year), target, overwrite=True)
    written.append(_write(target / REPORT_WORDS, report_words_docx(blank_report_words())))
    book = progress_book(year)
    add_report_sheet(book, {"kinh_gui": default_addressee(year)})
    written.append(_write(target / PROGRESS_BOOK, to_bytes(book)))
    return written


def blank_plan(year: int) -> PlanFolder:
    """The plan's outline (docs/report-outline.md §3) with guidance under each heading."""
    areas = [title for _, title in AREAS] + ["Tổ chức chỉ đạo, điều hành"]
    area_sections = tuple(
        Section(title, (Section("Chỉ tiêu", (guidance(TARGET_HINT),)),
                        Section("Nhiệm vụ", (guidance("mỗi nhiệm vụ một đoạn, bắt đầu bằng “- ”; nhiệm vụ "
                                                      "cụ thể, thời hạn ghi ở trang Nhiệm vụ của ke_hoach.xlsx."),))))
        for title in areas
    )  # fmt: skip
    sections = (
        Section("MỤC TIÊU, YÊU CẦU", (
            Section("Mục tiêu", (guidance("mỗi mục tiêu một đoạn, bắt đầu bằng “- ”."),)),
            Section("Yêu cầu", (guidance("mỗi yêu cầu một đoạn, bắt đầu bằng “- ”."),)),
        )),
        Section("NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH", area_sections),
        Section("TỔ CHỨC THỰC HIỆN", (guidance("phân công từng bộ phận, công chức; có thể chia mục 1., 2. "
                                               "theo từng bộ phận."),)),
    )  # fmt: skip
    superior, recipients = superiors(year)
    return PlanFolder(
        unit={"cap_tren": superior, "noi_nhan": "\n".join(recipients)},
        plan={"nam": year, "phu_luc": f"Nhiệm vụ cụ thể triển khai công tác cải cách hành chính năm {year}"},
        opening=(
            guidance(
                "đoạn mở đầu: căn cứ (Thực hiện Kế hoạch số … của …), kết thúc bằng “… ban hành "
                f"Kế hoạch cải cách hành chính năm {year} như sau:”."
            ),
        ),
        sections=sections,
        closing=(
            guidance(
                f"đoạn kết, ví dụ “Trên đây là Kế hoạch cải cách hành chính năm {year} của UBND xã …”; "
                "cchc thêm “./.” ở cuối nếu thiếu."
            ),
        ),
    )


def superiors(year: int) -> tuple[str, tuple[str, ...]]:
    """The level above and Nơi nhận that ``cchc init`` fills in: the province and Sở Nội vụ from
    the second half of 2025 on (docs/local-government-2025.md §3), blank before (a district then)."""
    if reports_to_province(year):
        return PROVINCE_SUPERIOR, PROVINCE_RECIPIENTS
    return "", ()


def task_sheet() -> SheetSpec:
    return SheetSpec(TASK_SHEET, TASK_COLUMNS, "các nhiệm vụ cụ thể của phụ lục kế hoạch, nhóm I–VII")


def progress_sheets() -> list[SheetSpec]:
    return [
        SheetSpec(
            PROGRESS_SHEET, PROGRESS_COLUMNS, "trạng thái từng nhiệm vụ của kế hoạch tại ngày chốt số liệu"
        ),
        SheetSpec(
            TTHC_SHEET,
            TTHC_WRITTEN,
            "số hồ sơ thủ tục hành chính theo lĩnh vực trong kỳ, theo Biểu "
            "06/VPCP/KSTT (cchc tự cộng tổng số nhận, đã giải quyết, đang giải quyết)",
        ),
        SheetSpec(FIGURES_SHEET, FIGURES_COLUMNS, "số liệu các chỉ tiêu khác của kế hoạch"),
        SheetSpec(
            ACTIVITY_SHEET,
            ACTIVITY_COLUMNS,
            "số liệu kết quả (kiểm tra, tuyên truyền, VBQPPL, TTHC…) "
            "mà báo cáo nêu thành câu; để trống mục không có",
        ),
    ]


def progress_book(year: int | None = None, first: Sequence[str] = ()) -> Any:
    """A blank progress workbook (openpyxl), notes dated for ``year``: its sheets, and every code
    of "Kết quả CCHC" listed; ``first`` lines open its guide."""
    book = new_workbook(progress_sheets(), (*first, *GUIDE), year)
    fill_rows(book[ACTIVITY_SHEET], ACTIVITY_COLUMNS, activity_rows())
    return book


def progress_workbook(plan: Plan, states: Mapping[str, str] | None = None, window: str = "") -> bytes:
    """A progress workbook to fill for a report on ``plan``: a "Tiến độ" row per task with its code
    (as cchc numbers it when the "Mã" column is empty), name and state (from ``states``, by code,
    else "Chưa thực hiện"), a "Số liệu" row per indicator the plan's targets measure from that
    sheet, and the "Báo cáo" sheet; ``window`` (the period's data window) opens the guide."""
    book = progress_book(plan.year, [window] if window else [])
    known = states or {}
    rows = [
        {"ma": t.code, "nhiem_vu": t.text, "trang_thai": known.get(t.code, NOT_STARTED_CHOICE)}
        for t in plan.tasks
    ]
    fill_rows(book[PROGRESS_SHEET], PROGRESS_COLUMNS, rows)
    metrics = metrics_of(plan)  # cchc's and the plan's own ("Chỉ số riêng")
    counted = dict.fromkeys(t.metric for t in plan.targets if metrics[t.metric].source == "so_lieu")
    rows = [{"chi_so": code, "noi_dung": metrics[code].label} for code in counted]
    fill_rows(book[FIGURES_SHEET], FIGURES_COLUMNS, rows)
    addressee = default_addressee(plan.year, plan.unit.superior, plan.unit.province)
    add_report_sheet(book, {"kinh_gui": addressee})
    return to_bytes(book)


def earlier_states(folder: Path, plan: Plan, period: tuple[str, int]) -> dict[str, str]:
    """The task states of the progress workbook in ``folder`` named for the latest period of the
    same year before ``period`` (tien_do_q1_2023.xlsx for 6T/2023), as the "Trạng thái" column
    offers them; empty when there is none or it cannot be read."""
    earlier = sorted(
        (found, path)
        for path in folder.iterdir()
        if path.suffix.lower() == ".xlsx" and (found := period_of(path)) is not None
        and found[1] == period[1] and chronological(found) < chronological(period)
    )  # fmt: skip
    if not earlier:
        return {}
    (code, year), path = max(earlier, key=lambda item: chronological(item[0]))
    states = read_task_states([path], plan, make_period(code, year), Problems())
    return {task: entry.state.capitalize() for task, entry in (states or {}).items()}


def init_folder(target: Path, year: int, *, overwrite: bool = False) -> list[Path]:
    """Create the YAML working folder ``target`` (``cchc init --yaml``; the set the web page offers,
    as its uploads take .yaml and .xlsx files)."""
    names = [*YAML_FILES, TASKS_BOOK, PROGRESS_BOOK]
    check_free(target, [target / name for name in names], overwrite)
    written = []
    superior, recipients = superiors(year)
    values = {"{nam}": str(year), "{cap_tren}": f'"{superior}"',
              "{noi_nhan}": "[" + ", ".join(f'"{r}"' for r in recipients) + "]"}  # fmt: skip
    for name in YAML_FILES:
        text = resources.files("generator.workflows.skeletons").joinpath(name).read_text(encoding="utf-8")
        for placeholder, value in values.items():
            text = text.replace(placeholder, value)
        written.append(_write(target / name, text.encode("utf-8")))
    written.append(_write(target / TASKS_BOOK, to_bytes(new_workbook([task_sheet()], GUIDE, year))))
    written.append(_write(target / PROGRESS_BOOK, to_bytes(progress_book(year))))
    return written


def _write(path: Path, data: bytes) -> Path:
    write_atomic(path, data)
    return path
