"""Dates as staff type them: day first ("15/01/2022"), and why a typed date is not a date.

Never month-first: "03/04/2022" is 3 April. A date that has the right form but does not exist
("31/02/2027") is told apart from one typed in another form, so the message says what to fix.
"""

from __future__ import annotations

import calendar
import datetime as dt

FORM = "dd/mm/yyyy"


def _parts(text: str) -> tuple[int, int, int] | None:
    """(day, month, year) of "15/01/2022", "15-01-2022", "15.01.2022" or "2022-01-15"."""
    cleaned = text.strip().replace(".", "/").replace("-", "/")
    parts = cleaned.split("/")
    if len(parts) != 3 or not all(p.isdecimal() and len(p) <= 4 for p in parts):  # "²" is no digit
        return None
    first, second, third = (int(p) for p in parts)
    day, month, year = (third, second, first) if len(parts[0]) == 4 else (first, second, third)
    return None if year < 100 else (day, month, year)


def parse_day_first(text: str) -> dt.date | None:
    """ "15/01/2022" → 2022-01-15; None when the text is not a real date."""
    parts = _parts(text)
    if parts is None:
        return None
    day, month, year = parts
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def date_problem(text: str) -> str:
    """Why ``text`` is not a date, in Vietnamese, for a message that quotes it."""
    parts = _parts(text)
    if parts is None:
        return f"cần dạng {FORM}"
    day, month, year = parts
    if not 1 <= year <= 9999:
        return f"năm {year} không hợp lệ"
    if not 1 <= month <= 12:
        return f"không có tháng {month}"
    last = calendar.monthrange(year, month)[1]
    if not 1 <= day <= last:
        return f"tháng {month} năm {year} không có ngày {day} (chỉ có {last} ngày)"
    return f"cần dạng {FORM}"
