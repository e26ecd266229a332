"""Workbooks that cchc writes for staff to fill: the same columns the readers expect.

Headers in Vietnamese, frozen header row, column widths, drop-down lists where a value
comes from a list, a comment on each header saying what to type, an instructions sheet.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.domain import nd30
from generator.domain.indicators import METRICS
from generator.domain.sheets import CUSTOM_SHEET, LABEL_COLUMNS, Column
from generator.domain.sheets import LIST_SHEET as LIST_SHEET
from generator.inputs.formats import Item

HEADER_FILL = "DDEBF7"
LIST_LIMIT = 255  # Excel refuses a drop-down written as a list longer than this (characters)
_MEANINGS = {code: metric.label for code, metric in METRICS.items()}
EXAMPLE_YEAR = 2022  # the plan year the readers' notes give their examples for ("Quý I/2022")
_EXAMPLE_YEARS = re.compile(rf"(?<!\d)(?:{EXAMPLE_YEAR - 1}|{EXAMPLE_YEAR})(?!\d)")


def dated(note: str, year: int | None) -> str:
    """``note`` with its example years (2021, 2022) moved to the plan year ``year``: a 2027
    workbook says "Quý I/2027", not "Quý I/2022". Other years (7/2025) stay."""
    if year is None:
        return note
    return _EXAMPLE_YEARS.sub(lambda found: str(int(found[0]) + year - EXAMPLE_YEAR), note)


@dataclass(frozen=True)
class SheetSpec:
    title: str
    columns: Sequence[Column]
    purpose: str  # one line for the instructions sheet


def new_workbook(specs: Sequence[SheetSpec], instructions: Iterable[str], year: int | None = None) -> Any:
    """An openpyxl workbook with one sheet per spec, then a "Hướng dẫn" sheet; notes dated for ``year``."""
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.worksheets[0])
    for spec in specs:
        add_sheet(book, spec, year)
    guide_sheet(book, instructions, specs, year)
    return book


def guide_sheet(
    book: Any, instructions: Iterable[str], specs: Sequence[SheetSpec], year: int | None = None
) -> Any:
    """The "Hướng dẫn" sheet: ``instructions``, then each table's purpose and columns."""
    guide = book.create_sheet("Hướng dẫn")
    guide.column_dimensions["A"].width = 110
    lines = list(instructions) + [""] + [f"Trang “{s.title}”: {s.purpose}" for s in specs]
    for spec in specs:
        for column in spec.columns:
            mark = " (bắt buộc)" if column.required else ""
            lines.append(f"  • {column.header}{mark}: {dated(column.note, year) or 'nhập như thường lệ'}")
    for index, line in enumerate(lines, start=1):
        guide.cell(row=index, column=1, value=line)
    if LIST_SHEET in book.sheetnames:  # the lists of long drop-downs go last, after the guide
        book.move_sheet(LIST_SHEET, len(book.sheetnames) - 1 - book.sheetnames.index(LIST_SHEET))
    return guide


def add_sheet(book: Any, spec: SheetSpec, year: int | None = None) -> Any:
    """A sheet with a styled, frozen header row, widths, comments and drop-down lists."""
    from openpyxl.comments import Comment
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    sheet = book.create_sheet(spec.title)
    for index, column in enumerate(spec.columns, start=1):
        letter = get_column_letter(index)
        header = sheet.cell(row=1, column=index, value=column.header)
        header.font = Font(name=nd30.FONT, bold=True)
        header.fill = PatternFill("solid", fgColor=HEADER_FILL)
        header.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        if column.note:
            header.comment = Comment(dated(column.note, year), "cchc")
        sheet.column_dimensions[letter].width = column.width
        if column.choices:
            cells = f"{letter}2:{letter}1000"
            drop_down(
                sheet,
                column.choices,
                column.header,
                cells,
                blank=not column.required,
                strict=not column.open_list,
            )
    sheet.freeze_panes = "A2"
    return sheet


def drop_down(
    sheet: Any, choices: Sequence[str], title: str, cells: str, *, blank: bool = True, strict: bool = True
) -> None:
    """A drop-down list on ``cells``; a long list is kept on the "Danh mục" sheet and referred to.
    Not ``strict``: another value is only warned about (Excel asks "Continue?") and kept."""
    from openpyxl.worksheet.datavalidation import DataValidation

    listing = ",".join(choices)
    formula = f'"{listing}"' if len(listing) <= LIST_LIMIT else _listed(sheet.parent, title, choices)
    check = DataValidation(type="list", formula1=formula, allow_blank=blank)
    check.error = f"Chọn một trong danh sách ({title})"
    check.errorTitle = title
    check.showErrorMessage = True
    if not strict:
        check.errorStyle = "warning"
        check.error = f"Không có trong danh sách ({title}): chỉ dùng khi là mã ở trang “{CUSTOM_SHEET}”"
    sheet.add_data_validation(check)
    check.add(cells)


def _listed(book: Any, title: str, choices: Sequence[str]) -> str:
    """Write ``choices`` (with their meanings, when known) as a column of the list sheet."""
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    lists = book[LIST_SHEET] if LIST_SHEET in book.sheetnames else book.create_sheet(LIST_SHEET)
    column = 1 if lists.max_column == 1 and lists["A1"].value is None else lists.max_column + 2
    letter = get_column_letter(column)
    lists.cell(row=1, column=column, value=title).font = Font(bold=True)
    lists.cell(row=1, column=column + 1, value="Ý nghĩa").font = Font(bold=True)
    for row, choice in enumerate(choices, start=2):
        lists.cell(row=row, column=column, value=choice)
        lists.cell(row=row, column=column + 1, value=_MEANINGS.get(choice, ""))
    lists.column_dimensions[letter].width = 32
    lists.column_dimensions[get_column_letter(column + 1)].width = 60
    return f"'{LIST_SHEET}'!${letter}$2:${letter}${len(choices) + 1}"


def add_form(
    book: Any, title: str, items: Sequence[Item], values: dict[str, Any], year: int | None = None
) -> Any:
    """A sheet of label and value rows (``inputs.labelled``): label, value, what to type."""
    from openpyxl.styles import Alignment, Font, PatternFill

    sheet = book.create_sheet(title)
    for index, column in enumerate(LABEL_COLUMNS, start=1):
        header = sheet.cell(row=1, column=index, value=column.header)
        header.font = Font(name=nd30.FONT, bold=True)
        header.fill = PatternFill("solid", fgColor=HEADER_FILL)
        sheet.column_dimensions["ABC"[index - 1]].width = column.width
    wrap = Alignment(wrap_text=True, vertical="top")
    for row, item in enumerate(items, start=2):
        mark = " *" if item.required else ""
        sheet.cell(row=row, column=1, value=item.label + mark).font = Font(name=nd30.FONT, bold=True)
        value = sheet.cell(row=row, column=2, value=values.get(item.key))
        value.alignment, value.font = wrap, Font(name=nd30.FONT)
        note = sheet.cell(row=row, column=3, value=dated(item.note, year))
        note.alignment, note.font = wrap, Font(name=nd30.FONT, italic=True, color="555555")
        if item.choices:
            drop_down(sheet, item.choices, item.label, f"B{row}")
    sheet.freeze_panes = "A2"
    return sheet


def fill_rows(sheet: Any, columns: Sequence[Column], rows: Iterable[dict[str, Any]]) -> None:
    """Append ``rows`` (dicts keyed by column key) with wrapped text, under the header."""
    from openpyxl.styles import Alignment, Font

    wrap = Alignment(wrap_text=True, vertical="top")
    font = Font(name=nd30.FONT)
    for number, values in enumerate(rows, start=2):
        for index, column in enumerate(columns, start=1):
            value = values.get(column.key)
            if value is None or value == "":
                continue
            target = sheet.cell(row=number, column=index, value=value)
            target.alignment = wrap
            target.font = font


def put(cell: Any, value: Any) -> Any:
    """Set ``cell`` to ``value``; a text stays a text cell whatever it starts with ("=", "+", "@"):
    openpyxl would make "=HYPERLINK(…)" from a user's file a live formula."""
    cell.value = value
    if isinstance(value, str):
        cell.data_type = "s"
    return cell


def own_formulas(book: Any) -> frozenset[int]:
    """The formula cells ``book`` was opened with (the user's own), for ``to_bytes`` to keep."""
    return frozenset(id(c) for sheet in book.worksheets for c in _cells(sheet) if c.data_type == "f")


def save(book: Any, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(to_bytes(book))


def to_bytes(book: Any, kept: frozenset[int] = frozenset()) -> bytes:
    """The .xlsx file as bytes, so it can be written atomically. Every workbook cchc writes passes
    here: each formula cell not in ``kept`` (``own_formulas`` of the file it was opened from)
    becomes the text it holds, so no text cchc wrote can run as a formula in Excel."""
    import io

    for sheet in book.worksheets:
        for cell in _cells(sheet):
            if cell.data_type == "f" and isinstance(cell.value, str) and id(cell) not in kept:
                cell.data_type = "s"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _cells(sheet: Any) -> Iterable[Any]:
    """The cells ``sheet`` holds; ``iter_rows`` would create every empty cell of its range."""
    return list(sheet._cells.values())
