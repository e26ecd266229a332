"""The report's outline is data a province edits in Word: headings in its order, markers where
cchc writes its figures (docs/report-outline.md §4). Read from the words file itself, by the
same Word reader as every words file; a bad outline is refused with its place.

Each test writes the words file with python-docx, as staff would type it in Word.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import docx
import pytest
from docx.table import Table
from docx.text.paragraph import Paragraph

from tests.conftest import WORD_EXAMPLE, run_cli
from tests.docx_text import table_rows

WORDS = "bao_cao_q1_2022.docx"
# A province's own đề cương: other titles, another order, an extra part, no "Đánh giá chung".
PROVINCE = [
    "I. KẾT QUẢ NỔI BẬT [KỲ BÁO CÁO]",
    "Xã hoàn thành sớm các kế hoạch năm.",
    "[Số liệu: TTHC]",
    "II. THỰC HIỆN KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH",
    "[Số liệu: nhiệm vụ]",
    "Các nhiệm vụ còn lại đang được triển khai.",
    "1. Kiểm tra, tuyên truyền",
    "[số liệu: chỉ đạo, điều hành]",
    "Lồng ghép tuyên truyền trong họp thôn.",
    "2. Các chỉ tiêu của kế hoạch",
    "[Bảng: chỉ tiêu]",
    "III. NHIỆM VỤ [KỲ TỚI]",
    "- Đẩy mạnh nộp hồ sơ trực tuyến.",
    "IV. KIẾN NGHỊ",
    "Không có.",
]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    target = tmp_path / "loc_thuy"
    shutil.copytree(WORD_EXAMPLE, target)
    for name in ("bao_cao_nam_2022.docx", "tien_do_nam_2022.xlsx"):
        (target / name).unlink(missing_ok=True)
    return target


def write_words(folder: Path, lines: list[str]) -> Path:
    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)
    path = folder / WORDS
    document.save(str(path))
    return path


def report(folder: Path, out: Path) -> tuple[int, list[str]]:
    result = run_cli("report", "--period", "Q1", "--year", "2022", folder, "--out", out)
    return result.exit_code, result.stderr.splitlines()


def body(out: Path) -> list[str]:
    """The report's body as printed: from the opening to the closing paragraph."""
    document = docx.Document(str(next(out.glob("*.docx"))))
    texts = [p.text for p in document.paragraphs if p.text.strip()]
    start = texts.index("Kết quả thực hiện công tác cải cách hành chính quý I năm 2022") + 2
    return texts[start : texts.index("Phụ lục I")]


def test_a_provinces_outline_is_followed(folder: Path, tmp_path: Path) -> None:
    write_words(folder, PROVINCE)
    code, lines = report(folder, tmp_path / "out")
    assert code == 0, lines
    assert lines == []
    texts = body(tmp_path / "out")
    headings = [t for t in texts if t[:2] in ("I.", "II", "IV") or t[:3] in ("III", "1. ", "2. ")]
    assert headings == [
        "I. KẾT QUẢ NỔI BẬT QUÝ I NĂM 2022",
        "II. THỰC HIỆN KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH",
        "1. Kiểm tra, tuyên truyền",
        "2. Các chỉ tiêu của kế hoạch",
        "III. NHIỆM VỤ QUÝ II NĂM 2022",
        "IV. KIẾN NGHỊ",
    ]
    first = texts.index("I. KẾT QUẢ NỔI BẬT QUÝ I NĂM 2022")
    assert texts[first + 1] == "Xã hoàn thành sớm các kế hoạch năm."
    assert texts[first + 2].startswith(
        "Trong kỳ, tổng số hồ sơ thủ tục hành chính nhận giải quyết là 390 hồ sơ"
    )
    assert texts[first + 3].startswith("Tỷ lệ hồ sơ tiếp nhận trực tuyến 30,5%")
    second = texts.index("II. THỰC HIỆN KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH")
    assert texts[second + 1].startswith("Kế hoạch cải cách hành chính năm 2022 có 29 nhiệm vụ")
    assert texts[second + 2] == "Các nhiệm vụ còn lại đang được triển khai."
    assert texts[second + 4].startswith("Trong kỳ, UBND xã ban hành 4 văn bản chỉ đạo, điều hành")
    assert texts[-1] == (
        "Trên đây là báo cáo kết quả thực hiện công tác cải cách hành chính quý I năm 2022 của UBND xã./."
    )
    assert not any("[" in text for text in texts)  # no marker is left in the document


def test_the_targets_table_stands_where_its_marker_is(folder: Path, tmp_path: Path) -> None:
    write_words(folder, PROVINCE)
    assert report(folder, tmp_path / "out")[0] == 0
    document = docx.Document(str(next((tmp_path / "out").glob("*.docx"))))
    blocks = list(document.iter_inner_content())
    table = next(
        i for i, b in enumerate(blocks) if isinstance(b, Table) and b.rows[0].cells[1].text == "Chỉ tiêu"
    )
    before = [b.text for b in blocks[:table] if isinstance(b, Paragraph) and b.text]
    after = next(b.text for b in blocks[table + 1 :] if isinstance(b, Paragraph) and b.text)
    assert before[-2:] == [
        "2. Các chỉ tiêu của kế hoạch",
        "Kết quả thực hiện các chỉ tiêu của Kế hoạch trong kỳ (từ ngày 15/12/2021 đến ngày 14/3/2022) như sau:",
    ]
    assert after == "III. NHIỆM VỤ QUÝ II NĂM 2022"
    found = blocks[table]
    assert isinstance(found, Table)
    assert len(table_rows(found)) == 25


def test_an_outline_without_the_targets_table(folder: Path, tmp_path: Path) -> None:
    path = write_words(
        folder,
        [line for line in PROVINCE if line not in ("[Bảng: chỉ tiêu]", "2. Các chỉ tiêu của kế hoạch")],
    )
    code, lines = report(folder, tmp_path / "out")
    assert code == 0, lines
    assert lines == [
        f"Cảnh báo: {path}: đề cương không có dấu [Bảng: chỉ tiêu]: báo cáo sẽ không có câu dẫn và bảng các "
        "chỉ tiêu của kế hoạch: số liệu, kết quả, mức, đánh giá"
    ]
    document = docx.Document(str(next((tmp_path / "out").glob("*.docx"))))
    assert not any(t.rows[0].cells[1].text == "Chỉ tiêu" for t in document.tables)


def test_a_bad_outline_is_refused_with_its_places(folder: Path, tmp_path: Path) -> None:
    lines = [
        "I. KẾT QUẢ [KỲ SAU]",  # paragraph 1: not a period word
        "[Số liệu: TTHC]",
        "[Bảng: chỉ tiêu]",  # paragraph 3: first place of the table
        "II. THỂ CHẾ",
        "[Số liệu: thể chế]",  # paragraph 5: prints only when there are counts, and nothing else here
        "III. KHÁC",
        "[Số liệu: ngân sách]",  # paragraph 7: no such block
        "[Bảng: chỉ tiêu]",  # paragraph 8: second time
        "[Số liệu: nhiệm vụ]",
    ]
    path = write_words(folder, lines)
    code, errors = report(folder, tmp_path / "out")
    assert code == 1
    known = (
        "[Số liệu: nhiệm vụ]; [Số liệu: TTHC]; [Bảng: chỉ tiêu]; [Số liệu: chỉ đạo, điều hành]; [Số liệu: thể chế]; "
        "[Số liệu: kiểm soát TTHC]; [Số liệu: tổ chức bộ máy]; [Số liệu: công vụ]; [Số liệu: tài chính công]; "
        "[Số liệu: chính quyền số]"
    )
    assert errors == [
        f"Lỗi: {path}, mục I. KẾT QUẢ [KỲ SAU]: “[KỲ SAU]” trong đề mục: cchc chỉ thay [kỳ báo cáo] và [kỳ tới] "
        "bằng tên kỳ; các dấu số liệu phải là một đoạn riêng dưới đề mục",
        f"Lỗi: {path}, mục II. THỂ CHẾ: chưa có nội dung (dấu số liệu của mục này chỉ in khi có số liệu: hãy viết "
        "ít nhất một đoạn)",
        f'Lỗi: {path}, mục III. KHÁC, đoạn 7 ("[Số liệu: ngân sách]"): cchc không hiểu dấu “[Số liệu: ngân sách]” '
        f"(các dấu hiểu được: {known})",
        f'Lỗi: {path}, mục III. KHÁC, đoạn 8 ("[Bảng: chỉ tiêu]"): dấu [Bảng: chỉ tiêu] đã đặt ở mục I. KẾT QUẢ '
        '[KỲ SAU], đoạn 3 ("[Bảng: chỉ tiêu]"); mỗi dấu chỉ đặt một lần',
    ]
    assert not (tmp_path / "out").exists()


def test_init_writes_the_default_outline_with_its_markers(tmp_path: Path) -> None:
    assert run_cli("init", tmp_path / "xa", "--year", "2027").exit_code == 0
    document = docx.Document(str(tmp_path / "xa" / "bao_cao.docx"))
    texts = [p.text for p in document.paragraphs if not p.text.startswith("[Hướng dẫn")]
    assert texts == [
        "I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH", "[Số liệu: chỉ đạo, điều hành]", "[Số liệu: nhiệm vụ]",
        "II. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH",
        "1. Cải cách thể chế", "[Số liệu: thể chế]",
        "2. Cải cách thủ tục hành chính", "[Số liệu: kiểm soát TTHC]", "[Số liệu: TTHC]",
        "3. Cải cách tổ chức bộ máy hành chính nhà nước", "[Số liệu: tổ chức bộ máy]",
        "4. Cải cách chế độ công vụ", "[Số liệu: công vụ]",
        "5. Cải cách tài chính công", "[Số liệu: tài chính công]",
        "6. Xây dựng và phát triển chính quyền điện tử, chính quyền số", "[Số liệu: chính quyền số]",
        "7. Kết quả thực hiện các chỉ tiêu của Kế hoạch", "[Bảng: chỉ tiêu]",
        "III. ĐÁNH GIÁ CHUNG", "1. Ưu điểm", "2. Tồn tại, hạn chế và nguyên nhân",
        "IV. PHƯƠNG HƯỚNG, NHIỆM VỤ TRỌNG TÂM [KỲ TỚI]", "V. ĐỀ XUẤT, KIẾN NGHỊ", "Không có.",
    ]  # fmt: skip
    marker = next(p for p in document.paragraphs if p.text == "[Bảng: chỉ tiêu]")
    assert marker.runs[0].bold  # easy to see, so staff keep it whole


def test_a_marker_inside_a_sentence_or_a_table_is_refused_with_its_place(
    folder: Path, tmp_path: Path
) -> None:
    document = docx.Document()
    for line in PROVINCE[:2]:
        document.add_paragraph(line)
    document.add_paragraph("Kết quả giải quyết hồ sơ: [Số liệu: TTHC] như sau.")  # paragraph 3
    for line in PROVINCE[3:]:
        document.add_paragraph(line)
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "[bảng: chỉ tiêu]", "Ghi chú"
    path = folder / WORDS
    document.save(str(path))
    code, lines = report(folder, tmp_path / "out")
    assert code == 1
    errors = sorted(line for line in lines if line.startswith("Lỗi"))
    fix = "cchc chỉ viết số liệu vào chỗ dấu đứng riêng một đoạn; hãy tách dấu thành một đoạn riêng"
    assert errors == [
        f'Lỗi: {path}, mục I. KẾT QUẢ NỔI BẬT [KỲ BÁO CÁO], đoạn 3 ("Kết quả giải quyết hồ sơ:…"): dấu '
        f"“[Số liệu: TTHC]” nằm trong một đoạn văn: {fix}",
        f"Lỗi: {path}, mục IV. KIẾN NGHỊ, bảng 1, hàng 1: dấu “[bảng: chỉ tiêu]” nằm trong một ô bảng: {fix}",
    ]
    assert not any(
        "đề cương không có dấu [Số liệu: TTHC]" in line for line in lines
    )  # it is there, misplaced
    assert not (tmp_path / "out").exists()


def test_only_embedded_markers_still_make_the_file_an_outline(folder: Path, tmp_path: Path) -> None:
    """Without a marker paragraph the default outline would be used and the marker printed as text."""
    write_words(folder, [*PROVINCE[:2], "Số hồ sơ: [Số liệu: TTHC].", "II. KHÁC", "Không có."])
    code, lines = report(folder, tmp_path / "out")
    assert code == 1
    assert any("dấu “[Số liệu: TTHC]” nằm trong một đoạn văn" in line for line in lines)


def test_leaving_out_the_tthc_sentence_keeps_appendix_two(folder: Path, tmp_path: Path) -> None:
    path = write_words(folder, [line for line in PROVINCE if line != "[Số liệu: TTHC]"])
    code, lines = report(folder, tmp_path / "out")
    assert code == 0, lines
    assert lines == [
        f"Cảnh báo: {path}: đề cương không có dấu [Số liệu: TTHC]: báo cáo sẽ không có số hồ sơ thủ tục hành "
        "chính nhận, đã và đang giải quyết, tỷ lệ đúng hạn, trực tuyến; Phụ lục II vẫn kèm theo báo cáo"
    ]
    document = docx.Document(str(next((tmp_path / "out").glob("*.docx"))))
    assert "Phụ lục II" in [p.text for p in document.paragraphs]
