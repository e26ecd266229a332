"""``cchc tong-hop``: the reports units sent for one period → the consolidated tables and the
list of reports to act on (docs/tong-hop.md §1–§4).

Every report of the folder is read in turn (.doc, .odt … converted by LibreOffice as ``cchc
import`` does); only its small summary is kept, so memory stays flat with the number of
reports. A report that cannot be read is a finding with its reason, never the end of the run.
``domain.receiving`` decides what is summed; the tables are written by the same step as
``cchc batch``'s (``workflows.consolidate``), the list as the workbook's last sheet.
"""

from __future__ import annotations

import gc
import itertools
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from generator.domain.models import DEADLINE_DAY
from generator.domain.receiving import TARGET_KEYS, UNREADABLE, Finding, ReceivedReport, judge
from generator.errors import GeneratorError, Problems
from generator.files import output_lock
from generator.inputs.documents import read_received_report
from generator.inputs.formats import refusal
from generator.inputs.parts import read_unit_list
from generator.render.consolidated_context import UnitSummary
from generator.workflows.consolidate import write_consolidated
from generator.workflows.importing import CONVERTIBLE, as_docx

REPORT_SUFFIXES = (".docx", *CONVERTIBLE)
# A folder of many reports is read by several processes (a report takes about 0.15 s, starting a
# process about 1 s), half the cores, so the office's other work goes on: 1,000 reports in about
# two and a half minutes on one core, a minute and a half with two workers.
WORKERS = min((os.cpu_count() or 1) // 2, 8) or 1
POOL_FROM = 40
COLLECT_EVERY = 4
_READ = itertools.count()


@dataclass
class Received:
    """What ``receive`` read and wrote, and the list to act on."""

    files: list[Path] = field(default_factory=list)
    reports: int = 0  # files that looked like reports
    counted: list[str] = field(default_factory=list)  # units whose figures are in the tables
    findings: list[Finding] = field(default_factory=list)


def receive(
    folder: Path,
    period: tuple[str, int],
    out: Path,
    *,
    units: Path | None = None,
    previous: Path | None = None,
    deadline_day: int = DEADLINE_DAY,
    reference: str = "",
    on_file: Callable[[Path], None] | None = None,
    workers: int = WORKERS,
) -> Received:
    """Read every report in ``folder`` for ``period``, write ``tong_hop_cchc_<kỳ>_<năm>.docx``
    and ``.xlsx`` into ``out``; the expected units come from the workbook ``units`` or from the
    reports of the ``previous`` period's folder (which also checks "Từ kỳ trước")."""
    expected = read_unit_list(units) if units is not None else None
    before = _read_folder(previous, None, workers)[0] if previous is not None else None
    found, unreadable = _read_folder(folder, on_file, workers)
    judged = judge(found, period, deadline_day, expected, before, tuple(unreadable))
    result = Received(reports=len(found) + len(unreadable), counted=[r.unit for r in judged.counted])
    result.findings = judged.findings
    summaries = [summary_of(report) for report in judged.counted]
    targets = [
        {"don_vi": r.unit, **dict(zip(TARGET_KEYS, row, strict=True))}
        for r in judged.counted
        for row in r.targets
    ]
    with output_lock(out):  # one run at a time writes into ``out``, as cchc batch
        result.files = write_consolidated(summaries, *period, out, reference, result.findings, targets)
    return result


def report_files(folder: Path) -> list[Path]:
    """The Word files of ``folder`` (not its sub-folders, not Word's "~$" lock files), by name."""
    if not folder.is_dir():
        raise GeneratorError(f"{folder}: không tìm thấy thư mục báo cáo")
    found = sorted(
        p for p in folder.iterdir()
        if p.is_file() and p.suffix.lower() in REPORT_SUFFIXES and not p.name.startswith("~$")
    )  # fmt: skip
    if not found:
        raise GeneratorError(
            f"{folder}: thư mục không có tệp báo cáo Word nào ({', '.join(REPORT_SUFFIXES)})"
        )
    return found


def summary_of(report: ReceivedReport) -> UnitSummary:
    """The consolidated tables' summary of one received report."""
    from generator.domain.figures import total_of

    return UnitSummary(
        report.unit, total_of(report.fields, report.unit), report.counts, report.fields, report.groups
    )


def _read_folder(
    folder: Path, on_file: Callable[[Path], None] | None, workers: int
) -> tuple[list[ReceivedReport], list[Finding]]:
    paths = report_files(folder)
    with tempfile.TemporaryDirectory(prefix="cchc-tong-hop-") as work:
        converted = _convert_all([p for p in paths if p.suffix.lower() in CONVERTIBLE], Path(work))
        return _read_all(paths, [converted.get(p) for p in paths], on_file, workers)


def _convert_all(paths: list[Path], work: Path) -> dict[Path, Path]:
    """The .doc, .odt … files converted in one LibreOffice run (starting it takes seconds, a file
    a fraction of one). When the run fails, each file is converted alone, which says why."""
    from generator.workflows import pdf

    by_stem: dict[str, Path] = {}
    for path in paths:
        if refusal(path, converted=True) is None:
            by_stem.setdefault(path.stem.casefold(), path)  # one output name per stem
    batch = list(by_stem.values())
    if len(batch) < 2 or pdf.find_soffice() is None:
        return {}
    try:
        return dict(zip(batch, pdf.to_docx(batch, work / "lo"), strict=True))
    except GeneratorError:
        return {}


def _read_all(
    paths: list[Path],
    converted: list[Path | None],
    on_file: Callable[[Path], None] | None,
    workers: int,
) -> tuple[list[ReceivedReport], list[Finding]]:
    """Each file read in turn, or by ``workers`` processes for a large folder (only the small
    summaries come back, in the files' order)."""
    found: list[ReceivedReport] = []
    unreadable: list[Finding] = []
    pool = None
    if workers > 1 and len(paths) >= POOL_FROM:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"))
    try:
        results = (
            pool.map(read_safely, paths, converted, chunksize=8)
            if pool
            else map(read_safely, paths, converted)
        )
        for path, result in zip(paths, results, strict=True):
            if isinstance(result, ReceivedReport):
                found.append(result)
            else:
                unreadable.append(result)
            if on_file is not None:
                on_file(path)
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)
    return found, unreadable


def read_safely(path: Path, converted: Path | None) -> ReceivedReport | Finding:
    """The report at ``path``, or the finding that says why it cannot be read."""
    try:
        return _read_one(path, converted)
    except GeneratorError as exc:
        return Finding(UNREADABLE, "", path.name, _reason(path, exc.lines()))
    except Exception as exc:  # a file no reader foresaw must not stop a hundred others
        return Finding(UNREADABLE, "", path.name, f"lỗi khi đọc ({type(exc).__name__}: {exc})")
    finally:
        # A python-docx document is a web of reference cycles: its package (the ZIP's parts, some
        # hundred KiB) waits for the cycle collector, which counts objects, not bytes. Collecting
        # every few reports keeps the peak flat (about 5% of the time of reading a report).
        if next(_READ) % COLLECT_EVERY == COLLECT_EVERY - 1:
            gc.collect()


def _reason(path: Path, lines: list[str]) -> str:
    """The messages without the file's name, which the list prints in its own column."""
    return "; ".join(line.removeprefix(f"{path}: ").removeprefix(f"{path.name}: ") for line in lines)


def _read_one(path: Path, converted: Path | None) -> ReceivedReport:
    if converted is not None:
        return read_received_report(converted, path.name, Problems())
    with tempfile.TemporaryDirectory(prefix="cchc-tong-hop-") as work:
        return read_received_report(as_docx(path, Path(work)), path.name, Problems())
