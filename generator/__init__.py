"""cchc: official CCHC plans and reports (Nghị định 30/2020/NĐ-CP) from Word and Excel data.

For Python callers (docs/python-api.md):
- the main job: ``make_plan(folder)`` and ``make_report(folder, "Q1", 2022)`` write documents
  and return an ``Outcome``; ``read_plan(folder)`` returns the validated ``Plan``;
  ``check_document(path)`` returns the ``FileReport`` of ``cchc check``. Bad data raises
  ``InputError`` (its ``problems`` name files and places), a ``GeneratorError``;
- any docxtpl template: ``render_template(template, context)`` renders it through cchc's
  fast path and returns the .docx bytes; ``save_template(template, context, target)`` writes
  them atomically; ``Properties`` sets document properties; both raise ``RenderError``.
Everything is imported on first use, so ``import generator`` (and the ``cchc`` command's
start) stays cheap.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = [
    "FileReport",
    "Finding",
    "GeneratorError",
    "InputError",
    "Outcome",
    "Plan",
    "Problem",
    "Properties",
    "RenderError",
    "Severity",
    "__version__",
    "check_document",
    "make_plan",
    "make_report",
    "read_plan",
    "render_template",
    "save_template",
]

if TYPE_CHECKING:
    from generator.api import check_document, make_plan, make_report, read_plan
    from generator.check.checker import FileReport
    from generator.check.findings import Finding, Severity
    from generator.domain.models import Plan
    from generator.errors import GeneratorError, InputError, Problem, RenderError
    from generator.render.core_properties import Properties
    from generator.render.templates import render_template, save_template
    from generator.workflows.documents import Outcome

_LAZY = {
    "make_plan": "generator.api",
    "make_report": "generator.api",
    "read_plan": "generator.api",
    "check_document": "generator.api",
    "Outcome": "generator.workflows.documents",
    "Plan": "generator.domain.models",
    "FileReport": "generator.check.checker",
    "Finding": "generator.check.findings",
    "Severity": "generator.check.findings",
    "render_template": "generator.render.templates",
    "save_template": "generator.render.templates",
    "Properties": "generator.render.core_properties",
    "GeneratorError": "generator.errors",
    "InputError": "generator.errors",
    "Problem": "generator.errors",
    "RenderError": "generator.errors",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        from importlib import import_module

        return getattr(import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'generator' has no attribute {name!r}")
