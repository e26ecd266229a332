"""``cchc check``: cchc's own documents pass; hand-made ones fail for the right reasons."""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path
from typing import Any

import docx
import pytest
from openpyxl import Workbook

from generator.check.checker import RULES, check_files
from generator.check.findings import Finding, Severity
from generator.ooxml.view import read_view
from tests import processes
from tests.conftest import EXAMPLE, run_cli
from tests.handmade import LEFT, Handmade
from tests.libreoffice import require_libreoffice

FIRST_BODY = 'đoạn 3 ("Thực hiện Kế hoạch số 6118/KH-UBND…")'
MOTTO = 'bảng 1, hàng 1 ("Độc lập - Tự do -…")'
DATE = 'bảng 1, hàng 2 ("Lộc Thủy, ngày {}…")'


@pytest.fixture(scope="module")
def report_docx(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("report")
    result = run_cli("report", "--period", "Q1", "--year", "2022", EXAMPLE, "--out", out)
    assert result.exit_code == 0, result.output
    (path,) = out.glob("*.docx")
    return path


# The reviewer's warnings (#23) have tests of their own (test_check_review.py); the hand-made
# documents here reproduce the seed as typed ("PHỤ LỤC", "Lưu: VP.", a plain section break).
REVIEW_RULES = {"phu_luc_chu", "kem_theo", "luu_vt", "ngay_truoc_ky", "trang_trang", "bieu_06"}


def findings_of(path: Path) -> list[Finding]:
    (report,) = check_files([path]).reports
    assert report.problem is None
    return [f for f in report.findings if f.rule not in REVIEW_RULES]


@pytest.mark.parametrize("document", ["plan_docx", "report_docx"], ids=["plan", "report"])
def test_every_generated_document_passes(document: str, request: pytest.FixtureRequest) -> None:
    path: Path = request.getfixturevalue(document)
    assert findings_of(path) == []
    result = run_cli("check", path)
    assert result.exit_code == 0
    assert result.output == f"{path}: đúng thể thức, không có lỗi\n"


def test_report_to_a_higher_body_signed_by_a_deputy_passes(example: Path, tmp_path: Path) -> None:
    text = (example / "bao_cao_q1_2022.yaml").read_text(encoding="utf-8")
    text = text.replace(
        "  # kinh_gui: UBND huyện Phú Lộc", "  kinh_gui: [UBND huyện Phú Lộc, Phòng Nội vụ]  #"
    )
    (example / "bao_cao_q1_2022.yaml").write_text(text.replace('  so: ""', "  so: 5"), encoding="utf-8")
    profile = (example / "don_vi.yaml").read_text(encoding="utf-8")
    profile = profile.replace("chuc_vu: Chủ tịch", "chuc_vu: Phó Chủ tịch")
    (example / "don_vi.yaml").write_text(
        profile.replace('chuc_vu_cap_truong: ""', "chuc_vu_cap_truong: Chủ tịch"), encoding="utf-8"
    )
    assert run_cli("report", "--period", "Q1", "--year", "2022", example, "--out", tmp_path).exit_code == 0
    (path,) = tmp_path.glob("*.docx")
    (closing,) = [t for t in docx.Document(str(path)).tables if t.cell(0, 0).text.startswith("Nơi nhận:")]
    lines = [p.text for p in closing.cell(0, 1).paragraphs if p.text]
    assert lines == ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Văn Hoàng"]
    assert findings_of(path) == []


@pytest.mark.parametrize(
    "changes",
    [
        {},
        {"motto_line": "vml"},
        {"motto_line": "border"},
        {"motto_line": "underline"},
        {"tabs": True, "motto_line": "underline"},
        {"text_boxes": True, "motto_line": "underline"},
        {"appendix": "ok"},
    ],
    ids=[
        "drawn-line",
        "old-vml-line",
        "paragraph-border",
        "underline",
        "typed-with-tabs",
        "text-boxes",
        "appendix",
    ],
)
def test_correct_hand_made_documents_pass(changes: dict[str, Any], tmp_path: Path) -> None:
    path = Handmade(**changes).save(tmp_path / "ke_hoach.docx")
    assert findings_of(path) == []
    assert run_cli("check", path).exit_code == 0


NFD = unicodedata.normalize("NFD", "Tiếng Việt gõ bằng Unicode tổ hợp")
CASES: list[tuple[str, dict[str, Any], list[tuple[str, str, str]]]] = [
    ("margins-20-20-20-20", {"margins_mm": (20, 20, 20, 20)}, [("le_trang", "phần 1", "lề trái 20 mm, cần 30–35 mm")]),
    ("day-not-padded", {"date": "Lộc Thủy, ngày 7 tháng 01 năm 2022"}, [
        ("ngay_thang", DATE.format("7 tháng 01"), 'ngày "7" cần viết "07" (ngày nhỏ hơn 10 có số 0 phía trước)'),
    ]),
    ("march-padded", {"date": "Lộc Thủy, ngày 07 tháng 03 năm 2022"}, [
        ("ngay_thang", DATE.format("07 tháng 03"), 'tháng "03" cần viết "3" (chỉ tháng 1, 2 có số 0 phía trước)'),
    ]),
    ("motto-without-line", {"motto_line": "none"}, [
        ("duong_ke_tieu_ngu", MOTTO, "Tiêu ngữ thiếu đường kẻ ngang bên dưới (dài bằng dòng chữ)"),
    ]),
    ("motto-line-too-short", {"motto_line_mm": 30}, [
        ("duong_ke_tieu_ngu", MOTTO, "đường kẻ dưới Tiêu ngữ dài 30 mm, cần dài bằng dòng chữ (khoảng 56,1 mm)"),
    ]),
    ("motto-en-dashes", {"motto": "Độc lập – Tự do – Hạnh phúc"}, [
        ("tieu_ngu", 'bảng 1, hàng 1 ("Độc lập – Tự do –…")',
         'Tiêu ngữ cần viết đúng "Độc lập - Tự do - Hạnh phúc" (gạch nối có dấu cách hai bên, viết hoa chữ đầu mỗi cụm)'),
    ]),
    ("national-title-not-bold", {"national_bold": False}, [
        ("quoc_hieu", 'bảng 1, hàng 1 ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA…")', "Quốc hiệu chưa in đậm"),
    ]),
    ("agency-not-caps", {"agency": ("Ủy ban nhân dân", "XÃ LỘC THỦY")}, [
        ("co_quan", 'bảng 1, hàng 1 ("Ủy ban nhân dân")', "tên cơ quan viết in hoa"),
    ]),
    ("number-not-padded", {"number": "Số: 5/KH-UBND"}, [
        ("so_ky_hieu", 'bảng 1, hàng 2 ("Số: 5/KH-UBND")', 'số "5" cần viết "05" (số nhỏ hơn 10 có số 0 phía trước)'),
    ]),
    ("title-not-caps", {"title": "Kế hoạch"}, [
        ("ten_loai", 'đoạn 1 ("Kế hoạch")', 'tên loại văn bản viết in hoa ("KẾ HOẠCH")'),
    ]),
    ("body-12pt-left-no-indent", {"body_size": 12, "body_alignment": LEFT, "body_indent_cm": 0}, [
        ("noi_dung_co_chu", FIRST_BODY, "cỡ chữ 12 pt, cần 13–14 pt"),
        ("noi_dung_can_le", FIRST_BODY, "căn trái, cần căn đều hai bên"),
        ("noi_dung_lui_dau_dong", FIRST_BODY, "lùi đầu dòng 0 cm, cần 1–1,27 cm"),
    ]),
    ("signer-t-slash-m-and-doctor", {"signer": ("T/M ỦY BAN NHÂN DÂN", "CHỦ TỊCH"), "name": "TS. Nguyễn Văn Hoàng"}, [
        ("quyen_han", 'bảng 2, hàng 1 ("T/M ỦY BAN NHÂN DÂN")', 'viết "TM." (in hoa, có dấu chấm), không viết "T/M"'),
        ("ho_ten_nguoi_ky", 'bảng 2, hàng 1 ("TS. Nguyễn Văn Hoàng")',
         'không ghi học hàm, học vị trước họ tên người ký ("TS.")'),
    ]),
    ("recipient-without-semicolon", {"recipients": ("- UBND huyện", "- Phòng Nội vụ;", "- Lưu: VT, VP.")}, [
        ("noi_nhan", 'bảng 2, hàng 1 ("- UBND huyện")', 'dòng nơi nhận kết thúc bằng dấu chấm phẩy ";"'),
    ]),
    ("luu-without-colon-and-period", {"recipients": ("- UBND huyện;", "- Phòng Nội vụ;", "- Lưu VP")}, [
        ("noi_nhan", 'bảng 2, hàng 1 ("- Lưu VP")',
         'dòng cuối "- Lưu VP" cần dạng "- Lưu: VT, …." (có dấu hai chấm, kết thúc bằng dấu chấm)'),
    ]),
    ("page-number-on-page-1", {"page_number": "page_1"}, [
        ("so_trang", "phần 1", 'số trang hiện ở trang 1; ND 30 không đánh số trang đầu (chọn "Trang đầu khác")'),
    ]),
    ("no-page-number", {"page_number": "none"}, [
        ("so_trang", "phần 1", "không có số trang ở đầu trang (ND 30: số trang ở giữa lề trên, từ trang 2)"),
    ]),
    ("leftover-template-tag", {"extra": ["Kế hoạch của {{ x }}"]}, [
        ("the_mau", 'đoạn 4 ("Kế hoạch của {{ x }}")', 'còn thẻ mẫu chưa thay "{{ x }}"'),
    ]),
    ("decomposed-unicode", {"extra": [NFD]}, [
        ("unicode_nfc", 'đoạn 4 ("Tiếng Việt gõ bằng Unicode tổ…")',
         "chữ Unicode tổ hợp (chưa dựng sẵn), cần chuẩn hóa về Unicode dựng sẵn (NFC)"),
    ]),
    ("tcvn3-text", {"extra": ["Uû ban nh©n d©n x· Léc Thñy"]}, [
        ("ma_cu", 'đoạn 4 ("Uû ban nh©n d©n x· Léc…")', "chữ gõ bằng bảng mã cũ TCVN3 (ABC), cần chuyển sang Unicode"),
    ]),
    ("tabs-day-not-padded", {"tabs": True, "motto_line": "underline", "date": "Lộc Thủy, ngày 7 tháng 3 năm 2022"}, [
        ("ngay_thang", 'đoạn 3 ("Lộc Thủy, ngày 7 tháng 3…")', 'ngày "7" cần viết "07" (ngày nhỏ hơn 10 có số 0 phía trước)'),
    ]),
    ("tabs-luu-without-colon", {"tabs": True, "motto_line": "underline", "recipients": ("- UBND huyện;", "- Lưu VP")}, [
        ("noi_nhan", 'đoạn 15 ("- Lưu VP")',
         'dòng cuối "- Lưu VP" cần dạng "- Lưu: VT, …." (có dấu hai chấm, kết thúc bằng dấu chấm)'),
    ]),
    ("text-box-motto-without-line", {"text_boxes": True, "motto_line": "none"}, [
        ("duong_ke_tieu_ngu", 'khung chữ 2 ("Độc lập - Tự do -…")', "Tiêu ngữ thiếu đường kẻ ngang bên dưới (dài bằng dòng chữ)"),
    ]),
    ("appendix-heading-plain", {"appendix": "plain"}, [
        ("phu_luc", 'đoạn 12 ("PHỤ LỤC")', "tiêu đề phụ lục chưa in đậm"),
        ("phu_luc", 'đoạn 12 ("PHỤ LỤC")', "tiêu đề phụ lục căn trái, cần căn giữa"),
    ]),
    ("appendix-header-row-not-repeated", {"appendix": "no_repeat"}, [
        ("phu_luc", 'bảng 3, hàng 1 ("STT")',
         "hàng tiêu đề của bảng phụ lục chưa lặp lại ở đầu mỗi trang (Lặp lại hàng tiêu đề)"),
    ]),
    ("appendix-section-margin", {"appendix": "ok", "appendix_left_mm": 25}, [
        ("le_trang", "phần 2", "lề trái 25 mm, cần 30–35 mm"),
    ]),
]  # fmt: skip


@pytest.mark.parametrize(("changes", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_hand_made_mistake_is_found(
    changes: dict[str, Any], expected: list[tuple[str, str, str]], tmp_path: Path
) -> None:
    path = Handmade(**changes).save(tmp_path / "ke_hoach.docx")
    findings = findings_of(path)
    assert [(f.rule, str(f.place), f.message) for f in findings] == expected
    assert {f.severity for f in findings} == {Severity.ERROR}
    result = run_cli("check", path)
    assert result.exit_code == 1
    _, place, message = expected[0]
    assert f"{path}: {place}: [lỗi] {message}" in result.output
    assert re.search(rf"{re.escape(str(path))}: {len(expected)} lỗi, \d+ cảnh báo\n$", result.output)


def test_a_font_used_everywhere_is_one_line_counting_the_others(tmp_path: Path) -> None:
    path = Handmade(font="Arial").save(tmp_path / "ke_hoach.docx")
    view = read_view(docx.Document(str(path)))
    typed = [i for i in view.items + view.page_items if i.text.strip()]
    findings = findings_of(path)
    assert [(f.rule, str(f.place), f.message, f.more) for f in findings] == [
        (
            "phong_chu",
            'bảng 1, hàng 1 ("ỦY BAN NHÂN DÂN")',
            "phông chữ Arial, cần Times New Roman",
            len(typed) - 1,
        )
    ]
    assert f"(và {len(typed) - 1} chỗ khác) (phong_chu)" in run_cli("check", path).output


def test_warnings_alone_exit_zero(tmp_path: Path) -> None:
    path = Handmade(recipients=()).save(tmp_path / "ke_hoach.docx")
    result = run_cli("check", path)
    assert result.exit_code == 0
    assert result.output == (
        f'{path}: bảng 2, hàng 1 ("Nơi nhận:"): [cảnh báo] không tìm thấy danh sách nơi nhận (noi_nhan)\n'
        f"{path}: 0 lỗi, 1 cảnh báo\n"
    )


def test_json_output(tmp_path: Path) -> None:
    path = Handmade(date="Lộc Thủy, ngày 7 tháng 01 năm 2022").save(tmp_path / "ke_hoach.docx")
    result = run_cli("check", "--json", path)
    assert result.exit_code == 1
    (report,) = json.loads(result.output)
    assert (report["tep"], report["loi_mo_tep"], report["so_loi"], report["so_canh_bao"]) == (
        str(path),
        None,
        1,
        0,
    )
    (finding,) = report["ket_qua"]
    assert finding["quy_tac"] == "ngay_thang"
    assert finding["muc_do"] == "lỗi"
    assert finding["cho"] == {"bang": 1, "hang": 2, "chu": "Lộc Thủy, ngày 7 tháng 01…"}


def _not_word(tmp_path: Path, name: str) -> Path:
    path = tmp_path / name
    if name == "bang_tinh.docx":
        Workbook().save(str(path))  # a real zip package, but a workbook
    else:
        path.write_bytes(b"not a word file")
    return path


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("ke_hoach.pdf", "không phải tệp Word .docx (đuôi .pdf)"),
        (
            "ke_hoach.doc",
            "tệp Word 97–2003 (.doc) không kiểm tra được; hãy mở bằng Word và lưu lại dạng .docx",
        ),
        ("hong.docx", "tệp hỏng hoặc không phải tệp Word .docx"),
        ("bang_tinh.docx", "không mở được: tệp hỏng hoặc không phải văn bản Word .docx"),
    ],
    ids=["pdf", "old-doc", "not-a-zip", "workbook-renamed"],
)
def test_unreadable_file_is_an_error(name: str, reason: str, tmp_path: Path) -> None:
    path = _not_word(tmp_path, name)
    result = run_cli("check", path)
    assert result.exit_code == 1
    assert result.stderr == f"Lỗi: {path}: {reason}\n"
    assert result.stdout == ""


def test_other_files_are_still_checked(plan_docx: Path, tmp_path: Path) -> None:
    missing = tmp_path / "khong_co.docx"
    result = run_cli("check", missing, plan_docx)
    assert result.exit_code == 1
    assert result.stderr == f"Lỗi: {missing}: không tìm thấy tệp\n"
    assert result.stdout == f"{plan_docx}: đúng thể thức, không có lỗi\n"


def test_check_needs_a_file() -> None:
    result = run_cli("check")
    assert result.exit_code == 2
    assert "Lỗi: Thiếu đối số 'TỆP.docx...'." in result.stderr


def test_every_rule_id_reported_is_listed() -> None:
    ids = {rule for _, _, expected in CASES for rule, _, _ in expected}
    assert ids <= set(RULES)
    assert all(unicodedata.is_normalized("NFC", text) for text in RULES.values())


@pytest.mark.libreoffice
def test_plan_saved_again_by_libreoffice_still_passes(plan_docx: Path, tmp_path: Path) -> None:
    soffice = require_libreoffice()
    profile = f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}"
    source = plan_docx
    for target, folder in (("odt", "odt"), ("docx:MS Word 2007 XML", "docx")):
        command = [soffice, profile, "--headless", "--convert-to", target, "--outdir", str(tmp_path / folder)]
        processes.run([*command, str(source)], timeout=180).check_returncode()
        (source,) = (tmp_path / folder).iterdir()
    assert findings_of(source) == []
