"""The main job from Python: make a plan or a report, check a document, read a plan.

Each call is a thin front over what the command line runs, never a second copy of a step:
``make_plan`` and ``make_report`` build one ``Request`` and call ``make`` (as ``cchc plan``
and ``cchc report`` do), ``read_plan`` is the reading ``cchc plan`` starts with, and
``check_document`` is one file of ``cchc check``. Bad data raises ``InputError``, whose
``problems`` each name a file and a place; every error cchc reports is a ``GeneratorError``.
Guide and example: docs/python-api.md.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from generator.check.checker import FileReport, check_file
from generator.domain.kinds import DocumentKind
from generator.domain.models import Plan
from generator.errors import GeneratorError, Problems
from generator.workflows.documents import Outcome
from generator.workflows.pipeline import load_plan
from generator.workflows.request import Request, make

__all__ = ["Inputs", "check_document", "make_plan", "make_report", "read_plan"]

PathLike = str | os.PathLike[str]
Inputs = PathLike | Iterable[PathLike]  # a working folder, or its files


def make_plan(inputs: Inputs, out: PathLike = "outputs", *, template: PathLike | None = None) -> Outcome:
    """Write the Kế hoạch CCHC of ``inputs`` into ``out`` (a folder, or a .docx file).

    ``Outcome.path`` is the document written, ``Outcome.warnings`` what the user should read.
    ``template`` is the unit's own .docx template instead of the bundled one.
    """
    return make(Request(DocumentKind.PLAN, _paths(inputs), Path(out), template=_path(template)))


def make_report(
    inputs: Inputs, period: str, year: int, out: PathLike = "outputs", *, template: PathLike | None = None
) -> Outcome:
    """Write the Báo cáo CCHC of ``period`` (``"Q1"``, ``"6T"``, ``"NAM"`` …) ``year`` into ``out``.

    ``Outcome.figures`` holds what the report computed (rates, targets, task states). An unknown
    period or a year out of range is a ``ValueError``: the caller's mistake, not the data's.
    """
    paths, target = _paths(inputs), Path(out)
    request = Request(
        DocumentKind.REPORT, paths, target, period=period.upper(), year=year, template=_path(template)
    )
    return make(request)


def read_plan(inputs: Inputs) -> Plan:
    """The plan in ``inputs``, read and validated as ``make_plan`` reads it; nothing is written."""
    problems = Problems()
    plan = load_plan(_paths(inputs), problems)
    problems.raise_if_any()
    if plan is None:  # every way to None records a problem; this guards a bug in that promise
        raise GeneratorError("không đọc được dữ liệu kế hoạch")
    return plan


def check_document(path: PathLike) -> FileReport:
    """``path`` (any .docx) against the rules of Nghị định 30 that can be checked.

    Never raises for a bad file: ``FileReport.problem`` says why it could not be read, and
    ``FileReport.findings`` lists each error and warning with its rule and place.
    """
    return check_file(Path(path))


def _paths(inputs: Inputs) -> tuple[Path, ...]:
    if isinstance(inputs, str | os.PathLike):
        return (Path(inputs),)
    return tuple(Path(item) for item in inputs)


def _path(path: PathLike | None) -> Path | None:
    return None if path is None else Path(path)
