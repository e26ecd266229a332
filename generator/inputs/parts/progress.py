"""The progress workbook (sheets "Tiến độ", "TTHC", "Số liệu") → ``Progress``, checked.

Every figure is checked where it was typed: counts are whole and not negative, the TTHC
figures satisfy the identities of Biểu 06 (``inputs.tthc``), rates stay within 100%, and
the task list matches the plan's (a task missing on either side is reported).
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from generator.domain.indicators import METRICS, metrics_of
from generator.domain.models import Figure, Metric, Plan, Progress, TaskProgress
from generator.domain.periods import Period
from generator.domain.sheets import FIGURES_COLUMNS as FIGURES_COLUMNS
from generator.domain.sheets import FIGURES_SHEET as FIGURES_SHEET
from generator.domain.sheets import PROGRESS_COLUMNS as PROGRESS_COLUMNS
from generator.domain.sheets import PROGRESS_SHEET as PROGRESS_SHEET
from generator.domain.sheets import STATE_CHOICES
from generator.errors import Location, Problems
from generator.inputs.formats.cells import CellReader
from generator.inputs.formats.excel import Cell, Column, Sheet, Workbook
from generator.inputs.parts.activities import read_activities
from generator.inputs.parts.custom_metrics import CUSTOM_SHEET, find_code, looks_like_code, unknown_metric
from generator.inputs.parts.tasks import find_sheet
from generator.inputs.parts.tthc import read_fields


def read_progress(
    workbooks: list[Path],
    plan: Plan | None,
    period: Period | None,
    problems: Problems,
    carried: Mapping[str, int] | None = None,
) -> Progress | None:
    """Read and check the sheets (and "Kết quả CCHC" when present); None when any is unusable.

    ``plan`` and ``period`` are None when the plan or the unit profile could not be read: every
    cell is still checked, but not against the plan's tasks or the period's cut-off date.
    """
    book = find_sheet(workbooks, PROGRESS_SHEET, problems)
    if book is None:
        return None
    try:
        reader = CellReader(book, problems)
        tasks = _tasks(book, reader, plan, period, problems)
        fields = read_fields(book, reader, problems, carried)
        figures = _figures(book, reader, problems, metrics_of(plan) if plan is not None else None)
        activities = read_activities(book, reader, problems)
    finally:
        book.close()
    if tasks is None or fields is None or figures is None or activities is None:
        return None
    return Progress(tasks, fields, figures, activities)


def read_task_states(
    workbooks: list[Path], plan: Plan, period: Period, problems: Problems
) -> dict[str, TaskProgress] | None:
    """Only the "Tiến độ" sheet (next year's draft needs the task states, not the figures)."""
    book = find_sheet(workbooks, PROGRESS_SHEET, problems)
    if book is None:
        return None
    try:
        return _tasks(book, CellReader(book, problems), plan, period, problems)
    finally:
        book.close()


def _sheet(book: Workbook, title: str, columns: tuple[Column, ...]) -> Sheet | None:
    return book.sheet(title, columns)


def _tasks(
    book: Workbook, reader: CellReader, plan: Plan | None, period: Period | None, problems: Problems
) -> dict[str, TaskProgress] | None:
    sheet = _sheet(book, PROGRESS_SHEET, PROGRESS_COLUMNS)
    if sheet is None:
        return None
    known = {task.code.casefold(): task.code for task in plan.tasks} if plan is not None else None
    found: dict[str, TaskProgress] = {}
    flawed: set[str] = set()  # codes whose row has its own error: not also "missing"
    for row in sheet.rows:
        entry = _task_row(reader, row, period)
        if entry is None:
            if not row["ma"].blank:
                flawed.add(str(row["ma"].value).strip().casefold())
            continue
        code = entry.code if known is None else known.get(entry.code.casefold())
        if code is None:
            problems.add(entry.location, f'mã nhiệm vụ "{entry.code}" không có trong phụ lục kế hoạch')
        elif code in found:
            problems.add(
                entry.location,
                f'mã nhiệm vụ "{entry.code}" bị nhập hai lần (lần đầu ở ô {found[code].location.cell})',
            )
        else:
            found[code] = TaskProgress(code, entry.state, entry.completed, entry.result, entry.location)
    missing = [code for key, code in (known or {}).items() if code not in found and key not in flawed]
    if missing:
        problems.add(
            Location(str(book.path), sheet=sheet.title),
            f"thiếu tiến độ của {len(missing)} nhiệm vụ trong kế hoạch: {', '.join(missing)}",
        )
    return found


def _task_row(reader: CellReader, row: dict[str, Cell], period: Period | None) -> TaskProgress | None:
    code = reader.text(row["ma"])
    state = reader.choice(row["trang_thai"], STATE_CHOICES, "trạng thái")
    completed = reader.date(row["ngay"], required=False) if "ngay" in row else None
    if completed is not None and period is not None and completed > period.end:
        reader.problems.add(
            row["ngay"].location,
            f"ngày hoàn thành {completed:%d/%m/%Y} sau ngày chốt số liệu {period.end:%d/%m/%Y}",
        )
    result = reader.text(row["ket_qua"], required=False) if "ket_qua" in row else ""
    if not code or state is None:
        return None
    return TaskProgress(code, state.lower(), completed, result, row["ma"].location)


def _figures(
    book: Workbook, reader: CellReader, problems: Problems, metrics: Mapping[str, Metric] | None
) -> dict[str, Figure] | None:
    """The "Số liệu" rows; a code must be one of ``metrics`` (the plan's), or, without a plan
    (None), cchc's or one that may be the plan's own ("Chỉ số riêng")."""
    sheet = _sheet(book, FIGURES_SHEET, FIGURES_COLUMNS)
    if sheet is None:
        return None
    figures: dict[str, Figure] = {}
    for row in sheet.rows:
        metric = _metric(row["chi_so"], reader, metrics)
        figure = _figure(metric, row, reader) if metric else None
        if figure is None:
            continue
        if figure.metric in figures:
            first = figures[figure.metric].location.cell
            problems.add(figure.location, f'chỉ số "{figure.metric}" bị nhập hai lần (lần đầu ở ô {first})')
        figures[figure.metric] = figure
    return figures


def _metric(cell: Cell, reader: CellReader, metrics: Mapping[str, Metric] | None) -> str | None:
    text = reader.text(cell)
    metric = find_code(text, METRICS if metrics is None else metrics) if text else None
    if metric is None and text and metrics is None and looks_like_code(text):
        return text  # perhaps the unreadable plan's own indicator: not blamed here
    if metric is None and text:
        where = f"trang “{CUSTOM_SHEET}” của kế hoạch"
        reader.problems.add(cell.location, unknown_metric("mã chỉ số", text, metrics or METRICS, where))
    return metric


def _figure(metric: str, row: dict[str, Cell], reader: CellReader) -> Figure | None:
    """A count over a total, or (for surveys) a rate; never both missing."""
    where = row["chi_so"].location
    achieved_cell, total_cell, percent_cell = row.get("so_dat"), row.get("tong_so"), row.get("ty_le")
    if achieved_cell is not None and not achieved_cell.blank:
        achieved = reader.count(achieved_cell)
        if total_cell is None or total_cell.blank:
            reader.problems.add(achieved_cell.location, "có số đạt nhưng thiếu tổng số")
            return None
        total = reader.count(total_cell)
        if achieved is None or total is None:
            return None
        if achieved > total:
            reader.problems.add(achieved_cell.location, f"số đạt ({achieved}) lớn hơn tổng số ({total})")
            return None
        return Figure(metric, achieved, total, None, where, total_cell.location)
    if percent_cell is None or percent_cell.blank:
        reader.problems.add(where, "cần số đạt và tổng số, hoặc tỷ lệ (%)")
        return None
    percent = reader.percent(percent_cell)
    return Figure(metric, None, None, percent, where) if percent is not None else None
