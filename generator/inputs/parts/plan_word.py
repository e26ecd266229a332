"""The plan from Word and Excel: its words (ke_hoach.docx), its header and targets (ke_hoach.xlsx).

The same ``Plan`` the ``ke_hoach:`` YAML part gives: the "Kế hoạch" sheet holds the year, số,
ngày, trích yếu and the appendix title; the Word file the opening, the headings I./1./a) with
their paragraphs and the closing; the "Chỉ tiêu" sheet the measurable targets; the "Nhiệm vụ"
sheet the appendix of tasks.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from generator.domain.areas import DEFAULT_GROUPS
from generator.domain.formatting import roman
from generator.domain.indicators import METRICS
from generator.domain.models import Metric, Plan, Unit
from generator.domain.sheets import PLAN_SHEET as PLAN_SHEET
from generator.errors import Problems
from generator.inputs.formats.docx_file import WordFile
from generator.inputs.formats.labelled import Form, Item, opened, read_form
from generator.inputs.formats.words import WordText, empty_sections, read_words
from generator.inputs.parts.custom_metrics import read_custom_sheet
from generator.inputs.parts.plan import with_end_mark
from generator.inputs.parts.targets import attach_targets
from generator.inputs.parts.tasks import read_tasks

PLAN_ITEMS = (
    Item("nam", "Năm kế hoạch", True, note="Ví dụ 2022"),
    Item("so", "Số văn bản", aliases=("Số",),
         note="Để trống: văn thư ghi số sau khi ký (Số:      /KH-UBND); 5 → Số: 05/KH-UBND"),
    Item("ngay_ban_hanh", "Ngày ban hành", note="dd/mm/yyyy; để trống nếu chưa biết ngày ký"),
    Item("nam_ban_hanh", "Năm ở dòng ngày tháng", note="Khi chưa có ngày ban hành; mặc định là năm kế hoạch"),
    Item("trich_yeu", "Trích yếu", True, note="Ví dụ: Cải cách hành chính xã Lộc Thủy năm 2022"),
    Item("phu_luc", "Tên phụ lục", True, aliases=("Tiêu đề phụ lục",), note="cchc tự in hoa"),
    *(Item(f"nhom_{numeral}", f"Tên nhóm {numeral}", note=f"Để trống: {title}")
      for numeral, title in DEFAULT_GROUPS.items()),
)  # fmt: skip
MAX_GROUPS = 20  # a plan's own groups after the national seven: VIII … XX
OWN_GROUP_ITEMS = tuple(
    Item(f"nhom_{roman(n)}", f"Tên nhóm {roman(n)}", note="Nhóm riêng của kế hoạch; để trống nếu không có")
    for n in range(len(DEFAULT_GROUPS) + 1, MAX_GROUPS + 1)
)


def plan_items(values: dict[str, object]) -> tuple[Item, ...]:
    """The "Kế hoạch" items written for a plan: the seven national groups' titles, and the plan's
    own groups after them (a huyện's "VIII") when it has any."""
    return (*PLAN_ITEMS, *(item for item in OWN_GROUP_ITEMS if values.get(item.key)))


def read_plan_word(
    words: WordFile | None, books: tuple[Path | None, Path | None], unit: Unit | None, workbooks: list[Path],
    problems: Problems,
) -> Plan | None:  # fmt: skip
    """Validate the plan's Word words and sheets; None when anything is wrong.

    ``books`` are the workbooks holding the "Kế hoạch" and the "Chỉ tiêu" sheets (the second
    may be None: a plan without measured targets). ``words`` is None when the Word file could
    not be read (its error is already noted): the sheets and the tasks are still checked, the
    targets not (they name sentences of the words).
    """
    before = len(problems.errors)
    text = read_words(words.path, words.blocks, problems) if words is not None else None
    if text is not None and not text.sections:
        problems.add(text.at(), "không có đề mục nào (dòng đánh số I., 1., a) hoặc kiểu Heading)")
    if text is not None:
        empty_sections(text, problems)
    header, titles, custom = _sheets(books, text, problems)
    groups = read_tasks(workbooks, titles, problems, year=header[0] if header is not None else None)
    if unit is None or text is None or header is None or groups is None or len(problems.errors) > before:
        return None
    year, number, issue_date, issue_year, summary, appendix_title = header
    return Plan(
        unit=unit,
        year=year,
        number=number,
        issue_date=issue_date,
        issue_year=issue_year or year,
        summary=summary,
        opening=tuple(p.freeze() for p in text.opening),
        body=tuple(s.freeze() for s in text.sections),
        closing=with_end_mark(tuple(p.freeze() for p in text.closing)),
        signer=unit.signer,
        recipients=unit.recipients,
        appendix_title=appendix_title,
        groups=groups,
        custom_metrics=tuple(custom.items()),
    )


_Header = tuple[int, str, dt.date | None, int | None, str, str]


def _sheets(
    books: tuple[Path | None, Path | None], text: WordText | None, problems: Problems
) -> tuple[_Header | None, dict[str, str], dict[str, Metric]]:
    """The "Kế hoạch" sheet's header and group titles; the unit's own indicators ("Chỉ số riêng",
    in the workbook of the "Chỉ tiêu" sheet, else of "Kế hoạch"); the targets attached to ``text``.

    One workbook is open at a time (see ``labelled.opened``), the same one when both sheets are in it.
    """
    header, titles, custom = None, dict(DEFAULT_GROUPS), {}
    with opened(books[0], problems) as book:
        items = (*PLAN_ITEMS, *OWN_GROUP_ITEMS)
        form = read_form(book, PLAN_SHEET, items, problems) if book is not None else None
        if form is not None:
            header = _header(form)
            titles = {n: form.text(f"nhom_{n}") or title for n, title in DEFAULT_GROUPS.items()}
            titles.update({i.key[5:]: form.text(i.key) for i in OWN_GROUP_ITEMS if form.text(i.key)})
        if books[1] in (books[0], None):
            custom = read_custom_sheet(book, problems)
        if books[1] == books[0] and text is not None:
            attach_targets(book, text, problems, {**METRICS, **custom})
    if books[1] != books[0]:  # without a "Chỉ tiêu" sheet, its sentences are still noticed
        with opened(books[1], problems) as book:
            custom = read_custom_sheet(book, problems) if books[1] is not None else custom
            if text is not None:
                attach_targets(book, text, problems, {**METRICS, **custom})
    return header, titles, custom


def _header(form: Form) -> _Header | None:
    year = _year(form, "nam", required=True)
    issue_date = form.reader.date(form.cell("ngay_ban_hanh"), required=False)
    issue_year = issue_date.year if issue_date else _year(form, "nam_ban_hanh", required=False)
    summary, title = form.text("trich_yeu"), form.text("phu_luc").upper()
    if year is None or not summary or not title:
        return None
    return year, form.text("so"), issue_date, issue_year, summary, title


def _year(form: Form, key: str, *, required: bool) -> int | None:
    cell = form.cell(key)
    if cell.blank:
        return None  # a required one is already reported by read_form
    value = form.reader.count(cell, required=required)
    if value is not None and not 2000 <= value <= 2100:
        form.reader.problems.add(cell.location, f"giá trị {value} ngoài khoảng cho phép (2000–2100)")
        return None
    return value
