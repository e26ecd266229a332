"""Text rules for every paragraph, headers and footers included: Times New Roman, Unicode NFC
(TCVN 6909:2001), no legacy TCVN3/VNI text, no template tags left by a mail merge or docxtpl.
"""

from __future__ import annotations

import unicodedata

from generator.check.findings import Finding, error, warning
from generator.check.patterns import fold, template_tags
from generator.domain import nd30
from generator.domain.legacy_encoding import UNSURE, detect_legacy
from generator.ooxml.reading import font_name, paragraph_runs
from generator.ooxml.view import DocumentView, Item

FONT = nd30.FONT
LEGACY_NAMES = {"TCVN3": "TCVN3 (ABC)", "VNI": "VNI", UNSURE: "TCVN3 (ABC) hoặc VNI"}


def text_findings(view: DocumentView) -> list[Finding]:
    """Fonts, Unicode form, legacy encodings and template tags of every paragraph."""
    findings: list[Finding] = []
    for item in view.items + view.page_items:
        if item.text.strip():
            findings += font_findings(item) + _unicode(item) + _tags(item)
    return findings


def _slots(text: str) -> list[str]:
    """Word sets ASCII characters in the "ascii" font and ư, ộ … in the "hAnsi" font."""
    slots = ["ascii"] if any(ch.isascii() and not ch.isspace() for ch in text) else []
    return slots + ([] if text.isascii() else ["hAnsi"])


def font_findings(item: Item) -> list[Finding]:
    """One finding per font other than Times New Roman in ``item``."""
    names: list[str | None] = []
    for run in paragraph_runs(item.paragraph):
        for slot in _slots(run.text):
            name = font_name(item.paragraph, run, slot)
            if name not in names:
                names.append(name)
    findings = []
    for name in names:
        if name is None:
            findings.append(warning("phong_chu", "không xác định được phông chữ", item.place))
        elif fold(name).lower() != FONT.lower():
            findings.append(error("phong_chu", f"phông chữ {name}, cần {FONT}", item.place))
    return findings


def _unicode(item: Item) -> list[Finding]:
    findings = []
    if unicodedata.normalize("NFC", item.text) != item.text:
        message = "chữ Unicode tổ hợp (chưa dựng sẵn), cần chuẩn hóa về Unicode dựng sẵn (NFC)"
        findings.append(error("unicode_nfc", message, item.place))
    legacy = detect_legacy(item.text)
    if legacy is not None:
        message = f"chữ gõ bằng bảng mã cũ {LEGACY_NAMES[legacy]}, cần chuyển sang Unicode"
        findings.append(error("ma_cu", message, item.place))
    return findings


def _tags(item: Item) -> list[Finding]:
    return [
        error("the_mau", f'còn thẻ mẫu chưa thay "{tag}"', item.place) for tag in template_tags(item.text)
    ]
