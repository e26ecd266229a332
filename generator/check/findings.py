"""What ``cchc check`` reports: a finding is data (rule, severity, place, message), like a lint problem.

A place is written the way a reader finds it in Word: "đoạn 12" (the 12th paragraph of
the body, empty ones counted), "bảng 1, hàng 2", "khung chữ 1" (a text box), "phần 2" (a
Word section), followed by the first words of the text.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Iterable
from dataclasses import dataclass, replace
from enum import StrEnum
from typing import Any

from generator.domain.formatting import vn_number
from generator.domain.nd30 import Rule
from generator.ooxml.places import Place, snippet

__all__ = ["Place", "snippet"]  # the checker's places are the shared document places


class Severity(StrEnum):
    """``lỗi``: a rule of ND 30 is broken; ``cảnh báo``: it could not be verified, or a soft rule."""

    ERROR = "lỗi"
    WARNING = "cảnh báo"


def amount(value: float, places: int = 1) -> str:
    """A measure as the message shows it: 20.0 → "20", 25.44 → "25,4", 10.5 → "10,5"."""
    text = vn_number(value, places)
    if "," in text:
        text = text.rstrip("0").rstrip(",")
    return text


def bounds(rule: Rule) -> str:
    """The range a rule accepts as messages show it: "13–14 pt", "1–1,27 cm", "12 pt", "≥ 6 pt"."""
    low = amount(rule.low, 2)
    if rule.high == math.inf:
        text = f"≥ {low}"
    else:
        high = amount(rule.high, 2)
        text = low if low == high else f"{low}–{high}"
    return f"{text} {rule.unit}" if rule.unit else text


NOWHERE = Place()


@dataclass(frozen=True)
class Finding:
    """One broken rule (or warning) at one place; ``more`` counts the same finding elsewhere."""

    rule: str
    message: str
    place: Place = NOWHERE
    severity: Severity = Severity.ERROR
    more: int = 0

    def __str__(self) -> str:
        where = f"{self.place}: " if str(self.place) else ""
        more = f" (và {self.more} chỗ khác)" if self.more else ""
        return f"{where}[{self.severity}] {self.message}{more} ({self.rule})"

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "quy_tac": self.rule,
            "muc_do": self.severity.value,
            "vi_tri": str(self.place),
        }
        data |= {"noi_dung": self.message, "cho": self.place.to_dict(), "so_cho_khac": self.more}
        return data


def error(rule: str, message: str, place: Place = NOWHERE) -> Finding:
    return Finding(rule, message, place, Severity.ERROR)


def warning(rule: str, message: str, place: Place = NOWHERE) -> Finding:
    return Finding(rule, message, place, Severity.WARNING)


def collapse(findings: Iterable[Finding], rules: Collection[str]) -> list[Finding]:
    """Findings of ``rules`` merged per (rule, severity, message) at their first place; order kept.

    The first finding counts the others in ``more``: a body typed in 12 pt gives one line,
    not one per paragraph.
    """
    result: list[Finding] = []
    first: dict[tuple[str, Severity, str], int] = {}
    for finding in findings:
        key = (finding.rule, finding.severity, finding.message)
        if finding.rule not in rules:
            result.append(finding)
        elif key in first:
            seen = result[first[key]]
            result[first[key]] = replace(seen, more=seen.more + 1 + finding.more)
        else:
            first[key] = len(result)
            result.append(finding)
    return result
