"""Files cchc writes: always through a temporary file renamed into place, so a failure never
leaves a half-written document where an older one was.

The temporary file is created with mode 0666 and the process umask applies, as for any
program's save, so colleagues on a shared folder can open a new document when they could
open one saved by Word; overwriting keeps the existing file's mode. Only the user cache asks
for private files. A run killed mid-write (kill -9, a power cut) leaves its ``.cchc-….tmp``
behind; the first write into a folder deletes such files older than a day (a write takes
seconds; a day also covers a file server whose clock is off), and nothing else.

One run at a time in an output folder (``output_lock``): two ``cchc batch`` runs into the same
folder both exited 0 and mixed their files (each numbers its units' names afresh). The second
run now stops at once and says who holds the folder. The lock file (``.cchc-dang-ghi.lock``,
created atomically, removed on exit) holds the machine, the process and the start time; a run
killed with kill -9 leaves it, so a lock is taken over when its process is gone (same machine)
or it is more than a day old (any machine: output folders may be shared).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import re
import socket
import stat
import time
from collections.abc import Iterator
from pathlib import Path

from generator.errors import OutputError, os_reason
from generator.scratch import pid_alive

TEMPORARY = re.compile(r"\.cchc-[^/\\]*\.tmp")  # the names of write_atomic's temporary files
STALE_AFTER = 86400.0  # seconds
_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0) | getattr(os, "O_NOFOLLOW", 0)
_swept: set[Path] = set()
LOCK_NAME = ".cchc-dang-ghi.lock"
UNREADABLE_AFTER = 60.0  # a lock without content: its run died between creating and writing it


def write_atomic(target: Path, data: bytes, *, private: bool = False) -> None:
    """Write ``data`` to ``target`` through a temporary file, so a failure leaves it intact.

    ``private``: readable by the user alone (0600) instead of what the umask allows.
    """
    folder = target.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"{folder}: không tạo được thư mục đầu ra ({os_reason(exc)})") from exc
    if target.is_dir():
        raise OutputError(f"{target}: đường dẫn đầu ra là một thư mục, không phải tệp")
    sweep(folder)
    try:
        handle, temp = _create_temporary(folder, 0o600 if private else 0o666)
    except OSError as exc:
        raise OutputError(f"{folder}: không ghi được vào thư mục đầu ra ({os_reason(exc)})") from exc
    try:
        try:
            _write_all(handle, data)
            os.fsync(handle)
        finally:
            os.close(handle)
        _keep_mode(target, temp, private)
        os.replace(temp, target)
    except OSError as exc:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise _not_written(target, exc) from exc


def move_into_place(written: Path, target: Path) -> None:
    """Rename the finished file ``written`` to ``target`` (same file system), as ``write_atomic``
    ends: a batch's workers write apart, and their documents get their final names in order."""
    sweep(target.parent)
    try:
        _keep_mode(target, written, False)
        os.replace(written, target)
    except OSError as exc:
        raise _not_written(target, exc) from exc


def _not_written(target: Path, exc: OSError) -> OutputError:
    hint = " (tệp đang mở trong Word? hãy đóng lại rồi chạy lại)" if isinstance(exc, PermissionError) else ""
    return OutputError(f"{target}: không ghi được tệp ({os_reason(exc)}){hint}")


def _write_all(handle: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(handle, view) :]


def _create_temporary(folder: Path, mode: int) -> tuple[int, Path]:
    """A new, empty temporary file in ``folder``; ``mode`` less the umask (tempfile would give 0600)."""
    for _ in range(100):
        temp = (
            folder / f".cchc-{os.getpid()}-{os.urandom(6).hex()}.tmp"
        )  # not secrets: its import costs ~8 ms
        try:
            return os.open(temp, _FLAGS, mode), temp
        except FileExistsError:
            continue
    raise FileExistsError(f"{folder}: no free temporary name")


def _keep_mode(target: Path, temp: Path, private: bool) -> None:
    """An overwritten file keeps its permissions (not its owner: the new file is the user's)."""
    if os.name != "posix" or private:
        return
    try:
        existing = target.stat()
    except OSError:
        return  # a new file: the mode it was created with
    os.chmod(temp, stat.S_IMODE(existing.st_mode) & 0o777)


def sweep(folder: Path) -> None:
    """Delete the temporary files of killed runs in ``folder``, once per folder in this process."""
    if folder in _swept:
        return
    _swept.add(folder)
    oldest = time.time() - STALE_AFTER
    with contextlib.suppress(OSError), os.scandir(folder) as items:
        for item in items:
            if not TEMPORARY.fullmatch(item.name) or not item.is_file(follow_symlinks=False):
                continue
            with contextlib.suppress(OSError):
                if item.stat(follow_symlinks=False).st_mtime < oldest:
                    os.unlink(item.path)


@contextlib.contextmanager
def output_lock(folder: Path) -> Iterator[None]:
    """Hold ``folder`` (created if needed) for the block; OutputError when another run holds it."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"{folder}: không tạo được thư mục đầu ra ({os_reason(exc)})") from exc
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
            raise OutputError(f"{lock.parent}: không ghi được vào thư mục đầu ra ({os_reason(exc)})") from exc
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
