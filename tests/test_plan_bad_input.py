"""Bad plan inputs: every defect reported at once, with its place, exit 1, nothing written."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from tests.conftest import run_cli


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def edit_task(folder: Path, row: int, column: str, value: str | None) -> None:
    path = folder / "nhiem_vu.xlsx"
    book = openpyxl.load_workbook(path)
    book["Nhiệm vụ"][f"{column}{row}"] = value
    book.save(path)


def plan(folder: Path, out: Path) -> tuple[int, list[str]]:
    result = run_cli("plan", folder, "--out", out)
    return result.exit_code, result.stderr.splitlines()


def test_missing_folder(tmp_path: Path) -> None:
    code, lines = plan(tmp_path / "khong_co", tmp_path / "out")
    assert code == 1
    assert lines == [f"Lỗi: {tmp_path / 'khong_co'}: không tìm thấy tệp hoặc thư mục"]
    assert not (tmp_path / "out").exists()


def test_missing_profile_part(example: Path, tmp_path: Path) -> None:
    (example / "don_vi.yaml").unlink()
    code, lines = plan(example, tmp_path / "out")
    assert code == 1
    assert lines == [f'Lỗi: {example}: không tìm thấy phần "don_vi:" trong các tệp YAML đầu vào']


def test_yaml_syntax_error_names_its_line(example: Path, tmp_path: Path) -> None:
    edit(example / "ke_hoach.yaml", "  trich_yeu: Cải cách", "  trich_yeu: [Cải cách")
    code, lines = plan(example, tmp_path / "out")
    assert code == 1
    assert lines == [f"Lỗi: {example / 'ke_hoach.yaml'}:9: YAML sai cú pháp: thiếu dấu ']' đóng danh sách"]


def test_tab_indentation_is_explained(example: Path, tmp_path: Path) -> None:
    edit(example / "don_vi.yaml", "  viet_tat: UBND", "\tviet_tat: UBND")
    code, lines = plan(example, tmp_path / "out")
    assert code == 1
    assert lines[0].endswith("YAML sai cú pháp: có ký tự Tab; YAML chỉ dùng dấu cách để thụt lề")
    assert lines[0].startswith(f"Lỗi: {example / 'don_vi.yaml'}:")


def test_every_defect_in_one_run(example: Path, tmp_path: Path) -> None:
    edit(example / "don_vi.yaml", "quyen_han: TM ", "quyen_han: XX ")
    edit(example / "ke_hoach.yaml", "ngay_ban_hanh: 07/01/2022", "ngay_ban_hanh: 31/02/2022")
    edit(example / "ke_hoach.yaml", "  nam: 2022", "  nam: [2022]")
    edit(example / "ke_hoach.yaml", "  trich_yeu: Cải cách hành chính xã Lộc Thủy năm 2022", "  trich_yeu:")
    out = tmp_path / "out"
    code, lines = plan(example, out)
    profile, plan_file = example / "don_vi.yaml", example / "ke_hoach.yaml"
    assert code == 1
    assert lines == [
        f'Lỗi: {profile}:15 (don_vi.nguoi_ky.quyen_han): quyền hạn ký "XX" không hợp lệ '
        "(cần một trong: TM, KT, TL, TUQ, Q)",
        f'Lỗi: {plan_file}:6 (ke_hoach.nam): cần một số nguyên, không phải "[2022]"',
        f'Lỗi: {plan_file}:8 (ke_hoach.ngay_ban_hanh): ngày không hợp lệ "31/02/2022": tháng 2 năm 2022 không có ngày 31 (chỉ có 28 ngày)',
        f"Lỗi: {plan_file}:9 (ke_hoach.trich_yeu): thiếu giá trị bắt buộc",
    ]
    assert not out.exists()


def test_signer_authority_needs_the_heads_title(example: Path, tmp_path: Path) -> None:
    edit(example / "don_vi.yaml", "quyen_han: TM ", "quyen_han: KT ")
    code, lines = plan(example, tmp_path / "out")
    assert code == 1
    assert lines == [
        f"Lỗi: {example / 'don_vi.yaml'}:18 (don_vi.nguoi_ky.chuc_vu_cap_truong): "
        "cần chức vụ người đứng đầu khi ký KT."
    ]


def test_duplicate_task(example: Path, tmp_path: Path) -> None:
    edit_task(example, 8, "C", "Xây dựng Kế hoạch kiểm soát TTHC")  # the same text as C7
    code, lines = plan(example, tmp_path / "out")
    assert code == 1
    assert lines == [f'Lỗi: {example / "nhiem_vu.xlsx"}, trang "Nhiệm vụ", ô C8: nhiệm vụ trùng lặp với ô C7']


def test_unknown_group_and_missing_task_text(example: Path, tmp_path: Path) -> None:
    edit_task(example, 3, "A", "VIII")
    edit_task(example, 4, "C", None)
    code, lines = plan(example, tmp_path / "out")
    book = example / "nhiem_vu.xlsx"
    assert code == 1
    assert lines == [
        f'Lỗi: {book}, trang "Nhiệm vụ", ô A3: nhóm "VIII" không hợp lệ (cột "Nhóm"; cần một trong: I, II, III, IV, V, VI, VII)',
        f'Lỗi: {book}, trang "Nhiệm vụ", ô C4: thiếu giá trị bắt buộc (cột "Nhiệm vụ cụ thể")',
    ]


def test_existing_output_is_kept_intact(example: Path, tmp_path: Path) -> None:
    out = tmp_path / "ke_hoach.docx"
    out.write_bytes(b"old")
    edit(example / "ke_hoach.yaml", "ngay_ban_hanh: 07/01/2022", "ngay_ban_hanh: 2022-13-01")
    code, lines = plan(example, out)
    assert code == 1
    assert lines == [
        f'Lỗi: {example / "ke_hoach.yaml"}:8 (ke_hoach.ngay_ban_hanh): ngày không hợp lệ "2022-13-01": không có tháng 13'
    ]
    assert out.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".cchc")] == []


def test_misspelt_heading_key(example: Path, tmp_path: Path) -> None:
    edit(example / "ke_hoach.yaml", "        - tieu_de: Mục tiêu", "        - tieu_đe: Mục tiêu")
    code, lines = plan(example, tmp_path / "out")
    assert code == 1
    assert lines == [
        f"Lỗi: {example / 'ke_hoach.yaml'}:15 (ke_hoach.noi_dung[1].noi_dung[1]): "
        "cần một đoạn văn, hoặc khóa doan (kèm chi_tieu), hoặc một đề mục tieu_de"
    ]
