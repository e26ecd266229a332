"""`cchc init` writes a working folder that, once filled, makes a plan and a report directly.

By default the folder is Word and Excel (ke_hoach.docx, ke_hoach.xlsx, bao_cao.docx,
tien_do.xlsx); with --yaml the commented YAML files of the earlier versions.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import docx
import openpyxl
import pytest
import yaml

from tests.conftest import run_cli


def fill_yaml(path: Path, root: str, values: dict[str, object]) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data[root].update(values)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def fill_sheet(book: openpyxl.Workbook, title: str, rows: list[tuple[Any, ...]]) -> None:
    sheet = book[title]
    for row in rows:
        sheet.append(row)


def test_init_yaml_writes_ready_to_fill_files(tmp_path: Path) -> None:
    folder = tmp_path / "xa_moi"
    result = run_cli("init", folder, "--year", "2027", "--yaml")
    assert result.exit_code == 0, result.stderr
    assert sorted(p.name for p in folder.iterdir()) == [
        "Mo_trang_cchc.cmd", "Mo_trang_cchc.command", "bao_cao.yaml", "don_vi.yaml", "ke_hoach.yaml",
        "nhiem_vu.xlsx", "tien_do.xlsx",
    ]  # fmt: skip
    assert "# HỒ SƠ ĐƠN VỊ" in (folder / "don_vi.yaml").read_text(encoding="utf-8")
    assert "nam: 2027" in (folder / "ke_hoach.yaml").read_text(encoding="utf-8")
    tasks = openpyxl.load_workbook(folder / "nhiem_vu.xlsx")
    sheet = tasks["Nhiệm vụ"]
    assert [c.value for c in sheet[1]][:3] == ["Nhóm", "Mã", "Nhiệm vụ cụ thể"]
    assert sheet.freeze_panes == "A2"
    assert sheet.column_dimensions["C"].width == 50
    lists = {str(v.sqref): v.formula1 for v in sheet.data_validations.dataValidation}
    assert lists["A2:A1000"] == '"I,II,III,IV,V,VI,VII"'
    assert sheet["G1"].comment is not None
    assert "Hướng dẫn" in tasks.sheetnames
    progress = openpyxl.load_workbook(folder / "tien_do.xlsx")
    assert progress.sheetnames == ["Tiến độ", "TTHC", "Số liệu", "Kết quả CCHC", "Hướng dẫn", "Danh mục"]
    states = progress["Tiến độ"].data_validations.dataValidation[0]
    assert states.formula1 == '"Hoàn thành,Đang thực hiện,Chưa thực hiện"'


@pytest.mark.parametrize(("options", "mine"), [((), "ke_hoach.docx"), (("--yaml",), "don_vi.yaml")])
def test_init_refuses_to_overwrite(tmp_path: Path, options: tuple[str, ...], mine: str) -> None:
    folder = tmp_path / "xa"
    assert run_cli("init", folder, *options).exit_code == 0
    (folder / mine).write_bytes(b"# cua toi\n")
    result = run_cli("init", folder, *options)
    assert result.exit_code == 1
    assert f"đã có tệp {mine}" in result.stderr
    assert "không ghi đè (dùng --force nếu muốn thay)" in result.stderr
    assert (folder / mine).read_bytes() == b"# cua toi\n"


def test_filled_yaml_folder_makes_a_plan_and_a_report(tmp_path: Path) -> None:
    """A merged commune reporting straight to its province in 2027 (docs/local-government-2025.md)."""
    folder = tmp_path / "xa_moi"
    assert run_cli("init", folder, "--year", "2027", "--yaml").exit_code == 0
    fill_yaml(folder / "don_vi.yaml", "don_vi", {
        "ten": ["ỦY BAN NHÂN DÂN", "XÃ HÒA BÌNH"], "ten_goi_tat": "UBND xã", "dia_danh": "Hòa Bình",
        "cap_tren": "UBND tỉnh Thanh Hóa",
        "nguoi_ky": {"quyen_han": "TM", "tap_the": "Ủy ban nhân dân", "chuc_vu": "Phó Chủ tịch",
                     "chuc_vu_cap_truong": "Chủ tịch", "ho_ten": "Trần Thị Ví Dụ"},
        "noi_nhan": ["UBND tỉnh Thanh Hóa", "Sở Nội vụ"],
    })  # fmt: skip
    plan_yaml = folder / "ke_hoach.yaml"
    text = plan_yaml.read_text(encoding="utf-8").replace('noi_dung: ""', 'noi_dung: "- Nội dung ví dụ."')
    plan_yaml.write_text(text, encoding="utf-8")
    fill_yaml(plan_yaml, "ke_hoach", {"trich_yeu": "Cải cách hành chính xã Hòa Bình năm 2027"})
    tasks = openpyxl.load_workbook(folder / "nhiem_vu.xlsx")
    fill_sheet(tasks, "Nhiệm vụ", [(g, None, f"Nhiệm vụ nhóm {g}", "Kế hoạch", "Văn phòng", None, "Quý I/2027")
                                   for g in ("I", "II", "III", "IV", "V", "VI", "VII")])  # fmt: skip
    tasks.save(folder / "nhiem_vu.xlsx")

    plan = run_cli("plan", folder, "--out", tmp_path / "out")
    assert plan.exit_code == 0, plan.stderr
    document = docx.Document(str(tmp_path / "out" / "ke_hoach_cchc_2027_xa_hoa_binh.docx"))
    signature = document.tables[1].rows[0].cells[1].text
    assert signature.splitlines()[:3] == ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]

    words = folder / "bao_cao.yaml"
    example = "Nội dung ví dụ."
    areas = (
        "the_che",
        "thu_tuc_hanh_chinh",
        "to_chuc_bo_may",
        "che_do_cong_vu",
        "tai_chinh_cong",
        "chinh_quyen_so",
    )
    fill_yaml(words, "bao_cao", {
        "kinh_gui": "UBND tỉnh Thanh Hóa", "ngay_ban_hanh": "20/03/2027", "chi_dao_dieu_hanh": example,
        "ket_qua": dict.fromkeys(areas, example), "uu_diem": example, "han_che": example, "phuong_huong": example,
    })  # fmt: skip
    progress = openpyxl.load_workbook(folder / "tien_do.xlsx")
    fill_sheet(progress, "Tiến độ", [(f"{g}.1", None, "Hoàn thành", dt.datetime(2027, 3, 1), "Xong")
                                     for g in ("I", "II", "III", "IV", "V", "VI", "VII")])  # fmt: skip
    fill_sheet(progress, "TTHC", [("Hộ tịch", 4, 6, 0, 2, 8, 0, 0, 0)])
    progress.save(folder / "tien_do.xlsx")

    report = run_cli("report", "--period", "Q1", "--year", "2027", folder, "--out", tmp_path / "out")
    assert report.exit_code == 0, report.stderr
    texts = [
        p.text
        for p in docx.Document(str(tmp_path / "out" / "bao_cao_cchc_q1_2027_xa_hoa_binh.docx")).paragraphs
    ]
    assert "Kính gửi: UBND tỉnh Thanh Hóa." in texts
    assert any("đã hoàn thành 7 nhiệm vụ (100%)" in t for t in texts)


def heading(paragraph: Any) -> bool:
    return paragraph.style is not None and paragraph.style.name.startswith("Heading")


def test_init_writes_word_and_excel(tmp_path: Path) -> None:
    folder = tmp_path / "xa_moi"
    result = run_cli("init", folder, "--year", "2027")
    assert result.exit_code == 0, result.stderr
    assert sorted(p.name for p in folder.iterdir()) == [
        "Mo_trang_cchc.cmd", "Mo_trang_cchc.command", "bao_cao.docx", "ke_hoach.docx", "ke_hoach.xlsx",
        "tien_do.xlsx",
    ]  # fmt: skip
    words = docx.Document(str(folder / "ke_hoach.docx"))
    headings = [p.text for p in words.paragraphs if heading(p)]
    assert headings[:3] == ["I. MỤC TIÊU, YÊU CẦU", "1. Mục tiêu", "2. Yêu cầu"]
    assert "III. TỔ CHỨC THỰC HIỆN" in headings
    assert all(p.text.startswith("[Hướng dẫn: ") for p in words.paragraphs if not heading(p))
    book = openpyxl.load_workbook(folder / "ke_hoach.xlsx")
    assert book.sheetnames == [
        "Đơn vị",
        "Kế hoạch",
        "Chỉ tiêu",
        "Nhiệm vụ",
        "Chỉ số riêng",
        "Hướng dẫn",
        "Danh mục",
    ]
    unit = book["Đơn vị"]
    labels = {row[0].value: int(row[0].row or 0) for row in unit.iter_rows(min_row=2)}
    authority_row = labels["Quyền hạn ký"]
    lists = {str(v.sqref): v.formula1 for v in unit.data_validations.dataValidation}
    assert lists[f"B{authority_row}"] == '"TM,KT,TL,TUQ,Q"'
    assert unit.cell(row=labels["Họ tên người ký *"], column=3).value == "Không ghi học hàm, học vị"
    assert book["Kế hoạch"]["B2"].value == 2027
    metrics = book["Chỉ tiêu"].data_validations.dataValidation
    assert any(v.formula1.startswith("'Danh mục'!$A$2:$A$") for v in metrics)
    assert all(len(v.formula1) <= 255 for s in book.worksheets for v in s.data_validations.dataValidation)
    assert book["Danh mục"]["A2"].value == "ty_le_dung_han"
    assert book["Danh mục"]["B2"].value == "Tỷ lệ hồ sơ TTHC giải quyết đúng hạn"
    progress = openpyxl.load_workbook(folder / "tien_do.xlsx")
    assert progress.sheetnames == [
        "Báo cáo",
        "Tiến độ",
        "TTHC",
        "Số liệu",
        "Kết quả CCHC",
        "Hướng dẫn",
        "Danh mục",
    ]


def test_unfilled_word_folder_names_every_place_to_fill(tmp_path: Path) -> None:
    folder = tmp_path / "xa_moi"
    assert run_cli("init", folder, "--year", "2027").exit_code == 0
    result = run_cli("plan", folder, "--out", tmp_path / "out")
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    book = folder / "ke_hoach.xlsx"
    assert f'Lỗi: {book}, trang "Đơn vị", ô B13: thiếu giá trị bắt buộc (Họ tên người ký)' in lines
    assert f'Lỗi: {book}, trang "Kế hoạch", ô B6: thiếu giá trị bắt buộc (Trích yếu)' in lines
    assert f"Lỗi: {folder / 'ke_hoach.docx'}, mục II › 5 › a) Chỉ tiêu: chưa có nội dung" in lines
    assert f"Lỗi: {folder / 'ke_hoach.docx'}, mục III. TỔ CHỨC THỰC HIỆN: chưa có nội dung" in lines
    assert not any("ke_hoach.noi_dung" in line or "don_vi." in line for line in lines)
    assert not (tmp_path / "out").exists()


def fill_words(path: Path, text: str, *, opening: str = "", closing: str = "") -> None:
    """Type over the guidance as staff do: the file's own guide deleted, the opening and the
    closing guidance (when given) replaced by their text, every other line by ``text``."""
    document = docx.Document(str(path))
    guides = [p for p in document.paragraphs if p.text.startswith("[Hướng dẫn")]
    body = guides[0]._p.getparent()
    assert body is not None
    body.remove(guides[0]._p)
    texts = [text] * (len(guides) - 1)
    if opening:
        texts[0] = opening
    if closing:
        texts[-1] = closing
    for paragraph, new in zip(guides[1:], texts, strict=True):
        paragraph.runs[0].text, paragraph.runs[0].italic = new, False
    document.save(str(path))


def fill_form(book: openpyxl.Workbook, title: str, values: dict[str, Any]) -> None:
    sheet = book[title]
    rows = {str(row[0].value).rstrip(" *"): int(row[0].row or 0) for row in sheet.iter_rows(min_row=2)}
    for label, value in values.items():
        sheet.cell(row=rows[label], column=2, value=value)


def test_filled_word_folder_makes_a_plan_and_a_report(tmp_path: Path) -> None:
    folder = tmp_path / "xa_moi"
    assert run_cli("init", folder, "--year", "2027").exit_code == 0
    fill_words(folder / "ke_hoach.docx", "- Nội dung ví dụ.", opening="Căn cứ ví dụ, UBND xã ban hành Kế hoạch như sau:",
               closing="Trên đây là Kế hoạch cải cách hành chính năm 2027 của UBND xã Hòa Bình")  # fmt: skip
    fill_words(folder / "bao_cao.docx", "Nội dung báo cáo ví dụ.")
    book = openpyxl.load_workbook(folder / "ke_hoach.xlsx")
    fill_form(book, "Đơn vị", {
        "Tên cơ quan ban hành": "ỦY BAN NHÂN DÂN\nXÃ HÒA BÌNH", "Chữ viết tắt trong ký hiệu": "UBND",
        "Tên gọi tắt trong văn bản": "UBND xã", "Địa danh": "Hòa Bình", "Cơ quan cấp trên": "UBND tỉnh Thanh Hóa",
        "Quyền hạn ký": "TM", "Tập thể (khi ký TM)": "Ủy ban nhân dân", "Chức vụ người ký": "Phó Chủ tịch",
        "Chức vụ người đứng đầu": "Chủ tịch", "Họ tên người ký": "Trần Thị Ví Dụ",
        "Nơi nhận": "UBND tỉnh Thanh Hóa\nSở Nội vụ",
    })  # fmt: skip
    fill_form(book, "Kế hoạch", {"Trích yếu": "Cải cách hành chính xã Hòa Bình năm 2027"})
    fill_sheet(book, "Nhiệm vụ", [(g, None, f"Nhiệm vụ nhóm {g}", "Kế hoạch", "Văn phòng", None, "Quý I/2027")
                                  for g in ("I", "II", "III", "IV", "V", "VI", "VII")])  # fmt: skip
    book.save(folder / "ke_hoach.xlsx")

    plan = run_cli("plan", folder, "--out", tmp_path / "out")
    assert plan.exit_code == 0, plan.stderr
    document = docx.Document(str(tmp_path / "out" / "ke_hoach_cchc_2027_xa_hoa_binh.docx"))
    signature = document.tables[1].rows[0].cells[1].text
    assert signature.splitlines()[:3] == ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]
    texts = [p.text for p in document.paragraphs]
    assert "6. Xây dựng và phát triển chính quyền điện tử, chính quyền số" in texts
    assert texts.count("- Nội dung ví dụ.") == 2 + 7 * 2 + 1  # mục tiêu, yêu cầu; a), b) of 7 areas; III
    assert texts[3] == "Căn cứ ví dụ, UBND xã ban hành Kế hoạch như sau:"
    assert "Trên đây là Kế hoạch cải cách hành chính năm 2027 của UBND xã Hòa Bình./." in texts
    assert not any("Hướng dẫn" in t for t in texts)

    progress = openpyxl.load_workbook(folder / "tien_do.xlsx")
    fill_form(progress, "Báo cáo", {"Kính gửi": "UBND tỉnh Thanh Hóa", "Ngày ban hành": "20/03/2027"})
    fill_sheet(progress, "Tiến độ", [(f"{g}.1", None, "Hoàn thành", dt.datetime(2027, 3, 1), "Xong")
                                     for g in ("I", "II", "III", "IV", "V", "VI", "VII")])  # fmt: skip
    fill_sheet(progress, "TTHC", [("Hộ tịch", 4, 6, 0, 2, 8, 0, 0, 0)])
    progress.save(folder / "tien_do.xlsx")

    report = run_cli("report", "--period", "Q1", "--year", "2027", folder, "--out", tmp_path / "out")
    assert report.exit_code == 0, report.stderr
    texts = [
        p.text
        for p in docx.Document(str(tmp_path / "out" / "bao_cao_cchc_q1_2027_xa_hoa_binh.docx")).paragraphs
    ]
    assert "Kính gửi: UBND tỉnh Thanh Hóa." in texts
    assert any("đã hoàn thành 7 nhiệm vụ (100%)" in t for t in texts)
    assert texts.count("Nội dung báo cáo ví dụ.") == 1 + 6 + 2 + 1 + 1  # I, II.1–6, III.1–2, IV, V
    assert "Không có." in texts
