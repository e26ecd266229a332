"""One library call in a child process with memory and time limits: the page's guard against a
user's template that exhausts the machine (docs/security.md §8).

The render's own bounds (``render/limits.py``) count what a template makes, but a few steps
below them can still fill gigabytes or run for minutes, and in the page's own process that
takes the page down. So the page runs what renders a user's template (``request.make``, the
template check) here: in a child started afresh (``spawn``, as on Windows and macOS; a fork of
the threaded server could inherit a held lock), with its address space capped (``RLIMIT_AS``)
and a wall clock the parent enforces by killing it. Only picklable data crosses: the call (a
top-level function), its arguments (paths, a ``Request``) and its result or error lines.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import traceback
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Any, TypeVar

from generator.errors import GeneratorError, RenderError

MEMORY_LIMIT = 1536 * 2**20  # bytes of address space the child may use (POSIX only)
TIME_LIMIT = 60.0  # seconds from the child's start to its answer, imports included
_NOT_DONE = "văn bản không được tạo; hãy bớt vòng lặp hoặc giá trị lớn trong mẫu"

T = TypeVar("T")


def run_limited(call: Callable[..., T], *args: Any, template: str) -> T:
    """``call(*args)`` in a child process under ``MEMORY_LIMIT`` and ``TIME_LIMIT``; its result.

    Its ``GeneratorError`` comes back as a ``GeneratorError`` with the same lines; a limit hit
    is a ``RenderError`` that names the limit and ``template`` (the user's template's name).
    """
    spawn = multiprocessing.get_context("spawn")
    answers, sending = spawn.Pipe(duplex=False)
    child = spawn.Process(target=_child, args=(sending, MEMORY_LIMIT, call, args), daemon=True)
    child.start()
    sending.close()  # the child's end: once it exits, reading here ends instead of waiting
    try:
        if not answers.poll(TIME_LIMIT):
            raise RenderError(
                f"{template}: điền mẫu quá {TIME_LIMIT:g} giây (giới hạn của trang); {_NOT_DONE}"
            )
        try:
            kind, value = answers.recv()
        except EOFError:  # killed without a word: only the kernel or the allocator does that
            kind, value = "memory", None
    finally:
        child.kill()
        child.join()
        answers.close()
    result: T = _answer(kind, value, template)
    return result


def _answer(kind: str, value: Any, template: str) -> Any:
    if kind == "done":
        return value
    if kind == "memory":
        raise RenderError(
            f"{template}: điền mẫu cần quá {MEMORY_LIMIT // 2**20} MB bộ nhớ (giới hạn của trang); {_NOT_DONE}"
        )
    if kind == "error":
        raise ChildError(value)
    raise RuntimeError(f"the child process failed:\n{value}")  # a bug, as it would be in-process


class ChildError(GeneratorError):
    """A ``GeneratorError`` of the child's, by its lines (an exception may not pickle)."""

    def __init__(self, lines: list[str]) -> None:
        super().__init__("; ".join(lines))
        self._lines = lines

    def lines(self) -> list[str]:
        return list(self._lines)


def _child(sending: Connection, memory: int, call: Callable[..., Any], args: tuple[Any, ...]) -> None:
    """The child's whole life: cap its memory, make the call, send back what happened."""
    _cap_memory(memory)
    try:
        answer: tuple[str, Any] = ("done", call(*args))
    except MemoryError:
        answer = ("memory", None)
    except GeneratorError as exc:  # the engine reports a MemoryError as a RenderError
        answer = ("memory", None) if isinstance(exc.__cause__, MemoryError) else ("error", exc.lines())
    except Exception:  # a bug: its traceback goes to the parent
        answer = ("bug", traceback.format_exc())
    sending.send(answer)
    sending.close()


def _cap_memory(memory: int) -> None:
    """Cap the address space at ``memory`` bytes. Windows has no ``resource`` module (nor
    ``RLIMIT_AS``): there only the time limit holds; macOS may refuse the cap, likewise."""
    try:
        import resource
    except ImportError:
        return
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    limit = memory if hard == resource.RLIM_INFINITY else min(memory, hard)
    with contextlib.suppress(ValueError, OSError):
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
