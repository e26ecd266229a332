"""The published Lộc Thủy 2022 plan (tests/fixtures), split the way the tests compare it.

The fixture is a text export: paragraphs separated by blank lines (a few split in two at
page breaks), ``**`` for bold, ``*`` for italics, and the appendix as tab-separated rows
with the header row repeated at each page break.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

SEED = Path(__file__).parent / "fixtures" / "seed_loc_thuy_2022.txt"
ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII")
HEADING = re.compile(r"^(?:[IVX]+\.|\d+\.|[a-zđ]\))\s+")
# The one correction the example makes to the seed's wording (a typo in a heading).
CORRECTIONS = {"II. NHIỆM VỤ CẢI HÀNH CHÍNH CHÍNH": "II. NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH"}


def norm(text: str) -> str:
    """Compare texts as a reader would: no markup, cell lines and spaces folded."""
    return " ".join(text.replace("*", "").replace("-----", " ").split())


@dataclass(frozen=True)
class SeedRow:
    group: str  # "I".."VII"
    number: str  # STT as printed in the seed ("" for the sub-row)
    cells: tuple[str, ...]  # the six cells after STT, normalised


def _chunks() -> list[str]:
    return [c.strip() for c in SEED.read_text(encoding="utf-8").split("\n\n") if c.strip()]


def body_paragraphs() -> list[str]:
    """Every paragraph from the title to the end of the closing paragraph, rejoined."""
    paragraphs: list[str] = []
    for chunk in _chunks():
        if chunk.startswith("Nơi nhận"):
            break
        for line in chunk.split("\n"):
            text = norm(line)
            if not text:
                continue
            joinable = paragraphs and not re.search(r"[.;:)]$", paragraphs[-1])
            if joinable and re.match(r"^[a-zđ]", text) and not re.match(r"^[a-zđ]\) ", text):
                paragraphs[-1] += " " + text  # a paragraph split by a page break
            else:
                paragraphs.append(CORRECTIONS.get(text, text))
    return paragraphs


def strip_number(text: str) -> str:
    return HEADING.sub("", text)


def closing_block() -> list[str]:
    """Nơi nhận, its items, the signer's lines and name, as printed."""
    text = SEED.read_text(encoding="utf-8")
    block = text[text.index("Nơi nhận:") : text.index("PHỤ LỤC")]
    return [norm(line) for line in block.splitlines() if norm(line)]


def appendix_heading() -> list[str]:
    text = SEED.read_text(encoding="utf-8")
    block = text[text.index("PHỤ LỤC") :].split("\n\n")[0]
    return [norm(line) for line in block.splitlines() if norm(line)]


def appendix_rows() -> list[SeedRow]:
    rows: list[SeedRow] = []
    group = ""
    for line in SEED.read_text(encoding="utf-8").splitlines():
        cells = line.split("\t")
        if len(cells) < 7 or cells[0] == "STT":
            continue
        if cells[0] in ROMAN:
            group = cells[0]
            continue
        rows.append(SeedRow(group, cells[0], tuple(norm(c) for c in cells[1:7])))
    return rows


def group_titles() -> dict[str, str]:
    titles = {}
    for line in SEED.read_text(encoding="utf-8").splitlines():
        cells = line.split("\t")
        if len(cells) >= 2 and cells[0] in ROMAN:
            titles[cells[0]] = norm(cells[1])
    return titles


def deadline_phrases() -> set[str]:
    """Every phrase of the deadline column, one per product (split where the export joined them)."""
    phrases: set[str] = set()
    for line in SEED.read_text(encoding="utf-8").splitlines():
        cells = line.split("\t")
        if len(cells) < 7 or cells[0] in ("STT", "", *ROMAN):
            continue
        cell = cells[5].replace("Quý I/2022 Năm 2022", "Quý I/2022 ----- Năm 2022")
        phrases.update(" ".join(p.split()) for p in cell.split("-----") if p.strip())
    return phrases
