"""How the parts of an ND 30/2020 document read as text: pure recognisers and parsers on strings.

Shared by the format checker (``cchc check``) and the readers of Word inputs (``cchc import``,
the plan's and the report's words in .docx), so both find a Quốc hiệu, a số/ký hiệu line, a
date line, a tên loại or a signer's authority line the same way. Forms and sources:
docs/nd30-format.md §3–§8.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from generator.domain.models import AUTHORITIES as AUTHORITIES  # TM, KT, TL, TUQ, Q

NATIONAL_TITLES = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM")
MOTTO = "Độc lập - Tự do - Hạnh phúc"
DOCUMENT_TYPES = (
    "KẾ HOẠCH", "BÁO CÁO", "NGHỊ QUYẾT", "QUYẾT ĐỊNH", "CHỈ THỊ", "QUY CHẾ", "QUY ĐỊNH",
    "THÔNG CÁO", "THÔNG BÁO", "HƯỚNG DẪN", "CHƯƠNG TRÌNH", "PHƯƠNG ÁN", "ĐỀ ÁN", "DỰ ÁN",
    "BIÊN BẢN", "TỜ TRÌNH", "HỢP ĐỒNG", "CÔNG ĐIỆN", "BẢN GHI NHỚ", "BẢN THỎA THUẬN",
    "GIẤY ỦY QUYỀN", "GIẤY MỜI", "GIẤY GIỚI THIỆU", "GIẤY NGHỈ PHÉP",
)  # fmt: skip

_DASHES = re.compile(r"\s*[-–—‑]\s*")
_BLANK = r"[\s.…_]*?"
DATE_LINE = re.compile(
    rf"^(?P<place>\S[^,]*?)\s*,\s*ngày\s*(?P<day>\d+|{_BLANK})\s*tháng\s*(?P<month>\d+|{_BLANK})"
    r"\s*năm\s*(?P<year>\d{4})$"
)
NUMBER_LINE = re.compile(r"^Số\s*:(?P<number>[^/]*)/(?P<symbol>.*)$")
HEADING = re.compile(r"^(?:[IVXLC]+\.|\d+(?:\.\d+)*\.|[a-zđ]\))\s+\S")
# The signing authorities (ND 30 Phụ lục I II.7, docs/nd30-format.md §8), once: the words of
# ``AUTHORITIES`` and the "T/M" spelling hand-made documents use for the two-letter ones.
AUTHORITY_WORDS = "|".join(
    sorted({*AUTHORITIES, *(f"{a[0]}/{a[1:]}" for a in AUTHORITIES if len(a) == 2)}, key=len, reverse=True)
)
# The first line of a signature block: "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "T/M …".
AUTHORITY_START = re.compile(rf"^(?:{AUTHORITY_WORDS})[./]?\s*[A-ZĐÀ-Ỹ]")
# The decree's own spelling with no space after the dot: "TM.ỦY BAN …".
AUTHORITY_UNSPACED = re.compile(rf"^(?:{'|'.join(AUTHORITIES)})\.\S")


def fold(text: str) -> str:
    """NFC, spaces folded: the text as a reader compares it."""
    return " ".join(unicodedata.normalize("NFC", text).split())


ARCHIVE_WARNING = (
    'dòng "Lưu:" bắt đầu bằng VT (văn thư), ví dụ "- Lưu: VT, VP." (Nghị định 30/2020/NĐ-CP, Phụ lục I, '
    "mục II.9; docs/nd30-format.md §9)"
)


def archive_lacks_office(archive: str) -> bool:
    """ "VP" → True, "VT, VP" → False: the archive line names the văn thư (VT) first."""
    words = re.split(r"[\s,;.]+", fold(archive).removeprefix("- ").removeprefix("Lưu:").strip())
    return words[0].upper() != "VT"


def is_caps(text: str) -> bool:
    """True when ``text`` has letters and all of them are capitals."""
    return any(ch.isalpha() for ch in text) and text == text.upper()


def is_national_title(text: str) -> bool:
    """The Quốc hiệu in any case (the case is checked separately)."""
    return fold(text).upper() in NATIONAL_TITLES


def is_motto(text: str) -> bool:
    """The Tiêu ngữ in any case and with any dashes (both are checked separately)."""
    return _DASHES.sub("-", fold(text)).lower() == _DASHES.sub("-", MOTTO).lower()


def is_date_line(text: str) -> bool:
    """A line that tries to give the place and date ("…, ngày … tháng … năm …" or "…, 07/01/2022")."""
    lowered = fold(text).lower()
    return bool(re.search(r"ngày.*tháng.*năm", lowered) or re.search(r",\s*\d{1,2}/\d{1,2}/\d{4}$", lowered))


def is_number_line(text: str) -> bool:
    """A line that tries to give the số, ký hiệu ("Số: 05/KH-UBND", "Số 5/KH-UBND", "Số:   /KH-UBND")."""
    return bool(re.match(r"^Số\s*[:.]?\s*(?:[\d.…_]|/)", fold(text)))


def is_recipients_heading(text: str) -> bool:
    return fold(text).lower().rstrip(":").strip() == "nơi nhận"


def document_type(text: str) -> str | None:
    """The tên loại ("KẾ HOẠCH", "BÁO CÁO" …) when ``text`` is exactly one, in any case."""
    upper = fold(text).upper()
    return upper if upper in DOCUMENT_TYPES else None


def is_appendix_heading(text: str) -> bool:
    """ "PHỤ LỤC", "Phụ lục I", "PHỤ LỤC 2" on a line of its own."""
    return bool(re.fullmatch(r"phụ lục(?:\s+(?:[ivxlc]+|\d+))?\.?", fold(text).lower()))


@dataclass(frozen=True)
class DateLine:
    """ "Lộc Thủy, ngày 07 tháng 01 năm 2022": day and month are None when left blank."""

    place: str
    day: int | None
    month: int | None
    year: int


def parse_date_line(text: str) -> DateLine | None:
    """The place and date of a date line in the ND 30 form; None when it has another form."""
    match = DATE_LINE.match(fold(text))
    if match is None:
        return None
    day, month = match["day"], match["month"]
    return DateLine(
        match["place"].strip(),
        int(day) if day.isdigit() else None,
        int(month) if month.isdigit() else None,
        int(match["year"]),
    )


def parse_number_line(text: str) -> tuple[str, str] | None:
    """ "Số: 05/KH-UBND" → ("05", "KH-UBND"); a blank number gives ""; None for another form."""
    line = re.sub(r"^Số\s*\.?\s*(?=[^:\s])", "Số: ", fold(text))
    match = NUMBER_LINE.match(line)
    if match is None:
        return None
    number = match["number"].strip()
    if re.fullmatch(r"[.…_\s]*", number):
        number = ""
    return number, match["symbol"].strip()


def authority_of(line: str) -> str | None:
    """ "TM. ỦY BAN NHÂN DÂN" → "TM"; "T/M …" → "TM"; None when the line names no authority."""
    match = re.match(rf"^({AUTHORITY_WORDS})[./]?\s", fold(line))
    if match is None:
        return None
    key = match.group(1).replace("/", "")
    return key if key in AUTHORITIES else None
