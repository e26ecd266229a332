"""The progress workbook (sheets "Tiến độ", "TTHC", "Số liệu") → ``Progress``, checked.

Every figure is checked where it was typed: counts are whole and not negative, resolved
records never exceed those received, rates stay within 100%, and the task list matches
the plan's (a task missing on either side is reported).

The TTHC sheet against the official form (Biểu 06/VPCP/KSTT): docs/tthc-form-06.md §7.
"""

from __future__ import annotations

from pathlib import Path

from generator.domain.indicators import ENTERED_STATES, METRICS
from generator.domain.models import FieldStats, Figure, Plan, Progress, TaskProgress
from generator.domain.periods import Period
from generator.domain.text import normalise_header
from generator.errors import Location, Problems
from generator.inputs.cells import CellReader
from generator.inputs.excel import Cell, Column, Sheet, Workbook
from generator.inputs.tasks import find_sheet

PROGRESS_SHEET, TTHC_SHEET, FIGURES_SHEET = "Tiến độ", "TTHC", "Số liệu"
STATE_CHOICES = tuple(s.capitalize() for s in ENTERED_STATES)
PROGRESS_COLUMNS = (
    Column("ma", "Mã", aliases=("Mã nhiệm vụ",), width=9, note="Mã nhiệm vụ trong phụ lục kế hoạch (I.1, II.3…)"),
    Column("nhiem_vu", "Nhiệm vụ", required=False, width=50, note="Chỉ để đối chiếu; cchc lấy tên từ kế hoạch"),
    Column("trang_thai", "Trạng thái", width=18, choices=STATE_CHOICES,
           note="Hoàn thành / Đang thực hiện / Chưa thực hiện (quá hạn do cchc tự tính)"),
    Column("ngay", "Ngày hoàn thành", required=False, width=16, note="dd/mm/yyyy, khi đã hoàn thành"),
    Column("ket_qua", "Kết quả", required=False, width=45, note="Sản phẩm, văn bản đã ban hành…"),
)  # fmt: skip
TTHC_COLUMNS = (
    Column("linh_vuc", "Lĩnh vực", width=30),
    Column("tiep_nhan", "Tiếp nhận", aliases=("Số hồ sơ tiếp nhận", "Tiếp nhận mới"), width=12,
           note="Số hồ sơ tiếp nhận trong kỳ (kể cả trực tuyến)"),
    Column("truc_tuyen", "Trực tuyến", aliases=("Tiếp nhận trực tuyến",), width=12),
    Column("ky_truoc", "Kỳ trước chuyển sang", required=False, width=14),
    Column("truoc_han", "Trước hạn", aliases=("Giải quyết trước hạn",), width=12),
    Column("dung_han", "Đúng hạn", aliases=("Giải quyết đúng hạn",), width=12),
    Column("tre_han", "Trễ hạn", aliases=("Giải quyết trễ hạn", "Quá hạn"), width=12),
    Column("dang_giai_quyet", "Đang giải quyết", required=False, aliases=("Chưa giải quyết",), width=14),
)  # fmt: skip
FIGURES_COLUMNS = (
    Column("chi_so", "Mã chỉ số", width=30, choices=tuple(METRICS), note="Mã chỉ số như trong kế hoạch (chi_so)"),
    Column("noi_dung", "Nội dung", required=False, width=50),
    Column("so_dat", "Số đạt", required=False, width=12, note="Tử số: số đạt yêu cầu"),
    Column("tong_so", "Tổng số", required=False, width=12, note="Mẫu số: tổng số"),
    Column("ty_le", "Tỷ lệ (%)", required=False, width=12, note="Chỉ ghi khi không có số đạt/tổng số (ví dụ khảo sát)"),
)  # fmt: skip
_TOTAL_ROWS = {"tổng", "tổng cộng", "cộng", "tổng số"}


def read_progress(
    workbooks: list[Path], plan: Plan | None, period: Period | None, problems: Problems
) -> Progress | None:
    """Read and check the three sheets; None when any of them is unusable.

    ``plan`` and ``period`` are None when the plan or the unit profile could not be read: every
    cell is still checked, but not against the plan's tasks or the period's cut-off date.
    """
    book = find_sheet(workbooks, PROGRESS_SHEET, problems)
    if book is None:
        return None
    try:
        reader = CellReader(book, problems)
        tasks = _tasks(book, reader, plan, period, problems)
        fields = _fields(book, reader, problems)
        figures = _figures(book, reader, problems)
    finally:
        book.close()
    if tasks is None or fields is None or figures is None:
        return None
    return Progress(tasks, fields, figures)


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
    for row in sheet.rows:
        entry = _task_row(reader, row, period)
        if entry is None:
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
    missing = [code for code in (known or {}).values() if code not in found]
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


def _fields(book: Workbook, reader: CellReader, problems: Problems) -> tuple[FieldStats, ...] | None:
    sheet = _sheet(book, TTHC_SHEET, TTHC_COLUMNS)
    if sheet is None:
        return None
    stats = []
    for row in sheet.rows:
        name = reader.text(row["linh_vuc"])
        if normalise_header(name) in _TOTAL_ROWS:
            continue  # staff's own totals row: cchc computes the totals itself
        counts = {key: reader.count(row[key], required=key not in ("ky_truoc", "dang_giai_quyet"))
                  for key in (c.key for c in TTHC_COLUMNS[1:]) if key in row}  # fmt: skip
        if not name or any(value is None for value in counts.values()):
            continue
        field = FieldStats(
            field=name,
            received=counts["tiep_nhan"] or 0,
            online=counts["truc_tuyen"] or 0,
            carried=counts.get("ky_truoc") or 0,
            early=counts["truoc_han"] or 0,
            on_time=counts["dung_han"] or 0,
            late=counts["tre_han"] or 0,
            pending=counts.get("dang_giai_quyet") or 0,
            location=row["linh_vuc"].location,
        )
        if _consistent(field, row, problems):
            stats.append(field)
    return tuple(stats)


def _consistent(field: FieldStats, row: dict[str, Cell], problems: Problems) -> bool:
    ok = True
    available = field.received + field.carried
    if field.resolved > available:
        problems.add(
            row["tre_han"].location,
            f"số hồ sơ đã giải quyết ({field.resolved}) lớn hơn số tiếp nhận và kỳ trước chuyển sang ({available})",
        )
        ok = False
    if field.online > field.received:
        problems.add(
            row["truc_tuyen"].location,
            f"số hồ sơ trực tuyến ({field.online}) lớn hơn số tiếp nhận ({field.received})",
        )
        ok = False
    return ok


def _figures(book: Workbook, reader: CellReader, problems: Problems) -> dict[str, Figure] | None:
    sheet = _sheet(book, FIGURES_SHEET, FIGURES_COLUMNS)
    if sheet is None:
        return None
    figures: dict[str, Figure] = {}
    for row in sheet.rows:
        metric = reader.choice(row["chi_so"], tuple(METRICS), "mã chỉ số")
        figure = _figure(metric, row, reader) if metric else None
        if figure is None:
            continue
        if figure.metric in figures:
            first = figures[figure.metric].location.cell
            problems.add(figure.location, f'chỉ số "{figure.metric}" bị nhập hai lần (lần đầu ở ô {first})')
        figures[figure.metric] = figure
    return figures


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
        return Figure(metric, achieved, total, None, where)
    if percent_cell is None or percent_cell.blank:
        reader.problems.add(where, "cần số đạt và tổng số, hoặc tỷ lệ (%)")
        return None
    percent = reader.percent(percent_cell)
    return Figure(metric, None, None, percent, where) if percent is not None else None
