"""One request type and one call: every front (CLI, batch, web page) asks for a document with
``make(Request(...))`` and gets an ``Outcome``; nothing else chooses between plan, report and
draft."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from generator.domain.kinds import DocumentKind
from generator.domain.periods import PERIODS, valid_year
from generator.workflows.documents import Outcome, Rename


@dataclass(frozen=True)
class Request:
    """A document to make: which kind, from which inputs, into where.

    ``period`` and ``year`` name a report's period (``"Q1"``, 2022); for a draft, ``year`` is
    the new plan's year, ``progress`` the old year's progress workbook, ``drop_done`` drops
    finished one-off tasks and ``overwrite`` replaces files already in ``out``.
    """

    kind: DocumentKind
    inputs: tuple[Path, ...]
    out: Path
    period: str | None = None
    year: int | None = None
    template: Path | None = None
    progress: Path | None = None
    drop_done: bool = False
    overwrite: bool = False
    rename: Rename | None = field(default=None, compare=False)  # batch: unique file names

    def __post_init__(self) -> None:
        """A request a front built wrongly is a programming error, not a user's mistake."""
        if self.kind is DocumentKind.REPORT and (self.period not in PERIODS or self.year is None):
            raise ValueError(f"a report needs a known period and a year, not {self.period}/{self.year}")
        if self.kind is DocumentKind.DRAFT and self.year is None:
            raise ValueError("a draft needs the new plan's year")
        if self.year is not None and not valid_year(self.year):
            raise ValueError(f"year {self.year} is outside the accepted range")

    @property
    def label(self) -> str:
        """ "kế hoạch", "báo cáo Q1/2022", "dự thảo kế hoạch năm 2023"."""
        if self.kind is DocumentKind.REPORT:
            return f"báo cáo {self.period}/{self.year}"
        if self.kind is DocumentKind.DRAFT:
            return f"dự thảo kế hoạch năm {self.year}"
        return self.kind.label


def make(request: Request) -> Outcome:
    """Make the requested document through its pipeline; ``GeneratorError`` on bad input."""
    inputs = list(request.inputs)
    if request.kind is DocumentKind.DRAFT:
        return _draft(request)
    from generator.workflows import pipeline  # imported here, as rollover below: each is heavy

    if request.kind is DocumentKind.PLAN:
        return pipeline.make_plan(inputs, request.out, template=request.template, rename=request.rename)
    assert request.period is not None  # checked when the request was made
    assert request.year is not None
    return pipeline.make_report(
        inputs, request.out, code=request.period, year=request.year,
        template=request.template, rename=request.rename,
    )  # fmt: skip


def _draft(request: Request) -> Outcome:
    from generator.workflows import rollover  # ruamel.yaml and the draft's steps: drafts only

    assert request.year is not None
    return rollover.rollover(
        list(request.inputs), request.year, request.out,
        progress=request.progress, drop_done=request.drop_done, overwrite=request.overwrite,
    )  # fmt: skip
