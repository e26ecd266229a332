"""TCVN3 and VNI text is recognised and converted, or refused when mixed."""

from __future__ import annotations

import pytest

from generator.domain.legacy_encoding import detect_legacy, to_unicode
from generator.domain.text import ascii_slug
from generator.errors import Location, Problems
from generator.inputs.formats.text import clean_text

CASES = [
    ("nh©n d©n", "TCVN3", "nhân dân"),
    ("®\xadîc giao nhiÖm vô", "TCVN3", "được giao nhiệm vụ"),
    ("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam", "VNI", "Cộng hòa xã hội chủ nghĩa Việt Nam"),
    ("Ñoäc laäp - Töï do - Haïnh phuùc", "VNI", "Độc lập - Tự do - Hạnh phúc"),
    ("ngöôøi daân", "VNI", "người dân"),
]


@pytest.mark.parametrize(("legacy", "encoding", "unicode"), CASES, ids=[c[0][:12] for c in CASES])
def test_legacy_text_is_detected_and_converted(legacy: str, encoding: str, unicode: str) -> None:
    assert detect_legacy(legacy) == encoding
    assert to_unicode(legacy, encoding) == unicode


@pytest.mark.parametrize(
    "text",
    ["Tài chính – Kế toán", "hoà hợp", "Văn hóa - xã hội", "© 2022 UBND", "Müller", "25°C", "ASCII only"],
)
def test_unicode_text_is_left_alone(text: str) -> None:
    assert detect_legacy(text) is None


def test_mixed_text_is_not_converted() -> None:
    assert to_unicode("Kế hoạch ®\xadîc giao", "TCVN3") is None


def test_clean_text_converts_with_a_notice() -> None:
    problems = Problems()
    where = Location("a.yaml", key_path="x", line=3)
    assert clean_text("nh©n d©n x·", where, problems) == "nhân dân xã"
    assert [str(p) for p in problems.warnings] == [
        "a.yaml:3 (x): đã chuyển văn bản từ bảng mã TCVN3 sang Unicode"
    ]


def test_clean_text_refuses_mixed_legacy_text() -> None:
    problems = Problems()
    clean_text("Kế hoạch ®\xadîc giao", Location("a.yaml", key_path="x", line=3), problems)
    assert len(problems.errors) == 1
    assert "bảng mã TCVN3" in problems.errors[0].message


def test_clean_text_normalises_and_strips_controls() -> None:
    problems = Problems()
    decomposed = "Lo\u0323\u0302c Thu\u0309y"  # NFD, as some Mac and web sources give it
    text = clean_text(decomposed + "\u200b\x0c\x0bdòng hai", Location("f"), problems)
    assert text == "Lộc Thủy\ndòng hai"
    assert [p.message for p in problems.warnings] == [
        "đã bỏ ký tự điều khiển không in được (ngắt trang, khoảng trắng không độ rộng)"
    ]


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("Xã Lộc Thủy", "xa_loc_thuy"),
        ("ĐẶC KHU CÔN ĐẢO", "dac_khu_con_dao"),
        ("../../x", "x"),
        ("CON", "con"),
    ],
)
def test_ascii_slug(text: str, slug: str) -> None:
    assert ascii_slug(text) == slug


@pytest.mark.parametrize(
    ("legacy", "encoding", "unicode"),
    [("Tæ chøc thùc hiÖn", "TCVN3", "Tổ chức thực hiện"), ("Phßng", "TCVN3", "Phòng"),
     ("Toå chöùc thöïc hieän", "VNI", "Tổ chức thực hiện"), ("Vieät", "VNI", "Việt")],
    ids=["tcvn3-heading", "tcvn3-one-word", "vni-heading", "vni-one-word"],
)  # fmt: skip
def test_short_strings_are_told_apart(legacy: str, encoding: str, unicode: str) -> None:
    """Letters such as æ and Ö exist in both encodings; the words they make decide."""
    assert detect_legacy(legacy) == encoding
    assert to_unicode(legacy, encoding) == unicode


@pytest.mark.parametrize("text", ["Müller", "naïve", "Øresund", "© 2022 UBND", "± 5%", "Phần 2 § 3"])
def test_foreign_words_and_symbols_are_not_legacy_text(text: str) -> None:
    assert detect_legacy(text) is None


def test_when_both_encodings_fit_the_message_names_both() -> None:
    """ "Tæ" is "Tổ" in TCVN3 and "Tỉ" in VNI: nothing is converted, both are named."""
    problems = Problems()
    clean_text("Tæ", Location("a.xlsx", sheet="Nhiệm vụ", row=2, column=3), problems)
    (error,) = problems.errors
    assert "bảng mã cũ TCVN3 hoặc VNI" in error.message
    assert "Unikey" in error.message
