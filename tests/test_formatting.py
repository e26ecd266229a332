"""Vietnamese formatting: ND 30 dates, numbers, percentages, numbering."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from generator.domain.formatting import (
    document_number,
    roman,
    short_date,
    vn_date,
    vn_letter,
    vn_number,
    vn_percent,
)

MONTHS = [
    (1, "ngày 07 tháng 01 năm 2022"), (2, "ngày 07 tháng 02 năm 2022"), (3, "ngày 07 tháng 3 năm 2022"),
    (4, "ngày 07 tháng 4 năm 2022"), (5, "ngày 07 tháng 5 năm 2022"), (6, "ngày 07 tháng 6 năm 2022"),
    (7, "ngày 07 tháng 7 năm 2022"), (8, "ngày 07 tháng 8 năm 2022"), (9, "ngày 07 tháng 9 năm 2022"),
    (10, "ngày 07 tháng 10 năm 2022"), (11, "ngày 07 tháng 11 năm 2022"), (12, "ngày 07 tháng 12 năm 2022"),
]  # fmt: skip


@pytest.mark.parametrize(("month", "expected"), MONTHS, ids=[f"month-{m}" for m, _ in MONTHS])
def test_vn_date_pads_only_months_one_and_two(month: int, expected: str) -> None:
    assert vn_date(dt.date(2022, month, 7)) == expected


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (dt.date(2022, 3, 1), "ngày 01 tháng 3 năm 2022"),
        (dt.date(2022, 3, 9), "ngày 09 tháng 3 năm 2022"),
        (dt.date(2022, 3, 10), "ngày 10 tháng 3 năm 2022"),
        (dt.date(2024, 2, 29), "ngày 29 tháng 02 năm 2024"),
        (dt.date(2022, 12, 31), "ngày 31 tháng 12 năm 2022"),
    ],
    ids=["day-1", "day-9", "day-10", "leap-day", "year-end"],
)
def test_vn_date_pads_days_below_ten(day: dt.date, expected: str) -> None:
    assert vn_date(day) == expected


def test_vn_date_blank_when_unknown() -> None:
    assert vn_date(None, 2022) == "ngày     tháng     năm 2022"


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (dt.date(2022, 3, 14), "14/3/2022"),
        (dt.date(2021, 12, 15), "15/12/2021"),
        (dt.date(2022, 1, 5), "05/01/2022"),
    ],
    ids=["march", "december", "january"],
)
def test_short_date(day: dt.date, expected: str) -> None:
    assert short_date(day) == expected


@pytest.mark.parametrize(
    ("number", "expected"),
    [("", "     "), (None, "     "), ("5", "05"), (5, "05"), ("12", "12"), ("123", "123"), ("05a", "05a")],
    ids=["blank", "none", "one-digit", "int", "two-digit", "three-digit", "text"],
)
def test_document_number(number: str | int | None, expected: str) -> None:
    assert document_number(number) == expected


@pytest.mark.parametrize(
    ("value", "places", "expected"),
    [
        (0, 0, "0"),
        (999, 0, "999"),
        (1234, 0, "1.234"),
        (1234567, 0, "1.234.567"),
        (Decimal("1234567.891"), 3, "1.234.567,891"),
        (Decimal("98.5"), 1, "98,5"),
        (Decimal("2.25"), 1, "2,3"),
        (-1234.5, 1, "-1.234,5"),
    ],
    ids=["zero", "hundreds", "thousands", "millions", "decimals", "comma", "half-up", "negative"],
)
def test_vn_number(value: int | float | Decimal, places: int, expected: str) -> None:
    assert vn_number(value, places) == expected


@pytest.mark.parametrize(
    ("ratio", "expected"),
    [
        (Decimal("0.8125"), "81,3%"),
        (Decimal("0.985"), "98,5%"),
        (Decimal("1"), "100%"),
        (Decimal("0.95"), "95%"),
        (Decimal("0"), "0%"),
        (Decimal("0.00049"), "0%"),
        (Decimal("0.00051"), "0,1%"),
        (None, "không phát sinh"),
    ],
    ids=["half-up", "one-decimal", "hundred", "whole", "zero", "rounds-down", "rounds-up", "no-denominator"],
)
def test_vn_percent(ratio: Decimal | None, expected: str) -> None:
    assert vn_percent(ratio) == expected


@pytest.mark.parametrize(
    ("number", "expected"),
    [(1, "I"), (4, "IV"), (7, "VII"), (9, "IX"), (14, "XIV"), (40, "XL"), (1999, "MCMXCIX")],
)
def test_roman(number: int, expected: str) -> None:
    assert roman(number) == expected


def test_roman_rejects_zero() -> None:
    with pytest.raises(ValueError, match="no Roman numeral"):
        roman(0)


def test_vietnamese_letter_sequence() -> None:
    letters = [vn_letter(n) for n in range(1, 24)]
    assert letters[:8] == ["a", "b", "c", "d", "đ", "e", "g", "h"]
    assert not {"f", "j", "w", "z"} & set(letters)
    with pytest.raises(ValueError, match="no Vietnamese letter"):
        vn_letter(24)


@pytest.mark.parametrize(
    ("text", "reason"),
    [("31/02/2027", "tháng 2 năm 2027 không có ngày 31 (chỉ có 28 ngày)"),
     ("29/02/2028", None), ("29/02/2027", "tháng 2 năm 2027 không có ngày 29 (chỉ có 28 ngày)"),
     ("31/04/2027", "tháng 4 năm 2027 không có ngày 31 (chỉ có 30 ngày)"),
     ("15/13/2027", "không có tháng 13"), ("0/5/2027", "tháng 5 năm 2027 không có ngày 0 (chỉ có 31 ngày)"),
     ("tháng 5", "cần dạng dd/mm/yyyy"), ("5/2027", "cần dạng dd/mm/yyyy")],
    ids=["feb-31", "leap-day", "feb-29", "april-31", "month-13", "day-0", "words", "no-day"],
)  # fmt: skip
def test_a_date_that_does_not_exist_says_why(text: str, reason: str | None) -> None:
    from generator.domain.dates import date_problem, parse_day_first

    assert (parse_day_first(text) is None) == (reason is not None)
    if reason is not None:
        assert date_problem(text) == reason
