"""What a paragraph's style gives it, resolved once per style and document.

A heading level ("Heading 2" by name, or an outline level) and Word's list numbering
(``w:numPr``) may come from the paragraph's style or from a style it is based on. Resolving
that per paragraph asked python-docx for the style each time, and python-docx scans every style
of the document to find the default one on each call (most paragraphs use the default): that
scan was most of the time of reading a Word input. Here each style id is resolved once per
document and kept beside the document's part.
"""

from __future__ import annotations

import re
import weakref
from dataclasses import dataclass
from typing import Any

from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from generator.ooxml.reading import style_chain

_HEADING_STYLE = re.compile(r"^(?:heading|đề mục|tiêu đề)\s*([1-9])$", re.IGNORECASE)
_FACTS: weakref.WeakKeyDictionary[Any, dict[str | None, StyleFacts]] = weakref.WeakKeyDictionary()


@dataclass(frozen=True)
class StyleFacts:
    """What a paragraph style and the styles it is based on say; None where none says it."""

    named_level: int | None  # 1, 2, 3… from the first name "Heading N" (or "Đề mục N") in the chain
    outline: int | None  # the first ``w:outlineLvl`` value in the chain (0-based; 9 = body text)
    num_id: str | None  # the first ``w:numPr/w:numId`` in the chain
    num_level: int | None  # the first ``w:numPr/w:ilvl`` in the chain


def style_facts(paragraph: Paragraph) -> StyleFacts:
    """The facts of ``paragraph``'s style, computed on the first paragraph of that style."""
    facts = _FACTS.setdefault(paragraph.part, {})  # a header's part: its own entry, the same styles
    style_id = paragraph._p.style
    found = facts.get(style_id)
    if found is None:
        found = facts[style_id] = _resolve(style_chain(paragraph))
    return found


def outline_value(ppr: Any) -> int | None:
    """The ``w:outlineLvl`` value of paragraph properties ``ppr``, or None."""
    outline = ppr.find(qn("w:outlineLvl")) if ppr is not None else None
    return int(outline.get(qn("w:val"), "9")) if outline is not None else None


def numbering_of(ppr: Any) -> tuple[str | None, int | None]:
    """(numId, ilvl) of the ``w:numPr`` in paragraph properties ``ppr``, each None when absent."""
    numbering = ppr.find(qn("w:numPr")) if ppr is not None else None
    if numbering is None:
        return None, None
    id_element, level_element = numbering.find(qn("w:numId")), numbering.find(qn("w:ilvl"))
    num_id = id_element.get(qn("w:val")) if id_element is not None else None
    level = int(level_element.get(qn("w:val"), "0")) if level_element is not None else None
    return num_id, level


def _resolve(chain: list[Any]) -> StyleFacts:
    named = next(
        (int(m.group(1)) for s in chain if (m := _HEADING_STYLE.match((s.name or "").strip()))), None
    )
    outline = num_id = num_level = None
    for style in chain:
        ppr = style.element.pPr
        outline = outline_value(ppr) if outline is None else outline
        found_id, found_level = numbering_of(ppr)
        num_id = found_id if num_id is None else num_id
        num_level = found_level if num_level is None else num_level
    return StyleFacts(named, outline, num_id, num_level)
