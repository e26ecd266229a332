"""One row per unit for the consolidated tables (TTHC figures and task-state counts, totals).

The TTHC table is Biểu 06/VPCP/KSTT with one row per unit (docs/tthc-form-06.md §2: "grouped
by level when several levels report together"); the rows are the same as Phụ lục II's.

Only each unit's small summary (``UnitSummary``) is kept while a batch runs, never its
document, so memory stays flat as units are added.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from generator.domain.figures import ReportFigures, total_of
from generator.domain.models import FieldStats, Unit
from generator.domain.periods import make_period
from generator.domain.unit_names import display_name as display_name
from generator.render.plan_context import appendix_line
from generator.render.report_tables import count_row, field_row, form_block


@dataclass(frozen=True)
class UnitSummary:
    """What the consolidated tables need of one unit's report."""

    name: str
    tthc: FieldStats
    counts: Counter[str]

    @classmethod
    def of(cls, unit: Unit, figures: ReportFigures) -> UnitSummary:
        return cls(display_name(unit), total_of(figures.fields, display_name(unit)), figures.total_counts)


def consolidated_context(
    summaries: list[UnitSummary], code: str, year: int, reference: str
) -> dict[str, Any]:
    """The context of ``templates/tong_hop.docx`` for one period."""
    period = make_period(code, year)
    total_counts: Counter[str] = Counter()
    for summary in summaries:
        total_counts.update(summary.counts)
    return {
        "tong_hop": {
            "tieu_de": f"TỔNG HỢP KẾT QUẢ CẢI CÁCH HÀNH CHÍNH {period.name.upper()} CỦA CÁC ĐƠN VỊ",
            "kem_theo": reference,
            "bieu": form_block(period, "", ""),
        },
        "tthc": [field_row(str(i), s.tthc) for i, s in enumerate(summaries, start=1)],
        "tong_tthc": field_row("", total_of(tuple(s.tthc for s in summaries))),
        "nhiem_vu": [_task_row(str(i), s.name, s.counts) for i, s in enumerate(summaries, start=1)],
        "tong_nhiem_vu": _task_row("", "Tổng cộng", total_counts),
        "duong_ke": {"phu_luc": appendix_line()},
    }


def _task_row(number: str, name: str, counts: Counter[str]) -> dict[str, Any]:
    row = count_row("", name, counts)
    del row["so"]
    return {"stt": number, **row}
