"""``cchc template check``: a Word template against the data it will be filled with.

Without a folder, the names are those docs/mau-rieng.md documents. With a working folder, they are
those of the context its data really builds: the plan's, or the report's when the template
looks like a report, which is when it uses more of the names only a report has
(``chi_tieu``, ``ky_bao_cao``, ``phu_luc_1`` …) than names only a plan has (``nam``,
``phu_luc``). A report needs its period: ``--period``/``--year``, else the latest period a
file of the folder is named for (``tien_do_q1_2022.xlsx``).

A template that passes these checks is then rendered, as `cchc plan` and `cchc report` would,
with the folder's data or, without a folder, cchc's example (xã Lộc Thủy), under the same
sandbox and limits: what that render refuses (a sandbox violation, a bomb) is a finding too.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from generator.errors import GeneratorError, Problems, RenderError
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
    """Check ``template`` against the documented names, or the data of ``folder``; then render it
    with that data (the example's, without a folder) as the document would be."""
    used = used_names(template)
    report = len(used & _REPORT_ONLY) > len(used & _PLAN_ONLY)
    if folder is None:
        names = context_names.REPORT if report else context_names.PLAN
        label = "báo cáo" if report else "kế hoạch"
        findings = check_file(template, names, label) or _rendered(template, report, example_folder())
        return TemplateCheck(template, label, "tên biến trong docs/mau-rieng.md", findings)
    if report:
        period, year = _period(folder, period, year)
        label = f"báo cáo {period}/{year}"
        context = _report_context(folder, period, year)
    else:
        label, context = "kế hoạch", _plan_context(folder)
    findings = check_file(template, context_names.paths_of(context), label)
    return TemplateCheck(template, label, f"dữ liệu trong {folder}", findings or _render(template, context))


def example_folder() -> Path:
    """cchc's example working folder (xã Lộc Thủy, Word and Excel): the checkout's, or the installed copy."""
    checkout = Path(__file__).resolve().parents[2] / "inputs" / "loc_thuy"
    return checkout if checkout.is_dir() else Path(str(resources.files("generator.example_data")))


def _rendered(template: Path, report: bool, folder: Path) -> list[Finding]:
    """What rendering ``template`` with the data of ``folder`` (a plan's, or its latest report's) says."""
    if not report:
        return _render(template, _plan_context(folder))
    period, year = _period(folder, None, None)
    return _render(template, _report_context(folder, period, year))


def _render(template: Path, context: dict[str, Any]) -> list[Finding]:
    """The render's refusal as a finding: the same environment, sandbox and limits as a document's."""
    from generator.render.engine import PreparedTemplate

    try:
        PreparedTemplate(template).render(context)
    except RenderError as exc:
        return [Finding("", str(exc).removeprefix(f"{template.name}: "))]
    return []


def _plan_context(folder: Path) -> dict[str, Any]:
    from generator.render.plan_context import plan_context
    from generator.workflows.pipeline import load_plan

    problems = Problems()
    plan = load_plan([folder], problems)
    problems.raise_if_any()
    if plan is None:
        raise GeneratorError(f"{folder}: không đọc được dữ liệu kế hoạch")
    return plan_context(plan)


def _report_context(folder: Path, period: str, year: int) -> dict[str, Any]:
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
    return report_context(report, figures)


def _period(folder: Path, period: str | None, year: int | None) -> tuple[str, int]:
    if period is not None and year is not None:
        return period, year
    from generator.inputs.folders import period_of

    named = sorted({found for p in folder.iterdir() if (found := period_of(p))}, key=lambda f: (f[1], f[0]))
    if not named:
        raise GeneratorError(
            f"{folder}: mẫu là mẫu báo cáo; cần chọn kỳ báo cáo bằng --period và --year "
            "(không có tệp nào trong thư mục mang tên kỳ, như tien_do_q1_2022.xlsx)"
        )
    return named[-1]
