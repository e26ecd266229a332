"""Word's automatic numbering: the number a reader sees before a paragraph that is not in its text.

A paragraph with ``w:numPr`` (its own, or its style's) shows a label that Word computes from
``numbering.xml``: the list's level format (``upperRoman``, ``decimal``, ``lowerLetter``,
``bullet``…), its text pattern (``%1.``, ``%1.%2.``, ``%1)``) and counters kept per list.
``Numbering.label`` walks paragraphs in reading order and returns those labels, so "I.",
"1." and "a)" made by Word read the same as typed ones. Bullets come back as "-".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from generator.domain.formatting import roman
from generator.ooxml.styles import numbering_of, style_facts

_LEVELS = 9
_PLACEHOLDER = re.compile(r"%([1-9])")


@dataclass(frozen=True)
class _Level:
    format: str  # Word's numFmt: decimal, upperRoman, lowerLetter, bullet …
    text: str  # lvlText: "%1.", "%1.%2.", "•"
    start: int


@dataclass
class _List:
    levels: dict[int, _Level]
    counters: list[int | None] = field(default_factory=lambda: [None] * _LEVELS)


class Numbering:
    """The lists of one document and their running counters."""

    def __init__(self, document: Any) -> None:
        self._abstract: dict[str, dict[int, _Level]] = {}
        self._nums: dict[str, tuple[str, dict[int, int]]] = {}  # numId → (abstractNumId, start overrides)
        self._lists: dict[str, _List] = {}
        self._overridden: set[str] = set()
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return
        for abstract in root.findall(qn("w:abstractNum")):
            self._abstract[abstract.get(qn("w:abstractNumId"))] = _levels(abstract)
        for num in root.findall(qn("w:num")):
            ref = num.find(qn("w:abstractNumId"))
            if ref is None:
                continue
            overrides = {}
            for override in num.findall(qn("w:lvlOverride")):
                start = override.find(qn("w:startOverride"))
                if start is not None:
                    overrides[int(override.get(qn("w:ilvl"), "0"))] = int(start.get(qn("w:val"), "1"))
            self._nums[num.get(qn("w:numId"))] = (ref.get(qn("w:val")), overrides)

    def label(self, paragraph: Paragraph) -> str:
        """The label Word shows before ``paragraph`` ("II.", "1.", "a)", "-" for a bullet), or ""."""
        found = _num_pr(paragraph)
        if found is None or found[0] not in self._nums:
            return ""
        num_id, level = found
        abstract_id, overrides = self._nums[num_id]
        levels = self._abstract.get(abstract_id, {})
        if level not in levels:
            return ""
        current = self._lists.setdefault(abstract_id, _List(levels))
        self._count(current, num_id, level, overrides)
        spec = levels[level]
        if spec.format == "bullet":
            return "-"
        if spec.format == "none":
            return ""
        return _PLACEHOLDER.sub(lambda m: _value(current, int(m.group(1)) - 1), spec.text).strip()

    def _count(self, current: _List, num_id: str, level: int, overrides: dict[int, int]) -> None:
        counters = current.counters
        if num_id not in self._overridden and overrides:
            self._overridden.add(num_id)  # a list that restarts: its first use sets the counters
            for index, start in overrides.items():
                counters[index] = start - 1
        spec = current.levels[level]
        counters[level] = spec.start if counters[level] is None else (counters[level] or 0) + 1
        for deeper in range(level + 1, _LEVELS):
            counters[deeper] = None


def _value(current: _List, level: int) -> str:
    spec = current.levels.get(level)
    count = current.counters[level]
    if count is None:
        count = spec.start if spec is not None else 1
    return _format(count, spec.format if spec is not None else "decimal")


def _format(count: int, kind: str) -> str:
    if kind == "upperRoman":
        return roman(count)
    if kind == "lowerRoman":
        return roman(count).lower()
    if kind in ("upperLetter", "lowerLetter"):
        letter = chr(ord("a") + (count - 1) % 26) * ((count - 1) // 26 + 1)
        return letter.upper() if kind == "upperLetter" else letter
    if kind == "decimalZero":
        return f"{count:02d}"
    return str(count)


def _levels(abstract: Any) -> dict[int, _Level]:
    levels = {}
    for lvl in abstract.findall(qn("w:lvl")):
        fmt, text, start = lvl.find(qn("w:numFmt")), lvl.find(qn("w:lvlText")), lvl.find(qn("w:start"))
        levels[int(lvl.get(qn("w:ilvl"), "0"))] = _Level(
            fmt.get(qn("w:val"), "decimal") if fmt is not None else "decimal",
            text.get(qn("w:val"), "") if text is not None else "",
            int(start.get(qn("w:val"), "1")) if start is not None else 1,
        )
    return levels


def _num_pr(paragraph: Paragraph) -> tuple[str, int] | None:
    """(numId, level) from the paragraph, else from its style chain; None when not numbered."""
    facts = style_facts(paragraph)
    num_id, level = numbering_of(paragraph._p.pPr)
    num_id = facts.num_id if num_id is None else num_id
    level = facts.num_level if level is None else level
    if num_id is None or num_id == "0":
        return None
    return num_id, level or 0
