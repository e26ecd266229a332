"""Deadline phrases of a plan's appendix ("Quý I/2022", "Trước ngày 15/01 hàng năm") as dates.

Staff write deadlines as phrases. ``parse_deadline`` turns one phrase into a due date, or
marks it recurring; ``shift_deadline`` moves the phrase's plan years by whole years for next
year's plan, keeping the rest of the text as typed. A cell may hold one phrase per line (one
per product). A phrase that is not understood is reported, never guessed. The phrases, their
due dates and how they move: docs/deadlines.md §1–§3.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from dateutil.relativedelta import relativedelta

from generator.domain.dates import date_problem

QUARTERS = {"I": 1, "II": 2, "III": 3, "IV": 4, "1": 1, "2": 2, "3": 3, "4": 4}
RECURRING = ("thường xuyên", "hàng quý", "hằng quý", "hàng tháng", "hằng tháng", "hàng năm",
             "hằng năm", "định kỳ", "liên tục")  # fmt: skip
_SPACE = r"\s+"
_YEAR = r"(?P<year>\d{4})"
_DATE = r"(?P<day>\d{1,2})\s*/\s*(?P<month>\d{1,2})\s*/\s*" + _YEAR
_EVERY_YEAR = r"(?:hàng|hằng)\s+năm"
_MAX_SPLIT_WORDS = 24  # a cell line longer than a few phrases is not split (the search grows fast)


@dataclass(frozen=True)
class Deadline:
    """One understood phrase: its due date (None when recurring) and what it is."""

    text: str
    kind: str  # month, plan_month ("Tháng 10": of the plan year), quarter, half, year, before, on, yearly, recurring
    due: dt.date | None


class DeadlineError(ValueError):
    """A phrase cchc does not understand; its message is for the user (Vietnamese)."""


class UndatedError(DeadlineError):
    """Text that names no date ("Theo tiến độ của cơ quan soạn thảo"), as opposed to a date that
    cannot exist: a signed plan keeps it as written, a report gives its task no fixed deadline."""


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _date(match: re.Match[str]) -> dt.date:
    return dt.date(int(match["year"]), int(match["month"]), int(match["day"]))


_Rule = tuple[str, re.Pattern[str], Callable[[re.Match[str], int, bool], dt.date | None]]
_RULES: list[_Rule] = [
    ("month", re.compile(rf"^tháng{_SPACE}(?P<month>\d{{1,2}})\s*(?:/|{_SPACE}năm{_SPACE})\s*{_YEAR}$"),
     lambda m, _y, _b: _month_end(int(m["year"]), int(m["month"]))),
    ("plan_month", re.compile(r"^tháng\s+(?P<month>\d{1,2})$"),
     lambda m, y, _b: _month_end(y, int(m["month"]))),
    ("quarter", re.compile(rf"^quý{_SPACE}(?P<q>IV|I{{1,3}}|[1-4])\s*(?:/|{_SPACE}năm{_SPACE})\s*{_YEAR}$", re.I),
     lambda m, _y, _b: _month_end(int(m["year"]), 3 * QUARTERS[m["q"].upper()])),
    ("half", re.compile(rf"^6{_SPACE}tháng{_SPACE}(?P<h>đầu|cuối){_SPACE}năm{_SPACE}{_YEAR}$"),
     lambda m, _y, _b: _month_end(int(m["year"]), 6 if m["h"] == "đầu" else 12)),
    ("year", re.compile(rf"^(?:trong{_SPACE})?năm{_SPACE}{_YEAR}$"),
     lambda m, _y, _b: dt.date(int(m["year"]), 12, 31)),
    ("before", re.compile(rf"^trước{_SPACE}(?:ngày{_SPACE})?{_DATE}$"),
     lambda m, _y, before: _date(m) - dt.timedelta(days=1 if before else 0)),
    # "Đến ngày 30/6/2022", and a bare date as offices also write it: "30/06/2022", "Ngày 30/6/2022"
    ("on", re.compile(rf"^(?:(?:đến|chậm nhất|hạn|trong){_SPACE})?(?:ngày{_SPACE})?{_DATE}$"),
     lambda m, _y, _b: _date(m)),
    ("yearly", re.compile(rf"^trước{_SPACE}(?:ngày{_SPACE})?(?P<day>\d{{1,2}})\s*/\s*(?P<month>\d{{1,2}}){_SPACE}{_EVERY_YEAR}$"),
     lambda m, y, before: dt.date(y, int(m["month"]), int(m["day"])) - dt.timedelta(days=1 if before else 0)),
]  # fmt: skip


# A quarter phrase with any numeral: "Quý V/2022" is a date that cannot exist, not free text.
_ANY_QUARTER = re.compile(rf"^quý{_SPACE}(?P<q>[ivxlc]+|\d+)\s*(?:/|{_SPACE}năm{_SPACE})\s*{_YEAR}$", re.I)


def _normal(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).lower().split()).rstrip(".;")


def parse_deadline(text: str, plan_year: int, *, before_is_day_before: bool = True) -> Deadline:
    """One phrase → its due date; "Trước ngày X" is due the day before X unless told otherwise.

    A yearly phrase ("Trước ngày 15/01 hàng năm") is due on its first occurrence in the plan
    year. Raises ``DeadlineError`` for a phrase it does not understand or an impossible date.
    """
    phrase = _normal(text)
    if phrase in RECURRING:
        return Deadline(text, "recurring", None)
    quarter = _ANY_QUARTER.match(phrase)
    if quarter is not None and quarter["q"].upper() not in QUARTERS:
        raise DeadlineError(
            f'thời hạn "{text.strip()}": không có quý {quarter["q"].upper()} (chỉ có quý I đến IV)'
        )
    for kind, pattern, due in _RULES:
        match = pattern.match(phrase)
        if match is None:
            continue
        try:
            return Deadline(text, kind, due(match, plan_year, before_is_day_before))
        except (ValueError, KeyError, OverflowError) as exc:
            raise DeadlineError(f'thời hạn "{text.strip()}": {_impossible(match, plan_year)}') from exc
    raise UndatedError(
        f'không hiểu thời hạn "{text.strip()}"; cách ghi được nhận: {accepted_forms(plan_year)}'
    )


def accepted_forms(year: int) -> str:
    """Every kind of phrase cchc reads, written for ``year`` (docs/deadlines.md §1)."""
    return (
        f"Tháng 12/{year}; Quý I/{year} (đến Quý IV/{year}); 6 tháng đầu năm {year}, 6 tháng cuối năm "
        f"{year}; Năm {year}; Trước ngày 15/01/{year}; Đến ngày 30/6/{year}; Trước ngày 15/01 hàng năm; "
        "Thường xuyên, Hàng quý, Hàng tháng, Định kỳ; nhiều thời hạn thì mỗi thời hạn một dòng"
    )


def _impossible(match: re.Match[str], plan_year: int) -> str:
    """Why the date a phrase names does not exist ("tháng 2 năm 2027 không có ngày 31 …")."""
    parts = match.groupdict()
    day, month, year = parts.get("day") or "1", parts.get("month") or "1", parts.get("year") or str(plan_year)
    return date_problem(f"{day}/{month}/{year}")


def parse_cell(text: str, plan_year: int, *, before_is_day_before: bool = True) -> list[Deadline]:
    """Every phrase of a cell, one per line (a task with several products)."""
    return [
        parse_deadline(line, plan_year, before_is_day_before=before_is_day_before)
        for line in text.splitlines()
        if line.strip()
    ]


def read_cell(
    text: str, plan_year: int, *, before_is_day_before: bool = True
) -> tuple[list[Deadline], list[str]]:
    """The phrases of a cell cchc can date, and the lines it cannot (no fixed deadline: kept as
    written). A date that cannot exist still raises ``DeadlineError``."""
    dated: list[Deadline] = []
    undated: list[str] = []
    for line in (line for line in text.splitlines() if line.strip()):
        try:
            dated.append(parse_deadline(line, plan_year, before_is_day_before=before_is_day_before))
        except UndatedError:
            undated.append(line.strip())
    return dated, undated


def undated_notice(lines: list[str]) -> str:
    """What a plan or report says of deadline text it cannot date (#24)."""
    quoted = ", ".join(f"“{line}”" for line in lines)
    return (f"thời hạn {quoted} không phải một ngày, tháng, quý hay năm mà cchc đọc được: được in như đã ghi; "
            "báo cáo coi nhiệm vụ này không có thời hạn cố định (không bao giờ tính là quá hạn)")  # fmt: skip


def year_notices(deadlines: list[Deadline], plan_year: int) -> list[str]:
    """ "Tháng 10" without a year is read as October of the plan year: said, so it can be checked."""
    return [
        f"thời hạn “{d.text.strip()}” không ghi năm: hiểu là tháng {d.due.month}/{plan_year} (năm kế hoạch); "
        "hãy ghi rõ năm nếu không phải"
        for d in deadlines
        if d.kind == "plan_month" and d.due is not None
    ]


def split_phrases(line: str, plan_year: int) -> list[str] | None:
    """ "Quý I/2022 Năm 2022" → ["Quý I/2022", "Năm 2022"]: a line that is several whole phrases
    typed without a line break between them; None when it is not (nothing is guessed)."""
    words = line.split()

    @functools.cache
    def pieces(start: int) -> list[str] | None:
        if start == len(words):
            return []
        for end in range(len(words), start, -1):
            phrase = " ".join(words[start:end])
            try:
                parse_deadline(phrase, plan_year)
            except DeadlineError:
                continue
            rest = pieces(end)
            if rest is not None:
                return [phrase, *rest]
        return None

    found = pieces(0) if len(words) <= _MAX_SPLIT_WORDS else None
    return found if found is not None and len(found) > 1 else None


def final_due(deadlines: list[Deadline]) -> dt.date | None:
    """When the task as a whole is due: its latest dated phrase; None if only recurring."""
    dates = [d.due for d in deadlines if d.due is not None and d.kind != "yearly"]
    yearly = [d.due for d in deadlines if d.due is not None and d.kind == "yearly"]
    return max(dates) if dates else (max(yearly) if yearly else None)


_YEAR_IN_TEXT = re.compile(r"(?<!\d)(?P<year>(19|20)\d{2})(?!\d)")
_FULL_DATE = re.compile(
    r"(?<!\d)(?P<day>\d{1,2})(?P<s1>\s*/\s*)(?P<month>\d{1,2})(?P<s2>\s*/\s*)(?P<year>\d{4})(?!\d)"
)


def shift_deadline(text: str, years: int, plan_year: int) -> str:
    """The phrase with its years moved by ``years``; recurring phrases come back unchanged.

    Only phrases ``parse_deadline`` understands are shifted (anything else raises
    ``DeadlineError``), so a legal reference can never be mistaken for a deadline.
    """
    deadline = parse_deadline(text, plan_year)
    if deadline.kind in ("recurring", "yearly"):
        return text
    if deadline.kind in ("before", "on"):
        return _FULL_DATE.sub(lambda m: _shift_date(m, years), text)
    return _YEAR_IN_TEXT.sub(lambda m: str(int(m["year"]) + years), text)


def _shift_date(match: re.Match[str], years: int) -> str:
    """dd/mm/yyyy + whole years: month ends stay month ends (29/02 ↔ 28/02)."""
    day = dt.date(int(match["year"]), int(match["month"]), int(match["day"]))
    moved = day + relativedelta(years=years)
    if day == _month_end(day.year, day.month):
        moved = _month_end(moved.year, moved.month)
    day_text = f"{moved.day:02d}" if len(match["day"]) == 2 else str(moved.day)
    month_text = f"{moved.month:02d}" if len(match["month"]) == 2 else str(moved.month)
    return f"{day_text}{match['s1']}{month_text}{match['s2']}{moved.year}"
