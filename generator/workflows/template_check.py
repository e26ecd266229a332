"""``cchc template check``: a Word template against the data it will be filled with.

Without a folder, the names are those docs/mau-rieng.md documents. With a working folder, they are
those of the context its data really builds: the plan's, or the report's when the template
looks like a report, which is when it uses more of the names only a report has
(``chi_tieu``, ``ky_bao_cao``, ``phu_luc_1`` …) than names only a plan has (``nam``,
``phu_luc``). A report needs its period: ``--period``/``--year``, else the latest period a
file of the folder is named for (``tien_do_q1_2022.xlsx``).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from generator.errors import GeneratorError, Problems
from generator.render import context_names
from generator.render.template_check import check_template as check_file
from generator.render.template_check import used_names
from generator.render.template_places import Finding

_PLAN_ONLY = {n.split(".")[0].removesuffix("[]") for n in context_names.PLAN} - {
    n.split(".")[0].removesuffix("[]") for n in context_names.REPORT
}
_REPORT_ONLY = {n.split(".")[0].removesuffix("[]") for n in context_names.REPORT} - {
    n.split(".")[0].removesuffix("[]") for n in context_names.PLAN
}


@dataclass(frozen=True)
class TemplateCheck:
    """What was checked against what, and what was found."""

    template: Path
    data: str  # "kế hoạch", "báo cáo Q1/2022"
    source: str  # where the names come from
    findings: list[Finding]


def check_template(
    template: Path, folder: Path | None = None, period: str | None = None, year: int | None = None
) -> TemplateCheck:
    """Check ``template`` against the documented names, or the data of ``folder``."""
    used = used_names(template)
    report = len(used & _REPORT_ONLY) > len(used & _PLAN_ONLY)
    if folder is None:
        names = context_names.REPORT if report else context_names.PLAN
        label = "báo cáo" if report else "kế hoạch"
        return TemplateCheck(
            template, label, "tên biến trong docs/mau-rieng.md", check_file(template, names, label)
        )
    if report:
        period, year = _period(folder, period, year)
        label = f"báo cáo {period}/{year}"
        paths = _report_names(folder, period, year)
    else:
        label, paths = "kế hoạch", _plan_names(folder)
    return TemplateCheck(template, label, f"dữ liệu trong {folder}", check_file(template, paths, label))


def _plan_names(folder: Path) -> set[str]:
    from generator.render.plan_context import plan_context
    from generator.workflows.pipeline import load_plan

    problems = Problems()
    plan = load_plan([folder], problems)
    problems.raise_if_any()
    if plan is None:
        raise GeneratorError(f"{folder}: không đọc được dữ liệu kế hoạch")
    return context_names.paths_of(plan_context(plan))


def _report_names(folder: Path, period: str, year: int) -> set[str]:
    from generator.domain.figures import compute
    from generator.render.report_context import report_context
    from generator.workflows.pipeline import load_report

    problems = Problems()
    report = load_report([folder], period, year, problems)
    problems.raise_if_any()
    if report is None:
        raise GeneratorError(f"{folder}: không đọc được dữ liệu báo cáo {period}/{year}")
    figures = compute(report, problems, before_is_day_before=report.plan.unit.before_is_day_before)
    problems.raise_if_any()
    return context_names.paths_of(report_context(report, figures))


def _period(folder: Path, period: str | None, year: int | None) -> tuple[str, int]:
    if period is not None and year is not None:
        return period, year
    from generator.inputs.files import period_of

    named = sorted({found for p in folder.iterdir() if (found := period_of(p))}, key=lambda f: (f[1], f[0]))
    if not named:
        raise GeneratorError(
            f"{folder}: mẫu là mẫu báo cáo; cần chọn kỳ báo cáo bằng --period và --year "
            "(không có tệp nào trong thư mục mang tên kỳ, như tien_do_q1_2022.xlsx)"
        )
    return named[-1]
