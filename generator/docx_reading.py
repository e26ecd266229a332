"""Reading any .docx back: text in order and the formatting Word would actually apply.

Word resolves a run's font size, bold or italic from the run, then the paragraph's style
and the styles it is based on, then the document defaults. ``run_format`` and
``paragraph_format`` do the same with python-docx, so a generated or a hand-made document
can be checked for what a reader sees, not for how it happens to be stored.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Length
from docx.table import Table
from docx.text.paragraph import Paragraph

_ALIGN = {
    WD_ALIGN_PARAGRAPH.LEFT: "left",
    WD_ALIGN_PARAGRAPH.CENTER: "center",
    WD_ALIGN_PARAGRAPH.RIGHT: "right",
    WD_ALIGN_PARAGRAPH.JUSTIFY: "both",
    WD_ALIGN_PARAGRAPH.DISTRIBUTE: "both",
}


@dataclass(frozen=True)
class RunFormat:
    font: str | None
    size: float | None  # points
    bold: bool
    italic: bool


@dataclass(frozen=True)
class ParagraphFormat:
    alignment: str  # left, center, right, both
    first_line: float  # cm; negative for a hanging indent
    space_before: float  # points
    space_after: float  # points
    line_spacing: float | None  # lines (1.0 = single) when proportional, else None


def iter_blocks(container: Any) -> Iterator[Paragraph | Table]:
    """Paragraphs and tables of a document, cell or header, in reading order."""
    yield from container.iter_inner_content()


def cell_text(cell: Any) -> str:
    return "\n".join(p.text for p in cell.paragraphs)


def table_rows(table: Table) -> list[list[str]]:
    """Each row's cell texts; a cell spanning columns appears once."""
    rows = []
    for row in table.rows:
        seen: list[Any] = []
        texts = []
        for cell in row.cells:
            if any(cell._tc is other._tc for other in seen):
                continue
            seen.append(cell)
            texts.append(cell_text(cell))
        rows.append(texts)
    return rows


def _style_chain(paragraph: Paragraph) -> list[Any]:
    chain: list[Any] = []
    style = paragraph.style
    while style is not None and len(chain) < 20:
        chain.append(style)
        style = style.base_style
    return chain


def _defaults(paragraph: Paragraph, path: str) -> Any:
    part = paragraph.part
    styles = part.document.styles.element if hasattr(part, "document") else None
    if styles is None:
        return None
    found = styles.find(qn("w:docDefaults"))
    for step in path.split("/"):
        if found is None:
            return None
        found = found.find(qn(step))
    return found


def run_format(paragraph: Paragraph, run: Any | None = None) -> RunFormat:
    """The effective font, size, bold and italic of ``run`` (default: the first with text)."""
    if run is None:
        run = next((r for r in paragraph.runs if r.text.strip()), None)
    sources = ([run.font] if run is not None else []) + [s.font for s in _style_chain(paragraph)]

    def first(attribute: str) -> Any:
        return next((getattr(f, attribute) for f in sources if getattr(f, attribute) is not None), None)

    size = first("size")
    if size is None:
        default = _defaults(paragraph, "w:rPrDefault/w:rPr/w:sz")
        size = Length(int(default.get(qn("w:val"))) * 6350) if default is not None else None
    font = first("name")
    if font is None:
        fonts = _defaults(paragraph, "w:rPrDefault/w:rPr/w:rFonts")
        font = fonts.get(qn("w:ascii")) if fonts is not None else None
    return RunFormat(font, size.pt if size is not None else None, bool(first("bold")), bool(first("italic")))


def paragraph_format(paragraph: Paragraph) -> ParagraphFormat:
    """The effective alignment, first-line indent, spacing and line spacing."""
    sources = [paragraph.paragraph_format] + [s.paragraph_format for s in _style_chain(paragraph)]

    def first(attribute: str) -> Any:
        return next((getattr(f, attribute) for f in sources if getattr(f, attribute) is not None), None)

    alignment = first("alignment")
    first_line = first("first_line_indent")
    before = first("space_before")
    after = first("space_after")
    if after is None:
        spacing = _defaults(paragraph, "w:pPrDefault/w:pPr/w:spacing")
        value = spacing.get(qn("w:after")) if spacing is not None else None
        after = Length(int(value) * 635) if value is not None else None
    line = first("line_spacing")
    return ParagraphFormat(
        alignment=_ALIGN.get(alignment, "left"),
        first_line=first_line.cm if first_line is not None else 0.0,
        space_before=before.pt if before is not None else 0.0,
        space_after=after.pt if after is not None else 0.0,
        line_spacing=float(line) if isinstance(line, float) else (1.0 if line is None else None),
    )
