"""Where the parts of an administrative document are: header block, title, body, closing, appendices.

Parts are found by their text, not by their position in a table, so a hand-made document
laid out with paragraphs, tabs or text boxes is read as well as cchc's own two-column
tables. What cannot be found is left empty, and the rules report it as a warning.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from generator.domain.nd30_patterns import (
    AUTHORITY_START,
    HEADING,
    document_type,
    fold,
    is_appendix_heading,
    is_recipients_heading,
)
from generator.ooxml.reading import paragraph_format
from generator.ooxml.view import DocumentView, Item, Piece

_LONG_PARAGRAPH = 15  # words: without a title, the header ends before the first long paragraph


@dataclass
class Outline:
    """The document's parts; each may be empty when it could not be found."""

    header: list[Piece] = field(default_factory=list)  # page-1 header block
    header_end: int = 0  # index of the first item after the header block
    title: Piece | None = None  # tên loại: KẾ HOẠCH, BÁO CÁO …
    summary: Piece | None = None  # trích yếu
    body: list[Item] = field(default_factory=list)  # paragraphs of the body (nội dung)
    closing: list[Piece] = field(default_factory=list)  # signature and Nơi nhận
    appendices: list[Item] = field(default_factory=list)  # "PHỤ LỤC" headings
    addressed: bool = False  # "Kính gửi:" present


def read_outline(view: DocumentView) -> Outline:
    """Find the parts of ``view``'s document."""
    outline = Outline()
    items = view.items
    outline.appendices = [i for i in items if i.top_level and _first_line_is_appendix(i)]
    end = outline.appendices[0].index if outline.appendices else len(items)
    title_at = _find_title(outline, items[:end])
    outline.header_end = title_at
    outline.header = _first_page_header(view) + [p for i in items[:title_at] for p in i.pieces()]
    start = _summary(outline, items, title_at) if outline.title else title_at
    start = _skip_addressee(outline, items, start, end)
    closing_at = _closing_start(items, start, end)
    outline.body = [i for i in items[start:closing_at] if i.top_level and i.text.strip()]
    outline.closing = [p for i in items[closing_at:end] for p in i.pieces()]
    return outline


def _first_line_is_appendix(item: Item) -> bool:
    pieces = item.pieces()
    return bool(pieces) and is_appendix_heading(pieces[0].text)


def _find_title(outline: Outline, items: list[Item]) -> int:
    """Index of the item holding the tên loại; without one, of the first long body paragraph."""
    for item in items:
        pieces = item.pieces()
        if pieces and document_type(pieces[0].text):
            outline.title = pieces[0]
            return item.index
    long = (i.index for i in items if i.top_level and len(i.text.split()) > _LONG_PARAGRAPH)
    return next(long, len(items))


def _summary(outline: Outline, items: list[Item], title_at: int) -> int:
    """Set the trích yếu (next line of the title, or next paragraph if centred or bold); return the body start."""
    pieces = items[title_at].pieces()
    if len(pieces) > 1:
        outline.summary = pieces[1]
        return title_at + 1
    following = next((i for i in items[title_at + 1 :] if i.text.strip()), None)
    if following is None or not following.top_level:
        return title_at + 1
    candidate = following.pieces()[0]
    if not HEADING.match(candidate.text) and _looks_like_summary(following):
        outline.summary = candidate
        return following.index + 1
    return title_at + 1


def _looks_like_summary(item: Item) -> bool:
    pieces = item.pieces()
    bold = all(f.bold for f in pieces[0].formats())
    return bold or paragraph_format(item.paragraph).alignment == "center"


def _skip_addressee(outline: Outline, items: list[Item], start: int, end: int) -> int:
    """Skip "Kính gửi: …" and its "- …" lines (ô 9a), which are not body paragraphs."""
    position = start
    while position < end and not items[position].text.strip():
        position += 1
    if position >= end or not fold(items[position].text).startswith("Kính gửi"):
        return start
    outline.addressed = True
    position += 1
    while position < end and fold(items[position].text).startswith(("-", "–", "+")):
        position += 1
    return position


def _closing_start(items: list[Item], start: int, end: int) -> int:
    """The first item of the signature or Nơi nhận, or the one after the closing "./."."""
    finished = [i.index + 1 for i in items[start:end] if fold(i.text).endswith("./.")]
    for item in items[start:end]:
        pieces = item.pieces()
        if any(is_recipients_heading(p.text) or AUTHORITY_START.match(p.text) for p in pieces):
            return min([item.index, *finished[-1:]])
    return finished[-1] if finished else end


def _first_page_header(view: DocumentView) -> list[Piece]:
    """The header shown on page 1: some hand-made documents put the whole header block there."""
    if not view.sections:
        return []
    first = view.sections[0]
    label = "đầu trang trang đầu" if first.different_first_page_header_footer else "đầu trang"
    items = [i for i in view.page_items if i.section == 1 and i.place.page_part == label]
    return [p for i in items for p in i.pieces() if any(ch.isalpha() for ch in p.text)]
