"""A table cell's error names its column as the sheet shows it, and the allowed values (#26 item 2)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from generator.domain.sheets import STATE_CHOICES as STATES
from generator.errors import Problems
from generator.inputs.formats.cells import CellReader
from generator.inputs.formats.excel import Cell, Column, Workbook
from generator.inputs.formats.labelled import Item, read_form
from tests.test_excel_input import make_book

COLUMNS = (
    Column("linh_vuc", "Lĩnh vực"),
    Column("tiep_nhan", "Tiếp nhận", aliases=("Số hồ sơ tiếp nhận",)),
    Column("ngay", "Ngày hoàn thành", required=False),
    Column("ty_le", "Tỷ lệ (%)", required=False),
    Column("trang_thai", "Trạng thái", choices=STATES),
)
HEADERS = ["Lĩnh vực", "Tiếp nhận", "Ngày hoàn thành", "Tỷ lệ (%)", "Trạng thái"]
GOOD = ["Hộ tịch", 12, "15/01/2022", 98.5, STATES[0]]
Read = Callable[[CellReader, Cell], object]
KINDS: list[tuple[str, int, Any, Read, str]] = [
    ("count", 1, "một trăm", lambda r, c: r.count(c), 'cần một số nguyên, không phải "một trăm" (cột "Tiếp nhận")'),
    ("negative", 1, -3, lambda r, c: r.count(c), 'số lượng không được âm (-3) (cột "Tiếp nhận")'),
    ("date", 2, "31/02/2022", lambda r, c: r.date(c, required=False),
     'ngày không hợp lệ "31/02/2022": tháng 2 năm 2022 không có ngày 31 (chỉ có 28 ngày) (cột "Ngày hoàn thành")'),
    ("percent", 3, "chín mươi", lambda r, c: r.percent(c, required=False),
     'cần một tỷ lệ phần trăm, không phải "chín mươi" (cột "Tỷ lệ (%)")'),
    ("percent-range", 3, 120, lambda r, c: r.percent(c, required=False),
     'tỷ lệ phải từ 0% đến 100% (120) (cột "Tỷ lệ (%)")'),
    ("choice", 4, "Xong", lambda r, c: r.choice(c, STATES, "trạng thái"),
     'trạng thái "Xong" không hợp lệ (cột "Trạng thái"; cần một trong: Hoàn thành, Đang thực hiện, '
     "Chưa thực hiện)"),
    ("blank", 4, None, lambda r, c: r.choice(c, STATES, "trạng thái"),
     'thiếu giá trị bắt buộc (cột "Trạng thái"; chọn một trong: Hoàn thành, Đang thực hiện, Chưa thực hiện)'),
]  # fmt: skip


def one_row(
    tmp_path: Path, headers: list[str], row: list[Any]
) -> tuple[dict[str, Cell], CellReader, Problems]:
    problems = Problems()
    book = Workbook(make_book(tmp_path / "a.xlsx", [headers, row]), problems)
    sheet = book.sheet("Số liệu", COLUMNS)
    assert sheet is not None, [str(p) for p in problems.items]
    return sheet.rows[0], CellReader(book, problems), problems


@pytest.mark.parametrize(
    ("index", "value", "read_with", "message"), [k[1:] for k in KINDS], ids=[k[0] for k in KINDS]
)
def test_each_kind_of_cell_error_names_its_column(
    tmp_path: Path, index: int, value: Any, read_with: Read, message: str
) -> None:
    row = [*GOOD[:index], value, *GOOD[index + 1 :]]
    cells, reader, problems = one_row(tmp_path, HEADERS, row)
    assert read_with(reader, cells[COLUMNS[index].key]) is None
    letter = "ABCDE"[index]
    assert [str(p) for p in problems.errors] == [
        f'{tmp_path / "a.xlsx"}, trang "Số liệu", ô {letter}2: {message}'
    ]


def test_the_column_is_named_as_the_sheet_shows_it(tmp_path: Path) -> None:
    """An accepted other name, in capitals and loose spacing: the clerk looks for what is there."""
    headers = ["Lĩnh vực", "Số hồ sơ   tiếp nhận", "Ngày hoàn thành", "Tỷ lệ (%)", "TRẠNG THÁI"]
    cells, reader, problems = one_row(tmp_path, headers, ["Hộ tịch", "nhiều", None, None, "Xong"])
    reader.count(cells["tiep_nhan"])
    reader.choice(cells["trang_thai"], STATES, "trạng thái")
    assert [p.message for p in problems.errors] == [
        'cần một số nguyên, không phải "nhiều" (cột "Số hồ sơ tiếp nhận")',
        'trạng thái "Xong" không hợp lệ (cột "TRẠNG THÁI"; cần một trong: Hoàn thành, Đang thực hiện, '
        "Chưa thực hiện)",
    ]


def test_a_form_cell_names_no_column(tmp_path: Path) -> None:
    """A form sheet's values all sit in its "Giá trị" column: naming it would tell nothing."""
    path = make_book(tmp_path / "a.xlsx", [["Mục", "Giá trị"], ["Năm", "hai không"]], title="Kế hoạch")
    problems = Problems()
    form = read_form(Workbook(path, problems), "Kế hoạch", [Item("nam", "Năm", required=True)], problems)
    assert form is not None
    assert form.reader.count(form.cell("nam")) is None
    assert [p.message for p in problems.errors] == ['cần một số nguyên, không phải "hai không"']
