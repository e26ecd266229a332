"""`cchc init` writes a working folder that, once filled, makes a plan and a report directly."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import docx
import openpyxl
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


def test_init_writes_ready_to_fill_files(tmp_path: Path) -> None:
    folder = tmp_path / "xa_moi"
    result = run_cli("init", folder, "--year", "2027")
    assert result.exit_code == 0, result.stderr
    assert sorted(p.name for p in folder.iterdir()) == [
        "bao_cao.yaml", "don_vi.yaml", "ke_hoach.yaml", "nhiem_vu.xlsx", "tien_do.xlsx",
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
    assert progress.sheetnames == ["Tiến độ", "TTHC", "Số liệu", "Hướng dẫn"]
    states = progress["Tiến độ"].data_validations.dataValidation[0]
    assert states.formula1 == '"Hoàn thành,Đang thực hiện,Chưa thực hiện"'


def test_init_refuses_to_overwrite(tmp_path: Path) -> None:
    folder = tmp_path / "xa"
    assert run_cli("init", folder).exit_code == 0
    (folder / "don_vi.yaml").write_text("# của tôi\n", encoding="utf-8")
    result = run_cli("init", folder)
    assert result.exit_code == 1
    assert "không ghi đè (dùng --force nếu muốn thay)" in result.stderr
    assert (folder / "don_vi.yaml").read_text(encoding="utf-8") == "# của tôi\n"


def test_filled_folder_makes_a_plan_and_a_report(tmp_path: Path) -> None:
    """A merged commune reporting straight to its province in 2027 (docs/local-government-2025.md)."""
    folder = tmp_path / "xa_moi"
    assert run_cli("init", folder, "--year", "2027").exit_code == 0
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
    fill_sheet(progress, "TTHC", [("Hộ tịch", 10, 4, 0, 2, 8, 0, 0)])
    progress.save(folder / "tien_do.xlsx")

    report = run_cli("report", "--period", "Q1", "--year", "2027", folder, "--out", tmp_path / "out")
    assert report.exit_code == 0, report.stderr
    texts = [
        p.text
        for p in docx.Document(str(tmp_path / "out" / "bao_cao_cchc_q1_2027_xa_hoa_binh.docx")).paragraphs
    ]
    assert "Kính gửi: UBND tỉnh Thanh Hóa." in texts
    assert any("đã hoàn thành 7 nhiệm vụ (100%)" in t for t in texts)
