"""`cchc import`: a plan typed in Word becomes a working folder that `cchc plan` renders back whole.

Every check reopens the rendered document: each paragraph of the seed plan (the published Lộc
Thủy 2022 plan) is there in order, and each row of its appendix. The plans read are the one
`make demo` writes and plans built here as offices type them (tests/handmade_plans.py).
"""

from __future__ import annotations

import os
import subprocess
import zipfile
from pathlib import Path

import docx
import openpyxl
import pytest
from click.testing import Result
from docx.document import Document
from docx.table import Table
from docx.text.paragraph import Paragraph

from tests import seed
from tests.conftest import run_cli
from tests.docx_text import table_rows
from tests.handmade_plans import HandPlan, expected_rows, html_plan

PLAN = "ke_hoach_cchc_2022_xa_loc_thuy.docx"


def import_and_plan(source: Path, tmp_path: Path) -> tuple[Result, Document]:
    folder, out = tmp_path / "du_lieu", tmp_path / "out"
    imported = run_cli("import", source, "--out", folder)
    assert imported.exit_code == 0, imported.stderr
    assert sorted(p.name for p in folder.iterdir()) == ["ke_hoach.docx", "ke_hoach.xlsx"]
    made = run_cli("plan", folder, "--out", out)
    assert made.exit_code == 0, made.stderr
    return imported, docx.Document(str(out / PLAN))


def texts(document: Document) -> list[str]:
    paragraphs = [b for b in document.iter_inner_content() if isinstance(b, Paragraph)]
    return [seed.norm(p.text) for p in paragraphs if p.text.strip()]


def assert_whole_seed(document: Document) -> None:
    """Every seed paragraph in order (numbers aside: cchc numbers headings), every appendix row."""
    ours = [seed.strip_number(t) for t in texts(document)]
    position = 0
    for paragraph in seed.body_paragraphs():
        assert seed.strip_number(paragraph) in ours[position:], paragraph
        position = ours.index(seed.strip_number(paragraph), position) + 1
    tables = [b for b in document.iter_inner_content() if isinstance(b, Table)]
    rows = table_rows(tables[2])
    assert {r[0]: seed.norm(r[1]) for r in rows[1:] if len(r) == 2} == seed.group_titles()
    assert [tuple(seed.norm(c) for c in r[1:]) for r in rows[1:] if len(r) == 7] == expected_rows()
    signature = [seed.norm(line) for line in tables[1].rows[0].cells[1].text.splitlines() if line.strip()]
    assert signature == ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Nguyễn Văn Hoàng"]


def test_the_demo_plan_comes_back_identical(plan_docx: Path, tmp_path: Path) -> None:
    imported, document = import_and_plan(plan_docx, tmp_path)
    assert_whole_seed(document)
    with zipfile.ZipFile(plan_docx) as before, zipfile.ZipFile(tmp_path / "out" / PLAN) as after:
        assert after.read("word/document.xml") == before.read("word/document.xml")
    assert "Đã lấy 93 đoạn văn, 30 dòng phụ lục" in imported.output
    warnings = [line for line in imported.stderr.splitlines() if line.startswith("Cảnh báo")]
    assert len(warnings) == 1
    assert 'ke_hoach.xlsx, trang "Chỉ tiêu": có 29 chỉ tiêu dạng phần trăm' in warnings[0]


@pytest.mark.parametrize(
    "plan",
    [
        HandPlan(),
        HandPlan(font="Arial", header="paragraphs", numbering="auto", bullets="auto", cells="breaks"),
        HandPlan(header="tabs", numbering="styles", groups="whole", split=True, closing="tabs"),
        HandPlan(numbering="auto", groups="whole", split=True, cells="breaks", header="paragraphs"),
    ],
    ids=["typed", "word-numbering", "styles-split-table", "numbering-split-table"],
)
def test_a_hand_typed_plan_comes_back_whole(plan: HandPlan, tmp_path: Path) -> None:
    imported, document = import_and_plan(plan.save(tmp_path / "ke_hoach_2022.docx"), tmp_path)
    assert_whole_seed(document)
    assert "Đã lấy 93 đoạn văn, 30 dòng phụ lục" in imported.output
    book = openpyxl.load_workbook(tmp_path / "du_lieu" / "ke_hoach.xlsx")
    unit = {row[0]: row[1] for row in book["Đơn vị"].iter_rows(min_row=2, values_only=True)}
    assert unit["Tên cơ quan ban hành *"] == "ỦY BAN NHÂN DÂN\nXÃ LỘC THỦY"
    assert unit["Chữ viết tắt trong ký hiệu *"] == "UBND"
    assert unit["Tên gọi tắt trong văn bản *"] == "UBND xã"
    assert unit["Địa danh *"] == "Lộc Thủy"
    assert unit["Quyền hạn ký"] == "TM"
    assert unit["Lưu"] == "VP"
    plan_sheet = {row[0]: row[1] for row in book["Kế hoạch"].iter_rows(min_row=2, values_only=True)}
    assert plan_sheet["Năm kế hoạch *"] == 2022
    assert plan_sheet["Ngày ban hành"] == "07/01/2022"


def test_what_cannot_be_placed_is_kept_and_named(tmp_path: Path) -> None:
    source = HandPlan(numbering="styles", header="tabs", body_table=True).save(tmp_path / "kh.docx")
    document = docx.Document(str(source))
    stray = document.add_table(rows=1, cols=2)  # a second table in the appendix, not of tasks
    stray.rows[0].cells[0].text, stray.rows[0].cells[1].text = "Ghi chú", "Bảng lạ"
    document.save(str(source))
    imported, rendered = import_and_plan(source, tmp_path)
    warnings = imported.stderr.splitlines()
    assert (f"Cảnh báo: {source}, mục II. NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH, bảng 1, hàng 2: bảng trong phần "
            "lời văn: nội dung hàng được giữ thành một đoạn văn") in warnings  # fmt: skip
    assert "Hồ sơ đúng hạn | 98%" in texts(rendered)  # kept as a paragraph of the nearest section
    assert any(f"{source}, bảng 4: không nhận ra bảng này là bảng nhiệm vụ" in line for line in warnings)
    kept = openpyxl.load_workbook(tmp_path / "du_lieu" / "ke_hoach.xlsx")["Chưa xếp"]
    assert [c.value for c in kept[1]] == [f"{source}, bảng 4, hàng 1", "Ghi chú", "Bảng lạ"]


def test_a_decision_is_not_a_plan(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("QUYẾT ĐỊNH").runs[0].bold = True
    document.add_paragraph("Về việc ban hành Quy chế làm việc").runs[0].bold = True
    document.add_paragraph("Điều 1. Ban hành kèm theo Quyết định này Quy chế làm việc của UBND xã.")
    document.save(str(tmp_path / "qd.docx"))
    result = run_cli("import", tmp_path / "qd.docx", "--out", tmp_path / "x")
    assert result.exit_code == 1
    assert result.stderr == f"Lỗi: {tmp_path / 'qd.docx'}: không phải một kế hoạch: văn bản là QUYẾT ĐỊNH\n"
    assert not (tmp_path / "x").exists()


def test_a_report_without_its_period_says_so(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("BÁO CÁO").runs[0].bold = True
    document.add_paragraph("Kết quả công tác cải cách hành chính").runs[0].bold = True
    document.add_paragraph("I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH TRONG KỲ")
    document.save(str(tmp_path / "bc.docx"))
    result = run_cli("import", tmp_path / "bc.docx", "--out", tmp_path / "x")
    assert result.exit_code == 1
    assert result.stderr.startswith(
        f"Lỗi: {tmp_path / 'bc.docx'}: không đọc được kỳ báo cáo ở trích yếu “Kết quả công tác cải cách hành chính”"
    )


def test_a_letter_without_a_title_is_not_a_plan(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("Kính gửi anh Nam, hẹn gặp lại vào tuần sau để bàn việc chuẩn bị hội nghị của xã.")
    document.save(str(tmp_path / "thu.docx"))
    result = run_cli("import", tmp_path / "thu.docx", "--out", tmp_path / "x")
    assert result.exit_code == 1
    assert "không phải một kế hoạch: không tìm thấy tên loại văn bản “KẾ HOẠCH”" in result.stderr


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "tệp được đặt mật khẩu"),
        (b"PK\x03\x04 hong", "tệp hỏng hoặc không phải tệp Word .docx"),
        (b"", "tệp hỏng hoặc không phải tệp Word .docx"),
    ],
    ids=["password", "damaged", "empty"],
)
def test_unreadable_files_say_what_to_do(tmp_path: Path, content: bytes, reason: str) -> None:
    (tmp_path / "kh.docx").write_bytes(content)
    result = run_cli("import", tmp_path / "kh.docx", "--out", tmp_path / "x")
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Lỗi: {tmp_path / 'kh.docx'}: {reason}")
    assert "Traceback" not in result.output


def test_a_zip_bomb_is_refused_before_parsing(tmp_path: Path) -> None:
    bomb = tmp_path / "kh.docx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"<" + b" " * (400 * 2**20) + b">")
    assert bomb.stat().st_size < 2 * 2**20
    result = run_cli("import", bomb, "--out", tmp_path / "x")
    assert result.exit_code == 1
    assert "tệp quá lớn khi giải nén (có thể là tệp độc hại); cchc không mở" in result.stderr


def test_a_huge_file_is_refused_early(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from generator.inputs.formats import docx_file

    monkeypatch.setattr(docx_file, "MAX_FILE_BYTES", 10_000)
    source = HandPlan().save(tmp_path / "kh.docx")
    result = run_cli("import", source, "--out", tmp_path / "x")
    assert result.exit_code == 1
    assert "tệp quá lớn" in result.stderr
    assert "tối đa 0 MB" in result.stderr


def test_doc_without_libreoffice_says_save_as_docx(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CCHC_SOFFICE", str(tmp_path / "khong_co_soffice"))
    (tmp_path / "kh.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    result = run_cli("import", tmp_path / "kh.doc", "--out", tmp_path / "x")
    assert result.exit_code == 1
    assert "hãy mở bằng Word và lưu lại dạng .docx" in result.stderr
    assert "hoặc cài LibreOffice để cchc tự chuyển" in result.stderr


def test_existing_working_files_are_kept(tmp_path: Path) -> None:
    source = HandPlan().save(tmp_path / "kh.docx")
    (tmp_path / "du_lieu").mkdir()
    (tmp_path / "du_lieu" / "ke_hoach.xlsx").write_bytes(b"cua toi")
    result = run_cli("import", source, "--out", tmp_path / "du_lieu")
    assert result.exit_code == 1
    assert "đã có tệp ke_hoach.xlsx; không ghi đè (dùng --force nếu muốn thay)" in result.stderr
    assert (tmp_path / "du_lieu" / "ke_hoach.xlsx").read_bytes() == b"cua toi"
    assert run_cli("import", source, "--out", tmp_path / "du_lieu", "--force").exit_code == 0


@pytest.fixture
def soffice() -> str:
    from generator.workflows import pdf

    found = pdf.find_soffice()
    if found is None:
        if os.environ.get("CCHC_REQUIRE_LIBREOFFICE"):
            pytest.fail("LibreOffice is required here (CCHC_REQUIRE_LIBREOFFICE is set)")
        pytest.skip("LibreOffice is not installed")
    return found


def convert(soffice: str, source: Path, target: str, folder: Path, *infilter: str) -> Path:
    profile = f"-env:UserInstallation={(folder / 'profile').as_uri()}"
    command = [soffice, profile, "--headless", *infilter, "--convert-to", target, "--outdir", str(folder)]
    subprocess.run([*command, str(source)], check=True, capture_output=True, timeout=180)
    (made,) = [p for p in folder.iterdir() if p.suffix == "." + target.split(":")[0]]
    return made


@pytest.mark.libreoffice
def test_a_plan_libreoffice_made_from_a_web_page_comes_back_whole(soffice: str, tmp_path: Path) -> None:
    page = tmp_path / "ke_hoach.html"
    page.write_text(html_plan(), encoding="utf-8")
    source = convert(soffice, page, "docx:MS Word 2007 XML", tmp_path / "lo", "--infilter=HTML (StarWriter)")
    imported, document = import_and_plan(source, tmp_path)
    assert_whole_seed(document)
    assert "Đã lấy 93 đoạn văn, 30 dòng phụ lục" in imported.output


@pytest.mark.libreoffice
def test_a_word_97_plan_is_converted_first(soffice: str, tmp_path: Path) -> None:
    old = convert(
        soffice, HandPlan(numbering="auto").save(tmp_path / "ke_hoach.docx"), "doc", tmp_path / "lo"
    )
    assert old.read_bytes()[:4] == b"\xd0\xcf\x11\xe0"
    imported, document = import_and_plan(old, tmp_path)
    assert_whole_seed(document)
    assert "Lỗi" not in imported.stderr


def test_a_reports_task_appendix_becomes_its_progress_workbook(tmp_path: Path) -> None:
    """Phụ lục I of a periodic report → the "Tiến độ" sheet; a computed "Quá hạn" hides the entered
    state, so it comes back as "Đang thực hiện" with a notice at its row."""
    from tests.conftest import EXAMPLE

    made = run_cli("report", "--period", "Q1", "--year", "2022", EXAMPLE, "--out", tmp_path / "bc")
    assert made.exit_code == 0, made.stderr
    (report,) = (tmp_path / "bc").glob("*.docx")
    result = run_cli("import", report, "--out", tmp_path / "tien_do")
    assert result.exit_code == 0, result.stderr
    assert "Đã lấy tiến độ của 30 nhiệm vụ từ Phụ lục I của báo cáo." in result.output
    book = openpyxl.load_workbook(tmp_path / "tien_do" / "tien_do_q1_2022.xlsx")
    ours = [row[:5] for row in book["Tiến độ"].iter_rows(min_row=2, values_only=True)]
    entered = [row[:5] for row in openpyxl.load_workbook(EXAMPLE / "tien_do_q1_2022.xlsx")["Tiến độ"].iter_rows(
        min_row=2, values_only=True)]  # fmt: skip
    assert [row[0] for row in ours] == [row[0] for row in entered]
    assert [row[3] for row in ours] == [f"{row[3]:%d/%m/%Y}" if row[3] else None for row in entered]
    assert [row[4] for row in ours] == [row[4] for row in entered]
    differ = [(o[0], o[2], e[2]) for o, e in zip(ours, entered, strict=True) if o[2] != e[2]]
    overdue = [line for line in result.stderr.splitlines() if "“Quá hạn” do cchc tính" in line]
    assert len(overdue) == 2  # the two tasks the report shows "Quá hạn"
    assert differ == [("VII.3", "Đang thực hiện", "Chưa thực hiện")]  # the one whose entry it hid
    assert overdue[0].startswith(f"Cảnh báo: {report}, bảng 4, hàng ")
    header = {row[0]: row[1] for row in book["Báo cáo"].iter_rows(min_row=2, values_only=True)}
    assert header["Ngày ban hành"] == "15/03/2022"
