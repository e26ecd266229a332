"""The numbers in front of headings and list items of an administrative text, as pure functions.

ND 30 numbers a document's parts "I.", "1.", "a)" (docs/nd30-format.md §6); offices also type
"1.1.", "a." and list items "-", "+". ``split_marker`` reads such a number off a line and
says which kind it is, so a reader can rebuild the outline whether the numbers were typed
or drawn by Word's automatic numbering.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.domain.formatting import roman

_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
# The letters ND 30 uses for điểm: the Vietnamese alphabet (no f, j, w, z; đ after d).
VIETNAMESE_LETTERS = "abcdđeghiklmnopqrstuvxy"
_MARKERS = (
    ("1.1.", re.compile(r"^(?P<n>\d{1,2}(?:\.\d{1,2})+)\.?(?:\s+|$)")),
    ("I.", re.compile(r"^(?P<n>[IVXLC]{1,7})[.](?:\s+|$)")),
    ("1.", re.compile(r"^(?P<n>\d{1,2})\.(?:\s+|$)")),
    ("1)", re.compile(r"^\(?(?P<n>\d{1,2})\)(?:\s+|$)")),
    ("a)", re.compile(r"^(?P<n>[a-zđ])\)(?:\s+|$)")),
    ("a.", re.compile(r"^(?P<n>[a-zđ])\.(?:\s+|$)")),
    ("-", re.compile(r"^(?P<n>[-–—•])(?:\s+|$)")),
    ("+", re.compile(r"^(?P<n>\+)(?:\s+|$)")),
)
BULLETS = ("-", "+")


@dataclass(frozen=True)
class Marker:
    """A number or bullet in front of a line: its kind ("I.", "1.", "a)", "-"…), value and text."""

    kind: str
    value: int | None  # 2 for "II.", 5 for "5.", 1 for "a)"; None for bullets
    label: str  # as written: "II.", "5.", "a)"

    @property
    def bullet(self) -> bool:
        return self.kind in BULLETS


def split_marker(text: str) -> tuple[Marker | None, str]:
    """ "II. MỤC TIÊU" → (Marker("I.", 2, "II."), "MỤC TIÊU"); a line without a number → (None, text)."""
    stripped = text.strip()
    for kind, pattern in _MARKERS:
        match = pattern.match(stripped)
        if match is None:
            continue
        number = match["n"]
        value = _value(kind, number)
        if kind != "-" and kind != "+" and value is None:
            continue
        label = stripped[: match.end()].strip()
        return Marker(kind, value, label), stripped[match.end() :].strip()
    return None, stripped


def _value(kind: str, number: str) -> int | None:
    if kind == "I.":
        return roman_value(number)
    if kind in ("1.", "1)"):
        return int(number)
    if kind == "1.1.":
        return int(number.split(".")[-1])
    if kind in ("a)", "a."):
        return VIETNAMESE_LETTERS.index(number) + 1 if number in VIETNAMESE_LETTERS else None
    return None


def roman_value(text: str) -> int | None:
    """ "XIV" → 14; None when ``text`` is not a well-formed Roman numeral below 400."""
    total = 0
    previous = 0
    for letter in reversed(text):
        value = _ROMAN_VALUES.get(letter)
        if value is None:
            return None
        total += -value if value < previous else value
        previous = max(previous, value)
    return total if 0 < total < 400 and roman(total) == text else None
