"""Reporting periods and their data cut-off windows (Nghị định 09/2019/NĐ-CP Điều 12).

A window runs from the 15th of the month before the period to the 14th of its last month:
quý I 2022 is 15/12/2021–14/3/2022. The CCHC reports of Bộ Nội vụ (văn bản 581/BNV-CCHC)
use quý I, 6 tháng, quý III (15/6–14/9, not cumulative) and năm; the plain quarters, 9
tháng and 6 tháng cuối năm exist for provinces that ask for them. A province may set its
own windows in the unit profile (``ky_bao_cao``).

The periods, their windows and sources: docs/reporting-periods.md.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from dateutil.relativedelta import relativedelta

# code → (months covered, last month of the period, name in a sentence)
PERIODS: dict[str, tuple[int, int, str]] = {
    "Q1": (3, 3, "quý I"),
    "Q2": (3, 6, "quý II"),
    "Q3": (3, 9, "quý III"),
    "Q4": (3, 12, "quý IV"),
    "6T": (6, 6, "6 tháng đầu"),
    "6TC": (6, 12, "6 tháng cuối"),
    "9T": (9, 9, "9 tháng đầu"),
    "NAM": (12, 12, "năm"),
}
CUT_OFF_DAY = 14
# The period whose tasks the report's "phương hướng" section announces.
_NEXT = {"Q1": "Q2", "Q2": "6TC", "Q3": "Q4", "Q4": "NAM+1", "6T": "6TC", "6TC": "NAM+1",
         "9T": "Q4", "NAM": "NAM+1"}  # fmt: skip
# Reports that also set out next period's tasks in their title (6 tháng, năm).
WITH_OUTLOOK = ("6T", "6TC", "NAM")


@dataclass(frozen=True)
class Period:
    """A reporting period of one year, with its data cut-off window."""

    code: str
    year: int
    start: dt.date
    end: dt.date

    @property
    def name(self) -> str:
        """ "quý I năm 2022", "6 tháng đầu năm 2022", "năm 2022"."""
        label = PERIODS[self.code][2]
        return f"năm {self.year}" if self.code == "NAM" else f"{label} năm {self.year}"

    @property
    def next_name(self) -> str:
        """The period that follows, as the "phương hướng" section names it."""
        following = _NEXT[self.code]
        if following == "NAM+1":
            return f"năm {self.year + 1}"
        return f"{PERIODS[following][2]} năm {self.year}"

    @property
    def has_outlook(self) -> bool:
        return self.code in WITH_OUTLOOK


def default_window(code: str, year: int) -> tuple[dt.date, dt.date]:
    """ND 09 Điều 12: from the 15th of the month before the period to the 14th of its last month."""
    months, last_month, _ = PERIODS[code]
    end = dt.date(year, last_month, CUT_OFF_DAY)
    start = end - relativedelta(months=months) + relativedelta(days=1)
    return start, end


def parse_day_month(text: str) -> tuple[int, int] | None:
    """ "15/12" → (15, 12); None when it is not a real day of a month."""
    parts = text.strip().split("/")
    if len(parts) != 2 or not all(p.strip().isdigit() for p in parts):
        return None
    day, month = int(parts[0]), int(parts[1])
    try:
        dt.date(2024, month, day)  # a leap year, so 29/02 is accepted
    except ValueError:
        return None
    return day, month


def custom_window(rule: tuple[str, str], year: int) -> tuple[dt.date, dt.date] | None:
    """A province's window ("15/12", "14/03"): a start after the end lies in the year before."""
    start, end = parse_day_month(rule[0]), parse_day_month(rule[1])
    if start is None or end is None:
        return None
    end_date = _day(year, end)
    start_date = _day(year if (start[1], start[0]) <= (end[1], end[0]) else year - 1, start)
    return start_date, end_date


def _day(year: int, day_month: tuple[int, int]) -> dt.date:
    day, month = day_month
    return dt.date(year, month, 1) + relativedelta(day=day)  # 29/02 → 28/02 outside leap years


def make_period(code: str, year: int, rules: dict[str, tuple[str, str]] | None = None) -> Period:
    """The period ``code`` of ``year``, with the unit's own window if its profile sets one."""
    code = code.upper()
    if code not in PERIODS:
        raise ValueError(f"unknown period {code}")
    window = custom_window(rules[code], year) if rules and code in rules else None
    start, end = window or default_window(code, year)
    return Period(code, year, start, end)
