"""A part is rendered, checked and deflated a chunk at a time: the same bytes, the same strictness."""

from __future__ import annotations

import zipfile
from io import BytesIO
from pathlib import Path

import docx
import pytest

from generator.errors import Problems, RenderError
from generator.render import engine
from generator.render.bundled import template
from generator.render.engine import PreparedTemplate
from generator.render.plan_context import plan_context
from generator.workflows.pipeline import load_plan
from tests.conftest import EXAMPLE
from tests.test_render import make_template


def parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def test_small_chunks_give_the_same_document(monkeypatch: pytest.MonkeyPatch) -> None:
    plan = load_plan([EXAMPLE], Problems())
    assert plan is not None
    context = plan_context(plan)
    prepared = PreparedTemplate(template("ke_hoach.docx"))
    whole = prepared.render(context)
    monkeypatch.setattr(engine, "STREAM_PIECES", 64)
    chunked = prepared.render(context)
    assert parts(chunked) == parts(whole)
    assert parts(whole)["word/document.xml"].count(b"<w:p>") > 100  # many chunks, not one


def test_literal_brace_escapes_are_undone_in_every_chunk(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(engine, "STREAM_PIECES", 16)
    path = make_template(tmp_path / "mau.docx", *[f"{{_{{ {i} }}_}} {{{{ x }}}}" for i in range(50)])
    document = docx.Document(BytesIO(PreparedTemplate(path).render({"x": "dữ liệu"})))
    assert [p.text for p in document.paragraphs] == [f"{{{{ {i} }}}} dữ liệu" for i in range(50)]


def test_broken_xml_late_in_a_long_part_is_an_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(engine, "STREAM_PIECES", 64)
    path = make_template(tmp_path / "mau.docx", *[f"đoạn {i}" for i in range(200)], "{{ x|safe }}", "cuối")
    with pytest.raises(RenderError) as caught:
        PreparedTemplate(path).render({"x": "</w:t></w:r></w:p></w:body>"})
    assert "mau.docx: kết quả điền mẫu (word/document.xml) không phải XML hợp lệ" in str(caught.value)
