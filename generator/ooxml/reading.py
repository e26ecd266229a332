"""Reading any .docx back: text in order and the formatting Word would actually apply.

Word resolves a run's font size, bold or italic from the run, then its character style,
then the paragraph's style and the styles it is based on, then the document defaults (a
font may also name the theme's font). ``run_format`` and ``paragraph_format`` do the same
with python-docx, so a generated or a hand-made document can be checked for what a reader
sees, not for how it happens to be stored.
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, cast

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from docx.oxml.parser import parse_xml
from docx.oxml.text.paragraph import CT_P
from docx.oxml.text.run import CT_R
from docx.shared import Length, Twips
from docx.text.paragraph import Paragraph
from docx.text.run import Run

_ALIGN = {
    WD_ALIGN_PARAGRAPH.LEFT: "left",
    WD_ALIGN_PARAGRAPH.CENTER: "center",
    WD_ALIGN_PARAGRAPH.RIGHT: "right",
    WD_ALIGN_PARAGRAPH.JUSTIFY: "both",
    WD_ALIGN_PARAGRAPH.DISTRIBUTE: "both",
}
_NO_LINE = ("nil", "none")
FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_CHAINS: weakref.WeakKeyDictionary[Any, dict[str | None, tuple[Any, ...]]] = weakref.WeakKeyDictionary()
_BOLD: weakref.WeakKeyDictionary[Any, dict[tuple[str | None, str | None], bool]] = weakref.WeakKeyDictionary()


@dataclass(frozen=True)
class RunFormat:
    font: str | None
    size: float | None  # points
    bold: bool
    italic: bool
    underline: bool = False


@dataclass(frozen=True)
class ParagraphFormat:
    alignment: str  # left, center, right, both
    first_line: float  # cm; negative for a hanging indent
    space_before: float  # points
    space_after: float  # points
    line_spacing: float | None  # lines (1.0 = single) when proportional, else None
    line_points: float | None = None  # points, when the line spacing is exact or "at least"
    left: float = 0.0  # cm
    right: float = 0.0  # cm
    borders: frozenset[str] = frozenset()  # sides with a line: top, bottom, left, right


def paragraph_runs(paragraph: Paragraph) -> list[Run]:
    """Every run of ``paragraph``, also inside hyperlinks, fields, content controls and insertions.

    python-docx's ``paragraph.runs`` sees only direct children; runs of text boxes anchored
    in the paragraph belong to the text box's own paragraphs and are left out.
    """
    p = paragraph._p
    return [
        Run(cast(CT_R, r), paragraph)
        for r in p.iter(qn("w:r"))
        if next(r.iterancestors(qn("w:p")), None) is p
    ]


def paragraph_text(paragraph: Paragraph) -> str:
    """The text a reader sees: ``paragraph_runs`` joined (line breaks as "\\n", tabs as "\\t")."""
    return "".join(run.text for run in paragraph_runs(paragraph))


def text_boxes(paragraph: Paragraph) -> list[list[Paragraph]]:
    """The paragraphs of each text box anchored in ``paragraph`` (the VML fallback copy skipped)."""
    p = paragraph._p
    boxes = []
    for content in p.iter(qn("w:txbxContent")):
        if next(content.iterancestors(qn("w:p")), None) is not p:
            continue
        if any(a.tag == FALLBACK for a in content.iterancestors()):
            continue
        boxes.append([
            Paragraph(cast(CT_P, inner), paragraph)
            for inner in content.iter(qn("w:p"))
            if next(inner.iterancestors(qn("w:txbxContent"))) is content
        ])  # fmt: skip
    return boxes


def style_chain(paragraph: Paragraph) -> list[Any]:
    """The paragraph's style and the styles it is based on, looked up once per style and document.

    python-docx scans every style to find the default one on each call: for a long document
    that scan was most of ``cchc check``'s time.
    """
    part = document_part(paragraph.part)
    chains = _CHAINS.setdefault(part, {})
    style_id = paragraph._p.style
    if style_id not in chains:
        chain: list[Any] = []
        style = paragraph.style
        while style is not None and len(chain) < 20:
            chain.append(style)
            style = style.base_style
        chains[style_id] = tuple(chain)
    return list(chains[style_id])


def _run_style_chain(run: Run | None) -> list[Any]:
    """The run's character style and the styles it is based on (none without ``w:rStyle``)."""
    if run is None or run._r.rPr is None or run._r.rPr.style is None:
        return []
    chain: list[Any] = []
    style: Any = run.style
    while style is not None and len(chain) < 20:
        chain.append(style)
        style = style.base_style
    return chain


def document_part(part: Any) -> Any:
    """The main document part; a header or footer part has no styles of its own."""
    return part if hasattr(part, "document") else part.package.main_document_part


def _defaults(paragraph: Paragraph, path: str) -> Any:
    styles = document_part(paragraph.part).document.styles.element
    found = styles.find(qn("w:docDefaults"))
    for step in path.split("/"):
        if found is None:
            return None
        found = found.find(qn(step))
    return found


@lru_cache(maxsize=8)
def _theme_fonts(blob: bytes) -> tuple[str | None, str | None]:
    """The theme's (major, minor) Latin typefaces."""
    scheme = parse_xml(blob).find(f".//{qn('a:fontScheme')}")
    names: list[str | None] = []
    for kind in ("a:majorFont", "a:minorFont"):
        latin = scheme.find(f"{qn(kind)}/{qn('a:latin')}") if scheme is not None else None
        names.append(latin.get("typeface") if latin is not None else None)
    return names[0], names[1]


def _theme_font(paragraph: Paragraph, theme: str) -> str | None:
    try:
        theme_part = document_part(paragraph.part).part_related_by(RT.THEME)
    except KeyError:
        return None
    major, minor = _theme_fonts(theme_part.blob)
    return major if theme.startswith("major") else minor


def font_name(paragraph: Paragraph, run: Run | None = None, slot: str = "ascii") -> str | None:
    """The font Word uses for ``run``: ``slot`` "ascii" for plain letters, "hAnsi" for ư, ộ…

    Run properties apply in Word's order: the run, its character style, the paragraph
    style chain, the document defaults; a theme reference ("minorHAnsi") names the theme's font.
    """
    elements = [run._r.rPr] if run is not None else []
    elements += [s.element.rPr for s in _run_style_chain(run) + style_chain(paragraph)]
    elements.append(_defaults(paragraph, "w:rPrDefault/w:rPr"))
    for rpr in elements:
        fonts = rpr.find(qn("w:rFonts")) if rpr is not None else None
        if fonts is None:
            continue
        theme = fonts.get(qn(f"w:{slot}Theme"))
        if theme is not None:
            return _theme_font(paragraph, theme)
        name = fonts.get(qn(f"w:{slot}"))
        if name is not None:
            return str(name)
    return None


def run_format(paragraph: Paragraph, run: Any | None = None) -> RunFormat:
    """The effective font, size, bold and italic of ``run`` (default: the first with text)."""
    if run is None:
        run = next((r for r in paragraph.runs if r.text.strip()), None)
    sources = _font_sources(paragraph, run)

    def first(attribute: str) -> Any:
        return next((getattr(f, attribute) for f in sources if getattr(f, attribute) is not None), None)

    size = first("size")
    if size is None:
        default = _defaults(paragraph, "w:rPrDefault/w:rPr/w:sz")
        size = Length(int(default.get(qn("w:val"))) * 6350) if default is not None else None
    return RunFormat(
        font_name(paragraph, run),
        size.pt if size is not None else None,
        bool(first("bold")),
        bool(first("italic")),
        bool(first("underline")),
    )


def run_bold(paragraph: Paragraph, run: Any) -> bool:
    """``run_format(paragraph, run).bold``, without resolving the rest of the format; what the
    styles say is resolved once per pair of run and paragraph style."""
    own = run.font.bold
    if own is not None:
        return bool(own)
    styled = _BOLD.setdefault(paragraph.part, {})
    key = (run._r.style, paragraph._p.style)
    if key not in styled:
        fonts = [s.font for s in _run_style_chain(run) + style_chain(paragraph)]
        styled[key] = bool(next((f.bold for f in fonts if f.bold is not None), None))
    return styled[key]


def _font_sources(paragraph: Paragraph, run: Any | None) -> list[Any]:
    """Where a run's font properties come from, first found wins: the run, its style, the paragraph's."""
    sources = [run.font] if run is not None else []
    return sources + [s.font for s in _run_style_chain(run) + style_chain(paragraph)]


def paragraph_format(paragraph: Paragraph) -> ParagraphFormat:
    """The effective alignment, indents, spacing, line spacing and borders."""
    sources = [paragraph.paragraph_format] + [s.paragraph_format for s in style_chain(paragraph)]

    def first(attribute: str) -> Any:
        return next((getattr(f, attribute) for f in sources if getattr(f, attribute) is not None), None)

    spacing = _defaults(paragraph, "w:pPrDefault/w:pPr/w:spacing")
    before = _or_default(first("space_before"), spacing, "w:before")
    after = _or_default(first("space_after"), spacing, "w:after")
    line = first("line_spacing")
    if line is None:
        line = _default_line(spacing)
    first_line, left, right = first("first_line_indent"), first("left_indent"), first("right_indent")
    return ParagraphFormat(
        alignment=_ALIGN.get(first("alignment"), "left"),
        first_line=first_line.cm if first_line is not None else 0.0,
        space_before=before.pt if before is not None else 0.0,
        space_after=after.pt if after is not None else 0.0,
        line_spacing=float(line) if isinstance(line, float) else (1.0 if line is None else None),
        line_points=line.pt if isinstance(line, Length) else None,
        left=left.cm if left is not None else 0.0,
        right=right.cm if right is not None else 0.0,
        borders=_borders(paragraph),
    )


def _or_default(value: Length | None, spacing: Any, name: str) -> Length | None:
    """``value``, else the document default spacing ``name`` (twips)."""
    if value is not None or spacing is None or spacing.get(qn(name)) is None:
        return value
    return Twips(int(spacing.get(qn(name))))


def _default_line(spacing: Any) -> float | Length | None:
    """The document default line spacing: lines when proportional, a length when exact."""
    value = spacing.get(qn("w:line")) if spacing is not None else None
    if value is None:
        return None
    if spacing.get(qn("w:lineRule"), "auto") == "auto":
        return int(value) / 240
    return Twips(int(value))


def _borders(paragraph: Paragraph) -> frozenset[str]:
    """Sides of ``paragraph`` with a border line, from the paragraph or its style chain."""
    elements = [paragraph._p.pPr] + [s.element.pPr for s in style_chain(paragraph)]
    for ppr in elements:
        borders = ppr.find(qn("w:pBdr")) if ppr is not None else None
        if borders is not None:
            return frozenset(
                side.tag.split("}")[1] for side in borders if side.get(qn("w:val")) not in _NO_LINE
            )
    return frozenset()
