"""The one pipeline every command uses: load → validate → compute → render → write.

``make_plan`` (and the other ``make_*``) are what the CLI, batch and the web page call;
each step is a function of its own so they can also be called one by one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from generator.context import plan_context
from generator.docx_package import write_atomic
from generator.errors import OutputError, Problem, Problems
from generator.inputs import InputSet, collect
from generator.models import Plan, Unit
from generator.plan_input import read_plan
from generator.profile_input import read_unit
from generator.render import PreparedTemplate, Properties, load_template
from generator.text import ascii_slug

TEMPLATE_DIR = Path(__file__).resolve().parent.parent / "templates"
PLAN_TEMPLATE = TEMPLATE_DIR / "ke_hoach.docx"


@dataclass
class Outcome:
    """What a run wrote, and the notices (warnings) the user should read."""

    path: Path
    warnings: list[Problem] = field(default_factory=list)


def load_unit(inputs: InputSet, problems: Problems, where: str) -> Unit | None:
    document = inputs.part("don_vi", problems, where)
    return read_unit(document, problems) if document is not None else None


def load_plan(paths: Sequence[Path], problems: Problems) -> Plan | None:
    """Read and validate everything a plan needs; every defect lands in ``problems``."""
    inputs = collect(paths, problems)
    where = ", ".join(str(p) for p in paths)
    unit = load_unit(inputs, problems, where)
    document = inputs.part("ke_hoach", problems, where)
    if document is None:
        return None
    return read_plan(document, unit, inputs.workbooks, problems)


def output_path(out: Path, default_name: str) -> Path:
    """``out`` is a folder (existing, or named without an extension) or a .docx file."""
    if out.is_dir() or not out.suffix:
        return out / default_name
    if out.suffix.lower() != ".docx":
        raise OutputError(f"{out}: tên tệp đầu ra cần có đuôi .docx")
    return out


def document_name(kind: str, unit: Unit, year: int, period: str | None = None) -> str:
    """ "ke_hoach_cchc_2022_xa_loc_thuy.docx": ASCII, no separators, stable across runs."""
    parts = [kind, "cchc", *([period.lower()] if period else []), str(year), unit.slug]
    return ascii_slug("_".join(parts), limit=120) + ".docx"


def make_plan(paths: Sequence[Path], out: Path, *, template: Path | None = None) -> Outcome:
    """Render the Kế hoạch CCHC from the inputs in ``paths`` into ``out``."""
    problems = Problems()
    plan = load_plan(paths, problems)
    problems.raise_if_any()
    assert plan is not None
    prepared = load_template(template or PLAN_TEMPLATE)
    target = output_path(out, document_name("ke_hoach", plan.unit, plan.year))
    write_plan(plan, prepared, target)
    return Outcome(target, problems.warnings)


def write_plan(plan: Plan, prepared: PreparedTemplate, target: Path) -> None:
    properties = Properties(
        title=f"Kế hoạch {plan.summary}",
        subject="Kế hoạch cải cách hành chính",
        creator=" ".join(plan.unit.name_lines),
    )
    write_atomic(target, prepared.render(plan_context(plan), properties))
