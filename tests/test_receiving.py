"""``cchc tong-hop``: a folder of reports units sent → the consolidated tables and the list to act on.

The folder (``received``): 13 files for Q1/2022, sending deadline 20/03/2022.

| file | unit | made by | what it tests |
| --- | --- | --- | --- |
| lang_co.docx | Thị trấn Lăng Cô | python-docx | one-row header of full names; form split, second part without header; "Tổng cộng" merged over STT |
| loc_an.docx, loc_an_gui_lai.docx | Xã Lộc An | cchc (figures ×2) | duplicate: neither is summed |
| loc_binh.docx | Xã Lộc Bình | python-docx | a report for quý II |
| loc_dien.docx | Xã Lộc Điền | cchc (figures ×3) | counted |
| loc_son.docx | Xã Lộc Sơn | cchc (figures ×1), dated 25/03 | late, still counted |
| loc_thuy.docx | Xã Lộc Thủy | cchc (the example) | counted |
| loc_tri.docx | Xã Lộc Trì | python-docx | Hộ tịch's (3) typed 99: broken identities, not summed |
| phu_loc.docx | Thị trấn Phú Lộc | python-docx | 3-row header without "(1)…(13)", a level's row with subtotals, split (header repeated), task columns reordered |
| vinh_hien.docx | Xã Vinh Hiền | python-docx | columns in another order, numbered |
| vinh_my.docx | Xã Vinh Mỹ | python-docx | dated 20/03, the deadline itself: not late |
| hong.docx | — | bytes that are not Word | unreadable, the rest goes on |

The expected list names Xã Lộc Vĩnh too, which sent nothing. Every expected figure below is the
sum of the inputs written here (``LOC_THUY`` × 5 for the three cchc reports counted, and each
office's table), added by hand.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

import docx
import openpyxl
import pytest
from flask.testing import FlaskClient

from generator.domain import receiving
from generator.domain.models import FieldStats
from generator.domain.receiving import Finding, ReceivedReport, judge
from generator.errors import Location
from tests.conftest import run_cli
from tests.docx_text import table_rows
from tests.received_reports import OfficeReport, cchc_report
from tests.web_support import form_problems, text_of

TASKS_A = [("I", "Cải cách thể chế", ""), ("", "Rà soát văn bản", "Hoàn thành"),
           ("", "Kiểm tra văn bản", "Đang thực hiện"), ("II", "Cải cách thủ tục hành chính", ""),
           ("", "Niêm yết TTHC", "Quá hạn")]  # fmt: skip
TASKS_B = [("I", "Cải cách thể chế", ""), ("", "Rà soát văn bản", "Hoàn thành"),
           ("", "Kiểm tra văn bản", "Hoàn thành"), ("VII", "Công tác chỉ đạo, điều hành", ""),
           ("", "Ban hành kế hoạch", "Hoàn thành quá hạn"), ("", "Kiểm tra CCHC", "Chưa thực hiện")]  # fmt: skip
TASKS_C = [("II", "Cải cách thủ tục hành chính", ""), ("", "Niêm yết TTHC", "Đang thực hiện"),
           ("", "Số hóa hồ sơ", "Đang thực hiện"), ("", "Một cửa điện tử", "Hoàn thành")]  # fmt: skip
TARGETS = [("Tỷ lệ hồ sơ TTHC giải quyết đúng hạn", "96,2%", "Không đạt"),
           ("Tỷ lệ hồ sơ TTHC tiếp nhận trực tuyến", "35%", "Không đạt")]  # fmt: skip
NEW_ORDER = (1, 2, 3, 6, 4, 5, 11, 12, 13, 7, 8, 9, 10)  # received, then pending, then resolved
UNITS = ["UBND xã Lộc Thủy", "Xã Lộc An", "XÃ LỘC SƠN", "Xã Lộc Điền", "Xã Vinh Hiền", "Thị trấn Phú Lộc",
         "Thị trấn Lăng Cô", "Xã Lộc Bình", "Xã Lộc Trì", "Xã Vinh Mỹ", "Xã Lộc Vĩnh"]  # fmt: skip


def office(unit: str, place: str, day: int, **kwargs: object) -> OfficeReport:
    noun = "THỊ TRẤN" if place in ("Phú Lộc", "Lăng Cô") else "XÃ"
    agency = ("ỦY BAN NHÂN DÂN", f"{noun} {unit.upper()}")
    return OfficeReport(agency, place, f"ngày {day:02d} tháng 3 năm 2022", **kwargs)  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def received(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("nhan") / "bao_cao_q1"
    folder.mkdir()
    cchc_report(folder, "loc_thuy", unit="Lộc Thủy", factor=1, issued="15/03/2022")
    cchc_report(folder, "loc_an", unit="Lộc An", factor=2, issued="16/03/2022")
    cchc_report(folder, "loc_an_gui_lai", unit="Lộc An", factor=2, issued="19/03/2022")
    cchc_report(folder, "loc_son", unit="Lộc Sơn", factor=1, issued="25/03/2022")
    cchc_report(folder, "loc_dien", unit="Lộc Điền", factor=3, issued="18/03/2022")
    office("Vinh Hiền", "Vinh Hiền", 12, tasks=TASKS_A, order=NEW_ORDER, targets=TARGETS,
           fields={"Hộ tịch": (10, 20, 1, 5, 20, 1, 4, 1), "Tư pháp": (3, 4, 0, 2, 3, 0, 2, 0)},
           ).save(folder / "vinh_hien.docx")  # fmt: skip
    office("Phú Lộc", "Phú Lộc", 11, tasks=TASKS_B, header="titled", split=2, level="Cấp xã",
           task_columns=("STT", "TRẠNG THÁI", "NHIỆM VỤ", "KẾT QUẢ", "CƠ QUAN CHỦ TRÌ"),
           fields={"Hộ tịch": (20, 30, 2, 10, 38, 2, 1, 1), "Chứng thực": (15, 60, 0, 25, 50, 0, 0, 0),
                   "Đất đai": (5, 10, 4, 3, 12, 1, 2, 1)}).save(folder / "phu_loc.docx")  # fmt: skip
    office("Lăng Cô", "Lăng Cô", 9, tasks=TASKS_C, header="flat", split=1, repeat_header=False, total_row=True,
           fields={"Đất đai": (2, 8, 1, 2, 6, 1, 1, 1), "Tư pháp": (1, 1, 0, 1, 1, 0, 0, 0)},
           ).save(folder / "lang_co.docx")  # fmt: skip
    office("Vinh Mỹ", "Vinh Mỹ", 20, tasks=[("I", "Cải cách thể chế", ""), ("", "Rà soát", "Chưa thực hiện")],
           fields={"Chứng thực": (5, 5, 0, 4, 6, 0, 0, 0)}).save(folder / "vinh_my.docx")  # fmt: skip
    office("Lộc Bình", "Lộc Bình", 10, period="quý II năm 2022", tasks=TASKS_A,
           fields={"Hộ tịch": (1, 1, 0, 1, 1, 0, 0, 0)}).save(folder / "loc_binh.docx")  # fmt: skip
    office("Lộc Trì", "Lộc Trì", 14, tasks=TASKS_A, fields={"Hộ tịch": (10, 10, 0, 5, 10, 0, 5, 0)},
           totals={"Hộ tịch": {3: 99}}).save(folder / "loc_tri.docx")  # fmt: skip
    (folder / "hong.docx").write_bytes(b"not a Word file")
    (folder / "~$loc_thuy.docx").write_bytes(b"Word's lock file")
    (folder / "ghi_chu.txt").write_text("danh sách", encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def units(received: Path) -> Path:
    book = openpyxl.Workbook()
    sheet = book.worksheets[0]
    sheet.append(["STT", "Tên đơn vị"])
    for number, name in enumerate(UNITS, start=1):
        sheet.append([number, name])
    path = received.parent / "don_vi.xlsx"
    book.save(path)
    return path


@pytest.fixture(scope="module")
def result(received: Path, units: Path) -> tuple[Path, list[str]]:
    out = received.parent / "tong_hop"
    run = run_cli("tong-hop", received, "--period", "Q1", "--year", "2022", "--out", out, "--don-vi", units)
    assert run.exit_code == 0, run.stderr
    return out, run.output.splitlines()


COUNTED = ["Thị trấn Lăng Cô", "Xã Lộc Điền", "Xã Lộc Sơn", "Xã Lộc Thủy", "Thị trấn Phú Lộc", "Xã Vinh Hiền",
           "Xã Vinh Mỹ"]  # fmt: skip
# (3) … (13) of each counted unit, then the total
BY_UNIT = [
    ["13", "3", "9", "1", "11", "3", "7", "1", "2", "1", "1"],
    ["1.170", "351", "801", "18", "1.137", "363", "768", "6", "33", "27", "6"],
    ["390", "117", "267", "6", "379", "121", "256", "2", "11", "9", "2"],
    ["390", "117", "267", "6", "379", "121", "256", "2", "11", "9", "2"],
    ["146", "40", "100", "6", "141", "38", "100", "3", "5", "3", "2"],
    ["38", "13", "24", "1", "31", "7", "23", "1", "7", "6", "1"],
    ["10", "5", "5", "0", "10", "4", "6", "0", "0", "0", "0"],
]
TOTAL = ["2.157", "646", "1.473", "38", "2.088", "657", "1.416", "15", "69", "55", "14"]
BY_FIELD = [
    ["Đất đai", "175", "27", "128", "20", "150", "35", "103", "12", "25", "13", "12"],
    ["Tư pháp", "9", "4", "5", "0", "7", "3", "4", "0", "2", "2", "0"],
    ["Hộ tịch", "683", "350", "320", "13", "661", "190", "468", "3", "22", "20", "2"],
    ["Chứng thực", "1.110", "210", "900", "0", "1.110", "379", "731", "0", "0", "0", "0"],
    ["Lao động - Thương binh và Xã hội", "165", "55", "105", "5", "150", "45", "105", "0", "15", "15", "0"],
    ["Khiếu nại, tố cáo", "15", "0", "15", "0", "10", "5", "5", "0", "5", "5", "0"],
]
# total, done, done late, under way, not started, overdue
TASKS_BY_UNIT = [
    [3, 1, 0, 2, 0, 0], [29, 6, 2, 15, 4, 2], [29, 6, 2, 15, 4, 2], [29, 6, 2, 15, 4, 2],
    [4, 2, 1, 0, 1, 0], [3, 1, 0, 1, 0, 1], [1, 0, 0, 0, 1, 0],
]  # fmt: skip
TASKS_BY_GROUP = [
    ["I", "Cải cách thể chế", 17, 6, 0, 10, 1, 0],
    ["II", "Cải cách thủ tục hành chính", 22, 7, 0, 11, 0, 4],
    ["III", "Cải cách tổ chức bộ máy hành chính nhà nước", 9, 0, 0, 3, 6, 0],
    ["IV", "Cải cách chế độ công vụ", 12, 6, 0, 6, 0, 0],
    ["V", "Cải cách tài chính công", 12, 0, 0, 6, 6, 0],
    ["VI", "Xây dựng và phát triển chính quyền điện tử, chính quyền số", 9, 0, 0, 9, 0, 0],
    ["VII", "Công tác chỉ đạo, điều hành", 17, 3, 7, 3, 1, 3],
]
TASKS_TOTAL = [98, 22, 7, 48, 14, 7]
LATE = "ngày 25/03/2022, sau hạn gửi 20/03/2022 5 ngày"
DUPLICATE = ("2 báo cáo cùng kỳ (loc_an.docx, loc_an_gui_lai.docx): không cộng báo cáo nào cho tới khi đơn vị "
             "xác nhận bản đúng")  # fmt: skip
BROKEN = ("dòng “Hộ tịch” (bảng 4, hàng 5): (3) = (4) + (5) + (6): 99 ≠ 20, (3) = (7) + (11): 99 ≠ 20 — không "
          "cộng vào bảng tổng hợp cho tới khi đơn vị sửa")  # fmt: skip
LIST = [  # kind, unit, file, detail, counted
    ("Chưa có báo cáo", "Xã Lộc Vĩnh", "", "không có báo cáo quý I năm 2022", "Không"),
    ("Không đọc được", "", "hong.docx", None, "Không"),
    ("Gửi muộn", "Xã Lộc Sơn", "loc_son.docx", LATE, "Có"),
    ("Báo cáo kỳ khác", "Xã Lộc Bình", "loc_binh.docx", "báo cáo quý II năm 2022, không phải quý I năm 2022", "Không"),
    ("Biểu 06 sai tổng", "Xã Lộc Trì", "loc_tri.docx", BROKEN, "Không"),
    ("Trùng báo cáo", "Xã Lộc An", "loc_an.docx", DUPLICATE, "Không"),
    ("Trùng báo cáo", "Xã Lộc An", "loc_an_gui_lai.docx", DUPLICATE, "Không"),
]  # fmt: skip


def tables(out: Path) -> list[list[list[str]]]:
    return [table_rows(t) for t in docx.Document(str(out / "tong_hop_cchc_q1_2022.docx")).tables]


def test_the_word_appendix_sums_the_counted_reports(result: tuple[Path, list[str]]) -> None:
    found = tables(result[0])
    by_unit, tasks, by_field, groups = found[1], found[2], found[3], found[4]
    assert [row[1] for row in by_unit[4:]] == [*COUNTED, "Tổng cộng"]
    assert [row[2:] for row in by_unit[4:]] == [*BY_UNIT, TOTAL]
    assert [row[1:] for row in by_field[4:]] == [*BY_FIELD, ["Tổng cộng", *TOTAL]]
    assert by_field[3] == [f"({n})" for n in range(1, 14)]  # the same form as Phụ lục II
    assert by_field[0][:2] == ["STT", "Lĩnh vực, công việc giải quyết theo cấp"]
    assert [row[1:] for row in tasks[1:]] == [[u, *map(str, c)] for u, c in zip(COUNTED, TASKS_BY_UNIT, strict=True)] + [
        ["Tổng cộng", *map(str, TASKS_TOTAL)]
    ]  # fmt: skip
    assert groups[1:] == [list(map(str, g)) for g in TASKS_BY_GROUP] + [
        ["", "Tổng cộng", *map(str, TASKS_TOTAL)]
    ]


def test_the_word_appendix_passes_cchc_check(result: tuple[Path, list[str]]) -> None:
    checked = run_cli("check", result[0] / "tong_hop_cchc_q1_2022.docx")
    assert checked.exit_code == 0, checked.output
    assert checked.output.rstrip().endswith("0 lỗi, 8 cảnh báo")  # an appendix: no header, no signature


def test_the_workbook_has_the_same_figures_one_sheet_per_table(result: tuple[Path, list[str]]) -> None:
    book = openpyxl.load_workbook(result[0] / "tong_hop_cchc_q1_2022.xlsx")
    assert book.sheetnames == [
        "TTHC", "Nhiệm vụ", "TTHC theo lĩnh vực", "Nhiệm vụ theo nhóm", "Chỉ tiêu các đơn vị", "Cần xử lý",
    ]  # fmt: skip
    values = [list(r) for r in book["TTHC"].iter_rows(min_row=2, values_only=True)]
    assert [row[:12] for row in values] == [
        [name, *(int(v.replace(".", "")) for v in figures)]
        for name, figures in zip([*COUNTED, "Tổng cộng"], [*BY_UNIT, TOTAL], strict=True)
    ]
    fields = [list(r)[:12] for r in book["TTHC theo lĩnh vực"].iter_rows(min_row=2, values_only=True)]
    assert fields == [
        [row[0], *(int(v.replace(".", "")) for v in row[1:])] for row in [*BY_FIELD, ["Tổng cộng", *TOTAL]]
    ]
    groups = [list(r) for r in book["Nhiệm vụ theo nhóm"].iter_rows(min_row=2, values_only=True)]
    assert groups == [*TASKS_BY_GROUP, [None, "Tổng cộng", *TASKS_TOTAL]]  # an empty cell is no cell
    tasks = [list(r) for r in book["Nhiệm vụ"].iter_rows(min_row=2, values_only=True)]
    assert tasks == [
        [u, *c] for u, c in zip([*COUNTED, "Tổng cộng"], [*TASKS_BY_UNIT, TASKS_TOTAL], strict=True)
    ]
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type in ("s", "n"), (sheet.title, cell.coordinate, cell.value)


def test_the_targets_of_each_counted_report_as_typed(result: tuple[Path, list[str]]) -> None:
    book = openpyxl.load_workbook(result[0] / "tong_hop_cchc_q1_2022.xlsx")
    rows = [list(r) for r in book["Chỉ tiêu các đơn vị"].iter_rows(values_only=True)]
    assert rows[0] == ["Đơn vị", "Chỉ tiêu", "Số liệu", "Kết quả", "Chỉ tiêu kế hoạch", "Đánh giá"]
    units = [str(r[0]) for r in rows[1:]]
    assert sorted(set(units)) == ["Xã Lộc Sơn", "Xã Lộc Thủy", "Xã Lộc Điền", "Xã Vinh Hiền"]
    assert [units.count(u) for u in ("Xã Lộc Điền", "Xã Lộc Sơn", "Xã Lộc Thủy", "Xã Vinh Hiền")] == [
        24,
        24,
        24,
        2,
    ]
    assert rows[1:3] == [
        ["Xã Lộc Điền", "Tỷ lệ VBQPPL ban hành đúng quy định", "1/1", "100%", "100%", "Đạt"],
        ["Xã Lộc Điền", "Tỷ lệ VBQPPL được rà soát", "—", "—", "100%", "Chưa đến kỳ đánh giá"],
    ]
    assert [r for r in rows if r[0] == "Xã Vinh Hiền"] == [
        ["Xã Vinh Hiền", t, None, k, None, d] for t, k, d in TARGETS
    ]


def test_the_list_to_act_on(result: tuple[Path, list[str]]) -> None:
    book = openpyxl.load_workbook(result[0] / "tong_hop_cchc_q1_2022.xlsx")
    rows = [list(r) for r in book["Cần xử lý"].iter_rows(values_only=True)]
    assert rows[0] == ["STT", "Vấn đề", "Đơn vị", "Tệp", "Chi tiết", "Đã cộng vào bảng tổng hợp"]
    assert [r[0] for r in rows[1:]] == [str(n) for n in range(1, len(LIST) + 1)]
    assert [(r[1], r[2] or "", r[3] or "", r[5]) for r in rows[1:]] == [
        (k, u, f, c) for k, u, f, _, c in LIST
    ]
    assert [r[4] for r in rows[1:] if r[1] != "Không đọc được"] == [d for _, _, _, d, _ in LIST if d]
    unreadable = next(str(r[4]) for r in rows[1:] if r[1] == "Không đọc được")
    assert unreadable.startswith("tệp hỏng hoặc không phải tệp Word .docx")
    assert "hong.docx" not in unreadable  # the file is in its own column
    printed = result[1]
    assert printed[2] == "Đã đọc 12 tệp; cộng vào bảng tổng hợp 7 đơn vị."
    assert printed[3] == f"Cần xử lý ({len(LIST)}):"
    assert printed[4:] == [f"{n:>3}. {r[1]}: {', '.join(str(p) for p in (r[2], r[3]) if p)}: {r[4]}"
                           for n, r in enumerate(rows[1:], start=1)]  # fmt: skip


def test_without_a_list_of_units_no_unit_is_missing(received: Path, tmp_path: Path) -> None:
    run = run_cli("tong-hop", received, "-k", "Q1", "-n", "2022", "-o", tmp_path)
    assert run.exit_code == 0, run.stderr
    assert not any("Chưa có báo cáo" in line for line in run.output.splitlines())
    assert "Cần xử lý (6):" in run.output


def test_a_missing_folder_is_an_error(tmp_path: Path) -> None:
    run = run_cli("tong-hop", tmp_path / "khong_co", "-k", "Q1", "-n", "2022", "-o", tmp_path / "out")
    assert run.exit_code == 1
    assert run.stderr.strip() == f"Lỗi: {tmp_path / 'khong_co'}: không tìm thấy thư mục báo cáo"
    assert not (tmp_path / "out").exists()


def stats(name: str, carried: int, pending: int) -> FieldStats:
    """15 files received in the period, ``carried`` from the one before, ``pending`` left at its end."""
    return FieldStats(name, 10, 5, carried, 15 + carried - pending, 0, 0, pending, 0, Location("x"))


def report(
    unit: str,
    fields: tuple[FieldStats, ...],
    period: tuple[str, int] = ("Q1", 2022),
    issued: dt.date | None = dt.date(2022, 3, 10),
) -> ReceivedReport:
    return ReceivedReport(f"{unit}.docx", unit, period, issued, fields=fields)


def test_carried_files_are_checked_against_the_previous_period() -> None:
    before = [report("Xã A", (stats("Hộ tịch", 0, 3), stats("Đất đai", 0, 4)), ("Q4", 2021))]
    now = [report("XÃ A", (stats("Hộ tịch", 3, 3), stats("Đất  đai", 2, 0)))]
    judged = judge(now, ("Q1", 2022), 20, previous=before)
    assert judged.findings == [
        Finding(receiving.CARRIED, "XÃ A", "XÃ A.docx", "Đất  đai: từ kỳ trước 2, kỳ trước còn đang giải quyết 4",
                counted=True)
    ]  # fmt: skip
    assert [r.unit for r in judged.counted] == ["XÃ A"]


def test_units_of_the_previous_period_are_expected() -> None:
    before = [report("Xã A", ()), report("Xã B", ())]
    judged = judge([report("UBND xã A", ())], ("Q1", 2022), 20, previous=before)
    assert judged.findings == [Finding(receiving.MISSING, "Xã B", "", "không có báo cáo quý I năm 2022")]


def test_the_previous_periods_folder_gives_the_units_and_checks_carried_files(
    received: Path, tmp_path: Path
) -> None:
    before = tmp_path / "bao_cao_q4_2021"
    before.mkdir()
    december = {"period": "quý IV năm 2021", "tasks": TASKS_A}
    # Vinh Hiền left 5 Hộ tịch files pending (its Q1 report carries 1) and 2 Tư pháp (it carries 0)
    office("Vinh Hiền", "Vinh Hiền", 15, fields={"Hộ tịch": (1, 4, 0, 0, 0, 0, 5, 0), "Tư pháp": (1, 1, 0, 0, 0, 0, 2, 0)},
           **december).save(before / "vinh_hien.docx")  # fmt: skip
    office("Vinh Mỹ", "Vinh Mỹ", 15, fields={"Chứng thực": (1, 1, 0, 1, 1, 0, 0, 0)}, **december).save(
        before / "vinh_my.docx"
    )
    office("Lộc Vĩnh", "Lộc Vĩnh", 15, fields={"Hộ tịch": (1, 1, 0, 1, 1, 0, 0, 0)}, **december).save(
        before / "loc_vinh.docx"
    )
    run = run_cli(
        "tong-hop", received, "-k", "Q1", "-n", "2022", "-o", tmp_path / "out", "--ky-truoc", before
    )
    assert run.exit_code == 0, run.stderr
    listed = [line for line in run.output.splitlines() if line[:3].strip().isdigit()]
    assert [line for line in listed if "Chưa có báo cáo" in line or "Từ kỳ trước" in line] == [
        "  1. Chưa có báo cáo: Xã Lộc Vĩnh: không có báo cáo quý I năm 2022",
        "  6. Từ kỳ trước không khớp: Xã Vinh Hiền, vinh_hien.docx: Hộ tịch: từ kỳ trước 1, kỳ trước còn đang "
        "giải quyết 5",
        "  7. Từ kỳ trước không khớp: Xã Vinh Hiền, vinh_hien.docx: Tư pháp: từ kỳ trước 0, kỳ trước còn đang "
        "giải quyết 2",
    ]


@pytest.mark.libreoffice
def test_odt_and_doc_reports_are_converted_first(tmp_path: Path) -> None:
    from tests.libreoffice import require_libreoffice
    from tests.test_import import convert

    soffice = require_libreoffice()
    folder = tmp_path / "nhan"
    folder.mkdir()
    typed = office("Vinh Hiền", "Vinh Hiền", 12, tasks=TASKS_A, order=NEW_ORDER,
                   fields={"Hộ tịch": (10, 20, 1, 5, 20, 1, 4, 1)}).save(tmp_path / "vinh_hien.docx")  # fmt: skip
    convert(soffice, typed, "odt", folder)
    made = tmp_path / "cchc"
    made.mkdir()
    convert(
        soffice, cchc_report(made, "loc_thuy", unit="Lộc Thủy", factor=1, issued="15/03/2022"), "doc", folder
    )
    assert sorted(p.name for p in folder.iterdir() if p.is_file()) == ["loc_thuy.doc", "vinh_hien.odt"]
    run = run_cli("tong-hop", folder, "-k", "Q1", "-n", "2022", "-o", tmp_path / "out")
    assert run.exit_code == 0, run.stderr
    assert "Đã đọc 2 tệp; cộng vào bảng tổng hợp 2 đơn vị." in run.output
    rows = tables(tmp_path / "out")[1]
    assert [row[1:] for row in rows[4:6]] == [
        ["Xã Lộc Thủy", "390", "117", "267", "6", "379", "121", "256", "2", "11", "9", "2"],
        ["Xã Vinh Hiền", "31", "10", "20", "1", "26", "5", "20", "1", "5", "4", "1"],
    ]


def test_worker_processes_read_the_same(
    received: Path,
    units: Path,
    result: tuple[Path, list[str]],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from generator.workflows import receiving as workflow

    monkeypatch.setattr(workflow, "POOL_FROM", 2)
    read = workflow.receive(received, ("Q1", 2022), tmp_path, units=units, workers=2)
    assert read.counted == COUNTED
    assert [(f.kind, f.unit, f.file) for f in read.findings] == [(k, u, f) for k, u, f, _, _ in LIST]
    assert tables(tmp_path) == tables(result[0])


def test_the_page_does_the_same_from_a_dropped_zip(
    received: Path, units: Path, result: tuple[Path, list[str]], client: FlaskClient
) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for path in sorted(received.iterdir()):
            archive.write(path, f"bao_cao_q1/{path.name}")
    form = {"bao_cao": (io.BytesIO(buffer.getvalue()), "bao_cao_q1.zip"), "ky": "Q1", "nam": "2022",
            "don_vi": (io.BytesIO(units.read_bytes()), "don_vi.xlsx")}  # fmt: skip
    response = client.post("/tong-hop", data=form)
    page = text_of(response)
    assert response.status_code == 200, page
    assert "Đã đọc 12 tệp; cộng vào bảng tổng hợp 7 đơn vị" in page
    assert f"Cần xử lý ({len(LIST)})" in page
    assert "<b>Gửi muộn</b>: Xã Lộc Sơn, loc_son.docx: ngày 25/03/2022, sau hạn gửi 20/03/2022 5 ngày" in page
    link = page.split('id="tai-tong-hop" href="', 1)[1].split('"', 1)[0]
    archive = zipfile.ZipFile(io.BytesIO(client.get(link).data))
    assert sorted(archive.namelist()) == [
        "cchc_tong_hop/tong_hop_cchc_q1_2022.docx", "cchc_tong_hop/tong_hop_cchc_q1_2022.xlsx",
    ]  # fmt: skip
    found = [table_rows(t) for t in docx.Document(io.BytesIO(archive.read(archive.namelist()[0]))).tables]
    assert found == tables(result[0])  # the same tables as the command's


def test_the_page_asks_for_the_period(received: Path, client: FlaskClient) -> None:
    form = {"bao_cao": (io.BytesIO((received / "vinh_my.docx").read_bytes()), "vinh_my.docx"), "ky": ""}
    response = client.post("/tong-hop", data=form)
    assert response.status_code == 400
    assert form_problems(response.text) == ["cần chọn kỳ báo cáo và năm để tổng hợp"]


def test_a_folder_without_reports_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "ghi_chu.txt").write_text("x", encoding="utf-8")
    run = run_cli("tong-hop", tmp_path, "-k", "Q1", "-n", "2022", "-o", tmp_path / "out")
    assert run.exit_code == 1
    assert run.stderr.strip() == (
        f"Lỗi: {tmp_path}: thư mục không có tệp báo cáo Word nào (.docx, .doc, .odt, .rtf, .docm, .dotx, .dot)"
    )


def test_a_report_without_its_day_is_listed_and_counted() -> None:
    judged = judge([report("Xã A", (), ("Q2", 2022), None)], ("Q2", 2022), 18)
    assert judged.findings == [
        Finding(receiving.UNDATED, "Xã A", "Xã A.docx", "dòng ngày tháng không ghi đủ ngày: không biết báo cáo "
                "có gửi trước hạn 18/06/2022 không", counted=True)
    ]  # fmt: skip
    assert [r.unit for r in judged.counted] == ["Xã A"]


@pytest.mark.parametrize(
    ("typed", "same"),
    [("UBND xã Lộc Thủy", True), ("XÃ LỘC THUỶ", True), ("Ủy ban nhân dân  xã Lộc Thuỷ", True),
     ("Xã Lộc Thuỵ", False), ("Xã Lộc Thủy Đông", False)],
    ids=["short-council", "capitals-old-tone", "council-old-tone", "other-tone", "other-name"],
)  # fmt: skip
def test_unit_names_are_compared_as_people_write_them(typed: str, same: bool) -> None:
    assert (receiving.unit_key(typed) == receiving.unit_key("Xã Lộc Thủy")) is same


def test_memory_grows_only_by_each_reports_summary(received: Path, tmp_path: Path) -> None:
    """Only the small summary of a report is kept: reading 24 reports peaks a little above 8."""
    import shutil
    import tracemalloc

    from generator.workflows.receiving import _read_folder

    peaks = []
    for count in (8, 24):
        folder = tmp_path / str(count)
        folder.mkdir()
        for number in range(count):
            shutil.copy(received / "vinh_hien.docx", folder / f"r{number}.docx")
        _read_folder(folder, None, 1)  # modules and caches loaded before measuring
        tracemalloc.start()
        _read_folder(folder, None, 1)
        peaks.append(tracemalloc.get_traced_memory()[1])
        tracemalloc.stop()
    assert peaks[1] - peaks[0] < 16 * 32 * 1024  # under 32 KiB a report


def test_a_field_spelt_two_ways_is_one_row() -> None:
    from collections import Counter

    from generator.render.consolidated_context import UnitSummary, consolidated_context

    def unit(name: str, field: str) -> UnitSummary:
        fields = (stats(field, 0, 2),)
        return UnitSummary(name, fields[0], Counter(), fields)

    context = consolidated_context([unit("Xã A", "Hòa giải"), unit("Xã B", "HOÀ  GIẢI")], "Q1", 2022, "")
    assert [(row["ten"], row["tong_nhan"], row["dang_giai_quyet"]) for row in context["linh_vuc"]] == [
        ("Hòa giải", 30, 4)
    ]
