"""The ND 30 text forms behind ``cchc check``, one line of text at a time."""

from __future__ import annotations

import pytest

from generator.check import patterns
from generator.check.body import is_heading
from generator.check.findings import Finding, Place, Severity, collapse, error, snippet
from generator.check.lines import vml_length

OK: list[str] = []


@pytest.mark.parametrize(
    ("line", "problems"),
    [
        ("Lộc Thủy, ngày 07 tháng 01 năm 2022", OK),
        ("Lộc Thủy, ngày 05 tháng 02 năm 2022", OK),
        ("Lộc Thủy, ngày 15 tháng 3 năm 2022", OK),
        ("Hà Nội, ngày 09 tháng 10 năm 2022", OK),
        ("Lộc Thủy, ngày     tháng     năm 2022", OK),
        ("Lộc Thủy, ngày ... tháng ... năm 2022", OK),
        ("Lộc Thủy, ngày 7 tháng 01 năm 2022", ['ngày "7" cần viết "07" (ngày nhỏ hơn 10 có số 0 phía trước)']),
        ("Lộc Thủy, ngày 07 tháng 1 năm 2022", ['tháng "1" cần viết "01" (tháng 1, 2 có số 0 phía trước)']),
        ("Lộc Thủy, ngày 07 tháng 03 năm 2022", ['tháng "03" cần viết "3" (chỉ tháng 1, 2 có số 0 phía trước)']),
        ("Lộc Thủy, ngày 31 tháng 02 năm 2022", ["không có ngày 31 tháng 2 năm 2022"]),
        ("Lộc Thủy, ngày 32 tháng 3 năm 2022", ['ngày "32" không hợp lệ']),
        ("Lộc Thủy, ngày 07 tháng 13 năm 2022", ['tháng "13" không hợp lệ']),
        ("Lộc Thủy, 07/01/2022", [f"dòng địa danh, ngày tháng cần dạng {patterns.DATE_FORM}"]),
        ("ngày 07 tháng 01 năm 2022", [f"dòng địa danh, ngày tháng cần dạng {patterns.DATE_FORM}"]),
    ],
    ids=[
        "day-and-january-padded", "february-padded", "march-unpadded", "october", "blank", "dotted-blank",
        "day-unpadded", "january-unpadded", "march-padded", "no-such-day", "day-out-of-range",
        "month-out-of-range", "numeric-form", "no-place",
    ],
)  # fmt: skip
def test_date_line(line: str, problems: list[str]) -> None:
    assert patterns.is_date_line(line)
    assert patterns.date_line_problems(line) == problems


@pytest.mark.parametrize(
    ("line", "problems"),
    [
        ("Số: 05/KH-UBND", OK),
        ("Số: 123/BC-UBND", OK),
        ("Số:      /KH-UBND", OK),
        ("Số: .../KH-UBND", OK),
        ("Số: 12/UBND-VX", OK),
        ("Số: 5/KH-UBND", ['số "5" cần viết "05" (số nhỏ hơn 10 có số 0 phía trước)']),
        ("Số: 012/KH-UBND", ['số "012" cần viết "12"']),
        ("Số 05/KH-UBND", ['sau "Số" cần dấu hai chấm (ví dụ "Số: 05/KH-UBND")']),
        ("Số: 05 / KH-UBND", ['không có dấu cách quanh dấu "/" (ví dụ "Số: 05/KH-UBND")']),
        (
            "Số: 05/KH - UBND",
            ['ký hiệu "KH - UBND" cần viết in hoa, các nhóm chữ nối bằng "-" không có dấu cách'],
        ),
        ("Số: 05/kh-ubnd", ['ký hiệu "kh-ubnd" cần viết in hoa, các nhóm chữ nối bằng "-" không có dấu cách']),
        ("Số: 05/KHUBND", ['ký hiệu "KHUBND" cần viết in hoa, các nhóm chữ nối bằng "-" không có dấu cách']),
        ("Số: 00/KH-UBND", ['số "00" không hợp lệ']),
    ],
    ids=[
        "padded", "three-digits", "blank", "dotted-blank", "cong-van", "unpadded", "extra-zero",
        "no-colon", "spaces-around-slash", "spaces-in-symbol", "lower-case-symbol", "no-hyphen", "zero",
    ],
)  # fmt: skip
def test_number_line(line: str, problems: list[str]) -> None:
    assert patterns.is_number_line(line)
    assert patterns.number_line_problems(line) == problems


@pytest.mark.parametrize(
    "line", ["Số liệu tổng hợp", "Sổ tay", "Tổng số: 5"], ids=["word-so-lieu", "so-tay", "tong-so"]
)
def test_not_a_number_line(line: str) -> None:
    assert not patterns.is_number_line(line)


@pytest.mark.parametrize(
    ("line", "problems"),
    [
        ("TM. ỦY BAN NHÂN DÂN", OK),
        ("KT. CHỦ TỊCH", OK),
        ("TL. CHỦ TỊCH", OK),
        ("TUQ. CHỦ TỊCH", OK),
        ("Q. CHỦ TỊCH", OK),
        ("PHÓ CHỦ TỊCH", OK),
        ("T/M ỦY BAN NHÂN DÂN", ['viết "TM." (in hoa, có dấu chấm), không viết "T/M"']),
        ("K/T CHỦ TỊCH", ['viết "KT." (in hoa, có dấu chấm), không viết "K/T"']),
        ("KT CHỦ TỊCH", ['viết "KT." (in hoa, có dấu chấm), không viết "KT"']),
        ("TM.ỦY BAN NHÂN DÂN", ['cần dấu cách sau "TM."']),
        ("Chủ tịch", ["quyền hạn, chức vụ người ký viết in hoa"]),
        (
            "tm. ủy ban nhân dân",
            ['viết "TM." (in hoa, có dấu chấm), không viết "tm."', "quyền hạn, chức vụ người ký viết in hoa"],
        ),
    ],
    ids=["tm", "kt", "tl", "tuq", "q", "title-only", "t-slash-m", "k-slash-t", "kt-no-dot", "no-space",
         "lower-case", "lower-case-prefix"],
)  # fmt: skip
def test_authority_line(line: str, problems: list[str]) -> None:
    assert patterns.authority_problems(line) == problems


@pytest.mark.parametrize(
    ("name", "problems"),
    [
        ("Nguyễn Văn Hoàng", OK),
        ("Ksor H'Bia", OK),
        ("Thân Văn Tâm", OK),
        ("TS. Nguyễn Văn A", ['không ghi học hàm, học vị trước họ tên người ký ("TS.")']),
        ("ThS Trần Thị B", ['không ghi học hàm, học vị trước họ tên người ký ("ThS")']),
        ("PGS.TS. Lê Văn C", ['không ghi học hàm, học vị trước họ tên người ký ("PGS.TS.")']),
        ("Kỹ sư Phạm D", ['không ghi học hàm, học vị trước họ tên người ký ("Kỹ sư")']),
        ("NGUYỄN VĂN HOÀNG", ["họ tên người ký viết chữ thường (hoa chữ đầu), không viết in hoa toàn bộ"]),
    ],
    ids=["plain", "ede-name-ksor", "name-starting-th", "ts", "ths", "pgs-ts", "ky-su", "all-caps"],
)
def test_signer_name(name: str, problems: list[str]) -> None:
    assert patterns.signer_name_problems(name) == problems


LAST = f"cần dạng {patterns.LAST_RECIPIENT_FORM}"


@pytest.mark.parametrize(
    ("items", "addressed", "problems"),
    [
        (["- UBND huyện;", "- Lưu: VT, VP."], False, []),
        (["- Như trên;", "- UBND huyện;", "- Lưu: VT."], True, []),
        (["- UBND huyện", "- Lưu: VT."], False, [(0, 'dòng nơi nhận kết thúc bằng dấu chấm phẩy ";"')]),
        (["+ UBND huyện;", "- Lưu: VT."], False, [(0, 'dòng nơi nhận bắt đầu bằng "- " (gạch ngang và dấu cách)')]),
        (["- UBND huyện;", "- Lưu VP"], False, [(1, f'dòng cuối "- Lưu VP" {LAST}')]),
        (["- UBND huyện;", "- Lưu: VT;"], False, [(1, f'dòng cuối "- Lưu: VT;" {LAST}')]),
        (["- UBND huyện;", "- Lưu: VT."], True, [(0, 'văn bản có "Kính gửi" thì nơi nhận bắt đầu bằng "- Như trên;"')]),
    ],
    ids=["right", "addressed", "no-semicolon", "plus-sign", "luu-without-colon", "luu-with-semicolon",
         "addressed-without-nhu-tren"],
)  # fmt: skip
def test_recipients(items: list[str], addressed: bool, problems: list[tuple[int, str]]) -> None:
    assert patterns.recipient_problems(items, addressed=addressed) == problems


@pytest.mark.parametrize(
    ("text", "right"),
    [
        ("Độc lập - Tự do - Hạnh phúc", True),
        ("Độc lập – Tự do – Hạnh phúc", False),
        ("Độc lập-Tự do-Hạnh phúc", False),
        ("Độc Lập - Tự Do - Hạnh Phúc", False),
    ],
    ids=["right", "en-dash", "no-spaces", "capitals"],
)
def test_motto(text: str, right: bool) -> None:
    assert patterns.is_motto(text)
    assert (patterns.motto_problems(text) == []) is right


@pytest.mark.parametrize(
    ("text", "tags"),
    [
        ("Kế hoạch của {{ co_quan.ten }}", ["{{ co_quan.ten }}"]),
        ("{%p if x %}", ["{%p if x %}"]),
        ("{# ghi chú #} và {{ y", ["{# ghi chú #}", "{{"]),
        ("Tỷ lệ {50%}", []),
    ],
    ids=["variable", "block", "comment-and-unclosed", "plain-braces"],
)
def test_template_tags(text: str, tags: list[str]) -> None:
    assert patterns.template_tags(text) == tags


@pytest.mark.parametrize(
    ("text", "found"),
    [("KẾ HOẠCH", "KẾ HOẠCH"), ("Báo cáo", "BÁO CÁO"), ("KẾ HOẠCH số 5", None), ("Kế hoạch này", None)],
    ids=["plan", "report-lower-case", "sentence", "body-text"],
)
def test_document_type(text: str, found: str | None) -> None:
    assert patterns.document_type(text) == found


@pytest.mark.parametrize(
    ("text", "heading"),
    [("PHỤ LỤC", True), ("Phụ lục I", True), ("PHỤ LỤC 2", True), ("Phụ lục kèm theo", False)],
    ids=["caps", "roman", "arabic", "sentence"],
)
def test_appendix_heading(text: str, heading: bool) -> None:
    assert patterns.is_appendix_heading(text) is heading


@pytest.mark.parametrize(
    ("text", "twips"),
    [("150pt", 3000.0), ("1in", 1440.0), ("2.54cm", 1440.0), ("10", 150.0), ("3em", None), (None, None)],
    ids=["points", "inches", "centimetres", "bare-pixels", "unknown-unit", "missing"],
)
def test_vml_length(text: str | None, twips: float | None) -> None:
    if twips is None:
        assert vml_length(text) is None
    else:
        assert vml_length(text) == pytest.approx(twips)


def test_collapse_counts_the_same_finding_elsewhere() -> None:
    findings = [
        error("noi_dung_co_chu", "cỡ chữ 12 pt, cần 13–14 pt", Place(paragraph=3)),
        error("quoc_hieu", "Quốc hiệu chưa in đậm", Place(table=1, row=1)),
        error("noi_dung_co_chu", "cỡ chữ 12 pt, cần 13–14 pt", Place(paragraph=4)),
        error("noi_dung_co_chu", "cỡ chữ 11 pt, cần 13–14 pt", Place(paragraph=5)),
    ]
    assert collapse(findings, {"noi_dung_co_chu"}) == [
        Finding("noi_dung_co_chu", "cỡ chữ 12 pt, cần 13–14 pt", Place(paragraph=3), Severity.ERROR, more=1),
        findings[1],
        findings[3],
    ]


def test_finding_line_names_place_severity_and_rule() -> None:
    place = Place(paragraph=12).with_text("Thực hiện Kế hoạch số 6118/KH-UBND ngày 31/12/2021")
    finding = error("noi_dung_co_chu", "cỡ chữ 12 pt, cần 13–14 pt", place)
    assert (
        str(finding)
        == 'đoạn 12 ("Thực hiện Kế hoạch số 6118/KH-UBND…"): [lỗi] cỡ chữ 12 pt, cần 13–14 pt (noi_dung_co_chu)'
    )


def test_snippet_is_nfc() -> None:
    assert snippet("Tie\u0302\u0301ng Vie\u0323\u0302t") == "Tiếng Việt"


@pytest.mark.parametrize(
    ("text", "heading"),
    [
        ("I. MỤC TIÊU, YÊU CẦU", True),
        ("1. Mục tiêu", True),
        ("a) Chỉ tiêu", True),
        ("Phần I", True),
        ("TÌNH HÌNH THỰC HIỆN NHIỆM VỤ", True),
        ("- Đẩy mạnh công tác CCHC;", False),
        ("1. Quyết định này có hiệu lực kể từ ngày ký.", False),
    ],
    ids=["muc", "khoan", "diem", "phan", "caps-title", "dash-item", "numbered-sentence"],
)
def test_heading_lines_are_told_from_body_text(text: str, heading: bool) -> None:
    assert is_heading(text) is heading
