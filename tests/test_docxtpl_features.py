"""Every feature docxtpl's own test suite exercises gives, through cchc's fast path, the same
document as docxtpl (``tests/docx_signature``: paragraphs, runs, tables, pictures, headers,
footers, footnotes, properties), in a sound package; or is refused before any file is written.

Each template is built here with python-docx (and a small XML edit where python-docx has no
API: footnotes). docxtpl renders with an autoescaping, strict environment: cchc always
escapes data and refuses missing names, so that is the docxtpl it must equal.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import docx
import jinja2
import pytest
from docx.shared import Inches, Mm
from docxtpl import DocxTemplate, InlineImage, Listing, RichText, RichTextParagraph

from generator.errors import RenderError
from generator.render.templates import render_template
from tests.conftest import EXAMPLE, run_cli
from tests.docx_signature import assert_sound, signature

Context = Callable[[DocxTemplate], dict[str, Any]]


def png(path: Path, width: int = 40, height: int = 20, rgb: tuple[int, int, int] = (255, 0, 0)) -> str:
    """A small one-colour PNG, written here so no image file is copied into the project."""
    rows = b"".join(b"\x00" + bytes(rgb) * width for _ in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    png_data = (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )
    path.write_bytes(png_data)
    return str(path)


def by_docxtpl(template: Path, context: Context, filters: dict[str, Any] | None = None) -> bytes:
    tpl = DocxTemplate(str(template))
    env = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined)
    env.filters.update(filters or {})
    tpl.render(context(tpl), env)
    buffer = io.BytesIO()
    tpl.save(buffer)
    return buffer.getvalue()


def by_cchc(template: Path, context: Context, as_object: bool = False, **options: Any) -> bytes:
    tpl = DocxTemplate(str(template))
    return render_template(tpl if as_object else template, context(tpl), **options)


def assert_same(template: Path, context: Context, as_object: bool = False, **options: Any) -> dict[str, Any]:
    ours = by_cchc(template, context, as_object, **options)
    assert_sound(ours)
    mine = signature(ours)
    assert mine == signature(by_docxtpl(template, context, options.get("filters")))
    return mine


def paragraphs(*texts: str) -> docx.document.Document:
    document = docx.Document()
    for text in texts:
        document.add_paragraph(text)
    return document


def saved(document: docx.document.Document, path: Path) -> Path:
    document.save(str(path))
    return path


def texts(part: list[Any]) -> list[str]:
    """The text of each paragraph of a signature part (pictures left out)."""
    return [
        "".join(c for _, content in p[2] for c in content if isinstance(c, str)) for p in part if p[0] == "p"
    ]


def test_richtext_breaks_tabs_paragraphs_and_page_breaks(tmp_path: Path) -> None:
    template = saved(paragraphs("RT: {{r rt }} end", "Tabs: {{r tabs }}|", "{{p rp }}"), tmp_path / "t.docx")

    def context(_: DocxTemplate) -> dict[str, Any]:
        rt = RichText("bold <b>", bold=True, style="Strong")
        rt.add("\nline two", italic=True, underline="double", font="Arial", size=28)
        rt.add("\anew paragraph", color="#FF0000", highlight="#FFFF00", strike=True)
        rt.add("\fafter the break", superscript=True)
        rp = RichTextParagraph()
        rp.add("heading", parastyle="Heading1")
        rp.add(RichText("one\atwo", bold=True))
        return {"rt": rt, "tabs": RichText("\t" * 5), "rp": rp}

    mine = assert_same(template, context)
    lines = texts(mine["document"])
    assert "Tabs: ⇥⇥⇥⇥⇥|" in lines
    assert "RT: bold <b>⏎line two" in lines
    assert "new paragraph" in lines
    assert "⤓" in lines


def test_listing_and_escaped_multiline_strings_keep_their_breaks(tmp_path: Path) -> None:
    template = saved(
        paragraphs("L: {{ listing }}", "E: {{ text|e }}", "S: {{ safe|safe }}", "P: {{ plain }}"),
        tmp_path / "t.docx",
    )
    values = {"multi": "x\ny <z>", "safe": "u\nv w", "plain": "p\tq\nr\as\ft"}

    def context(_: DocxTemplate) -> dict[str, Any]:
        return {"listing": Listing("a\nb\ac & d\fe"), "text": values["multi"], **values}

    lines = texts(assert_same(template, context)["document"])
    assert "E: x⏎y <z>" in lines
    assert "S: u⏎v w" in lines
    assert "P: p⇥q⏎r" in lines
    assert "L: a⏎b" in lines


def test_table_tags_loops_comments_and_merges(tmp_path: Path) -> None:
    document = docx.Document()
    columns = document.add_table(rows=2, cols=4)
    for (row, col), text in {(0, 0): "H", (0, 1): "{%tc for c in cols %}", (0, 2): "{{ c }}",
                             (0, 3): "{%tc endfor %}", (1, 0): "x", (1, 1): "y", (1, 2): "z"}.items():  # fmt: skip
        columns.cell(row, col).text = text
    document.add_paragraph("between")
    fewer = document.add_table(rows=1, cols=3)
    fewer.cell(0, 0).text, fewer.cell(0, 1).text, fewer.cell(0, 2).text = "a", "{#tc dropped #}", "c"
    rows = document.add_table(rows=3, cols=3)
    rows.cell(0, 0).text = "{%tr for r in items %}"
    rows.cell(1, 0).text = "{% vm %}{{ category }}"
    rows.cell(1, 1).text = "{% cellbg r.bg %}{{ r.n }}"
    rows.cell(1, 2).text = "{{r r.rt }}"
    rows.cell(2, 0).text = "{%tr endfor %}"
    merged = document.add_table(rows=2, cols=4)
    for (row, col), text in {(0, 0): "x", (0, 1): "{%tc for i in items %}", (0, 2): "{% hm %}{{ category }}",
                             (0, 3): "{%tc endfor %}", (1, 0): "y", (1, 1): "{%tc for i in items %}",
                             (1, 2): "{{ i.n }}", (1, 3): "{%tc endfor %}"}.items():  # fmt: skip
        merged.cell(row, col).text = text
    template = saved(document, tmp_path / "t.docx")
    items = [
        {"n": n, "bg": bg, "rt": RichText(f"#{n}", bold=True)} for n, bg in ((1, "FF0000"), (2, "00FF00"))
    ]

    mine = assert_same(template, lambda _: {"cols": list("abcde"), "items": items, "category": "Cat"})
    tables = [block for block in mine["document"] if block[0] == "table"]
    assert len(tables[0][1]) == 6  # the grid gained the looped columns, as docxtpl does
    assert len(tables[1][1]) == 2  # and lost the dropped cell's column


def test_paragraph_run_and_whitespace_tags(tmp_path: Path) -> None:
    template = saved(
        paragraphs(
            "My house is located",
            "{%- if in_town -%}",
            " in a town",
            "{%- else -%}",
            " in the countryside",
            "{%- endif -%}",
            "and I love it. {_{ literal }_}",
            "{#p a comment paragraph #}",
            "{%p for a in authors %}",
            "{{ a.name }}: {% for b in a.books %}{{ b }}{% if not loop.last %}, {% endif %}{% endfor %}",
            "{%p endfor %}",
            "spaces:   {{ spaces }}   end {%r if in_town %}R{%r endif %}",
        ),
        tmp_path / "t.docx",
    )
    context = {"in_town": True, "authors": [{"name": "A", "books": ["x", "y"]}], "spaces": "  s  "}
    lines = texts(assert_same(template, lambda _: context)["document"])
    assert "My house is located in a townand I love it. {{ literal }}" in lines
    assert "A: x, y" in lines


def test_inline_images_in_body_loops_headers_and_footers(tmp_path: Path) -> None:
    red, blue = png(tmp_path / "red.png"), png(tmp_path / "blue.png", 30, 30, (0, 0, 255))
    document = paragraphs(
        "Image: {{ image }}", "{%p for i in images %}", "Loop {{ loop.index }}: {{ i }}", "{%p endfor %}"
    )
    document.add_picture(red, width=Mm(10))  # a picture of the template itself
    document.add_paragraph("Link: {{ linked }}")
    document.sections[0].header.paragraphs[0].text = "Header {{ small }}"
    document.sections[0].footer.paragraphs[0].text = "Footer {% for i in images %}{{ i }}{% endfor %}"
    template = saved(document, tmp_path / "t.docx")

    def context(tpl: DocxTemplate) -> dict[str, Any]:
        return {
            "image": InlineImage(tpl, blue, width=Mm(20)),
            "images": [InlineImage(tpl, red, height=Mm(5)), InlineImage(tpl, blue, height=Mm(5))],
            "linked": InlineImage(tpl, blue, width=Mm(5), anchor="https://example.org"),
            "small": InlineImage(tpl, red, height=Mm(3)),
        }

    mine = assert_same(template, context)
    pictures = [
        c for p in mine["document"] if p[0] == "p" for _, run in p[2] for c in run if isinstance(c, tuple)
    ]
    assert len(pictures) == 5
    assert len({p[3] for p in pictures}) == 5  # unique docPr ids, as docxtpl renumbers them
    assert any(p[6] == "https://example.org" for p in pictures)


def test_subdoc_with_pictures_from_a_path_or_the_template_object(tmp_path: Path) -> None:
    red = png(tmp_path / "red.png")
    template = saved(paragraphs("Before", "{{p sub }}", "After"), tmp_path / "t.docx")

    def context(tpl: DocxTemplate) -> dict[str, Any]:
        sub = tpl.new_subdoc()
        sub.add_paragraph("Sub paragraph")
        sub.add_picture(red, width=Inches(1))
        sub.add_table(rows=1, cols=2).cell(0, 0).text = "cell"
        return {"sub": sub}

    for as_object in (False, True):
        mine = assert_same(template, context, as_object)
        assert "Sub paragraph" in texts(mine["document"])


def test_subdoc_composed_from_another_file(tmp_path: Path) -> None:
    source = docx.Document()
    source.add_heading("Sub heading", 1)
    source.add_paragraph("Sub item", style="List Bullet")
    source.add_picture(png(tmp_path / "blue.png", 30, 30, (0, 0, 255)), width=Mm(15))
    saved(source, tmp_path / "sub.docx")
    template = saved(paragraphs("Before", "{{p sub }}", "After"), tmp_path / "t.docx")

    mine = assert_same(template, lambda tpl: {"sub": tpl.new_subdoc(str(tmp_path / "sub.docx"))})
    assert "Sub heading" in texts(mine["document"])


def with_footnote(template: Path, text: str) -> Path:
    """python-docx has no footnotes: add a footnotes part, its relationship and a reference."""
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    notes = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:footnotes {w}>'
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
        f'<w:footnote w:id="1"><w:p><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p></w:footnote>'
        "</w:footnotes>"
    )
    edits = {
        "[Content_Types].xml": (
            b"</Types>",
            b'<Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-'
            b'officedocument.wordprocessingml.footnotes+xml"/></Types>',
        ),
        "word/_rels/document.xml.rels": (
            b"</Relationships>",
            b'<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
            b'relationships/footnotes" Target="footnotes.xml"/></Relationships>',
        ),
        "word/document.xml": (
            b"NOTE</w:t></w:r>",
            b'NOTE</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r>',
        ),
    }
    source, out = zipfile.ZipFile(template), io.BytesIO()
    with source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename in edits:
                data = data.replace(*edits[info.filename])
            target.writestr(info, data)
        target.writestr("word/footnotes.xml", notes)
    template.write_bytes(out.getvalue())
    return template


def test_footnotes_headers_footers_and_properties(tmp_path: Path) -> None:
    document = paragraphs("NOTE", "Body {{ name }}")
    document.sections[0].header.paragraphs[0].text = "헤더 {{ name }} &amp; co"
    document.sections[0].footer.paragraphs[0].text = "Footer {{ company }}"
    document.core_properties.title = "Title {{ name }}"
    document.core_properties.subject = "A subject kept as it is"
    document.core_properties.author = "Author {{ company }}"
    template = with_footnote(saved(document, tmp_path / "t.docx"), "Foot {{ name }}")

    mine = assert_same(template, lambda _: {"name": "Lộc Thủy", "company": "UBND"})
    assert mine["properties"]["title"] == "Title Lộc Thủy"
    assert mine["properties"]["subject"] == "A subject kept as it is"
    assert mine["properties"]["creator"] == "Author UBND"
    assert texts(mine["footnotes:footnotes.xml"][1][1]) == ["Foot Lộc Thủy"]


def test_guards_defaults_dict_methods_and_custom_filters(tmp_path: Path) -> None:
    template = saved(
        paragraphs(
            "{% if maybe is defined %}has {{ maybe }}{% else %}none{% endif %} / {{ other|default('dflt') }}",
            "{% for k, v in d.items() %}{{ k }}={{ v }};{% endfor %} {{ d['items'] }} {{ d.keys()|list|length }}",
            "{{ base|greet('world') }} {{ 3|plus(1.5) }}",
        ),
        tmp_path / "t.docx",
    )
    filters = {"greet": lambda v, s: f"{v} {s}", "plus": lambda v, f: v + f}
    context = {"d": {"items": 1, "k": 2}, "base": "Hello"}
    lines = texts(assert_same(template, lambda _: context, filters=filters)["document"])
    assert lines == ["none / dflt", "items=1;k=2; 1 2", "Hello world 4.5"]


def test_one_template_renders_many_contexts(tmp_path: Path) -> None:
    template = saved(paragraphs("{{ title }}", "{{ body }}"), tmp_path / "t.docx")
    for number in range(3):
        context: dict[str, Any] = {"title": f"Title {number}", "body": f"Body {number}"}

        def same(_: DocxTemplate, given: dict[str, Any] = context) -> dict[str, Any]:
            return given

        assert texts(assert_same(template, same)["document"]) == list(context.values())


def test_richtext_link_needs_its_template_object(tmp_path: Path) -> None:
    template = saved(paragraphs("Go {{r rt }}"), tmp_path / "t.docx")

    def context(tpl: DocxTemplate) -> dict[str, Any]:
        return {"rt": RichText("site", url_id=tpl.build_url_id("https://example.org"))}

    assert_same(template, context, as_object=True)
    with pytest.raises(RenderError) as caught:
        by_cchc(template, context)
    assert "t.docx: " in str(caught.value)
    assert "RichText có url_id" in str(caught.value)


def test_replacing_pictures_is_refused(tmp_path: Path) -> None:
    template = saved(paragraphs("x"), tmp_path / "t.docx")
    tpl = DocxTemplate(str(template))
    tpl.replace_pic("old.png", png(tmp_path / "new.png"))
    with pytest.raises(RenderError) as caught:
        render_template(tpl, {})
    assert "replace_pic" in str(caught.value)


def test_subdoc_of_another_template_is_refused(tmp_path: Path) -> None:
    template = saved(paragraphs("{{p sub }}"), tmp_path / "t.docx")
    other = DocxTemplate(str(saved(paragraphs("other"), tmp_path / "other.docx")))
    with pytest.raises(RenderError) as caught:
        render_template(template, {"sub": other.new_subdoc()})
    assert "Subdoc" in str(caught.value)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("{{ so|my_filter }}", "bộ lọc hoặc phép thử cchc không có: my_filter"),
        ("{% include 'khac.docx' %}", "không hỗ trợ {% include %}"),
    ],
    ids=["custom-filter", "include"],
)
def test_a_custom_environment_is_refused_from_the_command_line(
    tmp_path: Path, text: str, reason: str
) -> None:
    template = saved(paragraphs(text), tmp_path / "mau.docx")
    out = tmp_path / "out"
    result = run_cli("plan", EXAMPLE, "--template", template, "--out", out)
    assert result.exit_code == 1
    assert f"Lỗi: mau.docx: {'mẫu dùng ' if 'filter' in text else 'cchc '}{reason}" in result.stderr
    assert not out.exists() or not list(out.iterdir())
