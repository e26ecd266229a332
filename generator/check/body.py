"""Body rules of ND 30 (ô 6): 13–14 pt, justified, first-line indent 1–1.27 cm, at least 6 pt
between paragraphs, line spacing from single to 1.5 lines.

Headings ("I. …", "1. …", "a) …") are short lines; whether they are justified or indented
cannot be seen on paper, so only their size and spacing are checked.

Rules and sources: docs/nd30-format.md §6.
"""

from __future__ import annotations

import re

from generator.check.findings import Finding, amount, bounds, error
from generator.check.patterns import HEADING, fold, is_caps
from generator.check.style import ALIGNMENTS, run_formats, size_range, wrong_sizes
from generator.domain import nd30
from generator.ooxml.reading import ParagraphFormat, paragraph_format
from generator.ooxml.view import Item, Piece

SINGLE_LINE_EM = 1.15  # Times New Roman: one line is about 1.15 times the font size
_HEADING_WORDS = 15
_PART = re.compile(r"^(?:Phần|Chương|Mục)\s+[IVXLC\d]+$")


def is_heading(text: str) -> bool:
    """A heading line: "I. MỤC TIÊU", "1. Mục tiêu", "a) Chỉ tiêu", "Phần I", a short line in caps."""
    line = fold(text)
    if len(line.split()) > _HEADING_WORDS or line.endswith((".", ";", ":")):
        return False
    return bool(HEADING.match(line) or _PART.match(line) or is_caps(line))


def body_findings(body: list[Item]) -> list[Finding]:
    """Every body paragraph against ô 6; the spacing is read between each paragraph and the next."""
    findings: list[Finding] = []
    layouts = [paragraph_format(item.paragraph) for item in body]
    for position, item in enumerate(body):
        layout = layouts[position]
        findings += _size(item)
        if not is_heading(item.text):
            findings += _alignment(item, layout)
        if position + 1 < len(body):
            findings += _gap(item, layout, layouts[position + 1])
        findings += _line_spacing(item, layout)
    return findings


def _size(item: Item) -> list[Finding]:
    formats = [f for piece in item.pieces() for f in run_formats(piece)]
    wrong = wrong_sizes(formats, nd30.NOI_DUNG.accepted)
    return [
        error(
            "noi_dung_co_chu", f"cỡ chữ {amount(s)} pt, cần {size_range(nd30.NOI_DUNG.accepted)}", item.place
        )
        for s in wrong
    ]


def _alignment(item: Item, layout: ParagraphFormat) -> list[Finding]:
    findings = []
    if layout.alignment != "both":
        message = f"{ALIGNMENTS[layout.alignment]}, cần căn đều hai bên"
        findings.append(error("noi_dung_can_le", message, item.place))
    rule = nd30.LUI_DAU_DONG
    if not rule.accepts(layout.first_line):
        message = f"lùi đầu dòng {amount(layout.first_line)} cm, cần {bounds(rule)}"
        findings.append(error("noi_dung_lui_dau_dong", message, item.place))
    return findings


def _gap(item: Item, layout: ParagraphFormat, following: ParagraphFormat) -> list[Finding]:
    """Word puts the larger of "after" and the next "before" between two paragraphs (at least)."""
    gap = max(layout.space_after, following.space_before)
    if nd30.CACH_DOAN.accepts(gap):
        return []
    message = f"cách đoạn {amount(gap)} pt, cần ít nhất {amount(nd30.CACH_DOAN.low)} pt (trước hoặc sau đoạn)"
    return [error("noi_dung_cach_doan", message, item.place)]


def _line_spacing(item: Item, layout: ParagraphFormat) -> list[Finding]:
    rule = nd30.GIAN_DONG
    if layout.line_spacing is not None:
        lines = layout.line_spacing
        shown = f"{amount(lines)} dòng"
    elif layout.line_points is not None:
        size = _first_size(item.pieces())
        lines = layout.line_points / (SINGLE_LINE_EM * size)
        shown = f"cố định {amount(layout.line_points)} pt (khoảng {amount(lines)} dòng)"
    else:
        return []
    if rule.accepts(lines):
        return []
    message = f"giãn dòng {shown}, cần từ {amount(rule.low)} dòng (đơn) đến {amount(rule.high)} dòng"
    return [error("noi_dung_gian_dong", message, item.place)]


def _first_size(pieces: list[Piece]) -> float:
    sizes = [f.size for piece in pieces for f in run_formats(piece) if f.size]
    return sizes[0] if sizes else nd30.NOI_DUNG.high
