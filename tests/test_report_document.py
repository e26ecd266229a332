"""The example quý I 2022 report, reopened: window, computed rates, verdicts and task states.

The expected figures are worked out by hand from the invented example data
(inputs/loc_thuy/tien_do_q1_2022.xlsx), not taken from cchc.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import docx
import pytest
from docx.document import Document
from docx.table import Table
from docx.text.paragraph import Paragraph

from generator.ooxml.reading import run_format, table_rows
from tests import seed
from tests.conftest import EXAMPLE, run_cli


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
    assert paragraphs(document)[2] == (
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
    # 30 tasks: done I.3 II.1 II.6 IV.1 IV.4 VII.1 VII.2 VII.4; overdue II.2 and VII.3 (Tháng
    # 12/2021, unfinished); not started I.1.1 III.1 III.3 V.2 V.3; the other 15 ongoing.
    assert (
        "Kế hoạch cải cách hành chính năm 2022 có 30 nhiệm vụ; đến ngày 14/3/2022 đã hoàn thành 8 nhiệm vụ "
        "(26,7%), đang thực hiện 15, chưa thực hiện 5, quá hạn 2 (chi tiết tại Phụ lục I)."
    ) in paragraphs(document)


def test_tthc_sentence(document: Document) -> None:
    # received 118+205+26+32+3 = 384; online 64+38+4+11+0 = 117 (30,5%); resolved 379 =
    # 121 early + 256 on time + 2 late; on time (121+256)/379 = 99,47% → 99,5%; pending 11.
    assert (
        "Trong kỳ, tiếp nhận 384 hồ sơ thủ tục hành chính (trực tuyến 117 hồ sơ, đạt 30,5%); đã giải quyết "
        "379 hồ sơ, trong đó trước hạn 121, đúng hạn 256, trễ hạn 2; tỷ lệ giải quyết đúng hạn 99,5%; "
        "đang giải quyết 11 hồ sơ (chi tiết tại Phụ lục II)."
    ) in paragraphs(document)


def test_targets_table(document: Document) -> None:
    rows = {r[1]: r for r in table_rows(tables(document)[1])[1:]}
    on_time = rows["Tỷ lệ hồ sơ TTHC giải quyết đúng hạn (từng lĩnh vực)"]
    assert "Đất đai: 23/25" in on_time[2]
    assert "Đất đai: 92%" in on_time[3]
    assert on_time[4:] == ["trên 98%", "Không đạt"]
    assert rows["Tỷ lệ hồ sơ TTHC giải quyết trễ hạn"][2:] == [
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
    assert rows["Mức độ hài lòng về giải quyết TTHC"][2:] == ["khảo sát", "97,5%", "tối thiểu 95%", "Đạt"]
    online = [
        r for r in table_rows(tables(document)[1])[1:] if r[1] == "Tỷ lệ hồ sơ TTHC tiếp nhận trực tuyến"
    ]
    assert [r[2:] for r in online] == [
        ["117/384", "30,5%", "tối thiểu 50%", "Không đạt"],
        ["117/384", "30,5%", "tối thiểu 60%", "Không đạt"],
    ]
    assert len(rows) + 1 == 25  # every chỉ tiêu of the plan; the online rate is measured twice


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


def test_appendix_one_counts(document: Document) -> None:
    rows = table_rows(tables(document)[4])
    assert rows[-1] == ["", "Tổng cộng", "30", "8", "15", "5", "2"]
    assert rows[2] == ["II", "Cải cách thủ tục hành chính", "6", "2", "3", "0", "1"]


def test_appendix_two_tthc(document: Document) -> None:
    rows = table_rows(tables(document)[5])
    assert rows[3] == ["3", "Đất đai", "26", "4", "3", "25", "6", "17", "2", "4", "92%", "15,4%"]
    assert rows[-1] == ["", "Tổng cộng", "384", "117", "6", "379", "121", "256", "2", "11", "99,5%", "30,5%"]
    assert run_format(tables(document)[5].rows[-1].cells[1].paragraphs[0]).bold


def test_appendix_headings(document: Document) -> None:
    texts = paragraphs(document)
    assert "PHỤ LỤC I" in texts
    assert "PHỤ LỤC II" in texts
    assert "TÌNH HÌNH GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH QUÝ I NĂM 2022" in texts
    assert "(Kèm theo Báo cáo số /BC-UBND ngày 15 tháng 3 năm 2022 của UBND xã)" in texts
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
