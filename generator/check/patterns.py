"""The ND 30/2020 text forms ``cchc check`` reads, as pure functions on strings.

Each ``*_problems`` function returns the Vietnamese messages for one line of text (empty
when the line is right), so the rules stay table-testable without a Word file. The
recognisers (is this line a date line, a tên loại …) are shared with the Word readers and
live in ``domain.nd30_patterns``; they are re-exported here for the rules.
"""

from __future__ import annotations

import datetime as dt
import re

from generator.domain.formatting import month_text
from generator.domain.nd30_patterns import (
    AUTHORITIES,
    AUTHORITY_UNSPACED,
    DATE_LINE,
    HEADING,
    MOTTO,
    NATIONAL_TITLES,
    NUMBER_LINE,
    document_type,
    fold,
    is_appendix_heading,
    is_caps,
    is_date_line,
    is_motto,
    is_national_title,
    is_number_line,
    is_recipients_heading,
)
from generator.domain.text import excerpt

__all__ = [
    "HEADING", "MOTTO", "NATIONAL_TITLES", "document_type", "fold", "is_appendix_heading", "is_caps",
    "is_date_line", "is_motto", "is_national_title", "is_number_line", "is_recipients_heading",
]  # fmt: skip
DATE_FORM = '"<Địa danh>, ngày … tháng … năm …" (ví dụ "Lộc Thủy, ngày 07 tháng 01 năm 2022")'
NUMBER_FORM = '"Số: 05/KH-UBND" (hoặc để trống số: "Số:      /KH-UBND")'
LAST_RECIPIENT_FORM = '"- Lưu: VT, …." (có dấu hai chấm, kết thúc bằng dấu chấm)'
_DIGITS = 9  # a longer run of digits is no day, month or number; int() refuses 4,300 digits

_SYMBOL = re.compile(r"^[A-ZĐ0-9][A-Za-zĐđ0-9]*(?:-[A-ZĐ0-9][A-Za-zĐđ0-9]*)+$")
_AUTHORITY = re.compile(r"^(?P<token>[A-Za-z]{1,3}(?:[./][A-Za-z]{1,2})?\.?)(?=\s|$)")
_ACADEMIC_TITLE = re.compile(
    r"^(?:(?:GS|PGS|TS|ThS|TSKH|KS|BS|DS|LS|CN|NCS|Th\.S)(?:\.TS)?(?:\.|\s)"
    r"|(?:Giáo sư|Phó giáo sư|Tiến sĩ|Thạc sĩ|Kỹ sư|Bác sĩ|Dược sĩ|Luật sư|Cử nhân)\s)",
    re.IGNORECASE,
)
_TEMPLATE_TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}|\{\{|\{%|\{#")


def motto_problems(text: str) -> list[str]:
    if fold(text) == MOTTO:
        return []
    return [f'Tiêu ngữ cần viết đúng "{MOTTO}" (gạch nối có dấu cách hai bên, viết hoa chữ đầu mỗi cụm)']


def date_line_problems(text: str) -> list[str]:
    """The place-and-date line: form, then ND 30's leading zeros (day < 10; months 1 and 2 only)."""
    match = DATE_LINE.match(fold(text))
    if match is None:
        return [f"dòng địa danh, ngày tháng cần dạng {DATE_FORM}"]
    day, month, year = match["day"], match["month"], int(match["year"])
    problems = _day_problems(day) + _month_problems(month)
    if not problems and day.isdigit() and month.isdigit():
        try:
            dt.date(year, int(month), int(day))
        except ValueError:
            problems.append(f"không có ngày {int(day)} tháng {int(month)} năm {year}")
    return problems


def _day_problems(day: str) -> list[str]:
    if not day.isdigit():
        return []
    if len(day) > _DIGITS:
        return [f'ngày "{excerpt(day, 10)}" không hợp lệ']
    value = int(day)
    if not 1 <= value <= 31:
        return [f'ngày "{day}" không hợp lệ']
    if day != f"{value:02d}":
        reason = " (ngày nhỏ hơn 10 có số 0 phía trước)" if len(day) < 2 else ""
        return [f'ngày "{day}" cần viết "{value:02d}"{reason}']
    return []


def _month_problems(month: str) -> list[str]:
    if not month.isdigit():
        return []
    if len(month) > _DIGITS:
        return [f'tháng "{excerpt(month, 10)}" không hợp lệ']
    value = int(month)
    if not 1 <= value <= 12:
        return [f'tháng "{month}" không hợp lệ']
    expected = month_text(value)
    if month == expected:
        return []
    reason = "tháng 1, 2 có số 0 phía trước" if value <= 2 else "chỉ tháng 1, 2 có số 0 phía trước"
    return [f'tháng "{month}" cần viết "{expected}" ({reason})']


def number_line_problems(text: str) -> list[str]:
    """ "Số: 05/KH-UBND": colon, number zero-padded below 10 (or blank), ký hiệu groups joined by "-"."""
    line = fold(text)
    problems = []
    if re.match(r"^Số\s*[^:\s]", line):
        problems.append('sau "Số" cần dấu hai chấm (ví dụ "Số: 05/KH-UBND")')
        line = re.sub(r"^Số\s*\.?", "Số: ", line)
    match = NUMBER_LINE.match(line)
    if match is None:
        return [f"số, ký hiệu cần dạng {NUMBER_FORM}"]
    raw, symbol = match["number"], match["symbol"]
    number = raw.strip()
    blank = not number or re.fullmatch(r"[.…_\s]+", number) is not None
    if (not blank and raw != raw.rstrip()) or symbol != symbol.lstrip():
        problems.append('không có dấu cách quanh dấu "/" (ví dụ "Số: 05/KH-UBND")')
    if not blank:
        problems += _number_problems(number)
    if not _SYMBOL.match(symbol.strip()):
        problems.append(
            f'ký hiệu "{symbol.strip()}" cần viết in hoa, các nhóm chữ nối bằng "-" không có dấu cách'
        )
    return problems


def _number_problems(number: str) -> list[str]:
    if not number.isdecimal() or len(number) > _DIGITS or int(number) == 0:  # "²" is no digit
        return [f'số "{excerpt(number, 10)}" không hợp lệ']
    value = int(number)
    expected = f"{value:02d}" if value < 10 else str(value)
    if number == expected:
        return []
    reason = " (số nhỏ hơn 10 có số 0 phía trước)" if value < 10 and len(number) < 2 else ""
    return [f'số "{number}" cần viết "{expected}"{reason}']


def authority_problems(line: str) -> list[str]:
    """A quyền hạn or chức vụ line of the signature: "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "CHỦ TỊCH"."""
    text = fold(line)
    problems = []
    token = _AUTHORITY.match(text)
    if token is not None:
        key = re.sub(r"[./]", "", token["token"]).upper()
        if key in AUTHORITIES and token["token"] != key + ".":
            problems.append(f'viết "{key}." (in hoa, có dấu chấm), không viết "{token["token"]}"')
    elif AUTHORITY_UNSPACED.match(text):
        problems.append(f'cần dấu cách sau "{text.split(".")[0]}."')
    if not is_caps(text):
        problems.append("quyền hạn, chức vụ người ký viết in hoa")
    return problems


def signer_name_problems(name: str) -> list[str]:
    """The signer's name: no học hàm, học vị before it; in thường (not all capitals)."""
    text = fold(name)
    problems = []
    title = _ACADEMIC_TITLE.match(text)
    if title is not None:
        problems.append(f'không ghi học hàm, học vị trước họ tên người ký ("{title.group(0).strip()}")')
    if is_caps(text):
        problems.append("họ tên người ký viết chữ thường (hoa chữ đầu), không viết in hoa toàn bộ")
    return problems


def recipients_heading_problems(text: str) -> list[str]:
    return (
        []
        if fold(text) == "Nơi nhận:"
        else ['tiêu đề cần viết đúng "Nơi nhận:" (chữ thường, có dấu hai chấm)']
    )


def recipient_problems(items: list[str], *, addressed: bool) -> list[tuple[int, str]]:
    """Problems of the Nơi nhận list as (item index, message); ``addressed``: "Kính gửi" was used."""
    problems: list[tuple[int, str]] = []
    for index, raw in enumerate(items):
        item = fold(raw)
        if not item.startswith("- "):
            problems.append((index, 'dòng nơi nhận bắt đầu bằng "- " (gạch ngang và dấu cách)'))
        if index == len(items) - 1:
            if not re.match(r"^- Lưu: \S.*\.$", item):
                problems.append((index, f'dòng cuối "{item}" cần dạng {LAST_RECIPIENT_FORM}'))
        elif not item.endswith(";"):
            problems.append((index, 'dòng nơi nhận kết thúc bằng dấu chấm phẩy ";"'))
    if addressed and items and fold(items[0]) != "- Như trên;":
        problems.append((0, 'văn bản có "Kính gửi" thì nơi nhận bắt đầu bằng "- Như trên;"'))
    return problems


def template_tags(text: str) -> list[str]:
    """Leftover docxtpl/Jinja tags: "{{ x }}", "{% if %}", "{# … #}" or an unclosed "{{"."""
    return _TEMPLATE_TAG.findall(text)
