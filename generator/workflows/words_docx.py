"""Word files of words that cchc writes for staff (``cchc init``, ``cchc import``, rollover's input).

Headings carry a typed number ("I.", "1.", "a)") and a "Heading N" style, so they show in
Word's navigation pane and read back the same; paragraphs are plain, in Times New Roman 14.
Lines "[Hướng dẫn: …]" are guidance the reader skips, printed grey and italic; a report's
marker paragraphs ("[Số liệu: TTHC]") are printed bold and blue. The numbers
only mark the level: cchc numbers the document itself.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

from generator.domain import nd30
from generator.domain.formatting import roman, vn_letter
from generator.domain.models import Paragraph, Section
from generator.domain.outline import looks_like_marker
from generator.inputs.formats import GUIDANCE

FONT = nd30.FONT
GREY = (0x6E, 0x6E, 0x6E)
BLUE = (0x1F, 0x4E, 0x9D)


def guidance(text: str) -> Paragraph:
    """A line of guidance, which the reader skips: "[Hướng dẫn: …]"."""
    return Paragraph(f"[Hướng dẫn: {text}]")


def words_docx(
    opening: Sequence[Paragraph], sections: Sequence[Section], closing: Sequence[Paragraph], title: str = ""
) -> bytes:
    """A .docx with ``opening``, the headings of ``sections`` with their content, and ``closing``."""
    import docx

    document = docx.Document()
    _styles(document)
    if title:
        _paragraph(document, Paragraph(f"[Hướng dẫn: {title}]"))
    for paragraph in opening:
        _paragraph(document, paragraph)
    _sections(document, sections, 1)
    for paragraph in closing:
        _paragraph(document, paragraph)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def number(depth: int, index: int) -> str:
    """The typed number of the ``index``-th heading at ``depth``: "II.", "3.", "b)"."""
    if depth == 1:
        return f"{roman(index)}."
    if depth == 2:
        return f"{index}."
    return f"{vn_letter(index)})"


def _sections(document: object, sections: Sequence[Section], depth: int) -> None:
    for index, section in enumerate(sections, start=1):
        _section(document, section, depth, index)


def _section(document: object, section: Section, depth: int, index: int) -> None:
    heading = document.add_paragraph(style=f"Heading {min(depth, 3)}")  # type: ignore[attr-defined]
    heading.add_run(f"{number(depth, index)} {section.title}")
    position = 0
    for item in section.content:
        if isinstance(item, Paragraph):
            _paragraph(document, item)
        else:
            position += 1
            _section(document, item, depth + 1, position)


def _paragraph(document: object, paragraph: Paragraph) -> None:
    from docx.shared import RGBColor

    added = document.add_paragraph()  # type: ignore[attr-defined]
    run = added.add_run(paragraph.text)
    if GUIDANCE.match(paragraph.text):
        run.italic = True
        run.font.color.rgb = RGBColor(*GREY)
    elif paragraph.slot or looks_like_marker(paragraph.text):  # a place cchc fills: easy to see, kept whole
        run.bold = True
        run.font.color.rgb = RGBColor(*BLUE)


def _styles(document: object) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt, RGBColor

    styles = document.styles  # type: ignore[attr-defined]
    normal = styles["Normal"]
    normal.font.name, normal.font.size = FONT, Pt(14)
    normal.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    normal.paragraph_format.first_line_indent = Cm(1.27)
    normal.paragraph_format.space_after = Pt(6)
    for level in (1, 2, 3):
        style = styles[f"Heading {level}"]
        style.font.name, style.font.size, style.font.bold = FONT, Pt(14), True
        style.font.italic = False
        style.font.color.rgb = RGBColor(0, 0, 0)
        style.paragraph_format.first_line_indent = Cm(1.27)
        style.paragraph_format.space_before, style.paragraph_format.space_after = Pt(6), Pt(6)
        rpr = style.element.get_or_add_rPr()
        fonts = rpr.get_or_add_rFonts()
        for slot in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
            fonts.attrib.pop(_qn(slot), None)
        fonts.set(_qn("w:ascii"), FONT)
        fonts.set(_qn("w:hAnsi"), FONT)


def _qn(name: str) -> str:
    from docx.oxml.ns import qn

    return str(qn(name))
