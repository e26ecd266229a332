"""The fast path makes the same document as plain docxtpl: text and formatting, part by part.

Compared: every paragraph and table cell of the body and of the headers, as runs merged by
formatting (docxtpl splits a run at each tab, cchc does not), and the section properties.
Not compared: the ZIP bytes, which carry dates and compression levels.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import docx
import jinja2
import pytest
from docx.text.paragraph import Paragraph
from docxtpl import DocxTemplate

from generator.domain import formatting
from generator.domain.figures import compute
from generator.errors import Problems
from generator.render.engine import PreparedTemplate
from generator.render.plan_context import plan_context
from generator.render.report_context import report_context
from generator.workflows.pipeline import PLAN_TEMPLATE, REPORT_TEMPLATE, load_plan, load_report
from tests.conftest import EXAMPLE

Signature = list[tuple[Any, ...]]


def plain_docxtpl(template: Path, context: dict[str, Any]) -> docx.document.Document:
    env = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined)
    env.filters.update(formatting.FILTERS)
    document = DocxTemplate(str(template))
    document.render(context, env)
    buffer = io.BytesIO()
    document.save(buffer)
    return docx.Document(io.BytesIO(buffer.getvalue()))


def fast_path(template: Path, context: dict[str, Any]) -> docx.document.Document:
    return docx.Document(io.BytesIO(PreparedTemplate(template).render(context)))


def content(run: Any) -> str:
    """A run's content as Word stores it: text, <br/> and <tab/> marked apart from "\n", "\t"."""
    parts = []
    for child in run._r.iterchildren():
        name = child.tag.rsplit("}", 1)[-1]
        parts.append({"t": child.text or "", "br": "⏎", "tab": "⇥"}.get(name, ""))
    return "".join(parts)


def runs(paragraph: Any) -> list[tuple[Any, ...]]:
    merged: list[tuple[Any, ...]] = []
    for run in paragraph.runs:
        key = (run.bold, run.italic, run.font.size, run.style.name if run.style else None)
        if merged and merged[-1][1:] == key:
            merged[-1] = (merged[-1][0] + content(run), *key)
        else:
            merged.append((content(run), *key))
    return [m for m in merged if m[0]]


def paragraph_signature(paragraph: Any) -> tuple[Any, ...]:
    style = paragraph.style.name if paragraph.style is not None else None
    fmt = paragraph.paragraph_format
    return (style, paragraph.text, paragraph.alignment, fmt.first_line_indent, tuple(runs(paragraph)))


def blocks(container: Any) -> Signature:
    out: Signature = []
    for block in container.iter_inner_content():
        if isinstance(block, Paragraph):
            out.append(paragraph_signature(block))
        else:
            for row in block.rows:
                out.append(("row", tuple(tuple(blocks(cell)) for cell in row.cells)))
    return out


def signature(document: docx.document.Document) -> Signature:
    out = blocks(document)
    for section in document.sections:
        out.append(("section", section.orientation, section.page_width, section.left_margin,
                    section.different_first_page_header_footer))  # fmt: skip
        out += blocks(section.header) + blocks(section.first_page_header)
    return out


def example_plan() -> dict[str, Any]:
    plan = load_plan([EXAMPLE], Problems())
    assert plan is not None
    return plan_context(plan)


def example_report() -> dict[str, Any]:
    problems = Problems()
    report = load_report([EXAMPLE], "Q1", 2022, problems)
    assert report is not None
    return report_context(report, compute(report, problems))


@pytest.mark.parametrize(
    ("template", "context"),
    [(PLAN_TEMPLATE, example_plan), (REPORT_TEMPLATE, example_report)],
    ids=["plan", "report"],
)
def test_same_document_as_docxtpl(template: Path, context: Any) -> None:
    data = context()
    ours, theirs = signature(fast_path(template, data)), signature(plain_docxtpl(template, data))
    assert len(ours) > 100
    assert ours == theirs


def block_template(path: Path) -> Path:
    """A template using {%tr %}, {%p %}, {% if %} and a tab and line break in data."""
    document = docx.Document()
    document.add_paragraph("{%p if show %}")
    document.add_paragraph("Hiện khi show: {{ title }}")
    document.add_paragraph("{%p endif %}")
    document.add_paragraph("{%p for x in items %}")
    document.add_paragraph("Mục {{ loop.index }}: {% if x.bold %}đậm{% else %}thường{% endif %} {{ x.text }}")
    document.add_paragraph("{%p endfor %}")
    table = document.add_table(rows=3, cols=2)
    table.cell(0, 0).text = "Tên"
    table.cell(0, 1).text = "Số"
    table.cell(1, 0).text = "{%tr for x in items %}"
    table.cell(2, 0).text = "{{ x.text }}"
    table.cell(2, 1).text = "{{ x.number|so }}"
    row = table.add_row()
    row.cells[0].text = "{%tr endfor %}"
    document.save(str(path))
    return path


@pytest.mark.parametrize("show", [True, False])
def test_block_tags_match_docxtpl(tmp_path: Path, show: bool) -> None:
    template = block_template(tmp_path / "blocks.docx")
    context = {
        "show": show,
        "title": "A & B <c>",
        "items": [{"text": "dòng 1\ndòng 2", "bold": True, "number": 1234},
                  {"text": "cột\tcột", "bold": False, "number": 5}],
    }  # fmt: skip
    ours, theirs = signature(fast_path(template, context)), signature(plain_docxtpl(template, context))
    assert ours == theirs
    paragraphs = [entry[1] for entry in ours if entry[0] != "row"]
    assert "Mục 2: thường cột\tcột" in paragraphs
    assert ("Hiện khi show: A & B <c>" in paragraphs) is show
    cells = [entry[1] for entry in ours if entry[0] == "row"]
    assert any("dòng 1⏎dòng 2" in str(cell) for cell in cells)
