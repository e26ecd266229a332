"""A report's words written on its own outline (the province's đề cương), read from Word.

A words file with at least one marker paragraph ("[Số liệu: TTHC]", "[Bảng: chỉ tiêu]": the
slots of ``domain.outline``) keeps its headings as written, in its order, at any of the three
levels; cchc writes each computed block where its marker stands and numbers the headings
itself. "[kỳ báo cáo]" and "[kỳ tới]" in a heading become the period's name. Bad outline data
is an error at its place: a marker cchc does not know, a marker used twice (both places named),
a bracket in a heading that is not a period word, a heading with nothing under it, a marker
written inside a longer paragraph or a table row.
"""

from __future__ import annotations

import dataclasses

from generator.domain.models import Paragraph, Section
from generator.domain.outline import (
    SLOT_KINDS,
    SLOTS,
    SlotKind,
    embedded_markers,
    looks_like_marker,
    slot,
    slot_of,
    unknown_brackets,
)
from generator.errors import Location, Problems
from generator.inputs.formats.words import WordParagraph, WordSection, WordText
from generator.inputs.parts.report_text import ReportWords

# Blocks an outline normally has: leaving one out is allowed but said, as it may be a slip.
EXPECTED = ("nhiem_vu", "tthc", "chi_tieu")
_KNOWN = "; ".join(kind.marker for kind in SLOTS)


def has_markers(text: WordText) -> bool:
    """True when the words file places computed blocks itself (at least one marker)."""
    return any(looks_like_marker(p.text) or embedded_markers(p.text) for p in text.paragraphs())


def read_outline(text: WordText, problems: Problems) -> ReportWords:
    """The outline of ``text`` with its slots; every defect is noted in ``problems``."""
    seen: dict[str, Location] = {}
    body = tuple(_section(section, seen, problems) for section in text.sections)
    for paragraph in text.closing:
        if looks_like_marker(paragraph.text):
            problems.add(
                paragraph.location, "dấu số liệu đặt sau đoạn kết “Trên đây là …”: hãy chuyển lên trên"
            )
    for key in EXPECTED:
        if key not in seen:
            kind = SLOT_KINDS[key]
            problems.warn(text.at(), _missing(kind))
    return ReportWords(body, tuple(p.freeze() for p in text.closing))


def _missing(kind: SlotKind) -> str:
    """The warning for a block the outline leaves out; an appendix it refers to is still attached."""
    what, appendix = kind.what, ""
    if what.endswith(")") and " (Phụ lục " in what:
        what, _, named = what.rpartition(" (")
        appendix = f"; {named[:-1]} vẫn kèm theo báo cáo"
    return f"đề cương không có dấu {kind.marker}: báo cáo sẽ không có {what}{appendix}"


def _section(section: WordSection, seen: dict[str, Location], problems: Problems) -> Section:
    for bracket in unknown_brackets(section.title):
        problems.add(section.location, f"“{bracket}” trong đề mục: cchc chỉ thay [kỳ báo cáo] và [kỳ tới] "
                     "bằng tên kỳ; các dấu số liệu phải là một đoạn riêng dưới đề mục")  # fmt: skip
    content: list[Section | Paragraph] = []
    for item in section.content:
        if isinstance(item, WordSection):
            content.append(_section(item, seen, problems))
        else:
            content.append(_paragraph(item, seen, problems))
    if not any(_prints(item) for item in content):
        problems.add(section.location, "chưa có nội dung (dấu số liệu của mục này chỉ in khi có số liệu: "
                     "hãy viết ít nhất một đoạn)" if content else "chưa có nội dung")  # fmt: skip
    return Section(section.title, tuple(content))


def _prints(item: Section | Paragraph) -> bool:
    """Whether the item always puts something under its heading."""
    return isinstance(item, Section) or not item.slot or SLOT_KINDS[item.slot].always


def _paragraph(paragraph: WordParagraph, seen: dict[str, Location], problems: Problems) -> Paragraph:
    if not looks_like_marker(paragraph.text):
        for marker in embedded_markers(paragraph.text):
            where = "một ô bảng" if paragraph.location.table is not None else "một đoạn văn"
            problems.add(paragraph.location, f"dấu “{marker}” nằm trong {where}: cchc chỉ viết số liệu vào chỗ "
                         "dấu đứng riêng một đoạn; hãy tách dấu thành một đoạn riêng")  # fmt: skip
            if (key := slot_of(marker)) is not None:
                seen.setdefault(key, paragraph.location)  # meant: not also "missing"
        return paragraph.freeze()
    key = slot_of(paragraph.text)
    if key is None:
        problems.add(
            paragraph.location, f"cchc không hiểu dấu “{paragraph.text}” (các dấu hiểu được: {_KNOWN})"
        )
        return Paragraph(paragraph.text)
    if key in seen:
        first = str(dataclasses.replace(seen[key], file="")).lstrip(", ")
        problems.add(
            paragraph.location, f"dấu {SLOT_KINDS[key].marker} đã đặt ở {first}; mỗi dấu chỉ đặt một lần"
        )
    else:
        seen[key] = paragraph.location
    return slot(key)
