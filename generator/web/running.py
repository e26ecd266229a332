"""The page already running on this machine: a second launch opens it instead of a second server.

``cchc serve`` on the loopback writes ``running.json`` (its address and secret) into its own
private folder (``scratch``: mode 0700, deleted when it stops). A second ``cchc serve`` (a
second double-click on Mo_trang_cchc) finds a record whose server still answers, asks it to
open the folder, and opens the browser on that page: the data of the first run stays in reach.
"""

from __future__ import annotations

import http.client
import json
import tempfile
import urllib.parse
from pathlib import Path

from generator.web.guard import ONE_TIME_PARAMETER, TOKEN_PARAMETER

RECORD = "running.json"
CODE_PATH = "/ma-mo-trang"  # a one-time address's code, for the browser a second launch opens
_TIMEOUT = 2.0  # seconds: a server that does not answer at once is not reused


def write_record(folder: Path, port: int, token: str) -> None:
    """Note in the server's own ``folder`` that the page runs on ``port`` with ``token``."""
    (folder / RECORD).write_text(json.dumps({"port": port, "token": token}), encoding="utf-8")


def running_page(folder: Path | None) -> tuple[str, str] | None:
    """A page this user already runs (on ``folder``'s set when given): its address to print
    (with the run's secret) and a one-time address for the browser (its command line is public,
    ``guard.one_time_code``); None when there is none."""
    for record in sorted(Path(tempfile.gettempdir()).glob(f"cchc-serve-*/{RECORD}")):
        try:
            noted = json.loads(record.read_text(encoding="utf-8"))
            port, token = int(noted["port"]), str(noted["token"])
        except (OSError, ValueError, KeyError, TypeError):
            continue
        path = _open(port, token, folder)
        code = _ask(port, token, "POST", CODE_PATH) if path is not None else None
        if path is not None and code:
            base = f"http://127.0.0.1:{port}{path}"
            return f"{base}?{TOKEN_PARAMETER}={token}", f"{base}?{ONE_TIME_PARAMETER}={code}"
    return None


def _ask(port: int, token: str, method: str, path: str) -> str | None:
    """The text the server on ``port`` answers to ``method`` ``path``; None unless 200."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=_TIMEOUT)
    try:
        connection.request(method, f"{path}?{TOKEN_PARAMETER}={urllib.parse.quote(token)}")
        answer = connection.getresponse()
        text = answer.read().decode("utf-8", "replace")
        return text if answer.status == 200 else None
    except OSError:
        return None
    finally:
        connection.close()


def _open(port: int, token: str, folder: Path | None) -> str | None:
    """Ask the server on ``port`` for ``folder``'s page (its path), or its first page; None
    when nothing answers there as cchc does."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=_TIMEOUT)
    query = f"?{TOKEN_PARAMETER}={urllib.parse.quote(token)}"
    try:
        if folder is None:
            connection.request("GET", f"/{query}")
            return "/" if connection.getresponse().status == 200 else None
        body = urllib.parse.urlencode({"thu_muc": str(folder.resolve())})
        headers = {"Content-Type": "application/x-www-form-urlencoded", "Host": f"127.0.0.1:{port}"}
        connection.request("POST", f"/thu-muc{query}", body, headers)
        answer = connection.getresponse()
        location = urllib.parse.urlsplit(answer.getheader("Location") or "").path
        return location if answer.status == 303 and location.startswith("/bo/") else None
    except OSError:
        return None
    finally:
        connection.close()
