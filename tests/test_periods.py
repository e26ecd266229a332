"""Data cut-off windows of ND 09/2019 Điều 12, per period code, and province overrides."""

from __future__ import annotations

import datetime as dt

import pytest

from generator.domain.periods import custom_window, make_period

D = dt.date
WINDOWS = [
    ("Q1", 2022, D(2021, 12, 15), D(2022, 3, 14)),
    ("Q2", 2022, D(2022, 3, 15), D(2022, 6, 14)),
    ("Q3", 2022, D(2022, 6, 15), D(2022, 9, 14)),
    ("Q4", 2022, D(2022, 9, 15), D(2022, 12, 14)),
    ("6T", 2022, D(2021, 12, 15), D(2022, 6, 14)),
    ("6TC", 2022, D(2022, 6, 15), D(2022, 12, 14)),
    ("9T", 2022, D(2021, 12, 15), D(2022, 9, 14)),
    ("NAM", 2022, D(2021, 12, 15), D(2022, 12, 14)),
    ("Q1", 2025, D(2024, 12, 15), D(2025, 3, 14)),
    ("nam", 2000, D(1999, 12, 15), D(2000, 12, 14)),
]


@pytest.mark.parametrize(("code", "year", "start", "end"), WINDOWS, ids=[f"{w[0]}-{w[1]}" for w in WINDOWS])
def test_default_windows(code: str, year: int, start: dt.date, end: dt.date) -> None:
    period = make_period(code, year)
    assert (period.start, period.end) == (start, end)


@pytest.mark.parametrize(
    ("code", "name", "next_name", "outlook"),
    [
        ("Q1", "quý I năm 2022", "quý II năm 2022", False),
        ("6T", "6 tháng đầu năm 2022", "6 tháng cuối năm 2022", True),
        ("Q3", "quý III năm 2022", "quý IV năm 2022", False),
        ("NAM", "năm 2022", "năm 2023", True),
        ("9T", "9 tháng đầu năm 2022", "quý IV năm 2022", False),
    ],
)
def test_period_names(code: str, name: str, next_name: str, outlook: bool) -> None:
    period = make_period(code, 2022)
    assert (period.name, period.next_name, period.has_outlook) == (name, next_name, outlook)


def test_province_rule_overrides_the_default() -> None:
    period = make_period("Q1", 2022, {"Q1": ("20/12", "19/03")})
    assert (period.start, period.end) == (D(2021, 12, 20), D(2022, 3, 19))


def test_province_rule_within_one_year() -> None:
    assert custom_window(("01/01", "31/03"), 2022) == (D(2022, 1, 1), D(2022, 3, 31))


def test_leap_day_rule_outside_leap_years() -> None:
    assert custom_window(("01/12", "29/02"), 2023) == (D(2022, 12, 1), D(2023, 2, 28))


def test_invalid_rule_is_rejected() -> None:
    assert custom_window(("32/12", "14/03"), 2022) is None


def test_unknown_code() -> None:
    with pytest.raises(ValueError, match="unknown period"):
        make_period("Q5", 2022)


@pytest.mark.parametrize(
    ("code", "rules", "cumulative"),
    [
        ("Q1", None, False),
        ("6T", None, True),
        ("Q3", None, False),
        ("9T", None, True),
        ("NAM", None, True),
        ("6T", {"6T": ("15/03", "14/06")}, False),  # a province's window that starts in March
        ("NAM", {"NAM": ("01/01", "31/12")}, True),
    ],
)
def test_cumulative_follows_the_window_not_the_name(
    code: str, rules: dict[str, tuple[str, str]] | None, cumulative: bool
) -> None:
    assert make_period(code, 2022, rules).from_year_start is cumulative


def test_the_targets_table_says_which_window_its_figures_cover() -> None:
    from generator.render.report_sentences import targets_intro

    assert targets_intro(make_period("Q3", 2022)) == (
        "Kết quả thực hiện các chỉ tiêu của Kế hoạch trong kỳ (từ ngày 15/6/2022 đến ngày 14/9/2022) như sau:"
    )
    assert targets_intro(make_period("6T", 2022)) == (
        "Kết quả thực hiện các chỉ tiêu của Kế hoạch lũy kế từ đầu năm đến ngày 14/6/2022 như sau:"
    )
