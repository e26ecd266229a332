"""The report's figures, computed from the plan and the progress data (no I/O, no formatting).

What staff now count by hand: each task's state at the cut-off date (with "quá hạn" from
its deadline), counts per state, TTHC totals and rates, and each plan target measured and
judged "Đạt" / "Không đạt".

The rules: docs/targets-and-indicators.md §2 (when a target is judged), §3 (judging), §4
(task states), §6 (what is divided by what); the TTHC rates: docs/tthc-form-06.md §4.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal

from generator.domain.deadlines import DeadlineError, final_due, read_cell
from generator.domain.indicators import (
    DONE,
    FAIL,
    FINISHED,
    PASS,
    STATES,
    YEAR,
    evaluation_of,
    metrics_of,
    rate,
    task_state,
    verdict,
)
from generator.domain.models import FieldStats, Report, Target, Task, TaskProgress
from generator.domain.text import normalise_header
from generator.errors import Location, Problems


@dataclass(frozen=True)
class TaskLine:
    task: Task
    progress: TaskProgress
    due: dt.date | None
    state: str


@dataclass(frozen=True)
class Measure:
    """One figure of a target: for the whole unit (``scope`` "") or one lĩnh vực."""

    scope: str
    achieved: int | None
    total: int | None
    ratio: Decimal | None


@dataclass(frozen=True)
class TargetLine:
    target: Target
    measures: tuple[Measure, ...]  # empty when the figure is missing
    verdict: str | None  # Đạt, Không đạt; None without data or before the target's period is over
    due: bool = True  # False: a year target in an interim report, shown but not judged


@dataclass(frozen=True)
class ReportFigures:
    tasks: tuple[TaskLine, ...]
    counts: dict[str, Counter[str]]  # group numeral → state counts
    total_counts: Counter[str]
    fields: tuple[FieldStats, ...]
    total_field: FieldStats
    targets: tuple[TargetLine, ...]
    fell_due: int = 0  # task rows whose due date lies in the period's window
    done_on_time: int = 0  # of those, the ones finished by their due date


def compute(report: Report, problems: Problems, *, before_is_day_before: bool = True) -> ReportFigures:
    """Everything computed for ``report``; unreadable deadlines and missing figures are noted."""
    tasks = _task_lines(report, problems, before_is_day_before)
    counts: dict[str, Counter[str]] = {group.numeral: Counter() for group in report.plan.groups}
    for line in tasks:
        counts[line.task.group][line.state] += 1
    total_counts: Counter[str] = Counter()
    for counter in counts.values():
        total_counts.update(counter)
    fields = report.progress.fields
    targets = tuple(_measure_target(t, total_counts, report, problems) for t in report.plan.targets)
    window = report.period
    due = [line for line in tasks if line.due is not None and window.start <= line.due <= window.end]
    on_time = sum(1 for line in due if line.state == DONE)
    return ReportFigures(tasks, counts, total_counts, fields, total_of(fields), targets, len(due), on_time)


def total_of(fields: tuple[FieldStats, ...], name: str = "Tổng cộng") -> FieldStats:
    """The totals row of the TTHC table; an optional figure only when every row has it."""
    where = fields[0].location if fields else Location("")

    def total(attribute: str) -> int:
        return sum(getattr(f, attribute) for f in fields)

    def optional(attribute: str) -> int | None:
        values = [getattr(f, attribute) for f in fields]
        return None if not values or None in values else sum(values)

    return FieldStats(
        name, total("online"), total("direct"), total("carried"), total("early"), total("on_time"),
        total("late"), optional("pending_in_time"), optional("pending_late"), where,
        *(optional(a) for a in ("online_full", "online_partial", "paid_online", "late_apology")),
    )  # fmt: skip


def on_time_ratio(field: FieldStats) -> Decimal | None:
    return rate(field.early + field.on_time, field.resolved)


def online_ratio(field: FieldStats) -> Decimal | None:
    return rate(field.online, field.received)


def _task_lines(report: Report, problems: Problems, before_is_day_before: bool) -> tuple[TaskLine, ...]:
    lines: list[TaskLine] = []
    parent_due: dt.date | None = None
    for task in report.plan.tasks:
        try:
            deadlines, undated = read_cell(
                task.deadline, report.plan.year, before_is_day_before=before_is_day_before
            )
        except DeadlineError as exc:
            problems.add(task.deadline_location or task.location, str(exc))
            continue
        due = final_due(deadlines)
        if task.number is not None:
            parent_due = due
        elif not deadlines and not undated:  # undated text: no fixed deadline, never late (#24), as
            due = parent_due  # reading the plan said at its cell. A sub-row without one shares its task's
        progress = report.progress.tasks[task.code]
        if progress.state == DONE and progress.completed is None and due is not None:
            problems.warn(progress.location, f"nhiệm vụ {task.code} đã hoàn thành nhưng chưa ghi ngày hoàn thành: "
                          "không biết có đúng hạn không (báo cáo ghi là hoàn thành đúng hạn)")  # fmt: skip
        state = task_state(progress.state, due, report.period.end, progress.completed)
        lines.append(TaskLine(task, progress, due, state))
    return tuple(lines)


def _measure_target(target: Target, counts: Counter[str], report: Report, problems: Problems) -> TargetLine:
    source = metrics_of(report.plan)[target.metric].source
    if source == "tthc":
        measures = _tthc_measures(target, report.progress.fields)
    elif source == "nhiem_vu":
        done = sum(counts[s] for s in FINISHED)
        total = sum(counts[s] for s in STATES)
        measures = (Measure("", done, total, rate(done, total)),)
    else:
        figure = report.progress.figures.get(target.metric)
        if figure is None:
            problems.warn(target.location, f'chưa có số liệu chỉ số "{target.metric}" (trang "Số liệu")')
            return TargetLine(target, (), None, due=judged_in(target, report))
        if figure.total is not None and figure.achieved is not None:
            measures = (Measure("", figure.achieved, figure.total, rate(figure.achieved, figure.total)),)
        else:
            measures = (Measure("", None, None, (figure.percent or Decimal(0)) / 100),)
    if not judged_in(target, report):
        return TargetLine(target, measures, None, due=False)
    judged = [verdict(m.ratio, target.comparison, target.value) for m in measures]
    known = [j for j in judged if j is not None]
    overall = None if not known else (PASS if all(j == PASS for j in known) else FAIL)
    return TargetLine(target, measures, overall)


def judged_in(target: Target, report: Report) -> bool:
    """A year target is judged only in the year report; others in every report (§2)."""
    return evaluation_of(target, metrics_of(report.plan)) != YEAR or report.period.code == "NAM"


def _tthc_measures(target: Target, fields: tuple[FieldStats, ...]) -> tuple[Measure, ...]:
    def measure(field: FieldStats, scope: str) -> Measure:
        if target.metric == "ty_le_truc_tuyen":
            return Measure(scope, field.online, field.received, online_ratio(field))
        if target.metric == "ty_le_tre_han":
            return Measure(scope, field.late, field.resolved, rate(field.late, field.resolved))
        return Measure(scope, field.early + field.on_time, field.resolved, on_time_ratio(field))

    if not target.per_field:
        return (measure(total_of(fields), ""),)
    if "*" in target.per_field:
        return tuple(measure(f, f.field) for f in fields)
    by_name = {normalise_header(f.field): f for f in fields}
    chosen = []
    for name in target.per_field:
        field = by_name.get(normalise_header(name))
        chosen.append(measure(field, field.field) if field else Measure(name, 0, 0, None))
    return tuple(chosen)
