"""Workbooks that cchc writes for staff to fill: the same columns the readers expect.

Headers in Vietnamese, frozen header row, column widths, drop-down lists where a value
comes from a list, a comment on each header saying what to type, an instructions sheet.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.inputs.excel import Column

HEADER_FILL = "DDEBF7"


@dataclass(frozen=True)
class SheetSpec:
    title: str
    columns: Sequence[Column]
    purpose: str  # one line for the instructions sheet


def new_workbook(specs: Sequence[SheetSpec], instructions: Iterable[str]) -> Any:
    """An openpyxl workbook with one sheet per spec, then a "Hướng dẫn" sheet."""
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.worksheets[0])
    for spec in specs:
        add_sheet(book, spec)
    guide = book.create_sheet("Hướng dẫn")
    guide.column_dimensions["A"].width = 110
    lines = list(instructions) + [""] + [f"Trang “{s.title}”: {s.purpose}" for s in specs]
    for spec in specs:
        for column in spec.columns:
            mark = " (bắt buộc)" if column.required else ""
            lines.append(f"  • {column.header}{mark}: {column.note or 'nhập như thường lệ'}")
    for index, line in enumerate(lines, start=1):
        guide.cell(row=index, column=1, value=line)
    return book


def add_sheet(book: Any, spec: SheetSpec) -> Any:
    """A sheet with a styled, frozen header row, widths, comments and drop-down lists."""
    from openpyxl.comments import Comment
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    sheet = book.create_sheet(spec.title)
    for index, column in enumerate(spec.columns, start=1):
        letter = get_column_letter(index)
        header = sheet.cell(row=1, column=index, value=column.header)
        header.font = Font(name="Times New Roman", bold=True)
        header.fill = PatternFill("solid", fgColor=HEADER_FILL)
        header.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        if column.note:
            header.comment = Comment(column.note, "cchc")
        sheet.column_dimensions[letter].width = column.width
        if column.choices:
            listing = ",".join(column.choices)
            check = DataValidation(type="list", formula1=f'"{listing}"', allow_blank=not column.required)
            check.error = f"Chọn một trong: {', '.join(column.choices)}"
            check.errorTitle = column.header
            check.showErrorMessage = True
            sheet.add_data_validation(check)
            check.add(f"{letter}2:{letter}1000")
    sheet.freeze_panes = "A2"
    return sheet


def fill_rows(sheet: Any, columns: Sequence[Column], rows: Iterable[dict[str, Any]]) -> None:
    """Append ``rows`` (dicts keyed by column key) with wrapped text, under the header."""
    from openpyxl.styles import Alignment, Font

    wrap = Alignment(wrap_text=True, vertical="top")
    font = Font(name="Times New Roman")
    for number, values in enumerate(rows, start=2):
        for index, column in enumerate(columns, start=1):
            value = values.get(column.key)
            if value is None or value == "":
                continue
            target = sheet.cell(row=number, column=index, value=value)
            target.alignment = wrap
            target.font = font


def save(book: Any, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    book.save(path)


def to_bytes(book: Any) -> bytes:
    """The .xlsx file as bytes, so it can be written atomically."""
    import io

    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
