"""A unit's own indicators, the "Chỉ số riêng" sheet of the plan workbook (issue 13 item 7;
docs/targets-and-indicators.md §7): named by the "Chỉ tiêu" sheet, counted on "Số liệu", judged
like cchc's own — each checked on the report the CLI writes or on the exact messages it prints.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import openpyxl
import pytest

from generator.workflows.workspace import progress_workbook
from tests.conftest import WORD_EXAMPLE, run_cli
from tests.test_report_judging import targets

CODE = "ty_le_chung_thuc_dien_tu"
LABEL = "Tỷ lệ hồ sơ chứng thực điện tử"
CUSTOM = ("Mã", "Tên chỉ số", "Tử số", "Mẫu số", "Kỳ đánh giá")


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """The Word and Excel example with one indicator of its own, on a sentence that had none."""
    target = tmp_path / "loc_thuy"
    shutil.copytree(WORD_EXAMPLE, target)
    add_custom(target, [(CODE, LABEL, "Hồ sơ chứng thực điện tử", "Hồ sơ chứng thực", "Năm")])
    book = openpyxl.load_workbook(target / "ke_hoach.xlsx")
    sheet = book["Chỉ tiêu"]
    row = next(
        r for r in range(2, sheet.max_row + 1) if sheet.cell(r, 1).value and not sheet.cell(r, 2).value
    )
    sheet.cell(row, 2).value = CODE  # "… chứng thực điện tử … đảm bảo đạt 100%": not measured until now
    book.save(target / "ke_hoach.xlsx")
    return target


def add_custom(folder: Path, rows: list[tuple[str | None, ...]]) -> None:
    book = openpyxl.load_workbook(folder / "ke_hoach.xlsx")
    sheet = book.create_sheet("Chỉ số riêng")
    for row in [CUSTOM, *rows]:
        sheet.append(row)
    book.save(folder / "ke_hoach.xlsx")


def add_figure(folder: Path, name: str, row: tuple[str | int | None, ...]) -> int:
    """Append ``row`` to the "Số liệu" sheet of ``name``; its row number."""
    book = openpyxl.load_workbook(folder / name)
    sheet = book["Số liệu"]
    sheet.append(row)
    book.save(folder / name)
    return int(sheet.max_row)


def report(folder: Path, out: Path, period: str) -> tuple[int, list[str]]:
    result = run_cli("report", "--period", period, "--year", "2022", folder, "--out", out)
    return result.exit_code, result.stderr.splitlines()


@pytest.mark.parametrize(("achieved", "verdict"), [(50, "Đạt"), (45, "Không đạt")])
def test_the_year_report_judges_the_units_own_indicator_from_its_counts(
    folder: Path, tmp_path: Path, achieved: int, verdict: str
) -> None:
    add_figure(folder, "tien_do_nam_2022.xlsx", (CODE, "Chứng thực điện tử", achieved, 50, None))
    code, lines = report(folder, tmp_path / "out", "NAM")
    assert code == 0, lines
    assert targets(tmp_path / "out")[LABEL] == [
        f"{achieved}/50",
        f"{achieved * 2}%",
        "tối thiểu 100%",
        verdict,
    ]


def test_a_year_indicator_of_its_own_waits_for_the_year_report(folder: Path, tmp_path: Path) -> None:
    add_figure(folder, "tien_do_q1_2022.xlsx", (CODE, "Chứng thực điện tử", 10, 50, None))
    code, lines = report(folder, tmp_path / "out", "Q1")
    assert code == 0, lines
    assert targets(tmp_path / "out")[LABEL][3] == "Chưa đến kỳ đánh giá"


def test_the_prefilled_progress_workbook_lists_the_units_own_indicator(folder: Path, tmp_path: Path) -> None:
    from generator.errors import Problems
    from generator.inputs.files import collect
    from generator.inputs.sources import read_plan_from, read_unit_from

    problems = Problems()
    inputs = collect([folder], problems)
    plan = read_plan_from(inputs, read_unit_from(inputs, problems, "x"), problems, "x")
    assert plan is not None, problems.errors
    (tmp_path / "tien_do.xlsx").write_bytes(progress_workbook(plan))
    sheet = openpyxl.load_workbook(tmp_path / "tien_do.xlsx")["Số liệu"]
    assert (CODE, LABEL) in [(r[0], r[1]) for r in sheet.iter_rows(min_row=2, values_only=True)]
