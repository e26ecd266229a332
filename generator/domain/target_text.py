"""Targets as plans word them: "đạt trên 98%", "tối thiểu 50%", "xuống còn dưới 5%", "100% …".

``recognise`` finds each percentage of a sentence with the comparison its words give, so a
plan typed in Word can be checked against its "Chỉ tiêu" sheet (docs/targets-and-indicators.md
§2). It only proposes: which indicator a sentence measures is never guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

_PERCENT = re.compile(r"(?<![\d.,])(\d{1,3}(?:[.,]\d{1,2})?)\s*%")
# Closest word before the figure wins; "trở lên"/"trở xuống" after it decide alone.
_BEFORE = (
    (">=", ("tối thiểu", "ít nhất", "không dưới", "không thấp hơn")),
    (">", ("trên", "hơn", "vượt")),
    ("<=", ("tối đa", "không quá", "không vượt", "không vượt quá", "không cao hơn")),
    ("<", ("dưới", "thấp hơn", "ít hơn")),
)
_AFTER = ((">=", "trở lên"), ("<=", "trở xuống"))
_WINDOW = 30  # characters before the figure that may hold its comparison word


@dataclass(frozen=True)
class Recognised:
    """A percentage target read off a sentence."""

    comparison: str  # >=, >, <=, <
    value: Decimal  # percent
    phrase: str  # the words around it, for messages: "trên 98%"


def recognise(text: str) -> list[Recognised]:
    """Every percentage in ``text`` (0–100) with the comparison its words give (default ≥)."""
    found = []
    for match in _PERCENT.finditer(text):
        try:
            value = Decimal(match.group(1).replace(",", "."))
        except InvalidOperation:
            continue
        if value > 100:
            continue
        before = re.split(r"[.;:%]\s", text[max(0, match.start() - _WINDOW) : match.start()].lower())[-1]
        after = text[match.end() : match.end() + 12].lower()
        comparison, word = _comparison(before, after)
        phrase = f"{word} {match.group(0)}" if word else match.group(0)
        found.append(Recognised(comparison, value, phrase.strip()))
    return found


def _comparison(before: str, after: str) -> tuple[str, str]:
    for comparison, word in _AFTER:
        if after.lstrip().startswith(word):
            return comparison, ""
    best: tuple[int, int, str, str] = (-1, 0, ">=", "")
    for comparison, words in _BEFORE:
        for word in words:
            end = _last_end(before, word)
            if end >= 0 and (end, len(word)) > best[:2]:
                best = (end, len(word), comparison, word)
    return best[2], best[3]


def _last_end(text: str, word: str) -> int:
    """Where ``word`` last ends in ``text`` as whole words, or -1 ("thấp hơn" and "hơn" end together)."""
    matches = list(re.finditer(rf"(?<!\w){re.escape(word)}(?!\w)", text))
    return matches[-1].end() if matches else -1
