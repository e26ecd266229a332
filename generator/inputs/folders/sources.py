"""Each part of the inputs read from the source ``files`` found for it: YAML, or Word and Excel.

The pipelines ask for the unit, the plan and the report's words here and never care which
kind of file gave them; both kinds give the same models, checked the same way.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from generator.domain.areas import DEFAULT_GROUPS
from generator.domain.indicators import metrics_of
from generator.domain.models import Plan, Unit
from generator.domain.periods import chronological
from generator.errors import Location, Problems
from generator.inputs.folders.files import InputSet, period_of
from generator.inputs.formats.excel import Workbook
from generator.inputs.formats.fields import Fields
from generator.inputs.formats.labelled import opened, read_form
from generator.inputs.parts.plan import read_plan
from generator.inputs.parts.plan_word import PLAN_SHEET, read_plan_word
from generator.inputs.parts.profile import read_unit, read_window_rules
from generator.inputs.parts.progress import PROGRESS_SHEET
from generator.inputs.parts.report_text import ReportHeader, ReportWords, read_report_text
from generator.inputs.parts.report_words import REPORT_SHEET, read_report_words
from generator.inputs.parts.targets import TARGET_SHEET, check_duplicates
from generator.inputs.parts.tasks import TASK_SHEET, read_tasks
from generator.inputs.parts.unit_sheet import UNIT_ITEMS, UNIT_SHEET, read_unit_sheet, window_rules

T = TypeVar("T")


def _with_book(path: Path, problems: Problems, read: Callable[[Workbook], T | None]) -> T | None:
    with opened(path, problems) as book:
        return read(book) if book is not None else None


def read_unit_from(inputs: InputSet, problems: Problems, where: str) -> Unit | None:
    """The unit profile: ``don_vi:`` in YAML or the "Đơn vị" sheet."""
    if "don_vi" in inputs.parts:
        return read_unit(inputs.parts["don_vi"], problems)
    path = inputs.sheets.get(UNIT_SHEET)
    if path is None:
        inputs.missing("don_vi", problems, where, "hồ sơ đơn vị")
        return None
    return _with_book(path, problems, lambda book: read_unit_sheet(book, problems))


def read_windows_from(inputs: InputSet) -> dict[str, tuple[str, str]] | None:
    """The unit's cut-off windows alone, for a profile with errors elsewhere (``read_unit_from``
    reported them all): None when the windows themselves cannot be read, or there is no profile."""
    noted = Problems()
    if "don_vi" in inputs.parts:
        fields = Fields(inputs.parts["don_vi"], noted)
        root = (inputs.parts["don_vi"].data or {}).get("don_vi")
        value = root.get("ky_bao_cao") if isinstance(root, dict) else None
        rules = read_window_rules(fields, value, "don_vi.ky_bao_cao")
        return None if noted.errors or not isinstance(root, dict) else rules
    path = inputs.sheets.get(UNIT_SHEET)
    form = _with_book(path, noted, lambda b: read_form(b, UNIT_SHEET, UNIT_ITEMS, noted)) if path else None
    if form is None:
        return None
    before = len(noted.errors)  # the form's own errors (a missing name) do not touch the windows
    rules = window_rules(form, noted)
    return None if len(noted.errors) > before else rules


def read_plan_from(inputs: InputSet, unit: Unit | None, problems: Problems, where: str) -> Plan | None:
    """The plan: ``ke_hoach:`` in YAML, or its Word words with the "Kế hoạch" sheet; its targets
    checked against each other (one indicator, two levels)."""
    plan = _read_plan(inputs, unit, problems, where)
    if plan is not None:
        check_duplicates(plan.targets, problems, metrics_of(plan))
    return plan


def _read_plan(inputs: InputSet, unit: Unit | None, problems: Problems, where: str) -> Plan | None:
    if "ke_hoach" in inputs.parts:
        return read_plan(inputs.parts["ke_hoach"], unit, inputs.workbooks, problems)
    words, sheet = inputs.words.get("ke_hoach"), inputs.sheets.get(PLAN_SHEET)
    if words is None and sheet is None:
        inputs.missing("ke_hoach", problems, where, "kế hoạch")
        if inputs.unreadable and TASK_SHEET in inputs.sheets:  # the plan's own file may be the one that
            read_tasks(
                inputs.workbooks, dict(DEFAULT_GROUPS), problems, year=None
            )  # failed: tasks still read
        return None
    if words is None and not inputs.unreadable_words:
        problems.add(Location(str(sheet)), f'có trang "{PLAN_SHEET}" nhưng không tìm thấy lời văn kế hoạch '
                     "(tệp Word như ke_hoach.docx)")  # fmt: skip
    if sheet is None and words is not None and inputs.broken:  # the sheet may be in it
        inputs.report_broken(problems)
    elif sheet is None and words is not None:  # the words and the task sheet are still read
        problems.add(Location(str(words.path)), f'có lời văn kế hoạch nhưng không tìm thấy trang "{PLAN_SHEET}" '
                     "(năm, trích yếu, tên phụ lục) trong tệp Excel")  # fmt: skip
    return read_plan_word(words, (sheet, inputs.sheets.get(TARGET_SHEET)), unit, inputs.workbooks, problems)


def plan_year_place(inputs: InputSet, where: str) -> Location:
    """Where the plan year is written, for a message that blames it."""
    if "ke_hoach" in inputs.parts:
        return inputs.parts["ke_hoach"].location("ke_hoach.nam")
    sheet = inputs.sheets.get(PLAN_SHEET)
    return Location(str(sheet), sheet=PLAN_SHEET) if sheet is not None else Location(where)


def read_report_from(
    inputs: InputSet, unit: Unit | None, problems: Problems, where: str, period: tuple[str, int] | None = None
) -> tuple[ReportHeader, ReportWords] | None:
    """The report's words and header: ``bao_cao:`` in YAML, or its Word file (and "Báo cáo" sheet);
    ``period`` names the Word file a message gives as example."""
    if "bao_cao" in inputs.parts:
        return read_report_text(inputs.parts["bao_cao"], unit, problems)
    words, sheet = inputs.words.get("bao_cao"), inputs.sheets.get(REPORT_SHEET)
    if words is None:
        if sheet is not None and not inputs.unreadable_words:  # else the Word file's error says why
            problems.add(Location(str(sheet)), f'có trang "{REPORT_SHEET}" nhưng không tìm thấy lời văn báo cáo '
                         f"(tệp Word như {words_name(period)})")  # fmt: skip
        else:
            inputs.missing("bao_cao", problems, where, "lời văn báo cáo")
        return None
    with opened(sheet, problems) as book:
        return read_report_words(words, book, unit, problems)


def words_name(period: tuple[str, int] | None) -> str:
    """The name of a report's Word file: "bao_cao_q1_2023.docx" (without a period: its pattern)."""
    return f"bao_cao_{period[0].lower()}_{period[1]}.docx" if period else "bao_cao_<kỳ>_<năm>.docx"


@dataclass(frozen=True)
class ReportGap:
    """The report's own inputs missing for the period asked while the folder holds another
    period's files: the words (``bao_cao``), the progress sheet ("Tiến độ")."""

    words: bool = False
    progress: bool = False


def report_gap(inputs: InputSet, period: tuple[str, int], problems: Problems, where: str) -> ReportGap:
    """What of the report of ``period`` is missing because its files are named for other periods;
    one problem says which periods the folder holds, instead of a missing part and a missing sheet
    blamed on the plan's workbook. A file named for ``period`` that gave nothing has its own error.
    """
    if not inputs.elsewhere:
        return ReportGap()
    named = {p.suffix.lower() for p in inputs.named}
    gap = ReportGap(
        words="bao_cao" not in inputs.parts and "bao_cao" not in inputs.words
        and not named & {".yaml", ".yml", ".docx"},
        progress=PROGRESS_SHEET not in inputs.sheets and ".xlsx" not in named,
    )  # fmt: skip
    if gap.words or gap.progress:
        problems.add(Location(where), _gap_message(inputs, period, gap))
    return gap


def _gap_message(inputs: InputSet, period: tuple[str, int], gap: ReportGap) -> str:
    """ "không có … của kỳ Q1/2022: thư mục chỉ có tệp của kỳ Q3/2022 (…); chạy với --period Q3, …" """
    code, year = period
    held: dict[tuple[str, int], list[Path]] = {}
    for path in inputs.elsewhere:
        held.setdefault(period_of(path) or period, []).append(path)
    periods = sorted(held, key=chronological)
    files = " và ".join(f"kỳ {c}/{y} ({', '.join(p.name for p in held[(c, y)])})" for c, y in periods)
    runs = " hoặc ".join(f"--period {c}" + (f" --year {y}" if y != year else "") for c, y in periods)
    missing = " và ".join(
        w for w, gone in (("lời văn báo cáo", gap.words), ("số liệu tiến độ", gap.progress)) if gone
    )
    there = {p.name for p in inputs.named}
    wanted = [n for n in dict.fromkeys(_renamed(p, period) for p in held[periods[-1]]) if n not in there]
    holds = "chỉ có tệp của" if not inputs.named else "có tệp của kỳ khác:"
    names = f" ({', '.join(wanted)})" if wanted else ""
    return (f"không có {missing} của kỳ {code}/{year}: thư mục {holds} {files}; chạy với {runs}, hoặc thêm "
            f"tệp của kỳ {code}/{year}{names}")  # fmt: skip


def _renamed(path: Path, period: tuple[str, int]) -> str:
    """ "tien_do_q3_2022.xlsx" for ("Q1", 2022) → "tien_do_q1_2022.xlsx"."""
    old = period_of(path)
    cut = len(f"_{old[0]}_{old[1]}") if old else 0
    return f"{path.stem[: len(path.stem) - cut]}_{period[0].lower()}_{period[1]}{path.suffix}"
