"""A unit's periodic report as it arrives at the receiving office (.docx) → ``ReceivedReport``.

Read with the readers of ``cchc import``: the header gives the unit and the issue date, the
trích yếu the period, Phụ lục I the plan's numbered tasks by state (as printed: "Quá hạn" and
"Hoàn thành quá hạn" are counted as such), Phụ lục II Biểu 06 per lĩnh vực
(``inputs.form06_table``). A report cchc cannot read raises ``GeneratorError`` with the reason.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path
from typing import Any

from generator.document.outline import Outline
from generator.domain import form06
from generator.domain.areas import DEFAULT_GROUPS
from generator.domain.indicators import STATES
from generator.domain.receiving import TARGET_KEYS, ReceivedReport
from generator.domain.text import normalise_header
from generator.domain.unit_names import name_of_lines
from generator.errors import GeneratorError, Location, Problems
from generator.inputs.documents.appendix_table import AppendixRows, grid_rows
from generator.inputs.documents.form06_table import read_form06, stats_of
from generator.inputs.documents.plan_document import header_values, open_outline
from generator.inputs.documents.report_document import read_task_table, report_period
from generator.ooxml.view import DocumentView

_KEPT_IN = "danh sách cần xử lý"
_TARGET_HEADERS = {
    "chỉ tiêu": "ten", "nội dung": "ten", "tên chỉ tiêu": "ten", "số liệu": "so_lieu", "kết quả": "ket_qua",
    "kết quả thực hiện": "ket_qua", "thực hiện": "ket_qua", "chỉ tiêu kế hoạch": "muc_tieu",
    "kế hoạch": "muc_tieu", "mục tiêu": "muc_tieu", "đánh giá": "danh_gia",
}  # fmt: skip


def read_received_report(path: Path, name: str, problems: Problems) -> ReceivedReport:
    """The report at ``path`` (named ``name`` in messages; a converted copy keeps its source's name)."""
    view, outline, kind = open_outline(path, problems)
    if kind != "BÁO CÁO":
        raise GeneratorError(f"{name}: không phải báo cáo (tên loại văn bản: “{kind or 'không rõ'}”)")
    period = report_period(outline, name)
    unit, header = header_values(outline, name, Problems())
    lines = tuple(line for line in str(unit.get("ten", "")).splitlines() if line.strip())
    if not lines:
        raise GeneratorError(f"{name}: không đọc được tên cơ quan ban hành ở đầu văn bản")
    tasks = read_task_table(view, outline, name, Problems(), _KEPT_IN)
    form = read_form06(_appendix_tables(view, outline), name, problems)
    problems.raise_if_any()
    if not form.rows:
        raise GeneratorError(f"{name}: không tìm thấy {form06.FORM_NUMBER} (Phụ lục II) có số liệu")
    return ReceivedReport(
        file=name, unit=name_of_lines(lines), period=period, issued=_issued(header),
        groups=_groups(tasks), fields=tuple(stats_of(r) for r in form.rows),
        broken=tuple(_broken(row) for row in form.rows if form06.broken_identities(row)),
        targets=_targets(view, outline),
    )  # fmt: skip


def _targets(view: DocumentView, outline: Outline) -> tuple[tuple[str, ...], ...]:
    """The rows of the body's targets table (before the appendices) as ``TARGET_KEYS``: the table
    whose header names "Chỉ tiêu" and "Kết quả" or "Đánh giá"; none when the report has none."""
    end = outline.appendices[0].index if outline.appendices else len(view.items)
    numbers = sorted({i.place.table for i in view.items[:end] if i.place.table is not None})
    for number in numbers:
        grid = grid_rows(view.tables[number - 1][0])
        for index, cells in enumerate(grid[:3]):
            mapping = {
                i: _TARGET_HEADERS[h]
                for i, c in enumerate(cells)
                if (h := normalise_header(c)) in _TARGET_HEADERS
            }
            keys = set(mapping.values())
            if "ten" in keys and keys & {"ket_qua", "danh_gia"}:
                rows = [
                    {k: row[i] if i < len(row) else "" for i, k in mapping.items()}
                    for row in grid[index + 1 :]
                ]
                return tuple(
                    tuple(r.get(k, "") for k in TARGET_KEYS) for r in rows if r.get("ten", "").strip()
                )
    return ()


def _issued(header: dict[str, Any]) -> dt.date | None:
    text = str(header.get("ngay_ban_hanh", ""))
    try:
        return dt.datetime.strptime(text, "%d/%m/%Y").date()
    except ValueError:
        return None


def _groups(tasks: AppendixRows) -> tuple[tuple[str, str, Counter[str]], ...]:
    """Numbered tasks (a sub-row is part of its task) by state, per group I–VII."""
    counts: dict[str, Counter[str]] = {numeral: Counter() for numeral in tasks.groups}
    for row in tasks.tasks:
        if row["dong_con"]:
            continue
        state = " ".join(str(row.get("trang_thai", "")).split()).casefold()
        counts.setdefault(row["nhom"], Counter())[state if state in STATES else "khác"] += 1
    return tuple(
        (numeral, DEFAULT_GROUPS.get(numeral) or tasks.groups.get(numeral, ""), found)
        for numeral, found in counts.items()
    )


def _appendix_tables(view: DocumentView, outline: Outline) -> list[tuple[int, Any]]:
    """The tables after Phụ lục I (the tasks, read already): after the second appendix heading,
    or the first when there is one (all of them when there is none)."""
    headings = outline.appendices
    start = headings[1].index if len(headings) > 1 else headings[0].index if headings else 0
    numbers = sorted({i.place.table for i in view.items[start:] if i.place.table is not None})
    return [(number, view.tables[number - 1][0]) for number in numbers]


def _broken(row: dict[str, Any]) -> str:
    where: Location = row["noi"]
    texts = [f"{form06.identity_text(total, parts)}: {given} ≠ {summed}"
             for total, parts, given, summed in form06.broken_identities(row)]  # fmt: skip
    return f"dòng “{row['ten']}” (bảng {where.table}, hàng {where.row}): " + ", ".join(texts)
