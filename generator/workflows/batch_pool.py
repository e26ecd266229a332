"""A batch's units shared among worker processes (``cchc batch --jobs N``).

One task is one unit's jobs in order (its plan, then its reports), so a unit's files are read
once, in one process. A worker writes each document into a folder of its own under a staging
folder in ``out`` (``.cchc-lo-….tmp``); as soon as every job before it is done, a document is
renamed into ``out`` under the name a serial run gives it (two units of one name: the later
gets _2). So the output is a serial run's, byte for byte, the messages come in its order, and a
run killed midway leaves its finished documents whole, as a serial run does; its staging
folder is deleted by the next batch into ``out`` (one batch at a time holds a folder:
``files.output_lock``). A unit's bad data stays its own failure, as in a serial run; a worker
that dies (out of memory) fails its unit's jobs only. Workers are forked where the platform
allows it (Linux: nothing is imported again); elsewhere they start afresh, which the top-level
functions here allow.
"""

from __future__ import annotations

import multiprocessing
import shutil
import sys
import tempfile
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from dataclasses import replace
from pathlib import Path
from typing import Any, TypeVar

from generator.errors import GeneratorError, OutputError, os_reason
from generator.files import move_into_place
from generator.workflows.documents import Rename, output_path

J = TypeVar("J")  # a batch.Job (not imported: batch imports this module)
Attempt = Any  # batch.Done, or the lines of the job's error (list[str])
Task = list[tuple[int, Any, bool]]  # (job's index, job, whether its summary is kept)
Record = Callable[[int, Attempt], None]
STAGING = ".cchc-lo-"
WORKER_DIED = "tiến trình con dừng đột ngột (có thể do hết bộ nhớ); hãy chạy lại với --jobs 1"


def run_units(
    jobs: Sequence[J],
    summarised: Sequence[bool],
    out: Path,
    workers: int,
    attempt: Callable[[J, Path, Rename | None, bool], Attempt],
    rename: Rename,
    on_job: Callable[[J], None] | None = None,
) -> list[Attempt]:
    """``attempt(job, folder, None, summarised)`` for every job, in worker processes; the
    attempts in the jobs' order, each document moved to its name in ``out`` (``rename``)."""
    tasks = _by_unit(jobs, summarised)
    staging = _staging(out)
    placed: list[Attempt] = []
    waiting: dict[int, Attempt] = {}

    def record(index: int, done: Attempt) -> None:
        waiting[index] = done
        while len(placed) in waiting:
            placed.append(_placed(waiting.pop(len(placed)), out, rename))

    try:
        _run_tasks(tasks, staging, min(workers, len(tasks)), attempt, record, on_job)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return placed


def _staging(out: Path) -> Path:
    """A new staging folder in ``out``, the ones of killed runs deleted (this run holds ``out``)."""
    try:
        out.mkdir(parents=True, exist_ok=True)
        for old in out.glob(f"{STAGING}*.tmp"):
            shutil.rmtree(old, ignore_errors=True)
        return Path(tempfile.mkdtemp(prefix=STAGING, suffix=".tmp", dir=out))
    except OSError as exc:
        raise OutputError(f"{out}: không ghi được vào thư mục đầu ra ({os_reason(exc)})") from exc


def _by_unit(jobs: Sequence[Any], summarised: Sequence[bool]) -> list[Task]:
    """The jobs grouped into tasks: consecutive jobs on the same inputs are one unit's."""
    tasks: list[Task] = []
    for index, (job, summarise) in enumerate(zip(jobs, summarised, strict=True)):
        if tasks and tasks[-1][-1][1].inputs == job.inputs:
            tasks[-1].append((index, job, summarise))
        else:
            tasks.append([(index, job, summarise)])
    return tasks


def _run_tasks(
    tasks: list[Task],
    staging: Path,
    workers: int,
    attempt: Callable[..., Attempt],
    record: Record,
    on_job: Callable[[Any], None] | None,
) -> None:
    """``record`` every task's attempts; ``on_job`` for each job as its task finishes.

    A worker that dies breaks the pool: every task it had not finished then fails with it. Which
    task killed it is unknown, so each of those runs again alone; the one that dies alone fails.
    """
    for task in _pool(tasks, staging, workers, attempt, record, on_job):
        if _pool([task], staging, 1, attempt, record, on_job):
            for index, _, _ in task:
                record(index, [WORKER_DIED])
            _advance(on_job, task)


def _pool(
    tasks: list[Task],
    staging: Path,
    workers: int,
    attempt: Callable[..., Attempt],
    record: Record,
    on_job: Callable[[Any], None] | None,
) -> list[Task]:
    """Run ``tasks`` in ``workers`` processes; the tasks a dead worker took with it."""
    broken: list[Task] = []
    with ProcessPoolExecutor(max_workers=workers, mp_context=_context()) as pool:
        futures: dict[Future[list[Attempt]], Task] = {
            pool.submit(_run_task, attempt, task, staging): task for task in tasks
        }
        for future in as_completed(futures):
            task = futures[future]
            try:
                attempts = future.result()
            except BrokenProcessPool:
                broken.append(task)
                continue
            for (index, _, _), done in zip(task, attempts, strict=True):
                record(index, done)
            _advance(on_job, task)
    return sorted(broken, key=lambda task: task[0][0])


def _advance(on_job: Callable[[Any], None] | None, task: Task) -> None:
    if on_job is not None:
        for _, job, _ in task:
            on_job(job)


def _run_task(attempt: Callable[..., Attempt], task: Task, staging: Path) -> list[Attempt]:
    """In a worker: one unit's jobs in order, each document in its own folder."""
    return [attempt(job, staging / str(index), None, summarise) for index, job, summarise in task]


def _placed(done: Attempt, out: Path, rename: Rename) -> Attempt:
    """The attempt with its document moved to the name a serial run gives it."""
    if isinstance(done, list):
        return done
    target = output_path(out, rename(done.path.name))
    try:
        move_into_place(done.path, target)
    except GeneratorError as exc:
        return exc.lines()
    return replace(done, path=target)


def _context() -> Any:
    """Fork where it is safe and cheap (Linux); the platform's default elsewhere."""
    forkable = sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if forkable else None)
