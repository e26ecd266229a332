"""Next year's draft from a Word and Excel folder: the same year moves as for YAML, in place.

ke_hoach.docx is copied with the plan year moved in its paragraphs (in the opening, cited
documents keep their years and the opening is listed for review), run formatting untouched. In the workbook
the "Kế hoạch" sheet gets the new year, số and ngày blanked, the trích yếu and appendix
title moved; the "Chỉ tiêu" sheet's sentences move with the paragraphs they quote. The
rules are those of ``domain.year_shift`` (docs/deadlines.md §4).
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.domain.models import Plan
from generator.domain.sheets import PLAN_SHEET, TARGET_COLUMNS, TARGET_SHEET, TASK_SHEET, UNIT_SHEET
from generator.domain.text import normalise_header
from generator.errors import GeneratorError, Location, Problems
from generator.files import write_atomic
from generator.inputs.folders import InputSet
from generator.inputs.formats import WordParagraph, load_words, read_words
from generator.inputs.parts import PLAN_ITEMS, find_sheet
from generator.workflows.change_list import opening_review
from generator.workflows.workbooks import put

Shift = Callable[[str, str], str]  # (text, place) → the text with the plan year moved, noted


@dataclass
class PlanFiles:
    """The files that hold a plan, as rollover copies them."""

    yamls: list[Path]  # YAML files with don_vi: or ke_hoach:
    words: Path | None  # the plan's words in Word
    books: list[Path]  # workbooks with the tasks, the unit profile, the plan's header or targets
    task_book: Path
    task_title: str  # the task sheet's title as the file spells it

    def all(self) -> list[Path]:
        return [*self.yamls, *([self.words] if self.words else []), *self.books]


def plan_files(inputs: InputSet) -> PlanFiles:
    """Which files of ``inputs`` hold the plan (a plan was read from them, so they exist)."""
    yamls = [doc.path for role, doc in inputs.parts.items() if role in ("don_vi", "ke_hoach")]
    words = inputs.words.get("ke_hoach")
    book = find_sheet(inputs.workbooks, TASK_SHEET, Problems())
    title = book.find_title(TASK_SHEET) if book is not None else None
    if book is None or title is None:
        raise GeneratorError("không tìm thấy trang Nhiệm vụ")
    book.close()
    sheets = [inputs.sheets.get(name) for name in (UNIT_SHEET, PLAN_SHEET, TARGET_SHEET)]
    books = list(dict.fromkeys([book.path, *(path for path in sheets if path is not None)]))
    return PlanFiles(list(dict.fromkeys(yamls)), words.path if words else None, books, book.path, title)


def copy_words(source: Path, out: Path, plan: Plan, year: int, shift: Shift, review: list[str]) -> Path:
    """Write ``out/<name>`` with every paragraph's plan year moved; the opening is also flagged."""
    import docx

    from generator.ooxml.editing import plain_text, set_text

    words = load_words(source, Problems())
    text = read_words(source, words.blocks if words else (), Problems())
    places = {p.location.paragraph: p for p in text.paragraphs() if p.location.paragraph is not None}
    opening = {p.location.paragraph for p in text.opening}
    document = docx.Document(str(source))
    for number, paragraph in enumerate(document.element.body.iterchildren("{*}p"), start=1):
        found: WordParagraph | None = places.get(number)
        where = str(_named(found.location) if found else Location(source.name, paragraph=number))
        if number in opening:
            review.append(opening_review(where, year))
        old = plain_text(paragraph)
        if old.strip():
            set_text(paragraph, shift(old, where))
    buffer = io.BytesIO()
    document.save(buffer)
    target = out / source.name
    write_atomic(target, buffer.getvalue())
    return target


def shift_sheets(book: Any, name: str, plan: Plan, year: int, shift: Shift) -> None:
    """Move the year in the "Kế hoạch" and "Chỉ tiêu" sheets of ``book`` (an openpyxl workbook)."""
    titles = {normalise_header(title): title for title in book.sheetnames}
    form = titles.get(normalise_header(PLAN_SHEET))
    if form is not None:
        _plan_form(book[form], name, plan, year, shift)
    targets = titles.get(normalise_header(TARGET_SHEET))
    if targets is not None:
        _target_sentences(book[targets], name, shift)


def _plan_form(sheet: Any, name: str, plan: Plan, year: int, shift: Shift) -> None:
    keys = {label: item.key for item in PLAN_ITEMS for label in item.names()}
    for row in sheet.iter_rows(min_row=2):
        key = keys.get(normalise_header(row[0].value))
        if key is None or len(row) < 2:
            continue
        cell = row[1]
        if key == "nam":
            cell.value = year
        elif key in ("so", "ngay_ban_hanh"):
            cell.value = None
        elif key == "nam_ban_hanh" and isinstance(cell.value, int):
            cell.value += year - plan.year
        elif isinstance(cell.value, str) and cell.data_type != "f":  # the user's own formula stays
            put(cell, shift(cell.value, str(Location(name, sheet=sheet.title, row=cell.row, column=2))))


def _target_sentences(sheet: Any, name: str, shift: Shift) -> None:
    names = TARGET_COLUMNS[0].names()
    for row in sheet.iter_rows(min_row=1, max_row=10):
        column = next((c.column for c in row if normalise_header(c.value) in names), None)
        if column is None:
            continue
        for cell in sheet.iter_rows(min_row=row[0].row + 1, min_col=column, max_col=column):
            if isinstance(cell[0].value, str) and cell[0].data_type != "f":
                where = str(Location(name, sheet=sheet.title, row=cell[0].row, column=column))
                put(cell[0], shift(cell[0].value, where))
        return


def _named(location: Location) -> Location:
    """The place as the change list prints it: the file's name without its folder."""
    from dataclasses import replace

    return replace(location, file=Path(location.file).name)
