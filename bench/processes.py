"""Benchmark cases timed as whole processes: (d) one `cchc plan`, (g) `cchc batch` over many units.

Both sides are separate processes started the same way, run alternately (the order swaps every
repetition) so that a slow moment of the machine falls on both. cchc's cache is cold (a new,
empty folder) unless a figure says warm; the plain side has no cache. Both import compiled
modules (.pyc), as from any installed package (pip compiles them on install): the bench
compiles cchc's first and lets the children write bytecode whatever PYTHONDONTWRITEBYTECODE says.
"""

from __future__ import annotations

import compileall
import os
import pickle
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "inputs" / "loc_thuy_yaml"  # the plain script reads YAML and workbooks
PLAIN = Path(__file__).resolve().parent / "plain.py"


def make_units(count: int, folder: Path) -> tuple[list[Path], Path]:
    """``count`` distinct unit folders (own name, own YAML, own workbooks) and their contexts.

    Each unit differs from the example in its name and in one cell of each workbook, so no
    cache entry of one unit serves another. The contexts (for the plain side) are built here,
    before any timing, with cchc's own loaders.
    """
    import openpyxl

    units, contexts = [], folder / "contexts"
    contexts.mkdir(parents=True)
    for index in range(count):
        unit = folder / "units" / f"xa_{index:03d}"
        # a plan and a quý I report per unit, as the plain script makes: not the example's năm report
        shutil.copytree(EXAMPLE, unit, ignore=shutil.ignore_patterns("*_nam_2022.*"))
        for path in unit.glob("*.yaml"):
            text = path.read_text(encoding="utf-8")
            text = text.replace("Lộc Thủy", f"Lộc Thủy {index}").replace("LỘC THỦY", f"LỘC THỦY {index}")
            path.write_text(text, encoding="utf-8")
        for name, sheet, cell in (
            ("nhiem_vu.xlsx", "Nhiệm vụ", "C2"),
            ("tien_do_q1_2022.xlsx", "Tiến độ", "E2"),
        ):
            book = openpyxl.load_workbook(unit / name)
            book[sheet][cell] = f"{book[sheet][cell].value} (đơn vị {index})"
            book.save(unit / name)
        (contexts / f"{unit.name}.pickle").write_bytes(pickle.dumps(_contexts(unit)))
        units.append(unit)
    return units, contexts


def _contexts(unit: Path) -> dict[str, object]:
    from generator.domain.figures import compute
    from generator.errors import Problems
    from generator.render.plan_context import plan_context
    from generator.render.report_context import report_context
    from generator.workflows.pipeline import load_plan, load_report

    problems = Problems()
    plan, report = load_plan([unit], problems), load_report([unit], "Q1", 2022, problems)
    assert plan is not None, problems.items
    assert report is not None, problems.items
    return {"plan": plan_context(plan), "report": report_context(report, compute(report, problems))}


def alternate(sides: dict[str, Callable[[int], list[str]]], runs: int) -> dict[str, list[float]]:
    """Seconds of each side's command per run; the sides' order rotates every run."""
    compileall.compile_dir(ROOT / "generator", quiet=1)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    names = list(sides)
    times: dict[str, list[float]] = {name: [] for name in names}
    for run in range(runs):
        shift = run % len(names)
        for name in names[shift:] + names[:shift]:
            command = sides[name](run)
            start = time.perf_counter()
            subprocess.run(command, check=True, capture_output=True, cwd=ROOT, env=env)
            times[name].append(time.perf_counter() - start)
    return times


def _cchc(cache: Path, *args: str) -> list[str]:
    return ["env", f"CCHC_CACHE_DIR={cache}", sys.executable, "-m", "generator", *args]


def case_d(runs: int, out: Path) -> dict[str, float]:
    """One `cchc plan` process (start-up included), cold and warm, against the plain script."""
    print("\n(d) one plan as a whole process (interpreter start-up and imports included)")
    units, contexts = make_units(1, out / "d")
    unit, docs = units[0], out / "d" / "docs"
    docs.mkdir()
    warm = out / "d" / "cache-warm"
    subprocess.run(_cchc(warm, "plan", str(unit), "-o", str(docs)), check=True, capture_output=True)
    times = alternate({
        "cchc plan, cold cache": lambda run: _cchc(out / "d" / f"cache-{run}", "plan", str(unit), "-o", str(docs)),
        "cchc plan, warm cache": lambda run: _cchc(warm, "plan", str(unit), "-o", str(docs)),
        "plain one-unit script": lambda run: [sys.executable, str(PLAIN), str(docs), str(contexts), str(unit), "--plan-only"],
    }, runs)  # fmt: skip
    medians = {name: statistics.median(values) for name, values in times.items()}
    for name, values in times.items():
        print(f"  {name:<34} median {medians[name] * 1000:6.0f} ms  (min {min(values) * 1000:.0f}, max {max(values) * 1000:.0f}, {runs} runs)")  # fmt: skip
    plain = medians["plain one-unit script"]
    cold, hot = medians["cchc plan, cold cache"], medians["cchc plan, warm cache"]
    print(f"  → cold: cchc takes {cold / plain:.2f}× the plain script's time (target ≤ 0.7×, ≤ 1 s)")
    print(f"  → warm: cchc takes {hot / plain:.2f}× the plain script's time")
    return medians


def case_batch(count: int, runs: int, out: Path) -> dict[str, float]:
    """(g) `cchc batch` over ``count`` distinct units, cold cache, against the plain script."""
    print(f"\n(g) whole batch: {count} distinct units, plan + quý I report each, cold caches")
    units, contexts = make_units(count, out / "g")
    documents = 2 * count
    # The same job as the plain script: a list of the units, without consolidated tables
    # (a folder of units would also get them: one more table and openpyxl's import, ~0.3 s).
    manifest = out / "g" / "danh_sach.yaml"
    lines = "".join(f"    - thu_muc: units/{unit.name}\n" for unit in units)
    manifest.write_text(f"danh_sach:\n  don_vi:\n{lines}", encoding="utf-8")

    def cchc(run: int) -> list[str]:
        target = out / "g" / f"cchc-{run}"
        return _cchc(out / "g" / f"cache-{run}", "batch", str(manifest), "-o", str(target))

    def plain(run: int) -> list[str]:
        target = Path(tempfile.mkdtemp(dir=out / "g", prefix=f"plain-{run}-"))
        return [sys.executable, str(PLAIN), str(target), str(contexts), *map(str, units)]

    times = alternate({"cchc batch": cchc, "plain script": plain}, runs)
    written = len(list((out / "g" / "cchc-0").glob("*.docx")))
    per = {name: statistics.median(values) / documents for name, values in times.items()}
    for name, values in times.items():
        print(f"  {name:<34} median {per[name] * 1000:6.1f} ms/document  ({statistics.median(values):.2f} s for {documents} documents, {runs} runs)")  # fmt: skip
    assert written == documents, f"cchc wrote {written} documents, not {documents}"
    print(
        f"  → cchc is {per['plain script'] / per['cchc batch']:.1f}× the plain script per document (target ≥ 5×)"
    )
    return per
