"""The routes of ``cchc serve``: each one reads a form, makes one library call, shows the result.

Flask (over Werkzeug) rather than ``http.server``: it parses multipart uploads with a size
limit (``MAX_CONTENT_LENGTH`` → 413), sends files only from inside a given folder
(``send_from_directory``), renders Jinja templates with autoescaping (Jinja is already a
dependency), and has a test client for the HTTP tests. Only ``cchc serve`` imports it.
"""

from __future__ import annotations

import io
import tempfile
import zipfile
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
from flask import (
    Flask,
    Response,
    abort,
    current_app,
    redirect,
    render_template,
    request,
    send_from_directory,
    url_for,
)
from werkzeug.exceptions import HTTPException
from werkzeug.wrappers import Response as BaseResponse

from generator.domain.periods import FIRST_YEAR, LAST_YEAR, valid_year
from generator.errors import GeneratorError
from generator.web import documents, guard
from generator.web.figures import view
from generator.web.store import DataSet, RequestError, Store

MAX_UPLOAD = 20 * 1024 * 1024
MAX_PARTS = 300  # files (and fields) in one upload
_MESSAGES = {
    400: "Yêu cầu không hợp lệ.",
    404: "Không tìm thấy trang hoặc tệp này (có thể máy chủ đã khởi động lại; hãy tải dữ liệu lên lại).",
    405: "Không hỗ trợ cách gửi yêu cầu này.",
    413: "Tệp tải lên quá lớn: tổng dung lượng tối đa {limit} MB.",
}
_TOO_MANY_FILES = (
    "Gửi quá nhiều tệp một lần (tối đa {parts} tệp): hãy chọn ít tệp hơn, hoặc nén cả thư mục "
    "làm việc thành một tệp .zip rồi tải lên."
)


@dataclass(frozen=True)
class Site:
    """What every view needs: the server's store and the year the forms start from."""

    store: Store
    this_year: int


def create_app(
    store: Store, *, this_year: int, hosts: Iterable[str], token: str, max_upload: int = MAX_UPLOAD
) -> Flask:
    """The page's application over ``store``; it answers requests for ``hosts`` (Host headers,
    "127.0.0.1:8765") that carry ``token`` (see ``guard``)."""
    app = Flask("generator.web")
    app.config.update(MAX_CONTENT_LENGTH=max_upload, MAX_FORM_PARTS=MAX_PARTS)
    app.extensions["cchc"] = Site(store, this_year)
    app.jinja_env.undefined = jinja2.StrictUndefined
    app.context_processor(lambda: {"limit_mb": max_upload // 2**20, "years": (FIRST_YEAR, LAST_YEAR)})
    guard.install(app, frozenset(h.lower() for h in hosts), token)
    app.register_error_handler(HTTPException, _http_error)
    app.register_error_handler(Exception, _unexpected)
    for rule, view_function, method in _ROUTES:
        app.add_url_rule(rule, view_func=view_function, methods=[method])
    return app


def _site() -> Site:
    site: Site = current_app.extensions["cchc"]
    return site


def _http_error(error: HTTPException) -> tuple[str, int]:
    code = error.code or 500
    limit = current_app.config["MAX_CONTENT_LENGTH"]
    message = guard.refusal(code, error.description)
    if message is None and code == 413 and (request.content_length or limit + 1) <= limit:
        message = _TOO_MANY_FILES.format(parts=current_app.config["MAX_FORM_PARTS"])  # not the size
    if message is None:
        message = _MESSAGES.get(code, "Đã có lỗi.").format(limit=limit // 2**20)
    return render_template("error.html", message=message), code


def _unexpected(error: Exception) -> tuple[str, int]:
    """A ``GeneratorError`` shows its lines; anything else is a bug: logged, and said in Vietnamese."""
    if isinstance(error, GeneratorError):
        lines = _site().store.hidden(error.lines())
        return render_template("error.html", message="; ".join(lines)), 500
    current_app.logger.exception("cchc serve: unexpected error")
    return render_template(
        "error.html", message="Đã có lỗi không lường trước; chi tiết in ở cửa sổ lệnh."
    ), 500


def _dataset(key: str) -> DataSet:
    dataset = _site().store.get(key)
    if dataset is None:
        abort(404)
    return dataset


def index() -> str:
    return render_template("index.html", this_year=_site().this_year, errors=[])


def blank() -> Response:
    """The files of ``cchc init`` for the year asked, as one .zip."""
    year = request.args.get("nam", type=int) or _site().this_year
    if not valid_year(year):
        abort(400)
    from generator.workflows.workspace import init_folder

    with tempfile.TemporaryDirectory(dir=_site().store.root) as work:
        data = _zipped(init_folder(Path(work), year), f"cchc_{year}")
    return Response(data, mimetype="application/zip", headers=_attachment(f"cchc_mau_trong_{year}.zip"))


def upload() -> BaseResponse | tuple[str, int]:
    files = [(f.filename or "", f.stream) for f in request.files.getlist("tep") if f.filename]
    try:
        dataset = _site().store.add_upload(files)
    except RequestError as exc:
        return render_template("index.html", this_year=_site().this_year, errors=exc.lines()), 400
    return redirect(url_for("dataset_page", key=dataset.key), 303)


def folder() -> BaseResponse | tuple[str, int]:
    try:
        dataset = _site().store.add_folder(request.form.get("thu_muc", ""))
    except RequestError as exc:
        return render_template("index.html", this_year=_site().this_year, errors=exc.lines()), 400
    return redirect(url_for("dataset_page", key=dataset.key), 303)


def dataset_page(key: str) -> str:
    return _dataset_page(_dataset(key), [])


def make(key: str) -> BaseResponse | tuple[str, int]:
    dataset = _dataset(key)
    try:
        outcome = documents.make(dataset, documents.read_request(request.form, dataset))
    except GeneratorError as exc:
        return _dataset_page(dataset, dataset.shown(exc.lines()), request.form), 422
    return redirect(url_for("result_page", key=key, name=outcome.path.name), 303)


def result_page(key: str, name: str) -> str:
    dataset = _dataset(key)
    outcome = dataset.results.get(name) or abort(404)
    draft = outcome.draft
    return render_template(
        "result.html",
        dataset=dataset,
        name=name,
        stem=Path(name).stem,
        warnings=dataset.shown(str(w) for w in outcome.warnings),
        figures=view(outcome.figures) if outcome.figures else None,
        changes="\n".join(dataset.shown(draft.change_list.splitlines())) if draft else None,
        libreoffice=documents.libreoffice_present(),
    )


def download(key: str, name: str) -> BaseResponse | tuple[str, int]:
    """A written document; its PDF or page-1 image, made by LibreOffice on first request; or,
    for a draft plan, the new year's inputs as a .zip."""
    dataset = _dataset(key)
    path = Path(name)
    outcome = dataset.results.get(path.with_suffix(".docx").name)
    if outcome is None or path.suffix not in (".docx", ".zip", *documents.CONVERSIONS):
        abort(404)
    if path.suffix == ".zip":
        if outcome.draft is None:
            abort(404)
        data = _zipped(outcome.draft.files, f"cchc_{outcome.draft.year}")
        return Response(data, mimetype="application/zip", headers=_attachment(name))
    if path.suffix in documents.CONVERSIONS:
        try:
            documents.converted(outcome.path, path.suffix)
        except GeneratorError as exc:
            return render_template("error.html", message="; ".join(dataset.shown(exc.lines()))), 503
    return send_from_directory(outcome.path.parent, path.name, as_attachment=path.suffix != ".png")


_ROUTES: tuple[tuple[str, Callable[..., Any], str], ...] = (
    ("/", index, "GET"),
    ("/mau-trong.zip", blank, "GET"),
    ("/tai-len", upload, "POST"),
    ("/thu-muc", folder, "POST"),
    ("/bo/<key>", dataset_page, "GET"),
    ("/bo/<key>/soan", make, "POST"),
    ("/bo/<key>/van-ban/<name>", result_page, "GET"),
    ("/bo/<key>/tai/<name>", download, "GET"),
)


def _dataset_page(dataset: DataSet, errors: list[str], form: Mapping[str, str] | None = None) -> str:
    period, year = documents.guess_period(dataset, _site().this_year)
    chosen = {
        "loai": documents.PLAN.value,
        "ky": period,
        "nam": str(year),
        "nam_moi": str(year + 1),
        "tien_do": "",
    }
    chosen.update(form or {})
    return render_template(
        "dataset.html",
        dataset=dataset,
        errors=errors,
        chosen=chosen,
        periods=documents.PERIOD_CHOICES,
        made=sorted(dataset.results),
    )


def _zipped(files: Iterable[Path], folder: str) -> bytes:
    """``files`` in one folder of a new .zip archive."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in files:
            archive.write(path, f"{folder}/{path.name}")
    return buffer.getvalue()


def _attachment(name: str) -> dict[str, str]:
    return {"Content-Disposition": f'attachment; filename="{name}"'}
