"""Run the page: bind (loopback unless told otherwise), open the browser, clean up on exit.

Werkzeug's threaded WSGI server is enough for one office's browser on the same machine;
the page is never meant to face a network. Binding to every interface (``0.0.0.0``) needs
the names other machines will use (``--allow-host``): the Host check (``guard``) has nothing
to go by otherwise. Each run makes its secret (``guard``) and prints and opens an address
that holds it.
"""

from __future__ import annotations

import contextlib
import ipaddress
import logging
import re
import secrets
import signal
import socket
import threading
import webbrowser
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from types import FrameType

from generator import scratch
from generator.errors import GeneratorError, OutputError, os_reason
from generator.web.app import MAX_UPLOAD, create_app
from generator.web.guard import HOSTS, ONE_TIME_PARAMETER, TOKEN_PARAMETER, one_time_code
from generator.web.running import running_page, write_record
from generator.web.store import Store

LOOPBACK = "127.0.0.1"
_WILDCARDS = ("", "0.0.0.0", "::")
_NAME = re.compile(r"[a-z0-9]([a-z0-9.-]*[a-z0-9])?|\[[0-9a-f:.]+\]")


def allowed_hosts(host: str, port: int, extra: Iterable[str] = ()) -> frozenset[str]:
    """The Host headers to answer: this port on the loopback names, ``host`` unless it is a
    wildcard, and the ``extra`` names (``--allow-host``)."""
    names = {LOOPBACK, "localhost", "[::1]", *(host_name(name) for name in extra)}
    if host not in _WILDCARDS:
        names.add(_url_host(host).lower())
    return frozenset(f"{name}:{port}" for name in names)


def host_name(text: str) -> str:
    """An ``--allow-host`` value as a Host header names it ("::1" → "[::1]"); GeneratorError if
    it is not a plain name or address."""
    name = _url_host(text.strip()).lower()
    if not _NAME.fullmatch(name):
        raise GeneratorError(
            f'--allow-host "{text}": cần một tên máy hoặc địa chỉ IP, không kèm cổng hay http:// '
            "(ví dụ --allow-host 192.168.1.10)"
        )
    return name


def check_binding(host: str, extra: Iterable[str]) -> None:
    """Refuse to bind every interface without the names other machines will use."""
    if host in _WILDCARDS and not list(extra):
        raise GeneratorError(
            f"--host {host or '(trống)'}: trang sẽ mở cho mọi máy trong mạng; cần ghi rõ tên hoặc địa "
            "chỉ mà các máy đó dùng để mở trang, ví dụ --allow-host 192.168.1.10 (lặp lại cho mỗi tên). "
            "Chỉ làm vậy trong mạng tin cậy."
        )


def _url_host(host: str) -> str:
    if host in _WILDCARDS:
        return LOOPBACK
    with contextlib.suppress(ValueError):
        if ipaddress.ip_address(host).version == 6:
            return f"[{host}]"
    return host


class LocalServer:
    """The page on ``host``:``port`` (0: a free port), over a working folder of its own.

    ``url`` opens it on this machine; ``urls`` also for the ``allow`` names (other machines).
    """

    def __init__(
        self,
        host: str = LOOPBACK,
        port: int = 0,
        *,
        this_year: int,
        allow: Iterable[str] = (),
        max_upload: int = MAX_UPLOAD,
    ):
        from werkzeug.serving import make_server

        allow = [host_name(name) for name in allow]
        check_binding(host, allow)
        family = socket.AF_INET6 if ":" in host else socket.AF_INET
        try:  # bound here, not by Werkzeug, which prints in English and exits when the port is taken
            listening = socket.create_server((host, port), family=family)
        except OSError as exc:
            raise OutputError(f"không mở được cổng {port} trên {host}: {os_reason(exc)}") from exc
        self.store = Store(scratch.make("serve"))  # after deleting what a killed server left
        self.token = secrets.token_urlsafe(24)
        app = create_app(
            self.store,
            this_year=this_year,
            hosts=(),
            token=self.token,
            max_upload=max_upload,
            stop=self.shutdown,
        )
        self.app = app
        with listening:  # Werkzeug works on a duplicate of the socket
            self._server = make_server(host, port, app, threaded=True, fd=listening.fileno())
        self.port: int = self._server.port
        app.config[HOSTS] = allowed_hosts(host, self.port, allow)  # requests wait until serve_forever
        self.url = self._address(_url_host(host))
        self.urls = [self.url] + [self._address(name) for name in allow if self._address(name) != self.url]

    def _address(self, name: str, path: str = "/") -> str:
        return f"http://{name}:{self.port}{path}?{TOKEN_PARAMETER}={self.token}"

    def open_folder(self, folder: Path) -> str:
        """Take the working folder ``folder`` (read only) as a set; the path of its page."""
        dataset = self.store.add_folder(str(folder.resolve()))
        return f"/bo/{dataset.key}"

    def printed(self, path: str = "/") -> str:
        """The address of ``path`` with this run's secret, for the user to open by hand."""
        return self._address(_url_host(self.address[0]), path)

    def for_browser(self, path: str = "/") -> str:
        """A one-time address of ``path`` for the browser cchc starts (its command line is
        public): it sets the cookie once and is worthless after (``guard.one_time_code``)."""
        code = one_time_code(self.app)
        return f"http://{_url_host(self.address[0])}:{self.port}{path}?{ONE_TIME_PARAMETER}={code}"

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


def run(
    host: str,
    port: int,
    *,
    this_year: int,
    open_browser: bool,
    say: Callable[[str], None],
    allow: Iterable[str] = (),
    folder: Path | None = None,
) -> None:
    """Serve until the page's "Tắt" button, Ctrl+C or SIGTERM, then delete the server's files;
    ``say`` shows progress. With ``folder``, the page opens on that working folder."""
    logging.getLogger("werkzeug").setLevel(logging.WARNING)  # no line per request on the console
    if _is_loopback(host) and port == 0:
        running = running_page(folder)
        if running is not None:  # a second launch: the first server, its data, in the browser
            printed, for_browser = running
            say(f"cchc đang chạy sẵn; mở trang đang chạy: {printed}")
            if open_browser:
                webbrowser.open(for_browser)
            return
    server = LocalServer(host, port, this_year=this_year, allow=allow)
    if _is_loopback(host):
        write_record(server.store.root, server.port, server.token)
    try:  # from here on, whatever stops the run (even a signal while starting) deletes the files
        path = "/" if folder is None else server.open_folder(folder)
        address = server.printed(path)
        say(f"Trang cchc đang chạy tại {address} — bấm nút “Tắt” trên trang hoặc nhấn Ctrl+C để dừng.")
        say("Chỉ mở được trang bằng đúng địa chỉ này (có mã riêng của lần chạy); đừng gửi nó cho người khác.")
        if not _is_loopback(host):
            others = ", ".join(server.urls[1:]) or server.url
            say(
                f"Chú ý: trang mở cho các máy khác trong mạng ({host}), tại {others}; chỉ dùng trong mạng tin cậy."
            )
        if open_browser:
            opener = threading.Timer(0.3, webbrowser.open, (server.for_browser(path),))
            opener.daemon = True  # a quick Ctrl+C must not wait for the browser
            opener.start()
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
