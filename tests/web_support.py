"""Helpers for the web page's tests: a test client, uploads, documents and problem lines read back."""

from __future__ import annotations

import contextlib
import html
import io
import re
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import docx
import openpyxl
from docx.table import Table
from flask.testing import FlaskClient
from werkzeug.datastructures import FileStorage, MultiDict
from werkzeug.test import TestResponse, encode_multipart

from generator.web.app import create_app
from generator.web.server import LocalServer
from generator.web.store import Store
from tests.conftest import EXAMPLE
from tests.docx_text import table_rows

EXAMPLE_FILES = (
    "don_vi.yaml",
    "ke_hoach.yaml",
    "nhiem_vu.xlsx",
    "bao_cao_q1_2022.yaml",
    "tien_do_q1_2022.xlsx",
)
PROGRESS = "tien_do_q1_2022.xlsx"
# Two defects of the example's progress workbook, and what `cchc report` says about them.
BROKEN_CELLS = {"TTHC": {"B2": "một trăm"}, "Tiến độ": {"D5": "31/02/2022"}}
BROKEN_LINES = (
    'tien_do_q1_2022.xlsx, trang "TTHC", ô B2: cần một số nguyên, không phải "một trăm" (cột "Trực tuyến")',
    'tien_do_q1_2022.xlsx, trang "Tiến độ", ô D5: ngày không hợp lệ "31/02/2022": tháng 2 năm 2022 không có ngày 31 (chỉ có 28 ngày) '
    '(cột "Ngày hoàn thành")',
)
_PROBLEM = re.compile(r"<li>Lỗi: (.*?)</li>", re.DOTALL)
_FORM_BOX = re.compile(r'<section class="chon-lai" id="loi-bieu-mau".*?</section>', re.DOTALL)
_ITEM = re.compile(r"<li>(.*?)</li>", re.DOTALL)


HOST = "127.0.0.1:8765"
TOKEN = "ma-rieng-cua-lan-chay-thu"  # what LocalServer draws at random


class Client(FlaskClient):
    """Requests go to the address the server was bound to, as a browser's would."""

    def open(self, *args: Any, **kwargs: Any) -> TestResponse:
        kwargs.setdefault("base_url", f"http://{HOST}")
        kwargs.setdefault("buffered", True)  # read and close sent files at once
        return super().open(*args, **kwargs)


def new_client(store: Store, max_upload: int = 2 * 2**20, *, opened: bool = True) -> FlaskClient:
    """A test client of the page over ``store``, answering as the server bound to ``HOST``.

    ``opened``: it has opened the address ``cchc serve`` prints (with the run's ``TOKEN``), as
    the browser does, and so holds the cookie; otherwise it has never seen the token.
    """
    app = create_app(
        store, this_year=2023, hosts=[HOST, "localhost:8765"], token=TOKEN, max_upload=max_upload
    )
    app.test_client_class = Client
    client = app.test_client()
    if opened:
        assert client.get(f"/?k={TOKEN}").status_code == 200
    return client


def upload(client: FlaskClient, files: list[tuple[str, bytes]]) -> TestResponse:
    """POST files as a browser does; the body is built in memory (the client would spool a
    large one to a temporary file it never closes)."""
    form = MultiDict([("tep", FileStorage(io.BytesIO(content), name)) for name, content in files])
    boundary, body = encode_multipart(form)
    return client.post("/tai-len", data=body, content_type=f"multipart/form-data; boundary={boundary}")


def upload_folder(client: FlaskClient, folder: Path = EXAMPLE) -> str:
    """Upload the working folder's files; the data set page's address."""
    response = upload(client, [(name, (folder / name).read_bytes()) for name in EXAMPLE_FILES])
    assert response.status_code == 303, response.text
    return response.headers["Location"]


def make(client: FlaskClient, page: str, **form: str) -> TestResponse:
    return client.post(f"{page}/soan", data=form)


def text_of(response: TestResponse) -> str:
    return html.unescape(response.text)


def docx_text(data: bytes) -> str:
    """Every paragraph and table cell of a .docx, one per line, in reading order."""
    document = docx.Document(io.BytesIO(data))
    lines: list[str] = []
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            lines.extend(" | ".join(row) for row in table_rows(block))
        else:
            lines.append(block.text)
    return "\n".join(lines)


def problem_lines(page: str) -> list[str]:
    """The "Lỗi: …" lines of a page, without the prefix, as the user reads them."""
    return [html.unescape(line) for line in _PROBLEM.findall(page)]


def error_of(response: TestResponse) -> str:
    """The message of a JSON answer that reports an error."""
    answer = response.json
    assert answer is not None
    return str(answer["error"])


def form_problems(page: str) -> list[str]:
    """The lines of the "Chưa làm được: cần chọn lại" box: the form's own mistakes."""
    box = _FORM_BOX.search(page)
    return [html.unescape(line) for line in _ITEM.findall(box.group(0))] if box else []


def break_workbook(folder: Path) -> None:
    """Write ``BROKEN_CELLS`` into the folder's progress workbook."""
    book = openpyxl.load_workbook(folder / PROGRESS)
    for sheet, values in BROKEN_CELLS.items():
        for cell, value in values.items():
            book[sheet][cell] = value
    book.save(folder / PROGRESS)


@contextlib.contextmanager
def running_server(
    this_year: int = 2023, host: str = "127.0.0.1", allow: tuple[str, ...] = ()
) -> Iterator[LocalServer]:
    """A real server on a free port (loopback unless ``host``), served from a thread for the duration."""
    server = LocalServer(host, this_year=this_year, allow=allow)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        thread.join(5)
        server.close()


@contextlib.contextmanager
def server_store(folder: Path) -> Iterator[Store]:
    """The page's store in ``folder``, closed (and emptied) afterwards."""
    store = Store(folder / "server")
    try:
        yield store
    finally:
        store.close()


def refused(client: FlaskClient, response: TestResponse) -> TestResponse:
    """A POST's answer: it redirects (Post/Redirect/Get), errors included; the page it leads to
    (which says why, when the POST was refused)."""
    assert response.status_code == 303, response.status_code
    return client.get(response.headers["Location"])
