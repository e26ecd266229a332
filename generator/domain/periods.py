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
import re
from dataclasses import dataclass

from dateutil.relativedelta import relativedelta

FIRST_YEAR, LAST_YEAR = 2000, 2100  # the years cchc accepts anywhere (plans, reports, forms)
CUT_OFF_DAY = 14


@dataclass(frozen=True)
class PeriodKind:
    """A kind of reporting period: its code, its months, and how documents and forms name it."""

    code: str  # "Q1": in file names (tien_do_q1_2022.xlsx), on the command line, in forms
    months: int  # months covered by its data window
    last_month: int  # the month its window ends in
    in_sentence: str  # "quý I" as in "… quý I năm 2022"
    label: str  # "Quý I" as a choice in a list
    following: str  # the period whose tasks "phương hướng" announces ("NAM+1": next year)
    with_outlook: bool  # 6 tháng and năm reports also set out the next period in their title


# In the order staff meet them: the four reports of 581/BNV-CCHC, then those some provinces add.
PERIOD_KINDS = (
    PeriodKind("Q1", 3, 3, "quý I", "Quý I", "Q2", False),
    PeriodKind("6T", 6, 6, "6 tháng đầu", "6 tháng đầu năm", "6TC", True),
    PeriodKind("Q3", 3, 9, "quý III", "Quý III", "Q4", False),
    PeriodKind("NAM", 12, 12, "năm", "Cả năm", "NAM+1", True),
    PeriodKind("Q2", 3, 6, "quý II", "Quý II", "6TC", False),
    PeriodKind("Q4", 3, 12, "quý IV", "Quý IV", "NAM+1", False),
    PeriodKind("9T", 9, 9, "9 tháng đầu", "9 tháng đầu năm", "Q4", False),
    PeriodKind("6TC", 6, 12, "6 tháng cuối", "6 tháng cuối năm", "NAM+1", True),
)
PERIODS: dict[str, PeriodKind] = {kind.code: kind for kind in PERIOD_KINDS}
YEAR_CODE = "NAM"  # the year report
YEAR_END = tuple(kind.code for kind in PERIOD_KINDS if kind.last_month == 12)  # data run to the year's end
_CODES = "|".join(sorted(PERIODS, key=len, reverse=True))  # longest first: 6TC before 6T
# " (1)": a browser's second download of the same file keeps the period of the name it copies
_IN_NAME = re.compile(rf"_({_CODES})_(\d{{4}})(?: ?\(\d+\))?$", re.IGNORECASE)
_REFERENCE = re.compile(rf"^\s*({_CODES})\s*/\s*(\d{{4}})\s*$", re.IGNORECASE)


_QUARTER_DAYS = 92  # the longest quarter: a window longer than this spans more than one


def valid_year(year: int) -> bool:
    return FIRST_YEAR <= year <= LAST_YEAR


def period_in_name(stem: str) -> tuple[str, int] | None:
    """ "tien_do_q1_2022" (or "tien_do_q1_2022 (1)") → ("Q1", 2022); None when the name names no
    period (or a wrong year)."""
    match = _IN_NAME.search(stem)
    if match is None or not valid_year(int(match.group(2))):
        return None
    return match.group(1).upper(), int(match.group(2))


def period_label(code: str, year: int) -> str:
    """ "quý I/2022", "6 tháng đầu năm 2022", "năm 2022": a period as a list or a message names it."""
    words = PERIODS[code].in_sentence
    if words.startswith("quý"):
        return f"{words}/{year}"
    return f"{words} {year}" if words.endswith("năm") else f"{words} năm {year}"


def parse_reference(text: str) -> tuple[str, int] | None:
    """ "Q1/2022" → ("Q1", 2022), as batch lists name a report; None when it is not one."""
    match = _REFERENCE.match(text)
    if match is None or not valid_year(int(match.group(2))):
        return None
    return match.group(1).upper(), int(match.group(2))


def chronological(period: tuple[str, int]) -> tuple[int, int, int]:
    """A sort key: by year, then by the month the period ends, shorter periods first."""
    kind = PERIODS[period[0]]
    return period[1], kind.last_month, kind.months


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
        label = PERIODS[self.code].in_sentence
        return f"năm {self.year}" if self.code == YEAR_CODE else f"{label} năm {self.year}"

    @property
    def next_name(self) -> str:
        """The period that follows, as the "phương hướng" section names it."""
        following = PERIODS[self.code].following
        if following == "NAM+1":
            return f"năm {self.year + 1}"
        return f"{PERIODS[following].in_sentence} năm {self.year}"

    @property
    def has_outlook(self) -> bool:
        return PERIODS[self.code].with_outlook

    @property
    def from_year_start(self) -> bool:
        """The window runs from the start of the year and longer than a quarter, so its figures
        are lũy kế từ đầu năm: 6 tháng, 9 tháng and năm under ND 09, but not a province's own
        6 tháng window that starts in March (docs/reporting-periods.md §1)."""
        return self.start <= dt.date(self.year, 1, 31) and (self.end - self.start).days > _QUARTER_DAYS

    @property
    def closes_year(self) -> bool:
        """The window ends in the year's last month: the year report, quý IV, 6 tháng cuối. Such a
        report closes the plan's year, so every task due in the year is due (#23, docs/
        targets-and-indicators.md §4)."""
        return self.end.month == 12

    def deadline(self, day: int) -> dt.date:
        """The last day to send the report: ``day`` of the month its window ends in (the last
        day of that month when it is shorter)."""
        return self.end + relativedelta(day=day)

    def window_note(self, deadline_day: int) -> str:
        """What a clerk needs before filling the period's files: "Quý I/2023: số liệu từ
        15/12/2022 đến 14/3/2023, gửi chậm nhất ngày 20/3/2023" (docs/reporting-periods.md §1, §5)."""
        kind = PERIODS[self.code]
        title = (
            f"{kind.label}/{self.year}"
            if kind.label.startswith("Quý")
            else self.name[0].upper() + self.name[1:]
        )
        return (
            f"{title}: số liệu từ {_short(self.start)} đến {_short(self.end)}, "
            f"gửi chậm nhất ngày {_short(self.deadline(deadline_day))}"
        )


def _short(day: dt.date) -> str:
    """ "14/3/2023": as clerks write a date in a sentence."""
    return f"{day.day}/{day.month}/{day.year}"


def default_window(code: str, year: int) -> tuple[dt.date, dt.date]:
    """ND 09 Điều 12: from the 15th of the month before the period to the 14th of its last month."""
    kind = PERIODS[code]
    end = dt.date(year, kind.last_month, CUT_OFF_DAY)
    start = end - relativedelta(months=kind.months) + relativedelta(days=1)
    return start, end


def parse_day_month(text: str) -> tuple[int, int] | None:
    """ "15/12" → (15, 12); None when it is not a real day of a month."""
    parts = text.strip().split("/")
    if len(parts) != 2 or not all(p.strip().isdecimal() and len(p.strip()) <= 2 for p in parts):
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
