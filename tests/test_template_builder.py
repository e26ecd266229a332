"""The committed templates are exactly what the builder makes, and stay slim and valid."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
import pytest

from generator.render.builder.build import TEMPLATE_DIR, TEMPLATES, build

NAMES = sorted(TEMPLATES)


@pytest.mark.parametrize("name", NAMES)
def test_committed_template_matches_the_builder(name: str) -> None:
    committed = (TEMPLATE_DIR / name).read_bytes()
    assert committed == build(name), f"run `make templates` and commit templates/{name}"


@pytest.mark.parametrize("name", NAMES)
def test_styles_part_is_slim(name: str) -> None:
    with zipfile.ZipFile(TEMPLATE_DIR / name) as archive:
        styles = archive.getinfo("word/styles.xml").file_size
        names = archive.namelist()
    assert styles < 20_000  # python-docx's default template carries ~440 KB of styles
    assert "word/stylesWithEffects.xml" not in names


@pytest.mark.parametrize("name", NAMES)
def test_template_opens_in_python_docx(name: str, tmp_path: Path) -> None:
    document = docx.Document(str(TEMPLATE_DIR / name))
    assert document.styles["ND30 Nội dung"].font.name is None  # inherits Times New Roman
    assert any("{{" in p.text for p in document.paragraphs)
