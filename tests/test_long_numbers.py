"""Numbers as long as a page, and digits that are not 0–9, are problems at their place.

Python's int() refuses text of more than 4,300 digits (and str() such a number); "²" passes
str.isdigit() but not int(). Both used to end in a ValueError traceback.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest

from generator.check.patterns import date_line_problems, number_line_problems
from generator.domain.dates import parse_day_first
from generator.domain.formatting import document_number
from generator.domain.periods import parse_day_month
from tests.conftest import run_cli

LONG = "9" * 5000


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("  nam: 2022", f"  nam: {LONG}", ":6 (ke_hoach.nam): số quá lớn (hơn 18 chữ số), cần trong khoảng 2000–2100"),
        ("  nam: 2022", f'  nam: "{LONG}"', ":6 (ke_hoach.nam): số quá lớn (hơn 18 chữ số), cần trong khoảng 2000–2100"),
        ("  nam: 2022", f"  nam: 0x{'f' * 4000}", ":6 (ke_hoach.nam): số quá lớn (hơn 18 chữ số), cần trong khoảng 2000–2100"),
        ("  nam: 2022", '  nam: "²"', ':6 (ke_hoach.nam): cần một số nguyên, không phải "²"'),
        ("  nam: 2022", '  nam: "002022"', ""),
        ("  ngay_ban_hanh: 07/01/2022", f"  ngay_ban_hanh: 07/01/{LONG}",
         f':8 (ke_hoach.ngay_ban_hanh): ngày không hợp lệ "07/01/{"9" * 34}…": cần dạng dd/mm/yyyy'),
        ("  ngay_ban_hanh: 07/01/2022", "  ngay_ban_hanh: 07/01/²",
         ':8 (ke_hoach.ngay_ban_hanh): ngày không hợp lệ "07/01/²": cần dạng dd/mm/yyyy'),
    ],
    ids=["nam-5000-digits", "nam-quoted", "nam-hex", "nam-superscript", "nam-leading-zeros", "date-5000", "date-superscript"],
)  # fmt: skip
def test_a_long_or_odd_number_in_yaml(
    example: Path, tmp_path: Path, old: str, new: str, message: str
) -> None:
    edit(example / "ke_hoach.yaml", old, new)

    result = run_cli("plan", example, "--out", tmp_path / "out")

    if not message:
        assert result.exit_code == 0, result.stderr
        return
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [f"Lỗi: {example / 'ke_hoach.yaml'}{message}"]


@pytest.mark.parametrize(
    "value", [LONG, "1e5000", "1e30", "1000000001"], ids=["5000-digits", "1e5000", "1e30", "1e9+1"]
)
def test_a_count_beyond_any_commune_is_refused_at_its_cell(example: Path, tmp_path: Path, value: str) -> None:
    book = openpyxl.load_workbook(example / "tien_do_q1_2022.xlsx")
    book["TTHC"]["B2"] = value
    book.save(example / "tien_do_q1_2022.xlsx")

    result = run_cli("report", "--period", "Q1", "--year", "2022", example, "--out", tmp_path / "out")

    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f'Lỗi: {example / "tien_do_q1_2022.xlsx"}, trang "TTHC", ô B2: số lượng quá lớn (tối đa 1.000.000.000) '
        '(cột "Trực tuyến")'
    ]


def test_the_pure_readers_refuse_without_raising() -> None:
    assert parse_day_first(f"07/01/{LONG}") is None
    assert parse_day_first("07/01/2022") is not None
    assert parse_day_month(f"{LONG}/12") is None
    assert parse_day_month("²/12") is None
    assert document_number(LONG) == LONG
    assert document_number("²") == "²"
    assert document_number("5") == "05"


@pytest.mark.parametrize(
    ("check", "line", "expected"),
    [
        (date_line_problems, f"Lộc Thủy, ngày {LONG} tháng 01 năm 2022", ['ngày "9999999999…" không hợp lệ']),
        (
            date_line_problems,
            f"Lộc Thủy, ngày 07 tháng {LONG} năm 2022",
            ['tháng "9999999999…" không hợp lệ'],
        ),
        (number_line_problems, f"Số: {LONG}/KH-UBND", ['số "9999999999…" không hợp lệ']),
        (number_line_problems, "Số: ²/KH-UBND", ['số "²" không hợp lệ']),
    ],
    ids=["day", "month", "number", "superscript-number"],
)
def test_the_checker_names_a_long_number_in_a_document(
    check: Callable[[str], list[str]], line: str, expected: list[str]
) -> None:
    assert check(line) == expected
