"""What the page makes: a document through the pipeline, then its PDF and page images on demand.

The documents come from ``workflows.request.make``, the very call behind ``cchc plan``,
``cchc report`` and ``cchc rollover``; the PDF from ``workflows.pdf`` (LibreOffice, one at a
time) and the page images from ``workflows.preview``. A form's own mistakes (no period, a bad
year, a period without files) are ``RequestError``s, told apart from the data's errors.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping
from pathlib import Path

from generator.domain.kinds import DocumentKind
from generator.domain.periods import PERIOD_KINDS, PERIODS, valid_year
from generator.web.store import DataSet
from generator.web.uploads import RequestError
from generator.workflows import pdf
from generator.workflows.documents import Outcome
from generator.workflows.isolated import run_limited
from generator.workflows.request import Request
from generator.workflows.request import make as make_document
from generator.workflows.survey import YEAR_END, FolderSurvey, PeriodFiles

PLAN, REPORT, DRAFT = DocumentKind.PLAN, DocumentKind.REPORT, DocumentKind.DRAFT
PERIOD_CHOICES = tuple((kind.code, kind.label) for kind in PERIOD_KINDS)
_LIBREOFFICE = threading.Lock()  # one LibreOffice at a time: each takes a core for seconds
REVIEW = "Cần người xem lại"  # the change list's section a person must read first


def read_request(form: Mapping[str, str], dataset: DataSet, found: FolderSurvey) -> Request:
    """The form's fields as a ``Request`` on ``dataset``; a ``RequestError`` when one is wrong.

    Documents are written into the set's own output folder, never into a folder of the user's.
    """
    inputs, out = (dataset.inputs,), dataset.outputs
    kind = form.get("loai", "")
    template = dataset.template if dataset.template_kind == kind else None
    if kind == PLAN:
        return Request(PLAN, inputs, out, template=template)
    if kind == REPORT:
        period = form.get("ky", "").upper()
        if period not in PERIODS:
            raise RequestError(f'kỳ báo cáo "{period}" không hợp lệ' if period else "chưa chọn kỳ báo cáo")
        year = _year(form.get("nam", ""), "năm báo cáo")
        _has_files(found, period, year)
        return Request(REPORT, inputs, out, period=period, year=year, template=template)
    if kind == DRAFT:
        return _draft(form, dataset, found)
    raise RequestError("chưa chọn loại văn bản (kế hoạch, báo cáo hoặc dự thảo kế hoạch năm sau)")


def _draft(form: Mapping[str, str], dataset: DataSet, found: FolderSurvey) -> Request:
    progress = form.get("tien_do", "") or None
    if progress is not None and progress not in dict(found.progress_books):
        raise RequestError(f'không có bảng tiến độ "{progress}" trong dữ liệu đã nhận')
    year = _year(form.get("nam_moi", ""), "năm của kế hoạch mới")
    if found.plan_year is not None and year <= found.plan_year:
        raise RequestError(
            f"năm của kế hoạch mới ({year}) phải sau năm của kế hoạch đang có ({found.plan_year}); "
            f"ví dụ {found.plan_year + 1}"
        )
    return Request(
        DRAFT, (dataset.inputs,), dataset.outputs / f"du_thao_{year}", year=year,
        progress=dataset.inputs / progress if progress else None,
        drop_done=form.get("bo_da_xong") == "co" and progress is not None, overwrite=True,
    )  # fmt: skip


def _year(text: str, what: str) -> int:
    if not (text.strip().isdigit() and len(text.strip()) <= 4 and valid_year(int(text))):
        raise RequestError(f'{what} "{text}" không hợp lệ (cần dạng 2022)')
    return int(text)


def _has_files(found: FolderSurvey, code: str, year: int) -> None:
    """A report for a period that has no file of its own says what to add, not a missing YAML part."""
    if found.report_files(code, year) is not None:
        return
    label = PeriodFiles(code, year, None, None).label
    words = f"bao_cao_{code.lower()}_{year}.{'yaml' if found.yaml else 'docx'}"
    having = ", ".join(p.label for p in found.periods) or "chưa kỳ nào"
    raise RequestError(
        f"chưa có tệp nào cho báo cáo {label}: cần {words} (lời văn) và tien_do_{code.lower()}_{year}.xlsx "
        f"(tiến độ, số liệu; tải bảng điền sẵn ở mục Báo cáo). Các kỳ đã có tệp: {having}"
    )


def progress_caution(request: Request, found: FolderSurvey) -> list[str]:
    """A draft from a progress workbook that is not the year's: the page says what that means."""
    if request.progress is None:
        return []
    period = dict(found.progress_books).get(request.progress.name)
    if period is not None and period[0] in YEAR_END:
        return []
    what = f"số liệu {PeriodFiles(*period, None, None).label}" if period else "không rõ của kỳ nào"
    return [
        f"{request.progress.name} là {what}, chưa phải số liệu cả năm: nhiệm vụ hoàn thành sau ngày chốt "
        "của bảng này vẫn bị coi là chưa hoàn thành và được chuyển tiếp sang năm mới. Nên dùng bảng tiến độ "
        "của báo cáo năm (ví dụ tien_do_nam_<năm>.xlsx)."
    ]


def make(dataset: DataSet, request: Request, notes: list[str] | None = None) -> Outcome:
    """Write the requested document into the set's outputs; the run is kept for the result page.

    A template of the user's renders in a child process with memory and time limits, so one that
    exhausts them costs a message, not the page (docs/security.md §8); cchc's own render here.
    """
    if request.template is None:
        outcome = make_document(request)
    else:
        outcome = run_limited(make_document, request, template=request.template.name)
    stem = outcome.path.stem
    for old in outcome.path.parent.glob(f"{stem}*"):  # an older PDF or page image shows the last run
        if old.suffix in (".pdf", ".png"):
            old.unlink(missing_ok=True)
    dataset.results[outcome.path.name] = outcome
    dataset.notes[outcome.path.name] = notes or []
    return outcome


def pdf_of(document: Path) -> Path:
    """The PDF of ``document``, made once by LibreOffice and kept."""
    target = document.with_suffix(".pdf")
    with _LIBREOFFICE:
        if not target.is_file():
            pdf.convert([document])
    return target


def page_images(document: Path) -> list[Path]:
    """Every page of ``document`` as an image (``<stem>-trang-<n>.png``), made once from its PDF."""
    from generator.workflows.preview import page_images as draw

    made = sorted(document.parent.glob(f"{document.stem}-trang-*.png"), key=_page_number)
    if made:
        return made
    source = pdf_of(document)
    with _LIBREOFFICE:  # one drawing at a time too: it takes a core
        return draw(source, document.parent, document.stem)


def _page_number(path: Path) -> int:
    return int(path.stem.rsplit("-", 1)[1])


def libreoffice_present() -> bool:
    return pdf.find_soffice() is not None


def review_first(change_list: str) -> list[str]:
    """The items of the change list's "Cần người xem lại" section (``change_list.Changes.text``)."""
    lines = change_list.splitlines()
    start = next((i for i, line in enumerate(lines) if line.startswith(REVIEW + ":")), None)
    if start is None:
        return []
    items = []
    for line in lines[start + 1 :]:
        if not line.startswith("  - "):
            break
        items.append(line.removeprefix("  - "))
    return items
