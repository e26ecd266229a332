"""The tables of indicator codes, "Kết quả CCHC" codes and outline markers in docs/bao-cao.md
are those of the code (issue 15 item 13, moved out of the README by issue 22): each one is
rebuilt from ``METRICS``, ``ACTIVITIES`` and ``SLOTS`` by scripts/make_readme_tables.py and must
equal what the page holds.
"""

from __future__ import annotations

import importlib.util
from types import ModuleType

import pytest

from generator.domain.activities import ACTIVITIES
from generator.domain.indicators import METRICS
from tests.conftest import ROOT


def script() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "make_readme_tables", ROOT / "scripts" / "make_readme_tables.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


TABLES = script()
PAGE = (ROOT / "docs" / "bao-cao.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", sorted(TABLES.TABLES))
def test_the_docs_table_is_the_codes_own(name: str) -> None:
    expected = "\n".join(TABLES.TABLES[name]()) + "\n"
    assert TABLES.block(PAGE, name) == expected, "run: python scripts/make_readme_tables.py"


def test_every_code_has_its_row_with_numerator_and_denominator() -> None:
    rows = TABLES.block(PAGE, "bang-chi-so").splitlines()[2:]
    assert [row.split(" | ")[0].strip("|` ") for row in rows] == list(METRICS)
    late = next(row for row in rows if row.startswith("| `ty_le_tre_han`"))
    assert "| hồ sơ giải quyết quá hạn | hồ sơ đã giải quyết (không phải hồ sơ tiếp nhận) |" in late
    assert all(len(row.split(" | ")) == 6 and "|  |" not in row for row in rows)
    activities = TABLES.block(PAGE, "bang-ket-qua").splitlines()[2:]
    assert [row.split(" | ")[0].strip("|` ") for row in activities] == list(ACTIVITIES)


def test_a_drifted_table_is_caught() -> None:
    """The check can fail: a page whose table lost a row is rewritten back to the full one."""
    block = TABLES.block(PAGE, "bang-chi-so")
    broken = PAGE.replace(block, "\n".join(block.splitlines()[:-1]) + "\n")
    assert TABLES.block(broken, "bang-chi-so") != "\n".join(TABLES.indicator_table()) + "\n"
    assert TABLES.filled(broken) == TABLES.filled(PAGE)
