"""The application of ``cchc serve``: settings, the guard, error pages, and the routes of
``start`` (the first page), ``data`` (a set of inputs), ``making`` (documents), ``tools``
(batch, check, stop) and ``receiving`` (the reports units sent).

Flask (over Werkzeug) rather than ``http.server``: it parses multipart uploads with a size
limit (``MAX_CONTENT_LENGTH`` → 413), sends files only from inside a given folder
(``send_from_directory``), renders Jinja templates with autoescaping (Jinja is already a
dependency), and has a test client for the HTTP tests. Only ``cchc serve`` imports it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

import jinja2
from flask import Flask, current_app, render_template, request
from werkzeug.exceptions import HTTPException

from generator.domain.periods import FIRST_YEAR, LAST_YEAR, PERIOD_KINDS
from generator.errors import GeneratorError
from generator.web import data, guard, making, receiving, start, tools
from generator.web.common import Site, site
from generator.web.store import Store

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


def create_app(
    store: Store,
    *,
    this_year: int,
    hosts: Iterable[str],
    token: str,
    max_upload: int = MAX_UPLOAD,
    stop: Callable[[], None] | None = None,
) -> Flask:
    """The page's application over ``store``; it answers requests for ``hosts`` (Host headers,
    "127.0.0.1:8765") that carry ``token`` (see ``guard``). ``stop`` ends the server (the
    page's "Tắt" button); without it the button only says so."""
    app = Flask("generator.web")
    app.config.update(MAX_CONTENT_LENGTH=max_upload, MAX_FORM_PARTS=MAX_PARTS)
    app.extensions["cchc"] = Site(store, this_year, stop)
    app.jinja_env.undefined = jinja2.StrictUndefined
    app.context_processor(lambda: {"limit_mb": max_upload // 2**20, "years": (FIRST_YEAR, LAST_YEAR),
                                   "period_kinds": [(k.code, k.label) for k in PERIOD_KINDS]})  # fmt: skip
    guard.install(app, frozenset(h.lower() for h in hosts), token)
    app.register_error_handler(HTTPException, _http_error)
    app.register_error_handler(Exception, _unexpected)
    for rule, view_function, method in (
        *start.ROUTES,
        *data.ROUTES,
        *making.ROUTES,
        *tools.ROUTES,
        *receiving.ROUTES,
    ):
        app.add_url_rule(rule, view_func=view_function, methods=[method])
    return app


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
        lines = site().store.hidden(error.lines())
        return render_template("error.html", message="; ".join(lines)), 500
    current_app.logger.exception("cchc serve: unexpected error")
    return render_template(
        "error.html", message="Đã có lỗi không lường trước; chi tiết in ở cửa sổ lệnh."
    ), 500
