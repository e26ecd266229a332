"""``cchc serve`` for real: the bound address, Host checks on the wire, Ctrl+C, cleanup."""

from __future__ import annotations

import http.client
import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from generator.errors import OutputError
from generator.web.server import LocalServer, allowed_hosts
from tests import processes
from tests.conftest import run_cli
from tests.web_support import running_server


@pytest.fixture
def server() -> Iterator[LocalServer]:
    with running_server() as running:
        yield running


def get(port: int, path: str, host: str) -> tuple[int, str]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        connection.putrequest("GET", path, skip_host=True)
        connection.putheader("Host", host)
        connection.endheaders()
        response = connection.getresponse()
        return response.status, response.read().decode("utf-8", "replace")
    finally:
        connection.close()


LOOPBACK_NAMES = {"127.0.0.1:8000", "localhost:8000", "[::1]:8000"}


@pytest.mark.parametrize(
    ("host", "extra", "expected"),
    [
        ("127.0.0.1", (), LOOPBACK_NAMES),
        ("::1", (), LOOPBACK_NAMES),
        ("192.168.1.10", (), LOOPBACK_NAMES | {"192.168.1.10:8000"}),
        (
            "0.0.0.0",
            ("192.168.1.10", "May-Van-Phong"),
            LOOPBACK_NAMES | {"192.168.1.10:8000", "may-van-phong:8000"},
        ),
        ("0.0.0.0", ("fe80::1",), LOOPBACK_NAMES | {"[fe80::1]:8000"}),
    ],
    ids=["loopback", "ipv6-loopback", "explicit-lan", "all-interfaces-with-names", "ipv6-name"],
)
def test_allowed_hosts(host: str, extra: tuple[str, ...], expected: set[str]) -> None:
    assert allowed_hosts(host, 8000, extra) == frozenset(expected)


def test_binds_loopback_on_a_free_port(server: LocalServer) -> None:
    status, page = get(server.port, f"/?k={server.token}", f"127.0.0.1:{server.port}")
    assert server.url == f"http://127.0.0.1:{server.port}/?k={server.token}"
    assert len(server.token) >= 32
    assert server.address == ("127.0.0.1", server.port)
    assert status == 200
    assert "Tải bộ tệp trống (.zip)" in page


@pytest.mark.parametrize("host", ["attacker.example:{port}", "attacker.example", "127.0.0.1:1"])
def test_dns_rebinding_host_is_refused_on_the_wire(server: LocalServer, host: str) -> None:
    status, page = get(server.port, "/", host.format(port=server.port))
    assert status == 400
    assert "Địa chỉ truy cập không hợp lệ" in page


def test_port_in_use_is_explained(server: LocalServer) -> None:
    with pytest.raises(OutputError) as caught:
        LocalServer(port=server.port, this_year=2023)
    assert f"không mở được cổng {server.port} trên 127.0.0.1" in str(caught.value)


def test_help_is_vietnamese() -> None:
    result = run_cli("serve", "--help")
    assert result.exit_code == 0
    assert "Mở trang web trên máy này" in result.output
    assert "--no-browser" in result.output


def test_ctrl_c_exits_0_and_deletes_uploads(tmp_path: Path) -> None:
    env = {**os.environ, "TMPDIR": str(tmp_path), "PYTHONUNBUFFERED": "1"}
    command = [sys.executable, "-m", "generator", "serve", "--no-browser"]
    pipes = {"stdout": subprocess.PIPE, "stderr": subprocess.PIPE, "encoding": "utf-8"}
    with processes.started(command, env=env, **pipes) as process:  # stopped even if an assert fails
        assert process.stdout is not None
        first = processes.read_line(process.stdout, timeout=60)
        address = first.split("http://127.0.0.1:", 1)[1].split(" ", 1)[0]
        port = int(address.split("/", 1)[0])
        token = address.split("?k=", 1)[1]
        status, _ = get(port, f"/mau-trong.zip?k={token}", f"localhost:{port}")  # writes into its folder
        kept = [p.name for p in tmp_path.iterdir()]
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=20)
    assert first.startswith("Trang cchc đang chạy tại http://127.0.0.1:")
    assert status == 200
    assert len(kept) == 1
    assert kept[0].startswith(f"cchc-serve-{process.pid}-")
    assert process.returncode == 0, err
    assert "Đã dừng trang cchc" in out
    assert list(tmp_path.iterdir()) == []


def test_other_commands_do_not_import_flask() -> None:
    code = "import sys, generator.cli; print(sorted({'flask', 'werkzeug'} & set(sys.modules)))"
    completed = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, encoding="utf-8", check=True
    )
    assert completed.stdout.strip() == "[]"


def start_serving(tmp_path: Path) -> tuple[subprocess.Popen[str], int, str]:
    """``cchc serve`` in a child process with its temp folder in ``tmp_path``: process, port, token."""
    env = {**os.environ, "TMPDIR": str(tmp_path), "PYTHONUNBUFFERED": "1"}
    command = [sys.executable, "-m", "generator", "serve", "--no-browser"]
    process = subprocess.Popen(
        command,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        encoding="utf-8",
        start_new_session=True,
    )
    assert process.stdout is not None
    first = processes.read_line(process.stdout, timeout=60)
    address = first.split("http://127.0.0.1:", 1)[1].split(" ", 1)[0]
    return process, int(address.split("/", 1)[0]), address.split("?k=", 1)[1]


def test_uploads_of_a_killed_server_are_deleted_by_the_next(tmp_path: Path) -> None:
    killed, port, token = start_serving(tmp_path)
    try:
        status, _ = get(port, f"/mau-trong.zip?k={token}", f"127.0.0.1:{port}")
    finally:
        killed.kill()  # kill -9: no chance to clean up
        killed.wait()
        processes.stop(killed)
    left = sorted(p.name for p in tmp_path.iterdir())
    someone_elses = tmp_path / "cchc-serve-notes"
    someone_elses.mkdir()
    following, _, _ = start_serving(tmp_path)
    try:
        during = sorted(p.name for p in tmp_path.iterdir())
    finally:
        processes.stop(following)
    assert status == 200
    assert len(left) == 1
    assert left[0].startswith(f"cchc-serve-{killed.pid}-")
    assert len(during) == 2
    assert during[0].startswith(f"cchc-serve-{following.pid}-")
    assert during[1] == "cchc-serve-notes"
    assert [p.name for p in tmp_path.iterdir()] == ["cchc-serve-notes"]
