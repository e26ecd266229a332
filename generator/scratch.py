"""Folders cchc makes in the system temp folder, and the sweeping of those a killed run left.

``cchc serve`` keeps uploaded data in ``cchc-serve-<pid>-…``, each LibreOffice run works in
``cchc-pdf-<pid>-…`` (its own temp folder inside), ``cchc import`` in ``cchc-import-<pid>-…``;
all are deleted when the run ends, even on Ctrl+C or SIGTERM. After
kill -9 or a power cut they stay, uploaded data included, so each new folder of a kind is
made after deleting the folders of that kind whose process is gone. Only folders named so,
owned by this user and not links are touched; a folder of an older cchc (no pid in its name)
goes when it is more than a day old.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

LEGACY_AFTER = 86400.0  # seconds


def make(kind: str) -> Path:
    """A new private folder ``cchc-<kind>-<pid>-…`` in the temp folder, after a sweep of ``kind``."""
    sweep(kind)
    return Path(tempfile.mkdtemp(prefix=f"cchc-{kind}-{os.getpid()}-"))


@contextlib.contextmanager
def folder(kind: str) -> Iterator[Path]:
    """``make(kind)`` for the duration of the block, then deleted."""
    made = make(kind)
    try:
        yield made
    finally:
        shutil.rmtree(made, ignore_errors=True)


def sweep(kind: str, root: Path | None = None) -> list[Path]:
    """Delete the ``kind`` folders of processes that are gone; the folders deleted."""
    pattern = re.compile(rf"cchc-{re.escape(kind)}-(?:(\d+)-)?[a-z0-9_]{{8}}")
    deleted = []
    with contextlib.suppress(OSError), os.scandir(root or tempfile.gettempdir()) as items:
        for item in items:
            match = pattern.fullmatch(item.name)
            if match is None or not item.is_dir(follow_symlinks=False):
                continue
            if _stale(item, int(match[1]) if match[1] else None):
                shutil.rmtree(item.path, ignore_errors=True)
                deleted.append(Path(item.path))
    return deleted


def _stale(item: os.DirEntry[str], pid: int | None) -> bool:
    try:
        status = item.stat(follow_symlinks=False)
    except OSError:
        return False
    if hasattr(os, "getuid") and status.st_uid != os.getuid():
        return False  # another user's (a shared /tmp): never ours to delete
    if pid is None:
        return time.time() - status.st_mtime > LEGACY_AFTER
    return pid != os.getpid() and not pid_alive(pid)


def pid_alive(pid: int) -> bool:
    """Whether a process ``pid`` runs on this machine (a zombie counts as running)."""
    if pid <= 0:
        return False
    if sys.platform == "win32":
        return _windows_pid_alive(pid)
    try:
        os.kill(pid, 0)  # signal 0: only asks whether the process exists
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # another user's process
    except OSError:
        return False
    return True


def _windows_pid_alive(pid: int) -> bool:
    """OpenProcess and its exit code: os.kill(pid, 0) would end the process on Windows."""
    if sys.platform != "win32":
        return False
    import ctypes

    kernel32 = ctypes.windll.kernel32
    handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
    if not handle:
        return bool(ctypes.GetLastError() == 5)  # ERROR_ACCESS_DENIED: it exists
    try:
        code = ctypes.c_ulong()
        kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
        return code.value == 259  # STILL_ACTIVE
    finally:
        kernel32.CloseHandle(handle)
