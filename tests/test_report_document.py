"""The example quý I 2022 report, reopened: window, computed rates, verdicts and task states.

The expected figures are worked out by hand from the invented example data
(inputs/loc_thuy/tien_do_q1_2022.xlsx), not taken from cchc.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.document import Document
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph

from generator.ooxml.reading import run_format
from tests import seed
from tests.conftest import EXAMPLE, run_cli
from tests.docx_text import table_rows


@pytest.fixture(scope="module")
def report_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("report")
    result = run_cli("report", "--period", "Q1", "--year", "2022", EXAMPLE, "--out", out)
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""  # the example has every figure: no warnings
    return out / "bao_cao_cchc_q1_2022_xa_loc_thuy.docx"


@pytest.fixture(scope="module")
def document(report_path: Path) -> Document:
    return docx.Document(str(report_path))


def paragraphs(document: Document) -> list[str]:
    return [
        seed.norm(b.text)
        for b in document.iter_inner_content()
        if isinstance(b, Paragraph) and b.text.strip()
    ]


def tables(document: Document) -> list[Table]:
    return [b for b in document.iter_inner_content() if isinstance(b, Table)]


def test_header_and_title(document: Document) -> None:
    header = tables(document)[0]
    assert header.rows[1].cells[0].paragraphs[0].text == "Số:      /BC-UBND"
    assert header.rows[1].cells[1].paragraphs[0].text == "Lộc Thủy, ngày 15 tháng 3 năm 2022"
    texts = paragraphs(document)
    assert texts[:2] == ["BÁO CÁO", "Kết quả thực hiện công tác cải cách hành chính quý I năm 2022"]


def test_opening_cites_the_plan_and_the_window(document: Document) -> None:
    assert paragraphs(document)[2] == "Kính gửi: UBND huyện Phú Lộc."
    assert paragraphs(document)[3] == (
        "Thực hiện Kế hoạch số 05/KH-UBND ngày 07/01/2022 của UBND xã về Cải cách hành chính xã Lộc Thủy "
        "năm 2022, UBND xã báo cáo kết quả thực hiện công tác cải cách hành chính quý I năm 2022 "
        "(số liệu tính từ ngày 15/12/2021 đến ngày 14/3/2022) như sau:"
    )


def test_outline(document: Document) -> None:
    headings = [t for t in paragraphs(document) if t[:3] in ("I. ", "II.", "III", "IV.", "V. ")]
    assert headings == [
        "I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH",
        "II. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH",
        "III. ĐÁNH GIÁ CHUNG",
        "IV. PHƯƠNG HƯỚNG, NHIỆM VỤ TRỌNG TÂM QUÝ II NĂM 2022",
        "V. ĐỀ XUẤT, KIẾN NGHỊ",
    ]
    assert "7. Kết quả thực hiện các chỉ tiêu của Kế hoạch" in paragraphs(document)


def test_task_counts_sentence(document: Document) -> None:
    # 29 numbered tasks (the sub-row I.1.1 is a product of I.1, not counted: #23 item 2): done on
    # time I.3 II.1 II.6 IV.1 IV.4 VII.4; done late VII.1 (due Tháng 12/2021, done 07/01/2022) and
    # VII.2 (done 10/01/2022); overdue II.2 and VII.3 (Tháng 12/2021, unfinished); not started
    # III.1 III.3 V.2 V.3; the other 15 ongoing. Due in the window
    # 15/12/2021–14/3/2022: I.3 (Trước ngày 15/01/2022), II.1, II.2, VII.1–VII.4 (Tháng 12/2021)
    # and IV.1 (Quý IV/2021) = 8, of which I.3, II.1, IV.1, VII.4 were done by their due date.
    assert (
        "Kế hoạch cải cách hành chính năm 2022 có 29 nhiệm vụ; đến ngày 14/3/2022 đã hoàn thành 8 nhiệm vụ "
        "(27,6%), trong đó 2 nhiệm vụ hoàn thành quá hạn; đang thực hiện 15, chưa thực hiện 4, quá hạn 2. "
        "Có 8 nhiệm vụ đến hạn trong kỳ, trong đó 4 nhiệm vụ hoàn thành đúng hạn (chi tiết tại Phụ lục I)."
    ) in paragraphs(document)


def test_tthc_sentences(document: Document) -> None:
    # online 64+38+4+11+0 = 117, in person 54+167+22+21+3 = 267, carried 2+0+3+1+0 = 6: received
    # 390; resolved 379 = 121 early + 256 on time + 2 late; on time (121+256)/379 = 99,47% → 99,5%;
    # pending 390 − 379 = 11 = 9 in time + 2 late. Online 117/384 = 30,47% → 30,5%; toàn trình
    # 40+30+0+6 = 76, một phần 24+8+4+5 = 41; paid online 20+25+2 = 47; apology letters 2.
    texts = paragraphs(document)
    assert (
        "Trong kỳ, tổng số hồ sơ thủ tục hành chính nhận giải quyết là 390 hồ sơ (trực tuyến 117, trực tiếp "
        "và qua dịch vụ bưu chính công ích 267, từ kỳ trước chuyển sang 6); đã giải quyết 379 hồ sơ (trước hạn "
        "121, đúng hạn 256, quá hạn 2), tỷ lệ giải quyết đúng hạn 99,5%; đang giải quyết 11 hồ sơ (trong hạn 9, "
        "quá hạn 2)."
    ) in texts
    assert (
        "Tỷ lệ hồ sơ tiếp nhận trực tuyến 30,5% (toàn trình 76, một phần 41); 47 hồ sơ thanh toán phí, lệ phí "
        "trực tuyến; 2 hồ sơ quá hạn đã có thư xin lỗi (chi tiết tại Phụ lục II)."
    ) in texts
    assert not any("trễ hạn" in text for text in texts if text.startswith(("Trong kỳ", "Tỷ lệ")))


def test_activity_sentences_follow_the_units_words(document: Document) -> None:
    """The "Kết quả CCHC" counts as sentences, after the unit's own words of each section."""
    texts = paragraphs(document)
    leadership = texts.index("I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH")
    assert texts[leadership + 3] == (
        "Trong kỳ, UBND xã ban hành 4 văn bản chỉ đạo, điều hành công tác cải cách hành chính; kiểm tra công tác "
        "cải cách hành chính tại 2 cơ quan, đơn vị, bộ phận; qua kiểm tra phát hiện 3 tồn tại, hạn chế; đã khắc "
        "phục 2 tồn tại, hạn chế sau kiểm tra; tổ chức 5 hoạt động tuyên truyền về cải cách hành chính."
    )
    assert texts[leadership + 4].startswith("Kế hoạch cải cách hành chính năm 2022 có 29 nhiệm vụ")
    institutions = texts.index("1. Cải cách thể chế")
    assert texts[institutions + 1].startswith("UBND xã đã hoàn thành rà soát")  # the unit's words first
    assert texts[institutions + 2] == (
        "Trong kỳ, UBND xã ban hành 1 văn bản quy phạm pháp luật; rà soát 4 văn bản quy phạm pháp luật."
    )
    finance = texts.index("5. Cải cách tài chính công")
    assert texts[finance + 2] == "6. Xây dựng và phát triển chính quyền điện tử, chính quyền số"  # no counts


def test_targets_table(document: Document) -> None:
    rows = {r[1]: r for r in table_rows(tables(document)[1])[1:]}
    on_time = rows["Tỷ lệ hồ sơ TTHC giải quyết đúng hạn (từng lĩnh vực)"]
    assert "Đất đai: 23/25" in on_time[2]
    assert "Đất đai: 92%" in on_time[3]
    assert on_time[4:] == ["trên 98%", "Không đạt"]
    assert rows["Tỷ lệ hồ sơ TTHC giải quyết quá hạn"][2:] == [
        "Đất đai: 2/25\nKhiếu nại, tố cáo: 0/2",
        "Đất đai: 8%\nKhiếu nại, tố cáo: 0%",
        "dưới 5%",
        "Không đạt",
    ]
    assert rows["Tỷ lệ TTHC giải quyết theo phương châm “4 tại chỗ”"][2:] == [
        "72/135",
        "53,3%",
        "tối thiểu 50%",
        "Đạt",
    ]
    # online filing is measured once: the plan's second level (60%, area 6) is not measured
    assert rows["Tỷ lệ hồ sơ TTHC tiếp nhận trực tuyến"][2:] == [
        "117/384",
        "30,5%",
        "tối thiểu 50%",
        "Không đạt",
    ]
    assert len(rows) + 1 == 25  # every measured chỉ tiêu of the plan, and the header


@pytest.mark.parametrize(
    ("name", "level"),
    [
        ("Tỷ lệ giải ngân vốn đầu tư công", "100%"),  # a 100% target is "100%" (#23 item 16)
        ("Tỷ lệ CBCC hoàn thành tốt nhiệm vụ trở lên", "100%"),
        ("Mức độ hài lòng về giải quyết TTHC", "tối thiểu 95%"),
    ],
)
def test_year_targets_in_a_quarter_show_no_quarter_figure(document: Document, name: str, level: str) -> None:
    """#23 item 3: a quý I figure of a year target (disbursement, …) says nothing of the year."""
    rows = {r[1]: r for r in table_rows(tables(document)[1])[1:]}
    assert rows[name][2:] == ["—", "—", level, "Chưa đến kỳ đánh giá"]


def test_appendix_one_task_states(document: Document) -> None:
    rows = table_rows(tables(document)[3])
    assert rows[0] == [
        "STT",
        "NHIỆM VỤ",
        "CƠ QUAN CHỦ TRÌ",
        "THỜI HẠN",
        "TRẠNG THÁI",
        "KẾT QUẢ",
        "NGÀY HOÀN THÀNH",
    ]
    states = {r[1]: (r[4], r[6]) for r in rows[1:] if len(r) == 7}
    assert states["Xây dựng Kế hoạch rà soát, đánh giá TTHC"] == ("Quá hạn", "")
    assert states["Rà soát, hệ thống hóa văn bản QPPL"] == ("Hoàn thành", "12/01/2022")
    assert states["Hoàn thiện hệ thống pháp luật"] == ("Đang thực hiện", "")
    assert states["Ban hành quy chế quản lý, sử dụng tài sản công"] == ("Chưa thực hiện", "")


def test_appendix_one_task_states_done_late(document: Document) -> None:
    rows = table_rows(tables(document)[3])
    states = {r[1]: (r[3], r[4], r[6]) for r in rows[1:] if len(r) == 7}
    assert states["Xây dựng, ban hành Kế hoạch cải cách hành chính hàng năm 2022"] == (
        "Tháng 12/2021", "Hoàn thành quá hạn", "07/01/2022",
    )  # fmt: skip
    assert states["Xây dựng Kế hoạch kiểm soát TTHC"] == (
        "Tháng 12/2021", "Hoàn thành", "28/12/2021",
    )  # fmt: skip


def test_appendix_one_counts(document: Document) -> None:
    rows = table_rows(tables(document)[4])
    assert rows[0] == [
        "NHÓM", "NỘI DUNG", "TỔNG SỐ", "HOÀN THÀNH ĐÚNG HẠN", "HOÀN THÀNH QUÁ HẠN", "ĐANG THỰC HIỆN", "CHƯA THỰC HIỆN",
        "QUÁ HẠN",
    ]  # fmt: skip
    assert rows[-1] == ["", "Tổng cộng", "29", "6", "2", "15", "4", "2"]  # numbered tasks (#23 item 2)
    assert rows[2] == ["II", "Cải cách thủ tục hành chính", "6", "2", "0", "3", "0", "1"]
    assert rows[7] == ["VII", "Công tác chỉ đạo, điều hành", "5", "1", "2", "1", "0", "1"]


def test_appendix_two_is_form_06(document: Document) -> None:
    """Biểu 06/VPCP/KSTT as provincial systems print it (#23 items 7, 8): "Trong đó" over the two
    kinds of new files only, "Từ kỳ trước" beside it merged down, a row numbering the columns;
    all four header rows repeated on each page."""
    table = tables(document)[6]
    rows = table_rows(table)
    assert rows[0] == [
        "STT", "Lĩnh vực, công việc giải quyết theo cấp", "Số hồ sơ nhận giải quyết", "Số hồ sơ đã giải quyết",
        "Số lượng hồ sơ đang giải quyết",
    ]  # fmt: skip
    assert rows[1][2:] == ["Tổng số", "Trong đó", "Từ kỳ trước", "Tổng số", "Trước hạn", "Đúng hạn", "Quá hạn",
                           "Tổng số", "Trong hạn", "Quá hạn"]  # fmt: skip
    assert rows[2][3:5] == ["Trực tuyến", "Trực tiếp, dịch vụ bưu chính"]
    assert rows[3] == [f"({n})" for n in range(1, 14)]
    assert len(table.columns) == 13
    first, second, third, numbers = (r._tr for r in table.rows[:4])
    assert [span(c) for c in first.tc_lst] == [1, 1, 4, 4, 3]
    assert [span(c) for c in second.tc_lst] == [1, 1, 1, 2, 1, 1, 1, 1, 1, 1, 1, 1]
    assert [merge(c) for c in first.tc_lst[:2]] == ["restart", "restart"]
    assert [merge(c) for c in second.tc_lst] == ["continue", "continue", "restart", None, *["restart"] * 8]
    assert [merge(c) for c in third.tc_lst] == [*["continue"] * 3, None, None, *["continue"] * 8]
    assert all(
        r.trPr is not None and r.trPr.find(qn("w:tblHeader")) is not None
        for r in (first, second, third, numbers)
    )
    assert table.rows[4]._tr.trPr is None or table.rows[4]._tr.trPr.find(qn("w:tblHeader")) is None


def test_appendix_two_top_block(document: Document) -> None:
    """#23 item 9: the form's number and act at the left, its title, period and window in the
    middle, who reports and who receives at the right; the unit of count above the table."""
    left, middle, right = table_rows(tables(document)[5])[0]
    assert left == "Biểu số 06/VPCP/KSTT\nBan hành theo Thông tư số 01/2020/TT-VPCP ngày 21/10/2020"
    assert middle.split("\n") == [
        "TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT TTHC TẠI CƠ QUAN, ĐƠN VỊ TRỰC TIẾP GIẢI QUYẾT TTHC",
        "Kỳ báo cáo: Quý I năm 2022",
        "(Từ ngày 15/12/2021 đến ngày 14/3/2022)",
    ]
    assert right.split("\n") == [
        "Đơn vị báo cáo: UBND xã Lộc Thủy",
        "Đơn vị nhận báo cáo: UBND huyện Phú Lộc",
    ]
    assert "Đơn vị tính: Số hồ sơ TTHC" in paragraphs(document)


def span(tc: Any) -> int:
    found = tc.tcPr.find(qn("w:gridSpan"))
    return 1 if found is None else int(found.get(qn("w:val")))


def merge(tc: Any) -> str | None:
    found = tc.tcPr.find(qn("w:vMerge"))
    return None if found is None else found.get(qn("w:val"))


def test_appendix_two_rows_and_totals(document: Document) -> None:
    # Đất đai: online 4 + in person 22 + carried 3 = 29 received; resolved 6 + 17 + 2 = 25; pending
    # 29 − 25 = 4 = 2 in time + 2 late. Totals: see test_tthc_sentences.
    rows = table_rows(tables(document)[6])
    assert rows[6] == ["3", "Đất đai", "29", "4", "22", "3", "25", "6", "17", "2", "4", "2", "2"]
    assert rows[-1] == ["", "Tổng cộng", "390", "117", "267", "6", "379", "121", "256", "2", "11", "9", "2"]
    assert len(rows) == 4 + 5 + 1
    assert run_format(tables(document)[6].rows[-1].cells[1].paragraphs[0]).bold


def test_appendix_two_optional_figures(document: Document) -> None:
    """#23 items 4, 10: a table of its own under its own title, after the form; the example's
    workbook does not count the files with a fee, so online payments get no share (47/390
    would count files with no fee and files carried over)."""
    rows = table_rows(tables(document)[7])
    assert rows == [
        ["STT", "Nội dung", "Số hồ sơ", "Tỷ lệ"],
        ["1", "Hồ sơ trực tuyến toàn trình", "76", "65% số hồ sơ trực tuyến"],
        ["2", "Hồ sơ trực tuyến một phần", "41", "35% số hồ sơ trực tuyến"],
        ["3", "Hồ sơ thanh toán phí, lệ phí trực tuyến", "47", "—"],
        [
            "4",
            "Hồ sơ quá hạn đã có thư xin lỗi",
            "2",
            "50% số hồ sơ quá hạn",
        ],  # of 2 resolved + 2 pending late
    ]
    texts = paragraphs(document)
    title = texts.index("Hồ sơ trực tuyến, thanh toán trực tuyến và thư xin lỗi (ngoài Biểu số 06)")
    assert "Đơn vị tính: Số hồ sơ TTHC" in texts[:title]


def test_appendix_headings(document: Document) -> None:
    """#23 items 12, 13: "Phụ lục I", "Phụ lục II" in lower case, bold, centred, on their own
    line; the "(Kèm theo …)" line names the issuing body in full."""
    texts = paragraphs(document)
    reference = "(Kèm theo Báo cáo số /BC-UBND ngày 15 tháng 3 năm 2022 của UBND xã Lộc Thủy)"
    for number in ("I", "II"):
        heading = texts.index(f"Phụ lục {number}")
        assert reference in texts[heading + 1 : heading + 3]
        piece = next(p for p in document.paragraphs if p.text == f"Phụ lục {number}")
        assert run_format(piece).bold
        assert piece.style is not None
        assert piece.style.paragraph_format.alignment == 1
        assert piece.style.font.size is not None
        assert piece.style.font.size.pt == 14
    assert "PHỤ LỤC I" not in texts
    assert "PHỤ LỤC II" not in texts
    assert [s.orientation for s in document.sections][1:] == [1, 1]


def test_properties(document: Document) -> None:
    assert (
        document.core_properties.title
        == "Báo cáo Kết quả thực hiện công tác cải cách hành chính quý I năm 2022"
    )


@pytest.fixture
def upward(tmp_path: Path) -> Path:
    folder = tmp_path / "loc_thuy"
    shutil.copytree(EXAMPLE, folder)
    words = folder / "bao_cao_q1_2022.yaml"
    text = words.read_text(encoding="utf-8").replace(
        "  # kinh_gui: UBND huyện Phú Lộc", "  kinh_gui: UBND huyện Phú Lộc"
    )
    words.write_text(text, encoding="utf-8")
    return folder


def test_addressee_and_nhu_tren(upward: Path, tmp_path: Path) -> None:
    result = run_cli("report", "-k", "Q1", "-n", "2022", upward, "-o", tmp_path / "bc.docx")
    assert result.exit_code == 0, result.stderr
    document = docx.Document(str(tmp_path / "bc.docx"))
    assert "Kính gửi: UBND huyện Phú Lộc." in paragraphs(document)
    recipients = table_rows(tables(document)[2])[0][0].splitlines()
    assert recipients[1] == "- Như trên;"


@pytest.mark.parametrize(
    ("period", "title", "outlook"),
    [
        ("6T", "Kết quả thực hiện công tác cải cách hành chính 6 tháng đầu năm 2022 và phương hướng, "
               "nhiệm vụ 6 tháng cuối năm 2022", "IV. PHƯƠNG HƯỚNG, NHIỆM VỤ TRỌNG TÂM 6 THÁNG CUỐI NĂM 2022"),
        ("NAM", "Kết quả thực hiện công tác cải cách hành chính năm 2022 và phương hướng, nhiệm vụ năm 2023",
         "IV. PHƯƠNG HƯỚNG, NHIỆM VỤ TRỌNG TÂM NĂM 2023"),
    ],
)  # fmt: skip
def test_six_month_and_annual_titles(period: str, title: str, outlook: str, tmp_path: Path) -> None:
    folder = tmp_path / "loc_thuy"
    shutil.copytree(EXAMPLE, folder)
    for name in ("bao_cao_q1_2022.yaml", "tien_do_q1_2022.xlsx"):
        (folder / name).rename(folder / name.replace("q1", period.lower()))
    result = run_cli("report", "-k", period, "-n", "2022", folder, "-o", tmp_path)
    assert result.exit_code == 0, result.stderr
    texts = paragraphs(docx.Document(str(tmp_path / f"bao_cao_cchc_{period.lower()}_2022_xa_loc_thuy.docx")))
    assert texts[1] == title
    assert outlook in texts
