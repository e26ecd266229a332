"""A report's computed figures as the page shows them: tables, and bars for an SVG chart.

Everything is computed by ``report_compute`` (the same figures the document prints);
this module only formats and lays them out.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from generator.domain.figures import (
    Measure,
    ReportFigures,
    TargetLine,
    TaskLine,
    on_time_ratio,
    online_ratio,
)
from generator.domain.formatting import short_date, vn_number, vn_percent
from generator.domain.indicators import OVERDUE, PASS, STATES, verdict
from generator.domain.models import NOT_DUE, FieldStats

CHART_WIDTH = 640  # SVG user units; the chart scales to the page
BAR_SPAN = 520  # 100% is this long; the rest holds the value
ROW_HEIGHT = 44
_SIGNS = {">=": "≥", ">": ">", "<=": "≤", "<": "<", "=": "="}
STATE_CLASSES = dict(zip(STATES, ("xong", "xong", "dang", "chua", "qua-han"), strict=True))


@dataclass(frozen=True)
class TargetRow:
    label: str
    counts: str  # "377/379", one line per lĩnh vực
    results: str  # "99,5%"
    goal: str  # "> 98%"
    verdict: str  # "Đạt", "Không đạt", or "—" without data
    passed: bool | None


@dataclass(frozen=True)
class Bar:
    """One measured rate in the chart, at row ``y``; ``goal_x`` marks the target."""

    label: str
    y: int
    width: float
    goal_x: float
    text: str
    passed: bool | None


@dataclass(frozen=True)
class Segment:
    """One task state in the stacked bar of task states."""

    state: str
    count: int
    x: float
    width: float
    css: str


@dataclass(frozen=True)
class FiguresView:
    targets: list[TargetRow]
    bars: list[Bar]
    chart_height: int
    states: list[Segment]
    overdue: list[dict[str, str]]
    fields: list[dict[str, str]]  # the TTHC table, the total last


def view(figures: ReportFigures) -> FiguresView:
    """The page's view of ``figures``."""
    bars = _bars(figures.targets)
    return FiguresView(
        targets=[_target_row(line) for line in figures.targets],
        bars=bars,
        chart_height=max(len(bars), 1) * ROW_HEIGHT,
        states=_segments(figures),
        overdue=[_overdue_row(line) for line in figures.tasks if line.state == OVERDUE],
        fields=[_field_row(f) for f in (*figures.fields, figures.total_field)],
    )


def _target_row(line: TargetLine) -> TargetRow:
    target = line.target
    scope = " (từng lĩnh vực)" if "*" in target.per_field else ""
    return TargetRow(
        label=target.label + scope,
        counts="\n".join(_labelled(m, _count(m)) for m in line.measures)
        or ("chưa có số liệu" if line.due else "—"),
        results="\n".join(_labelled(m, vn_percent(m.ratio)) for m in line.measures) or "—",
        goal=f"{_SIGNS[target.comparison]} {vn_percent(target.value / 100)}",
        verdict=(line.verdict or "—") if line.due else NOT_DUE,
        passed=None if line.verdict is None else line.verdict == PASS,
    )


def _count(measure: Measure) -> str:
    if measure.achieved is None or measure.total is None:
        return "khảo sát"
    return f"{vn_number(measure.achieved)}/{vn_number(measure.total)}"


def _labelled(measure: Measure, text: str) -> str:
    return f"{measure.scope}: {text}" if measure.scope else text


def _bars(lines: tuple[TargetLine, ...]) -> list[Bar]:
    bars: list[Bar] = []
    for line in lines:
        goal = _scaled(line.target.value / 100)
        for measure in line.measures:
            label = f"{line.target.label} — {measure.scope}" if measure.scope else line.target.label
            passed = None if measure.ratio is None or not line.due else _passes(measure.ratio, line)
            width = _scaled(measure.ratio) if measure.ratio is not None else 0.0
            text = vn_percent(measure.ratio)
            bars.append(Bar(label, len(bars) * ROW_HEIGHT, width, goal, text, passed))
    return bars


def _passes(ratio: Decimal, line: TargetLine) -> bool:
    return verdict(ratio, line.target.comparison, line.target.value) == PASS


def _scaled(ratio: Decimal) -> float:
    """A ratio (0–1) as a length on the chart, kept inside it."""
    return round(min(max(float(ratio), 0.0), 1.0) * BAR_SPAN, 1)


def _segments(figures: ReportFigures) -> list[Segment]:
    total = sum(figures.total_counts[s] for s in STATES) or 1
    segments, x = [], 0.0
    for state in STATES:
        count = figures.total_counts[state]
        width = round(count / total * CHART_WIDTH, 1)
        segments.append(Segment(state, count, x, width, STATE_CLASSES[state]))
        x += width
    return segments


def _overdue_row(line: TaskLine) -> dict[str, str]:
    return {
        "ma": line.task.code,
        "nhiem_vu": line.task.text,
        "chu_tri": line.task.lead,
        "thoi_han": line.task.deadline,
        "han": short_date(line.due) if line.due else "",
    }


def _field_row(field: FieldStats) -> dict[str, str]:
    return {
        "ten": field.field,
        "tiep_nhan": vn_number(field.received),
        "truc_tuyen": vn_number(field.online),
        "da_giai_quyet": vn_number(field.resolved),
        "dung_han": vn_number(field.early + field.on_time),
        "tre_han": vn_number(field.late),
        "ty_le_dung_han": vn_percent(on_time_ratio(field)),
        "ty_le_truc_tuyen": vn_percent(online_ratio(field)),
    }
