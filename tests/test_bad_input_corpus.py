"""The bad-input corpus: each case built here, never a broken or silently wrong document.

Each case states the exact message, its place and the exit code, and checks that nothing
was written (or that an earlier file was kept). Hostile text that is legitimate data must
come out literally. More cases live beside the features they test: tests/test_plan_bad_input.py
(YAML and task sheet), tests/test_report_bad_input.py (progress workbook), and
tests/test_excel_input.py (workbook quirks).
"""

from __future__ import annotations

import os
import unicodedata
from collections.abc import Callable
from pathlib import Path

import docx
import openpyxl
import pytest

from tests.conftest import run_cli, unexpected_warnings

Setup = Callable[[Path], None]


def replace_in(name: str, old: str, new: str) -> Setup:
    def setup(folder: Path) -> None:
        path = folder / name
        text = path.read_text(encoding="utf-8")
        assert old in text, old
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    return setup


def write_file(name: str, data: bytes) -> Setup:
    def setup(folder: Path) -> None:
        (folder / name).write_bytes(data)

    return setup


def set_cell(name: str, sheet: str, cell: str, value: object) -> Setup:
    def setup(folder: Path) -> None:
        book = openpyxl.load_workbook(folder / name)
        book[sheet][cell] = value  # type: ignore[assignment]
        book.save(folder / name)

    return setup


def rename_sheet(name: str, old: str, new: str) -> Setup:
    def setup(folder: Path) -> None:
        book = openpyxl.load_workbook(folder / name)
        book[old].title = new
        book.save(folder / name)

    return setup


PLAN, PROFILE, TASKS, WORDS, PROGRESS = (
    "ke_hoach.yaml",
    "don_vi.yaml",
    "nhiem_vu.xlsx",
    "bao_cao_q1_2022.yaml",
    "tien_do_q1_2022.xlsx",
)
TITLE = "  trich_yeu: Cải cách hành chính xã Lộc Thủy năm 2022"
REJECTED = [
    # (id, command, setup, place (relative file and where), message)
    ("empty-yaml", "plan", write_file(PLAN, b""), PLAN, "tệp rỗng"),
    ("not-utf8", "plan", write_file(PLAN, "ke_hoach: cái".encode("cp1258")), PLAN,
     "tệp không phải văn bản UTF-8 (byte thứ 12)"),
    ("duplicate-key", "plan", replace_in(PLAN, "  nam: 2022\n", "  nam: 2022\n  nam: 2023\n"), f"{PLAN}:7 (ke_hoach.nam)",
     'khóa "nam" bị lặp lại'),
    ("wrong-sheet-name", "plan", rename_sheet(TASKS, "Nhiệm vụ", "Sheet1"), TASKS,
     'không tìm thấy trang "Nhiệm vụ" trong các tệp Excel đầu vào'),
    ("csv-as-xlsx", "plan", write_file(TASKS, "Nhóm,Nhiệm vụ cụ thể\nI,Việc\n".encode()), TASKS,
     "không phải tệp Excel .xlsx hợp lệ (có thể là tệp CSV hoặc tệp hỏng); hãy mở bằng Excel và lưu lại dạng .xlsx"),
    ("corrupt-zip", "plan", write_file(TASKS, b"PK\x03\x04\x14\x00broken"), TASKS,
     "không phải tệp Excel .xlsx hợp lệ (có thể là tệp CSV hoặc tệp hỏng); hãy mở bằng Excel và lưu lại dạng .xlsx"),
    ("mixed-legacy-text", "plan", replace_in(PLAN, TITLE, "  trich_yeu: Kế hoạch c¶i c¸ch hµnh chÝnh"),
     f"{PLAN}:9 (ke_hoach.trich_yeu)",
     "văn bản có vẻ gõ bằng bảng mã TCVN3 (không phải Unicode) và không chuyển đổi được chắc chắn; "
     "hãy chuyển sang Unicode bằng Unikey (Công cụ chuyển mã: nguồn TCVN3, đích Unicode) rồi nhập lại"),
    ("impossible-date", "plan", replace_in(PLAN, "ngay_ban_hanh: 07/01/2022", "ngay_ban_hanh: 31/02/2022"),
     f"{PLAN}:8 (ke_hoach.ngay_ban_hanh)", 'ngày không hợp lệ "31/02/2022": tháng 2 năm 2022 không có ngày 31 (chỉ có 28 ngày)'),
    ("iso-month-13", "plan", replace_in(PLAN, "ngay_ban_hanh: 07/01/2022", "ngay_ban_hanh: 2022-13-01"),
     f"{PLAN}:8 (ke_hoach.ngay_ban_hanh)", 'ngày không hợp lệ "2022-13-01": không có tháng 13'),
    ("negative-count", "report", set_cell(PROGRESS, "TTHC", "C3", -2), f'{PROGRESS}, trang "TTHC", ô C3',
     'số lượng không được âm (-2) (cột "Trực tiếp, bưu chính")'),
    ("fractional-count", "report", set_cell(PROGRESS, "TTHC", "E4", "6,5"), f'{PROGRESS}, trang "TTHC", ô E4',
     'cần một số nguyên, không phải "6,5" (cột "Trước hạn")'),
    ("resolved-over-received", "report", set_cell(PROGRESS, "TTHC", "F3", 500), f'{PROGRESS}, trang "TTHC", ô H3',
     "tổng số hồ sơ nhận giải quyết (205) phải bằng đã giải quyết (570) + đang giải quyết (0) = 570"),
    ("percent-over-100", "report", set_cell(PROGRESS, "Số liệu", "E17", "101%"), f'{PROGRESS}, trang "Số liệu", ô E17',
     'tỷ lệ phải từ 0% đến 100% (101%) (cột "Tỷ lệ (%)")'),
    ("impossible-deadline", "report", set_cell(TASKS, "Nhiệm vụ", "G9", "Trước ngày 31/04/2022"),
     f'{TASKS}, trang "Nhiệm vụ", ô G9', 'thời hạn "Trước ngày 31/04/2022": tháng 4 năm 2022 không có ngày 31'),
    ("unknown-authority", "plan", replace_in(PROFILE, "quyen_han: TM ", "quyen_han: ABC "),
     f"{PROFILE}:15 (don_vi.nguoi_ky.quyen_han)", 'quyền hạn ký "ABC" không hợp lệ (cần một trong: TM, KT, TL, TUQ, Q)'),
    ("unknown-metric", "plan", replace_in(PLAN, "chi_so: ty_le_iso", "chi_so: ty_le_khong_co"),
     f"{PLAN}:233 (ke_hoach.noi_dung[2].noi_dung[6].noi_dung[1].noi_dung[5].chi_tieu[1].chi_so)",
     'chỉ số "ty_le_khong_co" không hợp lệ (cần một trong: ty_le_dung_han, '),
]  # fmt: skip


@pytest.mark.parametrize(
    ("command", "setup", "place", "message"), [c[1:] for c in REJECTED], ids=[c[0] for c in REJECTED]
)
def test_rejected_with_place_and_nothing_written(
    example: Path, tmp_path: Path, command: str, setup: Setup, place: str, message: str
) -> None:
    setup(example)
    out = tmp_path / "out"
    out.mkdir()
    kept = out / (
        "ke_hoach_cchc_2022_xa_loc_thuy.docx"
        if command == "plan"
        else "bao_cao_cchc_q1_2022_xa_loc_thuy.docx"
    )
    kept.write_bytes(b"ban cu")
    args = ["plan"] if command == "plan" else ["report", "--period", "Q1", "--year", "2022"]
    result = run_cli(*args, example, "--out", out)
    assert result.exit_code == 1
    expected = f"Lỗi: {example / place}: {message}"
    assert any(line.startswith(expected) for line in result.stderr.splitlines()), result.stderr
    assert kept.read_bytes() == b"ban cu"
    assert sorted(p.name for p in out.iterdir()) == [kept.name]


HOSTILE = "A & B < C > D \"E\" 'F' {{ 7*7 }} {% if 1 %}x{% endif %} {# c #} ]]> <w:p/>"
LITERAL_FIELDS = [
    ("plan-title", "plan", replace_in(PLAN, TITLE, f"  trich_yeu: {_quoted}" if (_quoted := '"' + HOSTILE.replace('"', '\\"') + '"') else "")),
    ("plan-paragraph", "plan", replace_in(PLAN, "    Trên đây là Kế hoạch", f"    {HOSTILE} Trên đây là Kế hoạch")),
    ("profile-name", "plan", replace_in(PROFILE, "    - XÃ LỘC THỦY", f"    - {_quoted}")),
    ("profile-recipient", "plan", replace_in(PROFILE, "    - Phòng Nội vụ", f"    - {_quoted}")),
    ("signer-name", "plan", replace_in(PROFILE, "ho_ten: Nguyễn Văn Hoàng", f"ho_ten: {_quoted}")),
    ("task-cell", "plan", set_cell(TASKS, "Nhiệm vụ", "C2", HOSTILE)),
    ("product-cell", "plan", set_cell(TASKS, "Nhiệm vụ", "D2", HOSTILE)),
    ("report-narrative", "report", replace_in(WORDS, "    Công tác cải cách hành chính được quan tâm",
                                              f"    {HOSTILE} Công tác cải cách hành chính được quan tâm")),
    ("progress-result", "report", set_cell(PROGRESS, "Tiến độ", "E5", HOSTILE)),
    ("tthc-field-name", "report", set_cell(PROGRESS, "TTHC", "A2", HOSTILE)),
]  # fmt: skip


def all_text(path: Path) -> str:
    document = docx.Document(str(path))
    texts = [p.text for p in document.paragraphs]
    texts += [c.text for t in document.tables for row in t.rows for c in row.cells]
    return "\n".join(texts)


@pytest.mark.parametrize(
    ("command", "setup"), [c[1:] for c in LITERAL_FIELDS], ids=[c[0] for c in LITERAL_FIELDS]
)
def test_hostile_text_renders_literally(example: Path, tmp_path: Path, command: str, setup: Setup) -> None:
    setup(example)
    args = ["plan"] if command == "plan" else ["report", "--period", "Q1", "--year", "2022"]
    result = run_cli(*args, example, "--out", tmp_path, literal_tags=True)
    assert result.exit_code == 0, result.stderr
    (written,) = tmp_path.glob("*.docx")
    text = all_text(written)
    assert HOSTILE in text or HOSTILE.upper() in text
    assert "49" not in text.replace("2049", "")


@pytest.mark.parametrize(
    ("case", "raw", "shown", "notice"),
    [
        ("tcvn3", "Kh¶o s¸t møc ®é hµi lßng", "Khảo sát mức độ hài lòng", "đã chuyển văn bản từ bảng mã TCVN3 sang Unicode"),
        ("vni", "Khaûo saùt möùc ñoä haøi loøng", "Khảo sát mức độ hài lòng", "đã chuyển văn bản từ bảng mã VNI sang Unicode"),
        ("nfd", unicodedata.normalize("NFD", "Khảo sát mức độ hài lòng"), "Khảo sát mức độ hài lòng", None),
        ("vertical-tab", "Khảo sát_x000B_mức độ hài lòng", "Khảo sát\nmức độ hài lòng", None),
        ("form-feed", "Khảo sát_x000C_ mức độ hài lòng", "Khảo sát mức độ hài lòng",
         "đã bỏ ký tự điều khiển không in được (ngắt trang)"),
        ("zero-width-space", "Khảo sát\u200b mức độ hài lòng", "Khảo sát mức độ hài lòng",
         "đã bỏ ký tự điều khiển không in được (khoảng trắng không độ rộng)"),
    ],
)  # fmt: skip
def test_text_is_cleaned_with_a_notice(
    example: Path, tmp_path: Path, case: str, raw: str, shown: str, notice: str | None
) -> None:
    set_cell(TASKS, "Nhiệm vụ", "C15", raw)(example)
    result = run_cli("plan", example, "--out", tmp_path)
    assert result.exit_code == 0, result.stderr
    notices = [line for line in unexpected_warnings(result.stderr) if line.startswith("Cảnh báo:")]
    expected = [f'Cảnh báo: {example / TASKS}, trang "Nhiệm vụ", ô C15: {notice}'] if notice else []
    assert notices == expected
    (written,) = tmp_path.glob("*.docx")
    text = all_text(written)
    assert shown in text
    assert unicodedata.is_normalized("NFC", text)


def test_a_20000_character_paragraph(example: Path, tmp_path: Path) -> None:
    long = "Rất dài " * 2500  # 20,000 characters
    replace_in(PLAN, "    Trên đây là Kế hoạch", f"    {long.strip()} Trên đây là Kế hoạch")(example)
    result = run_cli("plan", example, "--out", tmp_path)
    assert result.exit_code == 0, result.stderr
    (written,) = tmp_path.glob("*.docx")
    paragraphs = [p.text for p in docx.Document(str(written)).paragraphs]
    assert any(p.startswith(long.strip()) and len(p) > 20_000 for p in paragraphs)


def user_template(folder: Path, *paragraphs: str) -> Path:
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    path = folder / "mau_rieng.docx"
    document.save(str(path))
    return path


@pytest.mark.parametrize(
    ("paragraphs", "message"),
    [
        (("Mở đầu", "Năm {{ nam ", "Kết thúc"), 'Lỗi: mau_rieng.docx: lỗi cú pháp mẫu ở đoạn "Năm {{ nam Kết thúc": '),
        (("{% for x in noi_nhan %}{{ x }}",), "Lỗi: mau_rieng.docx: lỗi cú pháp mẫu ở đoạn"),
        (("{{ so_dien_thoai }}",), "Lỗi: mau_rieng.docx: mẫu dùng biến chưa có dữ liệu: so_dien_thoai"),
        (("{{ co_quan.so_fax }}",), "Lỗi: mau_rieng.docx: mẫu dùng biến chưa có dữ liệu: so_fax"),
        (("{{ ''.__class__.__mro__ }}",), "Lỗi: mau_rieng.docx: mẫu truy cập thuộc tính không được phép"),
        (("{{ co_quan.__class__.__init__.__globals__ }}",), "Lỗi: mau_rieng.docx: mẫu truy cập thuộc tính không được phép"),
    ],
    ids=["syntax-error", "unclosed-block", "undefined-variable", "undefined-attribute", "python-internals", "globals"],
)  # fmt: skip
def test_bad_user_template(example: Path, tmp_path: Path, paragraphs: tuple[str, ...], message: str) -> None:
    template = user_template(tmp_path, *paragraphs)
    out = tmp_path / "out"
    result = run_cli("plan", example, "--template", template, "--out", out)
    assert result.exit_code == 1
    assert result.stderr.startswith(message), result.stderr
    assert not out.exists()


def test_output_folder_is_a_file(example: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "outputs"
    blocker.write_bytes(b"not a folder")
    result = run_cli("plan", example, "--out", blocker / "sub")
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Lỗi: {blocker / 'sub'}: không tạo được thư mục đầu ra")
    assert blocker.read_bytes() == b"not a folder"


def test_output_path_is_a_folder(example: Path, tmp_path: Path) -> None:
    folder = tmp_path / "ke_hoach.docx"
    folder.mkdir()
    result = run_cli("plan", example, "--out", folder / "x.docx")
    assert result.exit_code == 0  # a folder named *.docx is a folder: the file goes inside
    result = run_cli("plan", example, "--out", folder / "x.docx")
    assert result.exit_code == 0
    (folder / "y.docx").mkdir()
    result = run_cli("plan", example, "--out", folder / "y.docx" / "z.docx")
    assert result.exit_code == 0
    clash = tmp_path / "clash"
    clash.mkdir()
    (clash / "ke_hoach_cchc_2022_xa_loc_thuy.docx").mkdir()
    result = run_cli("plan", example, "--out", clash)
    assert result.exit_code == 1
    assert (
        result.stderr
        == f"Lỗi: {clash / 'ke_hoach_cchc_2022_xa_loc_thuy.docx'}: đường dẫn đầu ra là một thư mục, không phải tệp\n"
    )


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root can write anywhere")
def test_output_folder_not_writable(example: Path, tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        result = run_cli("plan", example, "--out", locked)
    finally:
        locked.chmod(0o700)
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Lỗi: {locked}: không ghi được vào thư mục đầu ra")
    assert list(locked.iterdir()) == []
