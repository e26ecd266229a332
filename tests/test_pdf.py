"""LibreOffice lays the example plan out: title on page 1, a page number on page 2 only."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from generator.errors import OutputError
from generator.workflows import pdf
from tests.libreoffice import require_libreoffice

pytestmark = pytest.mark.libreoffice


@pytest.fixture(scope="module")
def plan_pdf(plan_docx: Path, tmp_path_factory: pytest.TempPathFactory) -> PdfReader:
    require_libreoffice()
    (path,) = pdf.convert([plan_docx], tmp_path_factory.mktemp("pdf"))
    return PdfReader(path)


def page_lines(reader: PdfReader, index: int) -> list[str]:
    return [line.strip() for line in reader.pages[index].extract_text().splitlines() if line.strip()]


def test_title_on_page_one_without_a_number(plan_pdf: PdfReader) -> None:
    lines = page_lines(plan_pdf, 0)
    assert "KẾ HOẠCH" in lines
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in " ".join(lines)
    assert not lines[0].isdigit()


def test_page_number_on_page_two(plan_pdf: PdfReader) -> None:
    assert page_lines(plan_pdf, 1)[0] == "2"


def test_appendix_pages_are_landscape_and_numbered_afresh(plan_pdf: PdfReader) -> None:
    first_landscape = next(
        i for i, page in enumerate(plan_pdf.pages) if page.mediabox.width > page.mediabox.height
    )
    assert page_lines(plan_pdf, first_landscape)[0] == "Phụ lục"
    assert page_lines(plan_pdf, first_landscape + 1)[0] == "2"
    assert all(p.mediabox.width < p.mediabox.height for p in plan_pdf.pages[:first_landscape])


def test_missing_libreoffice_is_explained(monkeypatch: pytest.MonkeyPatch, plan_docx: Path) -> None:
    monkeypatch.setenv("CCHC_SOFFICE", "/khong/co/soffice")
    with pytest.raises(OutputError) as caught:
        pdf.convert([plan_docx])
    assert "không tìm thấy LibreOffice" in str(caught.value)
    assert "fonts-liberation2" in str(caught.value)
