"""Header block and title rules of ND 30 (ô 1–5a): Quốc hiệu, Tiêu ngữ and its line, agency,
số and ký hiệu, place and date, tên loại and trích yếu.

Rules and sources: docs/nd30-format.md §3–§5.
"""

from __future__ import annotations

from generator.check.findings import Finding, Place, amount, error, warning
from generator.check.lines import TYPED_LINE, border_length, drawn_lines
from generator.check.patterns import (
    NATIONAL_TITLES,
    date_line_problems,
    fold,
    is_caps,
    is_date_line,
    is_motto,
    is_national_title,
    is_number_line,
    motto_problems,
    number_line_problems,
)
from generator.check.style import Expected, run_formats, style_findings
from generator.document.outline import Outline
from generator.domain import nd30
from generator.ooxml.reading import paragraph_format
from generator.ooxml.view import DocumentView, Item, Piece

MOTTO_LINE = "duong_ke_tieu_ngu"


def header_findings(view: DocumentView, outline: Outline) -> list[Finding]:
    """Ô 1–4 of page 1, found by their text wherever they are (table, paragraphs, text boxes)."""
    header = outline.header
    national = next((p for p in header if is_national_title(p.text)), None)
    motto = next((p for p in header if is_motto(p.text)), None)
    number = next((p for p in header if is_number_line(p.text)), None)
    date = next((p for p in header if is_date_line(p.text)), None)
    findings = _national_title(national) + _motto(view, outline, motto)
    findings += _agency(header, [national, motto, number, date])
    findings += _number(number) + _date(date)
    return findings


def _national_title(piece: Piece | None) -> list[Finding]:
    if piece is None:
        return [warning("quoc_hieu", f'không tìm thấy Quốc hiệu "{NATIONAL_TITLES[0]}"')]
    findings = []
    if fold(piece.text) not in NATIONAL_TITLES:
        findings.append(error("quoc_hieu", f'Quốc hiệu viết in hoa: "{NATIONAL_TITLES[0]}"', piece.place))
    return findings + style_findings(
        "quoc_hieu", "Quốc hiệu", piece, Expected(bold=True, sizes=nd30.QUOC_HIEU.accepted)
    )


def _motto(view: DocumentView, outline: Outline, piece: Piece | None) -> list[Finding]:
    if piece is None:
        return [warning("tieu_ngu", f'không tìm thấy Tiêu ngữ "{nd30.MOTTO}"')]
    findings = [error("tieu_ngu", message, piece.place) for message in motto_problems(piece.text)]
    findings += style_findings(
        "tieu_ngu", "Tiêu ngữ", piece, Expected(bold=True, sizes=nd30.TIEU_NGU.accepted)
    )
    return findings + motto_line_findings(view, outline, piece)


def motto_line_findings(view: DocumentView, outline: Outline, motto: Piece) -> list[Finding]:
    """The solid line under the Tiêu ngữ, as long as the text (a border, an underline or a shape)."""
    formats = run_formats(motto)
    if formats and all(f.underline for f in formats):
        return []
    size = next((f.size for f in formats if f.size), float(nd30.SIZE_MOTTO))
    expected = nd30.text_width(motto.text, size, bold=all(f.bold for f in formats))
    lengths = _lines_near(view, motto.item)
    if lengths:
        return _judge(lengths, expected, motto.place)
    shapes = [n for i in view.items[: outline.header_end] for n in drawn_lines(i.paragraph._p)]
    if any(n is not None and _fits(n, expected) for n in shapes):
        return []
    following = _next_piece(outline.header, motto)
    if following is not None and TYPED_LINE.match(following.text):
        message = f'đường kẻ dưới Tiêu ngữ gõ bằng ký tự ("{following.text}"), cần một đường kẻ liền'
        return [warning(MOTTO_LINE, message, motto.place)]
    if shapes:
        message = "có đường kẻ vẽ ở phần đầu văn bản nhưng không xác định được đường kẻ dưới Tiêu ngữ"
        return [warning(MOTTO_LINE, message, motto.place)]
    return [error(MOTTO_LINE, "Tiêu ngữ thiếu đường kẻ ngang bên dưới (dài bằng dòng chữ)", motto.place)]


def _lines_near(view: DocumentView, item: Item) -> list[int | None]:
    """Lines under ``item``: its bottom border or shapes, then those of the empty paragraphs after it."""
    lengths = [border_length(view, item)] if "bottom" in paragraph_format(item.paragraph).borders else []
    lengths += drawn_lines(item.paragraph._p)
    following = view.items[item.index + 1 :] if item.index >= 0 else []
    for other in following:
        if other.container is not item.container:
            break
        borders = paragraph_format(other.paragraph).borders
        if "top" in borders:
            lengths.append(border_length(view, other))
        lengths += drawn_lines(other.paragraph._p)
        if other.text.strip():
            break
        if "bottom" in borders:
            lengths.append(border_length(view, other))
    return lengths


def _fits(length: int, expected: int) -> bool:
    return nd30.DUONG_KE_TIEU_NGU.accepts(length / expected) if expected else False


def _judge(lengths: list[int | None], expected: int, place: Place) -> list[Finding]:
    known = [n for n in lengths if n is not None]
    if not known:
        return [warning(MOTTO_LINE, "không đo được độ dài đường kẻ dưới Tiêu ngữ", place)]
    best = min(known, key=lambda n: abs(n - expected))
    if _fits(best, expected):
        return []
    actual, wanted = amount(best / nd30.TWIPS_PER_MM), amount(expected / nd30.TWIPS_PER_MM)
    message = f"đường kẻ dưới Tiêu ngữ dài {actual} mm, cần dài bằng dòng chữ (khoảng {wanted} mm)"
    return [error(MOTTO_LINE, message, place)]


def _next_piece(pieces: list[Piece], piece: Piece) -> Piece | None:
    position = next(i for i, p in enumerate(pieces) if p is piece)
    return pieces[position + 1] if position + 1 < len(pieces) else None


def _agency(header: list[Piece], known: list[Piece | None]) -> list[Finding]:
    """Ô 2: the lines before "Số:", apart from the Quốc hiệu's column; all caps, the last one bold."""
    national, _, number, _ = known
    if national is None and number is None:
        return [warning("co_quan", "không tìm thấy tên cơ quan ban hành (không thấy phần đầu văn bản)")]
    lines = []
    for piece in header:
        if piece is number:
            break
        same_cell = national is not None and not piece.item.top_level
        if any(piece is k for k in known) or not any(ch.isalpha() for ch in piece.text):
            continue
        if same_cell and national is not None and piece.item.container is national.item.container:
            continue
        lines.append(piece)
    if not lines:
        return [warning("co_quan", "không tìm thấy tên cơ quan ban hành (ở góc trên bên trái)")]
    findings = [error("co_quan", "tên cơ quan viết in hoa", p.place) for p in lines if not is_caps(p.text)]
    for piece in lines:
        findings += style_findings("co_quan", "tên cơ quan", piece, Expected(sizes=nd30.CO_QUAN.accepted))
    return findings + style_findings("co_quan", "tên cơ quan ban hành", lines[-1], Expected(bold=True))


def _number(piece: Piece | None) -> list[Finding]:
    if piece is None:
        return [warning("so_ky_hieu", 'không tìm thấy số, ký hiệu văn bản ("Số: …/…-…")')]
    return [error("so_ky_hieu", message, piece.place) for message in number_line_problems(piece.text)]


def _date(piece: Piece | None) -> list[Finding]:
    if piece is None:
        return [warning("ngay_thang", "không tìm thấy dòng địa danh, ngày tháng năm")]
    findings = [error("ngay_thang", message, piece.place) for message in date_line_problems(piece.text)]
    label = "dòng địa danh, ngày tháng"
    return findings + style_findings(
        "ngay_thang", label, piece, Expected(italic=True, sizes=nd30.NGAY_THANG.accepted)
    )


def title_findings(outline: Outline) -> list[Finding]:
    """Ô 5a: tên loại in caps, bold, centred; trích yếu bold, centred; both 13–14 pt."""
    title = outline.title
    if title is None:
        return [warning("ten_loai", "không tìm thấy tên loại văn bản (KẾ HOẠCH, BÁO CÁO …)")]
    findings = []
    if not is_caps(title.text):
        findings.append(
            error("ten_loai", f'tên loại văn bản viết in hoa ("{title.text.upper()}")', title.place)
        )
    expected = Expected(bold=True, sizes=nd30.TEN_LOAI.accepted, alignment="center")
    findings += style_findings("ten_loai", "tên loại văn bản", title, expected)
    if outline.summary is None:
        return [*findings, warning("trich_yeu", "không tìm thấy trích yếu nội dung dưới tên loại văn bản")]
    return findings + style_findings("trich_yeu", "trích yếu", outline.summary, expected)
