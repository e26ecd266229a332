"""The browser cchc starts never gets the run's secret on its command line.

While `cchc serve` started the browser, ``?k=TOKEN`` was on the browser's command line, which any
local user reads with ``ps``; with it another user posted a private folder to /thu-muc and took
its data. The browser now gets a one-time address: it sets the cookie once and redirects, and is
worthless afterwards. The launchers (Mo_trang_cchc) run `cchc serve FOLDER`, checked here too.
"""

from __future__ import annotations

import http.client
import os
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
from flask.testing import FlaskClient

from generator.web import guard
from generator.web.store import Store
from tests import processes
from tests.conftest import EXAMPLE
from tests.web_support import TOKEN, new_client, text_of

USED = "Địa chỉ trình duyệt được mở chỉ dùng được một lần"


def test_a_one_time_code_opens_the_page_once(store: Store) -> None:
    browser = new_client(store, opened=False)
    code = guard.one_time_code(browser.application)
    response = browser.get(f"/?m={code}")
    assert response.status_code == 303
    assert response.headers["Location"] == "/"
    assert response.headers["Set-Cookie"].startswith(f"{guard.cookie_name(TOKEN)}={TOKEN};")
    assert browser.get("/").status_code == 200
    other = new_client(store, opened=False)  # another user who read the code in `ps` afterwards
    refused = other.get(f"/?m={code}")
    assert refused.status_code == 403
    assert USED in text_of(refused)
    assert "Set-Cookie" not in refused.headers
    assert other.post("/thu-muc", data={"thu_muc": "/"}).status_code == 403


def test_a_one_time_code_expires(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(guard, "ONE_TIME_SECONDS", -1.0)  # expired as soon as it is made
    browser = new_client(store, opened=False)
    code = guard.one_time_code(browser.application)
    assert browser.get(f"/?m={code}").status_code == 403


def test_a_made_up_code_is_refused(client: FlaskClient) -> None:
    assert client.get("/?m=doan-bua").status_code == 403


def _get(port: int, path: str, cookie: str = "") -> http.client.HTTPResponse:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    connection.request("GET", path, headers={"Host": f"127.0.0.1:{port}", "Cookie": cookie})
    response = connection.getresponse()
    response.read()
    connection.close()
    return response


@pytest.mark.skipif(sys.platform == "win32", reason="a shell script stands in for the browser")
@pytest.mark.parametrize("folder", [None, EXAMPLE], ids=["serve", "launcher-folder"])
def test_the_browsers_command_line_holds_no_secret(tmp_path: Path, folder: Path | None) -> None:
    seen = tmp_path / "browser-argv"
    browser = tmp_path / "browser"
    browser.write_text(f'#!/bin/sh\nprintf "%s\\n" "$@" > "{seen}"\n', encoding="utf-8")
    browser.chmod(browser.stat().st_mode | stat.S_IXUSR)
    env = {**os.environ, "BROWSER": str(browser), "TMPDIR": str(tmp_path), "PYTHONUNBUFFERED": "1"}
    command = [sys.executable, "-m", "generator", "serve", *([str(folder)] if folder else [])]
    pipes = {"stdout": subprocess.PIPE, "stderr": subprocess.PIPE, "encoding": "utf-8"}
    with processes.started(command, env=env, **pipes) as process:
        assert process.stdout is not None
        first = processes.read_line(process.stdout, timeout=60)
        token = first.split("?k=", 1)[1].split(" ", 1)[0]
        port = int(first.split("http://127.0.0.1:", 1)[1].split("/", 1)[0])
        deadline = time.monotonic() + 30
        while not seen.exists() and time.monotonic() < deadline:
            time.sleep(0.1)
        (argument,) = seen.read_text(encoding="utf-8").split()
        path = argument.split(f":{port}", 1)[1]
        opened = _get(port, path)
        again = _get(port, path)
        page = _get(port, opened.headers["Location"], opened.headers["Set-Cookie"].split(";", 1)[0])
        process.send_signal(signal.SIGINT)
        process.communicate(timeout=20)
    assert token not in argument
    assert "?m=" in argument
    assert opened.status == 303
    assert again.status == 403
    assert page.status == 200
    assert opened.headers["Location"] == ("/" if folder is None else path.split("?", 1)[0])
