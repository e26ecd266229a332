"""What the page makes: a document through the pipeline, then its PDF and preview on demand.

The documents come from ``pipeline.make_plan``/``make_report``, the very calls of ``cchc
plan``/``cchc report``, and ``rollover.rollover`` of ``cchc rollover``; PDF and the page-1
image come from ``generator.workflows.pdf`` (LibreOffice).
"""

from __future__ import annotations

import threading
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from generator.domain.periods import PERIODS
from generator.inputs.files import period_of
from generator.web.store import DataSet, Made, RequestError
from generator.workflows import pdf
from generator.workflows.pipeline import make_plan, make_report
from generator.workflows.rollover import rollover

PLAN, REPORT, DRAFT = "ke_hoach", "bao_cao", "du_thao"
# The periods in the order staff meet them: the four Bộ Nội vụ asks for, then the others.
PERIOD_CHOICES = (
    ("Q1", "Quý I"),
    ("6T", "6 tháng đầu năm"),
    ("Q3", "Quý III"),
    ("NAM", "Cả năm"),
    ("Q2", "Quý II"),
    ("Q4", "Quý IV"),
    ("9T", "9 tháng đầu năm"),
    ("6TC", "6 tháng cuối năm"),
)
CONVERSIONS = (".pdf", ".png")
_LIBREOFFICE = threading.Lock()  # one LibreOffice at a time: each takes a core for seconds


@dataclass(frozen=True)
class Choice:
    """The document asked for: the plan, the report of ``period`` in ``year``, or the draft
    plan of ``year`` (next year's, from this year's and, if given, its ``progress`` workbook)."""

    kind: str
    period: str | None = None
    year: int | None = None
    progress: str | None = None  # a workbook of the set, by file name
    drop_done: bool = False


def read_choice(form: Mapping[str, str], dataset: DataSet) -> Choice:
    """The form's fields as a ``Choice``; a Vietnamese error when one is missing or wrong."""
    kind = form.get("loai", "")
    if kind == PLAN:
        return Choice(PLAN)
    if kind == REPORT:
        period = form.get("ky", "").upper()
        if period not in PERIODS:
            raise RequestError(f'kỳ báo cáo "{period}" không hợp lệ')
        return Choice(REPORT, period, _year(form.get("nam", ""), "năm báo cáo"))
    if kind == DRAFT:
        progress = form.get("tien_do", "") or None
        if progress is not None and progress not in dataset.workbooks():
            raise RequestError(f'không có bảng "{progress}" trong dữ liệu đã nhận')
        year = _year(form.get("nam_moi", ""), "năm của kế hoạch mới")
        return Choice(DRAFT, year=year, progress=progress, drop_done=form.get("bo_da_xong") == "co")
    raise RequestError("chưa chọn loại văn bản (kế hoạch, báo cáo hoặc dự thảo kế hoạch năm sau)")


def _year(text: str, what: str) -> int:
    if not (text.strip().isdigit() and 2000 <= int(text) <= 2100):
        raise RequestError(f'{what} "{text}" không hợp lệ (cần dạng 2022)')
    return int(text)


def guess_period(dataset: DataSet, this_year: int) -> tuple[str, int]:
    """The period named by a file of the set (``tien_do_q1_2022.xlsx``), else Q1 of ``this_year``."""
    named = [found for name in dataset.files() if (found := period_of(Path(name)))]
    return max(named, key=lambda p: p[1]) if named else ("Q1", this_year)


def make(dataset: DataSet, choice: Choice) -> Made:
    """Write the chosen document into the set's outputs; the run is kept for the result page."""
    paths = [dataset.inputs]
    if choice.kind == DRAFT and choice.year:
        made = _draft(dataset, choice, choice.year)
    elif choice.kind == REPORT and choice.period and choice.year:
        made = Made(make_report(paths, dataset.outputs, code=choice.period, year=choice.year))
    else:
        made = Made(make_plan(paths, dataset.outputs))
    for suffix in CONVERSIONS:  # an older PDF or preview would show the previous run
        made.outcome.path.with_suffix(suffix).unlink(missing_ok=True)
    dataset.results[made.outcome.path.name] = made
    return made


def _draft(dataset: DataSet, choice: Choice, year: int) -> Made:
    """``cchc rollover`` into a folder of the set's outputs (never into the user's folder)."""
    drafted = rollover(
        [dataset.inputs],
        year,
        dataset.outputs / f"du_thao_{year}",
        progress=dataset.inputs / choice.progress if choice.progress else None,
        drop_done=choice.drop_done,
        overwrite=True,
    )
    return Made(drafted.plan, drafted)


def converted(document: Path, suffix: str) -> Path:
    """The PDF (``.pdf``) or page-1 image (``.png``) of ``document``, made once and kept."""
    target = document.with_suffix(suffix)
    with _LIBREOFFICE:
        if not target.is_file():
            if suffix == ".pdf":
                pdf.convert([document])
            else:
                pdf.first_page_png(document)
    return target


def libreoffice_present() -> bool:
    return pdf.find_soffice() is not None
