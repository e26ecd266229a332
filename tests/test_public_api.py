"""The public Python calls: generator.render_template / save_template, imported lazily."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import docx
import pytest

import generator
from generator.errors import OutputError
from tests.conftest import ROOT


def template(path: Path) -> Path:
    document = docx.Document()
    document.add_paragraph("Xin chào {{ ten }}")
    document.save(str(path))
    return path


def test_importing_generator_loads_no_template_machinery() -> None:
    code = "import sys, generator; print(sorted(m for m in ('jinja2', 'docxtpl', 'docx', 'lxml') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert out.stdout.strip() == "[]"


def test_render_template_returns_the_document(tmp_path: Path) -> None:
    data = generator.render_template(template(tmp_path / "t.docx"), {"ten": "xã Lộc Thủy"})
    assert docx.Document(io.BytesIO(data)).paragraphs[0].text == "Xin chào xã Lộc Thủy"


def test_save_template_writes_atomically(tmp_path: Path) -> None:
    target = tmp_path / "out" / "van_ban.docx"
    written = generator.save_template(
        template(tmp_path / "t.docx"), {"ten": "A"}, target, properties=generator.Properties(title="T")
    )
    saved = docx.Document(str(written))
    assert saved.paragraphs[0].text == "Xin chào A"
    assert saved.core_properties.title == "T"
    folder = tmp_path / "folder.docx"
    folder.mkdir()
    with pytest.raises(OutputError):
        generator.save_template(template(tmp_path / "t.docx"), {"ten": "A"}, folder)


def test_a_missing_name_raises_render_error_and_writes_nothing(tmp_path: Path) -> None:
    target = tmp_path / "van_ban.docx"
    target.write_bytes(b"old")
    with pytest.raises(generator.RenderError) as caught:
        generator.save_template(template(tmp_path / "t.docx"), {}, target)
    assert str(caught.value) == "t.docx: mẫu dùng biến chưa có dữ liệu: ten"
    assert target.read_bytes() == b"old"
