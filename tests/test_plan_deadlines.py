"""Deadlines are read when the plan is made, as the report will read them, for every kind of input.

Before, `cchc plan` printed "Trước ngày 31/02/2027" into a plan meant for signature and only
`cchc report`, months later, refused it. Text that names no date ("Sớm nhất có thể", "Theo tiến
độ của cơ quan soạn thảo") is what a signed plan may hold: printed as written, with a notice;
the report gives its task no fixed deadline (#24).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import docx
import openpyxl
import pytest

from tests.conftest import EXAMPLE, WORD_EXAMPLE, run_cli
from tests.handmade_plans import HandPlan

IMPOSSIBLE = 'thời hạn "Trước ngày 31/02/2022": tháng 2 năm 2022 không có ngày 31 (chỉ có 28 ngày)'
UNDATED = ("thời hạn “Sớm nhất có thể” không phải một ngày, tháng, quý hay năm mà cchc đọc được: được in như "
           "đã ghi; báo cáo coi nhiệm vụ này không có thời hạn cố định (không bao giờ tính là quá hạn)")  # fmt: skip


@pytest.mark.parametrize(
    ("example", "book"), [(EXAMPLE, "nhiem_vu.xlsx"), (WORD_EXAMPLE, "ke_hoach.xlsx")], ids=["yaml", "word"]
)
def test_an_impossible_date_stops_the_plan_and_text_without_a_date_is_noted(
    example: Path, book: str, tmp_path: Path
) -> None:
    folder = tmp_path / "du_lieu"
    shutil.copytree(example, folder)
    workbook = openpyxl.load_workbook(folder / book)
    sheet = workbook["Nhiệm vụ"]
    sheet["G3"] = "Trước ngày 31/02/2022"
    sheet["G5"] = "Năm 2022\nSớm nhất có thể"  # one phrase per line: the second is wrong
    workbook.save(folder / book)
    out = tmp_path / "out"
    result = run_cli("plan", folder, "--out", out)
    assert result.exit_code == 1
    where = f'{folder / book}, trang "Nhiệm vụ"'
    assert result.stderr.splitlines() == [f"Lỗi: {where}, ô G3: {IMPOSSIBLE}"]
    assert not out.exists()
    sheet["G3"] = "Trước ngày 28/02/2022"
    workbook.save(folder / book)
    result = run_cli("plan", folder, "--out", out)
    assert result.exit_code == 0, result.stderr
    assert f"Cảnh báo: {where}, ô G5: {UNDATED}" in result.stderr.splitlines()
    (made,) = out.glob("ke_hoach*.docx")
    cells = [c.text for t in docx.Document(str(made)).tables for r in t.rows for c in r.cells]
    assert "Năm 2022\nSớm nhất có thể" in cells


def test_an_imported_plan_notes_the_undated_deadline_and_the_plan_prints_it(tmp_path: Path) -> None:
    source = HandPlan().save(tmp_path / "ke_hoach_2022.docx")
    document = docx.Document(str(source))
    number, table = next(
        (n, t)
        for n, t in enumerate(document.tables, start=1)
        if "THỜI GIAN HOÀN THÀNH" in [c.text for c in t.rows[0].cells]
    )
    row = next(i for i, r in enumerate(table.rows, start=1) if r.cells[0].text == "1")
    table.rows[row - 1].cells[5].text = "Sớm nhất có thể"
    document.save(str(source))
    folder = tmp_path / "du_lieu"

    imported = run_cli("import", source, "--out", folder)
    made = run_cli("plan", folder, "--out", tmp_path / "out")

    assert imported.exit_code == 0, imported.stderr
    assert (
        f"Cảnh báo: {source}, bảng {number}, hàng {row}: {UNDATED}; nếu đó là một thời hạn, hãy sửa ở ô G2 "
        "trang “Nhiệm vụ” của ke_hoach.xlsx"
    ) in imported.stderr.splitlines()
    assert openpyxl.load_workbook(folder / "ke_hoach.xlsx")["Nhiệm vụ"]["G2"].value == "Sớm nhất có thể"
    assert made.exit_code == 0, made.stderr
    assert (
        f'Cảnh báo: {folder / "ke_hoach.xlsx"}, trang "Nhiệm vụ", ô G2: {UNDATED}' in made.stderr.splitlines()
    )
    remade = docx.Document(str(next((tmp_path / "out").glob("ke_hoach*.docx"))))
    assert [c.text for c in remade.tables[2].rows[2].cells][:2] == ["1", "Hoàn thiện hệ thống pháp luật"]
    assert remade.tables[2].rows[2].cells[5].text == "Sớm nhất có thể"


def test_phrases_typed_on_one_line_are_split_at_import(tmp_path: Path) -> None:
    """The published Lộc Thủy plan has "Quý I/2022 Năm 2022" in one cell line: two whole phrases."""
    source = HandPlan().save(tmp_path / "ke_hoach_2022.docx")
    folder = tmp_path / "du_lieu"
    imported = run_cli("import", source, "--out", folder)
    assert imported.exit_code == 0, imported.stderr
    sheet = openpyxl.load_workbook(folder / "ke_hoach.xlsx")["Nhiệm vụ"]
    (cell,) = [c for c in sheet["G"] if c.value and "Quý I/2022" in c.value and "Năm 2022" in c.value]
    assert cell.value == "Quý I/2022\nNăm 2022"
    notes = [line for line in imported.stderr.splitlines() if "viết liền" in line]
    assert len(notes) == 1
    assert notes[0].endswith(
        f"thời hạn “Quý I/2022 Năm 2022” là 2 thời hạn viết liền: đã tách mỗi thời hạn một dòng ở ô "
        f"{cell.coordinate} trang “Nhiệm vụ” của ke_hoach.xlsx, hãy xem lại"
    )
    assert run_cli("plan", folder, "--out", tmp_path / "out").exit_code == 0


def test_rollover_reads_last_years_plan_as_the_plan_does(example: Path, tmp_path: Path) -> None:
    workbook = openpyxl.load_workbook(example / "nhiem_vu.xlsx")
    workbook["Nhiệm vụ"]["G7"] = "Trước ngày 31/02/2022"
    workbook.save(example / "nhiem_vu.xlsx")
    result = run_cli("rollover", example, "--year", "2023", "--out", tmp_path / "2023")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f'Lỗi: {example / "nhiem_vu.xlsx"}, trang "Nhiệm vụ", ô G7: {IMPOSSIBLE}'
    ]
    assert not (tmp_path / "2023").exists()
