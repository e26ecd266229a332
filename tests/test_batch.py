"""`cchc batch`: several units, one broken; summary, exit code, unique safe names, totals."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import docx
import openpyxl
import pytest

from generator.domain.kinds import DocumentKind
from generator.domain.models import Signer, Unit
from generator.errors import Location
from generator.workflows.documents import document_name
from tests.conftest import EXAMPLE, run_cli, unexpected_warnings
from tests.docx_text import table_rows

# The units of these tests keep a plan and a quý I report: the example's năm report left out.
QUARTER_ONLY = shutil.ignore_patterns("*_nam_2022.*")


def unit(folder: Path, name: str, *, break_it: bool = False) -> Path:
    target = folder / name
    shutil.copytree(EXAMPLE, target, ignore=QUARTER_ONLY)
    profile = target / "don_vi.yaml"
    text = profile.read_text(encoding="utf-8").replace(
        "- XÃ LỘC THỦY", f"- XÃ {name.upper().replace('_', ' ')}"
    )
    profile.write_text(text, encoding="utf-8")
    if break_it:
        book = openpyxl.load_workbook(target / "tien_do_q1_2022.xlsx")
        book["TTHC"]["B2"] = "nhiều"
        book.save(target / "tien_do_q1_2022.xlsx")
    return target


@pytest.fixture
def province(tmp_path: Path) -> Path:
    root = tmp_path / "tinh"
    unit(root, "an_hoa")
    unit(root, "binh_minh")
    unit(root, "cat_tien", break_it=True)
    return root


def test_consolidated_by_field_and_by_group(province: Path, tmp_path: Path) -> None:
    """Biểu 06 per lĩnh vực and the tasks per group, summed over the two units (#28)."""
    out = tmp_path / "out"
    run_cli("batch", province, "--out", out)
    found = [table_rows(t) for t in docx.Document(str(out / "tong_hop_cchc_q1_2022.docx")).tables]
    by_field, groups = found[3], found[4]
    assert by_field[3] == [f"({n})" for n in range(1, 14)]
    assert [row[1:] for row in by_field[4:]] == [
        ["Hộ tịch", "240", "128", "108", "4", "234", "70", "164", "0", "6", "6", "0"],
        ["Chứng thực", "410", "76", "334", "0", "410", "140", "270", "0", "0", "0", "0"],
        ["Đất đai", "58", "8", "44", "6", "50", "12", "34", "4", "8", "4", "4"],
        ["Lao động - Thương binh và Xã hội", "66", "22", "42", "2", "60", "18", "42", "0", "6", "6", "0"],
        ["Khiếu nại, tố cáo", "6", "0", "6", "0", "4", "2", "2", "0", "2", "2", "0"],
        ["Tổng cộng", "780", "234", "534", "12", "758", "242", "512", "4", "22", "18", "4"],
    ]  # each Lộc Thủy's figures twice
    assert [row[0] for row in groups[1:]] == ["I", "II", "III", "IV", "V", "VI", "VII", ""]
    assert groups[-1][1:] == ["Tổng cộng", "58", "12", "4", "30", "8", "4"]  # the per-unit table's total


def test_one_broken_unit_does_not_stop_the_others(province: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = run_cli("batch", province, "--out", out)
    assert result.exit_code == 1
    written = sorted(p.name for p in out.iterdir())
    assert written == [
        "bao_cao_cchc_q1_2022_xa_an_hoa.docx",
        "bao_cao_cchc_q1_2022_xa_binh_minh.docx",
        "ke_hoach_cchc_2022_xa_an_hoa.docx",
        "ke_hoach_cchc_2022_xa_binh_minh.docx",
        "ke_hoach_cchc_2022_xa_cat_tien.docx",
        "tong_hop_cchc_q1_2022.docx",
        "tong_hop_cchc_q1_2022.xlsx",
    ]
    assert "Tổng kết: đã ghi 5 văn bản, lỗi 1." in result.output
    broken = province / "cat_tien" / "tien_do_q1_2022.xlsx"
    assert unexpected_warnings(result.stderr) == [
        "Lỗi    cat_tien: báo cáo Q1/2022",
        f'  Lỗi: {broken}, trang "TTHC", ô B2: cần một số nguyên, không phải "nhiều" (cột "Trực tuyến")',
    ]


def test_consolidated_totals(province: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    run_cli("batch", province, "--out", out)
    table = docx.Document(str(out / "tong_hop_cchc_q1_2022.docx")).tables[1]  # after the form's top block
    rows = table_rows(table)
    assert rows[0][:2] == ["STT", "Đơn vị"]  # Biểu 06, one row per unit, under the same merged header
    assert len(table.columns) == 13
    assert rows[3] == [f"({n})" for n in range(1, 14)]
    assert [r[1] for r in rows[4:]] == ["Xã An Hoa", "Xã Binh Minh", "Tổng cộng"]
    # each unit: 390 received (117 online, 267 in person, 6 carried), 379 resolved (121 early, 256 on
    # time, 2 late), 11 pending (9 in time, 2 late)
    assert rows[-1][2:] == ["780", "234", "534", "12", "758", "242", "512", "4", "22", "18", "4"]
    tasks = table_rows(docx.Document(str(out / "tong_hop_cchc_q1_2022.docx")).tables[2])
    assert tasks[0][2:] == [
        "TỔNG SỐ", "HOÀN THÀNH ĐÚNG HẠN", "HOÀN THÀNH QUÁ HẠN", "ĐANG THỰC HIỆN", "CHƯA THỰC HIỆN", "QUÁ HẠN",
    ]  # fmt: skip
    assert tasks[-1][1:] == ["Tổng cộng", "58", "12", "4", "30", "8", "4"]  # numbered tasks only (#23)
    book = openpyxl.load_workbook(out / "tong_hop_cchc_q1_2022.xlsx")
    sheet = book["TTHC"]
    assert [c.value for c in sheet[1]][:5] == ["Đơn vị", "Tổng số hồ sơ nhận giải quyết", "Trực tuyến",
                                               "Trực tiếp, bưu chính", "Từ kỳ trước"]  # fmt: skip
    assert [c.value for c in sheet[sheet.max_row]][:6] == ["Tổng cộng", 780, 234, 534, 12, 758]
    assert sheet["M4"].value == pytest.approx(754 / 758)
    assert [c.value for c in book["Nhiệm vụ"][book["Nhiệm vụ"].max_row]] == [
        "Tổng cộng",
        58,  # numbered tasks only (#23)
        12,
        4,
        30,
        8,
        4,
    ]


def test_all_good_exits_zero_with_a_manifest(tmp_path: Path) -> None:
    root = tmp_path / "tinh"
    unit(root, "an_hoa")
    unit(root, "binh_minh")
    manifest = root / "danh_sach.yaml"
    manifest.write_text(
        "danh_sach:\n  don_vi:\n    - thu_muc: an_hoa\n      van_ban: [Q1/2022]\n"
        "    - thu_muc: binh_minh\n      van_ban: [ke_hoach]\n"
        "  tong_hop:\n    ky: [Q1/2022]\n    kem_theo: (Kèm theo Báo cáo số      /BC-UBND của UBND huyện)\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    result = run_cli("batch", manifest, "--out", out)
    assert result.exit_code == 0, result.stderr
    assert sorted(p.name for p in out.iterdir()) == [
        "bao_cao_cchc_q1_2022_xa_an_hoa.docx", "ke_hoach_cchc_2022_xa_binh_minh.docx",
        "tong_hop_cchc_q1_2022.docx", "tong_hop_cchc_q1_2022.xlsx",
    ]  # fmt: skip
    texts = [p.text for p in docx.Document(str(out / "tong_hop_cchc_q1_2022.docx")).paragraphs]
    assert "(Kèm theo Báo cáo số      /BC-UBND của UBND huyện)" in texts


def test_bad_manifest_names_its_place(tmp_path: Path) -> None:
    manifest = tmp_path / "ds.yaml"
    manifest.write_text("danh_sach:\n  don_vi:\n    - thu_muc: khong_co\n", encoding="utf-8")
    result = run_cli("batch", manifest)
    assert result.exit_code == 1
    assert (
        result.stderr
        == f"Lỗi: {manifest}:3 (danh_sach.don_vi[1].thu_muc): không tìm thấy thư mục {tmp_path / 'khong_co'}\n"
    )


def test_same_names_do_not_overwrite(tmp_path: Path) -> None:
    root = tmp_path / "tinh"
    shutil.copytree(EXAMPLE, root / "a")
    shutil.copytree(EXAMPLE, root / "b")
    out = tmp_path / "out"
    first = run_cli("batch", root, "--out", out)
    again = run_cli("batch", root, "--out", out)
    assert first.exit_code == again.exit_code == 0
    assert first.output == again.output  # stable across runs
    assert sorted(p.name for p in out.iterdir() if p.name.startswith("ke_hoach")) == [
        "ke_hoach_cchc_2022_xa_loc_thuy.docx", "ke_hoach_cchc_2022_xa_loc_thuy_2.docx",
    ]  # fmt: skip


def profile(slug: str) -> Unit:
    return Unit(("ỦY BAN NHÂN DÂN", "XÃ X"), "", "UBND", "UBND xã", "X", "", Signer("", ("CHỦ TỊCH",), "A"),
                ("B",), "VT", slug)  # fmt: skip


@pytest.mark.parametrize(
    ("name", "expected"),
    [("../../x", "bao_cao_cchc_q1_2022_x.docx"), ("CON", "bao_cao_cchc_q1_2022_con.docx"),
     ("a\\b/c:d", "bao_cao_cchc_q1_2022_a_b_c_d.docx")],
    ids=["traversal", "windows-device", "separators"],
)  # fmt: skip
def test_hostile_unit_names(name: str, expected: str) -> None:
    from generator.domain.text import ascii_slug

    assert document_name(DocumentKind.REPORT, profile(ascii_slug(name)), 2022, "Q1") == expected


def test_very_long_unit_name_is_cut(tmp_path: Path) -> None:
    folder = unit(tmp_path, "dai")
    text = (folder / "don_vi.yaml").read_text(encoding="utf-8")
    (folder / "don_vi.yaml").write_text(text.replace("- XÃ DAI", "- XÃ " + "RẤT DÀI " * 40), encoding="utf-8")
    result = run_cli("plan", folder, "--out", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    (written,) = (tmp_path / "out").iterdir()
    assert written.name.isascii()
    assert len(written.name) <= 130
    assert "/" not in written.name
    assert ".." not in written.name
    assert Location("x").file == "x"


@pytest.mark.parametrize(
    ("lines", "name"),
    [(("ỦY BAN NHÂN DÂN", "XÃ LỘC THỦY"), "Xã Lộc Thủy"), (("UBND THỊ TRẤN PHÚ LỘC",), "Thị trấn Phú Lộc"),
     (("ỦY BAN NHÂN DÂN", "PHƯỜNG 1"), "Phường 1"), (("Ban Chỉ đạo",), "Ban Chỉ đạo")],
)  # fmt: skip
def test_unit_display_names(lines: tuple[str, ...], name: str) -> None:
    from dataclasses import replace

    from generator.render.consolidated_context import display_name

    assert display_name(replace(profile("x"), name_lines=lines)) == name


def test_each_yaml_file_is_parsed_once_in_a_batch(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Finding the jobs must not push the first units out of the parse memo before they run."""
    from collections import Counter

    from generator.inputs.formats import yaml_memo
    from generator.inputs.formats.yaml_file import load_yaml

    for index in range(12):  # more units than the memo keeps files for
        shutil.copytree(EXAMPLE, tmp_path / "cac_xa" / f"xa_{index:02d}", ignore=QUARTER_ONLY)
    parsed: Counter[str] = Counter()

    def counting(path: Path, problems: Any) -> Any:
        parsed[path.name] += 1
        return load_yaml(path, problems)

    monkeypatch.setattr(yaml_memo, "load_yaml", counting)
    result = run_cli("batch", tmp_path / "cac_xa", "-o", tmp_path / "out", "--jobs", "1")  # counted here
    assert result.exit_code == 0, result.output
    assert parsed == {"don_vi.yaml": 12, "ke_hoach.yaml": 12, "bao_cao_q1_2022.yaml": 12}
