"""Where a tag stands in a Word template, told the way a person finds it: the paragraph (or
table cell) of the body, a header, a footer or the footnotes, with the text around the tag.
Also the tags Word split in a way docxtpl's patching cannot join again.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.DOTALL)
_OPENER = re.compile(r"\{[{%#]")
_CLOSER = re.compile(r"[}%#]\}")
_PREFIX = re.compile(r"\{([{%#])-?\s*(?:p|tr|tc|r)\s")
# tags docxtpl's patching replaces by markup: they never appear in the Jinja source as typed
_REPLACED = re.compile(r"\{%-?\s*(vm|hm|cellbg|colspan)\b")
_QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"})


@dataclass(frozen=True)
class Paragraph:
    place: str  # "đoạn 3", "bảng 1, hàng 2, ô 3", prefixed by the part when not the body
    text: str


@dataclass(frozen=True)
class Finding:
    """One problem of a template, with the place a person can find."""

    place: str
    message: str

    def __str__(self) -> str:
        return f"{self.place}: {self.message}" if self.place else self.message


def part_label(part: str) -> str:
    base = part.rpartition("/")[2]
    for start, label in (("header", "đầu trang"), ("footer", "chân trang"), ("footnotes", "chú thích")):
        if base.startswith(start):
            return f"{label} ({base})"
    return ""


def paragraphs(part: str, root: Any) -> list[Paragraph]:
    """The paragraphs of a part in order, each with its place and text (Word's text runs)."""
    label = part_label(part)
    tables = list(root.iter(W + "tbl"))  # kept alive: lxml gives the same proxy objects again
    out: list[Paragraph] = []
    body_count = 0
    for p in root.iter(W + "p"):
        cell = next((a for a in p.iterancestors(W + "tc")), None)
        if cell is None:
            body_count += 1
            place = f"đoạn {body_count}"
        else:
            row = cell.getparent()
            table = row.getparent()
            place = f"bảng {tables.index(table) + 1}, hàng {_number(table, row)}, ô {_number(row, cell)}"
        text = "".join(t.text or "" for t in p.iter(W + "t"))
        out.append(Paragraph(f"{label}, {place}" if label else place, text))
    return out


def _number(parent: Any, child: Any) -> int:
    """1-based position of ``child`` among its siblings of the same kind."""
    return [c for c in parent if c.tag == child.tag].index(child) + 1


def normalised(tag: str) -> str:
    """A tag as it compares with the Jinja source: no p/tr/tc/r prefix, straight quotes, no spaces."""
    return re.sub(r"\s+", "", _PREFIX.sub(r"{\1 ", tag.translate(_QUOTES)))


def locate(tag: str, found: list[Paragraph], start: int = 0) -> tuple[int, Paragraph] | None:
    """The first paragraph from ``start`` whose text holds ``tag`` (as the Jinja source has it)."""
    wanted = normalised(tag)
    for index in range(start, len(found)):
        if wanted in normalised(found[index].text):
            return index, found[index]
    return None


def around(text: str, tag: str, room: int = 30) -> str:
    """``"…text around the tag…"`` for a message."""
    at = text.find(tag)
    if at < 0:
        return text[: 2 * room + len(tag)]
    start, end = max(0, at - room), min(len(text), at + len(tag) + room)
    return ("…" if start else "") + text[start:end] + ("…" if end < len(text) else "")


def split_tags(found: list[Paragraph], source: str) -> list[Finding]:
    """Tags cut across paragraphs, and tags the patched Jinja ``source`` no longer holds whole."""
    problems: list[Finding] = []
    flat = normalised(source)
    for paragraph in found:
        text = _TAG.sub("", paragraph.text)
        if _OPENER.search(text) or _CLOSER.search(text):
            problems.append(
                Finding(paragraph.place, f'thẻ bị tách sang đoạn khác: "{around(paragraph.text, "")}"')
            )
        for match in _TAG.finditer(paragraph.text):
            tag = match.group(0)
            if not _REPLACED.match(tag) and normalised(tag) not in flat:
                problems.append(
                    Finding(
                        paragraph.place,
                        f'Word đã tách thẻ "{tag}" thành nhiều phần mà không ghép lại được: '
                        "xóa thẻ và gõ lại liền một mạch (không đổi định dạng giữa thẻ)",
                    )
                )
    return problems
