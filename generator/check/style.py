"""Effective formatting of a ``Piece`` against what ND 30 asks for one component.

``style_findings`` turns "bold, 12–13 pt, centred" into findings such as "Quốc hiệu chưa in
đậm" or "Tiêu ngữ cỡ chữ 12 pt, cần 13–14 pt", reading the formatting Word applies
(``docx_reading``), not how it is stored.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.check.findings import Finding, amount, error
from generator.domain import nd30
from generator.ooxml.reading import RunFormat, paragraph_format
from generator.ooxml.view import Piece

ALIGNMENTS = {"left": "căn trái", "center": "căn giữa", "right": "căn phải", "both": "căn đều hai bên"}


@dataclass(frozen=True)
class Expected:
    """What one component should look like; None means "not checked"."""

    bold: bool | None = None
    italic: bool | None = None
    sizes: tuple[float, float] | None = None  # points, inclusive
    alignment: str | None = None  # left, center, right, both


def run_formats(piece: Piece) -> list[RunFormat]:
    return piece.formats()


def size_range(sizes: tuple[float, float]) -> str:
    low, high = sizes
    return f"{amount(low)} pt" if low == high else f"{amount(low)}–{amount(high)} pt"


def wrong_sizes(formats: list[RunFormat], sizes: tuple[float, float]) -> list[float]:
    """Distinct sizes outside ``sizes`` (a size Word cannot tell is left alone)."""
    low, high = sizes
    slack = nd30.SIZE_SLACK
    found = {f.size for f in formats if f.size is not None and not low - slack <= f.size <= high + slack}
    return sorted(found)


def style_findings(rule: str, label: str, piece: Piece, expected: Expected) -> list[Finding]:
    """Findings for ``piece`` (named ``label`` in messages) not formatted as ``expected``."""
    formats = run_formats(piece)
    messages = []
    if expected.bold is True and not all(f.bold for f in formats):
        messages.append(f"{label} chưa in đậm")
    if expected.bold is False and any(f.bold for f in formats):
        messages.append(f"{label} không in đậm")
    if expected.italic is True and not all(f.italic for f in formats):
        messages.append(f"{label} chưa in nghiêng")
    if expected.italic is False and any(f.italic for f in formats):
        messages.append(f"{label} không in nghiêng")
    if expected.sizes is not None:
        for size in wrong_sizes(formats, expected.sizes):
            messages.append(f"{label} cỡ chữ {amount(size)} pt, cần {size_range(expected.sizes)}")
    if expected.alignment is not None:
        actual = paragraph_format(piece.item.paragraph).alignment
        if actual != expected.alignment:
            messages.append(f"{label} {ALIGNMENTS[actual]}, cần {ALIGNMENTS[expected.alignment]}")
    return [error(rule, message, piece.place) for message in messages]
