"""Whole plans typed by hand, built with python-docx from the seed: what `cchc import` must read.

``HandPlan()`` is the published Lộc Thủy 2022 plan as an office might have typed it; each field
is one way offices type it differently: other fonts, the header as plain paragraphs or tab
lines, headings numbered by Word (numPr) rather than typed, bullets by Word, appendix cells
of several paragraphs or line breaks, group rows merged across the table, the appendix split
into two tables at a page break with the header repeated, the signature typed with tabs.
``expected_rows`` is what the appendix must read back as.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import docx
from docx.document import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.oxml.parser import parse_xml
from docx.shared import Pt
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from tests import seed

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
HEADER = ("ỦY BAN NHÂN DÂN", "XÃ LỘC THỦY", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
          "Số:      /KH-UBND", "Lộc Thủy, ngày 07 tháng 01 năm 2022")  # fmt: skip
COLUMNS = ("STT", "NHIỆM VỤ CỤ THỂ", "SẢN PHẨM", "CƠ QUAN CHỦ TRÌ", "CƠ QUAN PHỐI HỢP", "THỜI GIAN HOÀN THÀNH",
           "KINH PHÍ THỰC HIỆN")  # fmt: skip
OUTLINE = """<w:abstractNum {w} w:abstractNumId="90"><w:multiLevelType w:val="multilevel"/>
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2."/></w:lvl>
<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%3)"/></w:lvl>
</w:abstractNum>"""
BULLETS = """<w:abstractNum {w} w:abstractNumId="91"><w:lvl w:ilvl="0"><w:start w:val="1"/>
<w:numFmt w:val="bullet"/><w:lvlText w:val="–"/></w:lvl></w:abstractNum>"""
LEVELS = {"I.": 0, "1.": 1, "a)": 2}


def typed_rows(*, as_printed: bool = False) -> list[tuple[str, str, tuple[tuple[str, ...], ...]]]:
    """(group, STT, the six cells' lines) of the seed's appendix, as an office typed them: a cell's
    lines are the parts the export joined with "-----"; the sub-row's cells back in their columns,
    or ``as_printed`` where the seed has them ("Cơ quan soạn thảo văn bản QPPL" as its deadline)."""
    rows = []
    group = ""
    for line in seed.SEED.read_text(encoding="utf-8").splitlines():
        cells = line.split("\t")
        if len(cells) < 7 or cells[0] == "STT":
            continue
        if cells[0] in seed.ROMAN:
            group = cells[0]
            continue
        parts = [tuple(p.strip() for p in c.split("-----") if p.strip()) for c in cells[1:7]]
        if cells[0] == "" and not as_printed:
            parts = [parts[0], parts[1], parts[4], (), (), ()]
        rows.append((group, cells[0], tuple(parts)))
    return rows


def expected_rows() -> list[tuple[str, ...]]:
    """What the rendered appendix rows read (cells folded to one line, as ``seed.norm`` does)."""
    return [tuple(seed.norm(" ".join(cell)) for cell in cells) for _, _, cells in typed_rows()]


@dataclass
class HandPlan:
    font: str = "Times New Roman"
    header: str = "table"  # table, paragraphs, tabs
    numbering: str = "typed"  # typed, auto (numPr), styles (Heading 1–3, number typed)
    bullets: str = "typed"  # typed "- ", auto (numPr)
    cells: str = "paragraphs"  # a cell of several lines: paragraphs or breaks
    groups: str = "span"  # span (numeral, then the title merged over the rest), whole (one cell)
    split: bool = False  # the appendix in two tables, the header repeated on the second
    closing: str = "table"  # table, tabs
    body_table: bool = False  # a small table inside the body (not an appendix)
    words: tuple[str, ...] = COLUMNS  # the appendix header's seven names, in cchc's column order
    order: tuple[int, ...] = (0, 1, 2, 3, 4, 5, 6)  # which of the seven columns each table column is
    notes: bool = False  # an eighth column "Ghi chú", one note per task
    as_printed: bool = False  # the sub-row's cells where the seed prints them, not corrected

    def save(self, path: Path) -> Path:
        document = docx.Document()
        normal = document.styles["Normal"]
        normal.font.name, normal.font.size = self.font, Pt(13)
        numbering = document.part.numbering_part.element
        first_num = numbering.find(qn("w:num"))
        for xml in (OUTLINE, BULLETS):
            first_num.addprevious(parse_xml(xml.format(w=W)))
        for num in (90, 91):
            numbering.append(
                parse_xml(f'<w:num {W} w:numId="{num}"><w:abstractNumId w:val="{num}"/></w:num>')
            )
        self._header(document)
        _line(
            document.add_paragraph(),
            "KẾ HOẠCH\nCải cách hành chính xã Lộc Thủy năm 2022",
            bold=True,
            center=True,
        )
        for text in seed.body_paragraphs()[2:]:
            self._body_paragraph(document, text)
        self._closing(document)
        self._appendix(document)
        document.add_paragraph()  # Word always ends the body with a paragraph, after a last table too
        document.save(str(path))
        return path

    def _header(self, document: Document) -> None:
        if self.header == "table":
            table = document.add_table(rows=2, cols=2)
            _fill(table.cell(0, 0), HEADER[:2], bold=True)
            _fill(table.cell(0, 1), HEADER[2:4], bold=True)
            _fill(table.cell(1, 0), HEADER[4:5])
            _fill(table.cell(1, 1), HEADER[5:6])
        elif self.header == "paragraphs":
            for line in HEADER:
                _line(document.add_paragraph(), line, bold=line[0] != "S" and "ngày" not in line, center=True)
        else:
            for left, right in ((HEADER[0], HEADER[2]), (HEADER[1], HEADER[3]), (HEADER[4], HEADER[5])):
                _line(document.add_paragraph(), f"{left}\t\t{right}", bold=left.isupper())

    def _body_paragraph(self, document: Document, text: str) -> None:
        marker = seed.HEADING.match(text)
        if marker is not None and self.numbering == "styles":
            level = LEVELS[_kind(marker.group(0).strip())]
            document.add_paragraph(text, style=f"Heading {level + 1}")
            if text == "II. NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH" and self.body_table:
                _body_table(document)
            return
        paragraph = document.add_paragraph()
        if marker is not None and self.numbering == "auto":
            _numbered(paragraph, 90, LEVELS[_kind(marker.group(0).strip())])
            text = seed.strip_number(text)
        elif text.startswith("- ") and self.bullets == "auto":
            _numbered(paragraph, 91, 0)
            text = text[2:]
        _line(paragraph, text, bold=marker is not None)
        if text.endswith("MỤC TIÊU, YÊU CẦU") and self.body_table:
            _body_table(document)

    def _closing(self, document: Document) -> None:
        block = seed.closing_block()
        left = [line for line in block if line.startswith(("Nơi nhận", "-"))]
        right = [line for line in block if line not in left]
        if self.closing == "table":
            cells = document.add_table(rows=1, cols=2).rows[0].cells
            _fill(cells[0], left)
            _fill(cells[1], [*right[:-1], "", "(Đã ký)", "", right[-1]], bold=True)
            return
        for index in range(max(len(left), len(right))):
            pair = [side[index] if index < len(side) else "" for side in (left, right)]
            _line(document.add_paragraph(), f"{pair[0]}\t\t{pair[1]}")

    def _appendix(self, document: Document) -> None:
        for line in seed.appendix_heading():
            _line(document.add_paragraph(), line, bold=True, center=True)
        rows = typed_rows(as_printed=self.as_printed)
        groups = [group for group, _, _ in rows]
        cut = len(rows) // 2 if self.split else len(rows)
        header = tuple(self.words[i] for i in self.order) + (("Ghi chú",) if self.notes else ())
        for start, end in ((0, cut), (cut, len(rows))):
            if start == end:
                continue
            table = document.add_table(rows=1, cols=len(header))
            table.style = document.styles["Table Grid"]
            _fill_row(table.rows[0].cells, header, bold=True)
            for index in range(start, end):
                if index == 0 or groups[index] != groups[index - 1]:
                    self._group_row(table, groups[index])
                self._task_row(table, rows[index][1], rows[index][2], index)
            if start == 0 and self.split:
                document.add_paragraph()  # the page break's paragraph between the two tables

    def _group_row(self, table: Table, numeral: str) -> None:
        """span: numeral, title merged over the rest; whole: "I. title" merged across; text: "I. title"
        in the task cell, the others empty, nothing merged; dash: "I - title" the same way."""
        cells = table.add_row().cells  # type: ignore[no-untyped-call]
        title = seed.group_titles()[numeral]
        if self.groups == "whole":
            merged = cells[0].merge(cells[-1])
            _line(merged.paragraphs[0], f"{numeral}. {title}", bold=True)
        elif self.groups in ("text", "dash"):
            typed = f"{numeral}. {title.upper()}" if self.groups == "text" else f"{numeral} - {title}"
            _line(cells[self.order.index(1)].paragraphs[0], typed, bold=True)
        else:
            merged = cells[1].merge(cells[-1])
            _line(cells[0].paragraphs[0], numeral, bold=True)
            _line(merged.paragraphs[0], title, bold=True)

    def _task_row(self, table: Table, number: str, cells: tuple[tuple[str, ...], ...], index: int) -> None:
        row = table.add_row().cells  # type: ignore[no-untyped-call]
        values = ((number,), *cells)
        for cell, column in zip(row, self.order, strict=False):
            if self.cells == "breaks":
                _line(cell.paragraphs[0], "\n".join(values[column]))
            else:
                _fill(cell, values[column])
        if self.notes:
            _line(row[-1].paragraphs[0], note(index))


def note(index: int) -> str:
    """The "Ghi chú" of the task at ``index`` of the appendix (a sub-row has none)."""
    return f"Ghi chú số {index + 1}" if typed_rows()[index][1] else ""


def _kind(number: str) -> str:
    return "I." if number[0] in "IVX" else "a)" if number[0].isalpha() else "1."


def _numbered(paragraph: Paragraph, num: int, level: int) -> None:
    paragraph._p.get_or_add_pPr().append(
        parse_xml(f'<w:numPr {W}><w:ilvl w:val="{level}"/><w:numId w:val="{num}"/></w:numPr>')
    )


def _line(paragraph: Paragraph, text: str, *, bold: bool = False, center: bool = False) -> Paragraph:
    run = paragraph.add_run(text)
    run.bold = bold or None
    if center:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    return paragraph


def _fill(cell: _Cell, lines: list[str] | tuple[str, ...], *, bold: bool = False) -> None:
    for index, line in enumerate(lines):
        paragraph = cell.paragraphs[0] if index == 0 else cell.add_paragraph()
        _line(paragraph, line, bold=bold)


def _fill_row(cells: tuple[_Cell, ...], values: tuple[str, ...], *, bold: bool = False) -> None:
    for cell, value in zip(cells, values, strict=True):
        _line(cell.paragraphs[0], value, bold=bold)


def _body_table(document: Document) -> None:
    table = document.add_table(rows=2, cols=2)
    _fill_row(table.rows[0].cells, ("Chỉ tiêu", "Mức"))
    _fill_row(table.rows[1].cells, ("Hồ sơ đúng hạn", "98%"))


def html_plan() -> str:
    """The plan as a web page: LibreOffice turns it into a .docx with its own styles, bullets made
    by its list numbering, the header and signature in borderless tables, group rows spanning."""
    from html import escape

    parts = ['<html><head><meta charset="utf-8"></head><body style="font-family: Arial">']
    parts.append(
        f"<table border=0><tr><td><b>{escape(HEADER[0])}<br>{escape(HEADER[1])}</b></td>"
        f"<td><b>{escape(HEADER[2])}<br>{escape(HEADER[3])}</b></td></tr>"
        f"<tr><td>{escape(HEADER[4])}</td><td><i>{escape(HEADER[5])}</i></td></tr></table>"
        '<p align="center"><b>KẾ HOẠCH<br>Cải cách hành chính xã Lộc Thủy năm 2022</b></p>'
    )
    bullets: list[str] = []
    for text in [*seed.body_paragraphs()[2:], ""]:
        if text.startswith("- "):
            bullets.append(f"<li>{escape(text[2:])}</li>")
            continue
        if bullets:
            parts.append(f"<ul>{''.join(bullets)}</ul>")
            bullets.clear()
        if text:
            parts.append(
                f"<p><b>{escape(text)}</b></p>" if seed.HEADING.match(text) else f"<p>{escape(text)}</p>"
            )
    block = seed.closing_block()
    left = [line for line in block if line.startswith(("Nơi nhận", "-"))]
    right = [line for line in block if line not in left]
    parts.append(
        f"<table border=0><tr><td>{'<br>'.join(map(escape, left))}</td><td><b>"
        f"{'<br>'.join(map(escape, right[:-1]))}</b><br><br><b>{escape(right[-1])}</b></td></tr></table>"
    )
    parts += [f'<p align="center"><b>{escape(line)}</b></p>' for line in seed.appendix_heading()]
    rows = ["<tr>" + "".join(f"<th>{escape(c)}</th>" for c in COLUMNS) + "</tr>"]
    group = ""
    for numeral, number, cells in typed_rows():
        if numeral != group:
            group = numeral
            rows.append(
                f"<tr><td><b>{numeral}</b></td><td colspan=6><b>{escape(seed.group_titles()[numeral])}</b></td></tr>"
            )
        cell_html = "".join(f"<td>{'<br>'.join(map(escape, lines))}</td>" for lines in cells)
        rows.append(f"<tr><td>{escape(number)}</td>{cell_html}</tr>")
    parts.append(f"<table border=1>{''.join(rows)}</table></body></html>")
    return "".join(parts)
