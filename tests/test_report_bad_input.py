"""Bad progress data: exact messages with sheet and cell, exit 1, no document written."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from tests.conftest import run_cli

PROGRESS = "tien_do_q1_2022.xlsx"


def set_cells(book_path: Path, sheet: str, values: dict[str, object]) -> None:
    book = openpyxl.load_workbook(book_path)
    for cell, value in values.items():
        book[sheet][cell] = value  # type: ignore[assignment]
    book.save(book_path)


def report(folder: Path, out: Path) -> tuple[int, list[str]]:
    result = run_cli("report", "--period", "Q1", "--year", "2022", folder, "--out", out)
    return result.exit_code, result.stderr.splitlines()


def where(folder: Path, sheet: str, cell: str, name: str = PROGRESS) -> str:
    return f'Lỗi: {folder / name}, trang "{sheet}", ô {cell}'


@pytest.mark.parametrize(
    ("sheet", "values", "message"),
    [
        ("TTHC", {"B2": "một trăm"}, ('B2', 'cần một số nguyên, không phải "một trăm" (cột "Trực tuyến")')),
        ("TTHC", {"B2": "-5"}, ("B2", 'số lượng không được âm (-5) (cột "Trực tuyến")')),
        ("TTHC", {"B2": 12.5}, ("B2", 'cần một số nguyên, không phải "12.5" (cột "Trực tuyến")')),
        ("TTHC", {"C4": 10}, ("H4", "tổng số hồ sơ nhận giải quyết (17) phải bằng đã giải quyết (25) + đang giải quyết (4) = 29")),
        ("TTHC", {"J3": 300}, ("J3", "số hồ sơ trực tuyến toàn trình (300) lớn hơn số hồ sơ trực tuyến (38)")),
        ("Số liệu", {"E9": "120%"}, ("E9", 'tỷ lệ phải từ 0% đến 100% (120%) (cột "Tỷ lệ (%)")')),
        ("Số liệu", {"C3": 5}, ("C3", "số đạt (5) lớn hơn tổng số (4)")),
        ("Tiến độ", {"A2": "I.9"}, ("A2", 'mã nhiệm vụ "I.9" không có trong phụ lục kế hoạch')),
        ("Tiến độ", {"C3": "Xong"}, ("C3", 'trạng thái "Xong" không hợp lệ (cột "Trạng thái"; cần một trong: Hoàn thành, Đang thực hiện, Chưa thực hiện)')),
        ("Tiến độ", {"D5": "20/03/2022"}, ("D5", "ngày hoàn thành 20/03/2022 sau ngày chốt số liệu 14/03/2022")),
        ("Tiến độ", {"D5": "31/02/2022"}, ("D5", 'ngày không hợp lệ "31/02/2022": tháng 2 năm 2022 không có ngày 31 (chỉ có 28 ngày) (cột "Ngày hoàn thành")')),
    ],
    ids=["text-count", "negative", "fraction", "received-not-balanced", "full-online-over-online", "percent-over-100",
         "achieved-over-total", "unknown-task", "unknown-state", "after-cut-off", "impossible-date"],
)  # fmt: skip
def test_bad_cell(
    example: Path, tmp_path: Path, sheet: str, values: dict[str, object], message: tuple[str, str]
) -> None:
    set_cells(example / PROGRESS, sheet, values)
    out = tmp_path / "out"
    code, lines = report(example, out)
    cell, text = message
    assert code == 1
    assert f"{where(example, sheet, cell)}: {text}" in lines
    assert not out.exists()


def test_task_missing_from_progress(example: Path, tmp_path: Path) -> None:
    book = openpyxl.load_workbook(example / PROGRESS)
    book["Tiến độ"].delete_rows(3)  # I.1.1
    book.save(example / PROGRESS)
    code, lines = report(example, tmp_path / "out")
    assert code == 1
    assert lines == [
        f'Lỗi: {example / PROGRESS}, trang "Tiến độ": thiếu tiến độ của 1 nhiệm vụ trong kế hoạch: I.1.1'
    ]


def test_a_bad_state_is_one_error_not_also_a_missing_task(example: Path, tmp_path: Path) -> None:
    """ "Quá hạn" is computed by cchc, not typed: the row is there, so the task is not "missing"."""
    set_cells(example / PROGRESS, "Tiến độ", {"C3": "Quá hạn"})
    code, lines = report(example, tmp_path / "out")
    assert code == 1
    assert lines == [
        f'{where(example, "Tiến độ", "C3")}: trạng thái "Quá hạn" không hợp lệ (cột "Trạng thái"; '
        "cần một trong: Hoàn thành, Đang thực hiện, Chưa thực hiện)"
    ]


def test_an_impossible_deadline_names_the_plan_cell(example: Path, tmp_path: Path) -> None:
    set_cells(example / "nhiem_vu.xlsx", "Nhiệm vụ", {"G7": "Trước ngày 31/02/2022"})
    code, lines = report(example, tmp_path / "out")
    assert code == 1
    assert lines == [
        f'{where(example, "Nhiệm vụ", "G7", "nhiem_vu.xlsx")}: thời hạn "Trước ngày 31/02/2022": tháng 2 năm '
        "2022 không có ngày 31 (chỉ có 28 ngày)"
    ]


def test_missing_progress_workbook(example: Path, tmp_path: Path) -> None:
    for path in [example / PROGRESS, *example.glob("*_nam_2022.*")]:  # no progress workbook of any period
        path.unlink()
    code, lines = report(example, tmp_path / "out")
    assert code == 1
    assert lines == [
        f'Lỗi: {example / "nhiem_vu.xlsx"}: không tìm thấy trang "Tiến độ" trong các tệp Excel đầu vào'
    ]


def test_plan_of_another_year(example: Path, tmp_path: Path) -> None:
    for name in ("bao_cao_q1_2022.yaml", PROGRESS):
        (example / name).rename(example / name.replace("2022", "2023"))
    result = run_cli("report", "--period", "Q1", "--year", "2023", example, "--out", tmp_path / "out")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[-1].endswith("kế hoạch là của năm 2022, không phải năm báo cáo 2023")


def test_formula_never_calculated(example: Path, tmp_path: Path) -> None:
    set_cells(example / PROGRESS, "TTHC", {"B2": "=C2+D2"})  # openpyxl writes no cached value
    code, lines = report(example, tmp_path / "out")
    assert code == 1
    assert (
        f"{where(example, 'TTHC', 'B2')}: ô có công thức =C2+D2 nhưng chưa có giá trị: mở và lưu lại tệp trong Excel "
        '(cột "Trực tuyến")' in lines
    )


def test_bad_period_is_a_usage_error(example: Path, tmp_path: Path) -> None:
    result = run_cli("report", "--period", "Q5", "--year", "2022", example)
    assert result.exit_code == 2
    assert "Giá trị không hợp lệ cho '--period'" in result.stderr
