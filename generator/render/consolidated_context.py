"""One row per unit for the consolidated tables (TTHC figures and task-state counts, totals).

Only each unit's small summary (``UnitSummary``) is kept while a batch runs, never its
document, so memory stays flat as units are added.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from generator.domain.figures import ReportFigures, on_time_ratio, online_ratio, total_of
from generator.domain.indicators import DONE, NOT_STARTED, ONGOING, OVERDUE, STATES
from generator.domain.models import FieldStats, Unit
from generator.domain.periods import make_period
from generator.render.plan_context import appendix_line


@dataclass(frozen=True)
class UnitSummary:
    """What the consolidated tables need of one unit's report."""

    name: str
    tthc: FieldStats
    counts: Counter[str]

    @classmethod
    def of(cls, unit: Unit, figures: ReportFigures) -> UnitSummary:
        return cls(display_name(unit), total_of(figures.fields, display_name(unit)), figures.total_counts)


UNIT_NOUNS = ("thành phố", "thị trấn", "thị xã", "đặc khu", "phường", "huyện", "quận", "tỉnh", "xã")


def display_name(unit: Unit) -> str:
    """("ỦY BAN NHÂN DÂN", "XÃ LỘC THỦY") → "Xã Lộc Thủy" (ND 30 Phụ lục II capitalisation)."""
    lines = [line for line in unit.name_lines if line not in ("ỦY BAN NHÂN DÂN", "UBND")]
    name = " ".join(lines) or " ".join(unit.name_lines)
    name = name.removeprefix("UBND ").removeprefix("ỦY BAN NHÂN DÂN ")
    if not name.isupper():
        return name
    lowered = name.lower()
    noun = next((n for n in UNIT_NOUNS if lowered.startswith(n + " ")), "")
    proper = " ".join(word.capitalize() for word in lowered[len(noun) :].split())
    return (noun.capitalize() + " " + proper).strip() if noun else proper


def tthc_row(number: str, stats: FieldStats) -> dict[str, Any]:
    return {
        "stt": number, "ten": stats.field, "tiep_nhan": stats.received, "truc_tuyen": stats.online,
        "ky_truoc": stats.carried, "da_giai_quyet": stats.resolved, "truoc_han": stats.early,
        "dung_han": stats.on_time, "tre_han": stats.late, "dang_giai_quyet": stats.pending,
        "ty_le_dung_han": on_time_ratio(stats), "ty_le_truc_tuyen": online_ratio(stats),
    }  # fmt: skip


def task_row(number: str, name: str, counts: Counter[str]) -> dict[str, Any]:
    return {
        "stt": number, "ten": name, "tong": sum(counts[s] for s in STATES), "hoan_thanh": counts[DONE],
        "dang_thuc_hien": counts[ONGOING], "chua_thuc_hien": counts[NOT_STARTED], "qua_han": counts[OVERDUE],
    }  # fmt: skip


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
        },
        "tthc": [tthc_row(str(i), s.tthc) for i, s in enumerate(summaries, start=1)],
        "tong_tthc": tthc_row("", total_of(tuple(s.tthc for s in summaries))),
        "nhiem_vu": [task_row(str(i), s.name, s.counts) for i, s in enumerate(summaries, start=1)],
        "tong_nhiem_vu": task_row("", "Tổng cộng", total_counts),
        "duong_ke": {"phu_luc": appendix_line()},
    }
