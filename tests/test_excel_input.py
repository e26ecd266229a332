"""Workbooks as staff fill them: each quirk built inside the test, read or rejected with its cell."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
import zipfile
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from generator.errors import Problems
from generator.inputs.formats.cells import CellReader
from generator.inputs.formats.excel import Column, Workbook

COLUMNS = (
    Column("linh_vuc", "Lĩnh vực"),
    Column("tiep_nhan", "Tiếp nhận"),
    Column("ngay", "Ngày", required=False),
    Column("ty_le", "Tỷ lệ (%)", required=False),
)


def make_book(path: Path, rows: list[list[Any]], title: str = "Số liệu", **options: Any) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = title
    for row in rows:
        sheet.append(row)
    for cell, fmt in options.get("formats", {}).items():
        sheet[cell].number_format = fmt
    for merged in options.get("merged", []):
        sheet.merge_cells(merged)
    if options.get("hidden"):
        sheet.sheet_state = "hidden"
        book.create_sheet("Trang hiện")
    book.save(path)
    return path


def read(path: Path, title: str = "Số liệu") -> tuple[list[dict[str, Any]], Problems, Workbook]:
    problems = Problems()
    book = Workbook(path, problems)
    sheet = book.sheet(title, COLUMNS) if book.ok else None
    return (sheet.rows if sheet else []), problems, book


def test_excel_dates_and_day_first_text(tmp_path: Path) -> None:
    path = make_book(tmp_path / "a.xlsx", [
        ["Lĩnh vực", "Tiếp nhận", "Ngày"],
        ["Hộ tịch", 1, dt.datetime(2022, 1, 15)],
        ["Chứng thực", 1, "01/02/2022"],
        ["Đất đai", 1, "1-2-2022"],
    ])  # fmt: skip
    rows, problems, book = read(path)
    reader = CellReader(book, problems)
    assert [reader.date(r["ngay"]) for r in rows] == [
        dt.date(2022, 1, 15),
        dt.date(2022, 2, 1),
        dt.date(2022, 2, 1),
    ]
    assert problems.items == []


@pytest.mark.parametrize(
    ("typed", "expected"),
    [("1.234", 1234), ("1.234.567", 1234567), (" 42 ", 42), (17, 17), (17.0, 17)],
)
def test_counts_typed_as_text(tmp_path: Path, typed: object, expected: int) -> None:
    path = make_book(tmp_path / "a.xlsx", [["Lĩnh vực", "Tiếp nhận"], ["Hộ tịch", typed]])
    rows, problems, book = read(path)
    assert CellReader(book, problems).count(rows[0]["tiep_nhan"]) == expected
    assert problems.errors == []


@pytest.mark.parametrize(
    ("typed", "fmt", "expected"),
    [("98,5%", None, Decimal("98.5")), ("98,5", None, Decimal("98.5")), (0.985, "0.0%", Decimal("98.5")),
     (98.5, None, Decimal("98.5")), ("100%", None, Decimal(100))],
    ids=["text-percent", "text-comma", "excel-percent", "number", "hundred"],
)  # fmt: skip
def test_percentages(tmp_path: Path, typed: object, fmt: str | None, expected: Decimal) -> None:
    formats = {"D2": fmt} if fmt else {}
    path = make_book(tmp_path / "a.xlsx", [["Lĩnh vực", "Tiếp nhận", "Ngày", "Tỷ lệ (%)"], ["X", 1, None, typed]],
                     formats=formats)  # fmt: skip
    rows, problems, book = read(path)
    assert CellReader(book, problems).percent(rows[0]["ty_le"]) == expected


def with_cached_value(path: Path, cell: str, value: str) -> None:
    """What Excel writes after calculating: the formula and its cached result."""
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    xml = parts["xl/worksheets/sheet1.xml"].decode("utf-8")
    xml = re.sub(rf'(<c r="{cell}"[^>]*>)<f>([^<]*)</f><v\s*/?>(</v>)?', rf"\1<f>\2</f><v>{value}</v>", xml)
    parts["xl/worksheets/sheet1.xml"] = xml.encode("utf-8")
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)


def test_formula_uses_its_cached_value(tmp_path: Path) -> None:
    path = make_book(
        tmp_path / "a.xlsx", [["Lĩnh vực", "Tiếp nhận", "Ngày", "Tỷ lệ (%)"], ["X", "=5+7", None, None]]
    )
    with_cached_value(path, "B2", "12")
    rows, problems, book = read(path)
    assert CellReader(book, problems).count(rows[0]["tiep_nhan"]) == 12


def test_formula_never_calculated(tmp_path: Path) -> None:
    path = make_book(tmp_path / "a.xlsx", [["Lĩnh vực", "Tiếp nhận"], ["X", "=5+7"]])
    rows, problems, book = read(path)
    assert CellReader(book, problems).count(rows[0]["tiep_nhan"]) is None
    assert [str(p) for p in problems.errors] == [
        f'{path}, trang "Số liệu", ô B2: ô có công thức =5+7 nhưng chưa có giá trị: mở và lưu lại tệp trong Excel '
        '(cột "Tiếp nhận")'
    ]


def test_two_row_header_with_merged_cells(tmp_path: Path) -> None:
    path = make_book(tmp_path / "a.xlsx", [
        ["BẢNG SỐ LIỆU TTHC QUÝ I"],
        ["Lĩnh vực", "Số hồ sơ", None],
        [None, "Tiếp nhận", "Ngày"],
        ["Hộ tịch", 5, None],
    ], merged=["B2:C2", "A2:A3"])  # fmt: skip
    rows, problems, _ = read(path)
    assert [(r["linh_vuc"].value, r["tiep_nhan"].value, r["tiep_nhan"].location.cell) for r in rows] == [
        ("Hộ tịch", 5, "B4")
    ]
    assert problems.items == []


def test_trailing_blank_rows_and_title_row(tmp_path: Path) -> None:
    path = make_book(
        tmp_path / "a.xlsx", [["Tiêu đề"], ["Lĩnh vực", "Tiếp nhận"], ["Hộ tịch", 3], [None, None], ["", " "]]
    )
    rows, problems, _ = read(path)
    assert len(rows) == 1
    assert problems.items == []


def test_extra_columns_are_ignored_with_a_notice(tmp_path: Path) -> None:
    path = make_book(
        tmp_path / "a.xlsx", [["STT", "Lĩnh vực", "Tiếp nhận", "Ghi chú"], [1, "Hộ tịch", 3, "x"]]
    )
    rows, problems, _ = read(path)
    assert rows[0]["tiep_nhan"].value == 3
    assert [str(p) for p in problems.warnings] == [
        f'{path}, trang "Số liệu", ô A1: bỏ qua cột "STT" (không thuộc mẫu)',
        f'{path}, trang "Số liệu", ô D1: bỏ qua cột "Ghi chú" (không thuộc mẫu)',
    ]
    assert problems.errors == []


def test_hidden_sheet_is_read(tmp_path: Path) -> None:
    path = make_book(tmp_path / "a.xlsx", [["Lĩnh vực", "Tiếp nhận"], ["Hộ tịch", 3]], hidden=True)
    rows, _, _ = read(path)
    assert len(rows) == 1


def test_headers_in_any_case_spacing_or_nfd(tmp_path: Path) -> None:
    nfd = unicodedata.normalize("NFD", "tiếp   NHẬN")
    path = make_book(
        tmp_path / "a.xlsx",
        [["  LĨNH VỰC ", nfd], ["Hộ tịch", 3]],
        title=unicodedata.normalize("NFD", "số liệu"),
    )
    rows, problems, _ = read(path)
    assert rows[0]["tiep_nhan"].value == 3
    assert problems.errors == []


def test_missing_column_names_the_header_row(tmp_path: Path) -> None:
    path = make_book(tmp_path / "a.xlsx", [["Lĩnh vực", "Ngày"], ["Hộ tịch", None]])
    _, problems, _ = read(path)
    assert [str(p) for p in problems.errors] == [
        f'{path}, trang "Số liệu": thiếu cột "Tiếp nhận" ở dòng tiêu đề 1'
    ]


def test_wrong_sheet_name(tmp_path: Path) -> None:
    path = make_book(tmp_path / "a.xlsx", [["Lĩnh vực", "Tiếp nhận"]], title="Sheet1")
    _, problems, _ = read(path)
    assert [str(p) for p in problems.errors] == [
        f'{path}: không có trang "Số liệu" (các trang hiện có: "Sheet1")'
    ]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("a.xlsx", b"Linh vuc,Tiep nhan\nHo tich,3\n", "không phải tệp Excel .xlsx hợp lệ (có thể là tệp CSV hoặc tệp hỏng); hãy mở bằng Excel và lưu lại dạng .xlsx"),
        ("b.xlsx", b"PK\x03\x04 broken", "không phải tệp Excel .xlsx hợp lệ (có thể là tệp CSV hoặc tệp hỏng); hãy mở bằng Excel và lưu lại dạng .xlsx"),
        ("c.xls", b"\xd0\xcf\x11\xe0", "không phải tệp Excel .xlsx hợp lệ (có thể là tệp CSV hoặc tệp hỏng); hãy mở bằng Excel và lưu lại dạng .xlsx"),
        ("d.xlsx", b"", "không phải tệp Excel .xlsx hợp lệ (có thể là tệp CSV hoặc tệp hỏng); hãy mở bằng Excel và lưu lại dạng .xlsx"),
    ],
    ids=["csv", "corrupt-zip", "broken-xls", "empty"],
)  # fmt: skip
def test_not_a_workbook(tmp_path: Path, name: str, content: bytes, message: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    problems = Problems()
    assert not Workbook(path, problems).ok
    assert [str(p) for p in problems.errors] == [f"{path}: {message}"]


def test_text_cells_are_cleaned(tmp_path: Path) -> None:
    path = make_book(
        tmp_path / "a.xlsx", [["Lĩnh vực", "Tiếp nhận"], [unicodedata.normalize("NFD", "Hộ\u200btịch"), 1]]
    )
    rows, problems, _ = read(path)
    assert rows[0]["linh_vuc"].value == "Hộtịch"
    assert unicodedata.is_normalized("NFC", rows[0]["linh_vuc"].value)
    assert len(problems.warnings) == 1


def test_defusedxml_protects_workbook_parsing() -> None:
    from openpyxl.xml import DEFUSEDXML

    assert DEFUSEDXML is True


def test_column_letters_match_openpyxl() -> None:
    from openpyxl.utils import get_column_letter

    from generator.errors import column_letter

    assert [column_letter(i) for i in range(1, 2000)] == [get_column_letter(i) for i in range(1, 2000)]
