"""The first page's routes: where a set of inputs comes from.

The blank working folder of ``cchc init`` (Word and Excel; YAML for technical users), cchc's
example, uploaded files, a folder on this computer, or last year's Word plan read by
``cchc import`` (its working folder, then every document, including next year's draft).
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from flask import Response, abort, redirect, render_template, request, url_for
from werkzeug.wrappers import Response as BaseResponse

from generator.domain.periods import valid_year
from generator.errors import GeneratorError
from generator.web.common import attachment, back_to_start, site, uploaded, zipped
from generator.web.store import DataSet
from generator.web.uploads import MAX_UNPACKED, RequestError, safe_name

IMPORTABLE = (".docx", ".doc", ".odt", ".rtf")
SOURCE_NAME = "van_ban_goc"  # the uploaded plan, kept beside (not among) the set's inputs


def index(errors: list[str] | None = None, form_errors: list[str] | None = None) -> str:
    shown = site().store.take(request.args.get("thong_bao", ""))
    errors, form_errors = errors or shown.get("errors"), form_errors or shown.get("form_errors")
    return render_template(
        "index.html",
        this_year=site().this_year,
        errors=errors or [],
        form_errors=form_errors or [],
        opened=site().store.sets(),
    )


def blank() -> Response:
    """The files of ``cchc init`` for the year asked, as one .zip: Word and Excel, or YAML."""
    year = request.args.get("nam", type=int) or site().this_year
    if not valid_year(year):
        abort(400)
    from generator.workflows.launcher import write_launchers
    from generator.workflows.workspace import init_folder, init_word_folder

    make = init_folder if request.args.get("dang") == "yaml" else init_word_folder
    with tempfile.TemporaryDirectory(dir=site().store.root) as work:
        files = make(Path(work), year) + write_launchers(Path(work))
        data = zipped(files, f"cchc_{year}")
    return Response(data, mimetype="application/zip", headers=attachment(f"cchc_mau_trong_{year}.zip"))


def _opened(make: Callable[[], DataSet]) -> BaseResponse:
    """Run ``make`` (a new set); its page, or the first page with the reason it was refused."""
    try:
        dataset = make()
    except RequestError as exc:
        return back_to_start(form_errors=exc.lines())
    return redirect(url_for("dataset_view", key=dataset.key), 303)


def upload() -> BaseResponse:
    return _opened(lambda: site().store.add_upload(uploaded("tep")))


def folder() -> BaseResponse:
    return _opened(lambda: site().store.add_folder(request.form.get("thu_muc", "")))


def example() -> BaseResponse:
    return _opened(site().store.add_example)


def import_plan() -> BaseResponse:
    """Last year's plan (or a periodic report) in Word → its working folder, as a new set."""
    files = uploaded("van_ban")
    if len(files) != 1:
        return back_to_start(form_errors=["chưa chọn tệp Word của kế hoạch (một tệp .docx)"])
    raw_name, stream = files[0]
    name = safe_name(raw_name)
    if name is None or Path(name).suffix.lower() not in IMPORTABLE:
        reason = "cần tệp Word .docx (hoặc .doc) của kế hoạch, ví dụ kế hoạch CCHC năm trước"
        return back_to_start(form_errors=[f"{raw_name}: {reason}"])
    store = site().store
    dataset = store.new_set()
    source = dataset.home / f"{SOURCE_NAME}{Path(name).suffix.lower()}"
    source.write_bytes(stream.read(MAX_UNPACKED + 1))
    try:
        from generator.workflows.importing import import_document

        imported = import_document(source, dataset.inputs)
    except GeneratorError as exc:
        store.discard(dataset)
        lines = [line.replace(source.name, raw_name) for line in dataset.shown(exc.lines())]
        return back_to_start(errors=lines)
    dataset.notices = [f"Đã lấy dữ liệu từ {raw_name}: {_counts(imported)}."]
    dataset.notices += [
        line.replace(source.name, raw_name) for line in dataset.shown(map(str, imported.warnings))
    ]
    return redirect(url_for("dataset_view", key=dataset.key), 303)


def _counts(imported: Any) -> str:
    if imported.paragraphs:
        return f"{imported.paragraphs} đoạn văn, {imported.tasks} nhiệm vụ, {imported.targets} chỉ tiêu"
    return f"{imported.tasks} dòng tiến độ nhiệm vụ"


ROUTES: tuple[tuple[str, Callable[..., Any], str], ...] = (
    ("/", index, "GET"),
    ("/mau-trong.zip", blank, "GET"),
    ("/tai-len", upload, "POST"),
    ("/thu-muc", folder, "POST"),
    ("/vi-du", example, "POST"),
    ("/nhap", import_plan, "POST"),
)
