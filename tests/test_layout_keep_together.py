"""Blocks that keep together, judged by layout (LibreOffice), not by XML.

The closing paragraph ("Trên đây là …") and the signature block stay on one page, as a careful
typist keeps them in Word, wherever the body ends; in the appendix a group heading row (I, II …)
never ends a page alone. Bodies are grown paragraph by paragraph across a page end, every
variant is laid out in one LibreOffice run, and each PDF page's text is read back.
"""

from __future__ import annotations

import dataclasses
import itertools
import zipfile
from pathlib import Path

import pypdf
import pytest

from generator.domain.models import Paragraph, Plan, Section
from generator.errors import Problems
from generator.files import write_atomic
from generator.render.bundled import template
from generator.render.engine import load_template
from generator.render.plan_context import plan_context
from generator.workflows import pdf
from generator.workflows.pipeline import load_plan
from tests.conftest import EXAMPLE
from tests.libreoffice import require_libreoffice

VARIANTS = 36  # one more line each: more than a page of body lines


def example_plan() -> Plan:
    problems = Problems()
    plan = load_plan([EXAMPLE], problems)
    assert plan is not None, [str(p) for p in problems.items]
    return plan


def grown(plan: Plan, lines: int) -> Plan:
    """The plan with ``lines`` one-line paragraphs added at the end of its last section."""
    *before, last = plan.body
    extra = tuple(Paragraph(f"- Nội dung bổ sung thứ {n + 1};") for n in range(lines))
    return dataclasses.replace(plan, body=(*before, Section(last.title, (*last.content, *extra))))


def pages(document: Path) -> list[str]:
    return [" ".join((page.extract_text() or "").split()) for page in pypdf.PdfReader(document).pages]


@pytest.fixture(scope="module")
def laid_out(tmp_path_factory: pytest.TempPathFactory) -> list[list[str]]:
    require_libreoffice()
    folder = tmp_path_factory.mktemp("keep-together")
    plan, prepared = example_plan(), load_template(template("ke_hoach.docx"))
    documents = []
    for lines in range(VARIANTS):
        target = folder / f"ke_hoach_{lines:02d}.docx"
        write_atomic(target, prepared.render(plan_context(grown(plan, lines))))
        documents.append(target)
    return [pages(path) for path in pdf.convert(documents, folder / "pdf")]


def test_closing_paragraph_and_signature_share_a_page(laid_out: list[list[str]]) -> None:
    separated = []
    for lines, texts in enumerate(laid_out):
        signature = next(n for n, text in enumerate(texts) if "Nơi nhận:" in text)
        if "Trên đây là Kế hoạch" not in texts[signature]:
            separated.append(lines)
    assert separated == []


def test_the_grown_bodies_really_cross_a_page_end(laid_out: list[list[str]]) -> None:
    """Otherwise the test above would prove nothing."""
    signature_pages = {next(n for n, t in enumerate(texts) if "Nơi nhận:" in t) for texts in laid_out}
    assert len(signature_pages) >= 2


def with_more_tasks(plan: Plan, count: int) -> Plan:
    """The plan with ``count`` one-line tasks added to its first group, pushing the rest down."""
    first, *rest = plan.groups
    model = first.tasks[0]
    extra = tuple(
        dataclasses.replace(model, code=f"I.x{n}", number=len(first.tasks) + n + 1, text=f"Việc thêm {n + 1}")
        for n in range(count)
    )
    return dataclasses.replace(plan, groups=(dataclasses.replace(first, tasks=first.tasks + extra), *rest))


@pytest.fixture(scope="module")
def appendix_pages(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[list[str]], list[str]]:
    require_libreoffice()
    folder = tmp_path_factory.mktemp("group-rows")
    plan, prepared = example_plan(), load_template(template("ke_hoach.docx"))
    documents = []
    for count in range(0, 24, 2):
        target = folder / f"ke_hoach_{count:02d}.docx"
        write_atomic(target, prepared.render(plan_context(with_more_tasks(plan, count))))
        documents.append(target)
    headings = [f"{g.numeral} {g.title}" for g in plan.groups]
    return [pages(path) for path in pdf.convert(documents, folder / "pdf")], headings


def test_a_group_heading_row_never_ends_a_page(appendix_pages: tuple[list[list[str]], list[str]]) -> None:
    laid_out, headings = appendix_pages
    alone = [
        (variant, heading)
        for variant, texts in enumerate(laid_out)
        for text in texts[:-1]
        for heading in headings
        if text.endswith(heading)
    ]
    assert alone == []


@pytest.fixture(scope="module")
def report_pages(tmp_path_factory: pytest.TempPathFactory) -> list[list[str]]:
    """The example quý I report, its body grown line by line in section IV."""
    from generator.domain.figures import compute
    from generator.render.report_context import report_context
    from generator.workflows.pipeline import load_report

    require_libreoffice()
    problems = Problems()
    report = load_report([EXAMPLE], "Q1", 2022, problems)
    assert report is not None, [str(p) for p in problems.items]
    figures = compute(report, problems, before_is_day_before=report.plan.unit.before_is_day_before)
    prepared, folder = load_template(template("bao_cao_quy.docx")), tmp_path_factory.mktemp("report")
    documents = []
    for lines in range(VARIANTS):
        extra = tuple(Paragraph(f"- Nhiệm vụ kỳ tới thứ {n + 1};") for n in range(lines))
        body = tuple(
            Section(s.title, (*s.content, *extra)) if s.title.startswith("PHƯƠNG HƯỚNG") else s
            for s in report.body
        )
        target = folder / f"bao_cao_{lines:02d}.docx"
        context = report_context(dataclasses.replace(report, body=body), figures)
        write_atomic(target, prepared.render(context))
        documents.append(target)
    return [pages(path) for path in pdf.convert(documents, folder / "pdf")]


def test_report_closing_and_signature_share_a_page(report_pages: list[list[str]]) -> None:
    separated = []
    for lines, texts in enumerate(report_pages):
        signature = next(n for n, text in enumerate(texts) if "Nơi nhận:" in text)
        if "Trên đây là báo cáo" not in texts[signature]:
            separated.append(lines)
    signature_pages = {next(n for n, t in enumerate(texts) if "Nơi nhận:" in t) for texts in report_pages}
    assert separated == []
    assert len(signature_pages) >= 2  # the variants cross a page end


def broken_words(texts: list[str], headings: list[str]) -> list[str]:
    """Heading words that LibreOffice split across lines of a too-narrow cell: a token that is
    the start of the word followed by one that is its end ("NHÓ" "M")."""
    tokens = " ".join(texts).split()
    words = {word.strip(",.:;()") for heading in headings for word in heading.split()}
    pairs = set(itertools.pairwise(tokens))
    return sorted(word for word in words for cut in range(1, len(word)) if (word[:cut], word[cut:]) in pairs)


def test_no_column_heading_word_is_broken(laid_out: list[list[str]], report_pages: list[list[str]]) -> None:
    from generator.render.builder import build

    plan_headings = [c.title for c in build.PLAN_TASKS]
    report_headings = [
        c.title
        for table in (build.REPORT_TARGETS, build.REPORT_TASKS, build.STATE_COUNTS, build.BIEU_06)
        for c in table
    ]
    assert broken_words(laid_out[0], plan_headings) == []
    assert broken_words(report_pages[0], report_headings) == []
    assert broken_words(["NHÓ M NỘI DUNG"], ["NHÓM"]) == ["NHÓM"]  # the check itself can fail


def test_no_page_is_blank(laid_out: list[list[str]], report_pages: list[list[str]]) -> None:
    """The paragraph Word needs after a table must not spill onto a page of its own when the
    table ends at the foot of a page (a blank page holding only its number)."""
    blank = [
        (kind, variant, number)
        for kind, documents in (("plan", laid_out), ("report", report_pages))
        for variant, texts in enumerate(documents)
        for number, text in enumerate(texts, start=1)
        if not text.strip().strip("0123456789")
    ]
    assert blank == []


SPACER_STEPS = 48  # 0.5 pt each: 24 pt, more than a line of the closing words


def with_spacer(document: Path, twips: int, target: Path) -> None:
    """``document`` with an empty paragraph exactly ``twips`` high before the signature block."""
    with zipfile.ZipFile(document) as package:
        parts = {name: package.read(name) for name in package.namelist()}
    xml = parts["word/document.xml"].decode("utf-8")
    table = xml.rfind("<w:tbl>", 0, xml.index("Nơi nhận"))
    spacer = (
        f'<w:p><w:pPr><w:spacing w:before="0" w:after="0" w:line="{twips}" w:lineRule="exact"/></w:pPr></w:p>'
    )
    parts["word/document.xml"] = (xml[:table] + spacer + xml[table:]).encode("utf-8")
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in parts.items():
            package.writestr(name, data)


@pytest.fixture(scope="module")
def signature_at_the_foot(
    tmp_path_factory: pytest.TempPathFactory, report_pages: list[list[str]]
) -> list[list[str]]:
    """The report whose signature block is the last on its page before the variants move it,
    pushed down half a point at a time: one of them ends the block at the very foot of the page,
    where a section-break paragraph one point high spilled onto a page of its own (#23)."""
    signature = [next(n for n, t in enumerate(texts) if "Nơi nhận:" in t) for texts in report_pages]
    last = next(n for n in range(len(signature) - 1) if signature[n + 1] > signature[n])
    folder = tmp_path_factory.mktemp("foot")
    source = next(p for p in folder.parent.glob(f"report*/bao_cao_{last:02d}.docx"))
    documents = []
    for step in range(SPACER_STEPS):
        target = folder / f"bao_cao_{step:02d}.docx"
        with_spacer(source, 20 + 10 * step, target)
        documents.append(target)
    return [pages(path) for path in pdf.convert(documents, folder / "pdf")]


def test_a_signature_ending_at_the_foot_of_a_page_leaves_no_blank_page(
    signature_at_the_foot: list[list[str]],
) -> None:
    blank = [
        (variant, number)
        for variant, texts in enumerate(signature_at_the_foot)
        for number, text in enumerate(texts, start=1)
        if not text.strip().strip("0123456789")
    ]
    moved = {next(n for n, t in enumerate(texts) if "Nơi nhận:" in t) for texts in signature_at_the_foot}
    assert blank == []
    assert len(moved) == 2  # the steps really push the block across the page end
