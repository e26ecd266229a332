"""The ND 30/2020 page geometry cchc uses, shared by the template builder and the renderer.

Sizes are in twips (1/20 pt; 1 mm ≈ 56.7 twips) and half-points, as Word stores them.
The short lines under the agency name, the Tiêu ngữ and the trích yếu have a length set by
the text above them (ND 30 Phụ lục I: equal to the Tiêu ngữ; 1/3–1/2 of the others), so
they are drawn from the text's measured width (``line_paragraph``).

The rules and their sources: docs/nd30-format.md (§2 page, §3 header, §6 body, §9 Nơi nhận).
"""

from __future__ import annotations

import math
import unicodedata

from generator.domain import font_metrics

TWIPS_PER_MM = 1440 / 25.4
A4_WIDTH, A4_HEIGHT = 11906, 16838
# The lower bound of each ND 30 range, rounded up so the stored twips stay inside it.
MARGIN_TOP = MARGIN_BOTTOM = math.ceil(20 * TWIPS_PER_MM)  # 20–25 mm
MARGIN_LEFT = math.ceil(30 * TWIPS_PER_MM)  # 30–35 mm
MARGIN_RIGHT = math.ceil(15 * TWIPS_PER_MM)  # 15–20 mm
HEADER_DISTANCE = round(10 * TWIPS_PER_MM)  # page number inside the top margin
TEXT_WIDTH = A4_WIDTH - MARGIN_LEFT - MARGIN_RIGHT
LANDSCAPE_TEXT_WIDTH = A4_HEIGHT - MARGIN_LEFT - MARGIN_RIGHT
HEADER_LEFT = round(65 * TWIPS_PER_MM)  # agency column; Quốc hiệu needs ~88 mm at 12 pt
HEADER_RIGHT = TEXT_WIDTH - HEADER_LEFT
CELL_MARGIN = 108  # Word's default left/right cell margin
LEFT_ROOM = HEADER_LEFT - 2 * CELL_MARGIN  # text width inside the agency cell
RIGHT_ROOM = HEADER_RIGHT - 2 * CELL_MARGIN  # text width inside the Quốc hiệu cell

SIZE_AGENCY = 12  # pt, ND 30: 12–13
SIZE_MOTTO_TITLE = 12  # Quốc hiệu: 12–13
SIZE_MOTTO = 13  # Tiêu ngữ: 13–14
SIZE_NUMBER = 13  # Số, ký hiệu: 13
SIZE_DATE = 13  # địa danh, ngày tháng: 13–14
SIZE_TITLE = 14  # tên loại, trích yếu: 13–14
SIZE_BODY = 14  # nội dung: 13–14
SIZE_SIGNER = 14  # quyền hạn, chức vụ, họ tên: 13–14
SIZE_RECIPIENTS_HEADING = 12  # "Nơi nhận:": 12
SIZE_RECIPIENTS = 11  # the list: 11
SIZE_PAGE_NUMBER = 13  # 13–14
SIZE_TABLE = 12  # practice: 12–13
FIRST_LINE_INDENT = 720  # 1.27 cm
SPACE_AFTER = 120  # 6 pt
LINE_SPACING = 276  # 1.15 lines (ND 30: single to 1.5)
SHORT_LINE_RATIO = 0.4  # ND 30: 1/3 to 1/2 of the text above
MOTTO = "Độc lập - Tự do - Hạnh phúc"
NATIONAL_TITLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"


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
