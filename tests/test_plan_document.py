"""The example plan, opened with python-docx: the whole seed is there, laid out as ND 30 requires."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import docx
import pytest
from docx.document import Document
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph

from generator.ooxml.reading import paragraph_format, run_format
from tests import seed
from tests.docx_text import cell_text, table_rows


@pytest.fixture(scope="module")
def document(plan_docx: Path) -> Document:
    return docx.Document(str(plan_docx))


def body_paragraphs(document: Document) -> list[Paragraph]:
    return [b for b in document.iter_inner_content() if isinstance(b, Paragraph)]


def tables(document: Document) -> list[Table]:
    return [b for b in document.iter_inner_content() if isinstance(b, Table)]


def texts(document: Document) -> list[str]:
    return [seed.norm(p.text) for p in body_paragraphs(document) if p.text.strip()]


def find(document: Document, text: str) -> Paragraph:
    return next(p for p in body_paragraphs(document) if seed.norm(p.text) == text)


def test_every_seed_paragraph_is_in_the_document(document: Document) -> None:
    present = {seed.strip_number(t) for t in texts(document)}
    missing = [p for p in seed.body_paragraphs() if seed.strip_number(p) not in present]
    assert missing == []


def test_seed_paragraphs_keep_their_order(document: Document) -> None:
    ours = [seed.strip_number(t) for t in texts(document)]
    position = 0
    out_of_order = []
    for paragraph in seed.body_paragraphs():
        try:
            position = ours.index(seed.strip_number(paragraph), position) + 1
        except ValueError:
            out_of_order.append(paragraph)
    assert out_of_order == []


def test_headings_are_numbered_without_gaps(document: Document) -> None:
    numbers: dict[str, list[str]] = {"Muc": [], "Khoan": [], "Diem": []}
    expected_next = {"Muc": 1, "Khoan": 1, "Diem": 1}
    for paragraph in body_paragraphs(document):
        style = paragraph.style.style_id if paragraph.style is not None else ""
        if style not in numbers:
            continue
        numbers[style].append(paragraph.text.split(" ", 1)[0])
        if style == "Muc":
            expected_next.update(Khoan=1, Diem=1)
        elif style == "Khoan":
            expected_next["Diem"] = 1
        label = {"Muc": ["I.", "II.", "III."], "Khoan": [f"{n}." for n in range(1, 10)],
                 "Diem": ["a)", "b)", "c)"]}[style][expected_next[style] - 1]  # fmt: skip
        assert paragraph.text.startswith(label + " "), paragraph.text
        expected_next[style] += 1
    assert numbers["Muc"] == ["I.", "II.", "III."]
    # Part III of the seed jumps from 2. to 4.; generated numbering cannot.
    part_three = [
        t for t in texts(document) if t.startswith(("3. Công chức Tài chính", "4. Công chức Văn hóa"))
    ]
    assert part_three == ["3. Công chức Tài chính - Kế toán", "4. Công chức Văn hóa - xã hội"]


def test_signature_and_recipients_match_the_seed(document: Document) -> None:
    signature = tables(document)[1]
    left, right = (cell_text(c) for c in signature.rows[0].cells)
    left_lines = [seed.norm(x) for x in left.splitlines() if x.strip()]
    right_lines = [seed.norm(x) for x in right.splitlines() if x.strip()]
    expected = seed.closing_block()
    # The signed plan's "- Lưu: VP." breaks ND 30 II.9 (VT first); the example follows the decree.
    recipients = [line for line in expected if line.startswith(("Nơi nhận", "-"))]
    assert recipients[-1] == "- Lưu: VP."
    assert left_lines == [*recipients[:-1], "- Lưu: VT, VP."]
    assert right_lines == ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Nguyễn Văn Hoàng"]
    assert all(line.endswith(";") for line in left_lines[1:-1])


def test_every_appendix_row_is_in_the_table(document: Document) -> None:
    rows = table_rows(tables(document)[2])
    assert [seed.norm(c) for c in rows[0]] == [
        "STT", "NHIỆM VỤ CỤ THỂ", "SẢN PHẨM", "CƠ QUAN CHỦ TRÌ", "CƠ QUAN PHỐI HỢP",
        "THỜI GIAN HOÀN THÀNH", "KINH PHÍ THỰC HIỆN",
    ]  # fmt: skip
    groups = {r[0]: seed.norm(r[1]) for r in rows[1:] if len(r) == 2}
    assert groups == seed.group_titles()
    ours = [tuple(seed.norm(c) for c in r[1:]) for r in rows[1:] if len(r) == 7]
    expected = []
    for row in seed.appendix_rows():
        cells = row.cells
        if row.number == "":
            # The seed's sub-row: its lead agency slid into the deadline column in the export.
            cells = (cells[0], cells[1], cells[4], "", "", "")
        expected.append(cells)
    assert ours == expected


def test_appendix_numbering_restarts_in_each_group(document: Document) -> None:
    numbers: dict[str, list[str]] = {}
    group = ""
    for row in table_rows(tables(document)[2])[1:]:
        if len(row) == 2:
            group = row[0]
        elif row[0]:
            numbers.setdefault(group, []).append(row[0])
    assert all(n == [str(i) for i in range(1, len(n) + 1)] for n in numbers.values())
    assert len(numbers["V"]) == 4  # the seed prints 2, 3, 4, 5


def test_multi_line_cells_keep_line_breaks(document: Document) -> None:
    rows = table_rows(tables(document)[2])
    first_task = next(r for r in rows if len(r) == 7 and r[1] == "Hoàn thiện hệ thống pháp luật")
    assert first_task[2] == "Kế hoạch\nBáo cáo"
    assert first_task[5] == "Trước ngày 31/12/2021\nNăm 2022"


def test_page_geometry_follows_nd30(document: Document) -> None:
    body, appendix = document.sections
    assert (round(mm(body.page_width)), round(mm(body.page_height))) == (210, 297)
    assert (round(mm(appendix.page_width)), round(mm(appendix.page_height))) == (297, 210)
    for section in document.sections:
        assert 20 <= mm(section.top_margin) <= 25.01
        assert 20 <= mm(section.bottom_margin) <= 25.01
        assert 30 <= mm(section.left_margin) <= 35.01
        assert 15 <= mm(section.right_margin) <= 20.01


def test_page_numbers_from_page_two(document: Document) -> None:
    for section in document.sections:
        assert section.different_first_page_header_footer
        assert "PAGE" in "".join(section.header._element.itertext())
        assert "PAGE" not in "".join(section.first_page_header._element.itertext())
        number = section.header.paragraphs[0]
        assert paragraph_format(number).alignment == "center"
        assert 13 <= (run_format(number, number.runs[-1]).size or 0.0) <= 14
    restart = document.sections[1]._sectPr.find(qn("w:pgNumType"))
    assert restart is not None
    assert restart.get(qn("w:start")) == "1"


def test_header_block(document: Document) -> None:
    header = tables(document)[0]
    borders = header._tbl.tblPr.find(qn("w:tblBorders"))
    assert borders is not None
    assert {b.get(qn("w:val")) for b in borders} == {"nil"}
    agency, motto = header.rows[0].cells
    number, date = header.rows[1].cells
    name = next(p for p in agency.paragraphs if p.text)
    assert name.text == "ỦY BAN NHÂN DÂN\nXÃ LỘC THỦY"
    assert run_format(name).bold
    assert 12 <= size(name) <= 13
    national, slogan = motto.paragraphs[0], motto.paragraphs[1]
    assert national.text == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    assert run_format(national).bold
    assert 12 <= size(national) <= 13
    assert slogan.text == "Độc lập - Tự do - Hạnh phúc"
    assert run_format(slogan).bold
    assert 13 <= size(slogan) <= 14
    assert _has_line(motto.paragraphs[2])
    assert _has_line(agency.paragraphs[-1])
    assert number.paragraphs[0].text == "Số:      /KH-UBND"
    assert date.paragraphs[0].text == "Lộc Thủy, ngày 07 tháng 01 năm 2022"
    assert run_format(date.paragraphs[0]).italic


def test_title_block(document: Document) -> None:
    kind = find(document, "KẾ HOẠCH")
    summary = find(document, "Cải cách hành chính xã Lộc Thủy năm 2022")
    for paragraph in (kind, summary):
        assert run_format(paragraph).bold
        assert paragraph_format(paragraph).alignment == "center"
    elements = [p._p for p in body_paragraphs(document)]
    assert _has_line(body_paragraphs(document)[elements.index(summary._p) + 1])


def test_body_paragraph_format(document: Document) -> None:
    paragraph = find(document, seed.body_paragraphs()[2])  # the opening paragraph
    layout = paragraph_format(paragraph)
    assert 13 <= (size(paragraph) or 0) <= 14
    assert layout.alignment == "both"
    assert 1.0 <= layout.first_line <= 1.27
    assert layout.space_after >= 6 or layout.space_before >= 6
    assert layout.line_spacing is not None
    assert 1.0 <= layout.line_spacing <= 1.5


def test_heading_levels(document: Document) -> None:
    section = find(document, "I. MỤC TIÊU, YÊU CẦU")
    clause = find(document, "1. Mục tiêu")
    point = find(document, "a) Chỉ tiêu")
    assert run_format(section).bold
    assert section.text == section.text.upper()
    assert run_format(clause).bold
    assert not run_format(point).italic


def test_recipient_list_format(document: Document) -> None:
    cell = tables(document)[1].rows[0].cells[0]
    heading, *items = [p for p in cell.paragraphs if p.text]
    assert heading.text == "Nơi nhận:"
    assert run_format(heading).bold
    assert run_format(heading).italic
    assert run_format(heading).size == 12
    assert all(run_format(p).size == 11 and p.text.startswith("- ") for p in items)


def test_signer_lines_bold(document: Document) -> None:
    cell = tables(document)[1].rows[0].cells[1]
    lines = [p for p in cell.paragraphs if p.text]
    assert all(run_format(p).bold and 13 <= (size(p) or 0) <= 14 for p in lines)


def test_appendix_heading_and_table_rules(document: Document) -> None:
    heading = [seed.norm(p.text) for p in body_paragraphs(document)[-6:] if p.text.strip()]
    expected = seed.appendix_heading()
    # ND 30 Phụ lục I, III.1.b: "Phụ lục" in lower case (the seed, typed by hand, has capitals);
    # III.1.c: the "Kèm theo" line names the issuing body in full (#23 items 12, 13).
    assert heading[:2] == ["Phụ lục", expected[1]]
    assert expected[0] == "PHỤ LỤC"
    assert heading[2] == "(Kèm theo Kế hoạch số /KH-UBND ngày 07 tháng 01 năm 2022 của UBND xã Lộc Thủy)"
    reference = find(document, heading[2])
    assert run_format(reference).italic
    table = tables(document)[2]
    rows = table._tbl.tr_lst
    header_props = rows[0].trPr
    assert header_props is not None
    assert header_props.find(qn("w:tblHeader")) is not None
    assert all(r.trPr is not None and r.trPr.find(qn("w:cantSplit")) is not None for r in rows)
    task_cell = table.rows[2].cells[1].paragraphs[0]
    assert paragraph_format(task_cell).alignment == "left"


def test_everything_is_times_new_roman_and_nfc(document: Document) -> None:
    everything = body_paragraphs(document) + [
        p for t in tables(document) for row in t.rows for c in row.cells for p in c.paragraphs
    ]
    fonts = {run_format(p, r).font for p in everything for r in p.runs if r.text.strip()}
    assert fonts == {"Times New Roman"}
    assert all(unicodedata.is_normalized("NFC", p.text) for p in everything)


def test_no_template_tags_left(plan_docx: Path) -> None:
    import zipfile

    with zipfile.ZipFile(plan_docx) as archive:
        xml = archive.read("word/document.xml").decode("utf-8")
    assert not re.search(r"\{\{|\{%|\}\}|%\}", xml)


def test_properties_are_plain_text(document: Document) -> None:
    assert document.core_properties.title == "Kế hoạch Cải cách hành chính xã Lộc Thủy năm 2022"
    assert document.core_properties.author == "ỦY BAN NHÂN DÂN XÃ LỘC THỦY"


def size(paragraph: Paragraph) -> float:
    return run_format(paragraph).size or 0.0


def mm(length: object) -> float:
    assert length is not None
    return float(length.mm)  # type: ignore[attr-defined]


def _has_line(paragraph: Paragraph) -> bool:
    ppr = paragraph._p.pPr
    border = ppr.find(qn("w:pBdr")) if ppr is not None else None
    return border is not None and not paragraph.text
