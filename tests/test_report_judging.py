"""When a target is judged (docs/targets-and-indicators.md §2), one indicator with two targets
(§1), and the sending deadline (docs/reporting-periods.md §5): each checked on documents the
CLI writes, or on the exact messages it prints.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import docx
import openpyxl
import pytest

from tests.conftest import WORD_EXAMPLE, run_cli
from tests.docx_text import table_rows

PLAN = "ke_hoach.yaml"
DISBURSED = "Tỷ lệ giải ngân vốn đầu tư công"
ONLINE = "Tỷ lệ hồ sơ TTHC tiếp nhận trực tuyến"


def targets(out: Path) -> dict[str, list[str]]:
    """The targets table of the report in ``out``: name → [figure, result, level, verdict]."""
    document = docx.Document(str(next(out.glob("*.docx"))))
    table = next(t for t in document.tables if t.rows[0].cells[1].text == "Chỉ tiêu")
    return {row[1]: row[2:] for row in table_rows(table)[1:]}


def report(folder: Path, out: Path, period: str = "Q1") -> tuple[int, list[str]]:
    result = run_cli("report", "--period", period, "--year", "2022", folder, "--out", out)
    return result.exit_code, result.stderr.splitlines()


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def line_of(path: Path, text: str, occurrence: int = 1) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [n for n, line in enumerate(lines, start=1) if text in line][occurrence - 1]


@pytest.mark.parametrize("period", ["Q1", "6T", "Q3", "9T", "Q2"])
def test_a_year_target_waits_for_the_year_report_and_each_period_one_does_not(
    example: Path, tmp_path: Path, period: str
) -> None:
    for name in ("bao_cao_q1_2022.yaml", "tien_do_q1_2022.xlsx") if period != "Q1" else ():
        shutil.copy(example / name, example / name.replace("q1", period.lower()))
    code, lines = report(example, tmp_path / period, period)
    assert code == 0, lines
    rows = targets(tmp_path / period)
    assert rows[DISBURSED][3] == "Chưa đến kỳ đánh giá"  # ky_danh_gia: nam
    assert rows[ONLINE][3] == "Không đạt"  # ky_danh_gia: moi_ky, 30,5% < 50%


def test_the_unit_sets_its_own_wording(example: Path, tmp_path: Path) -> None:
    edit(example / "don_vi.yaml", "  luu:", "  chua_den_ky: Đánh giá tại báo cáo năm\n  luu:")
    assert report(example, tmp_path / "out")[0] == 0
    # A year target in quý I: no quarter-only figure (#23 item 3), the unit's wording.
    assert targets(tmp_path / "out")[DISBURSED] == ["—", "—", "100%", "Đánh giá tại báo cáo năm"]


def test_the_plan_decides_over_the_indicators_usual_period(example: Path, tmp_path: Path) -> None:
    plan = example / PLAN
    line = line_of(plan, "chi_so: ty_le_giai_ngan")
    lines = plan.read_text(encoding="utf-8").splitlines()
    assert lines[line + 2].strip() == "ky_danh_gia: nam"
    lines[line + 2] = lines[line + 2].replace("nam", "moi_ky")
    plan.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert report(example, tmp_path / "out")[0] == 0
    assert targets(tmp_path / "out")[DISBURSED] == ["2/8", "25%", "100%", "Không đạt"]


def test_without_a_period_the_indicators_usual_one_applies(example: Path, tmp_path: Path) -> None:
    plan = example / PLAN
    text = plan.read_text(encoding="utf-8")
    plan.write_text(
        "\n".join(line for line in text.splitlines() if "ky_danh_gia" not in line) + "\n", "utf-8"
    )
    assert report(example, tmp_path / "out")[0] == 0
    rows = targets(tmp_path / "out")
    assert rows[DISBURSED][3] == "Chưa đến kỳ đánh giá"  # disbursement is a year figure
    assert (
        rows["Tỷ lệ hồ sơ TTHC giải quyết đúng hạn (từng lĩnh vực)"][3] == "Không đạt"
    )  # files: each period


def test_the_evaluation_column_of_the_targets_sheet(tmp_path: Path) -> None:
    folder = tmp_path / "loc_thuy"
    shutil.copytree(WORD_EXAMPLE, folder)
    book = openpyxl.load_workbook(folder / "ke_hoach.xlsx")
    sheet = book["Chỉ tiêu"]
    rows = {sheet.cell(row=r, column=2).value: r for r in range(2, sheet.max_row + 1)}
    sheet.cell(row=rows["ty_le_giai_ngan"], column=5, value="Mỗi kỳ")
    sheet.cell(row=rows["ty_le_truc_tuyen"], column=5, value="Năm")
    book.save(folder / "ke_hoach.xlsx")
    assert report(folder, tmp_path / "out")[0] == 0
    found = targets(tmp_path / "out")
    assert found[DISBURSED][3] == "Không đạt"
    assert found[ONLINE][3] == "Chưa đến kỳ đánh giá"


SECOND_ONLINE = (
    "                    - chi_so: ty_le_truc_tuyen\n"
    '                      so_sanh: ">="\n'
    "                      muc: 60\n"
)


def test_one_indicator_two_levels_one_scope_is_an_error_naming_both(example: Path, tmp_path: Path) -> None:
    plan = example / PLAN
    edit(
        plan,
        "                    # 60% hồ sơ trực tuyến",
        SECOND_ONLINE + "                    # 60% hồ sơ trực tuyến",
    )
    result = run_cli("plan", example, "--out", tmp_path / "out")
    assert result.exit_code == 1
    first = f"{plan}:{line_of(plan, 'chi_so: ty_le_truc_tuyen')} (ke_hoach.noi_dung[2].noi_dung[2].noi_dung[1].noi_dung[5].chi_tieu[1])"
    second = f"{plan}:{line_of(plan, 'chi_so: ty_le_truc_tuyen', 2)} (ke_hoach.noi_dung[2].noi_dung[6].noi_dung[1].noi_dung[4].chi_tieu[2])"
    assert result.stderr.splitlines() == [
        f'Lỗi: {second}: chỉ số "ty_le_truc_tuyen" đã có chỉ tiêu tối thiểu 50% (toàn đơn vị, đánh giá mỗi kỳ) '
        f"ở {first}; ở đây lại là tối thiểu 60% cùng phạm vi: giữ một dòng, hoặc ghi Lĩnh vực hay Kỳ đánh giá "
        "khác nhau nếu là hai chỉ tiêu khác nhau"
    ]
    assert not (tmp_path / "out").exists()


def test_two_scopes_are_a_warning_naming_both(example: Path, tmp_path: Path) -> None:
    plan = example / PLAN
    scoped = SECOND_ONLINE + '                      linh_vuc: ["Hộ tịch"]\n'
    edit(
        plan,
        "                    # 60% hồ sơ trực tuyến",
        scoped + "                    # 60% hồ sơ trực tuyến",
    )
    code, lines = report(example, tmp_path / "out")
    assert code == 0
    first = f"{plan}:{line_of(plan, 'chi_so: ty_le_truc_tuyen')} (ke_hoach.noi_dung[2].noi_dung[2].noi_dung[1].noi_dung[5].chi_tieu[1])"
    second = f"{plan}:{line_of(plan, 'chi_so: ty_le_truc_tuyen', 2)} (ke_hoach.noi_dung[2].noi_dung[6].noi_dung[1].noi_dung[4].chi_tieu[2])"
    assert lines == [
        f'Cảnh báo: {second}: chỉ số "ty_le_truc_tuyen" có hai chỉ tiêu: tối thiểu 50% (toàn đơn vị, đánh giá '
        f"mỗi kỳ) ở {first} và tối thiểu 60% (Hộ tịch, đánh giá mỗi kỳ) ở đây; báo cáo đánh giá riêng từng chỉ tiêu"
    ]
    document = docx.Document(str(next((tmp_path / "out").glob("*.docx"))))
    table = next(t for t in document.tables if t.rows[0].cells[1].text == "Chỉ tiêu")
    online = [row[2:] for row in table_rows(table)[1:] if row[1] == ONLINE]
    assert online == [["117/384", "30,5%", "tối thiểu 50%", "Không đạt"], ["Hộ tịch: 64/118", "Hộ tịch: 54,2%",
                                                                          "tối thiểu 60%", "Không đạt"]]  # fmt: skip


def test_the_same_on_the_targets_sheet_names_both_cells(tmp_path: Path) -> None:
    folder = tmp_path / "loc_thuy"
    shutil.copytree(WORD_EXAMPLE, folder)
    path = folder / "ke_hoach.xlsx"
    book = openpyxl.load_workbook(path)
    sheet = book["Chỉ tiêu"]
    first = next(
        r for r in range(2, sheet.max_row + 1) if sheet.cell(row=r, column=2).value == "ty_le_truc_tuyen"
    )
    sentence = next(
        c.value for c in sheet["A"] if c.value and "60% hồ sơ giải quyết trực tuyến" in str(c.value)
    )
    sheet.append([sentence, "ty_le_truc_tuyen", ">=", 60])
    book.save(path)
    result = run_cli("plan", folder, "--out", tmp_path / "out")
    assert result.exit_code == 1
    where = f'{path}, trang "Chỉ tiêu"'
    assert result.stderr.splitlines() == [
        f'Lỗi: {where}, ô B{sheet.max_row}: chỉ số "ty_le_truc_tuyen" đã có chỉ tiêu tối thiểu 50% (toàn đơn vị, '
        f"đánh giá mỗi kỳ) ở {where}, ô B{first}; ở đây lại là tối thiểu 60% cùng phạm vi: giữ một dòng, hoặc "
        "ghi Lĩnh vực hay Kỳ đánh giá khác nhau nếu là hai chỉ tiêu khác nhau"
    ]


@pytest.mark.parametrize(
    ("date", "day", "deadline"),
    [("21/03/2022", None, "20/03/2022, ngày 20"), ("15/03/2022", 12, "12/03/2022, ngày 12")],
    ids=["after-the-20th", "province-sets-the-12th"],
)
def test_a_report_dated_after_its_deadline_is_a_warning(
    example: Path, tmp_path: Path, date: str, day: int | None, deadline: str
) -> None:
    words = example / "bao_cao_q1_2022.yaml"
    edit(words, "ngay_ban_hanh: 15/03/2022", f"ngay_ban_hanh: {date}")
    if day is not None:
        edit(example / "don_vi.yaml", "  luu:", f"  han_gui_bao_cao: {day}\n  luu:")
    code, lines = report(example, tmp_path / "out")
    assert code == 0
    assert lines == [
        f"Cảnh báo: {words}:{line_of(words, 'ngay_ban_hanh')} (bao_cao.ngay_ban_hanh): ngày ban hành {date} sau "
        f"hạn gửi báo cáo quý I năm 2022 ({deadline} của tháng cuối kỳ)"
    ]
    assert (tmp_path / "out" / "bao_cao_cchc_q1_2022_xa_loc_thuy.docx").is_file()


def test_the_deadline_day_itself_is_in_time(example: Path, tmp_path: Path) -> None:
    edit(example / "bao_cao_q1_2022.yaml", "ngay_ban_hanh: 15/03/2022", "ngay_ban_hanh: 20/03/2022")
    assert report(example, tmp_path / "out") == (0, [])


def test_the_deadline_warning_names_the_cell_in_a_word_folder(tmp_path: Path) -> None:
    folder = tmp_path / "loc_thuy"
    shutil.copytree(WORD_EXAMPLE, folder)
    path = folder / "tien_do_q1_2022.xlsx"
    book = openpyxl.load_workbook(path)
    book["Báo cáo"]["B3"] = "22/03/2022"
    book.save(path)
    code, lines = report(folder, tmp_path / "out")
    assert code == 0
    assert lines == [
        f'Cảnh báo: {path}, trang "Báo cáo", ô B3: ngày ban hành 22/03/2022 sau hạn gửi báo cáo quý I năm 2022 '
        "(20/03/2022, ngày 20 của tháng cuối kỳ)"
    ]


def test_a_deadline_day_outside_a_month_is_an_error(example: Path, tmp_path: Path) -> None:
    profile = example / "don_vi.yaml"
    edit(profile, "  luu:", "  han_gui_bao_cao: 40\n  luu:")
    code, lines = report(example, tmp_path / "out")
    assert code == 1
    assert lines[0].startswith(
        f"Lỗi: {profile}:{line_of(profile, 'han_gui_bao_cao')} (don_vi.han_gui_bao_cao): "
    )
    assert "1–31" in lines[0]
