"""A tiny workbook that asks a reader for a huge grid is refused with a message, not a dead process.

One value at XFD1048576 (a 5 KB .xlsx) made python-calamine allocate 549 GB and abort with a
Rust backtrace (exit 134); an .xls whose header claims 2^31 sectors did the same after 3.9 GB;
an .ods repeating a cell over every row and column was "tệp Excel bị hỏng". Each case runs the
CLI in a child process with 2 GB of address space, so a reader without bounds fails the test
instead of the test run.
"""

from __future__ import annotations

import struct
import subprocess
import sys
import zipfile
from pathlib import Path

import openpyxl
from openpyxl.styles import Font

from generator.inputs.formats.sheet_extent import MAX_CELLS, ods_problem, sheet_problem

TASKS = "nhiem_vu.xlsx"
FAR = "trang tính trải tới ô XFD1048576 (1.048.576 dòng × 16.384 cột), quá 5.000.000 ô cchc đọc được"


def limit_memory() -> None:  # pragma: no cover - runs in the child before exec
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (2 * 2**30, 2 * 2**30))


def plan_in_child(folder: Path, out: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "generator", "plan", str(folder), "--out", str(out)],
        capture_output=True, text=True, encoding="utf-8", timeout=120,
        preexec_fn=limit_memory if sys.platform != "win32" else None,
    )  # fmt: skip


def errors(completed: subprocess.CompletedProcess[str]) -> list[str]:
    return [line for line in completed.stderr.splitlines() if line.startswith("Lỗi:")]


def test_one_value_at_the_last_cell_is_refused_with_file_and_sheet(example: Path, tmp_path: Path) -> None:
    path = example / TASKS
    book = openpyxl.load_workbook(path)
    book["Nhiệm vụ"]["XFD1048576"] = "x"
    book.save(path)
    assert path.stat().st_size < 30_000
    completed = plan_in_child(example, tmp_path / "out")
    assert completed.returncode == 1, completed.stderr
    assert errors(completed)[0].startswith(f'Lỗi: {path}, trang "Nhiệm vụ": {FAR}')
    assert "panicked" not in completed.stderr
    assert not (tmp_path / "out").exists()


def test_a_formatted_empty_cell_far_away_is_no_reason_to_refuse(example: Path, tmp_path: Path) -> None:
    path = example / TASKS
    book = openpyxl.load_workbook(path)
    book["Nhiệm vụ"]["XFD1048576"].font = Font(bold=True)  # a format, no value: readers skip it
    book.save(path)
    completed = plan_in_child(example, tmp_path / "out")
    assert completed.returncode == 0, completed.stderr


def ole_header(fat_sectors: int) -> bytes:
    """An OLE2 (.xls) file: a header claiming ``fat_sectors`` FAT sectors, and five 512-byte sectors."""
    header = bytearray(512)
    header[0:8] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    struct.pack_into("<HHHHH", header, 24, 0x3E, 3, 0xFFFE, 9, 6)  # version 3: 512-byte sectors
    struct.pack_into("<IIIIIIII", header, 44, fat_sectors, 0, 0, 4096, 0xFFFFFFFE, 0, 0xFFFFFFFE, 0)
    struct.pack_into("<109I", header, 76, 1, *([0xFFFFFFFF] * 108))
    return bytes(header) + bytes(512 * 5)


def test_an_xls_whose_header_claims_2_to_the_31_sectors_is_refused(example: Path, tmp_path: Path) -> None:
    (example / TASKS).unlink()
    path = example / "nhiem_vu.xls"
    path.write_bytes(ole_header(2**31))
    completed = plan_in_child(example, tmp_path / "out")
    assert completed.returncode == 1, completed.stderr
    assert errors(completed)[0] == (
        f"Lỗi: {path}: tệp Excel 97–2003 (.xls) bị hỏng: phần đầu tệp ghi 2.147.483.648 khối bảng FAT, "
        "tệp chỉ có 5 khối"
    )


def ods(path: Path, rows: str) -> Path:
    """A one-sheet .ods ("Nhiệm vụ") whose table holds ``rows`` (table:table-row elements)."""
    ns = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
          'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
          'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"')  # fmt: skip
    content = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ns} office:version="1.2">'
               f'<office:body><office:spreadsheet><table:table table:name="Nhiệm vụ">{rows}</table:table>'
               "</office:spreadsheet></office:body></office:document-content>")  # fmt: skip
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet", zipfile.ZIP_STORED)
        package.writestr("content.xml", content)
    return path


CELL = '<table:table-cell office:value-type="string"><text:p>x</text:p></table:table-cell>'
EMPTY_ROWS = '<table:table-row table:number-rows-repeated="{n}"><table:table-cell table:number-columns-repeated="16384"/></table:table-row>'


def test_an_ods_repeating_rows_and_cells_past_the_bound_is_refused(example: Path, tmp_path: Path) -> None:
    (example / TASKS).unlink()
    far = f'{EMPTY_ROWS.format(n=1048575)}<table:table-row><table:table-cell table:number-columns-repeated="16383"/>{CELL}</table:table-row>'
    path = ods(example / "nhiem_vu.ods", far)
    completed = plan_in_child(example, tmp_path / "out")
    assert completed.returncode == 1, completed.stderr
    assert errors(completed)[0].startswith(
        f'Lỗi: {path}: trang "Nhiệm vụ" trải tới ô XFD1048576 (1.048.576 dòng'
    )


def test_libreoffices_million_empty_rows_at_the_end_of_a_sheet_are_no_reason_to_refuse(
    tmp_path: Path,
) -> None:
    path = ods(
        tmp_path / "a.ods", f"<table:table-row>{CELL}{CELL}</table:table-row>{EMPTY_ROWS.format(n=1048575)}"
    )
    with zipfile.ZipFile(path) as package:
        assert ods_problem(package.read("content.xml")) is None


def test_the_bound_is_the_rectangle_from_a1_to_the_last_cell(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Số liệu"
    sheet.cell(row=MAX_CELLS // 10, column=10, value=1)
    book.save(tmp_path / "in.xlsx")
    sheet.cell(row=MAX_CELLS // 10 + 1, column=10, value=1)
    book.save(tmp_path / "out.xlsx")
    assert sheet_problem((tmp_path / "in.xlsx").read_bytes(), "Số liệu") is None
    assert "trải tới ô J500001" in (sheet_problem((tmp_path / "out.xlsx").read_bytes(), "Số liệu") or "")
