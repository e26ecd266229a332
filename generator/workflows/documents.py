"""What every workflow shares: the outcome it reports, where a document goes, and the one
render-and-write step every document (plan, report, draft, consolidated table) goes through."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.domain.figures import ReportFigures
from generator.domain.kinds import DocumentKind
from generator.domain.models import Unit
from generator.domain.text import ascii_slug
from generator.errors import OutputError, Problem
from generator.files import write_atomic
from generator.render.engine import Properties, load_template


@dataclass(frozen=True)
class Draft:
    """What a rollover wrote besides the draft document: next year's inputs and the change list."""

    folder: Path
    files: list[Path]
    change_list: str
    year: int


@dataclass
class Outcome:
    """What a run wrote, the notices (warnings) the user should read, and what it computed."""

    path: Path
    warnings: list[Problem] = field(default_factory=list)
    unit: Unit | None = None
    figures: ReportFigures | None = None  # reports only: rates, targets, task states
    draft: Draft | None = None  # draft plans only


Rename = Callable[[str], str]  # default file name → the name to write (batch: unique names)


def output_path(out: Path, default_name: str) -> Path:
    """``out`` is a folder (existing, or named without an extension) or a .docx file."""
    if out.is_dir() or not out.suffix:
        return out / default_name
    if out.suffix.lower() != ".docx":
        raise OutputError(f"{out}: tên tệp đầu ra cần có đuôi .docx")
    return out


def document_name(kind: DocumentKind, unit: Unit, year: int, period: str | None = None) -> str:
    """ "ke_hoach_cchc_2022_xa_loc_thuy.docx": ASCII, no separators, stable across runs."""
    parts = [kind.value, "cchc", *([period.lower()] if period else []), str(year), unit.slug]
    return ascii_slug("_".join(parts), limit=120) + ".docx"


def write_document(template: Path, context: Mapping[str, Any], properties: Properties, target: Path) -> None:
    """Render ``template`` with ``context`` and write it to ``target`` atomically."""
    write_atomic(target, load_template(template).render(context, properties))
