"""What the routes share: the server's site, a set by its key, uploads of a form, archives, and the
page of a set (its summary, files, the forms of each document)."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from flask import abort, current_app, redirect, render_template, request, url_for
from werkzeug.wrappers import Response as BaseResponse

from generator.domain.periods import PERIODS, YEAR_END, valid_year
from generator.domain.sheets import PLAN_SHEET, TASK_SHEET, UNIT_SHEET
from generator.web import documents
from generator.web.store import DataSet, Store
from generator.workflows.survey import FolderSurvey, survey


@dataclass(frozen=True)
class Site:
    """What every view needs: the server's store, the year forms start from, how to stop."""

    store: Store
    this_year: int
    stop: Callable[[], None] | None = None


def site() -> Site:
    found: Site = current_app.extensions["cchc"]
    return found


def dataset_or_404(key: str) -> DataSet:
    dataset = site().store.get(key)
    if dataset is None:
        abort(404)
    return dataset


def uploaded(field: str) -> list[tuple[str, IO[bytes]]]:
    """The files the form sent in ``field``: (name as sent, stream)."""
    return [(f.filename or "", f.stream) for f in request.files.getlist(field) if f.filename]


def zipped(files: Iterable[Path], folder: str, base: Path | None = None) -> bytes:
    """``files`` in one folder of a new .zip archive (below ``base``: their path from it)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in files:
            inside = path.relative_to(base).as_posix() if base else path.name
            archive.write(path, f"{folder}/{inside}")
    return buffer.getvalue()


def back_to_set(dataset: DataSet, **shown: Any) -> BaseResponse:
    """Post/Redirect/Get for a refused POST: the set's page, which shows ``shown`` (``errors``,
    ``form_errors``, ``form`` as ``dataset_page`` takes them) once; Back and reload then
    never send the form again."""
    dataset.pending = shown
    return redirect(url_for("dataset_view", key=dataset.key), 303)


def back_to_start(**shown: Any) -> BaseResponse:
    """Post/Redirect/Get for a refused POST of the first page: ``shown`` (``errors``,
    ``form_errors``) on the first page, once."""
    return redirect(url_for("index", thong_bao=site().store.keep(shown)), 303)


def attachment(name: str) -> dict[str, str]:
    return {"Content-Disposition": f'attachment; filename="{name}"'}


def dataset_page(
    dataset: DataSet,
    *,
    errors: Iterable[str] = (),
    form_errors: Iterable[str] = (),
    form: Mapping[str, str] | None = None,
    done: str = "",
) -> str:
    """The page of ``dataset``: what cchc understood, its files, and a form for each document.

    ``errors`` are the data's (file, sheet and cell), ``form_errors`` the form's own; ``form``
    keeps what the person chose; ``done`` says what the last action did.
    """
    found = survey(dataset.inputs)
    period, year = found.default_period(site().this_year)
    plan_year = found.plan_year or year
    chosen = {"ky": period, "nam": str(year), "nam_moi": str(plan_year + 1), "tien_do": "", "loai": ""}
    chosen.update(form or {})
    errors = list(errors)
    unfilled = not errors and found.unfilled
    shown = errors or ([] if unfilled else dataset.shown(found.problems))
    return render_template(
        "dataset.html",
        dataset=dataset,
        found=found,
        warnings=dataset.shown(found.warnings),
        flagged={name for name in dataset.files() if any(name in line for line in shown)},
        errors=shown,
        read_errors=not list(errors) and bool(found.problems) and not unfilled,
        unfilled=unfilled,
        blanks=dataset.shown(found.problems) if unfilled else [],
        form_errors=list(form_errors),
        chosen=chosen,
        periods=[(code, label, _files_of(found, code, chosen["nam"])) for code, label in documents.PERIOD_CHOICES],
        made=sorted(dataset.results),
        done=done,
        year_end=YEAR_END,
        sheets={"unit": UNIT_SHEET, "plan": PLAN_SHEET, "tasks": TASK_SHEET},
        windows=_windows(found, {year, plan_year - 1, plan_year, plan_year + 1}),
        window=_window(found, chosen["ky"], chosen["nam"]),
    )  # fmt: skip


def _windows(found: FolderSurvey, years: Iterable[int]) -> dict[str, dict[str, str]]:
    """Year → period code → its data window and sending deadline, for the page to show the
    chosen period's as the choice changes."""
    codes = [code for code, _ in documents.PERIOD_CHOICES]
    return {
        str(y): {c: found.period(c, y).window_note(found.deadline_day) for c in codes}
        for y in sorted(years) if valid_year(y)
    }  # fmt: skip


def _window(found: FolderSurvey, code: str, year: str) -> str:
    """The chosen period's window, or nothing when the form holds no valid choice."""
    number = int(year) if year.strip().isdecimal() else 0
    if code not in PERIODS or not valid_year(number):
        return ""
    return found.period(code, number).window_note(found.deadline_day)


def _files_of(found: FolderSurvey, code: str, year: str) -> str:
    """ "có tệp" when a file of the set is named for this period of ``year`` (as typed)."""
    return "có tệp" if any((p.code, str(p.year)) == (code, year.strip()) for p in found.periods) else ""
