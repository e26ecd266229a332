"""Files cchc writes: always through a temporary file renamed into place, so a failure never
leaves a half-written document where an older one was.

The temporary file is created with mode 0666 and the process umask applies, as for any
program's save, so colleagues on a shared folder can open a new document when they could
open one saved by Word; overwriting keeps the existing file's mode. Only the user cache asks
for private files. A run killed mid-write (kill -9, a power cut) leaves its ``.cchc-….tmp``
behind; the first write into a folder deletes such files older than a day (a write takes
seconds; a day also covers a file server whose clock is off), and nothing else.
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import stat
import time
from pathlib import Path

from generator.errors import OutputError

TEMPORARY = re.compile(r"\.cchc-[^/\\]*\.tmp")  # the names of write_atomic's temporary files
STALE_AFTER = 86400.0  # seconds
_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0) | getattr(os, "O_NOFOLLOW", 0)
_swept: set[Path] = set()


def write_atomic(target: Path, data: bytes, *, private: bool = False) -> None:
    """Write ``data`` to ``target`` through a temporary file, so a failure leaves it intact.

    ``private``: readable by the user alone (0600) instead of what the umask allows.
    """
    folder = target.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"{folder}: không tạo được thư mục đầu ra ({exc.strerror})") from exc
    if target.is_dir():
        raise OutputError(f"{target}: đường dẫn đầu ra là một thư mục, không phải tệp")
    sweep(folder)
    try:
        handle, temp = _create_temporary(folder, 0o600 if private else 0o666)
    except OSError as exc:
        raise OutputError(f"{folder}: không ghi được vào thư mục đầu ra ({exc.strerror})") from exc
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
        hint = (
            " (tệp đang mở trong Word? hãy đóng lại rồi chạy lại)" if isinstance(exc, PermissionError) else ""
        )
        raise OutputError(f"{target}: không ghi được tệp ({exc.strerror}){hint}") from exc


def _write_all(handle: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(handle, view) :]


def _create_temporary(folder: Path, mode: int) -> tuple[int, Path]:
    """A new, empty temporary file in ``folder``; ``mode`` less the umask (tempfile would give 0600)."""
    for _ in range(100):
        temp = folder / f".cchc-{os.getpid()}-{secrets.token_hex(6)}.tmp"
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


def forget_swept() -> None:
    """Sweep every folder again at its next write (tests; a long-running server)."""
    _swept.clear()
