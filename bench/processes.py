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
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "inputs" / "loc_thuy_yaml"  # the plain script reads YAML and workbooks
PLAIN = Path(__file__).resolve().parent / "plain.py"


EXAMPLES = {"yaml": EXAMPLE, "word": ROOT / "inputs" / "loc_thuy"}  # the two forms staff may keep
# In the Word form, a text in each Word file made the unit's own (file → (old, new with {index})).
WORD_EDITS = {
    "ke_hoach.docx": ("Lộc Thủy", "Lộc Thủy {index}"),
    "bao_cao_q1_2022.docx": ("UBND xã đã ban hành", "UBND xã {index} đã ban hành"),
}
# In both forms, a cell of each workbook (file → (sheet, cell, suffix)); the Word form's unit
# name is a cell.
CELL_EDITS = {
    "yaml": {"nhiem_vu.xlsx": ("Nhiệm vụ", "C2", " (đơn vị {index})"),
             "tien_do_q1_2022.xlsx": ("Tiến độ", "E2", " (đơn vị {index})")},
    "word": {"ke_hoach.xlsx": ("Đơn vị", "B2", " {index}"),
             "tien_do_q1_2022.xlsx": ("Tiến độ", "E2", " (đơn vị {index})")},
}  # fmt: skip


def make_units(count: int, folder: Path, form: str = "yaml") -> tuple[list[Path], Path]:
    """``count`` distinct unit folders (own name, own words, own workbooks) and their contexts.

    ``form`` is "yaml" (inputs/loc_thuy_yaml: YAML files and workbooks) or "word" (inputs/loc_thuy:
    Word files and workbooks, the form staff keep). Each unit differs from the example in its
    name or words and in one cell of each workbook, so no cache entry of one unit serves another.
    The contexts (for the plain side) are built here, before any timing, with cchc's own loaders.
    """
    units, contexts = [], folder / "contexts"
    contexts.mkdir(parents=True)
    for index in range(count):
        unit = folder / "units" / f"xa_{index:03d}"
        # a plan and a quý I report per unit, as the plain script makes: not the example's năm report
        shutil.copytree(EXAMPLES[form], unit, ignore=shutil.ignore_patterns("*_nam_2022.*"))
        _make_distinct(unit, index, form)
        (contexts / f"{unit.name}.pickle").write_bytes(pickle.dumps(_contexts(unit)))
        units.append(unit)
    return units, contexts


def _make_distinct(unit: Path, index: int, form: str) -> None:
    import openpyxl

    for path in unit.glob("*.yaml"):
        text = path.read_text(encoding="utf-8")
        text = text.replace("Lộc Thủy", f"Lộc Thủy {index}").replace("LỘC THỦY", f"LỘC THỦY {index}")
        path.write_text(text, encoding="utf-8")
    for name, (old, new) in WORD_EDITS.items() if form == "word" else ():
        _edit_word(unit / name, old, new.format(index=index))
    for name, (sheet, cell, suffix) in CELL_EDITS[form].items():
        book = openpyxl.load_workbook(unit / name)
        book[sheet][cell] = f"{book[sheet][cell].value}{suffix.format(index=index)}"
        book.save(unit / name)


def _edit_word(path: Path, old: str, new: str) -> None:
    """Replace ``old`` by ``new`` in the Word file's body (every part else copied as it was)."""
    with zipfile.ZipFile(path) as source:
        parts = [(info, source.read(info)) for info in source.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info, data in parts:
            if info.filename == "word/document.xml":
                assert old.encode() in data, f"{path}: no {old!r} to make the unit distinct"
                data = data.replace(old.encode(), new.encode())
            target.writestr(info, data)


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


def per_run(command: list[str]) -> Callable[[int], list[str]]:
    """``command`` with "{run}" in its words replaced by the run's number (a fresh cache, folder)."""
    return lambda run: [word.replace("{run}", str(run)) for word in command]


def _cchc(cache: Path, *args: str) -> list[str]:
    return ["env", f"CCHC_CACHE_DIR={cache}", sys.executable, "-m", "generator", *args]


FORMS = {"word": "Word + Excel", "yaml": "YAML"}  # the form staff keep first


def target(value: float, bound: float, *, at_least: bool) -> str:
    """ "target ≥ 5×: met", or by how much it is missed: "missed, needs 1.6× faster"."""
    sign = "≥" if at_least else "≤"
    met = value >= bound if at_least else value <= bound
    needed = bound / value if at_least else value / bound
    return f"target {sign} {bound:g}×: " + ("met" if met else f"MISSED, needs {needed:.2f}× faster")


def case_d(runs: int, out: Path) -> dict[str, float]:
    """One `cchc plan` process (start-up included), cold and warm, against the plain script,
    for a unit in each form (the sides of both forms alternate in one run)."""
    print("\n(d) one plan as a whole process (interpreter start-up and imports included)")
    docs = out / "d" / "docs"
    sides: dict[str, Callable[[int], list[str]]] = {}
    for form, label in FORMS.items():
        units, contexts = make_units(1, out / "d" / form, form)
        unit, warm = units[0], out / "d" / form / "cache-warm"
        docs.mkdir(exist_ok=True)
        subprocess.run(_cchc(warm, "plan", str(unit), "-o", str(docs)), check=True, capture_output=True)
        sides |= {
            f"cchc plan, {label}, cold cache": per_run(_cchc(out / "d" / form / "cache-{run}", "plan", str(unit), "-o", str(docs))),
            f"cchc plan, {label}, warm cache": per_run(_cchc(warm, "plan", str(unit), "-o", str(docs))),
            f"plain one-unit script, {label}": per_run([sys.executable, str(PLAIN), str(docs), str(contexts), str(unit), "--plan-only"]),
        }  # fmt: skip
    times = alternate(sides, runs)
    medians = {name: statistics.median(values) for name, values in times.items()}
    for name, values in times.items():
        print(f"  {name:<44} median {medians[name] * 1000:6.0f} ms  (min {min(values) * 1000:.0f}, max {max(values) * 1000:.0f}, {runs} runs)")  # fmt: skip
    for label in FORMS.values():
        plain = medians[f"plain one-unit script, {label}"]
        cold, hot = medians[f"cchc plan, {label}, cold cache"], medians[f"cchc plan, {label}, warm cache"]
        print(f"  → {label}, cold: cchc takes {cold / plain:.2f}× the plain script's time ({target(cold / plain, 0.7, at_least=False)}; {cold:.2f} s, target ≤ 1 s)")  # fmt: skip
        print(f"  → {label}, warm: cchc takes {hot / plain:.2f}× the plain script's time")
    return medians


def case_batch(count: int, runs: int, out: Path) -> dict[str, float]:
    """(g) `cchc batch` over ``count`` distinct units, cold cache, against the plain script, for
    units in each form; also the Word + Excel batch in one process (``--jobs 1``)."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    print(f"\n(g) whole batch: {count} distinct units, plan + quý I report each, cold caches; "
          f"cchc on every core ({cores}), the plain script in one process")  # fmt: skip
    documents = 2 * count
    sides: dict[str, Callable[[int], list[str]]] = {}
    for form, label in FORMS.items():
        folder = out / "g" / form
        units, contexts = make_units(count, folder, form)
        # The same job as the plain script: a list of the units, without consolidated tables
        # (a folder of units would also get them: one more table and openpyxl's import, ~0.3 s).
        manifest = folder / "danh_sach.yaml"
        lines = "".join(f"    - thu_muc: units/{unit.name}\n" for unit in units)
        manifest.write_text(f"danh_sach:\n  don_vi:\n{lines}", encoding="utf-8")
        sides[f"cchc batch, {label}"] = per_run(_cchc(folder / "cache-{run}", "batch", str(manifest), "-o", str(folder / "cchc-{run}")))  # fmt: skip
        sides[f"plain script, {label}"] = per_run([sys.executable, str(PLAIN), str(folder / "plain-{run}"), str(contexts), *map(str, units)])  # fmt: skip
        if form == "word":
            sides[f"cchc batch --jobs 1, {label}"] = per_run(_cchc(folder / "cache-1-{run}", "batch", str(manifest), "-o", str(folder / "cchc-1-{run}"), "--jobs", "1"))  # fmt: skip
    times = alternate(sides, runs)
    per = {name: statistics.median(values) / documents for name, values in times.items()}
    for name, values in times.items():
        print(f"  {name:<44} median {per[name] * 1000:6.1f} ms/document  ({statistics.median(values):.2f} s for {documents} documents, {runs} runs)")  # fmt: skip
    for form, label in FORMS.items():
        written = len(list((out / "g" / form / "cchc-0").glob("*.docx")))
        assert written == documents, f"cchc wrote {written} documents from {label}, not {documents}"
        ratio = per[f"plain script, {label}"] / per[f"cchc batch, {label}"]
        print(
            f"  → {label}: cchc is {ratio:.1f}× the plain script per document ({target(ratio, 5, at_least=True)})"
        )
    word, yaml = per["cchc batch, Word + Excel"], per["cchc batch, YAML"]
    print(
        f"  → Word + Excel batch takes {word / yaml:.2f}× the YAML batch ({target(word / yaml, 1.2, at_least=False)})"
    )
    serial = per["cchc batch --jobs 1, Word + Excel"]
    print(f"  → Word + Excel batch on {cores} cores: {serial / word:.2f}× faster than in one process")
    return per
