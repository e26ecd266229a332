"""Deadlines are read when the plan is made, as the report will read them, for every kind of input.

Before, `cchc plan` printed "Trước ngày 31/02/2027" or "Sớm nhất có thể" into a plan meant for
signature and only `cchc report`, months later, refused them.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import docx
import openpyxl
import pytest

from generator.domain.deadlines import accepted_forms
from tests.conftest import EXAMPLE, WORD_EXAMPLE, run_cli
from tests.handmade_plans import HandPlan

IMPOSSIBLE = 'thời hạn "Trước ngày 31/02/2022": tháng 2 năm 2022 không có ngày 31 (chỉ có 28 ngày)'
UNKNOWN = f'không hiểu thời hạn "Sớm nhất có thể"; cách ghi được nhận: {accepted_forms(2022)}'


@pytest.mark.parametrize(
    ("example", "book"), [(EXAMPLE, "nhiem_vu.xlsx"), (WORD_EXAMPLE, "ke_hoach.xlsx")], ids=["yaml", "word"]
)
def test_a_deadline_the_report_cannot_read_stops_the_plan(example: Path, book: str, tmp_path: Path) -> None:
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
    assert result.stderr.splitlines() == [
        f"Lỗi: {where}, ô G3: {IMPOSSIBLE}",
        f"Lỗi: {where}, ô G5: {UNKNOWN}",
    ]
    assert not out.exists()


def test_an_imported_plan_notes_the_deadline_and_the_plan_refuses_it(tmp_path: Path) -> None:
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
        f"Cảnh báo: {source}, bảng {number}, hàng {row}: {UNKNOWN} — cchc plan, cchc rollover sẽ báo lỗi cho tới khi sửa ô G2 "
        "trang “Nhiệm vụ” của ke_hoach.xlsx"
    ) in imported.stderr.splitlines()
    assert openpyxl.load_workbook(folder / "ke_hoach.xlsx")["Nhiệm vụ"]["G2"].value == "Sớm nhất có thể"
    assert made.exit_code == 1
    assert made.stderr.splitlines() == [f'Lỗi: {folder / "ke_hoach.xlsx"}, trang "Nhiệm vụ", ô G2: {UNKNOWN}']


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
    workbook["Nhiệm vụ"]["G7"] = "Sớm nhất có thể"
    workbook.save(example / "nhiem_vu.xlsx")
    result = run_cli("rollover", example, "--year", "2023", "--out", tmp_path / "2023")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f'Lỗi: {example / "nhiem_vu.xlsx"}, trang "Nhiệm vụ", ô G7: {UNKNOWN}'
    ]
    assert not (tmp_path / "2023").exists()
