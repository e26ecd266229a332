"""Words written in Word → headings and paragraphs, each with the place a person finds it.

The plan's and the report's own words can be a .docx in any style: a heading is a line
numbered "I.", "1.", "a)" (typed or drawn by Word's automatic numbering) or a paragraph in a
"Heading N" style; anything else is a paragraph, kept as written ("- …" included). The
number's kind decides the depth (the first kind met is level 1, a new kind goes one level
deeper), so "1./a)" or "I./1./a)" both read. A numbered line that restarts its numbering
or reads like a sentence (long, ending with ";") is a list item, not a heading. In a file
whose headings use "Heading N" styles (as cchc writes them), only those are headings.

Before the first heading is the opening (mở đầu); the closing (đoạn kết) is the last
paragraph starting "Trên đây" (and what follows), or a last paragraph ending "./.". Lines
"[Hướng dẫn: …]" that ``cchc init`` writes are skipped. The same reader serves
``cchc import``, so a plan reads the same whether imported or kept as the working file.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from generator.domain.headings import Marker, split_marker
from generator.domain.models import Paragraph, Section, Target
from generator.domain.nd30_patterns import fold
from generator.errors import Location, Problems
from generator.inputs.formats.text import clean_text
from generator.ooxml.places import Block, snippet

MAX_DEPTH = 3  # I. / 1. / a): the levels ND 30 gives a kế hoạch or báo cáo
HEADING_WORDS = 30  # a longer numbered line is a list item, not a heading
GUIDANCE = re.compile(r"^\[\s*hướng dẫn\b.*\]$", re.IGNORECASE | re.DOTALL)
_LABEL_WORDS = 12


@dataclass
class WordParagraph:
    text: str
    location: Location
    targets: list[Target] = field(default_factory=list)

    def freeze(self) -> Paragraph:
        return Paragraph(self.text, tuple(self.targets))


@dataclass
class WordSection:
    title: str  # without its number; level 1 in capitals, as the document prints it
    label: str  # as it reads in the file: "5. Cải cách tài chính công"
    location: Location
    depth: int
    content: list[WordSection | WordParagraph] = field(default_factory=list)

    def freeze(self) -> Section:
        return Section(self.title, tuple(item.freeze() for item in self.content))


@dataclass
class WordText:
    """The words of one file: opening, sections, closing."""

    path: Path
    opening: list[WordParagraph] = field(default_factory=list)
    sections: list[WordSection] = field(default_factory=list)
    closing: list[WordParagraph] = field(default_factory=list)

    def paragraphs(self) -> Iterator[WordParagraph]:
        """Every paragraph in reading order."""
        yield from self.opening
        stack: list[WordSection | WordParagraph] = list(self.sections)
        while stack:
            item = stack.pop(0)
            if isinstance(item, WordParagraph):
                yield item
            else:
                stack[:0] = item.content
        yield from self.closing

    def at(self) -> Location:
        return Location(str(self.path))


def read_words(path: Path, blocks: Sequence[Block], problems: Problems) -> WordText:
    """Build the outline of ``blocks`` (the body of ``path``); tables are kept as paragraphs.

    Each block's text is cleaned as Excel and YAML text is (``text.clean_text``).
    """
    cleaned = [_cleaned(path, b, problems) for b in blocks if b.text.strip()]
    kept = [b for b in cleaned if b.text.strip() and not GUIDANCE.match(fold(b.full_text))]
    start = _closing_start(kept)
    builder = _Builder(WordText(path), problems, styled=any(b.heading_level for b in kept))
    for block in kept[:start]:
        builder.add(block)
    builder.stack.clear()  # the closing belongs to no heading
    builder.text.closing = [builder.paragraph(block) for block in kept[start:]]
    return builder.text


def _cleaned(path: Path, block: Block, problems: Problems) -> Block:
    """``block`` with its text cleaned; each notice quotes the cleaned words."""
    noted = Problems()
    text = clean_text(block.text, Location(str(path)), noted)
    where = Location(str(path), paragraph=block.paragraph, table=block.table, row=block.row,
                     excerpt=snippet(text) if block.paragraph is not None else None)  # fmt: skip
    problems.items += [replace(problem, location=where) for problem in noted.items]
    return block if text == block.text else replace(block, text=text)


def empty_sections(text: WordText, problems: Problems) -> None:
    """An error at each heading with nothing under it (the YAML reader's "thiếu nội dung")."""
    stack = list(text.sections)
    while stack:
        section = stack.pop(0)
        if not section.content:
            problems.add(section.location, "chưa có nội dung")
        stack[:0] = [item for item in section.content if isinstance(item, WordSection)]


def _closing_start(blocks: list[Block]) -> int:
    starts = [i for i, b in enumerate(blocks) if fold(b.full_text).casefold().startswith("trên đây")]
    if starts:
        return starts[-1]
    if blocks and fold(blocks[-1].full_text).endswith("./.") and blocks[-1].table is None:
        return len(blocks) - 1
    return len(blocks)


class _Builder:
    """Places blocks one by one under the open headings."""

    def __init__(self, text: WordText, problems: Problems, *, styled: bool) -> None:
        self.text = text
        self.problems = problems
        self.styled = styled  # the file marks its headings with "Heading N" styles: only those count
        self.stack: list[WordSection] = []
        self.kinds: list[str | None] = []  # the number kind of each depth, as first met
        self.last: list[int | None] = []  # the last heading number at each depth
        self.list: tuple[str, int] | None = None  # a numbered list under way: its kind, last number

    def add(self, block: Block) -> None:
        marker, rest = split_marker(block.full_text)
        depth = self._heading_depth(block, marker, rest)
        if depth is None:
            paragraph = self.paragraph(block)
            (self.stack[-1].content if self.stack else self.text.opening).append(paragraph)
            return
        depth = min(depth, len(self.stack) + 1)
        del self.stack[depth - 1 :]
        title = rest if marker is not None and not marker.bullet else block.text
        label = snippet(block.full_text, _LABEL_WORDS)
        heading = (*(s.label for s in self.stack), label)
        section = WordSection(title.upper() if depth == 1 else title, label,
                              self._location(block, heading, with_paragraph=False), depth)  # fmt: skip
        (self.stack[-1].content if self.stack else self.text.sections).append(section)
        self.stack.append(section)
        self.kinds = [*self.kinds[: depth - 1], marker.kind if marker else None]
        self.last = [*self.last[: depth - 1], marker.value if marker else None]
        self.list = None

    def _heading_depth(self, block: Block, marker: Marker | None, rest: str) -> int | None:
        if block.table is not None:
            return None
        if block.heading_level is not None:
            return block.heading_level if block.heading_level <= MAX_DEPTH else None
        if marker is None or marker.bullet or not _title_like(rest):
            return None
        if self.styled:
            self.problems.warn(
                self._location(block, tuple(s.label for s in self.stack) or None, with_paragraph=True),
                "dòng đánh số như đề mục nhưng không dùng kiểu Heading như các đề mục khác: được giữ là "
                "đoạn văn (muốn là đề mục thì chọn kiểu Heading 1, 2 hoặc 3)",
            )
            return None
        if self.list is not None and self.list == (marker.kind, (marker.value or 0) - 1):
            self.list = (marker.kind, marker.value or 0)  # the next item of a list under way
            return None
        if marker.kind in self.kinds:
            depth = self.kinds.index(marker.kind) + 1
            last = self.last[depth - 1]
            if last is not None and marker.value is not None and marker.value <= last:
                self.list = (marker.kind, marker.value)  # numbering starts again: a list, not a heading
                return None
            return depth
        return len(self.kinds) + 1 if len(self.kinds) < MAX_DEPTH else None

    def paragraph(self, block: Block) -> WordParagraph:
        """A paragraph at the current place; a table row is kept as one, with a notice."""
        heading = tuple(s.label for s in self.stack) or None
        location = self._location(block, heading, with_paragraph=True)
        if block.table is not None:
            self.problems.warn(location, "bảng trong phần lời văn: nội dung hàng được giữ thành một đoạn văn")
        return WordParagraph(block.full_text, location)

    def _location(self, block: Block, heading: tuple[str, ...] | None, *, with_paragraph: bool) -> Location:
        return Location(
            str(self.text.path),
            heading=heading,
            paragraph=block.paragraph if with_paragraph else None,
            table=block.table if with_paragraph else None,
            row=block.row if with_paragraph else None,
            excerpt=snippet(block.full_text) if with_paragraph and block.paragraph is not None else None,
        )


def _title_like(rest: str) -> bool:
    words = rest.split()
    return bool(words) and len(words) <= HEADING_WORDS and not rest.rstrip().endswith((";", ","))
