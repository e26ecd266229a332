"""Sheets of label and value rows ("Đơn vị", "Kế hoạch", "Báo cáo"): one item per row, as a form.

Column A names the item ("Họ tên người ký"), column B holds its value, column C says what to
type. Labels are matched like column headers (any case, spacing or Unicode form). A missing
required row is an error at the sheet, a blank required value an error at its cell, an
unknown label a notice; the row order does not matter.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path

from generator.domain.sheets import LABEL_COLUMNS as LABEL_COLUMNS
from generator.domain.text import normalise_header
from generator.errors import Location, Problems
from generator.inputs.formats.cells import CellReader
from generator.inputs.formats.excel import Cell, Workbook
from generator.inputs.formats.fields import MISSING


@dataclass(frozen=True)
class Item:
    """One row of a form sheet: its key in code, its label as staff read it, what to type."""

    key: str
    label: str
    required: bool = False
    aliases: tuple[str, ...] = ()
    choices: tuple[str, ...] = ()  # drop-down list in workbooks cchc writes
    note: str = ""

    def names(self) -> set[str]:
        return {normalise_header(name) for name in (self.label, *self.aliases)}


@dataclass
class Form:
    """The value cells of one form sheet by item key, and a reader for them."""

    book: Workbook
    title: str
    reader: CellReader
    cells: dict[str, Cell] = field(default_factory=dict)

    @property
    def where(self) -> Location:
        return Location(str(self.book.path), sheet=self.title)

    def cell(self, key: str) -> Cell:
        """The value cell of ``key``; a blank cell placed at the sheet when the row is absent."""
        return self.cells.get(key) or Cell(self.where, None)

    def text(self, key: str) -> str:
        return self.reader.text(self.cell(key), required=False)

    def lines(self, key: str) -> tuple[str, ...]:
        """A cell of several lines (Alt+Enter) or ";"-separated items, as a list."""
        text = self.text(key)
        parts = text.splitlines() if "\n" in text else text.split(";")
        return tuple(p.strip() for p in parts if p.strip())


def read_form(book: Workbook, title: str, items: Sequence[Item], problems: Problems) -> Form | None:
    """Read sheet ``title`` of ``book`` as a form of ``items``; None when the sheet is unusable."""
    sheet = book.sheet(title, LABEL_COLUMNS)
    if sheet is None:
        return None
    form = Form(book, sheet.title, CellReader(book, problems))
    by_name = {name: item for item in items for name in item.names()}
    for row in sheet.rows:
        label = row["muc"]
        if label.blank:
            if not row["gia_tri"].blank:
                problems.warn(row["gia_tri"].location, "bỏ qua giá trị không có tên mục ở cột bên trái")
            continue
        item = by_name.get(normalise_header(label.value))
        if item is None:
            problems.warn(label.location, f'bỏ qua mục "{str(label.value).strip()}" (không thuộc mẫu)')
        elif item.key in form.cells:
            first = form.cells[item.key].location.cell
            problems.add(label.location, f'mục "{item.label}" bị ghi hai lần (lần đầu ở dòng của ô {first})')
        else:  # a form's messages name the item, not the "Giá trị" column
            form.cells[item.key] = replace(row["gia_tri"], column=None)
    for item in items:
        if not item.required:
            continue
        if item.key not in form.cells:
            problems.add(form.where, f'thiếu dòng "{item.label}"')
        elif form.cells[item.key].blank:
            problems.add(form.cells[item.key].location, f"{MISSING} ({item.label})")
    return form


@contextmanager
def opened(path: Path | None, problems: Problems) -> Iterator[Workbook | None]:
    """The workbook at ``path`` for the block (None when absent or unreadable), closed after.

    Open one ``Workbook`` per file at a time: each keeps what it read in the user cache when
    closed, and one closed later would store less than one closed before it.
    """
    book = Workbook(path, problems) if path is not None else None
    try:
        yield book if book is not None and book.ok else None
    finally:
        if book is not None:
            book.close()
