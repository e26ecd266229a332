"""Appendix groups: a plan prints the groups that have tasks, with the numerals of the Nhóm column.

A commune plan with tasks in three of the seven groups is normal; `cchc plan` refused it
("nhóm III … không có nhiệm vụ nào"). The report's Phụ lục I lists the same groups.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import docx
import openpyxl
import pytest

from tests.conftest import EXAMPLE, WORD_EXAMPLE, run_cli
from tests.docx_text import table_rows

KEPT = ("I", "IV", "VII")
TITLES = {"I": "Cải cách thể chế", "IV": "Cải cách chế độ công vụ", "VII": "Công tác chỉ đạo, điều hành"}
ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII")


def keep_groups(folder: Path, book: str, kept: tuple[str, ...]) -> None:
    """Delete the task rows (and their progress rows) of every group not in ``kept``."""
    for name, sheet_name in ((book, "Nhiệm vụ"), ("tien_do_q1_2022.xlsx", "Tiến độ")):
        workbook = openpyxl.load_workbook(folder / name)
        sheet = workbook[sheet_name]
        for row in range(sheet.max_row, 1, -1):
            value = str(sheet.cell(row, 1).value or "")
            if value and value.split(".")[0] not in kept:
                sheet.delete_rows(row)
        workbook.save(folder / name)


def group_rows(path: Path) -> list[list[tuple[str, str]]]:
    """The (numeral, title) rows of each table of the document that has any."""
    found = []
    for table in docx.Document(str(path)).tables:
        rows = [(r[0], r[1]) for r in table_rows(table) if len(r) >= 2 and r[0] in ROMAN]
        if rows:
            found.append(rows)
    return found


@pytest.mark.parametrize(
    ("example", "book"), [(EXAMPLE, "nhiem_vu.xlsx"), (WORD_EXAMPLE, "ke_hoach.xlsx")], ids=["yaml", "word"]
)
def test_a_plan_and_its_report_print_the_groups_that_have_tasks(
    example: Path, book: str, tmp_path: Path
) -> None:
    folder, out = tmp_path / "du_lieu", tmp_path / "out"
    shutil.copytree(example, folder)
    keep_groups(folder, book, KEPT)

    plan = run_cli("plan", folder, "--out", out)
    report = run_cli("report", "--period", "Q1", "--year", "2022", folder, "--out", out)

    assert plan.exit_code == 0, plan.stderr
    assert report.exit_code == 0, report.stderr
    expected = [(numeral, TITLES[numeral]) for numeral in KEPT]
    assert group_rows(out / "ke_hoach_cchc_2022_xa_loc_thuy.docx") == [expected]
    appendix, summary = group_rows(out / "bao_cao_cchc_q1_2022_xa_loc_thuy.docx")
    assert appendix == expected
    assert summary == expected  # the count per group, then "Tổng cộng"


def test_a_plan_without_any_task_is_an_error(example: Path, tmp_path: Path) -> None:
    book = example / "nhiem_vu.xlsx"
    workbook = openpyxl.load_workbook(book)
    workbook["Nhiệm vụ"].delete_rows(2, workbook["Nhiệm vụ"].max_row)
    workbook.save(book)
    result = run_cli("plan", example, "--out", tmp_path / "out")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f'Lỗi: {book}, trang "Nhiệm vụ": phụ lục không có nhiệm vụ nào: cần ít nhất một dòng có Nhóm và '
        "Nhiệm vụ cụ thể"
    ]


def test_yaml_group_titles_rename_and_add_groups(example: Path, tmp_path: Path) -> None:
    """Numbered in order (I, II, III) by renaming groups: the way docs/thu-muc-lam-viec.md gives."""
    plan = example / "ke_hoach.yaml"
    text = plan.read_text(encoding="utf-8")
    old = "  phu_luc:\n"
    assert old in text
    plan.write_text(
        text.replace(
            old, old + "    nhom:\n      II: Cải cách chế độ công vụ\n      viii: Công tác thi đua\n"
        ),
        encoding="utf-8",
    )
    keep_groups(example, "nhiem_vu.xlsx", ("I", "IV", "VII"))
    workbook = openpyxl.load_workbook(example / "nhiem_vu.xlsx")
    for row in workbook["Nhiệm vụ"].iter_rows(min_row=2):
        row[0].value = {"IV": "II", "VII": "VIII"}.get(str(row[0].value), row[0].value)
    workbook.save(example / "nhiem_vu.xlsx")
    out = tmp_path / "out"
    result = run_cli("plan", example, "--out", out)
    assert result.exit_code == 0, result.stderr
    assert group_rows(out / "ke_hoach_cchc_2022_xa_loc_thuy.docx") == [
        [("I", "Cải cách thể chế"), ("II", "Cải cách chế độ công vụ"), ("VIII", "Công tác thi đua")]
    ]


def test_a_yaml_group_that_is_not_a_numeral(example: Path, tmp_path: Path) -> None:
    plan = example / "ke_hoach.yaml"
    text = plan.read_text(encoding="utf-8")
    plan.write_text(
        text.replace("  phu_luc:\n", "  phu_luc:\n    nhom:\n      Nhóm 2: Thủ tục\n      III:\n"), "utf-8"
    )
    result = run_cli("plan", example, "--out", tmp_path / "out")
    assert result.exit_code == 1
    line = text[: text.index("  phu_luc:\n")].count("\n") + 1
    assert result.stderr.splitlines() == [
        f'Lỗi: {plan}:{line + 2} (ke_hoach.phu_luc.nhom.Nhóm 2): "Nhóm 2" không phải số La Mã của nhóm '
        "(I, II, … như ở cột Nhóm)",
        f"Lỗi: {plan}:{line + 3} (ke_hoach.phu_luc.nhom.III): cần tên nhóm (một đoạn văn bản)",
    ]


def test_word_group_titles_come_from_the_plan_sheet(tmp_path: Path) -> None:
    folder, out = tmp_path / "du_lieu", tmp_path / "out"
    shutil.copytree(WORD_EXAMPLE, folder)
    keep_groups(folder, "ke_hoach.xlsx", KEPT)
    workbook = openpyxl.load_workbook(folder / "ke_hoach.xlsx")
    row = next(r for r in workbook["Kế hoạch"].iter_rows(min_row=2) if r[0].value == "Tên nhóm IV")
    row[1].value = "Cải cách chế độ công vụ, công chức"
    workbook.save(folder / "ke_hoach.xlsx")
    result = run_cli("plan", folder, "--out", out)
    assert result.exit_code == 0, result.stderr
    assert group_rows(out / "ke_hoach_cchc_2022_xa_loc_thuy.docx") == [
        [("I", TITLES["I"]), ("IV", "Cải cách chế độ công vụ, công chức"), ("VII", TITLES["VII"])]
    ]
