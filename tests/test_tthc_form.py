"""The "TTHC" sheet in the form's terms (Biểu 06/VPCP/KSTT, docs/tthc-form-06.md §3, §7):
each identity checked at its cell with its exact message, older sheets still read, the
optional columns printed only when given.

Each test writes its own sheet into a copy of the example folder.
"""

from __future__ import annotations

from pathlib import Path

import docx
import openpyxl
import pytest

from tests.conftest import run_cli
from tests.docx_text import table_rows

PROGRESS = "tien_do_q1_2022.xlsx"
FORM = ["Lĩnh vực", "Trực tuyến", "Trực tiếp, bưu chính", "Từ kỳ trước", "Trước hạn", "Đúng hạn", "Quá hạn"]
# Hộ tịch of the example: 64 online + 54 in person + 2 carried = 120; 35 + 82 + 0 = 117 resolved; 3 pending.
HO_TICH = ["Hộ tịch", 64, 54, 2, 35, 82, 0]
DAT_DAI = ["Đất đai", 4, 22, 3, 6, 17, 2]  # 29 received, 25 resolved, 4 pending


def write_tthc(folder: Path, header: list[str], rows: list[list[object]]) -> Path:
    path = folder / PROGRESS
    book = openpyxl.load_workbook(path)
    position = book.sheetnames.index("TTHC")
    del book["TTHC"]
    sheet = book.create_sheet("TTHC", position)
    for row in [header, *rows]:
        sheet.append(row)
    book.save(path)
    return path


def report(folder: Path, out: Path) -> tuple[int, list[str]]:
    result = run_cli("report", "--period", "Q1", "--year", "2022", folder, "--out", out)
    return result.exit_code, result.stderr.splitlines()


def error(path: Path, cell: str, message: str) -> str:
    return f'Lỗi: {path}, trang "TTHC", ô {cell}: {message}'


@pytest.mark.parametrize(
    ("extra", "values", "cell", "message"),
    [
        ("Tổng số nhận", 121, "H2", "tổng số hồ sơ nhận giải quyết (121) phải bằng trực tuyến (64) + trực tiếp, "
         "bưu chính (54) + từ kỳ trước (2) = 120"),
        ("Đã giải quyết", 118, "H2", "tổng số hồ sơ đã giải quyết (118) phải bằng trước hạn (35) + đúng hạn (82) "
         "+ quá hạn (0) = 117"),
        ("Đang giải quyết", 4, "H2", "tổng số hồ sơ nhận giải quyết (120) phải bằng đã giải quyết (117) + đang "
         "giải quyết (4) = 121"),
    ],
    ids=["received", "resolved", "balance"],
)  # fmt: skip
def test_a_total_that_breaks_an_identity_is_an_error_at_its_cell(
    example: Path, tmp_path: Path, extra: str, values: int, cell: str, message: str
) -> None:
    path = write_tthc(example, [*FORM, extra], [[*HO_TICH, values]])
    code, lines = report(example, tmp_path / "out")
    assert code == 1
    assert lines == [error(path, cell, message)]
    assert not (tmp_path / "out").exists()


def test_pending_split_against_its_total_and_the_balance(example: Path, tmp_path: Path) -> None:
    """Identity 3 (total = in time + late) at the total's cell, identity 4 at the same cell."""
    header = [*FORM, "Đang giải quyết", "Đang giải quyết trong hạn", "Đang giải quyết quá hạn"]
    path = write_tthc(example, header, [[*HO_TICH, 3, 2, 2], [*DAT_DAI, 5, 2, 2]])
    code, lines = report(example, tmp_path / "out")
    assert code == 1
    assert lines == [
        error(path, "H2", "tổng số hồ sơ đang giải quyết (3) phải bằng trong hạn (2) + quá hạn (2) = 4"),
        error(
            path,
            "H3",
            "tổng số hồ sơ nhận giải quyết (29) phải bằng đã giải quyết (25) + đang giải quyết (5) = 30",
        ),
        error(path, "H3", "tổng số hồ sơ đang giải quyết (5) phải bằng trong hạn (2) + quá hạn (2) = 4"),
    ]


def test_every_broken_identity_of_every_row_in_one_run(example: Path, tmp_path: Path) -> None:
    header = ["Lĩnh vực", "Tổng số nhận", "Trực tuyến", "Trực tiếp, bưu chính", "Từ kỳ trước", "Đã giải quyết",
              "Trước hạn", "Đúng hạn", "Quá hạn", "Đang giải quyết trong hạn", "Đang giải quyết quá hạn"]  # fmt: skip
    path = write_tthc(example, header, [
        ["Hộ tịch", 100, 64, 54, 2, 117, 35, 82, 0, 3, 0],  # received total wrong (120)
        ["Chứng thực", 205, 38, 167, 0, 200, 70, 135, 0, 0, 0],  # resolved total wrong (205)
        ["Đất đai", 29, 4, 22, 3, 25, 6, 17, 2, 1, 2],  # pending 3, balance needs 4
    ])  # fmt: skip
    code, lines = report(example, tmp_path / "out")
    assert code == 1
    assert lines == [
        error(path, "B2", "tổng số hồ sơ nhận giải quyết (100) phải bằng trực tuyến (64) + trực tiếp, bưu chính "
              "(54) + từ kỳ trước (2) = 120"),
        error(path, "F3", "tổng số hồ sơ đã giải quyết (200) phải bằng trước hạn (70) + đúng hạn (135) + quá hạn "
              "(0) = 205"),
        error(path, "J4", "tổng số hồ sơ nhận giải quyết (29) phải bằng đã giải quyết (25) + đang giải quyết (3) "
              "= 28"),
    ]  # fmt: skip


def test_a_sheet_of_the_form_reads_into_phu_luc_ii(example: Path, tmp_path: Path) -> None:
    """Headers as a one-stop portal exports them (the form's totals included) are accepted."""
    header = ["Lĩnh vực, công việc giải quyết theo cấp", "Số hồ sơ nhận giải quyết", "Trực tuyến",
              "Trực tiếp, dịch vụ bưu chính", "Từ kỳ trước", "Số hồ sơ đã giải quyết", "Trước hạn", "Đúng hạn",
              "Quá hạn", "Số lượng hồ sơ đang giải quyết", "Trong hạn", "Số lượng hồ sơ đang giải quyết quá hạn"]  # fmt: skip
    write_tthc(example, header, [["Hộ tịch", 120, 64, 54, 2, 117, 35, 82, 0, 3, 1, 2]])
    code, lines = report(example, tmp_path / "out")
    assert code == 0, lines
    rows = phu_luc_ii(tmp_path / "out")
    assert rows[4] == ["1", "Hộ tịch", "120", "64", "54", "2", "117", "35", "82", "0", "3", "1", "2"]


def test_an_older_sheet_still_reads(example: Path, tmp_path: Path) -> None:
    """ "Tiếp nhận" (online included), "Kỳ trước chuyển sang", "Trễ hạn", "Đang giải quyết": the
    in-person files are what is left of "Tiếp nhận"; the pending split is not known, so left blank."""
    header = ["Lĩnh vực", "Tiếp nhận", "Trực tuyến", "Kỳ trước chuyển sang", "Trước hạn", "Đúng hạn", "Trễ hạn",
              "Đang giải quyết"]  # fmt: skip
    write_tthc(example, header, [["Hộ tịch", 118, 64, 2, 35, 82, 0, 3], ["Đất đai", 26, 4, 3, 6, 17, 2, 4]])
    code, lines = report(example, tmp_path / "out")
    assert code == 0, lines
    rows = phu_luc_ii(tmp_path / "out")
    assert rows[4:] == [
        ["1", "Hộ tịch", "120", "64", "54", "2", "117", "35", "82", "0", "3", "", ""],
        ["2", "Đất đai", "29", "4", "22", "3", "25", "6", "17", "2", "4", "", ""],
        ["", "Tổng cộng", "149", "68", "76", "5", "142", "41", "99", "2", "7", "", ""],
    ]


@pytest.mark.parametrize(
    ("header", "row", "cell", "message"),
    [
        (["Lĩnh vực", "Tiếp nhận", "Trực tuyến", "Trước hạn", "Đúng hạn", "Trễ hạn"], ["Hộ tịch", 50, 64, 35, 82, 0],
         "C2", "số hồ sơ trực tuyến (64) lớn hơn số tiếp nhận (50)"),
        (["Lĩnh vực", "Tiếp nhận", "Trực tuyến", "Trước hạn", "Đúng hạn", "Trễ hạn"], ["Hộ tịch", 100, 64, 35, 82, 0],
         "F2", "số hồ sơ đã giải quyết (117) lớn hơn tổng số hồ sơ nhận giải quyết (100)"),
        ([*FORM, "Tiếp nhận"], [*HO_TICH, 100], "H2",
         "số hồ sơ tiếp nhận trong kỳ (100) phải bằng trực tuyến (64) + trực tiếp, bưu chính (54) = 118"),
        (["Lĩnh vực", "Trực tuyến", "Trước hạn", "Đúng hạn", "Quá hạn"], ["Hộ tịch", 64, 35, 82, 0], None,
         'thiếu số hồ sơ tiếp nhận trực tiếp, qua bưu chính: cần cột "Trực tiếp, bưu chính" (hoặc cột cũ '
         '"Tiếp nhận", kể cả hồ sơ trực tuyến)'),
    ],
    ids=["online-over-received", "resolved-over-received", "old-and-new-disagree", "no-in-person-column"],
)  # fmt: skip
def test_older_columns_are_checked_too(
    example: Path, tmp_path: Path, header: list[str], row: list[object], cell: str | None, message: str
) -> None:
    path = write_tthc(example, header, [row])
    code, lines = report(example, tmp_path / "out")
    assert code == 1
    place = f'Lỗi: {path}, trang "TTHC"' + (f", ô {cell}" if cell else "")
    assert lines == [f"{place}: {message}"]


@pytest.mark.parametrize(
    ("extra", "rows", "cell", "message"),
    [
        (["Trực tuyến toàn trình", "Trực tuyến một phần"], [[*HO_TICH, 40, 20]], "H2",
         "trực tuyến toàn trình (40) + một phần (20) phải bằng số hồ sơ trực tuyến (64)"),
        (["Thanh toán trực tuyến"], [[*HO_TICH, 121]], "H2",
         "số hồ sơ thanh toán trực tuyến (121) lớn hơn tổng số hồ sơ nhận giải quyết (120)"),
        (["Đang giải quyết quá hạn", "Quá hạn có thư xin lỗi"], [[*DAT_DAI, 2, 4], [*HO_TICH, 0, 1]], "I3",
         "số hồ sơ quá hạn có thư xin lỗi (1) lớn hơn số hồ sơ quá hạn (0)"),
    ],
    ids=["online-kinds", "paid-online", "apology"],
)  # fmt: skip
def test_optional_columns_stay_within_their_whole(
    example: Path, tmp_path: Path, extra: list[str], rows: list[list[object]], cell: str, message: str
) -> None:
    path = write_tthc(example, [*FORM, *extra], rows)
    code, lines = report(example, tmp_path / "out")
    assert code == 1
    assert lines == [error(path, cell, message)]


def test_optional_figures_are_printed_only_when_given(example: Path, tmp_path: Path) -> None:
    write_tthc(example, [*FORM, "Trực tuyến toàn trình", "Thanh toán trực tuyến"], [[*HO_TICH, None, None]])
    code, lines = report(example, tmp_path / "out")  # columns left blank: as if absent
    assert code == 0, lines
    document = docx.Document(str(next((tmp_path / "out").glob("*.docx"))))
    texts = [p.text for p in document.paragraphs]
    assert "Hồ sơ trực tuyến, thanh toán trực tuyến và thư xin lỗi (ngoài Biểu số 06)" not in texts
    assert "Tỷ lệ hồ sơ tiếp nhận trực tuyến 54,2% (chi tiết tại Phụ lục II)." in texts  # 64 / 118
    write_tthc(example, [*FORM, "Thanh toán trực tuyến"], [[*HO_TICH, 12]])
    code, lines = report(example, tmp_path / "again")
    assert code == 0, lines
    document = docx.Document(str(next((tmp_path / "again").glob("*.docx"))))
    # Without the files that carry a fee, a share of all files received means nothing (#23 item 4).
    assert table_rows(document.tables[-1])[1:] == [
        ["1", "Hồ sơ thanh toán phí, lệ phí trực tuyến", "12", "—"]
    ]
    write_tthc(example, [*FORM, "Hồ sơ có phí, lệ phí", "Thanh toán trực tuyến"], [[*HO_TICH, 48, 12]])
    code, lines = report(example, tmp_path / "with_fee")
    assert code == 0, lines
    document = docx.Document(str(next((tmp_path / "with_fee").glob("*.docx"))))
    assert table_rows(document.tables[-1])[1:] == [
        ["1", "Hồ sơ thanh toán phí, lệ phí trực tuyến", "12", "25% số hồ sơ có phí, lệ phí"]
    ]


def phu_luc_ii(out: Path) -> list[list[str]]:
    document = docx.Document(str(next(out.glob("*.docx"))))
    return table_rows(document.tables[6])  # after the form's top block
