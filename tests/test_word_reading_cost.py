"""Reading a Word input costs what reading its XML costs (#27): styles resolved once per
document, each Word file of a batch read once per run. Counted, not timed."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.ns import nsdecls
from docx.oxml.parser import parse_xml
from docx.oxml.styles import CT_Styles

from generator.ooxml import blocks
from generator.ooxml.blocks import read_blocks
from generator.ooxml.view import read_view
from generator.workflows import batch
from tests.conftest import WORD_EXAMPLE


def counted(monkeypatch: pytest.MonkeyPatch, owner: Any, name: str) -> list[int]:
    """Count the calls of ``owner.name`` (a one-element list, so the test sees it grow)."""
    calls = [0]
    original: Callable[..., Any] = getattr(owner, name)

    def counting(*args: Any, **kwargs: Any) -> Any:
        calls[0] += 1
        return original(*args, **kwargs)

    monkeypatch.setattr(owner, name, counting)
    return calls


def test_styles_are_resolved_once_per_document_not_per_paragraph(monkeypatch: pytest.MonkeyPatch) -> None:
    """python-docx scans every style for the default one on each ``paragraph.style``: that scan
    ran two or three times per paragraph (numbering, heading level), most of reading's time.
    What styles give (a number, an outline level, a heading name) still reads the same."""
    document = docx.Document()
    for text in ("một", "hai"):
        document.add_paragraph(text, style="List Number")  # numbered by the style's w:numPr
    section = document.styles.add_style("Muc", WD_STYLE_TYPE.PARAGRAPH)
    section.base_style = document.styles["Normal"]
    section.element.get_or_add_pPr().append(parse_xml(f'<w:outlineLvl {nsdecls("w")} w:val="1"/>'))
    document.add_paragraph("Theo cấp đề mục", style="Muc")
    document.add_paragraph("Đề mục", style="Heading 3")
    for number in range(60):
        document.add_paragraph(f"Đoạn {number}")  # the default style: no w:pStyle
    scans = counted(monkeypatch, CT_Styles, "default_for")
    found = read_blocks(read_view(document))
    assert [(b.label, b.text, b.heading_level) for b in found[:5]] == [
        ("1.", "một", None),
        ("2.", "hai", None),
        ("", "Theo cấp đề mục", 2),
        ("", "Đề mục", 3),
        ("", "Đoạn 0", None),
    ]
    assert len(found) == 64
    assert scans[0] <= 2  # the default paragraph style, once per document


def test_a_batch_reads_each_word_file_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Finding the jobs reads no Word file when a workbook has the "Kế hoạch" sheet, and a unit's
    plan and report share what was read: with the cache off, each file is parsed once."""
    monkeypatch.setenv("CCHC_CACHE_DIR", "")
    for name in ("an_hoa", "binh_minh"):
        shutil.copytree(WORD_EXAMPLE, tmp_path / "units" / name, ignore=shutil.ignore_patterns("*_nam_*"))
    parsed = counted(monkeypatch, blocks, "read_blocks")
    result = batch.run(batch.discover(tmp_path / "units"), tmp_path / "out")
    assert not result.failed
    assert len(result.written) == 4  # a plan and a quý I report per unit
    assert parsed[0] == 4  # ke_hoach.docx and bao_cao_q1_2022.docx of each unit


def test_a_plan_from_word_and_excel_imports_neither_yaml_parser(tmp_path: Path) -> None:
    """Cold start: a Word + Excel folder has no YAML to read, and a plan is no draft (ruamel.yaml)."""
    code = (
        "import sys\n"
        "from generator.cli import main\n"
        "try:\n    main(sys.argv[1:])\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in ('yaml', 'ruamel.yaml', 'generator.workflows.rollover') if m in sys.modules))"
    )
    env = {**os.environ, "CCHC_CACHE_DIR": str(tmp_path / "cache")}
    args = [sys.executable, "-c", code, "plan", str(WORD_EXAMPLE), "-o", str(tmp_path / "out")]
    done = subprocess.run(args, capture_output=True, text=True, env=env, check=True)
    assert done.stdout.splitlines()[-1] == "[]"
    assert len(list((tmp_path / "out").glob("*.docx"))) == 1
