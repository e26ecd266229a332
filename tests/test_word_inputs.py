"""A Word and Excel working folder gone wrong: every problem at once, each at a place people find.

Places are "ke_hoach.docx, mục II › 5. Cải cách tài chính công" and 'ke_hoach.xlsx, trang
"Đơn vị", ô B13', never a key path. Inputs are broken here, in a copy of the example.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import docx
import openpyxl
import pytest

from tests.conftest import EXAMPLE, WORD_EXAMPLE, run_cli, unexpected_warnings


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    target = tmp_path / "loc_thuy"
    shutil.copytree(WORD_EXAMPLE, target)
    return target


def errors(*args: Any) -> list[str]:
    result = run_cli(*args)
    assert result.exit_code == 1, result.output
    return result.stderr.splitlines()


def set_form(path: Path, sheet: str, label: str, value: Any) -> str:
    """Set the value of ``label`` in a form sheet; returns its cell ("B13")."""
    book = openpyxl.load_workbook(path)
    row = next(r for r in book[sheet].iter_rows(min_row=2) if str(r[0].value).rstrip(" *") == label)
    row[1].value = value
    book.save(path)
    return f"B{row[1].row}"


def remove_paragraphs(path: Path, start: str, stop: str) -> None:
    """Delete the paragraphs after the one reading ``start`` up to (not including) ``stop``."""
    document = docx.Document(str(path))
    paragraphs = document.paragraphs
    first = next(i for i, p in enumerate(paragraphs) if p.text == start)
    last = next(i for i, p in enumerate(paragraphs) if i > first and p.text == stop)
    for paragraph in paragraphs[first + 1 : last]:
        body = paragraph._p.getparent()
        assert body is not None
        body.remove(paragraph._p)
    document.save(str(path))


def test_every_problem_of_every_file_in_one_run(folder: Path, tmp_path: Path) -> None:
    book = folder / "ke_hoach.xlsx"
    name_cell = set_form(book, "Đơn vị", "Họ tên người ký", None)
    year_cell = set_form(book, "Kế hoạch", "Năm kế hoạch", "hai không hai hai")
    remove_paragraphs(folder / "ke_hoach.docx", "5. Cải cách tài chính công", "6. Xây dựng và phát triển chính "
                      "quyền điện tử, chính quyền số")  # fmt: skip
    tasks = openpyxl.load_workbook(book)
    tasks["Nhiệm vụ"]["A3"] = "VIII"
    tasks.save(book)
    lines = errors("plan", folder, "--out", tmp_path / "out")
    assert f'Lỗi: {book}, trang "Đơn vị", ô {name_cell}: thiếu giá trị bắt buộc (Họ tên người ký)' in lines
    assert (
        f'Lỗi: {book}, trang "Kế hoạch", ô {year_cell}: cần một số nguyên, không phải "hai không hai hai"'
        in lines
    )
    assert f"Lỗi: {folder / 'ke_hoach.docx'}, mục II › 5. Cải cách tài chính công: chưa có nội dung" in lines
    assert any(
        line.startswith(f'Lỗi: {book}, trang "Nhiệm vụ", ô A3: nhóm "VIII" không hợp lệ') for line in lines
    )
    target_lines = [line for line in lines if 'trang "Chỉ tiêu"' in line]
    assert len(target_lines) == 2  # the two targets of section 5 lost their sentence
    assert all(
        line.endswith("không tìm thấy câu này trong lời văn kế hoạch (ke_hoach.docx)")
        for line in target_lines
    )
    assert not any("noi_dung" in line or "don_vi." in line for line in lines)  # no key paths
    assert not (tmp_path / "out").exists()


def test_a_part_given_twice_names_both_files(folder: Path, tmp_path: Path) -> None:
    shutil.copy(EXAMPLE / "ke_hoach.yaml", folder / "ke_hoach.yaml")
    shutil.copy(folder / "ke_hoach.docx", folder / "ke_hoach_ban_sao.docx")
    lines = errors("plan", folder, "--out", tmp_path / "out")
    assert (
        f"Lỗi: {folder / 'ke_hoach_ban_sao.docx'}: lời văn kế hoạch đã có trong tệp {folder / 'ke_hoach.docx'}; chỉ giữ một tệp"
        in lines
    )
    assert any(
        line.startswith(f'Lỗi: {folder / "ke_hoach.yaml"}:5 (ke_hoach): phần "ke_hoach:" đã có trong ')
        and str(folder / "ke_hoach.docx") in line
        and str(folder / "ke_hoach.xlsx") in line
        for line in lines
    )


def test_two_workbooks_with_the_unit_profile_name_both(folder: Path, tmp_path: Path) -> None:
    shutil.copy(folder / "ke_hoach.xlsx", folder / "don_vi.xlsx")
    lines = errors("plan", folder, "--out", tmp_path / "out")
    assert (
        f'Lỗi: {folder / "ke_hoach.xlsx"}: trang "Đơn vị" đã có trong tệp {folder / "don_vi.xlsx"}; chỉ giữ một tệp'
        in lines
    )


def test_a_whole_document_in_the_folder_is_passed_over(folder: Path, plan_docx: Path, tmp_path: Path) -> None:
    shutil.copy(plan_docx, folder / plan_docx.name)
    result = run_cli("plan", folder, "--out", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    named = errors("plan", folder / plan_docx.name, folder / "ke_hoach.xlsx", "--out", tmp_path / "x")
    assert (
        f"Lỗi: {folder / plan_docx.name}: là văn bản hoàn chỉnh (có Quốc hiệu), không phải tệp lời văn; dùng cchc import {plan_docx.name} --out <thư mục> để lấy dữ liệu từ văn bản này"
        in named
    )


def test_a_target_sentence_without_a_row_is_a_notice_at_its_place(folder: Path, tmp_path: Path) -> None:
    book = openpyxl.load_workbook(folder / "ke_hoach.xlsx")
    sheet = book["Chỉ tiêu"]
    rows = [
        r for r in sheet.iter_rows(min_row=2) if r[0].value and str(r[0].value).startswith("- 80% người dân")
    ]
    for row in rows:
        sheet.delete_rows(int(row[0].row or 0))
    book.save(folder / "ke_hoach.xlsx")
    result = run_cli("plan", folder, "--out", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    assert unexpected_warnings(result.stderr) == [
        f'Cảnh báo: {folder / "ke_hoach.docx"}, mục II › {area} › a) Chỉ tiêu, đoạn {number} ("- 80% người dân, '
        'doanh nghiệp…"): câu có chỉ tiêu “80%” nhưng chưa có dòng trong trang “Chỉ tiêu”: báo cáo sẽ không '
        "tự đánh giá (thêm một dòng với câu này; để trống Chỉ số nếu không đo được)"
        for area, number in ((2, 36), (6, 80))
    ]


def test_target_rows_are_checked_at_their_cells(folder: Path, tmp_path: Path) -> None:
    book = openpyxl.load_workbook(folder / "ke_hoach.xlsx")
    sheet = book["Chỉ tiêu"]
    sheet["A2"], sheet["C2"], sheet["D2"], sheet["E2"] = "100%", "≠", "chín mươi", "Hàng tháng"
    book.save(folder / "ke_hoach.xlsx")
    lines = errors("plan", folder, "--out", tmp_path / "out")
    where = f'Lỗi: {folder / "ke_hoach.xlsx"}, trang "Chỉ tiêu"'
    assert any(
        line.startswith(f"{where}, ô A2: câu này có ở ") and "hãy chép đủ câu" in line for line in lines
    )
    assert (
        f'{where}, ô C2: phép so sánh "≠" không hợp lệ (cột "So sánh"; cần một trong: >=, >, <=, <, =)'
        in lines
    )
    assert f'{where}, ô D2: cần một tỷ lệ phần trăm, không phải "chín mươi" (cột "Mức (%)")' in lines
    assert (
        f'{where}, ô E2: kỳ đánh giá "hàng tháng" không hợp lệ (cột "Kỳ đánh giá"; cần Năm hoặc Mỗi kỳ)'
        in lines
    )


def test_unknown_and_repeated_form_rows(folder: Path, tmp_path: Path) -> None:
    book = openpyxl.load_workbook(folder / "ke_hoach.xlsx")
    sheet = book["Đơn vị"]
    sheet.append(["Số điện thoại", "0234 123 456"])
    book.save(folder / "ke_hoach.xlsx")
    where = f'{folder / "ke_hoach.xlsx"}, trang "Đơn vị"'
    result = run_cli("plan", folder, "--out", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    assert unexpected_warnings(result.stderr) == [
        f'Cảnh báo: {where}, ô A{sheet.max_row}: bỏ qua mục "Số điện thoại" (không thuộc mẫu)'
    ]
    sheet.append(["Địa danh", "Lộc Sơn"])
    book.save(folder / "ke_hoach.xlsx")
    lines = errors("plan", folder, "--out", tmp_path / "again")
    assert lines == [
        f'Lỗi: {where}, ô A{sheet.max_row}: mục "Địa danh" bị ghi hai lần (lần đầu ở dòng của ô B6)'
    ]


def without_markers(words: Path) -> None:
    """The words file as cchc wrote it before outlines had markers: the default parts only."""
    document = docx.Document(str(words))
    for paragraph in document.paragraphs:
        if (
            paragraph.text.startswith(("[Số liệu", "[Bảng"))
            or "Kết quả thực hiện các chỉ tiêu" in paragraph.text
        ):
            body = paragraph._p.getparent()
            assert body is not None
            body.remove(paragraph._p)
    document.save(str(words))


def test_report_words_without_markers_keep_the_default_outline(folder: Path, tmp_path: Path) -> None:
    """An older words file (no marker) reads as before: the same document as with its markers."""
    run_cli("report", "--period", "Q1", "--year", "2022", folder, "--out", tmp_path / "marked")
    without_markers(folder / "bao_cao_q1_2022.docx")
    result = run_cli("report", "--period", "Q1", "--year", "2022", folder, "--out", tmp_path / "plain")
    assert result.exit_code == 0, result.stderr
    assert unexpected_warnings(result.stderr) == []
    (marked,), (plain,) = (tmp_path / "marked").glob("*.docx"), (tmp_path / "plain").glob("*.docx")
    assert marked.read_bytes() == plain.read_bytes()


def test_report_words_in_word_are_checked_against_the_outline(folder: Path, tmp_path: Path) -> None:
    words = folder / "bao_cao_q1_2022.docx"
    without_markers(words)
    document = docx.Document(str(words))
    paragraphs = document.paragraphs
    strengths = next(i for i, p in enumerate(paragraphs) if p.text == "1. Ưu điểm")
    paragraphs[strengths].insert_paragraph_before("Đoạn viết ngay dưới mục III.")
    heading = next(p for p in paragraphs if p.text == "IV. PHƯƠNG HƯỚNG, NHIỆM VỤ TRỌNG TÂM [KỲ TỚI]")
    heading.runs[0].text = "IV. NHỮNG VIỆC KHÁC"
    document.save(str(words))
    lines = errors("report", "--period", "Q1", "--year", "2022", folder, "--out", tmp_path / "out")
    assert any(
        line.startswith(f"Lỗi: {words}, mục III. ĐÁNH GIÁ CHUNG, đoạn ") and "chưa thuộc mục con nào" in line
        for line in lines
    )
    assert any(
        line.startswith(f"Lỗi: {words}, mục IV. NHỮNG VIỆC KHÁC: mục không thuộc đề cương báo cáo")
        for line in lines
    )
    assert f"Lỗi: {words}: thiếu mục “IV. PHƯƠNG HƯỚNG, NHIỆM VỤ KỲ TỚI”" in lines


def test_a_report_sheet_without_its_words(folder: Path, tmp_path: Path) -> None:
    for path in [folder / "bao_cao_q1_2022.docx", *folder.glob("*_nam_2022.*")]:  # no words of any period
        path.unlink()
    lines = errors("report", "--period", "Q1", "--year", "2022", folder, "--out", tmp_path / "out")
    assert lines == [
        f'Lỗi: {folder / "tien_do_q1_2022.xlsx"}: có trang "Báo cáo" nhưng không tìm thấy lời văn báo cáo '
        "(tệp Word như bao_cao_q1_2022.docx)"
    ]


def test_numbered_lines_in_a_words_file_typed_without_styles(tmp_path: Path) -> None:
    """Typed numbers decide the outline; a list restarting at 1. inside a point stays a list."""
    from generator.errors import Problems
    from generator.inputs.formats.docx_file import load_words
    from generator.inputs.formats.words import WordParagraph, WordSection, read_words

    document = docx.Document()
    for line in ("Căn cứ …, UBND xã ban hành Kế hoạch như sau:", "I. MỤC TIÊU", "1. Mục tiêu", "a) Chỉ tiêu",
                 "1. Hồ sơ một", "2. Hồ sơ hai", "- gạch đầu dòng", "[Hướng dẫn: bỏ qua dòng này]", "b) Nhiệm vụ",
                 "Việc cần làm.", "2. Yêu cầu", "Yêu cầu chung.", "II. TỔ CHỨC", "Phân công.",
                 "Trên đây là Kế hoạch của UBND xã."):  # fmt: skip
        document.add_paragraph(line)
    document.save(str(tmp_path / "ke_hoach.docx"))
    problems = Problems()
    words = load_words(tmp_path / "ke_hoach.docx", problems)
    assert words is not None
    text = read_words(words.path, words.blocks, problems)
    assert [p.text for p in text.opening] == ["Căn cứ …, UBND xã ban hành Kế hoạch như sau:"]
    assert [s.title for s in text.sections] == ["MỤC TIÊU", "TỔ CHỨC"]
    goals = text.sections[0].content[0]
    assert isinstance(goals, WordSection)
    assert goals.title == "Mục tiêu"
    targets = goals.content[0]
    assert isinstance(targets, WordSection)
    assert [p.text for p in targets.content if isinstance(p, WordParagraph)] == [
        "1. Hồ sơ một", "2. Hồ sơ hai", "- gạch đầu dòng",
    ]  # fmt: skip
    assert [s.title for s in goals.content if isinstance(s, WordSection)] == ["Chỉ tiêu", "Nhiệm vụ"]
    assert [p.text for p in text.closing] == ["Trên đây là Kế hoạch của UBND xã."]
    assert str(targets.location) == f"{tmp_path / 'ke_hoach.docx'}, mục I › 1 › a) Chỉ tiêu"
    assert problems.items == []


def test_without_the_plan_sheet_the_words_and_tasks_are_still_checked(folder: Path, tmp_path: Path) -> None:
    book = openpyxl.load_workbook(folder / "ke_hoach.xlsx")
    del book["Kế hoạch"]
    book["Nhiệm vụ"]["A3"] = "VIII"
    book.save(folder / "ke_hoach.xlsx")
    remove_paragraphs(folder / "ke_hoach.docx", "2. Yêu cầu", "II. NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH")
    lines = errors("plan", folder, "--out", tmp_path / "out")
    assert (f"Lỗi: {folder / 'ke_hoach.docx'}: có lời văn kế hoạch nhưng không tìm thấy trang \"Kế hoạch\" "
            "(năm, trích yếu, tên phụ lục) trong tệp Excel") in lines  # fmt: skip
    assert f"Lỗi: {folder / 'ke_hoach.docx'}, mục I › 2. Yêu cầu: chưa có nội dung" in lines
    assert any(
        line.startswith(f'Lỗi: {folder / "ke_hoach.xlsx"}, trang "Nhiệm vụ", ô A3: nhóm "VIII"')
        for line in lines
    )
