"""A document's running text as plain data: one ``Block`` per body paragraph or table row.

Blocks carry what the Word readers need to rebuild an outline — the text, the number Word
draws before it (automatic numbering), a heading level given by a "Heading N" style or an
outline level, and the place ("đoạn N", "bảng N, hàng M") — and nothing of python-docx, so
they can be cached and read without opening the file again.
"""

from __future__ import annotations

from typing import Any

from docx.text.paragraph import Paragraph

from generator.ooxml.numbering import Numbering
from generator.ooxml.places import Block
from generator.ooxml.reading import run_bold
from generator.ooxml.styles import outline_value, style_facts
from generator.ooxml.view import DocumentView, Item

CELL_SEPARATOR = " | "
__all__ = ["Block", "read_blocks"]


def read_blocks(view: DocumentView) -> list[Block]:
    """Every top-level paragraph and table row of the body, in reading order.

    Numbering counters run over the whole document, so a number reads as it does in Word
    even when only a part of the blocks is used.
    """
    numbering = Numbering(view.document)
    blocks: list[Block] = []
    rows: dict[tuple[int, int], list[Item]] = {}
    for item in view.items:
        label = numbering.label(item.paragraph)
        if item.top_level:
            blocks.append(_paragraph_block(item, label))
        elif item.place.table is not None and item.place.row is not None:
            key = (item.place.table, item.place.row)
            if key not in rows:
                rows[key] = []
                blocks.append(Block("", item.index, table=key[0], row=key[1]))
            rows[key].append(item)
    return [_row_block(b, rows[(b.table, b.row)]) if b.table is not None and b.row is not None else b
            for b in blocks]  # fmt: skip


def _paragraph_block(item: Item, label: str) -> Block:
    return Block(
        text=_clean(item.text),
        index=item.index,
        label=label,
        heading_level=heading_level(item.paragraph),
        paragraph=item.place.paragraph,
        bold=_all_bold(item),
    )


def _row_block(block: Block, items: list[Item]) -> Block:
    cells: list[str] = []
    last: Any = None
    for item in items:
        text = _clean(item.text)
        if item.container is last and cells:
            cells[-1] = f"{cells[-1]}\n{text}".strip("\n")
        else:
            cells.append(text)
        last = item.container
    text = CELL_SEPARATOR.join(cell for cell in cells if cell.strip())
    return Block(text, block.index, table=block.table, row=block.row)


def _clean(text: str) -> str:
    return text.replace("\t", " ").strip()


def _all_bold(item: Item) -> bool:
    runs = [run for piece in item.pieces() for run in piece.runs]
    return bool(runs) and all(run_bold(item.paragraph, run) for run in runs)


def heading_level(paragraph: Paragraph) -> int | None:
    """1, 2, 3… when the paragraph is a heading by its style ("Heading 2") or outline level."""
    facts = style_facts(paragraph)
    if facts.named_level is not None:
        return facts.named_level
    value = outline_value(paragraph._p.pPr)
    value = facts.outline if value is None else value
    return value + 1 if value is not None and value < 9 else None
