"""The appendix of tasks (sheet "Nhiệm vụ") → ``TaskGroup``s numbered within each group."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

from generator.domain.areas import DEFAULT_GROUPS
from generator.domain.deadlines import DeadlineError, read_cell, undated_notice, year_notices
from generator.domain.headings import roman_value
from generator.domain.models import Task, TaskGroup
from generator.domain.sheets import TASK_COLUMNS as TASK_COLUMNS
from generator.domain.sheets import TASK_SHEET as TASK_SHEET
from generator.domain.sheets import column
from generator.errors import Location, Problems
from generator.inputs.documents.appendix_header import is_stt
from generator.inputs.formats.cells import CellReader
from generator.inputs.formats.excel import Cell, Sheet, Workbook
from generator.inputs.formats.fields import Fields

LEAP_YEAR = 2024


def find_sheet(workbooks: list[Path], title: str, problems: Problems) -> Workbook | None:
    """The first workbook that has sheet ``title``; a problem when none has (when one cannot be
    read, its reason, which explains the sheet missing)."""
    scratch = Problems()
    for path in workbooks:
        book = Workbook(path, scratch)
        if book.ok and book.find_title(title) is not None:
            problems.items.extend(p for p in scratch.items if p.location.file == str(path))
            book.problems = problems  # what the sheet reader notes from now on is the caller's
            return book
        book.close()
    problems.items.extend(p for p in scratch.errors if p not in problems.items)  # not reported twice
    if scratch.errors:  # a workbook that cannot be read may hold the sheet: its reason says it all
        return None
    names = ", ".join(str(p) for p in workbooks) or "(không có tệp .xlsx nào)"
    problems.add(Location(names), f'không tìm thấy trang "{title}" trong các tệp Excel đầu vào')
    return None


def read_tasks(
    workbooks: list[Path], titles: dict[str, str], problems: Problems, *, year: int | None
) -> tuple[TaskGroup, ...] | None:
    """Read, number and group the tasks under ``titles`` (numeral → group title); every defect
    is recorded with its cell.

    Each deadline is read as the report will read it (``deadlines.parse_cell``) for the plan
    ``year``, so a phrase the report could not use is an error in the plan, not months later.
    ``year`` is None when the plan's year is itself wrong: the phrases are still checked.
    """
    before = len(problems.errors)
    book = find_sheet(workbooks, TASK_SHEET, problems)
    if book is None:
        return None
    try:
        sheet = book.sheet(TASK_SHEET, TASK_COLUMNS, others=True)
        if sheet is None:
            return None
        reader = CellReader(book, problems)
        _drop_numbers(sheet, problems)
        rows = [_task_row(reader, row, titles, year) for row in sheet.rows]
        if sheet.rows and "thoi_gian" not in sheet.rows[0]:
            deadline = column(TASK_COLUMNS, "thoi_gian")
            problems.warn(
                Location(str(book.path), sheet=sheet.title, row=sheet.header_row),
                f'không có cột "{deadline.header}" (hay "{deadline.aliases[0]}"): cột thời hạn của '
                "phụ lục sẽ để trống; thêm cột này với đúng tên đó",
            )
    finally:
        book.close()
    groups = _group(rows, titles, Location(str(book.path), sheet=sheet.title), problems)
    return groups if len(problems.errors) == before else None


def _drop_numbers(sheet: Sheet, problems: Problems) -> None:
    """A column "STT" of the sheet is not a column of the plan's own: cchc numbers the tasks."""
    rows = sheet.rows
    numbers = [key for key in (rows[0] if rows else {}) if key.startswith("+") and is_stt(key[1:])]
    for key in numbers:
        where = rows[0][key].location
        header = Location(where.file, sheet=where.sheet, row=sheet.header_row, column=where.column)
        problems.warn(header, f'bỏ qua cột "{key[1:]}": cchc tự đánh số thứ tự trong từng nhóm')
    for row in rows:
        for key in numbers:
            row.pop(key, None)


def group_titles(fields: Fields, value: Any) -> dict[str, str]:
    """The groups a task may name, in numeral order: the default seven (I–VII) with the titles and
    the extra numerals of ``ke_hoach.phu_luc.nhom`` in YAML, as the "Kế hoạch" sheet's "Tên nhóm …"
    items do for Word and Excel."""
    titles = dict(DEFAULT_GROUPS)
    path = "ke_hoach.phu_luc.nhom"
    for key, title in ((fields.mapping(value, path) or {}) if value is not None else {}).items():
        numeral = str(key).strip().upper()
        if roman_value(numeral) is None:
            fields.problem(f"{path}.{key}", f'"{key}" không phải số La Mã của nhóm (I, II, … như ở cột Nhóm)')
        elif not isinstance(title, str | int) or isinstance(title, bool) or not str(title).strip():
            fields.problem(f"{path}.{key}", "cần tên nhóm (một đoạn văn bản)")
        else:
            titles[numeral] = str(title).strip()
    return dict(sorted(titles.items(), key=lambda item: roman_value(item[0]) or 0))


def _task_row(
    reader: CellReader, row: dict[str, Cell], titles: dict[str, str], year: int | None
) -> dict[str, Any]:
    group = reader.choice(row["nhom"], titles, "nhóm")
    sub = row.get("dong_con")
    values = {
        key: reader.text(row[key], required=False) if key in row else ""
        for key in ("san_pham", "chu_tri", "phoi_hop", "thoi_gian", "kinh_phi")
    }
    if values["thoi_gian"]:
        _check_deadline(reader.problems, row["thoi_gian"], values["thoi_gian"], year)
    return {
        "group": group,
        "code": reader.text(row["ma"], required=False) if "ma" in row else "",
        "text": reader.text(row["nhiem_vu"]),
        "sub": bool(sub and not sub.blank),
        "cells": row,
        "values": values,
        "extra": tuple((k[1:], reader.text(c, required=False)) for k, c in row.items() if k.startswith("+")),
    }


def _check_deadline(problems: Problems, cell: Cell, text: str, year: int | None) -> None:
    """An impossible date is an error; text naming no date is printed as written, with a notice."""
    try:  # when the plan's year is itself wrong, a leap year: no phrase is refused for its 29/02
        dated, undated = read_cell(text, year if year is not None else LEAP_YEAR)
    except DeadlineError as exc:
        problems.add(cell.location, str(exc))
        return
    if undated:
        problems.warn(cell.location, undated_notice(undated))
    for notice in year_notices(dated, year) if year is not None else []:
        problems.warn(cell.location, notice)


def _group(
    rows: list[dict[str, Any]], titles: dict[str, str], where: Location, problems: Problems
) -> tuple[TaskGroup, ...]:
    by_group: dict[str, list[Task]] = {numeral: [] for numeral in titles}
    numbering = {numeral: _Numbering() for numeral in titles}
    seen_codes: dict[str, Location] = {}
    seen_texts: dict[tuple[str, str], Location] = {}
    for row in rows:
        if row["group"] is None or not row["text"]:
            continue
        tasks = by_group[row["group"]]
        task = _make_task(row, numbering[row["group"]], problems)
        if task is None:
            continue
        first = seen_codes.setdefault(task.code, task.location)
        if first is not task.location:
            problems.add(task.location, f'mã nhiệm vụ "{task.code}" trùng với dòng ở ô {first.cell}')
        first_text = seen_texts.setdefault((task.group, task.text.casefold()), task.location)
        if first_text is not task.location:
            problems.add(task.location, f"nhiệm vụ trùng lặp với ô {first_text.cell}")
        tasks.append(task)
    if not rows:  # rows there but all wrong have their own errors
        problems.add(where, "phụ lục không có nhiệm vụ nào: cần ít nhất một dòng có Nhóm và Nhiệm vụ cụ thể")
    # A group without tasks is left out; the others keep their numerals (docs/thu-muc-lam-viec.md, "Nhóm nhiệm vụ").
    return tuple(TaskGroup(n, titles[n], tuple(t)) for n, t in by_group.items() if t)


class _Numbering:
    """What numbering the next row of one group needs, kept as rows come so it costs no rescan.

    ``numbered``: tasks with an STT so far; ``parent``: the last of them; ``under``: how many
    tasks have a code starting with a given code and a dot ("I.1" → I.1.1, I.1.2, I.1.2.1).
    """

    def __init__(self) -> None:
        self.numbered = 0
        self.parent: Task | None = None
        self.under: Counter[str] = Counter()

    def add(self, task: Task) -> None:
        if task.number is not None:
            self.numbered += 1
            self.parent = task
        dot = task.code.find(".")
        while dot != -1:
            self.under[task.code[:dot]] += 1
            dot = task.code.find(".", dot + 1)


def _make_task(row: dict[str, Any], numbering: _Numbering, problems: Problems) -> Task | None:
    location = row["cells"]["nhiem_vu"].location
    parent = numbering.parent
    if row["sub"] and parent is None:
        problems.add(location, "dòng con phải nằm dưới một nhiệm vụ của cùng nhóm")
        return None
    if row["sub"] and parent is not None:
        number, code = None, f"{parent.code}.{numbering.under[parent.code] + 1}"
    else:
        number = numbering.numbered + 1
        code = f"{row['group']}.{number}"
    values = row["values"]
    task = Task(
        code=row["code"] or code,
        group=row["group"],
        number=number,
        text=row["text"],
        product=values["san_pham"],
        lead=values["chu_tri"],
        partners=values["phoi_hop"],
        deadline=values["thoi_gian"],
        budget=values["kinh_phi"],
        location=location,
        deadline_location=row["cells"]["thoi_gian"].location if "thoi_gian" in row["cells"] else None,
        product_location=row["cells"]["san_pham"].location if "san_pham" in row["cells"] else None,
        extra=row.get("extra", ()),
    )
    numbering.add(task)
    return task
