"""The units a receiving office expects a report from: a column of a workbook (``cchc tong-hop
--don-vi``), headed "Đơn vị" (or "Tên đơn vị", "Đơn vị báo cáo"), on the first sheet that has it."""

from __future__ import annotations

from pathlib import Path

from generator.domain import form06
from generator.errors import GeneratorError, InputError, Location, Problems
from generator.inputs.formats.excel import Column, Workbook

UNIT_COLUMN = Column(
    "ten", form06.UNIT_TITLE, aliases=("Tên đơn vị", "Đơn vị báo cáo", "Tên cơ quan, đơn vị")
)


def read_unit_list(path: Path) -> list[str]:
    """The names in the column, in order, blanks left out; ``GeneratorError`` without such a column."""
    problems = Problems()
    book = Workbook(path, problems)
    if not book.ok:
        raise InputError(problems.errors)
    try:
        for title in book.sheet_titles:
            sheet = book.sheet(title, [UNIT_COLUMN])
            if sheet is not None:
                return [str(row["ten"].value).strip() for row in sheet.rows if not row["ten"].blank]
    finally:
        book.close()
    raise GeneratorError(
        f"{Location(str(path))}: không có trang nào có cột “{UNIT_COLUMN.header}” (danh sách đơn vị)"
    )
