"""What a Sở Nội vụ reviewer checks in the example's reports and plan (#23), each point on a
document cchc wrote, opened again from disk. The expected figures are counted by hand from
inputs/loc_thuy (tien_do_nam_2022.xlsx: 29 numbered tasks, the sub-row of I.1 not counted).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import docx
import openpyxl
import pytest
from docx.document import Document
from docx.table import Table
from docx.text.paragraph import Paragraph

from generator.domain.sheets import FIGURES_SHEET, REPORT_SHEET, TTHC_SHEET, UNIT_SHEET
from tests.conftest import WORD_EXAMPLE, run_cli
from tests.docx_text import table_rows


def paragraphs(document: Document) -> list[str]:
    return [b.text for b in document.iter_inner_content() if isinstance(b, Paragraph) and b.text.strip()]


def tables(document: Document) -> list[Table]:
    return [b for b in document.iter_inner_content() if isinstance(b, Table)]


@pytest.fixture(scope="module")
def year_report(tmp_path_factory: pytest.TempPathFactory) -> Document:
    out = tmp_path_factory.mktemp("nam")
    result = run_cli("report", "--period", "NAM", "--year", "2022", WORD_EXAMPLE, "--out", out)
    assert result.exit_code == 0, result.stderr
    return docx.Document(str(out / "bao_cao_cchc_nam_2022_xa_loc_thuy.docx"))


def test_the_year_report_counts_the_whole_plan(year_report: Document) -> None:
    """Item 1: a deadline "Năm 2022" (31/12) falls after the 14/12 cut-off, yet the year report
    closes the plan: all 29 tasks are due; 23 done (3 of them late), 4 ongoing, 1 not started
    and 1 overdue are the 6 unfinished at year end."""
    sentence = next(
        t for t in paragraphs(year_report) if t.startswith("Kế hoạch cải cách hành chính năm 2022 có")
    )
    assert sentence == (
        "Kế hoạch cải cách hành chính năm 2022 có 29 nhiệm vụ; đến ngày 14/12/2022 đã hoàn thành 23 nhiệm vụ "
        "(79,3%), trong đó 3 nhiệm vụ hoàn thành quá hạn; đang thực hiện 4, chưa thực hiện 1, quá hạn 1. "
        "Có 29 nhiệm vụ có thời hạn đến hết năm 2022, trong đó 20 nhiệm vụ hoàn thành đúng hạn; đến ngày "
        "14/12/2022 còn 6 nhiệm vụ chưa hoàn thành (chi tiết tại Phụ lục I)."
    )
    states = [row[4] for row in table_rows(tables(year_report)[3])[1:] if len(row) == 7]
    unfinished = [s for s in states if s.startswith("Chưa hoàn thành")]
    assert sorted(unfinished) == sorted(
        ["Chưa hoàn thành (đang thực hiện)"] * 4
        + ["Chưa hoàn thành (chưa thực hiện)", "Chưa hoàn thành (quá hạn)"]
    )


def test_the_year_report_rates_on_numbered_tasks(year_report: Document) -> None:
    """Item 2: the totals row of Phụ lục I counts 29 tasks, not the 30 rows of the appendix."""
    counts = table_rows(tables(year_report)[4])
    assert counts[-1] == ["", "Tổng cộng", "29", "20", "3", "4", "1", "1"]


def test_the_year_report_is_addressed_and_dated_after_its_cut_off(year_report: Document) -> None:
    """Items 5 and 14: dated 15/12/2022, after the 14/12 cut-off (no estimate wording); two Kính
    gửi lines, so Nơi nhận starts with "- Như trên;"."""
    texts = paragraphs(year_report)
    # ND 30 ô 9a: "Kính gửi:", then one recipient a line, the dashes aligned at one tab stop
    start = texts.index("Kính gửi:\t- UBND huyện Phú Lộc;")
    assert texts[start + 1] == "\t- Phòng Nội vụ huyện Phú Lộc."
    styles = {
        p.style.name if p.style else ""
        for p in year_report.paragraphs
        if p.text.startswith(("Kính gửi:", "\t- "))
    }
    assert styles == {"ND30 Kính gửi nhiều nơi"}
    opening = next(t for t in texts if t.startswith("Thực hiện Kế hoạch số"))
    assert "(số liệu tính từ ngày 15/12/2021 đến ngày 14/12/2022)" in opening
    recipients = next(c for t in tables(year_report) for row in table_rows(t) for c in row if "Nơi nhận" in c)
    assert recipients.splitlines()[1] == "- Như trên;"


def set_cell(path: Path, sheet: str, cell: str, value: object) -> None:
    book = openpyxl.load_workbook(path)
    book[sheet][cell] = value  # type: ignore[assignment]
    book.save(path)


def report(folder: Path, out: Path, period: str = "Q1") -> tuple[int, list[str], Path]:
    result = run_cli("report", "--period", period, "--year", "2022", folder, "--out", out)
    return (
        result.exit_code,
        result.stderr.splitlines(),
        out / f"bao_cao_cchc_{period.lower()}_2022_xa_loc_thuy.docx",
    )


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    target = tmp_path / "loc_thuy"
    shutil.copytree(WORD_EXAMPLE, target)
    return target


def row_of(path: Path, sheet: str, first: str) -> int:
    book = openpyxl.load_workbook(path)
    return next(r for r in range(1, 100) if book[sheet].cell(r, 1).value == first)


def test_a_report_dated_before_its_cut_off_says_its_figures_are_estimated(
    folder: Path, tmp_path: Path
) -> None:
    """Item 5: dated 20/02/2022, the quý I report (window to 14/3) warns naming the cut-off, and
    its opening says the figures are estimated; IV.4, completed 25/02/2022, is warned."""
    book = folder / "tien_do_q1_2022.xlsx"
    date_row = row_of(book, REPORT_SHEET, "Ngày ban hành")
    set_cell(book, REPORT_SHEET, f"B{date_row}", "20/02/2022")
    code, lines, written = report(folder, tmp_path / "out")
    assert code == 0, lines
    assert any(
        f"ô B{date_row}: ngày ban hành 20/02/2022 trước ngày chốt số liệu 14/03/2022" in line
        for line in lines
    )
    late = [line for line in lines if "sau ngày ban hành báo cáo 20/02/2022" in line]
    assert len(late) == 1
    assert "nhiệm vụ IV.4 ghi ngày hoàn thành 25/02/2022" in late[0]
    opening = paragraphs(docx.Document(str(written)))[3]
    assert "(số liệu tính từ ngày 15/12/2021 ước đến ngày 14/3/2022)" in opening


def test_a_report_dated_before_its_period_starts_is_warned(folder: Path, tmp_path: Path) -> None:
    """A quý I report dated 10/12/2021, before its window opens on 15/12/2021: copied from another
    period's file, most likely."""
    book = folder / "tien_do_q1_2022.xlsx"
    date_row = row_of(book, REPORT_SHEET, "Ngày ban hành")
    set_cell(book, REPORT_SHEET, f"B{date_row}", "10/12/2021")
    code, lines, _ = report(folder, tmp_path / "out")
    assert code == 0, lines
    assert any(
        f"ô B{date_row}: ngày ban hành 10/12/2021 trước cả ngày đầu kỳ 15/12/2021 của quý I năm 2022" in line
        for line in lines
    )


def test_the_plan_warns_of_tasks_due_before_it_is_issued(folder: Path, tmp_path: Path) -> None:
    """Item 5: the seed's tasks due "Tháng 12/2021" in a plan dated 07/01/2022, each at its cell;
    item 14: "Lưu: VP." (as the signed plan has it) is written as the data says, with a warning
    at its cell."""
    book = folder / "ke_hoach.xlsx"
    archive = row_of(book, UNIT_SHEET, "Lưu")
    set_cell(book, UNIT_SHEET, f"B{archive}", "VP")
    result = run_cli("plan", folder, "--out", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    late = [
        line for line in result.stderr.splitlines() if "trước ngày ban hành kế hoạch (07/01/2022)" in line
    ]
    assert len(late) == 7  # II.1, II.2, IV.1 (Quý IV/2021), VII.1–VII.4
    assert all('trang "Nhiệm vụ", ô G' in line for line in late)
    assert any(
        f'ô B{archive}: "Lưu: VP.": dòng "Lưu:" bắt đầu bằng VT' in line
        for line in result.stderr.splitlines()
    )
    document = docx.Document(str(tmp_path / "out" / "ke_hoach_cchc_2022_xa_loc_thuy.docx"))
    assert "- Lưu: VP." in table_rows(tables(document)[1])[0][0].splitlines()


def test_a_denominator_above_the_files_of_the_window_is_warned(folder: Path, tmp_path: Path) -> None:
    """Item 4: digitised results out of 384 files received, where Biểu 06 resolved 379."""
    book = folder / "tien_do_q1_2022.xlsx"
    row = row_of(book, FIGURES_SHEET, "ty_le_so_hoa_ket_qua")
    set_cell(book, FIGURES_SHEET, f"D{row}", 384)
    code, lines, _ = report(folder, tmp_path / "out")
    assert code == 0, lines
    assert any(
        f'ô D{row}: mẫu số của "ty_le_so_hoa_ket_qua" (384) lớn hơn số hồ sơ đã giải quyết trong kỳ ở Biểu 06 (379)'
        in line
        for line in lines
    )


def test_carried_over_files_come_from_the_previous_period(folder: Path, tmp_path: Path) -> None:
    """Item 6: with the previous period's workbook in the folder (năm 2021, window to 14/12/2021),
    "Từ kỳ trước" is its pending files; a different typed figure is warned with both cells."""
    previous = folder / "tien_do_nam_2021.xlsx"
    shutil.copy(folder / "tien_do_q1_2022.xlsx", previous)  # pending: Hộ tịch 3, Đất đai 4, …
    code, lines, _ = report(folder, tmp_path / "typed")
    assert code == 0, lines
    carried = [line for line in lines if "từ kỳ trước ghi" in line]
    assert any(
        '"Hộ tịch": từ kỳ trước ghi 2, nhưng kỳ trước còn 3 hồ sơ đang giải quyết' in line for line in carried
    )
    assert all(str(previous) in line for line in carried)
    # Without the column (nor the pending split), the figures come from the previous period.
    book = openpyxl.load_workbook(folder / "tien_do_q1_2022.xlsx")
    sheet = book[TTHC_SHEET]
    for title in ("Đang giải quyết quá hạn", "Đang giải quyết trong hạn", "Từ kỳ trước"):
        sheet.delete_cols(next(c for c in range(1, 30) if sheet.cell(1, c).value == title))
    book.save(folder / "tien_do_q1_2022.xlsx")
    code, lines, written = report(folder, tmp_path / "taken")
    assert code == 0, lines
    form = table_rows(tables(docx.Document(str(written)))[6])
    hotich = next(row for row in form if row[1] == "Hộ tịch")
    # (6) = 3 pending at the end of năm 2021; (3) = 64 + 54 + 3 = 121; (11) = 121 - 117 = 4
    assert hotich[2:] == ["121", "64", "54", "3", "117", "35", "82", "0", "4", "", ""]
