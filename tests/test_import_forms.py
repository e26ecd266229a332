"""`cchc import` of appendices laid out the way other offices make them (#24).

Each plan is built here with python-docx (tests/handmade_plans.py), not from cchc's templates:
other words in the table header, other column orders, capitals without accents, group rows
typed as "I. …" in the task cell, an extra "Ghi chú" column. Each must import and remake with
`cchc plan` and no edit: every task in its group with all its cells.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import docx
import openpyxl
import pytest
from docx.document import Document
from docx.oxml.ns import qn
from docx.table import Table

from generator.domain import nd30
from generator.domain.superior import read_superior
from tests import seed
from tests.conftest import WORD_EXAMPLE, run_cli
from tests.docx_text import table_rows
from tests.handmade_plans import HandPlan, expected_rows, note, typed_rows
from tests.test_import import import_and_plan, texts

OTHER_WORDS = ("STT", "Nội dung nhiệm vụ", "Sản phẩm dự kiến", "Đơn vị chủ trì", "Đơn vị phối hợp",
               "Thời gian thực hiện", "Kinh phí")  # fmt: skip
PLAIN_CAPS = ("TT", "NOI DUNG CONG VIEC", "SAN PHAM", "CO QUAN THUC HIEN", "CO QUAN PHOI HOP",
              "THOI HAN HOAN THANH", "NGUON KINH PHI")  # fmt: skip


def appendix(document: Document) -> Table:
    return [b for b in document.iter_inner_content() if isinstance(b, Table)][2]


def grouped_rows(document: Document, width: int = 7) -> list[tuple[str, tuple[str, ...]]]:
    """(group numeral, the six cells after STT) of each task row of the remade appendix."""
    rows, group = [], ""
    for row in table_rows(appendix(document))[1:]:
        if len(row) == 2:
            group = row[0]
        elif len(row) == width:
            rows.append((group, tuple(seed.norm(c) for c in row[1:])))
    return rows


def seed_grouped() -> list[tuple[str, tuple[str, ...]]]:
    return [(group, cells[:6]) for (group, _, _), cells in zip(typed_rows(), expected_rows(), strict=True)]


@pytest.mark.parametrize(
    "plan",
    [
        HandPlan(words=OTHER_WORDS),
        HandPlan(words=OTHER_WORDS, order=(0, 1, 3, 5, 2, 4, 6)),
        HandPlan(words=PLAIN_CAPS, order=(0, 3, 1, 2, 6, 5, 4), groups="whole"),
    ],
    ids=["other-words", "other-order", "no-accents-capitals"],
)
def test_a_task_table_is_recognised_by_the_meaning_of_its_header(plan: HandPlan, tmp_path: Path) -> None:
    imported, document = import_and_plan(plan.save(tmp_path / "ke_hoach_2022.docx"), tmp_path)
    assert "Đã lấy 93 đoạn văn, 30 dòng phụ lục" in imported.output
    assert "không nhận ra bảng" not in imported.stderr
    assert grouped_rows(document) == seed_grouped()


@pytest.mark.parametrize("form", ["text", "dash"])
def test_a_group_row_typed_in_the_task_cell_is_a_group(form: str, tmp_path: Path) -> None:
    plan = HandPlan(words=OTHER_WORDS, groups=form, order=(0, 1, 3, 5, 2, 4, 6))
    imported, document = import_and_plan(plan.save(tmp_path / "ke_hoach_2022.docx"), tmp_path)
    assert "Đã lấy 93 đoạn văn, 30 dòng phụ lục" in imported.output
    about_rows = [line for line in imported.stderr.splitlines() if ", bảng 3" in line]
    assert len(about_rows) == 1  # only the seed's own "Quý I/2022 Năm 2022", split in two
    assert "viết liền" in about_rows[0]
    assert grouped_rows(document) == seed_grouped()
    titles = {r[0]: seed.norm(r[1]) for r in table_rows(appendix(document))[1:] if len(r) == 2}
    assert {n: t.casefold() for n, t in titles.items()} == {
        n: t.casefold() for n, t in seed.group_titles().items()
    }


def test_a_header_without_a_task_column_says_which_names_are_accepted(tmp_path: Path) -> None:
    words = ("STT", "Việc cần làm", *OTHER_WORDS[2:])
    source = HandPlan(words=words).save(tmp_path / "kh.docx")
    result = run_cli("import", source, "--out", tmp_path / "du_lieu")
    assert result.exit_code == 0, result.stderr
    assert (f"Cảnh báo: {source}, bảng 3: không nhận ra bảng này là bảng nhiệm vụ (hàng 1 giống dòng tiêu đề "
            "nhưng không có cột nhiệm vụ (tên cột được nhận: Nhiệm vụ cụ thể, Nhiệm vụ, Nội dung, Nội dung "
            "nhiệm vụ, Nội dung công việc") in result.stderr  # fmt: skip


EIGHTH = "Công tác thông tin, tuyên truyền cải cách hành chính"
EIGHTH_TASK = ("1", "Tuyên truyền cải cách hành chính trên loa truyền thanh", "Tin bài", "Văn hóa - Thông tin",
               "Các ban, ngành", "Quý I/2022", "Ngân sách xã")  # fmt: skip


def with_eighth_group(source: Path) -> Path:
    """A huyện-style appendix: an eighth group "VIII" after the national seven."""
    document = docx.Document(str(source))
    table = document.tables[-1]
    cells = table.add_row().cells  # type: ignore[no-untyped-call]
    cells[0].text = "VIII"
    cells[1].merge(cells[6]).text = EIGHTH
    for cell, text in zip(table.add_row().cells, EIGHTH_TASK, strict=True):  # type: ignore[no-untyped-call]
        cell.text = text
    document.save(str(source))
    return source


def test_an_eighth_group_is_a_group_of_the_plan_and_of_its_report(tmp_path: Path) -> None:
    source = with_eighth_group(HandPlan().save(tmp_path / "ke_hoach_2022.docx"))
    imported, document = import_and_plan(source, tmp_path)
    assert "31 dòng phụ lục" in imported.output
    rows = table_rows(appendix(document))
    assert rows[-2:] == [["VIII", EIGHTH], list(EIGHTH_TASK)]
    folder = tmp_path / "du_lieu"
    for name in ("bao_cao_q1_2022.docx", "tien_do_q1_2022.xlsx"):
        shutil.copy(WORD_EXAMPLE / name, folder / name)
    book = openpyxl.load_workbook(folder / "tien_do_q1_2022.xlsx")
    book["Tiến độ"].append(["VIII.1", EIGHTH_TASK[1], "Hoàn thành", "10/02/2022"])
    book.save(folder / "tien_do_q1_2022.xlsx")
    report = run_cli("report", "--period", "Q1", "--year", "2022", folder, "--out", tmp_path / "bc")
    assert report.exit_code == 0, report.stderr
    made = docx.Document(str(next((tmp_path / "bc").glob("bao_cao*.docx"))))
    counted = [r for t in made.tables for r in table_rows(t) if r[:2] == ["VIII", EIGHTH]]
    assert counted == [["VIII", EIGHTH], ["VIII", EIGHTH, "1", "1", "0", "0", "0", "0"]]


def test_a_column_cchc_has_no_place_for_is_kept_and_printed(tmp_path: Path) -> None:
    source = HandPlan(words=OTHER_WORDS, notes=True).save(tmp_path / "ke_hoach_2022.docx")
    imported, document = import_and_plan(source, tmp_path)
    assert (f"Cảnh báo: {source}, bảng 3, hàng 1: cột “Ghi chú” không thuộc các cột của cchc: được giữ thành "
            "cột riêng ở trang “Nhiệm vụ” của ke_hoach.xlsx và in lại ở phụ lục") in imported.stderr  # fmt: skip
    sheet = openpyxl.load_workbook(tmp_path / "du_lieu" / "ke_hoach.xlsx")["Nhiệm vụ"]
    header = [c.value for c in sheet[1]]
    assert header[-1] == "Ghi chú"
    notes = [row[-1] or "" for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert notes == [note(index) for index in range(len(typed_rows()))]
    remade = grouped_rows(document, width=8)
    assert [(group, cells[:6]) for group, cells in remade] == seed_grouped()
    assert [cells[6] for _, cells in remade] == [note(index) for index in range(len(typed_rows()))]
    assert table_rows(appendix(document))[0][-1] == "GHI CHÚ"
    grid = [int(c.get(qn("w:w")) or 0) for c in appendix(document)._tbl.tblGrid.findall(qn("w:gridCol"))]
    assert (len(grid), grid[0], sum(grid)) == (8, 760, nd30.LANDSCAPE_TEXT_WIDTH)  # STT keeps its width


LATE_TASK = "Xây dựng, ban hành Kế hoạch tuyên truyền cải cách hành chính hàng năm của xã"  # "Tháng 12/2021"


def test_a_deadline_without_a_date_is_printed_as_written_and_never_late(tmp_path: Path) -> None:
    folder = tmp_path / "du_lieu"
    shutil.copytree(WORD_EXAMPLE, folder)
    book = openpyxl.load_workbook(folder / "ke_hoach.xlsx")
    sheet = book["Nhiệm vụ"]
    (late,) = [row[0].row for row in sheet.iter_rows(min_row=2) if row[2].value == LATE_TASK]
    sheet[f"G{late}"] = "Theo tiến độ của cơ quan soạn thảo"
    sheet["G2"] = "Tháng 10"
    book.save(folder / "ke_hoach.xlsx")
    where = f'{folder / "ke_hoach.xlsx"}, trang "Nhiệm vụ"'

    plan = run_cli("plan", folder, "--out", tmp_path / "out")
    report = run_cli("report", "--period", "NAM", "--year", "2022", folder, "--out", tmp_path / "out")

    assert plan.exit_code == 0, plan.stderr
    assert report.exit_code == 0, report.stderr
    for result in (plan, report):
        notes = [line for line in result.stderr.splitlines() if f"{where}, ô G{late}:" in line]
        assert notes == [f"Cảnh báo: {where}, ô G{late}: thời hạn “Theo tiến độ của cơ quan soạn thảo” không "
                         "phải một ngày, tháng, quý hay năm mà cchc đọc được: được in như đã ghi; báo cáo coi nhiệm "
                         "vụ này không có thời hạn cố định (không bao giờ tính là quá hạn)"]  # fmt: skip
        assert (f"Cảnh báo: {where}, ô G2: thời hạn “Tháng 10” không ghi năm: hiểu là tháng 10/2022 (năm kế "
                "hoạch); hãy ghi rõ năm nếu không phải") in result.stderr.splitlines()  # fmt: skip
    made = docx.Document(str(next((tmp_path / "out").glob("ke_hoach*.docx"))))
    cells = [[c.text for c in r.cells] for r in made.tables[2].rows]
    assert [r[5] for r in cells if r[1] == LATE_TASK] == ["Theo tiến độ của cơ quan soạn thảo"]
    assert cells[2][5] == "Tháng 10"
    reported = docx.Document(str(next((tmp_path / "out").glob("bao_cao*.docx"))))
    rows = [table_rows(t) for t in reported.tables]
    (line,) = [r for t in rows for r in t if len(r) > 4 and r[1] == LATE_TASK]
    assert line[3:5] == ["Theo tiến độ của cơ quan soạn thảo", "Đang thực hiện"]  # was "Quá hạn"


def without_appendix_tables(source: Path, *, heading: bool = True) -> Path:
    """The plan with its appendix tables gone (a .doc whose conversion lost them), or with its
    "PHỤ LỤC" heading lines gone instead (``heading=False``: the tables stay)."""
    document = docx.Document(str(source))
    body = document.element.body
    if heading:
        for table in document.tables[2:]:
            body.remove(table._tbl)
    else:
        for paragraph in document.paragraphs:
            if seed.norm(paragraph.text) in seed.appendix_heading():
                body.remove(paragraph._p)
    document.save(str(source))
    return source


def test_no_task_from_a_file_with_tables_says_which_tables_and_why(tmp_path: Path) -> None:
    lost = without_appendix_tables(HandPlan().save(tmp_path / "mat_bang.docx"))
    unknown = HandPlan(words=("STT", "Việc cần làm", *OTHER_WORDS[2:])).save(tmp_path / "la.docx")
    results = [run_cli("import", source, "--out", tmp_path / source.stem) for source in (lost, unknown)]
    assert all(result.exit_code == 0 for result in results)
    assert "0 dòng phụ lục" in results[0].output
    assert (f"Cảnh báo: {lost}: không lấy được nhiệm vụ nào: văn bản có 2 bảng, không bảng nào sau đề mục "
            "“PHỤ LỤC” hoặc có dòng tiêu đề STT, Nhiệm vụ…; trang Nhiệm vụ để trống, hãy điền"
            ) in results[0].stderr.splitlines()  # fmt: skip
    assert (f"Cảnh báo: {unknown}: không lấy được nhiệm vụ nào: bảng 3: hàng 1 giống dòng tiêu đề nhưng không "
            "có cột nhiệm vụ (tên cột được nhận: Nhiệm vụ cụ thể, Nhiệm vụ, Nội dung") in results[1].stderr  # fmt: skip


def test_a_task_table_without_an_appendix_heading_is_read(tmp_path: Path) -> None:
    source = without_appendix_tables(HandPlan().save(tmp_path / "ke_hoach_2022.docx"), heading=False)
    result = run_cli("import", source, "--out", tmp_path / "du_lieu")
    assert result.exit_code == 0, result.stderr
    assert "30 dòng phụ lục" in result.output
    assert (f"Cảnh báo: {source}, bảng 3: không có đề mục “PHỤ LỤC”: bảng này được đọc là phụ lục nhiệm vụ, "
            "hãy xem lại trang Nhiệm vụ") in result.stderr.splitlines()  # fmt: skip


@pytest.mark.parametrize(
    ("texts", "name", "superior"),
    [
        (["Thực hiện Kế hoạch số 6118/KH-UBND của UBND huyện Phú Lộc về …", "Chỉ thị của UBND tỉnh"],
         "XÃ LỘC THỦY", "UBND huyện Phú Lộc"),
        (["Thực hiện Kế hoạch số 12/KH-UBND ngày 05/01/2026 của UBND tỉnh Quảng Trị về cải cách hành chính"],
         "XÃ LỆ THỦY", "UBND tỉnh Quảng Trị"),
        (["của Ủy ban nhân dân tỉnh Quảng Bình; Kế hoạch của UBND huyện Lệ Thủy"], "XÃ SƠN THỦY",
         "UBND huyện Lệ Thủy"),
        (["Báo cáo UBND huyện hàng quý."], "XÃ LỘC THỦY", "UBND huyện"),
        (["Kế hoạch của UBND xã Lộc Thủy"], "XÃ LỘC THỦY", ""),
        (["của UBND huyện Phú Lộc và UBND tỉnh Thừa Thiên Huế"], "HUYỆN PHÚ LỘC", "UBND tỉnh Thừa Thiên Huế"),
    ],
    ids=["commune-of-a-district", "commune-after-2025", "nearest-level", "unnamed", "own-level", "district"],
)  # fmt: skip
def test_the_superior_is_read_from_the_plans_words(texts: list[str], name: str, superior: str) -> None:
    assert read_superior(texts, ["ỦY BAN NHÂN DÂN", name]) == superior


def test_the_imported_unit_names_its_superior_and_cchcs_report_imports_without_notices(
    tmp_path: Path,
) -> None:
    result = run_cli("import", HandPlan().save(tmp_path / "kh.docx"), "--out", tmp_path / "du_lieu")
    assert result.exit_code == 0, result.stderr
    book = openpyxl.load_workbook(tmp_path / "du_lieu" / "ke_hoach.xlsx")
    unit = {row[0]: row[1] for row in book["Đơn vị"].iter_rows(min_row=2, values_only=True)}
    assert unit["Cơ quan cấp trên"] == "UBND huyện Phú Lộc"
    made = run_cli("report", "--period", "NAM", "--year", "2022", WORD_EXAMPLE, "--out", tmp_path / "bc")
    assert made.exit_code == 0, made.stderr
    report = run_cli("import", next((tmp_path / "bc").glob("*.docx")), "--out", tmp_path / "tien_do")
    assert report.exit_code == 0, report.stderr
    assert [line for line in report.stderr.splitlines() if "Quá hạn" not in line] == []


@pytest.mark.parametrize(
    "plan",
    [
        HandPlan(as_printed=True),
        HandPlan(
            as_printed=True, header="paragraphs", numbering="auto", groups="text", split=True, cells="breaks"
        ),
    ],
    ids=["typed", "word-numbering-text-groups"],
)
def test_the_seed_plan_as_printed_remakes_with_no_edit(plan: HandPlan, tmp_path: Path) -> None:
    """The published plan, its sub-row's "Cơ quan soạn thảo văn bản QPPL" in the deadline column."""
    imported, document = import_and_plan(plan.save(tmp_path / "ke_hoach_2022.docx"), tmp_path)
    assert "Đã lấy 93 đoạn văn, 30 dòng phụ lục" in imported.output
    ours = [seed.strip_number(t) for t in texts(document)]
    position = 0
    for paragraph in seed.body_paragraphs():
        position = ours.index(seed.strip_number(paragraph), position) + 1
    printed = [(row.group, row.cells) for row in seed.appendix_rows()]
    assert grouped_rows(document) == printed
    assert ("I", ("Xây dựng văn bản quy phạm pháp luật (QPPL) của HĐND", "Nghị quyết, Quyết định", "", "",
                  "Cơ quan soạn thảo văn bản QPPL", "")) in printed  # fmt: skip
    titles = {r[0]: seed.norm(r[1]) for r in table_rows(appendix(document))[1:] if len(r) == 2}
    assert {n: t.casefold() for n, t in titles.items()} == {
        n: t.casefold() for n, t in seed.group_titles().items()
    }


def test_a_table_without_an_stt_column_numbers_every_row(tmp_path: Path) -> None:
    plan = HandPlan(words=OTHER_WORDS, order=(1, 2, 3, 4, 5, 6), groups="whole")
    imported, document = import_and_plan(plan.save(tmp_path / "ke_hoach_2022.docx"), tmp_path)
    assert "Đã lấy 93 đoạn văn, 30 dòng phụ lục" in imported.output
    assert grouped_rows(document) == seed_grouped()
    numbers = [r[0] for r in table_rows(appendix(document))[1:] if len(r) == 7]
    assert numbers[:5] == ["1", "2", "3", "4", "5"]  # the seed's sub-row is the second task of group I


def test_a_sheets_own_column_is_printed_and_an_stt_column_is_not(tmp_path: Path) -> None:
    folder = tmp_path / "du_lieu"
    shutil.copytree(WORD_EXAMPLE, folder)
    book = openpyxl.load_workbook(folder / "ke_hoach.xlsx")
    sheet = book["Nhiệm vụ"]
    sheet["J1"], sheet["K1"], sheet["J2"], sheet["K2"] = "Kết quả dự kiến", "STT", "Ban hành đúng hạn", 1
    book.save(folder / "ke_hoach.xlsx")
    made = run_cli("plan", folder, "--out", tmp_path / "out")
    assert made.exit_code == 0, made.stderr
    assert (f'Cảnh báo: {folder / "ke_hoach.xlsx"}, trang "Nhiệm vụ", ô K1: bỏ qua cột "STT": cchc tự đánh số thứ '
            "tự trong từng nhóm") in made.stderr.splitlines()  # fmt: skip
    rows = table_rows(appendix(docx.Document(str(next((tmp_path / "out").glob("ke_hoach*.docx"))))))
    assert rows[0][-1] == "KẾT QUẢ DỰ KIẾN"
    assert (len(rows[2]), rows[2][-1]) == (8, "Ban hành đúng hạn")
