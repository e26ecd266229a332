"""A plan's working folder in Word and Excel: ke_hoach.docx (words) and ke_hoach.xlsx (the rest).

``PlanFolder`` is what such a folder holds, as values to write; ``cchc init`` fills it with
blanks and guidance, ``cchc import`` from last year's Word plan, and ``folder_from_plan``
from any ``Plan`` (a YAML folder, converted). ``write_plan_folder`` writes the two files
atomically; the readers in ``inputs/`` read them back into the same ``Plan``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from generator.domain import form06
from generator.domain.areas import DEFAULT_GROUPS
from generator.domain.indicators import METRICS, metrics_of
from generator.domain.models import DEADLINE_DAY, NOT_DUE, Metric, Paragraph, Plan, Section, Task, Unit
from generator.domain.sheets import (
    CUSTOM_COLUMNS,
    CUSTOM_SHEET,
    PLAN_SHEET,
    TARGET_COLUMNS,
    TARGET_SHEET,
    TASK_COLUMNS,
    TASK_SHEET,
    UNIT_SHEET,
    Column,
)
from generator.domain.sheets import UNPLACED_SHEET as UNPLACED_SHEET
from generator.domain.target_text import recognise
from generator.errors import OutputError
from generator.files import write_atomic
from generator.inputs.formats import Item
from generator.inputs.parts import UNIT_ITEMS, plan_items, signer_parts, unit_slug
from generator.workflows.words_docx import words_docx

PLAN_WORDS = "ke_hoach.docx"
PLAN_BOOK = "ke_hoach.xlsx"
EVALUATION_NAMES = {"nam": "Năm", "moi_ky": "Mỗi kỳ"}
GUIDE = (
    "Các trang: Đơn vị (hồ sơ đơn vị), Kế hoạch (năm, số, ngày, trích yếu), Chỉ tiêu (chỉ tiêu đo được), "
    "Nhiệm vụ (phụ lục). Lời văn kế hoạch ở tệp ke_hoach.docx cùng thư mục.",
    "Ô có nhiều dòng: Alt+Enter. Ngày ghi dạng dd/mm/yyyy hoặc dùng ô ngày của Excel. Dòng có dấu * là bắt buộc.",
    "Không đổi tên trang; trang Đơn vị và Kế hoạch: mỗi dòng một mục (cột Giá trị), cột Hướng dẫn chỉ để đọc.",
    "Sau khi điền: nhấp đúp tệp Mo_trang_cchc trong thư mục này (Mo_trang_cchc.cmd trên Windows) để mở trang cchc, "
    "rồi bấm Soạn kế hoạch hoặc Soạn báo cáo.",
)


@dataclass
class PlanFolder:
    """Everything a plan's working folder holds, as plain values keyed like the readers' items."""

    unit: dict[str, Any] = field(default_factory=dict)  # UNIT_ITEMS key → value
    plan: dict[str, Any] = field(default_factory=dict)  # PLAN_ITEMS key → value
    targets: list[dict[str, Any]] = field(default_factory=list)  # TARGET_COLUMNS key → value
    tasks: list[dict[str, Any]] = field(default_factory=list)  # TASK_COLUMNS key → value
    custom: list[dict[str, Any]] = field(default_factory=list)  # CUSTOM_COLUMNS key → value
    opening: tuple[Paragraph, ...] = ()
    sections: tuple[Section, ...] = ()
    closing: tuple[Paragraph, ...] = ()
    unplaced: list[list[str]] = field(default_factory=list)  # rows import could not place, kept
    extra_columns: list[str] = field(default_factory=list)  # the plan's own task columns ("Ghi chú")


def plan_workbook(folder: PlanFolder) -> bytes:
    """ke_hoach.xlsx: the forms "Đơn vị" and "Kế hoạch", the tables "Chỉ tiêu" and "Nhiệm vụ"."""
    from openpyxl import Workbook

    from generator.workflows.workbooks import SheetSpec, add_form, add_sheet, fill_rows, guide_sheet, to_bytes

    book = Workbook()
    book.remove(book.worksheets[0])
    year = folder.plan.get("nam") if isinstance(folder.plan.get("nam"), int) else None
    add_form(book, UNIT_SHEET, UNIT_ITEMS, folder.unit, year)
    items = plan_items(folder.plan)
    columns = (
        *task_columns(items),
        *(Column(f"+{h}", h, required=False, width=22) for h in folder.extra_columns),
    )
    numerals = next(c.choices for c in columns if c.key == "nhom")
    groups = f"{numerals[0]}–{numerals[-1]}"
    add_form(book, PLAN_SHEET, items, folder.plan, year)
    specs = [
        SheetSpec(TARGET_SHEET, TARGET_COLUMNS, "mỗi chỉ tiêu đo được của kế hoạch, gắn với câu của nó"),
        SheetSpec(TASK_SHEET, columns, f"các nhiệm vụ cụ thể của phụ lục kế hoạch, nhóm {groups}"),
        SheetSpec(CUSTOM_SHEET, CUSTOM_COLUMNS, "chỉ số riêng của đơn vị, ngoài danh mục của cchc (không bắt "
                  "buộc); số liệu của chúng ghi ở trang Số liệu của tệp tiến độ"),
    ]  # fmt: skip
    for spec, rows in zip(specs, (folder.targets, folder.tasks, folder.custom), strict=True):
        fill_rows(add_sheet(book, spec, year), spec.columns, rows)
    if folder.unplaced:
        sheet = book.create_sheet(UNPLACED_SHEET)
        for row in folder.unplaced:
            sheet.append(row)
    guide_sheet(book, GUIDE, specs, year)
    return to_bytes(book)


def task_columns(items: tuple[Item, ...]) -> tuple[Column, ...]:
    """The "Nhiệm vụ" sheet's columns, its Nhóm drop-down listing the plan's groups."""
    numerals = tuple(item.key.removeprefix("nhom_") for item in items if item.key.startswith("nhom_"))
    return tuple(replace(c, choices=numerals) if c.key == "nhom" else c for c in TASK_COLUMNS)


def write_plan_folder(folder: PlanFolder, out: Path, *, overwrite: bool = False) -> list[Path]:
    """Write ke_hoach.docx and ke_hoach.xlsx into ``out``; existing files only with ``overwrite``."""
    targets = [out / PLAN_WORDS, out / PLAN_BOOK]
    check_free(out, targets, overwrite)
    write_atomic(targets[0], words_docx(folder.opening, folder.sections, folder.closing, WORDS_GUIDE))
    write_atomic(targets[1], plan_workbook(folder))
    return targets


WORDS_GUIDE = (
    "lời văn kế hoạch. Đề mục đánh số I., 1., a) (kiểu Heading 1, 2, 3); dưới mỗi đề mục là các đoạn văn. "
    "Đoạn trước đề mục I là phần mở đầu; đoạn “Trên đây là …” cuối cùng là đoạn kết. Số hiệu, ngày tháng, "
    "người ký, nơi nhận ở ke_hoach.xlsx; cchc tự đánh số lại đề mục."
)


def check_free(out: Path, targets: list[Path], overwrite: bool) -> None:
    """Refuse to replace files the user has, unless asked; ``out`` must be (or become) a folder."""
    if out.exists() and not out.is_dir():
        raise OutputError(f"{out}: đã có một tệp cùng tên, không phải thư mục")
    existing = [p.name for p in targets if p.exists()]
    if existing and not overwrite:
        raise OutputError(
            f"{out}: đã có tệp {', '.join(existing)}; không ghi đè (dùng --force nếu muốn thay)"
        )


def unit_values(unit: Unit) -> dict[str, Any]:
    """The "Đơn vị" items of ``unit``."""
    values: dict[str, Any] = {
        "ten": "\n".join(unit.name_lines),
        "co_quan_chu_quan": unit.parent,
        "viet_tat": unit.abbreviation,
        "ten_goi_tat": unit.short_name,
        "dia_danh": unit.place,
        "cap_tren": unit.superior,
        "ma": "" if unit.slug == unit_slug(unit.name_lines) else unit.slug,
        "noi_nhan": "\n".join(unit.recipients),
        "luu": unit.archive,
        "han_truoc_ngay": "" if unit.before_is_day_before else "chính ngày đó",
        "han_gui_bao_cao": "" if unit.deadline_day == DEADLINE_DAY else unit.deadline_day,
        "chua_den_ky": "" if unit.not_due == NOT_DUE else unit.not_due,
        "tinh": unit.province,
        "bieu_tthc": "" if unit.form_number == form06.FORM_NUMBER else unit.form_number,
        "bieu_tthc_ban_hanh": "" if unit.form_act == form06.FORM_ACT else unit.form_act,
        "ky_bao_cao": "\n".join(
            f"{code}: {start} - {end}" for code, (start, end) in unit.window_rules.items()
        ),
    }
    values.update(signer_parts(unit.signer))
    return values


def folder_from_plan(plan: Plan) -> PlanFolder:
    """The working folder that reads back into ``plan`` (its words, sheets and tasks)."""
    plan_values: dict[str, Any] = {
        "nam": plan.year,
        "so": plan.number,
        "ngay_ban_hanh": plan.issue_date.strftime("%d/%m/%Y") if plan.issue_date else "",
        "nam_ban_hanh": "" if plan.issue_date or plan.issue_year == plan.year else plan.issue_year,
        "trich_yeu": plan.summary,
        "phu_luc": plan.appendix_title,
    }
    for group in plan.groups:
        if DEFAULT_GROUPS.get(group.numeral) != group.title:
            plan_values[f"nhom_{group.numeral}"] = group.title
    paragraphs = _paragraphs([*plan.opening, *plan.body, *plan.closing])
    return PlanFolder(
        unit=unit_values(plan.unit),
        plan=plan_values,
        targets=[row for paragraph in paragraphs for row in target_rows(paragraph, metrics_of(plan))],
        tasks=task_rows(plan.tasks),
        extra_columns=[header for header, _ in plan.tasks[0].extra] if plan.tasks else [],
        custom=[custom_row(code, metric) for code, metric in plan.custom_metrics],
        opening=plan.opening,
        sections=plan.body,
        closing=plan.closing,
    )


def target_rows(paragraph: Paragraph, metrics: Mapping[str, Metric] = METRICS) -> list[dict[str, Any]]:
    """The "Chỉ tiêu" rows of a paragraph: its targets, or its recognised percentages unmeasured."""
    if paragraph.targets:
        return [{
            "cau": paragraph.text, "chi_so": t.metric, "so_sanh": t.comparison, "muc": _number(t.value),
            "ky_danh_gia": EVALUATION_NAMES.get(t.evaluation, ""), "linh_vuc": "\n".join(t.per_field),
            "ten": t.label if t.label != metrics[t.metric].label else "",
        } for t in paragraph.targets]  # fmt: skip
    return [{"cau": paragraph.text, "so_sanh": f.comparison, "muc": _number(f.value)}
            for f in recognise(paragraph.text)]  # fmt: skip


def custom_row(code: str, metric: Metric) -> dict[str, Any]:
    """The "Chỉ số riêng" row of the unit's own indicator ``code``."""
    return {"ma": code, "ten": metric.label, "tu_so": metric.numerator, "mau_so": metric.denominator,
            "ky_danh_gia": EVALUATION_NAMES[metric.evaluation]}  # fmt: skip


def task_rows(tasks: tuple[Task, ...]) -> list[dict[str, Any]]:
    """The "Nhiệm vụ" rows of ``tasks``; a code is written only where it is not the one cchc gives."""
    rows = []
    parent = ""
    children = 0
    for task in tasks:
        if task.number is not None:
            parent, children = task.code, 0
            automatic = f"{task.group}.{task.number}"
        else:
            children += 1
            automatic = f"{parent}.{children}"
        rows.append({
            "nhom": task.group, "ma": "" if task.code == automatic else task.code, "nhiem_vu": task.text,
            "san_pham": task.product, "chu_tri": task.lead, "phoi_hop": task.partners,
            "thoi_gian": task.deadline, "kinh_phi": task.budget, "dong_con": "" if task.number is not None else "x",
            **{f"+{header}": text for header, text in task.extra},
        })  # fmt: skip
    return rows


def _paragraphs(content: list[Section | Paragraph]) -> list[Paragraph]:
    found: list[Paragraph] = []
    for item in content:
        found.extend([item] if isinstance(item, Paragraph) else _paragraphs(list(item.content)))
    return found


def _number(value: Any) -> int | float:
    number = float(value)
    return int(number) if number.is_integer() else number
