"""`cchc report` for a period the folder holds no files for says which periods it holds.

Before, `--period Q1` on a folder with only quý III files said "không tìm thấy phần bao_cao:"
and blamed the plan's workbook for a missing "Tiến độ" sheet.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import EXAMPLE, WORD_EXAMPLE, run_cli


def quarter_one_only(example: Path, tmp_path: Path) -> Path:
    """A copy of the example without its năm report's files: the folder holds one period."""
    folder = tmp_path / "du_lieu"
    shutil.copytree(example, folder)
    for path in folder.glob("*_nam_2022.*"):
        path.unlink()
    return folder


def only_quarter_three(example: Path, tmp_path: Path) -> Path:
    """The example folder with its quý I files renamed for quý III."""
    folder = quarter_one_only(example, tmp_path)
    for path in folder.glob("*_q1_2022.*"):
        path.rename(path.with_name(path.name.replace("_q1_2022", "_q3_2022")))
    return folder


def report_errors(folder: Path, tmp_path: Path, *period: str) -> list[str]:
    result = run_cli("report", *period, folder, "--out", tmp_path / "out")
    assert result.exit_code == 1
    assert not (tmp_path / "out").exists()
    return result.stderr.splitlines()


@pytest.mark.parametrize(
    ("example", "words"),
    [(EXAMPLE, "bao_cao_q{}_2022.yaml"), (WORD_EXAMPLE, "bao_cao_q{}_2022.docx")],
    ids=["yaml", "word"],
)
def test_the_periods_the_folder_holds_are_named(example: Path, words: str, tmp_path: Path) -> None:
    folder = only_quarter_three(example, tmp_path)
    assert report_errors(folder, tmp_path, "--period", "Q1", "--year", "2022") == [
        f"Lỗi: {folder}: không có lời văn báo cáo và số liệu tiến độ của kỳ Q1/2022: thư mục chỉ có tệp của kỳ "
        f"Q3/2022 ({words.format(3)}, tien_do_q3_2022.xlsx); chạy với --period Q3, hoặc thêm tệp của kỳ Q1/2022 "
        f"({words.format(1)}, tien_do_q1_2022.xlsx)"
    ]


def test_another_year_is_named_with_its_year(tmp_path: Path) -> None:
    folder = only_quarter_three(WORD_EXAMPLE, tmp_path)
    assert report_errors(folder, tmp_path, "--period", "Q1", "--year", "2023") == [
        f"Lỗi: {folder}: không có lời văn báo cáo và số liệu tiến độ của kỳ Q1/2023: thư mục chỉ có tệp của kỳ "
        "Q3/2022 (bao_cao_q3_2022.docx, tien_do_q3_2022.xlsx); chạy với --period Q3 --year 2022, hoặc thêm tệp "
        "của kỳ Q1/2023 (bao_cao_q1_2023.docx, tien_do_q1_2023.xlsx)",
        f'Lỗi: {folder / "ke_hoach.xlsx"}, trang "Kế hoạch": kế hoạch là của năm 2022, không phải năm báo cáo 2023',
    ]


def test_only_the_missing_file_is_named(tmp_path: Path) -> None:
    """The progress workbook is there for quý I; only the words are quý III's."""
    folder = quarter_one_only(WORD_EXAMPLE, tmp_path)
    (folder / "bao_cao_q1_2022.docx").rename(folder / "bao_cao_q3_2022.docx")
    assert report_errors(folder, tmp_path, "--period", "Q1", "--year", "2022") == [
        f"Lỗi: {folder}: không có lời văn báo cáo của kỳ Q1/2022: thư mục có tệp của kỳ khác: kỳ Q3/2022 "
        "(bao_cao_q3_2022.docx); chạy với --period Q3, hoặc thêm tệp của kỳ Q1/2022 (bao_cao_q1_2022.docx)"
    ]


def test_a_folder_with_files_of_this_period_is_not_said_to_hold_only_others(tmp_path: Path) -> None:
    folder = quarter_one_only(WORD_EXAMPLE, tmp_path)
    (folder / "bao_cao_q1_2022.docx").rename(folder / "bao_cao_6t_2022.docx")
    shutil.copy(folder / "tien_do_q1_2022.xlsx", folder / "tien_do_6t_2022.xlsx")
    assert report_errors(folder, tmp_path, "--period", "Q1", "--year", "2022") == [
        f"Lỗi: {folder}: không có lời văn báo cáo của kỳ Q1/2022: thư mục có tệp của kỳ khác: kỳ 6T/2022 "
        "(bao_cao_6t_2022.docx, tien_do_6t_2022.xlsx); chạy với --period 6T, hoặc thêm tệp của kỳ Q1/2022 "
        "(bao_cao_q1_2022.docx)"
    ]
