"""Task numbering (STT and codes within each group) of many rows built in memory: right, and linear.

The rows are what ``inputs.tasks`` builds from the sheet; no workbook is read. Work is counted
by how often a task's code or number is read, not by time.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import Any

import pytest

from generator.domain.models import Task
from generator.errors import Location, Problems
from generator.inputs.formats.excel import Cell
from generator.inputs.parts import tasks as tasks_module

GROUPS = {"I": "Cải cách thể chế", "II": "Cải cách thủ tục hành chính"}


def row(number: int, group: str, *, sub: bool = False, code: str = "") -> dict[str, Any]:
    cell = Cell(Location("nhiem_vu.xlsx", sheet="Nhiệm vụ", row=number + 1, column=3), f"việc {number}")
    values = dict.fromkeys(("san_pham", "chu_tri", "phoi_hop", "thoi_gian", "kinh_phi"), "")
    return {"group": group, "code": code, "text": f"Nhiệm vụ số {number}", "sub": sub,
            "cells": {"nhiem_vu": cell}, "values": values}  # fmt: skip


def rows(count: int) -> list[dict[str, Any]]:
    """Groups I and II in turn by blocks of 5 rows; in each block a task then 4 sub-rows."""
    return [row(i, "I" if (i // 5) % 2 == 0 else "II", sub=i % 5 != 0) for i in range(count)]


def number(data: list[dict[str, Any]], titles: dict[str, str] = GROUPS) -> tuple[list[Task], Problems]:
    problems = Problems()
    groups = tasks_module._group(data, titles, Location("nhiem_vu.xlsx", sheet="Nhiệm vụ"), problems)
    return [task for group in groups for task in group.tasks], problems


def test_twenty_thousand_rows_are_numbered_within_their_group() -> None:
    tasks, problems = number(rows(20_000))
    first = [t for t in tasks if t.group == "I"]
    last = tasks[-1]
    assert problems.errors == []
    assert len(tasks) == 20_000
    assert [(t.code, t.number) for t in first[:7]] == [
        ("I.1", 1), ("I.1.1", None), ("I.1.2", None), ("I.1.3", None), ("I.1.4", None),
        ("I.2", 2), ("I.2.1", None),
    ]  # fmt: skip
    assert (last.code, last.number) == ("II.2000.4", None)
    assert sum(1 for t in tasks if t.number is not None) == 4000
    assert len({t.code for t in tasks}) == 20_000


def test_given_codes_count_as_before() -> None:
    data = [
        row(1, "I", code="A"),
        row(2, "I", sub=True),
        row(3, "I", sub=True, code="A.9"),  # a given code under A counts among A's sub-rows
        row(4, "I", sub=True),
        row(5, "I"),
        row(6, "I", sub=True),
    ]
    tasks, problems = number(data, {"I": GROUPS["I"]})
    assert problems.errors == []
    assert [(t.code, t.number) for t in tasks] == [
        ("A", 1), ("A.1", None), ("A.9", None), ("A.3", None), ("I.2", 2), ("I.2.1", None),
    ]  # fmt: skip


@dataclass
class Reads:
    count: int = 0


def test_numbering_reads_each_task_a_bounded_number_of_times(monkeypatch: pytest.MonkeyPatch) -> None:
    reads = Reads()

    class CountedTask(Task):
        """A Task that counts reads of the fields numbering looks at."""

        def __getattribute__(self, name: str) -> Any:
            if name in ("code", "number"):
                reads.count += 1
            return super().__getattribute__(name)

    monkeypatch.setattr(tasks_module, "Task", CountedTask)
    counts = []
    for size in (1_000, 4_000):
        reads.count = 0
        tasks, _ = number(rows(size))
        assert len(tasks) == size
        counts.append(reads.count)
    assert all(count <= 12 * size for count, size in zip(counts, (1_000, 4_000), strict=True)), counts
    assert counts[1] <= 5 * counts[0]  # four times the rows, about four times the work


def test_a_sub_row_first_in_its_group_is_refused() -> None:
    tasks, problems = number([row(1, "II", sub=True), *itertools.islice(rows(10), 10)])
    assert [str(p) for p in problems.errors] == [
        'nhiem_vu.xlsx, trang "Nhiệm vụ", ô C2: dòng con phải nằm dưới một nhiệm vụ của cùng nhóm'
    ]
    assert len(tasks) == 10
