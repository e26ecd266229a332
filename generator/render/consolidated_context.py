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

from generator.domain.areas import DEFAULT_GROUPS
from generator.domain.figures import ReportFigures, total_of
from generator.domain.headings import roman_value
from generator.domain.models import FieldStats, Unit
from generator.domain.periods import make_period
from generator.domain.text import name_key
from generator.domain.unit_names import display_name as display_name
from generator.render.plan_context import appendix_line
from generator.render.report_tables import count_row, field_row, form_block


@dataclass(frozen=True)
class UnitSummary:
    """What the consolidated tables need of one unit's report."""

    name: str
    tthc: FieldStats
    counts: Counter[str]
    fields: tuple[FieldStats, ...] = ()  # Biểu 06 per lĩnh vực, summed over units
    groups: tuple[tuple[str, str, Counter[str]], ...] = ()  # numeral, title, tasks by state

    @classmethod
    def of(cls, unit: Unit, figures: ReportFigures) -> UnitSummary:
        groups = tuple((n, DEFAULT_GROUPS.get(n, ""), c) for n, c in figures.counts.items())
        name = display_name(unit)
        return cls(name, total_of(figures.fields, name), figures.total_counts, figures.fields, groups)


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
        "linh_vuc": [field_row(str(i), f) for i, f in enumerate(_by_field(summaries), start=1)],
        "nhom": [count_row(n, title, counts) for n, title, counts in _by_group(summaries)],
        "tong_nhom": count_row("", "Tổng cộng", total_counts),
        "duong_ke": {"phu_luc": appendix_line()},
    }


def _by_field(summaries: list[UnitSummary]) -> list[FieldStats]:
    """Each lĩnh vực summed over units, in the order first met; names compared as people write
    them (case, spacing, the tone mark's place aside)."""
    found: dict[str, list[FieldStats]] = {}
    for summary in summaries:
        for stats in summary.fields:
            found.setdefault(name_key(stats.field), []).append(stats)
    return [total_of(tuple(same), same[0].field) for same in found.values()]


def _by_group(summaries: list[UnitSummary]) -> list[tuple[str, str, Counter[str]]]:
    """Tasks by state per group I–VII, summed over units, in the groups' order."""
    found: dict[str, tuple[str, Counter[str]]] = {}
    for summary in summaries:
        for numeral, title, counts in summary.groups:
            found.setdefault(numeral, (title, Counter()))[1].update(counts)
    order = sorted(found, key=lambda n: roman_value(n) or 0)
    return [(n, found[n][0], found[n][1]) for n in order]


def _task_row(number: str, name: str, counts: Counter[str]) -> dict[str, Any]:
    row = count_row("", name, counts)
    del row["so"]
    return {"stt": number, **row}
