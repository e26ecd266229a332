"""Starting the page without a terminal, and stopping it from the page (issue 18, item 1).

``cchc`` alone (a double-click on cchc.exe) opens the page on the working folder "cchc" in the
user's documents, made the first time (#26); ``cchc init`` writes launchers that
open it on their own folder; the page's "Tắt" button ends the run and deletes its files.
"""

from __future__ import annotations

import http.client
import os
import stat
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from generator.workflows.launcher import OTHERS, WINDOWS, write_launchers
from tests import processes
from tests.conftest import run_cli


def request(port: int, method: str, path: str, headers: dict[str, str] | None = None) -> tuple[int, str]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request(method, path, headers={"Host": f"127.0.0.1:{port}", **(headers or {})})
        response = connection.getresponse()
        return response.status, response.read().decode("utf-8", "replace")
    finally:
        connection.close()


def address_of(line: str) -> tuple[int, str, str]:
    """Port, path and token of the address in "Trang cchc đang chạy tại http://127.0.0.1:…"."""
    rest = line.split("http://127.0.0.1:", 1)[1].split(" ", 1)[0]
    port, path = rest.split("/", 1)
    return int(port), "/" + path.split("?", 1)[0], path.split("?k=", 1)[1]


def stop_by_the_button(port: int, token: str) -> int:
    """Press "Tắt" as the page's form does (same origin, the run's token)."""
    origin = {"Origin": f"http://127.0.0.1:{port}"}
    return request(port, "POST", f"/tat?k={token}", origin)[0]


def test_cchc_alone_opens_the_page_and_the_button_stops_it(tmp_path: Path) -> None:
    """On the working folder it makes in the user's documents (#26), not on the first page."""
    home, temporary = tmp_path / "home", tmp_path / "tmp"
    temporary.mkdir()
    env = {key: value for key, value in os.environ.items() if not key.startswith("XDG_")}
    env |= {"HOME": str(home), "TMPDIR": str(temporary), "PYTHONUNBUFFERED": "1", "BROWSER": "true"}
    pipes = {"stdout": subprocess.PIPE, "stderr": subprocess.PIPE, "encoding": "utf-8"}
    with processes.started([sys.executable, "-m", "generator"], env=env, **pipes) as process:
        assert process.stdout is not None
        said = [
            processes.read_line(process.stdout, timeout=60) for _ in range(7)
        ]  # six files, then the folder
        port, path, token = address_of(processes.read_line(process.stdout, timeout=60))
        status, page = request(port, "GET", f"{path}?k={token}")
        stranger = request(port, "POST", "/tat", {"Origin": f"http://127.0.0.1:{port}"})[0]
        stopped = stop_by_the_button(port, token)
        out, err = process.communicate(timeout=30)
    folder = home / "Documents" / "cchc"
    assert said[0] == f"Đã tạo: {folder / 'ke_hoach.docx'}\n"
    assert said[-1] == f"Mở trang cchc với thư mục làm việc {folder} (gõ cchc --help để xem các lệnh).\n"
    assert path.startswith("/bo/")
    assert status == 200
    assert "<h2>Dữ liệu chưa điền</h2>" in page
    assert stranger == 403  # without the run's secret, no one stops it
    assert stopped == 200
    assert process.returncode == 0, err
    assert "Đã dừng trang cchc; các tệp tải lên và văn bản tạm đã được xóa." in out
    assert list(temporary.iterdir()) == []
    assert (folder / "ke_hoach.xlsx").is_file()  # the folder is the user's: kept


def test_init_writes_the_launchers(tmp_path: Path) -> None:
    folder = tmp_path / "xa_moi"
    result = run_cli("init", folder, "--year", "2027")
    windows = (folder / WINDOWS).read_bytes()
    others = folder / OTHERS
    assert result.exit_code == 0, result.stderr
    assert f"nhấp đúp {WINDOWS} (Windows) để mở trang cchc" in result.output
    assert b"\r\n" in windows
    assert b"\n" not in windows.replace(b"\r\n", b"")
    text = windows.decode("utf-8")
    assert f'set "CCHC_PYTHON={sys.executable}"' in text
    assert '-m generator serve "%HERE%" %*' in text
    assert "py -m pip install --user" in text  # offered only for a wheel put beside it, after a key
    assert text.index("pause >nul\r\n  py -m pip install") > 0
    assert others.read_text(encoding="utf-8").startswith("#!/bin/sh\n")
    if os.name == "posix":
        assert others.stat().st_mode & stat.S_IXUSR


def test_the_launcher_opens_the_page_on_its_folder(tmp_path: Path) -> None:
    folder = tmp_path / "xa_moi"
    assert run_cli("init", folder, "--year", "2027").exit_code == 0
    env = {**os.environ, "TMPDIR": str(tmp_path), "PYTHONUNBUFFERED": "1"}
    pipes = {"stdout": subprocess.PIPE, "stderr": subprocess.PIPE, "encoding": "utf-8"}
    with processes.started(["sh", str(folder / OTHERS), "--no-browser"], env=env, **pipes) as process:
        assert process.stdout is not None
        port, path, token = address_of(processes.read_line(process.stdout, timeout=60))
        status, page = request(port, "GET", f"{path}?k={token}")
        stopped = stop_by_the_button(port, token)
        process.communicate(timeout=30)
    assert path.startswith("/bo/")
    assert status == 200
    assert str(folder) in page  # the folder of the launcher, read only
    assert "<td><code>ke_hoach.docx</code></td>" in page
    assert ">2027</dd>" in page  # the plan year read from the folder
    assert stopped == 200
    assert process.returncode == 0


def test_a_launcher_without_cchc_installs_nothing_by_itself(tmp_path: Path) -> None:
    write_launchers(tmp_path, python=str(tmp_path / "khong_co_python"))
    env = {"PATH": str(tmp_path / "trong"), "HOME": str(tmp_path)}  # no cchc, no python3
    (tmp_path / "trong").mkdir()
    finished = processes.run(
        ["/bin/sh", str(tmp_path / OTHERS)], timeout=30, env=env, stdin=subprocess.DEVNULL
    )
    said = finished.stdout.decode("utf-8")
    assert "cchc chưa được cài trên máy này." in said
    assert "Cách cài: cài Python 3.11 trở lên" in said
    assert "pip install" not in said  # no wheel beside it: nothing to offer


@pytest.mark.parametrize(("year", "example"), [(2027, "Quý I/2027"), (2022, "Quý I/2022")])
def test_workbook_notes_give_examples_for_the_plan_year(tmp_path: Path, year: int, example: str) -> None:
    folder = tmp_path / "xa"
    assert run_cli("init", folder, "--year", str(year)).exit_code == 0
    book = openpyxl.load_workbook(folder / "ke_hoach.xlsx")
    deadline = next(c for c in book["Nhiệm vụ"][1] if c.value == "Thời gian hoàn thành")
    guide = "\n".join(str(c.value) for c in book["Hướng dẫn"]["A"] if c.value)
    assert deadline.comment is not None
    assert example in deadline.comment.text
    assert example in guide
    assert f"Ví dụ {year}" in [c.value for c in book["Kế hoạch"]["C"]]
    assert "cchc plan" not in guide  # office staff open the page; commands are in docs/lenh.md
    assert "nhấp đúp tệp Mo_trang_cchc" in guide
