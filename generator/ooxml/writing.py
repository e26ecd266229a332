"""Small WordprocessingML writers used to build the templates: paragraphs, runs, tables, sections.

Each function returns an XML fragment as text; the builder joins them and lxml checks the
result is well-formed. Text passes through ``xml_text`` so Jinja tags written here reach
docxtpl unchanged while ``&`` and ``<`` in fixed text are escaped.
"""

from __future__ import annotations

from collections.abc import Iterable
from html import escape


def xml_text(text: str) -> str:
    return escape(text, quote=False)


def attr(value: str | int) -> str:
    return f'"{escape(str(value), quote=True)}"'


def run(text: str, *, bold: bool = False, italic: bool = False, size: float | None = None) -> str:
    """A run; direct formatting only where a style would not say it (kept rare)."""
    props = ""
    if bold:
        props += "<w:b/><w:bCs/>"
    if italic:
        props += "<w:i/><w:iCs/>"
    if size is not None:
        half = round(size * 2)
        props += f"<w:sz w:val={attr(half)}/><w:szCs w:val={attr(half)}/>"
    rpr = f"<w:rPr>{props}</w:rPr>" if props else ""
    return f'<w:r>{rpr}<w:t xml:space="preserve">{xml_text(text)}</w:t></w:r>'


def paragraph(
    text: str = "", style: str | None = None, *, runs: Iterable[str] | None = None, extra_ppr: str = ""
) -> str:
    """A paragraph of one run of ``text`` (or the given runs) in ``style``."""
    ppr = ""
    if style or extra_ppr:
        style_xml = f"<w:pStyle w:val={attr(style)}/>" if style else ""
        ppr = f"<w:pPr>{style_xml}{extra_ppr}</w:pPr>"
    content = "".join(runs) if runs is not None else (run(text) if text else "")
    return f"<w:p>{ppr}{content}</w:p>"


def tag_paragraph(tag: str) -> str:
    """A paragraph holding only a docxtpl block tag such as ``{%p for x in xs %}``."""
    return paragraph(tag)


def page_number_field(style: str) -> str:
    """A paragraph with Word's PAGE field (complex-field form, read by Word and LibreOffice)."""
    return (
        f"<w:p><w:pPr><w:pStyle w:val={attr(style)}/></w:pPr>"
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        '<w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        "<w:r><w:t>2</w:t></w:r>"
        '<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>'
    )


def cell(
    content: str, width: int, *, span: int = 1, valign: str | None = None, vmerge: str | None = None
) -> str:
    """A table cell; a cell must end with a paragraph, so empty content gets one.

    ``span`` merges grid columns; ``vmerge`` "restart" starts a cell merged with the ones below
    it, "continue" is such a cell below (Word keeps its content empty).
    """
    props = f'<w:tcW w:w={attr(width)} w:type="dxa"/>'
    if span > 1:
        props += f"<w:gridSpan w:val={attr(span)}/>"
    if vmerge:
        props += f"<w:vMerge w:val={attr(vmerge)}/>"
    if valign:
        props += f"<w:vAlign w:val={attr(valign)}/>"
    return f"<w:tc><w:tcPr>{props}</w:tcPr>{content or paragraph()}</w:tc>"


def row(cells: Iterable[str], *, header: bool = False, cant_split: bool = True) -> str:
    props = ("<w:cantSplit/>" if cant_split else "") + ("<w:tblHeader/>" if header else "")
    trpr = f"<w:trPr>{props}</w:trPr>" if props else ""
    return f"<w:tr>{trpr}{''.join(cells)}</w:tr>"


def table(widths: list[int], rows: Iterable[str], *, borders: bool) -> str:
    """A fixed-layout table with the given column widths, with or without grid lines."""
    line = 'w:val="single" w:sz="4" w:space="0" w:color="000000"' if borders else 'w:val="nil"'
    edges = "".join(
        f"<w:{edge} {line}/>" for edge in ("top", "left", "bottom", "right", "insideH", "insideV")
    )
    grid = "".join(f"<w:gridCol w:w={attr(w)}/>" for w in widths)
    props = (
        f'<w:tblW w:w={attr(sum(widths))} w:type="dxa"/>'
        f"<w:tblBorders>{edges}</w:tblBorders>"
        '<w:tblLayout w:type="fixed"/>'
        '<w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" '
        'w:lastColumn="0" w:noHBand="1" w:noVBand="1"/>'
    )
    return f"<w:tbl><w:tblPr>{props}</w:tblPr><w:tblGrid>{grid}</w:tblGrid>{''.join(rows)}</w:tbl>"


def section(
    *,
    landscape: bool,
    margins: tuple[int, int, int, int],
    header_distance: int,
    headers: dict[str, str],
    restart_numbering: bool,
) -> str:
    """A ``w:sectPr``: A4 size and orientation, margins (top, right, bottom, left), headers.

    ``titlePg`` gives the first page its own (empty) header: ND 30 shows no page number on
    page 1.
    """
    width, height = (16838, 11906) if landscape else (11906, 16838)
    orient = ' w:orient="landscape"' if landscape else ""
    refs = "".join(
        f"<w:headerReference w:type={attr(kind)} r:id={attr(rid)}/>" for kind, rid in headers.items()
    )
    top, right, bottom, left = margins
    numbering = '<w:pgNumType w:start="1"/>' if restart_numbering else ""
    return (
        f"<w:sectPr>{refs}"
        f"<w:pgSz w:w={attr(width)} w:h={attr(height)}{orient}/>"
        f"<w:pgMar w:top={attr(top)} w:right={attr(right)} w:bottom={attr(bottom)} "
        f'w:left={attr(left)} w:header={attr(header_distance)} w:footer="567" w:gutter="0"/>'
        f"{numbering}<w:titlePg/></w:sectPr>"
    )


def line_paragraph(length: int, room: int) -> str:
    """OOXML for a centred solid line ``length`` twips long in a column ``room`` twips wide.

    The line is the top border of an empty, very low paragraph: it sits right under the
    text above it and its length is set by the paragraph's indents.
    """
    side = max(0, (room - length) // 2)
    return (
        '<w:p><w:pPr><w:pStyle w:val="DuongKe"/>'
        '<w:pBdr><w:top w:val="single" w:sz="6" w:space="1" w:color="000000"/></w:pBdr>'
        f'<w:ind w:left="{side}" w:right="{side}"/>'
        "</w:pPr></w:p>"
    )
