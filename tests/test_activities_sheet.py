"""The "Kết quả CCHC" sheet (docs/report-outline.md §5): counts checked at their cells, an older
workbook without the sheet still makes its report; and a finished task without its date.
"""

from __future__ import annotations

from pathlib import Path

import docx
import openpyxl
import pytest

from tests.conftest import run_cli

PROGRESS = "tien_do_q1_2022.xlsx"
SHEET = "Kết quả CCHC"


def report(folder: Path, out: Path) -> tuple[int, list[str]]:
    result = run_cli("report", "--period", "Q1", "--year", "2022", folder, "--out", out)
    return result.exit_code, result.stderr.splitlines()


def set_cells(path: Path, sheet: str, values: dict[str, object]) -> None:
    book = openpyxl.load_workbook(path)
    for cell, value in values.items():
        book[sheet][cell] = value  # type: ignore[assignment]
    book.save(path)


@pytest.mark.parametrize(
    ("values", "cell", "message"),
    [
        ({"C5": 4}, "C5", "tồn tại, hạn chế đã khắc phục (4) nhiều hơn tồn tại, hạn chế phát hiện qua kiểm tra (3)"),
        ({"A3": "kiem_tra"}, "A3", 'mã số liệu "kiem_tra" không hợp lệ (cột "Mã"; cần một trong: van_ban_chi_dao, '),
        ({"A3": "van_ban_chi_dao"}, "A3", 'mã "van_ban_chi_dao" bị nhập hai lần (lần đầu ở ô A2)'),
        ({"C2": "bốn"}, "C2", 'cần một số nguyên, không phải "bốn" (cột "Số lượng")'),
    ],
    ids=["fixed-over-found", "unknown-code", "twice", "not-a-number"],
)  # fmt: skip
def test_a_bad_count_is_an_error_at_its_cell(
    example: Path, tmp_path: Path, values: dict[str, object], cell: str, message: str
) -> None:
    set_cells(example / PROGRESS, SHEET, values)
    code, lines = report(example, tmp_path / "out")
    assert code == 1
    (line,) = lines
    assert line.startswith(f'Lỗi: {example / PROGRESS}, trang "{SHEET}", ô {cell}: {message}')
    assert not (tmp_path / "out").exists()


def test_a_workbook_without_the_sheet_still_makes_its_report(example: Path, tmp_path: Path) -> None:
    book = openpyxl.load_workbook(example / PROGRESS)
    del book[SHEET]
    book.save(example / PROGRESS)
    assert report(example, tmp_path / "out") == (0, [])
    texts = [p.text for p in docx.Document(str(next((tmp_path / "out").glob("*.docx")))).paragraphs]
    assert not any(text.startswith("Trong kỳ, UBND xã") for text in texts)
    assert any(text.startswith("Trong kỳ, tổng số hồ sơ thủ tục hành chính") for text in texts)  # not a count


def test_a_finished_task_without_its_date_is_counted_on_time_with_a_warning(
    example: Path, tmp_path: Path
) -> None:
    set_cells(example / PROGRESS, "Tiến độ", {"D7": None})  # II.1, due Tháng 12/2021
    code, lines = report(example, tmp_path / "out")
    assert code == 0
    assert lines == [
        f'Cảnh báo: {example / PROGRESS}, trang "Tiến độ", ô A7: nhiệm vụ II.1 đã hoàn thành nhưng chưa ghi ngày '
        "hoàn thành: không biết có đúng hạn không (báo cáo ghi là hoàn thành đúng hạn)"
    ]
