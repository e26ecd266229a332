"""Child processes of the tests that never outlive the test, even when it fails or is interrupted.

A command such as ``soffice`` or ``pip wheel`` starts children of its own (``soffice`` is a
launcher for ``soffice.bin``; pip runs the build backend in a child), and ``subprocess.run``
kills only the process it started. So each command here runs in its own process group (a new
session on POSIX), and the whole group is stopped when the test leaves it.
"""

from __future__ import annotations

import contextlib
import os
import queue
import signal
import subprocess
import threading
from collections.abc import Iterator, Sequence
from typing import IO, Any

GRACE = 10  # seconds a stopped group gets to exit before it is killed


@contextlib.contextmanager
def started(command: Sequence[str], **popen: Any) -> Iterator[subprocess.Popen[Any]]:
    """``command`` running in its own process group for the duration of the ``with`` block.

    On leaving the block (normally, on a failed assert, on Ctrl+C) the group is terminated,
    killed after ``GRACE`` seconds, and the process is waited for.
    """
    process = subprocess.Popen(command, start_new_session=True, **popen)
    try:
        yield process
    finally:
        stop(process)


def stop(process: subprocess.Popen[Any]) -> None:
    """Terminate ``process`` and every process of its group; kill them if they linger."""
    _signal_group(process, signal.SIGTERM)
    with contextlib.suppress(subprocess.TimeoutExpired):
        process.wait(GRACE)
    _signal_group(process, getattr(signal, "SIGKILL", signal.SIGTERM))  # children left behind
    process.wait()
    for stream in (process.stdin, process.stdout, process.stderr):
        if stream is not None:
            stream.close()


def _signal_group(process: subprocess.Popen[Any], signal_number: int) -> None:
    if not hasattr(os, "killpg"):  # Windows: no process groups of this kind
        if process.poll() is None:
            process.kill()
        return
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(process.pid, signal_number)


def run(command: Sequence[str], *, timeout: float, **popen: Any) -> subprocess.CompletedProcess[Any]:
    """``subprocess.run`` with output captured, whose whole process group is stopped afterwards.

    Raises ``subprocess.TimeoutExpired`` after ``timeout`` seconds (the group is stopped first).
    """
    with started(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, **popen) as process:
        out, err = process.communicate(timeout=timeout)
        return subprocess.CompletedProcess(command, process.returncode, out, err)


def read_line(stream: IO[str], timeout: float) -> str:
    """The next line of ``stream``; AssertionError when none comes within ``timeout`` seconds."""
    lines: queue.Queue[str] = queue.Queue()
    threading.Thread(target=lambda: lines.put(stream.readline()), daemon=True).start()
    try:
        return lines.get(timeout=timeout)
    except queue.Empty:
        raise AssertionError(f"no line of output within {timeout:.0f} s") from None
