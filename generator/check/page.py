"""Page rules of ND 30 (Phụ lục I, Mục I): A4, orientation, margins, page numbers.

Margins are checked in every Word section with a tolerance of 0.3 mm, because Word stores
them in twips (20 mm is 1133.9 twips, stored as 1134).

Rules and sources: docs/nd30-format.md §2 and §10.
"""

from __future__ import annotations

import re
from typing import Any

from docx.oxml.ns import qn
from docx.section import Section
from docx.shared import Length
from docx.text.paragraph import Paragraph

from generator.check.findings import Finding, Place, amount, bounds, error, warning
from generator.domain import nd30
from generator.ooxml.reading import paragraph_format, paragraph_runs, run_format
from generator.ooxml.view import DocumentView

MARGINS = (
    ("top_margin", "lề trên", nd30.LE_TREN),
    ("bottom_margin", "lề dưới", nd30.LE_DUOI),
    ("left_margin", "lề trái", nd30.LE_TRAI),
    ("right_margin", "lề phải", nd30.LE_PHAI),
)
_PAGE_FIELD = re.compile(r"^\s*PAGE\b")


def _mm(length: Length | None) -> float | None:
    return None if length is None else nd30.mm_of_emu(length)


def page_findings(view: DocumentView) -> list[Finding]:
    """Paper size, orientation and margins of every section."""
    if not view.sections:
        return [
            warning(
                "kho_giay", "văn bản không có thông tin trang (w:sectPr), không kiểm tra được khổ giấy, lề"
            )
        ]
    findings: list[Finding] = []
    for number, section in enumerate(view.sections, start=1):
        place = Place(section=number)
        width, height = _mm(section.page_width), _mm(section.page_height)
        if width is None or height is None:
            findings.append(warning("kho_giay", "không đọc được khổ giấy", place))
            continue
        short, long = sorted((width, height))
        if not (nd30.KHO_RONG.accepts(short) and nd30.KHO_DAI.accepts(long)):
            size = f"{amount(width)} × {amount(height)} mm"
            findings.append(error("kho_giay", f"khổ giấy {size}, cần A4 (210 × 297 mm)", place))
        findings += _orientation(view, number, landscape=width > height)
        findings += _margins(section, place)
    return findings


def _orientation(view: DocumentView, number: int, *, landscape: bool) -> list[Finding]:
    """ND 30: portrait; landscape only when the content has tables or charts (bảng, biểu)."""
    if not landscape or any(section == number for _, section in view.tables):
        return []
    drawings = (qn("w:drawing"), qn("w:pict"))
    items = [i for i in view.items if i.section == number]
    if any(next(i.paragraph._p.iter(*drawings), None) is not None for i in items):
        return []
    message = "khổ ngang nhưng không có bảng, biểu (ND 30 chỉ cho khổ ngang khi có bảng, biểu)"
    return [error("huong_giay", message, Place(section=number))]


def _margins(section: Section, place: Place) -> list[Finding]:
    findings = []
    gutter = _mm(section.gutter) or 0.0
    for attribute, label, rule in MARGINS:
        value = _mm(getattr(section, attribute))
        if value is None:
            findings.append(warning("le_trang", f"không đọc được {label}", place))
            continue
        if attribute == "left_margin":
            value += gutter
        if not rule.accepts(value):
            message = f"{label} {amount(value)} mm, cần {bounds(rule)}"
            findings.append(error("le_trang", message, place))
    return findings


def _own_or_inherited(sections: list[Section], index: int, attribute: str) -> Any | None:
    """The header or footer part Word shows for ``sections[index]``, following "link to previous"."""
    for position in range(index, -1, -1):
        story = getattr(sections[position], attribute)
        if not story.is_linked_to_previous:
            return story.part.element
    return None


def page_fields(root: Any | None) -> list[Any]:
    """The paragraphs (``w:p``) of a header or footer that hold a PAGE field."""
    if root is None:
        return []
    codes = [(e, e.text or "") for e in root.iter(qn("w:instrText"))]
    codes += [(e, e.get(qn("w:instr")) or "") for e in root.iter(qn("w:fldSimple"))]
    found = []
    for element, code in codes:
        paragraph = next(element.iterancestors(qn("w:p")), None)
        if _PAGE_FIELD.match(code) and paragraph is not None and paragraph not in found:
            found.append(paragraph)
    return found


def page_number_findings(view: DocumentView) -> list[Finding]:
    """A centred PAGE field in the top margin from page 2 on; none on page 1."""
    sections = view.sections
    if not sections:
        return [
            warning("so_trang", "văn bản không có thông tin trang (w:sectPr), không kiểm tra được số trang")
        ]
    first = sections[0]
    place = Place(section=1)
    first_attribute = "first_page_header" if first.different_first_page_header_footer else "header"
    findings = []
    if page_fields(_own_or_inherited(sections, 0, first_attribute)):
        message = 'số trang hiện ở trang 1; ND 30 không đánh số trang đầu (chọn "Trang đầu khác")'
        findings.append(error("so_trang", message, place))
    kinds = ["header"] + (
        ["even_page_header"] if view.document.settings.odd_and_even_pages_header_footer else []
    )
    for index, section in enumerate(sections):
        for attribute in kinds:
            fields = page_fields(_own_or_inherited(sections, index, attribute))
            if not fields:
                findings.append(_missing_page_number(sections, index))
            for field in fields:
                findings += _page_number_format(Paragraph(field, section.header), Place(section=index + 1))
    return _unique(findings)


def _missing_page_number(sections: list[Section], index: int) -> Finding:
    footers = ("footer", "even_page_footer", "first_page_footer")
    if any(page_fields(_own_or_inherited(sections, index, attribute)) for attribute in footers):
        message = "số trang đặt ở chân trang, cần ở giữa lề trên (đầu trang)"
    else:
        message = "không có số trang ở đầu trang (ND 30: số trang ở giữa lề trên, từ trang 2)"
    return error("so_trang", message, Place(section=index + 1))


def _page_number_format(paragraph: Paragraph, place: Place) -> list[Finding]:
    findings = []
    if paragraph_format(paragraph).alignment != "center":
        findings.append(error("so_trang", "số trang cần căn giữa", place))
    run = next((r for r in paragraph_runs(paragraph) if r.text.strip()), None)
    size = run_format(paragraph, run).size
    rule = nd30.SO_TRANG
    if size is not None and not rule.accepts(size):
        message = f"số trang cỡ chữ {amount(size)} pt, cần {bounds(rule)}"
        findings.append(error("so_trang", message, place))
    return findings


def _unique(findings: list[Finding]) -> list[Finding]:
    """The same header shared by several sections is reported once per section and message."""
    seen: list[Finding] = []
    for finding in findings:
        if finding not in seen:
            seen.append(finding)
    return seen
