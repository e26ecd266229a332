"""Workbook files as they arrive: .xls and .ods from other offices, stale tags, damage, bombs, passwords.

Each file is built inside the test: openpyxl writes it, LibreOffice converts it, or the test
edits the ZIP parts by hand the way a broken exporter or an attacker would.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil
import subprocess
import zipfile
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from generator.errors import Location, Problems
from generator.inputs.formats import spreadsheet
from generator.inputs.formats.cells import CellReader
from generator.inputs.formats.excel import Cell, Column, Workbook
from tests import processes
from tests.conftest import run_cli
from tests.libreoffice import require_libreoffice
from tests.test_excel_input import make_book

COLUMNS = (
    Column("linh_vuc", "Lĩnh vực"),
    Column("tiep_nhan", "Tiếp nhận"),
    Column("ngay", "Ngày", required=False),
    Column("ty_le", "Tỷ lệ (%)", required=False),
)
ROWS: list[list[Any]] = [
    ["BẢNG SỐ LIỆU QUÝ I"],
    ["STT", "Lĩnh vực", "Tiếp nhận", "Ngày", "Tỷ lệ (%)"],
    [1, "Hộ tịch", 118, dt.datetime(2022, 1, 15), 98.5],
    [2, "Chứng thực", "1.234", "01/02/2022", "97,5%"],
    [3, "Đất đai", None, None, None],
    [4, "Tư pháp", -3, "31/02/2022", 120],
]
RESAVE = "hãy mở bằng Excel và lưu lại dạng .xlsx"


def read(path: Path) -> tuple[list[tuple[Any, ...]], list[str]]:
    """Each row read through every typed reader, and every problem with its place, path-free."""
    problems = Problems()
    book = Workbook(path, problems)
    sheet = book.sheet("Số liệu", COLUMNS) if book.ok else None
    reader = CellReader(book, problems)
    values = [
        (
            reader.text(row["linh_vuc"]),
            reader.count(row["tiep_nhan"]),
            reader.date(row["ngay"], required=False),
            reader.percent(row["ty_le"], required=False),
            row["tiep_nhan"].location.cell,
        )
        for row in (sheet.rows if sheet else [])
    ]
    book.close()
    return values, [str(p).replace(str(path), "FILE") for p in problems.items]


def convert(soffice: str, source: Path, suffix: str) -> Path:
    """``source`` saved by LibreOffice Calc as .xls or .ods (in its own profile)."""
    out = source.parent / suffix
    command = [
        soffice, f"-env:UserInstallation={(source.parent / 'profile').as_uri()}", "--headless",
        "--norestore", "--convert-to", suffix, "--outdir", str(out), str(source),
    ]  # fmt: skip
    processes.run(command, timeout=180, stdin=subprocess.DEVNULL)
    converted = out / f"{source.stem}.{suffix}"
    assert converted.is_file(), f"LibreOffice wrote no .{suffix}"
    return converted


@pytest.mark.libreoffice
@pytest.mark.parametrize("suffix", ["xls", "ods"])
def test_xls_and_ods_are_read_with_the_same_checks(tmp_path: Path, suffix: str) -> None:
    soffice = require_libreoffice(calc=True)
    source = make_book(tmp_path / "so_lieu.xlsx", ROWS)
    expected = read(source)
    assert expected == (
        [("Hộ tịch", 118, dt.date(2022, 1, 15), Decimal("98.5"), "C3"),
         ("Chứng thực", 1234, dt.date(2022, 2, 1), Decimal("97.5"), "C4"),
         ("Đất đai", None, None, None, "C5"), ("Tư pháp", None, None, None, "C6")],
        ['FILE, trang "Số liệu", ô A2: bỏ qua cột "STT" (không thuộc mẫu)',
         'FILE, trang "Số liệu", ô C5: thiếu giá trị bắt buộc (cột "Tiếp nhận")',
         'FILE, trang "Số liệu", ô C6: số lượng không được âm (-3) (cột "Tiếp nhận")',
         'FILE, trang "Số liệu", ô D6: ngày không hợp lệ "31/02/2022": tháng 2 năm 2022 không có ngày 31 (chỉ có 28 ngày) '
         '(cột "Ngày")',
         'FILE, trang "Số liệu", ô E6: tỷ lệ phải từ 0% đến 100% (120) (cột "Tỷ lệ (%)")'],
    )  # fmt: skip
    assert read(convert(soffice, source, suffix)) == expected


@pytest.mark.libreoffice
def test_a_folder_with_an_ods_workbook_makes_the_plan(example: Path, tmp_path: Path) -> None:
    soffice = require_libreoffice(calc=True)
    ods = convert(soffice, example / "nhiem_vu.xlsx", "ods")
    (example / "nhiem_vu.xlsx").unlink()
    shutil.move(ods, example / "nhiem_vu.ods")
    result = run_cli("plan", example, "--out", tmp_path / "out")
    assert result.exit_code == 0, result.output
    assert list((tmp_path / "out").glob("*.docx"))


def test_xls_percent_format_unknown_asks_instead_of_guessing(tmp_path: Path) -> None:
    problems = Problems()
    reader = CellReader(Workbook(tmp_path / "none.xlsx", Problems()), problems)
    where = Location("a.xls", sheet="Số liệu", row=3, column=5)
    assert reader.percent(Cell(where, 98.5, None)) == Decimal("98.5")
    assert reader.percent(Cell(where, 0.985, None)) is None
    assert [str(p) for p in problems.errors] == [
        'a.xls, trang "Số liệu", ô E3: không rõ 0.985 là 0.985% hay 98.5% (tệp không cho biết '
        'định dạng ô): hãy ghi rõ, ví dụ "98,5%"'
    ]


def rewrite(path: Path, change: dict[str, bytes | None]) -> Path:
    """Replace (or with None, drop) parts of the ZIP package at ``path``."""
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    for name, data in change.items():
        if data is None:
            parts.pop(name)
        else:
            parts[name] = data
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return path


def sheet_xml(path: Path) -> bytes:
    with zipfile.ZipFile(path) as archive:
        return archive.read("xl/worksheets/sheet1.xml")


@pytest.mark.parametrize("percent", [False, True], ids=["calamine", "openpyxl"])
def test_rows_below_a_stale_dimension_are_read(tmp_path: Path, percent: bool) -> None:
    rows = [["Lĩnh vực", "Tiếp nhận", "Ngày", "Tỷ lệ (%)"]] + [
        [f"Lĩnh vực {i}", i, None, 0.5] for i in range(1, 9)
    ]
    path = make_book(tmp_path / "a.xlsx", rows)
    if percent:  # a % format sends the workbook through openpyxl, which trusts the tag
        book = openpyxl.load_workbook(path)
        book.active["D2"].number_format = "0%"  # type: ignore[index]
        book.save(path)
    xml = sheet_xml(path).decode()
    assert re.search(r'<dimension ref="A1:D9"\s*/>', xml)
    rewrite(path, {"xl/worksheets/sheet1.xml": xml.replace('ref="A1:D9"', 'ref="A1:D3"').encode()})
    values, problems = read(path)
    assert [v[1] for v in values] == list(range(1, 9))
    assert problems == []


@pytest.mark.parametrize(
    ("part", "cut"),
    [("xl/workbook.xml", 60), ("xl/styles.xml", 80), ("xl/worksheets/sheet1.xml", -40)],
    ids=["workbook", "styles", "sheet-cut-short"],
)
def test_a_damaged_part_is_named(tmp_path: Path, part: str, cut: int) -> None:
    path = make_book(tmp_path / "a.xlsx", [["Lĩnh vực", "Tiếp nhận"], ["Hộ tịch", 3]])
    with zipfile.ZipFile(path) as archive:
        data = archive.read(part)
    rewrite(path, {part: data[:cut]})
    _, problems = read(path)
    assert len(problems) == 1
    assert re.fullmatch(
        rf'FILE(, trang "Số liệu")?: tệp Excel bị hỏng \(phần {part}: dòng \d+\); {RESAVE}', problems[0]
    )


def test_a_damaged_workbook_stops_the_plan_with_its_name(example: Path, tmp_path: Path) -> None:
    with zipfile.ZipFile(example / "nhiem_vu.xlsx") as archive:
        styles = archive.read("xl/styles.xml")
    rewrite(example / "nhiem_vu.xlsx", {"xl/styles.xml": styles[: len(styles) // 2]})
    result = run_cli("plan", example, "--out", tmp_path / "out")
    assert result.exit_code == 1
    assert f"{example / 'nhiem_vu.xlsx'}: tệp Excel bị hỏng (phần xl/styles.xml: dòng" in result.output
    assert "Traceback" not in result.output
    assert not list(tmp_path.glob("out/*.docx"))


def bomb(path: Path, size: int) -> Path:
    """A workbook whose sheet is ``size`` bytes of XML that compress to almost nothing."""
    make_book(path, [["Lĩnh vực", "Tiếp nhận"]])
    xml = sheet_xml(path)
    padding = b" " * (size - len(xml))
    return rewrite(
        path, {"xl/worksheets/sheet1.xml": xml.replace(b"<sheetData>", b"<sheetData>" + padding, 1)}
    )


def test_a_decompression_bomb_is_refused_before_parsing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(spreadsheet, "MAX_UNPACKED", 4 * 2**20)  # the real bound, scaled down
    path = bomb(tmp_path / "a.xlsx", 5 * 2**20)
    assert path.stat().st_size < 64 * 1024
    _, problems = read(path)
    assert problems == [
        "FILE: tệp giải nén ra hơn 4 MB (5 MB): quá lớn cho một bảng dữ liệu (có thể là tệp độc hại); "
        "hãy tách thành nhiều tệp nhỏ hơn"
    ]


def test_an_entry_that_expands_too_many_times_is_refused(tmp_path: Path) -> None:
    path = bomb(tmp_path / "a.xlsx", 3 * 2**20)  # under the size bound, but ~1000 times its packed size
    _, problems = read(path)
    assert problems == [
        f"FILE: phần xl/worksheets/sheet1.xml nén quá {spreadsheet.MAX_RATIO} lần (có thể là tệp độc hại); "
        "không đọc tệp này"
    ]


def test_a_size_understated_in_the_zip_headers_is_caught(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(spreadsheet, "MAX_UNPACKED", 4 * 2**20)
    path = bomb(tmp_path / "a.xlsx", 5 * 2**20)
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as archive:
        info = archive.getinfo("xl/worksheets/sheet1.xml")
    small = (1000).to_bytes(4, "little")
    data[info.header_offset + 22 : info.header_offset + 26] = small  # local header: uncompressed size
    name = info.filename.encode()
    central = next(
        m.start() for m in re.finditer(b"PK\x01\x02", bytes(data)) if data[m.start() + 46 :].startswith(name)
    )
    data[central + 24 : central + 28] = small  # central directory: uncompressed size
    path.write_bytes(bytes(data))
    _, problems = read(path)
    assert len(problems) == 1
    assert "quá lớn cho một bảng dữ liệu" in problems[0]


def test_a_password_protected_workbook_says_so(tmp_path: Path) -> None:
    from msoffcrypto.format.ooxml import OOXMLFile

    plain = make_book(tmp_path / "plain.xlsx", [["Lĩnh vực", "Tiếp nhận"], ["Hộ tịch", 3]])
    encrypted = io.BytesIO()
    with plain.open("rb") as source:
        OOXMLFile(source).encrypt("mat-khau", encrypted)
    path = tmp_path / "a.xlsx"
    path.write_bytes(encrypted.getvalue())
    _, problems = read(path)
    assert problems == ["FILE: tệp Excel có mật khẩu: hãy bỏ mật khẩu rồi lưu lại"]
