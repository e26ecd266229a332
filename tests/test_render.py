"""Rendering is strict, escaped, sandboxed and atomic, on tiny templates built with python-docx."""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

import docx
import pytest

from generator.errors import OutputError, RenderError
from generator.files import write_atomic
from generator.render.engine import PreparedTemplate, Properties


def make_template(path: Path, *paragraphs: str, header: str | None = None) -> Path:
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    if header is not None:
        document.sections[0].header.paragraphs[0].text = header
    document.save(str(path))
    return path


def render(
    template: Path, context: dict[str, object], properties: Properties | None = None
) -> docx.document.Document:
    data = PreparedTemplate(template).render(context, properties)
    out = template.with_name("out.docx")
    out.write_bytes(data)
    return docx.Document(str(out))


HOSTILE = [
    "Tài chính & Kế toán",
    "a < b > c",
    "\"trích dẫn\" và 'nháy đơn'",
    "{{ 7 * 7 }}",
    "{% if true %}x{% endif %}",
    "{{p x }} {%tr for %}",
    "</w:t></w:r></w:p><w:p>",
    "&amp; &lt;",
]


@pytest.mark.parametrize("value", HOSTILE, ids=range(len(HOSTILE)))
def test_data_renders_literally(tmp_path: Path, value: str) -> None:
    template = make_template(tmp_path / "t.docx", "Giá trị: {{ x }}")
    document = render(template, {"x": value})
    assert document.paragraphs[0].text == f"Giá trị: {value}"


def test_line_breaks_and_tabs_become_word_breaks(tmp_path: Path) -> None:
    template = make_template(tmp_path / "t.docx", "{{ x }}")
    document = render(template, {"x": "dòng một\ndòng hai\tcột"})
    paragraph = document.paragraphs[0]
    assert paragraph.text == "dòng một\ndòng hai\tcột"
    assert len(paragraph._p.xpath(".//w:br")) == 1
    assert len(paragraph._p.xpath(".//w:tab")) == 1


def test_headers_are_rendered(tmp_path: Path) -> None:
    template = make_template(tmp_path / "t.docx", "thân", header="Trang của {{ don_vi }}")
    document = render(template, {"don_vi": "xã Lộc Thủy"})
    assert document.sections[0].header.paragraphs[0].text == "Trang của xã Lộc Thủy"


def test_missing_variable_is_named(tmp_path: Path) -> None:
    template = make_template(tmp_path / "mau.docx", "{{ co_quan }} {{ ty_le }}")
    prepared = PreparedTemplate(template)
    with pytest.raises(RenderError) as caught:
        prepared.render({"co_quan": "UBND"})
    assert str(caught.value) == "mau.docx: mẫu dùng biến chưa có dữ liệu: ty_le"


def test_missing_attribute_is_named(tmp_path: Path) -> None:
    template = make_template(tmp_path / "mau.docx", "{{ co_quan.ten_day_du }}")
    with pytest.raises(RenderError) as caught:
        PreparedTemplate(template).render({"co_quan": {"ten": "UBND"}})
    assert str(caught.value) == "mau.docx: mẫu dùng biến chưa có dữ liệu: ten_day_du"


def test_sandbox_blocks_python_internals(tmp_path: Path) -> None:
    template = make_template(tmp_path / "mau.docx", "{{ ''.__class__.__mro__[1].__subclasses__() }}")
    with pytest.raises(RenderError) as caught:
        PreparedTemplate(template).render({})
    assert str(caught.value).startswith("mau.docx: mẫu truy cập thuộc tính không được phép")


def test_syntax_error_names_the_paragraph(tmp_path: Path) -> None:
    template = make_template(tmp_path / "mau.docx", "Mở đầu", "Kết quả {% if x %} chưa đóng", "Cuối")
    with pytest.raises(RenderError) as caught:
        PreparedTemplate(template)
    message = str(caught.value)
    assert message.startswith('mau.docx: lỗi cú pháp mẫu ở đoạn "')
    assert "Cuối" in message or "Kết quả" in message


def test_broken_xml_is_an_error_not_a_short_document(tmp_path: Path) -> None:
    template = make_template(tmp_path / "mau.docx", "{{ x|safe }}", "đoạn sau")
    with pytest.raises(RenderError) as caught:
        PreparedTemplate(template).render({"x": "<w:p>"})
    assert "không phải XML hợp lệ" in str(caught.value)


def test_properties_are_plain_text(tmp_path: Path) -> None:
    template = make_template(tmp_path / "t.docx", "x")
    document = render(template, {}, Properties(title="12&3 <b>", creator="UBND xã {{ x }}"))
    assert document.core_properties.title == "12&3 <b>"
    assert document.core_properties.author == "UBND xã {{ x }}"


def test_unchanged_parts_are_copied_and_the_result_is_a_valid_zip(tmp_path: Path) -> None:
    template = make_template(tmp_path / "t.docx", "{{ x }}")
    data = PreparedTemplate(template).render({"x": "y"})
    out = tmp_path / "o.docx"
    out.write_bytes(data)
    with zipfile.ZipFile(out) as archive, zipfile.ZipFile(template) as original:
        assert archive.testzip() is None
        assert archive.namelist() == original.namelist()
        assert archive.read("word/styles.xml") == original.read("word/styles.xml")


def test_not_a_docx_template(tmp_path: Path) -> None:
    fake = tmp_path / "mau.docx"
    fake.write_text("không phải docx", encoding="utf-8")
    with pytest.raises(RenderError) as caught:
        PreparedTemplate(fake)
    assert str(caught.value) == "mau.docx: mẫu không phải tệp Word .docx hợp lệ"


def test_write_atomic_keeps_the_old_file_on_failure(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "ke_hoach.docx"
    target.write_bytes(b"old")

    def fail(*_: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(OutputError) as caught:
        write_atomic(target, b"new")
    assert "tệp đang mở trong Word?" in str(caught.value)
    assert target.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ke_hoach.docx"]


def test_write_atomic_refuses_a_folder(tmp_path: Path) -> None:
    (tmp_path / "x.docx").mkdir()
    with pytest.raises(OutputError) as caught:
        write_atomic(tmp_path / "x.docx", b"data")
    assert str(caught.value) == f"{tmp_path / 'x.docx'}: đường dẫn đầu ra là một thư mục, không phải tệp"


def test_properties_the_data_does_not_set_are_kept(tmp_path: Path) -> None:
    template = tmp_path / "t.docx"
    document = docx.Document()
    document.add_paragraph("{{ x }}")
    document.core_properties.title = "Tiêu đề của mẫu"
    document.core_properties.subject = "Chủ đề {{ x }}"
    document.core_properties.author = "Tác giả"
    document.save(str(template))
    rendered = render(template, {"x": "A & B"}, Properties(title="Đặt bởi dữ liệu"))
    assert rendered.core_properties.title == "Đặt bởi dữ liệu"
    assert rendered.core_properties.subject == "Chủ đề A & B"
    assert rendered.core_properties.author == "Tác giả"


def test_a_guarded_name_may_be_missing_but_an_unguarded_one_is_named(tmp_path: Path) -> None:
    template = make_template(
        tmp_path / "mau.docx",
        "{% if ghi_chu is defined %}{{ ghi_chu }}{% endif %}{{ ky|default('—') }}",
        "{{ ten }}",
    )
    assert PreparedTemplate(template).needed == {"ten"}
    assert render(template, {"ten": "x"}).paragraphs[0].text == "—"
    with pytest.raises(RenderError) as caught:
        PreparedTemplate(template).render({})
    assert str(caught.value) == "mau.docx: mẫu dùng biến chưa có dữ liệu: ten"
