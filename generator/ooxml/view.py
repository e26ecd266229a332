"""A Word document laid out for reading: every paragraph in reading order, with its place.

Paragraphs come from the body, from table cells (nested tables included) and from text
boxes, each with a ``Place`` ("đoạn 12", "bảng 1, hàng 2", "khung chữ 1"), its Word
section and its container (the body, a cell, a text box). A paragraph is cut into
``Piece``s at line breaks and tabs, because hand-made headers often put the agency and the
Quốc hiệu on one line separated by tabs.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from typing import Any, cast

from docx.document import Document
from docx.oxml.ns import qn
from docx.oxml.text.paragraph import CT_P
from docx.section import Section
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from generator.ooxml.places import Place
from generator.ooxml.reading import (
    FALLBACK,
    RunFormat,
    paragraph_runs,
    paragraph_text,
    run_format,
    text_boxes,
)

_BREAK = re.compile(r"([\n\t])")


@dataclass(frozen=True)
class Piece:
    """A line (or a tab-separated column of a line) of a paragraph, with the runs that hold it."""

    item: Item
    text: str  # stripped
    runs: tuple[Run, ...]  # runs with visible text in this piece

    @property
    def place(self) -> Place:
        return self.item.place.with_text(self.text)

    def formats(self) -> list[RunFormat]:
        """The effective formatting of each run of the piece."""
        return [run_format(self.item.paragraph, run) for run in self.runs]


@dataclass(frozen=True)
class Item:
    """One paragraph of the document in reading order."""

    paragraph: Paragraph
    place: Place  # with the paragraph's first words
    section: int  # 1-based
    container: Any  # the XML element holding the paragraph: body, cell or text box
    top_level: bool  # a paragraph of the body itself, not of a table or text box
    text: str
    index: int = -1  # position in ``DocumentView.items`` (-1 for headers and footers)

    def pieces(self) -> list[Piece]:
        """The paragraph cut at line breaks and tabs; empty pieces left out."""
        pieces: list[Piece] = []
        chunks: list[tuple[str, Run]] = []
        for run in paragraph_runs(self.paragraph):
            for part in _BREAK.split(run.text):
                if part in ("\n", "\t"):
                    pieces += self._piece(chunks)
                    chunks = []
                elif part:
                    chunks.append((part, run))
        return pieces + self._piece(chunks)

    def _piece(self, chunks: list[tuple[str, Run]]) -> list[Piece]:
        text = "".join(chunk for chunk, _ in chunks).strip()
        runs: list[Run] = []
        for chunk, run in chunks:
            if chunk.strip() and all(run._r is not r._r for r in runs):
                runs.append(run)
        return [Piece(self, text, tuple(runs))] if text else []


@dataclass
class DocumentView:
    """The document's paragraphs (body, tables, text boxes) and its page headers and footers."""

    document: Document
    items: list[Item] = field(default_factory=list)
    page_items: list[Item] = field(default_factory=list)  # headers and footers
    tables: list[tuple[Table, int]] = field(default_factory=list)  # top-level table, section

    @property
    def sections(self) -> list[Section]:
        return list(self.document.sections)

    def pieces(self) -> Iterator[Piece]:
        for item in self.items:
            yield from item.pieces()


class _Walker:
    """Numbers paragraphs, tables and text boxes while walking the body once."""

    def __init__(self, view: DocumentView) -> None:
        self.view = view
        self.section = 1
        self.paragraphs = 0
        self.text_boxes = 0

    def body(self) -> None:
        body = self.view.document.element.body
        for block in self.view.document.iter_inner_content():
            if isinstance(block, Paragraph):
                self.paragraphs += 1
                self.add(block, Place(paragraph=self.paragraphs), body, top_level=True)
                if block._p.pPr is not None and block._p.pPr.find(qn("w:sectPr")) is not None:
                    self.section += 1
            else:
                self.view.tables.append((block, self.section))
                self.table(block, Place(table=len(self.view.tables)))

    def table(self, table: Table, place: Place) -> None:
        for number, row in enumerate(table.rows, start=1):
            row_place = place if place.row is not None else replace(place, row=number)
            seen: list[Any] = []
            for cell in row.cells:
                if any(cell._tc is other for other in seen):
                    continue
                seen.append(cell._tc)
                self.cell(cell, row_place)

    def cell(self, cell: _Cell, place: Place) -> None:
        for block in cell.iter_inner_content():
            if isinstance(block, Paragraph):
                self.add(block, place, cell._tc, top_level=False)
            else:
                self.table(block, place)

    def add(self, paragraph: Paragraph, place: Place, container: Any, *, top_level: bool) -> None:
        text = paragraph_text(paragraph)
        item = Item(
            paragraph, place.with_text(text), self.section, container, top_level, text, len(self.view.items)
        )
        self.view.items.append(item)
        for box in text_boxes(paragraph):
            self.text_boxes += 1
            for inner in box:
                self.add(inner, Place(text_box=self.text_boxes), inner._p.getparent(), top_level=False)


def _page_items(document: Document) -> list[Item]:
    """Paragraphs of every header and footer a section defines (each part once)."""
    kinds = (
        ("header", "đầu trang"),
        ("first_page_header", "đầu trang trang đầu"),
        ("even_page_header", "đầu trang trang chẵn"),
        ("footer", "chân trang"),
        ("first_page_footer", "chân trang trang đầu"),
        ("even_page_footer", "chân trang trang chẵn"),
    )
    items: list[Item] = []
    seen: list[Any] = []
    for number, section in enumerate(document.sections, start=1):
        for attribute, label in kinds:
            story = getattr(section, attribute)
            if story.is_linked_to_previous or any(story.part is other for other in seen):
                continue
            seen.append(story.part)
            place = Place(section=number, page_part=label)
            root = story.part.element
            for p in root.iter(qn("w:p")):
                if any(a.tag == FALLBACK for a in p.iterancestors()):
                    continue
                paragraph = Paragraph(cast(CT_P, p), story)
                text = paragraph_text(paragraph)
                items.append(Item(paragraph, place.with_text(text), number, root, False, text))
    return items


def read_view(document: Document) -> DocumentView:
    """Walk ``document`` once into a ``DocumentView``."""
    view = DocumentView(document)
    _Walker(view).body()
    view.page_items = _page_items(document)
    return view
