"""Word files typed by hand, built with python-docx: the seed plan's first page and closing.

``Handmade()`` with its defaults is a correct ND 30 document made the way an office does it
(a borderless header table, a drawn line under the Tiêu ngữ, a PAGE field from page 2);
each test changes one field to make one mistake people make.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import docx
from docx.document import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.parser import parse_xml
from docx.shared import Cm, Mm, Pt
from docx.table import _Cell
from docx.text.paragraph import Paragraph

from generator.domain import nd30
from tests import seed

CENTER, JUSTIFY, LEFT = WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.JUSTIFY, WD_ALIGN_PARAGRAPH.LEFT
NAMESPACES = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:v="urn:schemas-microsoft-com:vml"'
)
MOTTO_WIDTH_MM = nd30.text_width(nd30.MOTTO, 13, bold=True) / nd30.TWIPS_PER_MM


@dataclass
class Handmade:
    """One hand-typed plan; every field is a place where people go wrong."""

    font: str = "Times New Roman"
    margins_mm: tuple[float, float, float, float] = (20, 20, 30, 15)  # top, bottom, left, right
    agency: tuple[str, ...] = ("ỦY BAN NHÂN DÂN", "XÃ LỘC THỦY")
    national_title: str = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    national_bold: bool = True
    motto: str = "Độc lập - Tự do - Hạnh phúc"
    motto_line: str = "shape"  # shape, vml, border, underline, none
    motto_line_mm: float = MOTTO_WIDTH_MM
    number: str = "Số:      /KH-UBND"
    date: str = "Lộc Thủy, ngày 07 tháng 01 năm 2022"
    title: str = "KẾ HOẠCH"
    body_size: float = 14
    body_alignment: WD_ALIGN_PARAGRAPH = JUSTIFY
    body_indent_cm: float = 1.27
    body: list[str] = field(default_factory=lambda: seed.body_paragraphs()[2:9])
    extra: list[str] = field(default_factory=list)  # more body paragraphs, after the first
    signer: tuple[str, ...] = ("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH")
    name: str = "Nguyễn Văn Hoàng"
    recipients: tuple[str, ...] = ("- UBND huyện;", "- Phòng Nội vụ;", "- Lưu: VT, VP.")
    page_number: str = "from_page_2"  # from_page_2, page_1, none
    tabs: bool = False  # header and closing typed as paragraphs with tabs instead of tables
    text_boxes: bool = False  # header in two text boxes (the Tiêu ngữ underlined)
    appendix: str = ""  # "", ok, plain (heading neither bold nor centred), no_repeat (header row)
    appendix_left_mm: float = 30

    def save(self, path: Path) -> Path:
        document = docx.Document()
        self._page(document)
        if self.tabs:
            self._header_with_tabs(document)
        elif self.text_boxes:
            self._header_in_text_boxes(document)
        else:
            self._header(document)
        self._title_and_body(document)
        if self.tabs:
            self._closing_with_tabs(document)
        else:
            self._closing(document)
        self._page_number(document)
        if self.appendix:
            self._appendix(document)
        document.save(str(path))
        return path

    def _page(self, document: Document) -> None:
        normal = document.styles["Normal"]
        normal.font.name = self.font
        normal.font.size = Pt(14)
        section = document.sections[0]
        section.page_width, section.page_height = Mm(210), Mm(297)
        top, bottom, left, right = self.margins_mm
        section.top_margin, section.bottom_margin = Mm(top), Mm(bottom)
        section.left_margin, section.right_margin = Mm(left), Mm(right)

    def _header(self, document: Document) -> None:
        table = document.add_table(rows=2, cols=2)
        for row in table.rows:
            row.cells[0].width, row.cells[1].width = Cm(6), Cm(10)
        agency, motto_cell = table.rows[0].cells
        for line in self.agency:
            text(_paragraph(agency), line, 12, bold=True, align=CENTER)
        text(motto_cell.paragraphs[0], self.national_title, 12, bold=self.national_bold, align=CENTER)
        motto = text(_paragraph(motto_cell), self.motto, 13, bold=True, align=CENTER)
        self._motto_line(motto_cell, motto)
        text(table.rows[1].cells[0].paragraphs[0], self.number, 13, align=CENTER)
        text(table.rows[1].cells[1].paragraphs[0], self.date, 13, italic=True, align=CENTER)

    def _appendix(self, document: Document) -> None:
        _add_appendix(document, self.appendix, self.appendix_left_mm)

    def _header_with_tabs(self, document: Document) -> None:
        """Agency and Quốc hiệu on one line, separated by tabs; the Tiêu ngữ underlined."""
        lines = [
            ((self.agency[0], 12, True, False), (self.national_title, 12, self.national_bold, False)),
            ((self.agency[1], 12, True, False), (self.motto, 13, True, False)),
            ((self.number, 13, False, False), (self.date, 13, False, True)),
        ]
        for left, right in lines:
            tab_line(document.add_paragraph(), left, right)
        document.paragraphs[1].runs[-1].font.underline = self.motto_line == "underline"

    def _header_in_text_boxes(self, document: Document) -> None:
        """Two floating text boxes anchored in the first paragraph: agency and Số; Quốc hiệu to date."""
        left = [box_paragraph(line, 12, bold=True) for line in self.agency] + [box_paragraph(self.number, 13)]
        right = [
            box_paragraph(self.national_title, 12, bold=self.national_bold),
            box_paragraph(self.motto, 13, bold=True, underline=self.motto_line == "underline"),
            box_paragraph(self.date, 13, italic=True),
        ]
        runs = "".join(
            f"<w:r {NAMESPACES}>{text_box_xml(i, ''.join(c))}</w:r>" for i, c in enumerate((left, right))
        )
        anchor = document.add_paragraph()
        for run in parse_xml(f"<w:p {NAMESPACES}>{runs}</w:p>"):
            anchor._p.append(run)

    def _closing_with_tabs(self, document: Document) -> None:
        """Nơi nhận on the left and the signer on the right of the same lines, as typed with tabs."""
        left: list[Typed] = [("Nơi nhận:", 12.0, True, True)]
        left += [(line, 11.0, False, False) for line in self.recipients]
        right: list[Typed] = [(line, 14.0, True, False) for line in self.signer]
        right += [("", 14.0, False, False)] * 2
        right.append((self.name, 14, True, False))
        blank: Typed = ("", 11, False, False)
        for position in range(max(len(left), len(right))):
            pair = [side[position] if position < len(side) else blank for side in (left, right)]
            tab_line(document.add_paragraph(), pair[0], pair[1])

    def _motto_line(self, cell: _Cell, motto: Paragraph) -> None:
        length = Mm(self.motto_line_mm)
        if self.motto_line == "underline":
            motto.runs[0].font.underline = True
        elif self.motto_line == "border":
            side = Cm((10 - 2 * 0.1905 - length.cm) / 2)  # centred in the 10 cm cell, inside its margins
            motto.paragraph_format.left_indent = motto.paragraph_format.right_indent = side
            motto._p.get_or_add_pPr().append(
                parse_xml(f'<w:pBdr {NAMESPACES}><w:bottom w:val="single" w:sz="6"/></w:pBdr>')
            )
        elif self.motto_line in ("shape", "vml"):
            line = shape_xml(length.emu) if self.motto_line == "shape" else vml_xml(length.pt)
            _paragraph(cell)._p.append(parse_xml(f"<w:r {NAMESPACES}>{line}</w:r>"))

    def _title_and_body(self, document: Document) -> None:
        text(document.add_paragraph(), self.title, 14, bold=True, align=CENTER)
        text(
            document.add_paragraph(), "Cải cách hành chính xã Lộc Thủy năm 2022", 14, bold=True, align=CENTER
        )
        paragraphs = [self.body[0], *self.extra, *self.body[1:]]
        for number, line in enumerate(paragraphs, start=1):
            heading = seed.HEADING.match(line) is not None
            closing = line + (" Trên đây là Kế hoạch./." if number == len(paragraphs) else "")
            paragraph = text(
                document.add_paragraph(), closing, self.body_size, bold=heading, align=self.body_alignment
            )
            paragraph.paragraph_format.first_line_indent = Cm(self.body_indent_cm)

    def _closing(self, document: Document) -> None:
        document.add_paragraph()
        recipients, signer = document.add_table(rows=1, cols=2).rows[0].cells
        text(recipients.paragraphs[0], "Nơi nhận:", 12, bold=True, italic=True)
        for line in self.recipients:
            text(_paragraph(recipients), line, 11)
        for line in self.signer:
            text(_paragraph(signer), line, 14, bold=True, align=CENTER)
        for _ in range(3):
            _paragraph(signer)
        text(_paragraph(signer), self.name, 14, bold=True, align=CENTER)

    def _page_number(self, document: Document) -> None:
        section = document.sections[0]
        if self.page_number == "none":
            return
        section.different_first_page_header_footer = self.page_number == "from_page_2"
        paragraph = section.header.paragraphs[0]
        paragraph.alignment = CENTER
        paragraph._p.append(
            parse_xml(f'<w:fldSimple {NAMESPACES} w:instr=" PAGE "><w:r><w:t>2</w:t></w:r></w:fldSimple>')
        )


Typed = tuple[str, float, bool, bool]  # words, size, bold, italic


def tab_line(paragraph: Paragraph, left: Typed, right: Typed) -> None:
    """ "left<tab><tab><tab>right" in one paragraph, each side with its own formatting."""
    for words, size, bold, italic in (left, ("\t\t\t", left[1], False, False), right):
        if words:
            text(paragraph, words, size, bold=bold, italic=italic)


def _add_appendix(document: Document, kind: str, left_mm: float) -> None:
    """A landscape section: "PHỤ LỤC", then a task table whose first row repeats on every page."""
    section = document.add_section(WD_SECTION.NEW_PAGE)
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(297), Mm(210)
    section.left_margin = Mm(left_mm)
    plain = kind == "plain"
    text(document.add_paragraph(), "PHỤ LỤC", 14, bold=not plain, align=LEFT if plain else CENTER)
    text(document.add_paragraph(), "NHIỆM VỤ CỤ THỂ NĂM 2022", 14, bold=True, align=CENTER)
    table = document.add_table(rows=2, cols=3)
    for cell, title in zip(
        table.rows[0].cells, ("STT", "NHIỆM VỤ CỤ THỂ", "THỜI GIAN HOÀN THÀNH"), strict=True
    ):
        text(cell.paragraphs[0], title, 12, bold=True, align=CENTER)
    for cell, value in zip(
        table.rows[1].cells, ("1", "Hoàn thiện hệ thống pháp luật", "Năm 2022"), strict=True
    ):
        text(cell.paragraphs[0], value, 12)
    if kind != "no_repeat":
        table.rows[0]._tr.get_or_add_trPr().append(parse_xml(f"<w:tblHeader {NAMESPACES}/>"))


def _paragraph(cell: _Cell) -> Paragraph:
    """The cell's first paragraph while it is empty, else a new one (a cell starts with one)."""
    first: Paragraph = cell.paragraphs[0]
    return first if not first.text and not first._p.r_lst else cell.add_paragraph()


def text(paragraph: Paragraph, words: str, size: float, *, bold: bool = False, italic: bool = False,
         align: WD_ALIGN_PARAGRAPH = LEFT) -> Paragraph:  # fmt: skip
    """Type ``words`` into ``paragraph`` with direct formatting, as people do."""
    run = paragraph.add_run(words)
    run.font.size = Pt(size)
    run.font.bold = bold or None
    run.font.italic = italic or None
    paragraph.alignment = align
    return paragraph


def shape_xml(length_emu: int) -> str:
    """A straight line drawn with Insert > Shapes (DrawingML, Word 2010+), floating."""
    return (
        '<w:drawing><wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="1" '
        'behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/>'
        '<wp:positionH relativeFrom="column"><wp:posOffset>0</wp:posOffset></wp:positionH>'
        '<wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>'
        f'<wp:extent cx="{length_emu}" cy="0"/><wp:wrapNone/><wp:docPr id="1" name="Line 1"/>'
        '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        f'<wps:wsp><wps:cNvCnPr/><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{length_emu}" cy="0"/></a:xfrm>'
        '<a:prstGeom prst="line"><a:avLst/></a:prstGeom></wps:spPr><wps:bodyPr/></wps:wsp>'
        "</a:graphicData></a:graphic></wp:anchor></w:drawing>"
    )


def box_paragraph(
    words: str, size: float, *, bold: bool = False, italic: bool = False, underline: bool = False
) -> str:
    """A centred paragraph of a text box, as XML."""
    props = (
        ("<w:b/>" if bold else "")
        + ("<w:i/>" if italic else "")
        + ('<w:u w:val="single"/>' if underline else "")
    )
    return (
        f'<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:rPr>{props}<w:sz w:val="{round(size * 2)}"/></w:rPr>'
        f'<w:t xml:space="preserve">{words}</w:t></w:r></w:p>'
    )


def text_box_xml(number: int, paragraphs: str) -> str:
    """A floating text box (Insert > Text Box) holding ``paragraphs``."""
    return (
        f'<w:drawing><wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="{number + 2}" '
        'behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/>'
        f'<wp:positionH relativeFrom="column"><wp:posOffset>{number * 2300000}</wp:posOffset></wp:positionH>'
        '<wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>'
        f'<wp:extent cx="3600000" cy="1000000"/><wp:wrapNone/><wp:docPr id="{number + 10}" name="Text Box"/>'
        '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        '<wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="3600000" cy="1000000"/>'
        '</a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></wps:spPr>'
        f"<wps:txbx><w:txbxContent>{paragraphs}</w:txbxContent></wps:txbx><wps:bodyPr/></wps:wsp>"
        "</a:graphicData></a:graphic></wp:anchor></w:drawing>"
    )


def vml_xml(length_pt: float) -> str:
    """The same line in an older file (VML)."""
    return f'<w:pict><v:line from="40pt,6pt" to="{40 + length_pt:.2f}pt,6pt" strokeweight=".5pt"/></w:pict>'
