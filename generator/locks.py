"""One run at a time in an output folder: a lock file created atomically, removed on exit.

Two ``cchc batch`` runs into the same folder both exited 0 and mixed their files (each
numbers its units' names afresh). The second run now stops at once and says who holds the
folder. The lock file (``.cchc-dang-ghi.lock``) holds the machine, the process and the
start time; a run killed with kill -9 leaves it, so a lock is taken over when its process is
gone (same machine) or it is more than a day old (any machine: output folders may be shared).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import socket
import time
from collections.abc import Iterator
from pathlib import Path

from generator.errors import OutputError
from generator.scratch import pid_alive

LOCK_NAME = ".cchc-dang-ghi.lock"
STALE_AFTER = 86400.0  # seconds
UNREADABLE_AFTER = 60.0  # a lock without content: its run died between creating and writing it


@contextlib.contextmanager
def output_lock(folder: Path) -> Iterator[None]:
    """Hold ``folder`` (created if needed) for the block; OutputError when another run holds it."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"{folder}: không tạo được thư mục đầu ra ({exc.strerror})") from exc
    lock = folder / LOCK_NAME
    mine = _take(lock)
    try:
        yield
    finally:
        with contextlib.suppress(OSError):
            if lock.read_bytes() == mine:
                lock.unlink()


def _take(lock: Path) -> bytes:
    """Create ``lock`` with this run's details (its bytes), taking over a stale one."""
    mine = json.dumps(
        {"may": socket.gethostname(), "tien_trinh": os.getpid(), "bat_dau": time.time()}, ensure_ascii=False
    ).encode("utf-8")
    for _ in range(3):
        try:
            handle = os.open(lock, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
        except FileExistsError:
            holder = _holder(lock)
            if not _stale(lock, holder):
                raise OutputError(_busy(lock, holder)) from None
            with contextlib.suppress(FileNotFoundError):
                lock.unlink()
            continue
        except OSError as exc:
            raise OutputError(f"{lock.parent}: không ghi được vào thư mục đầu ra ({exc.strerror})") from exc
        with os.fdopen(handle, "wb") as stream:
            stream.write(mine)
        return mine
    raise OutputError(_busy(lock, _holder(lock)))


def _holder(lock: Path) -> dict[str, object] | None:
    with contextlib.suppress(OSError, ValueError):
        found = json.loads(lock.read_text(encoding="utf-8"))
        if isinstance(found, dict) and isinstance(found.get("tien_trinh"), int):
            return found
    return None


def _stale(lock: Path, holder: dict[str, object] | None) -> bool:
    try:
        age = time.time() - lock.stat().st_mtime
    except FileNotFoundError:
        return True  # released meanwhile
    except OSError:
        return False
    if holder is None:
        return age > UNREADABLE_AFTER
    same_machine = holder.get("may") == socket.gethostname()
    pid = holder["tien_trinh"]
    return age > STALE_AFTER or (same_machine and isinstance(pid, int) and not pid_alive(pid))


def _busy(lock: Path, holder: dict[str, object] | None) -> str:
    who = ""
    if holder is not None:
        started = holder.get("bat_dau")
        when = (
            dt.datetime.fromtimestamp(started).astimezone().strftime(", từ %H:%M ngày %d/%m/%Y")
            if isinstance(started, int | float)
            else ""
        )
        who = f" (máy {holder.get('may')}, tiến trình {holder.get('tien_trinh')}{when})"
    return (
        f"{lock.parent}: một lần chạy cchc khác đang ghi vào thư mục này{who}; chờ lần đó xong rồi chạy "
        f"lại, hoặc chọn thư mục đầu ra khác (--out). Nếu chắc chắn không còn lần chạy nào, xóa tệp {lock}"
    )
