"""``workflows.survey``: what a working folder holds, read through the pipelines' own readers."""

from __future__ import annotations

import shutil
from pathlib import Path

import openpyxl

from generator.workflows.survey import Part, survey
from generator.workflows.workspace import init_word_folder
from tests.conftest import EXAMPLE, WORD_EXAMPLE


def test_the_word_example() -> None:
    found = survey(WORD_EXAMPLE)
    assert found.unit == "ỦY BAN NHÂN DÂN XÃ LỘC THỦY"
    assert found.plan_year == 2022
    assert found.tasks == 30
    assert not found.yaml
    assert found.missing == []
    assert [(p.label, p.words, p.progress) for p in found.periods] == [
        ("quý I/2022", "bao_cao_q1_2022.docx", "tien_do_q1_2022.xlsx"),
        ("năm 2022", "bao_cao_nam_2022.docx", "tien_do_nam_2022.xlsx"),
    ]
    assert found.progress_books == [
        ("tien_do_q1_2022.xlsx", ("Q1", 2022)),
        ("tien_do_nam_2022.xlsx", ("NAM", 2022)),
    ]
    assert found.roles["ke_hoach.xlsx"] == ["hồ sơ đơn vị", "thông tin kế hoạch", "chỉ tiêu", "nhiệm vụ"]
    assert found.problems == []
    assert found.default_period(2030) == ("NAM", 2022)  # the latest period with both files


def test_the_yaml_example_offers_only_progress_workbooks() -> None:
    found = survey(EXAMPLE)
    assert found.yaml
    assert found.roles["nhiem_vu.xlsx"] == ["nhiệm vụ"]
    names = [name for name, _ in found.progress_books]
    assert names == ["tien_do_q1_2022.xlsx", "tien_do_nam_2022.xlsx"]  # not nhiem_vu.xlsx


def test_a_missing_unit_profile_names_the_sheet_that_gives_it(tmp_path: Path) -> None:
    shutil.copy(WORD_EXAMPLE / "ke_hoach.docx", tmp_path)
    book = openpyxl.load_workbook(WORD_EXAMPLE / "ke_hoach.xlsx")
    del book["Đơn vị"]
    book.save(tmp_path / "ke_hoach.xlsx")
    found = survey(tmp_path)
    assert found.missing == [Part("hồ sơ đơn vị", None, 'trang "Đơn vị" của ke_hoach.xlsx')]
    assert found.unit is None
    assert found.plan_year == 2022  # the year is read all the same
    assert found.periods == []
    assert found.default_period(2030) == ("Q1", 2022)


def test_a_folder_just_made_has_its_year_and_its_general_report_files(tmp_path: Path) -> None:
    init_word_folder(tmp_path, 2027)
    found = survey(tmp_path)
    assert found.plan_year == 2027
    assert found.general is not None
    assert (found.general.words, found.general.progress) == ("bao_cao.docx", "tien_do.xlsx")
    assert found.report_files("Q3", 2027) == found.general
    assert found.problems  # the blanks are errors the page shows before anything is made


def test_the_latest_period_of_the_plan_year_is_the_default(tmp_path: Path) -> None:
    for name in ("ke_hoach.docx", "ke_hoach.xlsx", "tien_do_q1_2022.xlsx", "bao_cao_q1_2022.docx"):
        shutil.copy(WORD_EXAMPLE / name, tmp_path)
    shutil.copy(WORD_EXAMPLE / "tien_do_q1_2022.xlsx", tmp_path / "tien_do_q3_2022.xlsx")
    shutil.copy(WORD_EXAMPLE / "bao_cao_q1_2022.docx", tmp_path / "bao_cao_q3_2022.docx")
    shutil.copy(WORD_EXAMPLE / "tien_do_q1_2022.xlsx", tmp_path / "tien_do_nam_2021.xlsx")
    found = survey(tmp_path)
    assert [p.label for p in found.periods] == ["năm 2021", "quý I/2022", "quý III/2022"]
    assert found.default_period(2030) == ("Q3", 2022)
    assert found.periods[0].words is None  # a period with only its progress workbook
    assert found.report_files("6T", 2022) is None
