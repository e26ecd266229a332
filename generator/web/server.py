"""Run the page: bind (loopback unless told otherwise), open the browser, clean up on exit.

Werkzeug's threaded WSGI server is enough for one office's browser on the same machine;
the page is never meant to face a network.
"""

from __future__ import annotations

import contextlib
import ipaddress
import logging
import signal
import socket
import tempfile
import threading
import webbrowser
from collections.abc import Callable, Iterator
from pathlib import Path
from types import FrameType

from generator.errors import OutputError
from generator.web.app import HOSTS, MAX_UPLOAD, create_app
from generator.web.store import Store

LOOPBACK = "127.0.0.1"
_WILDCARDS = ("", "0.0.0.0", "::")


def allowed_hosts(host: str, port: int) -> frozenset[str] | None:
    """The Host headers to answer: this port on loopback names and ``host``; None (any) for 0.0.0.0."""
    if host in _WILDCARDS:
        return None
    names = {LOOPBACK, "localhost", "[::1]", _url_host(host).lower()}
    return frozenset(f"{name}:{port}" for name in names)


def _url_host(host: str) -> str:
    if host in _WILDCARDS:
        return LOOPBACK
    with contextlib.suppress(ValueError):
        if ipaddress.ip_address(host).version == 6:
            return f"[{host}]"
    return host


class LocalServer:
    """The page on ``host``:``port`` (0: a free port), over a working folder of its own."""

    def __init__(self, host: str = LOOPBACK, port: int = 0, *, this_year: int, max_upload: int = MAX_UPLOAD):
        from werkzeug.serving import make_server

        family = socket.AF_INET6 if ":" in host else socket.AF_INET
        try:  # bound here, not by Werkzeug, which prints in English and exits when the port is taken
            listening = socket.create_server((host, port), family=family)
        except OSError as exc:
            raise OutputError(f"không mở được cổng {port} trên {host}: {exc.strerror or exc}") from exc
        self.store = Store(Path(tempfile.mkdtemp(prefix="cchc-serve-")))
        app = create_app(self.store, this_year=this_year, hosts=(), max_upload=max_upload)
        with listening:  # Werkzeug works on a duplicate of the socket
            self._server = make_server(host, port, app, threaded=True, fd=listening.fileno())
        self.port: int = self._server.port
        app.config[HOSTS] = allowed_hosts(host, self.port)  # requests wait until serve_forever
        self.url = f"http://{_url_host(host)}:{self.port}/"

    @property
    def address(self) -> tuple[str, int]:
        """The address the socket is bound to."""
        host, port = self._server.socket.getsockname()[:2]
        return host, port

    def serve_forever(self) -> None:
        self._server.serve_forever()

    def shutdown(self) -> None:
        """Stop ``serve_forever`` (from another thread)."""
        self._server.shutdown()

    def close(self) -> None:
        """Release the port and delete every uploaded and written file."""
        self._server.server_close()
        self.store.close()


def run(host: str, port: int, *, this_year: int, open_browser: bool, say: Callable[[str], None]) -> None:
    """Serve until Ctrl+C (or SIGTERM), then delete the server's files; ``say`` shows progress."""
    logging.getLogger("werkzeug").setLevel(logging.WARNING)  # no line per request on the console
    server = LocalServer(host, port, this_year=this_year)
    if allowed_hosts(host, server.port) is None or not _is_loopback(host):
        say(f"Chú ý: trang mở cho các máy khác trong mạng ({host}); chỉ dùng trong mạng tin cậy.")
    say(f"Trang cchc đang chạy tại {server.url} — nhấn Ctrl+C để dừng.")
    if open_browser:
        opener = threading.Timer(0.3, webbrowser.open, (server.url,))
        opener.daemon = True  # a quick Ctrl+C must not wait for the browser
        opener.start()
    try:
        with _sigterm_as_interrupt():
            server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.close()
    say("Đã dừng trang cchc; các tệp tải lên và văn bản tạm đã được xóa.")


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@contextlib.contextmanager
def _sigterm_as_interrupt() -> Iterator[None]:
    """A SIGTERM stops the server like Ctrl+C, so its files are still deleted."""
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "SIGTERM"):
        yield
        return

    def interrupt(signum: int, frame: FrameType | None) -> None:
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)
