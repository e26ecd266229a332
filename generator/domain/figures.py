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
    FILE_BASES,
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
from generator.domain.periods import YEAR_CODE
from generator.domain.sheets import FIGURES_SHEET
from generator.domain.text import normalise_header
from generator.errors import Location, Problems


@dataclass(frozen=True)
class TaskLine:
    task: Task
    progress: TaskProgress
    due: dt.date | None
    state: str
    unfinished_at_year_end: bool = False  # due in the plan's year, not done, in a report closing it

    @property
    def counted(self) -> bool:
        """Only numbered tasks count; a sub-row is a product of its task (#23, §4)."""
        return self.task.number is not None


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
    fell_due: int = 0  # numbered tasks due in the window (in the whole plan year, when it closes the year)
    done_on_time: int = 0  # of those, the ones finished by their due date
    closes_year: bool = False  # the window ends in the plan year's last month
    unfinished: int = 0  # numbered tasks due in the plan year and not finished, when it closes the year


def compute(report: Report, problems: Problems, *, before_is_day_before: bool = True) -> ReportFigures:
    """Everything computed for ``report``; unreadable deadlines and missing figures are noted."""
    tasks = _task_lines(report, problems, before_is_day_before)
    counts: dict[str, Counter[str]] = {group.numeral: Counter() for group in report.plan.groups}
    for line in tasks:
        if line.counted:
            counts[line.task.group][line.state] += 1
    total_counts: Counter[str] = Counter()
    for counter in counts.values():
        total_counts.update(counter)
    fields = report.progress.fields
    targets = tuple(_measure_target(t, total_counts, report, problems) for t in report.plan.targets)
    due = [line for line in tasks if line.counted and _falls_due(line, report)]
    on_time = sum(1 for line in due if line.state == DONE)
    closing = closes_plan_year(report)
    unfinished = sum(1 for line in tasks if line.counted and line.unfinished_at_year_end)
    return ReportFigures(tasks, counts, total_counts, fields, total_of(fields), targets, len(due), on_time,
                         closing, unfinished)  # fmt: skip


def closes_plan_year(report: Report) -> bool:
    """The report's window ends in the last month of the plan's year (the year report, quý IV,
    6 tháng cuối): it closes the plan, so every task of the year is due (#23)."""
    return report.period.closes_year and report.period.end.year == report.plan.year


def _falls_due(line: TaskLine, report: Report) -> bool:
    """Due in the window; in a report closing the plan's year, due in the plan's year (a deadline
    "Năm 2022" is 31/12/2022, after the 14/12 cut-off)."""
    window = report.period
    if closes_plan_year(report):  # a recurring or undated task is never due as a whole (§4)
        return line.due is not None and line.due <= dt.date(report.plan.year, 12, 31)
    return line.due is not None and window.start <= line.due <= window.end


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
        online_full=optional("online_full"), online_partial=optional("online_partial"),
        paid_online=optional("paid_online"), late_apology=optional("late_apology"), with_fee=optional("with_fee"),
    )  # fmt: skip


def on_time_ratio(field: FieldStats) -> Decimal | None:
    return rate(field.early + field.on_time, field.resolved)


def online_ratio(field: FieldStats) -> Decimal | None:
    return rate(field.online, field.received)


def due_date(task: Task, year: int, before_is_day_before: bool = True) -> dt.date | None:
    """The task's last due date; None when recurring or when its deadline cannot be read."""
    try:
        return final_due(read_cell(task.deadline, year, before_is_day_before=before_is_day_before)[0])
    except DeadlineError:
        return None


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
        open_at_end = (
            closes_plan_year(report)
            and state not in FINISHED
            and due is not None
            and due <= dt.date(report.plan.year, 12, 31)
        )
        lines.append(TaskLine(task, progress, due, state, open_at_end))
    return tuple(lines)


def _measure_target(target: Target, counts: Counter[str], report: Report, problems: Problems) -> TargetLine:
    source = metrics_of(report.plan)[target.metric].source
    if source == "tthc":
        measures = _tthc_measures(target, report.progress.fields)
    elif source == "nhiem_vu":  # numbered tasks only: ``counts`` leaves sub-rows out
        done = sum(counts[s] for s in FINISHED)
        total = sum(counts[s] for s in STATES)
        measures = (Measure("", done, total, rate(done, total)),)
    else:
        figure = report.progress.figures.get(target.metric)
        if figure is None:
            problems.warn(
                target.location, f'chưa có số liệu chỉ số "{target.metric}" (trang "{FIGURES_SHEET}")'
            )
            return TargetLine(target, (), None, due=judged_in(target, report))
        if figure.total is not None and figure.achieved is not None:
            measures = (Measure("", figure.achieved, figure.total, rate(figure.achieved, figure.total)),)
            _check_file_base(
                target.metric, figure.total, figure.total_location or figure.location, report, problems
            )
        else:
            measures = (Measure("", None, None, (figure.percent or Decimal(0)) / 100),)
    if not judged_in(target, report):
        # A year target in an interim report: a figure of this window alone (quý I, quý III) says
        # nothing of the year, so none is shown; a window from the year's start is lũy kế (#23).
        return TargetLine(target, measures if report.period.from_year_start else (), None, due=False)
    judged = [verdict(m.ratio, target.comparison, target.value) for m in measures]
    known = [j for j in judged if j is not None]
    overall = None if not known else (PASS if all(j == PASS for j in known) else FAIL)
    return TargetLine(target, measures, overall)


def _check_file_base(metric: str, total: int, where: Location, report: Report, problems: Problems) -> None:
    """A denominator of TTHC files larger than the files of the same window in Biểu 06 (#23)."""
    if metric not in FILE_BASES or not report.progress.fields:
        return
    attribute, what = FILE_BASES[metric]
    files = getattr(total_of(report.progress.fields), attribute)
    if total > files:
        problems.warn(where, f'mẫu số của "{metric}" ({total}) lớn hơn số {what} trong kỳ ở Biểu 06 ({files}): '
                      "kiểm tra lại tổng số")  # fmt: skip


def judged_in(target: Target, report: Report) -> bool:
    """A year target is judged only in the year report; others in every report (§2)."""
    return evaluation_of(target, metrics_of(report.plan)) != YEAR or report.period.code == YEAR_CODE


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
