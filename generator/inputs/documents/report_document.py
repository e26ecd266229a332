"""A periodic report typed in Word → the "Tiến độ" rows of its progress workbook (Phụ lục I).

The report's Phụ lục I lists each task of the plan with its state, result and completion date,
grouped I–VII like the plan's appendix, so it is read by the same table reader. Two things a
report does not say are rebuilt and reported: a task's code (group and STT, "I.1", a sub-row
"I.1.1" — the code cchc gives when the plan's "Mã" column is blank), and the state behind a
"Quá hạn", which cchc computes (unfinished and past due) and which hides whether the task was
under way or not started: it is written "Đang thực hiện" with a notice at its row.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from generator.document.outline import Outline
from generator.domain.indicators import (
    DONE,
    DONE_LATE,
    ENTERED_STATES,
    NOT_STARTED,
    ONGOING,
    OVERDUE,
    state_in_year_end_text,
)
from generator.domain.periods import PERIOD_KINDS
from generator.domain.text import plain_header
from generator.errors import GeneratorError, Location, Problems
from generator.inputs.documents.appendix_table import AppendixRows, grid_rows, read_appendix
from generator.inputs.documents.plan_document import header_values
from generator.inputs.parts.progress import PROGRESS_COLUMNS
from generator.inputs.parts.tasks import TASK_COLUMNS
from generator.ooxml.view import DocumentView

COLUMNS = (*TASK_COLUMNS, *(c for c in PROGRESS_COLUMNS if c.key in ("trang_thai", "ngay", "ket_qua")))
_PERIOD = re.compile(
    r"(quý IV|quý III|quý II|quý I|6 tháng đầu|6 tháng cuối|9 tháng đầu|năm)\s+(?:năm\s+)?(\d{4})",
    re.IGNORECASE,
)


@dataclass
class ReportProgress:
    """The period a report is for, its số and ngày, and the rows of its task table."""

    period: tuple[str, int]
    header: dict[str, Any] = field(default_factory=dict)
    rows: list[dict[str, Any]] = field(default_factory=list)
    unplaced: list[list[str]] = field(default_factory=list)


def read_report_progress(
    view: DocumentView, outline: Outline, where: str, problems: Problems, kept_in: str
) -> ReportProgress:
    """The progress rows of the report of ``view``; ``GeneratorError`` without a period or a Phụ lục I."""
    period = report_period(outline, where)
    _, header = header_values(outline, where, Problems())
    found = read_task_table(view, outline, where, problems, kept_in)
    return ReportProgress(period, header, _progress_rows(found, problems), found.unplaced)


def report_period(outline: Outline, where: str) -> tuple[str, int]:
    """The period its trích yếu names; ``GeneratorError`` when it names none."""
    summary = outline.summary.text if outline.summary is not None else ""
    period = _period(summary)
    if period is None:
        raise GeneratorError(f"{where}: không đọc được kỳ báo cáo ở trích yếu “{summary}” (cần dạng “… quý I "
                             "năm 2022”, “… 6 tháng đầu năm 2022”, “… năm 2022”)")  # fmt: skip
    return period


def read_task_table(
    view: DocumentView, outline: Outline, where: str, problems: Problems, kept_in: str
) -> AppendixRows:
    """The rows of Phụ lục I as typed (states as printed); ``GeneratorError`` without one."""
    tables = _task_tables(view, outline)
    if not tables:
        raise GeneratorError(f"{where}: không tìm thấy Phụ lục I (bảng tình hình thực hiện nhiệm vụ)")
    return read_appendix(
        tables, where, problems, AppendixRows(columns=COLUMNS, kept_in=kept_in, extras_to=None)
    )


def _period(summary: str) -> tuple[str, int] | None:
    match = _PERIOD.search(summary)
    if match is None:
        return None
    words = match.group(1).casefold()
    kind = next(k for k in PERIOD_KINDS if k.in_sentence.casefold() == words)
    return kind.code, int(match.group(2))


def _task_tables(view: DocumentView, outline: Outline) -> list[tuple[int, Any]]:
    """The tables after the first appendix heading, up to the next one (Phụ lục II is figures)."""
    if not outline.appendices:
        return []
    start = outline.appendices[0].index
    stop = outline.appendices[1].index if len(outline.appendices) > 1 else len(view.items)
    numbers = sorted({i.place.table for i in view.items[start:stop] if i.place.table is not None})
    tables = [(number, view.tables[number - 1][0]) for number in numbers]
    return [(number, table) for number, table in tables if not _counts_by_state(table)]


_COUNTED = {plain_header(name) for name in ("Tổng số", DONE, ONGOING, NOT_STARTED, OVERDUE)}


def _counts_by_state(table: Any) -> bool:
    """The table of tasks counted by state under Phụ lục I ("Tổng hợp theo nhóm nhiệm vụ"): computed
    from the tasks, so not read, and not worth a notice."""
    first = grid_rows(table)[:1]
    return bool(first) and len({plain_header(cell) for cell in first[0]} & _COUNTED) >= 3


def _progress_rows(found: AppendixRows, problems: Problems) -> list[dict[str, Any]]:
    rows = []
    parent, children = "", 0
    for row in found.tasks:
        if row["dong_con"]:
            children += 1
            code = f"{parent}.{children}"
        else:
            parent, children = f"{row['nhom']}.{row.get('stt', '').rstrip('.')}", 0
            code = parent
        rows.append({
            "ma": code, "nhiem_vu": row.get("nhiem_vu", ""), "trang_thai": _state(row, problems),
            "ngay": row.get("ngay", ""), "ket_qua": row.get("ket_qua", ""),
        })  # fmt: skip
    return rows


def _state(row: dict[str, Any], problems: Problems) -> str:
    text = state_in_year_end_text(" ".join(str(row.get("trang_thai", "")).split()))  # a year report's
    where: Location = row["noi"]
    if text.casefold() in ENTERED_STATES:
        return text[:1].upper() + text[1:].lower()
    if text.casefold() == DONE_LATE:  # computed from the completion date, which the row keeps
        return DONE.capitalize()
    if text.casefold() == OVERDUE:
        problems.warn(where, "“Quá hạn” do cchc tính (chưa hoàn thành mà đã quá hạn), không cho biết nhiệm vụ "
                      "đang hay chưa thực hiện: đã ghi “Đang thực hiện”, hãy chọn lại nếu cần")  # fmt: skip
        return "Đang thực hiện"
    problems.warn(where, f"trạng thái “{text}” không thuộc danh sách (Hoàn thành, Đang thực hiện, Chưa thực "
                  "hiện): được giữ nguyên, hãy chọn lại")  # fmt: skip
    return text
