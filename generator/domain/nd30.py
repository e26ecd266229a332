"""The measurable rules of Nghị định 30/2020/NĐ-CP, once: what cchc writes and what it accepts.

Each ``Rule`` holds the value the template builder and renderer write (``written``) and the
range a document may use (``low``–``high``, with a measuring ``tolerance`` for values Word
stores rounded, such as 20 mm kept as 1134 twips). ``cchc check`` judges documents against
the same rules, so the writer and the checker cannot drift apart. Sources and the wording of
each rule: docs/nd30-format.md (§2 page, §3 header, §6 body, §9 Nơi nhận).

Geometry is then expressed in Word's units: twips (1/20 pt; 1 mm ≈ 56.7 twips) and EMU
(English Metric Units: 36,000 per mm, what python-docx reports for lengths). The short lines
under the agency name, the Tiêu ngữ and the trích yếu have a length set by the text above
them, so they are drawn from the text's measured width (``text_width``).
"""

from __future__ import annotations

import math
import unicodedata
from dataclasses import dataclass

from generator.domain import font_metrics

FONT = "Times New Roman"  # docs/nd30-format.md §2: the decree's font, everywhere cchc writes or checks
TWIPS_PER_MM = 1440 / 25.4
EMU_PER_MM = 36000


@dataclass(frozen=True)
class Rule:
    """A measurable ND 30 rule: the value cchc writes and the inclusive range it accepts."""

    written: float
    low: float
    high: float
    unit: str = ""  # "pt", "mm", "cm", "dòng", or "" for a ratio
    tolerance: float = 0.0  # measuring slack when judging a document

    @property
    def accepted(self) -> tuple[float, float]:
        return (self.low, self.high)

    def accepts(self, value: float) -> bool:
        return self.low - self.tolerance <= value <= self.high + self.tolerance


# Font sizes in points (Phụ lục I, Mục II and the table of Mục V).
QUOC_HIEU = Rule(12, 12, 13, "pt")
TIEU_NGU = Rule(13, 13, 14, "pt")
CO_QUAN = Rule(12, 12, 13, "pt")  # tên cơ quan chủ quản and tên cơ quan ban hành
SO_KY_HIEU = Rule(13, 13, 13, "pt")
NGAY_THANG = Rule(13, 13, 14, "pt")
TEN_LOAI = Rule(14, 13, 14, "pt")  # tên loại and trích yếu
NOI_DUNG = Rule(14, 13, 14, "pt")
NGUOI_KY = Rule(14, 13, 14, "pt")  # quyền hạn, chức vụ, họ tên
NOI_NHAN_TIEU_DE = Rule(12, 12, 12, "pt")  # "Nơi nhận:"
NOI_NHAN = Rule(11, 11, 11, "pt")  # the list under it
SO_TRANG = Rule(13, 13, 14, "pt")
BANG = Rule(12, 12, 13, "pt")  # table cells: practice, not in the decree
SIZE_SLACK = 0.01  # sizes are stored in half-points: exact

# Page (Phụ lục I, Mục I).
KHO_RONG = Rule(210, 210, 210, "mm", tolerance=0.5)  # A4
KHO_DAI = Rule(297, 297, 297, "mm", tolerance=0.5)
LE_TREN = Rule(20, 20, 25, "mm", tolerance=0.3)
LE_DUOI = Rule(20, 20, 25, "mm", tolerance=0.3)
LE_TRAI = Rule(30, 30, 35, "mm", tolerance=0.3)
LE_PHAI = Rule(15, 15, 20, "mm", tolerance=0.3)

# Body paragraphs (ô 6).
LUI_DAU_DONG = Rule(1.27, 1.0, 1.27, "cm", tolerance=0.05)
CACH_DOAN = Rule(6, 6, math.inf, "pt", tolerance=0.05)
GIAN_DONG = Rule(1.15, 1.0, 1.5, "dòng", tolerance=0.05)

# Lines under text: the agency name and trích yếu (1/3–1/2 of the text), the Tiêu ngữ (as
# long as the text; a line drawn by hand is accepted within 20 %).
DUONG_KE_NGAN = Rule(0.4, 1 / 3, 1 / 2)
DUONG_KE_TIEU_NGU = Rule(1.0, 0.8, 1.2)

MOTTO = "Độc lập - Tự do - Hạnh phúc"
NATIONAL_TITLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"


def twips(mm: float) -> int:
    """A length in mm as twips, rounded up so a stored lower bound stays inside its range."""
    return math.ceil(mm * TWIPS_PER_MM)


A4_WIDTH, A4_HEIGHT = 11906, 16838  # Word's own A4 in twips
MARGIN_TOP = twips(LE_TREN.written)
MARGIN_BOTTOM = twips(LE_DUOI.written)
MARGIN_LEFT = twips(LE_TRAI.written)
MARGIN_RIGHT = twips(LE_PHAI.written)
HEADER_DISTANCE = round(10 * TWIPS_PER_MM)  # page number inside the top margin
TEXT_WIDTH = A4_WIDTH - MARGIN_LEFT - MARGIN_RIGHT
LANDSCAPE_TEXT_WIDTH = A4_HEIGHT - MARGIN_LEFT - MARGIN_RIGHT
HEADER_LEFT = round(65 * TWIPS_PER_MM)  # agency column; Quốc hiệu needs ~88 mm at 12 pt
HEADER_RIGHT = TEXT_WIDTH - HEADER_LEFT
CELL_MARGIN = 108  # Word's default left/right cell margin
LEFT_ROOM = HEADER_LEFT - 2 * CELL_MARGIN  # text width inside the agency cell
RIGHT_ROOM = HEADER_RIGHT - 2 * CELL_MARGIN  # text width inside the Quốc hiệu cell

SIZE_AGENCY = int(CO_QUAN.written)
SIZE_MOTTO_TITLE = int(QUOC_HIEU.written)
SIZE_MOTTO = int(TIEU_NGU.written)
SIZE_NUMBER = int(SO_KY_HIEU.written)
SIZE_DATE = int(NGAY_THANG.written)
SIZE_TITLE = int(TEN_LOAI.written)
SIZE_BODY = int(NOI_DUNG.written)
SIZE_SIGNER = int(NGUOI_KY.written)
SIZE_RECIPIENTS_HEADING = int(NOI_NHAN_TIEU_DE.written)
SIZE_RECIPIENTS = int(NOI_NHAN.written)
SIZE_PAGE_NUMBER = int(SO_TRANG.written)
SIZE_TABLE = int(BANG.written)
FIRST_LINE_INDENT = round(LUI_DAU_DONG.written * 10 * TWIPS_PER_MM)  # 720 twips
SPACE_AFTER = round(CACH_DOAN.written * 20)  # 120 twentieths of a point
LINE_SPACING = round(GIAN_DONG.written * 240)  # 276: Word counts a line as 240
SHORT_LINE_RATIO = DUONG_KE_NGAN.written


def mm_of_emu(length: float) -> float:
    """A length python-docx reports (EMU) in millimetres."""
    return abs(length) / EMU_PER_MM


def text_width(text: str, size: float, bold: bool = False) -> int:
    """Width in twips of ``text`` set in Times New Roman at ``size`` pt."""
    table = font_metrics.BOLD if bold else font_metrics.REGULAR
    units = font_metrics.BOLD_UNITS_PER_EM if bold else font_metrics.REGULAR_UNITS_PER_EM
    fallback = table["n"]
    total = 0
    for ch in unicodedata.normalize("NFC", text):
        width = table.get(ch)
        if width is None:
            base = unicodedata.normalize("NFD", ch)[:1]
            width = table.get(base, fallback)
        total += width
    return round(total * size * 20 / units)


def line_length(lines: list[str] | tuple[str, ...], size: float, bold: bool, ratio: float, room: int) -> int:
    """Length of the short line under ``lines``: ``ratio`` of the longest, within ``room``."""
    widest = max((text_width(line, size, bold) for line in lines), default=0)
    return max(240, min(round(widest * ratio), room))
