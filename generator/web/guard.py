"""Who may use the page: checks run before every request of ``cchc serve``.

1. Host: only the names the server was started for (loopback, or the ``--allow-host`` list):
   a page on another site cannot reach the server by pointing its own name at 127.0.0.1
   (DNS rebinding).
2. Origin: a request that a page of another site sends (a form it posts, a script's fetch)
   is refused, in every mode.
3. A secret of this run: ``cchc serve`` makes a random token and prints and opens
   ``http://127.0.0.1:PORT/?k=TOKEN``. The first request with it gets a cookie (HttpOnly,
   SameSite=Strict, named after the token so two servers on one machine keep theirs); every
   request must carry the token (cookie, or ``k`` in the address). Another user or program
   on the same computer, which can reach the port, cannot read folders or make documents
   without it, and a browser sends no SameSite=Strict cookie with a request from another site.
   The browser cchc starts gets a one-time address instead (``?m=CODE``, ``one_time_code``),
   as its command line is visible to every local user: the code sets the cookie once, redirects
   to the page without it, and is worthless afterwards or after ``ONE_TIME_SECONDS``
   (docs/security.md §2).
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import threading
import time
from urllib.parse import urlsplit

from flask import Flask, abort, current_app, g, redirect, request
from werkzeug.wrappers import Response

HOSTS = "CCHC_HOSTS"  # config key: the Host headers accepted ("127.0.0.1:8765" …)
TOKEN = "CCHC_TOKEN"  # config key: this run's secret
TOKEN_PARAMETER = "k"
ONE_TIME = "CCHC_ONE_TIME"  # config key: the one-time codes not used yet → when they expire
ONE_TIME_PARAMETER = "m"
ONE_TIME_SECONDS = 120.0  # long enough for a browser that starts slowly
ONE_TIME_USED = "one-time"
_ONE_TIME_LOCK = threading.Lock()
HOST_REFUSED = "host"  # descriptions of the 400 and 403 errors, for their messages
ORIGIN_REFUSED = "origin"
TOKEN_MISSING = "token"
HEADERS = {
    "Referrer-Policy": "same-origin",  # the address may hold the token; "no-referrer" would make
    # Chromium send "Origin: null" with the page's own forms
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",  # no other page may show this one in a frame
    "Cache-Control": "no-store",  # data and documents stay out of the browser's cache
}


def install(app: Flask, hosts: frozenset[str], token: str) -> None:
    """Check every request of ``app`` for ``hosts`` and ``token``."""
    app.config[HOSTS] = hosts
    app.config[TOKEN] = token
    app.config[ONE_TIME] = {}
    app.before_request(_guard)
    app.after_request(_finish)


def one_time_code(app: Flask) -> str:
    """A code that opens the page once (``?m=CODE``), for the browser cchc starts."""
    code = secrets.token_urlsafe(24)
    with _ONE_TIME_LOCK:
        app.config[ONE_TIME][code] = time.monotonic() + ONE_TIME_SECONDS
    return code


def _spend(code: str) -> bool:
    """Whether ``code`` is a one-time code not used yet nor expired; it is used up either way."""
    with _ONE_TIME_LOCK:
        expires = current_app.config[ONE_TIME].pop(code, None)
    return expires is not None and time.monotonic() < expires


def cookie_name(token: str) -> str:
    return "cchc_" + hashlib.sha256(token.encode()).hexdigest()[:12]


def _guard() -> Response | None:
    hosts: frozenset[str] = current_app.config[HOSTS]
    if request.host.lower() not in hosts:
        abort(400, HOST_REFUSED)
    origin = request.headers.get("Origin")  # "null" (a sandboxed frame, a file) is refused too
    if origin is not None and urlsplit(origin).netloc.lower() not in hosts:
        abort(403, ORIGIN_REFUSED)
    code = request.args.get(ONE_TIME_PARAMETER)
    if code is not None:
        if not _spend(code):
            abort(403, ONE_TIME_USED)
        g.cchc_new_cookie = True
        return redirect("/" + request.path.lstrip("/"), 303)  # the address without the code
    token: str = current_app.config[TOKEN]
    given = request.args.get(TOKEN_PARAMETER)
    if given is not None and _same(given, token):
        g.cchc_new_cookie = True
        return None
    if not _same(request.cookies.get(cookie_name(token), ""), token):
        abort(403, TOKEN_MISSING)
    return None


def _same(given: str, token: str) -> bool:
    return hmac.compare_digest(given.encode("utf-8", "replace"), token.encode())


def _finish(response: Response) -> Response:
    response.headers.update(HEADERS)
    if g.get("cchc_new_cookie"):
        token: str = current_app.config[TOKEN]
        response.set_cookie(cookie_name(token), token, httponly=True, samesite="Strict", path="/")
    return response


def refusal(code: int, description: str | None) -> str | None:
    """The Vietnamese message for a request this module refused, or None for other errors."""
    if code == 400 and description == HOST_REFUSED:
        return (
            "Địa chỉ truy cập không hợp lệ: hãy mở trang bằng địa chỉ cchc serve đã in ra "
            "(http://127.0.0.1:…)."
        )
    if code == 403 and description == ONE_TIME_USED:
        return (
            "Địa chỉ trình duyệt được mở chỉ dùng được một lần, trong 2 phút, và đã dùng hoặc đã hết "
            "hạn: nhấp đúp lại tệp Mo_trang_cchc (cchc mở lại đúng trang đang chạy), hoặc mở địa chỉ "
            "cchc serve đã in ra trong cửa sổ lệnh (http://127.0.0.1:…/?k=…)."
        )
    if code == 403 and description == TOKEN_MISSING:
        return (
            "Trang cần mã truy cập của lần chạy này: nhấp đúp lại tệp Mo_trang_cchc trong thư mục làm "
            "việc (cchc mở lại đúng trang đang chạy, không mất dữ liệu), hoặc mở địa chỉ cchc serve đã "
            "in ra trong cửa sổ lệnh (http://127.0.0.1:…/?k=…)."
        )
    if code == 403:
        return "Trang này chỉ nhận yêu cầu gửi từ chính nó."
    return None
