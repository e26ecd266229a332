"""The benchmark's inputs still build from the shipped example (a smoke test, no timing)."""

from __future__ import annotations

import importlib.util
import pickle
from pathlib import Path
from types import ModuleType

BENCH = Path(__file__).resolve().parent.parent / "bench"


def bench_module(name: str) -> ModuleType:
    """A module of bench/ loaded by path, under a name no test module uses."""
    spec = importlib.util.spec_from_file_location(f"cchc_bench_{name}", BENCH / f"{name}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_distinct_units_and_their_plain_contexts_are_made(tmp_path: Path) -> None:
    units, contexts = bench_module("processes").make_units(2, tmp_path)
    assert [unit.name for unit in units] == ["xa_000", "xa_001"]
    loaded = pickle.loads((contexts / "xa_001.pickle").read_bytes())
    assert set(loaded) == {"plan", "report"}
    assert "LỘC THỦY 1" in loaded["plan"]["co_quan"]["ten"]


def test_each_unit_holds_one_plan_and_one_report(tmp_path: Path) -> None:
    """Case (g) counts two documents a unit (plan and quý I report), as the plain script makes."""
    from tests.conftest import run_cli

    (unit,), _ = bench_module("processes").make_units(1, tmp_path)
    result = run_cli("batch", unit, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.output
    assert len(list((tmp_path / "out").glob("*.docx"))) == 2


def test_word_units_are_distinct_and_read_as_word_inputs(tmp_path: Path) -> None:
    """Case (d) and (g) in the form staff keep: Word files and workbooks, each unit its own name."""
    (unit,), contexts = bench_module("processes").make_units(1, tmp_path, "word")
    assert sorted(p.name for p in unit.iterdir()) == [
        "bao_cao_q1_2022.docx", "ke_hoach.docx", "ke_hoach.xlsx", "tien_do_q1_2022.xlsx",
    ]  # fmt: skip
    loaded = pickle.loads((contexts / "xa_000.pickle").read_bytes())
    assert "LỘC THỦY 0" in loaded["plan"]["co_quan"]["ten"]
