"""The "Kết quả CCHC" sheet of the progress workbook: one count per code of ``domain.activities``.

The sheet is optional (workbooks made before it existed have none); a code is counted once,
a blank count says nothing, and a part never exceeds its whole (issues fixed ≤ issues found,
petitions handled ≤ petitions received), each error at its cell.
"""

from __future__ import annotations

from generator.domain.activities import ACTIVITIES, PARTS_OF
from generator.domain.sheets import ACTIVITY_COLUMNS as ACTIVITY_COLUMNS
from generator.domain.sheets import ACTIVITY_SHEET as ACTIVITY_SHEET
from generator.errors import Problems
from generator.inputs.formats.cells import CellReader
from generator.inputs.formats.excel import Cell, Workbook


def activity_rows() -> list[dict[str, object]]:
    """Every code with its name and a blank count: the sheet ``cchc init`` writes."""
    return [{"ma": code, "noi_dung": activity.label} for code, activity in ACTIVITIES.items()]


def read_activities(book: Workbook, reader: CellReader, problems: Problems) -> dict[str, int] | None:
    """The counts of the sheet (empty when the workbook has no such sheet); None when unusable."""
    if book.find_title(ACTIVITY_SHEET) is None:
        return {}
    sheet = book.sheet(ACTIVITY_SHEET, ACTIVITY_COLUMNS)
    if sheet is None:
        return None
    counts: dict[str, int] = {}
    cells: dict[str, Cell] = {}  # code → its count's cell
    seen: dict[str, Cell] = {}  # code → the cell naming it first
    for row in sheet.rows:
        code = reader.choice(row["ma"], tuple(ACTIVITIES), "mã số liệu")
        if code is None or row["so_luong"].blank:
            continue
        if code in seen:
            first = seen[code].location.cell
            problems.add(row["ma"].location, f'mã "{code}" bị nhập hai lần (lần đầu ở ô {first})')
            continue
        seen[code] = row["ma"]
        count = reader.count(row["so_luong"])
        if count is not None:
            counts[code], cells[code] = count, row["so_luong"]
    for part, whole in PARTS_OF:
        if part in counts and whole in counts and counts[part] > counts[whole]:
            problems.add(
                cells[part].location,
                f"{ACTIVITIES[part].label.lower()} ({counts[part]}) nhiều hơn "
                f"{ACTIVITIES[whole].label.lower()} ({counts[whole]})",
            )
    return counts
