"""Each part of the inputs read from the source ``files`` found for it: YAML, or Word and Excel.

The pipelines ask for the unit, the plan and the report's words here and never care which
kind of file gave them; both kinds give the same models, checked the same way.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from generator.domain.models import Plan, Unit
from generator.errors import Location, Problems
from generator.inputs.excel import Workbook
from generator.inputs.files import InputSet
from generator.inputs.labelled import opened
from generator.inputs.plan import read_plan
from generator.inputs.plan_word import PLAN_SHEET, read_plan_word
from generator.inputs.profile import read_unit
from generator.inputs.report_text import ReportHeader, ReportWords, read_report_text
from generator.inputs.report_words import REPORT_SHEET, read_report_words
from generator.inputs.targets import TARGET_SHEET, check_duplicates
from generator.inputs.unit_sheet import UNIT_SHEET, read_unit_sheet

T = TypeVar("T")


def _with_book(path: Path, problems: Problems, read: Callable[[Workbook], T | None]) -> T | None:
    with opened(path, problems) as book:
        return read(book) if book is not None else None


def read_unit_from(inputs: InputSet, problems: Problems, where: str) -> Unit | None:
    """The unit profile: ``don_vi:`` in YAML or the "Đơn vị" sheet."""
    if "don_vi" in inputs.parts:
        return read_unit(inputs.parts["don_vi"], problems)
    path = inputs.sheets.get(UNIT_SHEET)
    if path is None:
        inputs.missing("don_vi", problems, where, "hồ sơ đơn vị")
        return None
    return _with_book(path, problems, lambda book: read_unit_sheet(book, problems))


def read_plan_from(inputs: InputSet, unit: Unit | None, problems: Problems, where: str) -> Plan | None:
    """The plan: ``ke_hoach:`` in YAML, or its Word words with the "Kế hoạch" sheet; its targets
    checked against each other (one indicator, two levels)."""
    plan = _read_plan(inputs, unit, problems, where)
    if plan is not None:
        check_duplicates(plan.targets, problems)
    return plan


def _read_plan(inputs: InputSet, unit: Unit | None, problems: Problems, where: str) -> Plan | None:
    if "ke_hoach" in inputs.parts:
        return read_plan(inputs.parts["ke_hoach"], unit, inputs.workbooks, problems)
    words, sheet = inputs.words.get("ke_hoach"), inputs.sheets.get(PLAN_SHEET)
    if words is None and sheet is None:
        inputs.missing("ke_hoach", problems, where, "kế hoạch")
        return None
    if words is None:
        problems.add(Location(str(sheet)), f'có trang "{PLAN_SHEET}" nhưng không tìm thấy lời văn kế hoạch '
                     "(tệp Word như ke_hoach.docx)")  # fmt: skip
        return None
    if sheet is None:  # the words and the task sheet are still read: one run, every problem
        problems.add(Location(str(words.path)), f'có lời văn kế hoạch nhưng không tìm thấy trang "{PLAN_SHEET}" '
                     "(năm, trích yếu, tên phụ lục) trong tệp Excel")  # fmt: skip
    return read_plan_word(words, (sheet, inputs.sheets.get(TARGET_SHEET)), unit, inputs.workbooks, problems)


def plan_year_place(inputs: InputSet, where: str) -> Location:
    """Where the plan year is written, for a message that blames it."""
    if "ke_hoach" in inputs.parts:
        return inputs.parts["ke_hoach"].location("ke_hoach.nam")
    sheet = inputs.sheets.get(PLAN_SHEET)
    return Location(str(sheet), sheet=PLAN_SHEET) if sheet is not None else Location(where)


def read_report_from(
    inputs: InputSet, unit: Unit | None, problems: Problems, where: str
) -> tuple[ReportHeader, ReportWords] | None:
    """The report's words and header: ``bao_cao:`` in YAML, or its Word file (and "Báo cáo" sheet)."""
    if "bao_cao" in inputs.parts:
        return read_report_text(inputs.parts["bao_cao"], unit, problems)
    words, sheet = inputs.words.get("bao_cao"), inputs.sheets.get(REPORT_SHEET)
    if words is None:
        if sheet is not None:
            problems.add(Location(str(sheet)), f'có trang "{REPORT_SHEET}" nhưng không tìm thấy lời văn báo cáo '
                         "(tệp Word như bao_cao_q1_2022.docx)")  # fmt: skip
        else:
            inputs.missing("bao_cao", problems, where, "lời văn báo cáo")
        return None
    with opened(sheet, problems) as book:
        return read_report_words(words, book, unit, problems)
