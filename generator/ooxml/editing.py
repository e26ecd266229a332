"""Change the words of a paragraph in place, keeping its runs and their formatting.

A paragraph's text is spread over ``w:t`` elements in runs (a bold word, a changed font). To
turn "năm 2022" into "năm 2023" without losing that, only the characters that differ are
rewritten, in the element that holds them: the rest of the XML is left as it was.
"""

from __future__ import annotations

from difflib import SequenceMatcher
from typing import Any

from docx.oxml.ns import qn


def _texts(paragraph: Any) -> list[Any]:
    """The ``w:t`` elements of the paragraph's own runs (not of a text box anchored in it)."""
    return [
        t for t in paragraph.iter(qn("w:t"))
        if next(t.iterancestors(qn("w:p")), None) is paragraph
    ]  # fmt: skip


def plain_text(paragraph: Any) -> str:
    """The paragraph's characters (tabs and breaks left out), as ``set_text`` edits them."""
    return "".join(t.text or "" for t in _texts(paragraph))


def set_text(paragraph: Any, new: str) -> None:
    """Make ``plain_text(paragraph) == new`` by rewriting only the characters that differ."""
    nodes = _texts(paragraph)
    old = "".join(t.text or "" for t in nodes)
    if old == new or not nodes:
        return
    edits = [op for op in SequenceMatcher(None, old, new, autojunk=False).get_opcodes() if op[0] != "equal"]
    for _, start, end, new_start, new_end in reversed(edits):
        _replace(nodes, start, end, new[new_start:new_end])


def _replace(nodes: list[Any], start: int, end: int, replacement: str) -> None:
    """Replace characters ``start:end`` of the joined text; the new text goes into the first node."""
    offset = 0
    placed = False
    for node in nodes:
        text = node.text or ""
        low, high = offset, offset + len(text)
        offset = high
        if high < start or (high == start and start != end):
            continue  # the node ends before the change
        if low > end or (low == end and placed):
            break
        cut_from = max(start, low) - low
        cut_to = max(min(end, high) - low, cut_from)
        node.text = text[:cut_from] + ("" if placed else replacement) + text[cut_to:]
        node.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        placed = True
        if end <= high:
            break
