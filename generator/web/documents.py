"""What the page makes: a document through the pipeline, then its PDF and preview on demand.

The documents come from ``workflows.request.make``, the very call behind ``cchc plan``,
``cchc report`` and ``cchc rollover``; PDF and the page-1 image come from
``workflows.pdf`` (LibreOffice).
"""

from __future__ import annotations

import threading
from collections.abc import Mapping
from pathlib import Path

from generator.domain.kinds import DocumentKind
from generator.domain.periods import PERIOD_KINDS, PERIODS, valid_year
from generator.inputs.files import period_of
from generator.web.store import DataSet, RequestError
from generator.workflows import pdf
from generator.workflows.documents import Outcome
from generator.workflows.request import Request
from generator.workflows.request import make as make_document

PLAN, REPORT, DRAFT = DocumentKind.PLAN, DocumentKind.REPORT, DocumentKind.DRAFT
PERIOD_CHOICES = tuple((kind.code, kind.label) for kind in PERIOD_KINDS)
CONVERSIONS = (".pdf", ".png")
_LIBREOFFICE = threading.Lock()  # one LibreOffice at a time: each takes a core for seconds


def read_request(form: Mapping[str, str], dataset: DataSet) -> Request:
    """The form's fields as a ``Request`` on ``dataset``; a Vietnamese error when one is wrong.

    Documents are written into the set's own output folder, never into a folder of the user's.
    """
    inputs, out = (dataset.inputs,), dataset.outputs
    kind = form.get("loai", "")
    if kind == PLAN:
        return Request(PLAN, inputs, out)
    if kind == REPORT:
        period = form.get("ky", "").upper()
        if period not in PERIODS:
            raise RequestError(f'kỳ báo cáo "{period}" không hợp lệ')
        return Request(REPORT, inputs, out, period=period, year=_year(form.get("nam", ""), "năm báo cáo"))
    if kind == DRAFT:
        progress = form.get("tien_do", "") or None
        if progress is not None and progress not in dataset.workbooks():
            raise RequestError(f'không có bảng "{progress}" trong dữ liệu đã nhận')
        year = _year(form.get("nam_moi", ""), "năm của kế hoạch mới")
        return Request(
            DRAFT, inputs, out / f"du_thao_{year}", year=year,
            progress=dataset.inputs / progress if progress else None,
            drop_done=form.get("bo_da_xong") == "co", overwrite=True,
        )  # fmt: skip
    raise RequestError("chưa chọn loại văn bản (kế hoạch, báo cáo hoặc dự thảo kế hoạch năm sau)")


def _year(text: str, what: str) -> int:
    if not (text.strip().isdigit() and len(text.strip()) <= 4 and valid_year(int(text))):
        raise RequestError(f'{what} "{text}" không hợp lệ (cần dạng 2022)')
    return int(text)


def guess_period(dataset: DataSet, this_year: int) -> tuple[str, int]:
    """The period named by a file of the set (``tien_do_q1_2022.xlsx``), else Q1 of ``this_year``."""
    named = [found for name in dataset.files() if (found := period_of(Path(name)))]
    return max(named, key=lambda p: p[1]) if named else ("Q1", this_year)


def make(dataset: DataSet, request: Request) -> Outcome:
    """Write the requested document into the set's outputs; the run is kept for the result page."""
    outcome = make_document(request)
    for suffix in CONVERSIONS:  # an older PDF or preview would show the previous run
        outcome.path.with_suffix(suffix).unlink(missing_ok=True)
    dataset.results[outcome.path.name] = outcome
    return outcome


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
