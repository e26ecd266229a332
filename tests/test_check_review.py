"""`cchc check` finds what a Sở Nội vụ reviewer sends back (#23 item 17), each in a copy of the
example's quý I report changed to have that one defect, and nothing in the report as cchc wrote it.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import docx
import pytest
from docx.document import Document
from docx.oxml.ns import qn
from docx.table import Table

from generator.check.checker import check_file
from generator.check.findings import Severity
from tests.conftest import WORD_EXAMPLE, run_cli


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("q1")
    result = run_cli("report", "--period", "Q1", "--year", "2022", WORD_EXAMPLE, "--out", out)
    assert result.exit_code == 0, result.stderr
    return out / "bao_cao_cchc_q1_2022_xa_loc_thuy.docx"


def findings(path: Path, rule: str) -> list[str]:
    return [str(f) for f in check_file(path).findings if f.rule == rule and f.severity is Severity.WARNING]


def test_the_report_as_written_has_no_reviewer_finding(written: Path) -> None:
    report = check_file(written)
    assert [f for f in report.findings if f.severity is Severity.ERROR] == []
    for rule in ("bieu_06", "phu_luc_chu", "kem_theo", "luu_vt", "ngay_truoc_ky", "trang_trang"):
        assert findings(written, rule) == []


def tables(document: Document) -> list[Table]:
    return [b for b in document.iter_inner_content() if isinstance(b, Table)]


def capital_heading(document: Document) -> None:
    piece = next(p for p in document.paragraphs if p.text == "Phụ lục I")
    piece.runs[0].text = "PHỤ LỤC I"


def short_issuer(document: Document) -> None:
    piece = next(p for p in document.paragraphs if p.text.startswith("(Kèm theo"))
    for run in piece.runs:
        run.text = run.text.replace("UBND xã Lộc Thủy", "UBND xã")


def early_date(document: Document) -> None:
    cell = tables(document)[0].rows[1].cells[1]
    for run in cell.paragraphs[0].runs:
        run.text = run.text.replace("ngày 15 tháng 3", "ngày 10 tháng 3")


def copied_date(document: Document) -> None:
    cell = tables(document)[0].rows[1].cells[1]
    for run in cell.paragraphs[0].runs:
        run.text = run.text.replace("ngày 15 tháng 3 năm 2022", "ngày 10 tháng 12 năm 2021")


def roomy_break(document: Document) -> None:
    body = document.element.body
    paragraph = next(
        p
        for p in body.iterchildren(qn("w:p"))
        if p.pPr is not None and p.pPr.find(qn("w:sectPr")) is not None
    )
    spacing = paragraph.pPr.find(qn("w:spacing"))
    paragraph.pPr.remove(spacing)


def broken_total(document: Document) -> None:
    row = tables(document)[6].rows[4]  # Hộ tịch: 120 = 64 + 54 + 2
    row.cells[2].paragraphs[0].runs[0].text = "121"


def carried_under_in_which(document: Document) -> None:
    """The layout the old template had: "Từ kỳ trước" on the third header row."""
    second, third = (tables(document)[6].rows[i]._tr for i in (1, 2))
    for tc in (second.tc_lst[4], third.tc_lst[5]):
        for t in tc.iter(qn("w:t")):
            t.text = ""
    third.tc_lst[5].iter(qn("w:p")).__next__().append(
        docx.oxml.parse_xml(
            '<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:t>Từ kỳ trước</w:t></w:r>'
        )
    )


@pytest.mark.parametrize(
    ("change", "rule", "expected"),
    [
        (capital_heading, "phu_luc_chu", 'tiêu đề phụ lục viết "Phụ lục" (chữ thường, đậm)'),
        (short_issuer, "kem_theo", 'dòng "Kèm theo" cần ghi đủ tên cơ quan ban hành'),
        (early_date, "ngay_truoc_ky", "báo cáo đề ngày 10/03/2022, trước ngày chốt số liệu 14/03/2022"),
        (copied_date, "ngay_truoc_ky", "báo cáo đề ngày 10/12/2021, trước cả ngày đầu kỳ 15/12/2021"),
        (roomy_break, "trang_trang", "đoạn này tạo ra một trang trắng"),
        (broken_total, "bieu_06", "(3) = (4) + (5) + (6) không đúng: (3) = 121, tổng các cột là 120"),
        (carried_under_in_which, "bieu_06", '"Từ kỳ trước" là một cột riêng bên cạnh "Trong đó"'),
    ],
    ids=["PHỤ LỤC", "kèm theo", "dated early", "dated before the period", "blank page", "identity", "header"],
)
def test_each_defect_is_found_at_its_place(
    written: Path, tmp_path: Path, change: Callable[[Document], None], rule: str, expected: str
) -> None:
    path = tmp_path / "changed.docx"
    shutil.copy(written, path)
    document = docx.Document(str(path))
    change(document)
    document.save(str(path))
    found = findings(path, rule)
    assert any(expected in line for line in found), found
    assert all(line.startswith(("đoạn", "bảng")) for line in found if expected in line)


def test_an_archive_line_without_vt_is_found(written: Path, tmp_path: Path) -> None:
    """ "- Lưu: VP.", as the signed Lộc Thủy plan has it (docs/nd30-format.md §9)."""
    assert findings(written, "luu_vt") == []
    path = tmp_path / "changed.docx"
    document = docx.Document(str(written))
    for paragraph in (p for t in tables(document) for row in t.rows for c in row.cells for p in c.paragraphs):
        if paragraph.text == "- Lưu: VT, VP.":
            paragraph.runs[0].text = "- Lưu: VP."
            for run in paragraph.runs[1:]:
                run.text = ""
    document.save(str(path))
    assert any('"- Lưu: VP."' in line for line in findings(path, "luu_vt"))
