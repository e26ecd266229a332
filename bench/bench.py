"""Benchmark: cchc's render path against plain docxtpl, measured in the same run.

    python bench/bench.py            # every case (a)–(h), about ten minutes
    python bench/bench.py --quick    # fewer documents, for a smoke test
    python bench/bench.py --cases a,d

Cases:
  (a) the example plan × N documents       (b) the example quý I report × N documents
  (c) a plan whose appendix has 2,000 rows (d) one `cchc plan` process, start-up included,
      a unit in Word + Excel and one in YAML
  (e) PDF: documents in one LibreOffice process vs one process per document
  (f) batch of many units in one process: peak memory for 100 and for 1,000 units
  (g) whole batch: `cchc batch` over 40 distinct units, cold cache, against a plain script,
      units in Word + Excel and in YAML; the Word + Excel batch also in one process (--jobs 1)
  (h) scale: 10,000 vs 100,000 task rows read; memory of a 50,000-row table rendered
Plain docxtpl means `DocxTemplate(path)`, `render(context)`, `save(path)` per document with
the same template, the same context and the same Jinja environment as cchc. The two sides
always run alternately in the same run (blocks of calls, or whole processes), so a ratio
never compares a quiet moment of the machine with a busy one. (d) and (g) are described in
bench/processes.py, the plain script in bench/plain.py.
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

import processes
import scale

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "inputs" / "loc_thuy"
# The batch's own peak: VmHWM belongs to the process image (reset by exec); ru_maxrss would
# also count the benchmark's memory that the child inherited before exec.
PEAK_OF_BATCH = """
import resource, sys
from generator.cli import main
try:
    main(sys.argv[1:])
except SystemExit:
    pass
try:
    status = open("/proc/self/status", encoding="ascii").read()
    peak = int(next(l.split()[1] for l in status.splitlines() if l.startswith("VmHWM")))
except OSError:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(peak, file=sys.stderr)
"""


def timed(render: Callable[[int], None], count: int) -> int:
    """The peak memory of ``render(i)`` for i < count (traced apart: tracemalloc slows allocation)."""
    tracemalloc.start()
    for index in range(count):
        render(index)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak


def alternated(sides: list[tuple[Callable[[int], None], int]], rounds: int = 10) -> list[list[float]]:
    """Per-call seconds of each side, run in ``rounds`` alternating blocks (order swaps each round)."""
    times: list[list[float]] = [[] for _ in sides]
    for number in range(rounds):
        order = list(enumerate(sides))
        for which, (render, count) in order if number % 2 == 0 else reversed(order):
            for index in range(number * count // rounds, (number + 1) * count // rounds):
                start = time.perf_counter()
                render(index)
                times[which].append(time.perf_counter() - start)
    return times


def summary(label: str, times: list[float], peak: int | None = None) -> dict[str, Any]:
    cut = sorted(times)
    median = statistics.median(cut)
    p10, p90 = cut[len(cut) // 10], cut[max(0, (len(cut) * 9) // 10 - 1)]
    line = (f"  {label:<34} median {median * 1000:8.2f} ms  (p10 {p10 * 1000:.2f} – p90 {p90 * 1000:.2f})"
            f"  {1 / median:8.1f} doc/s")  # fmt: skip
    if peak is not None:
        line += f"  peak {peak / 2**20:6.1f} MiB"
    print(line)
    return {"median": median, "peak": peak}


def ratio(name: str, baseline: dict[str, Any], ours: dict[str, Any], target: str) -> None:
    print(
        f"  → {name}: cchc is {baseline['median'] / ours['median']:.1f}× plain docxtpl per document ({target})"
    )


def two_ways(
    label: str, template: Path, context: dict[str, Any], ours_n: int, plain_n: int, out: Path
) -> None:
    from docxtpl import DocxTemplate

    from generator.render.engine import PreparedTemplate
    from generator.render.environment import make_environment

    print(f"\n{label}")
    prepared = PreparedTemplate(template)  # prepared once, as cchc does per process

    def ours(index: int) -> None:
        (out / f"ours_{index % 10}.docx").write_bytes(prepared.render(context))

    env = make_environment()

    def plain(index: int) -> None:
        document = DocxTemplate(str(template))
        document.render(context, env)
        document.save(str(out / f"plain_{index % 10}.docx"))

    mine_times, base_times = alternated([(ours, ours_n), (plain, plain_n)])
    mine = summary(f"cchc × {ours_n}", mine_times, timed(ours, ours_n))
    if ours_n >= 1000:
        small = timed(ours, 100)
        growth = (mine["peak"] - small) / small * 100
        print(f"  → peak memory for {ours_n} documents vs 100: {growth:+.1f}% (target: within 10%)")
    base = summary(f"plain docxtpl × {plain_n}", base_times)
    ratio(label.split(")")[0] + ")", base, mine, "target ≥ 10× for (a)/(b), ≥ 5× for (c); ≤ 5 ms for (a)/(b)")
    size, plain_size = (out / "ours_0.docx").stat().st_size, (out / "plain_0.docx").stat().st_size
    print(f"  → size: cchc {size / 1024:.1f} KiB, docxtpl {plain_size / 1024:.1f} KiB: "
          f"{size / plain_size:.2f}× (target ≤ 1.10×)")  # fmt: skip


def plan_context() -> dict[str, Any]:
    from generator.errors import Problems
    from generator.render.plan_context import plan_context as build
    from generator.workflows.pipeline import load_plan

    plan = load_plan([EXAMPLE], Problems())
    assert plan is not None
    return build(plan)


def report_context() -> dict[str, Any]:
    from generator.domain.figures import compute
    from generator.errors import Problems
    from generator.render.report_context import report_context as build
    from generator.workflows.pipeline import load_report

    problems = Problems()
    report = load_report([EXAMPLE], "Q1", 2022, problems)
    assert report is not None
    return build(report, compute(report, problems))


def big_plan_context(rows: int) -> dict[str, Any]:
    context = plan_context()
    groups = context["phu_luc"]["nhom"]
    tasks = [t for g in groups for t in g["nhiem_vu"]]
    per_group = rows // len(groups)
    for group in groups:
        group["nhiem_vu"] = [dict(tasks[i % len(tasks)], stt=str(i + 1)) for i in range(per_group)]
    return context


def case_e(together: int, apart: int, out: Path) -> None:
    from generator.workflows import pdf

    print("\n(e) PDF through LibreOffice")
    if pdf.find_soffice() is None:
        print("  LibreOffice not installed: skipped")
        return
    from generator.render.engine import PreparedTemplate

    source = out / "ke_hoach.docx"  # the example plan (16 pages)
    source.write_bytes(PreparedTemplate(ROOT / "templates" / "ke_hoach.docx").render(plan_context()))
    copies = [shutil.copy(source, out / f"pdf_{i}.docx") for i in range(together)]
    start = time.perf_counter()
    pdf.convert([Path(c) for c in copies], out / "pdf_one")
    one = (time.perf_counter() - start) / together
    each = []
    for copy in copies[:apart]:
        start = time.perf_counter()
        pdf.convert([Path(copy)], out / "pdf_each")
        each.append(time.perf_counter() - start)
    per = statistics.median(each)
    print(f"  {together} documents in one process: {one:.2f} s per document")
    print(f"  one process per document (median of {apart}): {per:.2f} s per document")
    print(f"  → {per / one:.1f}× faster per document in one process (target ≥ 3×)")


def case_f(units: list[int], out: Path) -> None:
    print("\n(f) batch: peak memory of one process as units grow (plan + quý I report each)")
    for count in units:
        folder = out / f"units_{count}"
        for index in range(count):
            # the example's năm report left out: the case measures a plan and a quý I report per unit
            shutil.copytree(
                EXAMPLE, folder / f"xa_{index:04d}", ignore=shutil.ignore_patterns("*_nam_2022.*")
            )
        command = [
            sys.executable,
            "-c",
            PEAK_OF_BATCH,
            "batch",
            str(folder),
            "-o",
            str(out / f"batch_out_{count}"),
            "--jobs",
            "1",  # one process: its peak is the figure
        ]
        start = time.perf_counter()
        done = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, check=False)
        seconds = time.perf_counter() - start
        peak_kib = int(done.stderr.strip().splitlines()[-1])
        written = len(list((out / f"batch_out_{count}").glob("*.docx")))
        print(
            f"  {count:>5} units: {written} documents in {seconds:6.1f} s, peak RSS {peak_kib / 1024:6.1f} MiB"
        )
        shutil.rmtree(folder)
        shutil.rmtree(out / f"batch_out_{count}")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--quick", action="store_true", help="fewer documents (smoke test)")
    parser.add_argument("--cases", default="a,b,c,d,e,f,g,h")
    options = parser.parse_args()
    quick = options.quick
    cases = set(options.cases.split(","))
    print(f"cchc benchmark — {platform.python_implementation()} {platform.python_version()}, "
          f"{platform.machine()}, {os.cpu_count()} CPUs, {'quick' if quick else 'full'} run")  # fmt: skip
    sys.path.insert(0, str(ROOT))
    with tempfile.TemporaryDirectory(prefix="cchc-bench-") as work:
        out = Path(work)
        os.environ["CCHC_CACHE_DIR"] = str(out / "cache-inproc")
        n, plain_n = (100, 20) if quick else (1000, 200)
        if "a" in cases:
            two_ways(
                "(a) example plan", ROOT / "templates" / "ke_hoach.docx", plan_context(), n, plain_n, out
            )
        if "b" in cases:
            two_ways(
                "(b) example report",
                ROOT / "templates" / "bao_cao_quy.docx",
                report_context(),
                n,
                plain_n,
                out,
            )
        if "c" in cases:
            two_ways("(c) plan with 2,000 appendix rows", ROOT / "templates" / "ke_hoach.docx",
                     big_plan_context(2000), 5 if quick else 20, 3 if quick else 10, out)  # fmt: skip
        if "d" in cases:
            processes.case_d(3 if quick else 10, out)
        if "e" in cases:
            case_e(10 if quick else 50, 2 if quick else 5, out)
        if "f" in cases:
            case_f([10, 100] if quick else [100, 1000], out)
        if "g" in cases:
            processes.case_batch(40, 2 if quick else 5, out)
        if "h" in cases:
            scale.case_scale(out, quick, big_plan_context)
    print(
        f"\nmax RSS of this benchmark process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB"
    )


if __name__ == "__main__":
    sys.setrecursionlimit(10_000)
    main()
