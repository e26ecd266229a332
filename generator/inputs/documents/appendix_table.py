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
from generator.domain.sheets import TASK_SHEET, UNPLACED_SHEET
from generator.errors import Location, Problems
from generator.inputs.documents.appendix_header import (
    HEADER_MATCHES,
    STT,
    Header,
    accepted_names,
    is_header,
    looks_like_header,
    read_header,
    with_extras,
)
from generator.inputs.formats.excel import Column
from generator.inputs.parts.tasks import TASK_COLUMNS
from generator.ooxml.reading import paragraph_text

_NUMBERS_ROW = re.compile(r"^\(?\d{1,2}\)?$")
_GROUP_TEXT = re.compile(
    r"^(?:(?i:phần|nhóm)\s+)?(?P<n>[IVXLC]+)\s*(?:[.:)]|\s[-–—]|[-–—]\s)\s*(?P<title>.+)$"
)


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
    extras_to: str | None = (
        f"trang “{TASK_SHEET}” của ke_hoach.xlsx"  # where extra columns go (None: not kept)
    )
    extras: list[str] = field(default_factory=list)  # headers of the columns cchc has no place for
    seen: list[str] = field(default_factory=list)  # each table not taken, and why


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


def task_table_score(table: Any, columns: Sequence[Column] = TASK_COLUMNS) -> int:
    """How well a task header in the table's first rows fits ``columns``; 0 without one (used to
    find the appendix of a plan that has no "PHỤ LỤC" heading: the best candidate wins)."""
    headers = [read_header(cells, columns) for cells in grid_rows(table)[:3]]
    return max((h.score for h in headers if is_header(h)), default=0)


def _table(rows: AppendixRows, number: int, grid: list[Cells], path: str, problems: Problems) -> None:
    headers = [read_header(cells, rows.columns) for cells in grid]
    found = any(is_header(h) for h in headers)
    continues = (
        not found and rows.mapping is not None and bool(grid) and not _looks_like_header(grid[0])
        and all(_fits(c, rows.mapping) for c in grid)
    )  # fmt: skip
    if not found and not continues:
        _not_tasks(rows, number, grid, headers, path, problems)
        return
    for position, (cells, header) in enumerate(zip(grid, headers, strict=True), start=1):
        where = Location(path, table=number, row=position)
        if is_header(header):
            _take_header(rows, with_extras(header, cells) if rows.extras_to else header, where, problems)
        elif rows.mapping is None:
            _unplaced(rows, cells, where, problems, "hàng trên dòng tiêu đề")
        elif any(c.strip() for c in cells) and not all(_NUMBERS_ROW.match(c) for c in cells if c.strip()):
            _row(rows, cells, where, problems)


def _not_tasks(
    rows: AppendixRows, number: int, grid: list[Cells], headers: list[Header], path: str, problems: Problems
) -> None:
    """A table with no task header row: kept whole, with why (the likely header row named)."""
    rows.unplaced += [[str(Location(path, table=number, row=i)), *c] for i, c in enumerate(grid, start=1)]
    near = next((i for i, h in enumerate(headers, start=1) if looks_like_header(h)), None)
    task = next(c for c in rows.columns if c.key == "nhiem_vu")
    if near is not None:
        why = (f"hàng {near} giống dòng tiêu đề nhưng không có cột nhiệm vụ (tên cột được nhận: "
               f"{accepted_names(task)})")  # fmt: skip
    else:
        why = f"không có dòng tiêu đề STT, {task.header}…"
    rows.seen.append(f"bảng {number}: {why}")
    problems.warn(Location(path, table=number), f"không nhận ra bảng này là bảng nhiệm vụ ({why}): nội dung "
                  f"được giữ ở {rows.kept_in}")  # fmt: skip


def _take_header(rows: AppendixRows, header: Header, where: Location, problems: Problems) -> None:
    """The header, or its copy repeated after a page break; a column cchc has no place for is named."""
    rows.mapping = header.mapping
    for name in header.extras:
        if name in rows.extras:
            continue
        rows.extras.append(name)
        problems.warn(where, f"cột “{name}” không thuộc các cột của cchc: được giữ thành cột riêng ở "
                      f"{rows.extras_to} và in lại ở phụ lục; nếu đó là một cột đã có (Sản phẩm, Cơ "
                      "quan chủ trì, phối hợp, Thời gian hoàn thành, Kinh phí), hãy chép sang cột ấy rồi xóa "
                      "cột này")  # fmt: skip


def _looks_like_header(cells: Cells) -> bool:
    """A first row of capitals in every cell: another table's header, not tasks continued."""
    filled = [c for c in cells if c.strip()]
    return len(filled) >= HEADER_MATCHES and all(
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
    group = _group_row(cells, rows.mapping)
    if group is not None:
        rows.group, rows.groups[group[0]] = group
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
    numbered = STT in rows.mapping.values()  # without an STT column every row is a task of its own
    row: dict[str, Any] = dict(values)
    row.update(nhom=rows.group, dong_con="" if number or not numbered else "x", noi=where)
    if numbered and not number and not any(t["nhom"] == rows.group and not t["dong_con"] for t in rows.tasks):
        row["dong_con"] = ""  # a first row without STT has no task above it to belong to
        problems.warn(where, "nhiệm vụ không có số thứ tự: được giữ như một nhiệm vụ của nhóm")
    rows.tasks.append(row)


def _continue_task(rows: AppendixRows, cells: Cells) -> None:
    assert rows.mapping is not None
    task = rows.tasks[-1]
    for index, key in rows.mapping.items():
        if key not in ("stt", "nhiem_vu") and index not in cells.merged_down and cells[index].strip():
            task[key] = f"{task.get(key, '')}\n{cells[index]}".strip("\n")


def _group_row(cells: list[str], mapping: dict[int, str]) -> tuple[str, str] | None:
    """(numeral, title) of a group row in any of the forms offices type it: the numeral in the STT
    cell and the title in one cell (merged across or not), or "I. Cải cách thể chế" / "I - …" in
    one cell with the others empty or repeating it; None for any other row."""
    distinct = list(dict.fromkeys(" ".join(c.split()) for c in cells if c.strip()))
    stt_index = next((index for index, key in mapping.items() if key == STT), 0)
    stt = " ".join(cells[stt_index].split()) if stt_index < len(cells) else ""
    if roman_value(stt.rstrip(".").strip()) is not None:
        others = [c for c in distinct if c != stt]
        if len(others) <= 1:
            title = others[0] if others else ""
            typed = _GROUP_TEXT.match(title)
            same = typed is not None and typed["n"] == stt.rstrip(".").strip()
            return stt.rstrip(".").strip(), typed["title"] if typed is not None and same else title
    typed = _GROUP_TEXT.match(distinct[0]) if len(distinct) == 1 else None
    return (typed["n"], typed["title"]) if typed is not None and roman_value(typed["n"]) is not None else None


def _unplaced(rows: AppendixRows, cells: Cells, where: Location, problems: Problems, why: str) -> None:
    if not any(c.strip() for c in cells):
        return
    rows.unplaced.append([str(where), *cells])
    problems.warn(where, f"{why}: được giữ ở {rows.kept_in}")
