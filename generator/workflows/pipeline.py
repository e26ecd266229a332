"""The plan and report pipelines: load → validate → compute → render → write.

Each step is a function of its own (``load_plan``, ``load_report``, ``compute``, the
contexts, ``write_document``) so they can also be called one by one; the CLI, batch and the
web page reach them through ``workflows.request.make``.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from generator.domain.carry_over import check_carried, follows, pending_by_field
from generator.domain.figures import compute, due_date
from generator.domain.kinds import DocumentKind
from generator.domain.models import FieldStats, Plan, Progress, Report, Unit
from generator.domain.periods import Period, make_period
from generator.domain.sheets import PLAN_SHEET
from generator.errors import GeneratorError, Location, Problems
from generator.inputs.folders import (
    InputSet,
    collect,
    period_of,
    plan_year_place,
    read_plan_from,
    read_report_from,
    read_unit_from,
    read_windows_from,
    report_gap,
)
from generator.inputs.parts import ReportHeader, ReportWords, read_fields_of, read_progress
from generator.render.bundled import template
from generator.render.engine import Properties
from generator.render.plan_context import plan_context
from generator.render.report_context import report_context, report_summary
from generator.workflows.documents import Outcome, Rename, document_name, output_path, write_document

PLAN_TEMPLATE = template("ke_hoach.docx")
REPORT_TEMPLATE = template("bao_cao_quy.docx")


def load_unit(inputs: InputSet, problems: Problems, where: str) -> Unit | None:
    return read_unit_from(inputs, problems, where)


def load_plan(paths: Sequence[Path], problems: Problems) -> Plan | None:
    """Read and validate everything a plan needs; every defect lands in ``problems``."""
    inputs = collect(paths, problems)
    where = ", ".join(str(p) for p in paths)
    unit = load_unit(inputs, problems, where)
    return read_plan_from(inputs, unit, problems, where)


def make_plan(
    paths: Sequence[Path], out: Path, *, template: Path | None = None, rename: Rename | None = None
) -> Outcome:
    """Render the Kế hoạch CCHC from the inputs in ``paths`` into ``out``."""
    problems = Problems()
    plan = load_plan(paths, problems)
    problems.raise_if_any()
    if plan is None:  # every way to None records a problem; this guards a bug in that promise
        raise GeneratorError("không đọc được dữ liệu kế hoạch")
    _check_plan_dates(plan, problems)
    name = document_name(DocumentKind.PLAN, plan.unit, plan.year)
    target = output_path(out, rename(name) if rename else name)
    properties = Properties(
        title=f"Kế hoạch {plan.summary}",
        subject="Kế hoạch cải cách hành chính",
        creator=" ".join(plan.unit.name_lines),
    )
    write_document(template or PLAN_TEMPLATE, plan_context(plan), properties, target)
    return Outcome(target, problems.warnings, plan.unit)


def load_report(paths: Sequence[Path], code: str, year: int, problems: Problems) -> Report | None:
    """Read and validate a report's inputs: profile, plan, progress workbook and its words.

    Every input is read even when another failed (a broken profile or plan, a plan of another
    year): the progress sheets are then checked on their own, so one run lists every problem.
    """
    inputs = collect(paths, problems, period=(code, year))
    where = ", ".join(str(p) for p in paths)
    unit = load_unit(inputs, problems, where)
    plan = read_plan_from(inputs, unit, problems, where)
    gap = report_gap(inputs, (code, year), problems, where)
    words = None if gap.words else read_report_from(inputs, unit, problems, where, (code, year))
    if plan is not None and plan.year != year:
        problems.add(
            plan_year_place(inputs, where), f"kế hoạch là của năm {plan.year}, không phải năm báo cáo {year}"
        )
        plan = None  # its tasks are not this year's: the progress sheet is checked on its own
    rules = unit.window_rules if unit is not None else read_windows_from(inputs)
    period = make_period(code, year, rules) if rules is not None else None
    previous = _previous_fields(inputs, period, rules) if period is not None else None
    carried = pending_by_field(previous) if previous else None
    progress = None if gap.progress else read_progress(inputs.workbooks, plan, period, problems, carried)
    if unit is None or plan is None or period is None or words is None or progress is None or problems.errors:
        return None
    _check_deadline(words[0], unit, period, problems)
    _check_window(words[0], period, progress, problems)
    if previous:
        check_carried(progress.fields, previous, problems)
    _check_plan_cited(words[0], plan, problems)
    return _report(unit, plan, period, progress, words)


def _report(
    unit: Unit, plan: Plan, period: Period, progress: Progress, words: tuple[ReportHeader, ReportWords]
) -> Report:
    header, text = words
    return Report(
        plan=plan,
        period=period,
        progress=progress,
        body=text.body,
        closing=text.closing,
        number=header.number,
        issue_date=header.issue_date,
        issue_year=header.issue_year or period.year,
        plan_number=plan.number if header.plan_number is None else header.plan_number,
        plan_date=header.plan_date or plan.issue_date,
        addressees=header.addressees,
        signer=header.signer or plan.signer,
        recipients=header.recipients if header.recipients is not None else unit.recipients,
    )


def _check_deadline(header: ReportHeader, unit: Unit, period: Period, problems: Problems) -> None:
    """A warning when the report is dated after its sending deadline (docs/reporting-periods.md §5)."""
    deadline = period.deadline(unit.deadline_day)
    if header.issue_date is not None and header.issue_date > deadline:
        problems.warn(
            header.issue_date_at or Location(""),
            f"ngày ban hành {header.issue_date:%d/%m/%Y} sau hạn gửi báo cáo {period.name} "
            f"({deadline:%d/%m/%Y}, ngày {unit.deadline_day} của tháng cuối kỳ)",
        )


def _previous_fields(
    inputs: InputSet, period: Period, rules: dict[str, tuple[str, str]] | None
) -> tuple[FieldStats, ...] | None:
    """The "TTHC" rows of the previous period's workbook in the folder, when there is one:
    its pending files are this period's "Từ kỳ trước" (#23 item 6)."""
    for path in inputs.elsewhere:
        named = period_of(path)
        if named is not None and follows(make_period(*named, rules), period):
            return read_fields_of(path)
    return None


def _check_plan_cited(header: ReportHeader, plan: Plan, problems: Problems) -> None:
    """A warning at the cell to fill when the report cites its plan without a number or a date
    (#26): "Thực hiện Kế hoạch số      /KH-UBND của UBND xã…" would go out with a blank."""
    number = plan.number if header.plan_number is None else header.plan_number
    if not number.strip():
        problems.warn(
            header.plan_cited_at or Location(""),
            'báo cáo dẫn kế hoạch mà chưa có số ("Thực hiện Kế hoạch số      /KH-…"): ghi số của kế hoạch '
            f'vào ô này (hoặc "Số văn bản" ở trang "{PLAN_SHEET}")',
        )
    if header.plan_date is None and plan.issue_date is None:
        problems.warn(
            header.plan_date_cited_at or Location(""),
            "báo cáo dẫn kế hoạch mà chưa có ngày: ghi ngày ban hành của kế hoạch vào ô này "
            f'(hoặc "Ngày ban hành" ở trang "{PLAN_SHEET}")',
        )


def _check_window(header: ReportHeader, period: Period, progress: Progress, problems: Problems) -> None:
    """Dates that contradict the report's window (#23 item 5): a report dated before its own
    cut-off (its figures are then estimates, and the opening says so), a task completed after
    the report's own date."""
    issued = header.issue_date
    if issued is None:
        return
    if issued < period.start:
        problems.warn(
            header.issue_date_at or Location(""),
            f"ngày ban hành {issued:%d/%m/%Y} trước cả ngày đầu kỳ {period.start:%d/%m/%Y} của {period.name}: có lẽ "
            "chép từ báo cáo kỳ khác; hãy ghi ngày ban hành của báo cáo này",
        )
    elif issued < period.end:
        problems.warn(
            header.issue_date_at or Location(""),
            f"ngày ban hành {issued:%d/%m/%Y} trước ngày chốt số liệu {period.end:%d/%m/%Y} của {period.name}: "
            f"báo cáo ghi số liệu là số liệu ước đến ngày {period.end:%d/%m/%Y}; nếu không phải ước, hãy sửa ngày",
        )
    for task in progress.tasks.values():
        if task.completed is not None and task.completed > issued:
            problems.warn(
                task.location,
                f"nhiệm vụ {task.code} ghi ngày hoàn thành {task.completed:%d/%m/%Y}, sau ngày ban hành báo cáo "
                f"{issued:%d/%m/%Y}",
            )


def _check_plan_dates(plan: Plan, problems: Problems) -> None:
    """A task due before the plan's own issue date (#23 item 5): a deadline copied from last year."""
    if plan.issue_date is None:
        return
    for task in plan.tasks:
        due = due_date(task, plan.year, plan.unit.before_is_day_before)
        if due is not None and due < plan.issue_date:
            problems.warn(
                task.deadline_location or task.location,
                f'nhiệm vụ {task.code}: thời hạn "{task.deadline}" ({due:%d/%m/%Y}) trước ngày ban hành kế hoạch '
                f"({plan.issue_date:%d/%m/%Y}); hãy xem lại thời hạn",
            )


def make_report(
    paths: Sequence[Path],
    out: Path,
    *,
    code: str,
    year: int,
    template: Path | None = None,
    rename: Rename | None = None,
) -> Outcome:
    """Render the periodic Báo cáo CCHC of ``code`` (Q1, 6T, …) ``year`` into ``out``."""
    problems = Problems()
    report = load_report(paths, code, year, problems)
    if report is None:
        problems.raise_if_any()
        raise GeneratorError("không đọc được dữ liệu báo cáo")
    figures = compute(report, problems, before_is_day_before=report.plan.unit.before_is_day_before)
    problems.raise_if_any()
    name = document_name(DocumentKind.REPORT, report.plan.unit, year, code)
    target = output_path(out, rename(name) if rename else name)
    properties = Properties(
        title=f"Báo cáo {report_summary(report)}",
        subject="Báo cáo cải cách hành chính",
        creator=" ".join(report.plan.unit.name_lines),
    )
    write_document(template or REPORT_TEMPLATE, report_context(report, figures), properties, target)
    return Outcome(target, problems.warnings, report.plan.unit, figures)
