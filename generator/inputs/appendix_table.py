"""The task appendix of a plan typed in Word → rows of the "Nhiệm vụ" sheet.

Read as an office lays it out: a header row (STT, Nhiệm vụ cụ thể, Sản phẩm, Cơ quan chủ trì,
…) found by its words, maybe a row of column numbers "(1) (2) …", group rows "I", "II" …
(often one cell merged across the row), task rows numbered 1, 2 … within the group, rows
without a number (a sub-row of the task above), cells of several lines. A table split at a
page break — a second table, its header repeated or not — continues the first. A row that
fits nowhere is kept, with its place, for the person to look at.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from generator.domain.headings import roman_value
from generator.domain.nd30_patterns import is_caps
from generator.domain.sheets import UNPLACED_SHEET
from generator.domain.text import normalise_header
from generator.errors import Location, Problems
from generator.inputs.excel import Column
from generator.inputs.tasks import TASK_COLUMNS
from generator.ooxml.reading import paragraph_text

_STT = {"stt", "số tt", "số thứ tự", "tt"}
_NUMBERS_ROW = re.compile(r"^\(?\d{1,2}\)?$")
_HEADER_MATCHES = 3  # known headers a row needs to be taken as the header row


@dataclass
class AppendixRows:
    """What the appendix tables gave: task rows (keyed like ``columns``, with "stt", "nhom",
    "dong_con" and "noi", the row's place), group titles, rows kept for a person to look at."""

    tasks: list[dict[str, Any]] = field(default_factory=list)
    groups: dict[str, str] = field(default_factory=dict)  # numeral → title as typed
    unplaced: list[list[str]] = field(default_factory=list)
    mapping: dict[int, str] | None = None  # grid column → key, carried to a continuation table
    group: str = ""
    columns: Sequence[Column] = TASK_COLUMNS  # the columns the table is read for
    kept_in: str = f"trang “{UNPLACED_SHEET}” của ke_hoach.xlsx"  # where rows that fit nowhere are kept


class Cells(list[str]):
    """A row's text per grid column; ``merged_down`` holds the columns merged with the row above."""

    merged_down: frozenset[int] = frozenset()


def grid_rows(table: Any) -> list[Cells]:
    """Each row's text per grid column: a merged cell's text in its first column, "" in the rest;
    a cell merged down from the row above repeats its text (it holds for both tasks)."""
    from docx.oxml.ns import qn
    from docx.text.paragraph import Paragraph

    grid: list[Cells] = []
    for row in table.rows:
        texts = Cells()
        merged: set[int] = set()
        for tc in row._tr.tc_lst:
            paragraphs = [paragraph_text(Paragraph(p, row)) for p in tc.iter(qn("w:p"))]
            text = "\n".join(line.strip() for p in paragraphs for line in p.split("\n") if line.strip())
            if tc.vMerge == "continue" and grid and len(texts) < len(grid[-1]):
                text = grid[-1][len(texts)]
                merged.add(len(texts))
            texts += [text] + [""] * (tc.grid_span - 1)
        texts.merged_down = frozenset(merged)
        grid.append(texts)
    return grid


def read_appendix(
    tables: list[tuple[int, Any]], path: str, problems: Problems, rows: AppendixRows | None = None
) -> AppendixRows:
    """Read the appendix ``tables`` (their number in the document, python-docx table) in order,
    into ``rows`` (by default: for the plan's "Nhiệm vụ" sheet)."""
    rows = rows or AppendixRows()
    for number, table in tables:
        _table(rows, number, grid_rows(table), path, problems)
    return rows


def _table(rows: AppendixRows, number: int, grid: list[Cells], path: str, problems: Problems) -> None:
    header = next((_header(c, rows.columns) for c in grid if _header(c, rows.columns) is not None), None)
    continues = (
        header is None and rows.mapping is not None and bool(grid) and not _looks_like_header(grid[0])
        and all(_fits(c, rows.mapping) for c in grid)
    )  # fmt: skip
    if header is None and not continues:
        rows.unplaced += [[str(Location(path, table=number, row=i)), *c] for i, c in enumerate(grid, start=1)]
        problems.warn(Location(path, table=number), "không nhận ra bảng này là bảng nhiệm vụ (không có dòng "
                      f"tiêu đề STT, Nhiệm vụ…): nội dung được giữ ở {rows.kept_in}")  # fmt: skip
        return
    for position, cells in enumerate(grid, start=1):
        where = Location(path, table=number, row=position)
        mapping = _header(cells, rows.columns)
        if mapping is not None:
            rows.mapping = mapping  # the header, or its copy repeated after a page break
        elif rows.mapping is None:
            _unplaced(rows, cells, where, problems, "hàng trên dòng tiêu đề")
        elif any(c.strip() for c in cells) and not all(_NUMBERS_ROW.match(c) for c in cells if c.strip()):
            _row(rows, cells, where, problems)


def _header(cells: list[str], columns: Sequence[Column]) -> dict[int, str] | None:
    mapping: dict[int, str] = {}
    for index, text in enumerate(cells):
        name = normalise_header(text)
        if name in _STT:
            mapping[index] = "stt"
            continue
        for column in columns:
            if name in column.names() and column.key not in mapping.values():
                mapping[index] = column.key
                break
    return mapping if len(mapping) >= _HEADER_MATCHES and "nhiem_vu" in mapping.values() else None


def _looks_like_header(cells: Cells) -> bool:
    """A first row of capitals in every cell: another table's header, not tasks continued."""
    filled = [c for c in cells if c.strip()]
    return len(filled) >= _HEADER_MATCHES and all(
        is_caps(c) and not any(ch.isdigit() for ch in c) for c in filled
    )


def _fits(cells: Cells, mapping: dict[int, str]) -> bool:
    """A table continuing the previous one without repeating its header has its columns."""
    return len(cells) > max(mapping)


def _row(rows: AppendixRows, cells: Cells, where: Location, problems: Problems) -> None:
    assert rows.mapping is not None
    values = {key: cells[index] if index < len(cells) else "" for index, key in rows.mapping.items()}
    task_column = next(index for index, key in rows.mapping.items() if key == "nhiem_vu")
    if task_column in cells.merged_down and rows.tasks:
        _continue_task(rows, cells)  # the task's cell spans this row too: more lines of the same task
        return
    numeral = _group_numeral(cells)
    if numeral is not None:
        rows.group = numeral
        rows.groups[numeral] = next((c for c in cells[1:] if c.strip()), "") or _after_numeral(cells[0])
        return
    number, text = values.get("stt", "").strip(), values.get("nhiem_vu", "").strip()
    if not text:
        _unplaced(rows, cells, where, problems, "hàng không có nội dung nhiệm vụ")
        return
    if not rows.group:
        rows.group = "I"
        problems.warn(where, "nhiệm vụ trước dòng nhóm đầu tiên: đã xếp tạm vào nhóm I, hãy xem lại cột Nhóm")
    if number and not number.rstrip(".").isdigit():
        problems.warn(where, f'số thứ tự "{number}" không phải số: dòng được giữ như một nhiệm vụ')
    row: dict[str, Any] = dict(values)
    row.update(nhom=rows.group, dong_con="" if number else "x", noi=where)
    if not number and not any(t["nhom"] == rows.group and not t["dong_con"] for t in rows.tasks):
        row["dong_con"] = ""  # a first row without STT has no task above it to belong to
        problems.warn(where, "nhiệm vụ không có số thứ tự: được giữ như một nhiệm vụ của nhóm")
    rows.tasks.append(row)


def _continue_task(rows: AppendixRows, cells: Cells) -> None:
    assert rows.mapping is not None
    task = rows.tasks[-1]
    for index, key in rows.mapping.items():
        if key not in ("stt", "nhiem_vu") and index not in cells.merged_down and cells[index].strip():
            task[key] = f"{task.get(key, '')}\n{cells[index]}".strip("\n")


def _group_numeral(cells: list[str]) -> str | None:
    """ "I" / "II." in the first cell (or "I. Cải cách thể chế" merged across) with no task columns."""
    filled = [c for c in cells if c.strip()]
    if not filled or len(filled) > 2:
        return None
    token = filled[0].split()[0].rstrip(".") if filled[0].split() else ""
    return token if roman_value(token) is not None and cells[0].strip() else None


def _after_numeral(text: str) -> str:
    return text.split(None, 1)[1].strip() if len(text.split(None, 1)) > 1 else ""


def _unplaced(rows: AppendixRows, cells: Cells, where: Location, problems: Problems, why: str) -> None:
    if not any(c.strip() for c in cells):
        return
    rows.unplaced.append([str(where), *cells])
    problems.warn(where, f"{why}: được giữ ở {rows.kept_in}")
