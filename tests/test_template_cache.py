"""Prepared templates and parsed workbooks are cached between runs, keyed by content.

A warm run on unchanged files imports neither docxtpl nor openpyxl; a changed file is read again.
Damage, pruning and what the keys follow: tests/test_cache.py.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import docx
import pytest

from generator import cache as generator_cache
from generator.render import prepare as template_prepare
from generator.render.engine import PreparedTemplate
from generator.workflows.pipeline import PLAN_TEMPLATE
from tests.conftest import EXAMPLE, ROOT


def test_second_load_comes_from_the_cache(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = PreparedTemplate(PLAN_TEMPLATE).prepared
    assert len(list((cache / "templates").glob("*.pickle"))) == 1

    def refuse(*_: object) -> None:
        raise AssertionError("prepared again instead of read from the cache")

    monkeypatch.setattr(template_prepare, "prepare", refuse)
    second = PreparedTemplate(PLAN_TEMPLATE).prepared
    assert second.needed == first.needed
    assert [getattr(e, "name", None) for e in second.entries] == [
        getattr(e, "name", None) for e in first.entries
    ]


def test_a_changed_template_gets_its_own_entry(cache: Path, tmp_path: Path) -> None:
    import docx

    template = tmp_path / "mau.docx"
    for text in ("Bản một {{ x }}", "Bản hai {{ x }}"):
        document = docx.Document()
        document.add_paragraph(text)
        document.save(str(template))
        rendered = docx.Document(io.BytesIO(PreparedTemplate(template).render({"x": "!"})))
        assert rendered.paragraphs[0].text == text.replace("{{ x }}", "!")
    assert len(list((cache / "templates").glob("*.pickle"))) == 2


def test_empty_setting_disables_the_cache(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("CCHC_CACHE_DIR", "")
    assert generator_cache.folder() is None
    assert PreparedTemplate(PLAN_TEMPLATE).needed


def test_a_warm_plan_run_imports_no_template_machinery(tmp_path: Path) -> None:
    """`cchc plan`, warm or cold, never imports docxtpl, python-docx or openpyxl: templates are
    patched by docxtpl's rules taken from its source, workbooks are read by calamine."""
    code = (
        "import sys\n"
        "from generator.cli import main\n"
        "try:\n    main(sys.argv[1:])\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in ('docxtpl', 'docx', 'openpyxl') if m in sys.modules))"
    )
    env = {**os.environ, "CCHC_CACHE_DIR": str(tmp_path / "cache")}
    args = [sys.executable, "-c", code, "plan", str(EXAMPLE), "-o", str(tmp_path / "out")]
    cold = subprocess.run(args, capture_output=True, text=True, env=env, cwd=ROOT, check=True)
    warm = subprocess.run(args, capture_output=True, text=True, env=env, cwd=ROOT, check=True)
    assert cold.stdout.splitlines()[-1] == "[]"
    assert warm.stdout.splitlines()[-1] == "[]"


def test_a_changed_workbook_is_read_again(cache: Path, example: Path, tmp_path: Path) -> None:
    import openpyxl

    from tests.conftest import run_cli

    assert run_cli("plan", example, "--out", tmp_path / "first").exit_code == 0
    assert list((cache / "sheets").glob("*.pickle"))
    book = openpyxl.load_workbook(example / "nhiem_vu.xlsx")
    book["Nhiệm vụ"]["C2"] = "Nhiệm vụ đã sửa sau lần chạy đầu"
    book.save(example / "nhiem_vu.xlsx")
    assert run_cli("plan", example, "--out", tmp_path / "second").exit_code == 0
    (written,) = (tmp_path / "second").glob("*.docx")
    cells = [c.text for t in docx.Document(str(written)).tables for r in t.rows for c in r.cells]
    assert "Nhiệm vụ đã sửa sau lần chạy đầu" in cells
