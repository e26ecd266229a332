"""The routes of documents: make one, its result page, its files (Word, PDF to read in the browser
or download, next year's inputs), and every page as an image for the preview."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from flask import Response, abort, jsonify, redirect, render_template, request, send_from_directory, url_for
from werkzeug.wrappers import Response as BaseResponse

from generator.errors import GeneratorError
from generator.web import documents
from generator.web.common import attachment, back_to_set, dataset_or_404, site, zipped
from generator.web.figures import view
from generator.web.uploads import RequestError
from generator.workflows.documents import Outcome
from generator.workflows.survey import survey


def make(key: str) -> BaseResponse:
    dataset = dataset_or_404(key)
    found = survey(dataset.inputs)
    try:
        wanted = documents.read_request(request.form, dataset, found)
    except RequestError as exc:
        return back_to_set(dataset, form_errors=exc.lines(), form=dict(request.form))
    try:
        outcome = documents.make(dataset, wanted, documents.progress_caution(wanted, found))
    except GeneratorError as exc:
        return back_to_set(dataset, errors=dataset.shown(exc.lines()), form=dict(request.form))
    return redirect(url_for("result_page", key=key, name=outcome.path.name), 303)


def make_again(key: str) -> BaseResponse:
    """A GET of the address documents are made at (an old tab, a bookmark): the set's page."""
    dataset_or_404(key)
    return redirect(url_for("dataset_view", key=key), 303)


def result_page(key: str, name: str) -> str:
    dataset = dataset_or_404(key)
    outcome = dataset.results.get(name) or abort(404)
    draft = outcome.draft
    return render_template(
        "result.html",
        dataset=dataset,
        name=name,
        stem=Path(name).stem,
        warnings=dataset.notes.get(name, []) + dataset.shown(str(w) for w in outcome.warnings),
        figures=view(outcome.figures) if outcome.figures else None,
        review=dataset.shown(documents.review_first(draft.change_list)) if draft else [],
        changes="\n".join(dataset.shown(draft.change_list.splitlines())) if draft else None,
        draft_year=draft.year if draft else None,
        save_to=dataset.inputs.parent / f"cchc_{draft.year}" if draft and dataset.pointed else None,
        libreoffice=documents.libreoffice_present(),
    )


def _outcome(key: str, name: str) -> tuple[Any, Outcome]:
    dataset = dataset_or_404(key)
    outcome = dataset.results.get(Path(name).with_suffix(".docx").name)
    if outcome is None:
        abort(404)
    return dataset, outcome


def download(key: str, name: str) -> BaseResponse | tuple[str, int]:
    """A written document (.docx), its PDF (made by LibreOffice on first request), or, for a
    draft plan, the new year's inputs as a .zip."""
    dataset, outcome = _outcome(key, name)
    suffix = Path(name).suffix
    if suffix == ".zip" and outcome.draft is not None:
        from generator.workflows.launcher import write_launchers

        with tempfile.TemporaryDirectory(dir=site().store.root) as work:  # with the launchers, to open it
            files = [*outcome.draft.files, *write_launchers(Path(work))]
            data = zipped(files, f"cchc_{outcome.draft.year}")
        return Response(data, mimetype="application/zip", headers=attachment(name))
    if suffix == ".docx":
        return send_from_directory(outcome.path.parent, outcome.path.name, as_attachment=True)
    if suffix != ".pdf":
        abort(404)
    return _pdf(dataset, outcome, attached=True)


def open_draft(key: str, name: str) -> BaseResponse:
    """Next year's inputs of the draft ``name`` as a new set on the page: its own page next."""
    _, outcome = _outcome(key, name)
    if outcome.draft is None:
        abort(404)
    dataset = site().store.add_paths(outcome.draft.files)
    dataset.message = f"Đã mở dữ liệu năm {outcome.draft.year} (dự thảo {name})."
    return redirect(url_for("dataset_view", key=dataset.key), 303)


def save_draft(key: str, name: str) -> BaseResponse:
    """Next year's inputs of the draft ``name`` saved beside the folder the page was opened on
    (its sibling ``cchc_<năm>``), then that folder's page."""
    dataset, outcome = _outcome(key, name)
    if outcome.draft is None or not dataset.pointed:
        abort(404)
    from generator.workflows.launcher import save_folder

    target = dataset.inputs.parent / f"cchc_{outcome.draft.year}"
    try:
        save_folder(outcome.draft.files, target)
    except GeneratorError as exc:
        return back_to_set(dataset, form_errors=exc.lines())
    opened = site().store.add_folder(str(target))
    opened.message = (
        f"Đã lưu dữ liệu năm {outcome.draft.year} vào thư mục {target} (có tệp Mo_trang_cchc để mở lại)."
    )
    return redirect(url_for("dataset_view", key=opened.key), 303)


def read_pdf(key: str, name: str) -> BaseResponse | tuple[str, int]:
    """The PDF shown in the browser's own viewer (every page), not saved as a download."""
    dataset, outcome = _outcome(key, name)
    if Path(name).suffix != ".pdf":
        abort(404)
    return _pdf(dataset, outcome, attached=False)


def _pdf(dataset: Any, outcome: Outcome, *, attached: bool) -> BaseResponse | tuple[str, int]:
    try:
        made = documents.pdf_of(outcome.path)
    except GeneratorError as exc:
        return render_template("error.html", message="; ".join(dataset.shown(exc.lines()))), 503
    return send_from_directory(made.parent, made.name, as_attachment=attached, mimetype="application/pdf")


def preview(key: str, name: str) -> BaseResponse | tuple[BaseResponse, int]:
    """Make the PDF and every page's image (seconds, the first time); their addresses as JSON."""
    dataset, outcome = _outcome(key, name)
    try:
        images = documents.page_images(outcome.path)
    except GeneratorError as exc:
        return jsonify(error="; ".join(dataset.shown(exc.lines()))), 503
    pages = [url_for("page_image", key=key, name=image.name) for image in images]
    return jsonify(pages=pages, pdf=url_for("read_pdf", key=key, name=outcome.path.with_suffix(".pdf").name))


def page_image(key: str, name: str) -> BaseResponse:
    """One page's image, once ``preview`` made it."""
    dataset = dataset_or_404(key)
    stem = name.rsplit("-trang-", 1)[0]
    outcome = dataset.results.get(f"{stem}.docx")
    if outcome is None or not name.endswith(".png") or not (outcome.path.parent / name).is_file():
        abort(404)
    return send_from_directory(outcome.path.parent, name, mimetype="image/png")


ROUTES: tuple[tuple[str, Callable[..., Any], str], ...] = (
    ("/bo/<key>/soan", make, "POST"),
    ("/bo/<key>/soan", make_again, "GET"),
    ("/bo/<key>/van-ban/<name>", result_page, "GET"),
    ("/bo/<key>/tai/<name>", download, "GET"),
    ("/bo/<key>/xem/<name>", read_pdf, "GET"),
    ("/bo/<key>/mo-nam-moi/<name>", open_draft, "POST"),
    ("/bo/<key>/luu-nam-moi/<name>", save_draft, "POST"),
    ("/bo/<key>/xem-truoc/<name>", preview, "GET"),
    ("/bo/<key>/trang/<name>", page_image, "GET"),
)
