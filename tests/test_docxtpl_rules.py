"""docxtpl's patching rules, taken from its source without importing it, patch exactly as docxtpl."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
import pytest
from docxtpl import DocxTemplate

from generator.render import docxtpl_rules
from generator.render.bundled import template


def docxtpl_patch(xml: str) -> str:
    return str(DocxTemplate.patch_xml(DocxTemplate.__new__(DocxTemplate), xml))


def handmade(path: Path) -> Path:
    """Every construct patch_xml rewrites: split tags, {%p %}, {%tr %}, {%r %}, colspan, cellbg."""
    document = docx.Document()
    paragraph = document.add_paragraph("Trước {{ ")
    paragraph.add_run("ten").bold = True
    paragraph.add_run(" }} sau")
    document.add_paragraph("{%p if co %}")
    document.add_paragraph("{{r chu }} và {%r if x %}y{%r endif %}")
    document.add_paragraph("{%p endif %}")
    table = document.add_table(rows=3, cols=2)
    table.cell(0, 0).text = "{%tr for d in dong %}"
    table.cell(1, 0).text = "{% colspan n %}{{ d }}"
    table.cell(1, 1).text = "{% cellbg mau %}{{ d }}"
    table.cell(2, 0).text = "{%tr endfor %}"
    document.save(str(path))
    return path


@pytest.mark.parametrize("name", ["ke_hoach.docx", "bao_cao_quy.docx", "handmade"])
def test_same_patch_as_docxtpl(tmp_path: Path, name: str) -> None:
    path = handmade(tmp_path / "mau.docx") if name == "handmade" else template(name)
    with zipfile.ZipFile(path) as archive:
        xml = archive.read("word/document.xml").decode("utf-8")
    patched = docxtpl_rules.patch_xml()(xml)
    assert patched == docxtpl_patch(xml)
    assert patched != xml


def test_the_rules_come_from_docxtpls_source_not_its_import() -> None:
    assert docxtpl_rules._from_source() is not None
