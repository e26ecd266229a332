"""Vietnamese formatting of dates, numbers, percentages and numbering; also the Jinja filters.

Numbers are formatted by hand rather than with Babel: the Vietnamese rule is two symbols
(decimal comma, thousands dot; Luật Kế toán 2015 Điều 11), and ND 30's date rule (zero for
days < 10 and for months 1–2 only) is not expressible as a CLDR pattern anyway.

Sources: docs/number-formats.md; the date and number line: docs/nd30-format.md §4.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

BLANK_NUMBER = " " * 5  # "Số:      /KH-UBND": the number is given by the văn thư after signing
BLANK_DAY = " " * 5
NOT_APPLICABLE = "không phát sinh"
VIETNAMESE_LETTERS = "abcdđeghiklmnopqrstuvxy"  # ND 30 Phụ lục I: no f, j, w, z; đ after d
_ROMAN = [
    (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
    (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
]  # fmt: skip


def month_text(month: int) -> str:
    """ND 30: months 1 and 2 get a leading zero, months 3–12 do not."""
    return f"{month:02d}" if month <= 2 else str(month)


def vn_date(day: dt.date | None, year: int | None = None) -> str:
    """ "ngày 07 tháng 01 năm 2022"; with no date, blanks for day and month and the given year."""
    if day is None:
        return f"ngày{BLANK_DAY}tháng{BLANK_DAY}năm {year if year is not None else BLANK_DAY}"
    return f"ngày {day.day:02d} tháng {month_text(day.month)} năm {day.year}"


def short_date(day: dt.date) -> str:
    """ "07/01/2022", "14/3/2022": the numeric form with ND 30's leading-zero rule."""
    return f"{day.day:02d}/{month_text(day.month)}/{day.year}"


def document_number(number: str | int | None) -> str:
    """The number part of "Số: 05/KH-UBND": zero-padded below 10, blank when not yet given."""
    if number is None or str(number).strip() == "":
        return BLANK_NUMBER
    text = str(number).strip()
    return f"{int(text):02d}" if text.isdecimal() and len(text) <= 9 else text  # "²" and long as typed


def vn_number(value: int | Decimal | float | None, places: int = 0) -> str:
    """1234567.891 → "1.234.567,891" with ``places`` decimals, rounded half-up; None (a figure
    the data does not give) → ""."""
    if value is None:
        return ""
    quantum = Decimal(1).scaleb(-places)
    rounded = Decimal(str(value)).quantize(quantum, rounding=ROUND_HALF_UP)
    text = f"{rounded:,.{places}f}"
    return text.translate(str.maketrans(",.", ".,"))


def vn_percent(ratio: Decimal | None, places: int = 1) -> str:
    """0.8125 → "81,3%" (half-up, once); 1 → "100%"; None (a zero denominator) → "không phát sinh"."""
    if ratio is None:
        return NOT_APPLICABLE
    text = vn_number(Decimal(ratio) * 100, places)
    if "," in text:
        text = text.rstrip("0").rstrip(",")
    return text + "%"


def roman(number: int) -> str:
    """4 → "IV"."""
    if number < 1:
        raise ValueError(f"no Roman numeral for {number}")
    out = []
    for value, symbol in _ROMAN:
        count, number = divmod(number, value)
        out.append(symbol * count)
    return "".join(out)


def vn_letter(number: int) -> str:
    """1 → "a", 5 → "đ", 6 → "e", 7 → "g": the Vietnamese letter sequence of ND 30 points."""
    if not 1 <= number <= len(VIETNAMESE_LETTERS):
        raise ValueError(f"no Vietnamese letter for {number}")
    return VIETNAMESE_LETTERS[number - 1]


FILTERS: dict[str, Callable[..., Any]] = {
    "ngay": vn_date,
    "ngay_so": short_date,
    "so_van_ban": document_number,
    "so": vn_number,
    "phan_tram": vn_percent,
    "la_ma": roman,
    "chu_cai": vn_letter,
}
