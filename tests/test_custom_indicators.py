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
from tests.test_word_inputs import set_form

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
    if "Chỉ số riêng" in book.sheetnames:  # the example's workbook has the sheet, empty
        del book["Chỉ số riêng"]
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
        "100%",
        verdict,
    ]


def test_a_year_indicator_of_its_own_waits_for_the_year_report(folder: Path, tmp_path: Path) -> None:
    add_figure(folder, "tien_do_q1_2022.xlsx", (CODE, "Chứng thực điện tử", 10, 50, None))
    code, lines = report(folder, tmp_path / "out", "Q1")
    assert code == 0, lines
    assert targets(tmp_path / "out")[LABEL][3] == "Chưa đến kỳ đánh giá"


def test_the_prefilled_progress_workbook_lists_the_units_own_indicator(folder: Path, tmp_path: Path) -> None:
    from generator.errors import Problems
    from generator.inputs.folders.files import collect
    from generator.inputs.folders.sources import read_plan_from, read_unit_from

    problems = Problems()
    inputs = collect([folder], problems)
    plan = read_plan_from(inputs, read_unit_from(inputs, problems, "x"), problems, "x")
    assert plan is not None, problems.errors
    (tmp_path / "tien_do.xlsx").write_bytes(progress_workbook(plan))
    sheet = openpyxl.load_workbook(tmp_path / "tien_do.xlsx")["Số liệu"]
    assert (CODE, LABEL) in [(r[0], r[1]) for r in sheet.iter_rows(min_row=2, values_only=True)]
    (codes,) = [v for v in sheet.data_validations.dataValidation if "A2" in str(v.sqref)]
    assert codes.errorStyle == "warning"  # Excel lets staff keep a code of their own


def failing(*args: str | Path) -> list[str]:
    result = run_cli(*args)
    assert result.exit_code == 1, result.output
    return result.stderr.splitlines()


def test_each_bad_row_of_the_sheet_and_an_undefined_code_are_reported_at_their_cells(
    folder: Path, tmp_path: Path
) -> None:
    book = openpyxl.load_workbook(folder / "ke_hoach.xlsx")
    sheet = book["Chỉ số riêng"]
    for row in [("ty_le_iso", "ISO", None, None, None), (CODE, "Lần hai", None, None, "Năm"),
                ("ty_le_rieng", None, None, None, "Mỗi kỳ"), ("ty_le_khac", "Khác", None, None, "Hàng tháng"),
                ("tỷ lệ có dấu", "Có dấu", None, None, None)]:  # fmt: skip
        sheet.append(row)
    targets_sheet = book["Chỉ tiêu"]
    targets_sheet["B2"] = "ty_le_chua_khai_bao"
    book.save(folder / "ke_hoach.xlsx")
    lines = failing("plan", folder, "--out", tmp_path / "out")
    where = f'Lỗi: {folder / "ke_hoach.xlsx"}, trang "Chỉ số riêng"'
    expected = [
        f'{where}, ô A3: mã "ty_le_iso" trùng với chỉ số có sẵn của cchc; dùng thẳng mã này trong trang '
        "“Chỉ tiêu” hoặc đặt mã khác",
        f'{where}, ô A4: mã "{CODE}" bị khai báo hai lần (lần đầu ở ô A2)',
        f"{where}, ô B5: thiếu tên chỉ số",
        f'{where}, ô E6: kỳ đánh giá "Hàng tháng" không hợp lệ (cột "Kỳ đánh giá"; cần Năm hoặc Mỗi kỳ)',
        f'{where}, ô A7: mã chỉ số "tỷ lệ có dấu" chỉ được gồm chữ không dấu, chữ số và dấu gạch dưới '
        "(ví dụ ty_le_ho_co_tai_khoan_dvc)",
    ]
    assert [line for line in lines if line.startswith(where)] == expected
    unknown = [line for line in lines if "ô B2" in line]
    assert len(unknown) == 1
    assert unknown[0].startswith(
        f'Lỗi: {folder / "ke_hoach.xlsx"}, trang "Chỉ tiêu", ô B2: chỉ số "ty_le_chua_khai_bao" không hợp lệ '
        "(cần một trong: ty_le_dung_han, "
    )
    assert unknown[0].endswith(f"{CODE}; hoặc một mã khai báo ở trang “Chỉ số riêng” của kế hoạch)")


def test_the_figures_sheet_refuses_a_code_the_plan_does_not_define(folder: Path, tmp_path: Path) -> None:
    row = add_figure(folder, "tien_do_nam_2022.xlsx", ("ty_le_khong_co", "Không có", 1, 2, None))
    lines = failing("report", "--period", "NAM", "--year", "2022", folder, "--out", tmp_path / "out")
    where = f'Lỗi: {folder / "tien_do_nam_2022.xlsx"}, trang "Số liệu", ô A{row}: '
    found = [line for line in lines if line.startswith(where)]
    assert len(found) == 1, lines
    assert found[0].startswith(
        f'{where}mã chỉ số "ty_le_khong_co" không hợp lệ (cần một trong: ty_le_dung_han, '
    )
    assert found[0].endswith(f"{CODE}; hoặc một mã khai báo ở trang “Chỉ số riêng” của kế hoạch)")


def test_without_a_readable_plan_a_code_that_may_be_its_own_is_not_blamed(
    folder: Path, tmp_path: Path
) -> None:
    year = set_form(folder / "ke_hoach.xlsx", "Kế hoạch", "Năm kế hoạch", 1900)
    custom = add_figure(folder, "tien_do_nam_2022.xlsx", (CODE, "Chứng thực điện tử", 45, 50, None))
    wrong = add_figure(folder, "tien_do_nam_2022.xlsx", ("tỷ lệ sai", "Sai", 1, 2, None))
    lines = failing("report", "--period", "NAM", "--year", "2022", folder, "--out", tmp_path / "out")
    figures = f'Lỗi: {folder / "tien_do_nam_2022.xlsx"}, trang "Số liệu"'
    assert (
        f'Lỗi: {folder / "ke_hoach.xlsx"}, trang "Kế hoạch", ô {year}: giá trị 1900 ngoài khoảng cho phép (2000–2100)'
        in lines
    )
    assert not [line for line in lines if line.startswith(f"{figures}, ô A{custom}")]
    assert [
        line
        for line in lines
        if line.startswith(f'{figures}, ô A{wrong}: mã chỉ số "tỷ lệ sai" không hợp lệ')
    ]


SENTENCE = (
    "- Triển khai thực hiện quy trình chứng thực điện tử, lưu trữ điện tử hồ sơ, kết quả giải quyết TTHC "
    "tại Bộ phận Một cửa hiện đại cấp xã đảm bảo đạt 100%."
)
YAML_CUSTOM = f"""  chi_so_rieng:
    - ma: {CODE}
      ten: {LABEL}
      tu_so: Hồ sơ chứng thực điện tử
      mau_so: Hồ sơ chứng thực
"""


def yaml_plan(example: Path, custom: str) -> Path:
    """The YAML example's plan measuring the sentence above with its own indicator ``custom``."""
    path = example / "ke_hoach.yaml"
    text = path.read_text(encoding="utf-8")
    old = f"                - |-\n                  {SENTENCE}\n"
    assert old in text
    new = (f'                - doan: "{SENTENCE}"\n                  chi_tieu:\n'
           f'                    - chi_so: {CODE}\n                      so_sanh: ">="\n'
           "                      muc: 100\n")  # fmt: skip
    text = text.replace(old, new).replace("  nam: 2022\n", "  nam: 2022\n" + custom, 1)
    path.write_text(text, encoding="utf-8")
    return path


def test_a_yaml_plan_lists_its_own_indicators_under_chi_so_rieng(example: Path, tmp_path: Path) -> None:
    yaml_plan(example, YAML_CUSTOM)
    add_figure(example, "tien_do_nam_2022.xlsx", (CODE, "Chứng thực điện tử", 45, 50, None))
    code, lines = report(example, tmp_path / "out", "NAM")
    assert code == 0, lines
    assert targets(tmp_path / "out")[LABEL] == ["45/50", "90%", "100%", "Không đạt"]


def test_a_yaml_code_listed_twice_or_taken_by_cchc_is_an_error(example: Path, tmp_path: Path) -> None:
    twice = YAML_CUSTOM + f"    - ma: {CODE}\n      ten: Lần hai\n    - ma: ty_le_iso\n      ten: ISO\n"
    path = yaml_plan(example, twice)
    lines = failing("plan", example, "--out", tmp_path / "out")
    assert (
        f'Lỗi: {path}:12 (ke_hoach.chi_so_rieng[2].ma): mã "{CODE}" bị khai báo hai lần (lần đầu ở dòng 8)'
        in lines
    )
    assert any(
        line.startswith(f'Lỗi: {path}:14 (ke_hoach.chi_so_rieng[3].ma): mã "ty_le_iso" trùng với')
        for line in lines
    )


def test_the_units_own_code_given_twice_on_the_figures_sheet_is_an_error(
    folder: Path, tmp_path: Path
) -> None:
    first = add_figure(folder, "tien_do_nam_2022.xlsx", (CODE, "Chứng thực điện tử", 45, 50, None))
    second = add_figure(folder, "tien_do_nam_2022.xlsx", (CODE, "Lần hai", 50, 50, None))
    lines = failing("report", "--period", "NAM", "--year", "2022", folder, "--out", tmp_path / "out")
    assert lines == [
        f'Lỗi: {folder / "tien_do_nam_2022.xlsx"}, trang "Số liệu", ô A{second}: chỉ số "{CODE}" bị nhập hai '
        f"lần (lần đầu ở ô A{first})"
    ]
