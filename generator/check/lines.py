"""The short horizontal lines of the header, however they were made, and how long they are.

Word users draw the line under the Tiêu ngữ as a paragraph border, as an underline, or as a
shape: DrawingML (``wps:wsp``, Word 2010+) or VML (``v:line``, older files). Lengths are in
twips; None when the line exists but its length cannot be told (e.g. inside a text box).
"""

from __future__ import annotations

import re
from typing import Any

from docx.oxml.ns import qn
from docx.shared import Cm

from generator.ooxml.reading import FALLBACK, paragraph_format
from generator.ooxml.view import DocumentView, Item

EMU_PER_TWIP = 635
DEFAULT_CELL_MARGIN = 108  # Word's left and right cell margin, twips
_WPS = "{http://schemas.microsoft.com/office/word/2010/wordprocessingShape}"
_VML = "{urn:schemas-microsoft-com:vml}"
_OFFICE = "{urn:schemas-microsoft-com:office:office}"
_TWIPS_PER_UNIT = {"pt": 20.0, "in": 1440.0, "cm": 1440 / 2.54, "mm": 144 / 2.54, "px": 15.0, "pc": 240.0}
_VML_LENGTH = re.compile(r"^\s*(-?[\d.]+)\s*([a-z]*)\s*$")
TYPED_LINE = re.compile(r"^[-_─—–=.]{5,}$")


def _own(element: Any, p: Any) -> bool:
    """True when ``element`` belongs to paragraph ``p`` itself and is not a VML fallback copy."""
    if next(element.iterancestors(qn("w:p")), None) is not p:
        return False
    return not any(a.tag == FALLBACK for a in element.iterancestors())


def vml_length(text: str | None) -> float | None:
    """ "150pt" → 3000.0 twips; a bare number is taken as pixels, as in CSS."""
    match = _VML_LENGTH.match(text or "")
    if match is None or match[2] not in ("", *_TWIPS_PER_UNIT):
        return None
    return float(match[1]) * _TWIPS_PER_UNIT.get(match[2] or "px", 15.0)


def drawn_lines(p: Any) -> list[int | None]:
    """Lengths of the horizontal lines drawn as shapes anchored in paragraph ``p``."""
    lengths: list[int | None] = []
    for frame in [*p.iter(qn("wp:inline")), *p.iter(qn("wp:anchor"))]:
        extent = frame.find(qn("wp:extent"))
        if not _own(frame, p) or frame.find(f".//{_WPS}wsp") is None or extent is None:
            continue
        width, height = int(extent.get("cx", "0")), int(extent.get("cy", "0"))
        geometry = frame.find(f".//{qn('a:prstGeom')}")
        shape = geometry.get("prst") if geometry is not None else ""
        if (shape in ("line", "straightConnector1") or height == 0) and height <= width * 0.05:
            lengths.append(width // EMU_PER_TWIP)
    for line in p.iter(f"{_VML}line"):
        if _own(line, p):
            lengths += _vml_line(line)
    for shape in p.iter(f"{_VML}shape"):
        straight = shape.get(f"{_OFFICE}connectortype") or shape.get("type") == "#_x0000_t32"
        if straight and _own(shape, p):
            style = dict(_style_pairs(shape.get("style", "")))
            measured = vml_length(style.get("width"))
            lengths.append(round(measured) if measured is not None else None)
    return lengths


def _vml_line(line: Any) -> list[int | None]:
    start = (line.get("from") or "0,0").split(",")
    end = (line.get("to") or "0,0").split(",")
    values = [vml_length(v) for v in (start[0], start[-1], end[0], end[-1])]
    if any(v is None for v in values):
        return [None]
    x1, y1, x2, y2 = (v or 0.0 for v in values)
    return [round(abs(x2 - x1))] if abs(y2 - y1) <= abs(x2 - x1) * 0.05 else []


def _style_pairs(style: str) -> list[tuple[str, str]]:
    pairs = [part.split(":", 1) for part in style.split(";") if ":" in part]
    return [(key.strip(), value.strip()) for key, value in pairs]


def available_width(view: DocumentView, item: Item) -> int | None:
    """Width in twips a paragraph of ``item`` can fill: the text width, or the cell's inner width."""
    if item.top_level and view.sections:
        section = view.sections[min(item.section, len(view.sections)) - 1]
        if section.page_width is None or section.left_margin is None or section.right_margin is None:
            return None
        return int(section.page_width.twips - section.left_margin.twips - section.right_margin.twips)
    if not item.top_level and item.container.tag == qn("w:tc"):
        return _cell_width(item.container)
    return None


def _cell_width(tc: Any) -> int | None:
    width = tc.find(f"{qn('w:tcPr')}/{qn('w:tcW')}")
    if width is None or width.get(qn("w:type"), "dxa") != "dxa":
        return None
    table_margins = next(tc.iterancestors(qn("w:tbl"))).find(f"{qn('w:tblPr')}/{qn('w:tblCellMar')}")
    cell_margins = tc.find(f"{qn('w:tcPr')}/{qn('w:tcMar')}")
    inner = int(width.get(qn("w:w"), "0"))
    for side in (("w:left", "w:start"), ("w:right", "w:end")):
        inner -= _margin(cell_margins, side) or _margin(table_margins, side) or DEFAULT_CELL_MARGIN
    return inner


def _margin(margins: Any, names: tuple[str, str]) -> int | None:
    if margins is None:
        return None
    for name in names:
        element = margins.find(qn(name))
        if element is not None and element.get(qn("w:type"), "dxa") == "dxa":
            return int(element.get(qn("w:w"), "0"))
    return None


def border_length(view: DocumentView, item: Item) -> int | None:
    """Length in twips of a top or bottom border of ``item``'s paragraph: its width less its indents."""
    width = available_width(view, item)
    if width is None:
        return None
    layout = paragraph_format(item.paragraph)
    return int(width - Cm(layout.left).twips - Cm(layout.right).twips)
