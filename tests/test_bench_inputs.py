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
