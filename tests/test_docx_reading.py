"""Reading formatting the way Word applies it: theme fonts, character styles, defaults, text boxes."""

from __future__ import annotations

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.parser import parse_xml
from docx.shared import Pt

from generator.ooxml.reading import (
    RunFormat,
    font_name,
    paragraph_format,
    paragraph_runs,
    paragraph_text,
    run_format,
    text_boxes,
)
from tests.handmade import NAMESPACES, box_paragraph, text_box_xml


def test_theme_font_is_named() -> None:
    document = docx.Document()  # python-docx's template: fonts come from the theme ("minorHAnsi")
    paragraph = document.add_paragraph("Xin chào")
    assert font_name(paragraph, paragraph.runs[0]) == "Cambria"
    assert font_name(paragraph, paragraph.runs[0], "hAnsi") == "Cambria"


def test_character_style_comes_before_paragraph_style() -> None:
    document = docx.Document()
    document.styles["Normal"].font.name = "Times New Roman"
    emphasis = document.styles.add_style("Nhan", WD_STYLE_TYPE.CHARACTER)
    emphasis.font.name = "Arial"
    emphasis.font.size = Pt(12)
    emphasis.font.bold = True
    paragraph = document.add_paragraph()
    run = paragraph.add_run("đậm", style="Nhan")
    assert run_format(paragraph, run) == RunFormat("Arial", 12.0, bold=True, italic=False)
    assert font_name(paragraph, run, "hAnsi") == "Arial"


def test_header_paragraph_reads_document_defaults() -> None:
    document = docx.Document()
    paragraph = document.sections[0].header.paragraphs[0]
    paragraph.add_run("2")
    assert run_format(paragraph).size == 11.0  # python-docx's template default: 22 half-points


def test_spacing_and_line_spacing_fall_back_to_document_defaults() -> None:
    document = docx.Document()  # docDefaults: 10 pt after, 1.15 lines
    layout = paragraph_format(document.add_paragraph("Nội dung"))
    assert (layout.space_after, layout.line_spacing, layout.line_points) == (10.0, 1.15, None)


def test_exact_line_spacing_and_borders() -> None:
    document = docx.Document()
    paragraph = document.add_paragraph("Tiêu ngữ")
    paragraph.paragraph_format.line_spacing = Pt(18)
    paragraph._p.get_or_add_pPr().append(
        parse_xml(f'<w:pBdr {NAMESPACES}><w:bottom w:val="single"/><w:top w:val="nil"/></w:pBdr>')
    )
    layout = paragraph_format(paragraph)
    assert (layout.line_spacing, layout.line_points, layout.borders) == (None, 18.0, frozenset({"bottom"}))


def test_runs_inside_fields_and_hyperlinks_are_read() -> None:
    document = docx.Document()
    paragraph = document.add_paragraph("Trang ")
    paragraph._p.append(
        parse_xml(f'<w:fldSimple {NAMESPACES} w:instr=" PAGE "><w:r><w:t>2</w:t></w:r></w:fldSimple>')
    )
    paragraph._p.append(parse_xml(f"<w:hyperlink {NAMESPACES}><w:r><w:t> xem</w:t></w:r></w:hyperlink>"))
    assert paragraph.text == "Trang  xem"  # python-docx alone misses the field result
    assert paragraph_text(paragraph) == "Trang 2 xem"
    assert len(paragraph_runs(paragraph)) == 3


def test_text_box_paragraphs_are_read_apart_from_their_anchor() -> None:
    document = docx.Document()
    anchor = document.add_paragraph("Neo")
    box = text_box_xml(0, box_paragraph("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 12, bold=True))
    anchor._p.append(parse_xml(f"<w:r {NAMESPACES}>{box}</w:r>"))
    (paragraphs,) = text_boxes(anchor)
    assert [p.text for p in paragraphs] == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"]
    assert run_format(paragraphs[0]).bold
    assert paragraph_text(anchor) == "Neo"
