"""Several faults in several files: one run lists them all, for the plan and for the report.

Before, problems came out in stages: the first run showed only the encoding error, the Excel
data errors came on the second, the bad deadline on the third (or only with `cchc report`), and
a progress sheet was not read at all while the plan had an error.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import docx

from generator.domain.deadlines import accepted_forms
from generator.inputs.formats.text import legacy_message
from generator.inputs.parts.tasks import LEAP_YEAR
from tests.conftest import EXAMPLE, WORD_EXAMPLE, run_cli
from tests.test_report_bad_input import set_cells

MIXED = "Kế hoạch ®\xadîc giao"  # TCVN3 bytes read as Unicode, mixed with real Unicode: not converted
UNKNOWN = 'thời hạn "Trước ngày 31/02/2022": tháng 2 năm 2022 không có ngày 31 (chỉ có 28 ngày)'
GROUP = 'nhóm "VIII" không hợp lệ (cột "Nhóm"; cần một trong: I, II, III, IV, V, VI, VII)'
STATE = 'trạng thái "Xong" không hợp lệ (cột "Trạng thái"; cần một trong: Hoàn thành, Đang thực hiện, Chưa thực hiện)'
LATE = "ngày hoàn thành 20/05/2022 sau ngày chốt số liệu 14/03/2022"


def break_progress(folder: Path) -> Path:
    """A state nobody knows, a task done after the cut-off, a negative count."""
    path = folder / "tien_do_q1_2022.xlsx"
    set_cells(path, "Tiến độ", {"C2": "Xong", "C3": "Hoàn thành", "D3": "20/05/2022"})
    set_cells(path, "TTHC", {"C2": -3})
    return path


def errors(*args: str | Path) -> list[str]:
    result = run_cli(*args)
    assert result.exit_code == 1, result.output
    return [line.removeprefix("Lỗi: ") for line in result.stderr.splitlines() if line.startswith("Lỗi: ")]


def test_a_yaml_folder(tmp_path: Path) -> None:
    folder = tmp_path / "du_lieu"
    shutil.copytree(EXAMPLE, folder)
    plan_file = folder / "ke_hoach.yaml"
    plan_file.write_bytes(plan_file.read_text(encoding="utf-8").encode("cp1258", errors="replace"))
    tasks = folder / "nhiem_vu.xlsx"
    set_cells(tasks, "Nhiệm vụ", {"A5": "VIII", "C6": None, "G7": "Trước ngày 31/02/2022"})
    progress = break_progress(folder)
    words = folder / "bao_cao_q1_2022.yaml"
    text = words.read_text(encoding="utf-8")
    line = text.splitlines().index("  chi_dao_dieu_hanh: |-") + 1  # a block is placed at its key
    words.write_text(
        text.replace("  chi_dao_dieu_hanh: |-\n", f"  chi_dao_dieu_hanh: |-\n    {MIXED}\n", 1), "utf-8"
    )
    unknown = UNKNOWN.replace(
        accepted_forms(2022), accepted_forms(LEAP_YEAR)
    )  # the plan's year is unreadable
    plan_errors = [
        f"{plan_file}: tệp không phải văn bản UTF-8 (byte thứ {_first_bad_byte(plan_file)})",
        f'{tasks}, trang "Nhiệm vụ", ô A5: {GROUP}',
        f'{tasks}, trang "Nhiệm vụ", ô C6: thiếu giá trị bắt buộc (cột "Nhiệm vụ cụ thể")',
        f'{tasks}, trang "Nhiệm vụ", ô G7: {unknown}',
    ]

    assert errors("plan", folder, "--out", tmp_path / "out") == plan_errors
    assert errors("report", "--period", "Q1", "--year", "2022", folder, "--out", tmp_path / "out") == [
        f"{words}:{line} (bao_cao.chi_dao_dieu_hanh): {legacy_message('TCVN3')}",  # files in the order read
        *plan_errors,
        f'{progress}, trang "TTHC", ô C2: số lượng không được âm (-3) (cột "Trực tiếp, bưu chính")',
        f'{progress}, trang "Tiến độ", ô C2: {STATE}',
        f'{progress}, trang "Tiến độ", ô D3: {LATE}',
    ]
    assert not (tmp_path / "out").exists()


def test_a_word_and_excel_folder(tmp_path: Path) -> None:
    folder = tmp_path / "du_lieu"
    shutil.copytree(WORD_EXAMPLE, folder)
    words = folder / "ke_hoach.docx"
    document = docx.Document(str(words))
    number, paragraph = next(
        (i, p) for i, p in enumerate(document.paragraphs, start=1) if p.text.startswith("Thực hiện")
    )
    paragraph.add_run(f" {MIXED}")
    document.save(str(words))
    book = folder / "ke_hoach.xlsx"
    set_cells(book, "Đơn vị", {"B13": None})  # Họ tên người ký
    set_cells(book, "Nhiệm vụ", {"A5": "VIII", "G7": "Trước ngày 31/02/2022"})
    progress = break_progress(folder)
    report_words = folder / "bao_cao_q1_2022.docx"
    report_words.write_bytes(b"PK\x03\x04 not a real Word file")
    excerpt = " ".join(paragraph.text.split()[:6]) + "…"
    plan_errors = [  # by file in the order read, then by place
        f'{book}, trang "Nhiệm vụ", ô A5: {GROUP}',
        f'{book}, trang "Nhiệm vụ", ô G7: {UNKNOWN}',
        f'{book}, trang "Đơn vị", ô B13: thiếu giá trị bắt buộc (Họ tên người ký)',
        f'{words}, đoạn {number} ("{excerpt}"): {legacy_message("TCVN3")}',
    ]

    assert errors("plan", folder, "--out", tmp_path / "out") == plan_errors
    assert errors("report", "--period", "Q1", "--year", "2022", folder, "--out", tmp_path / "out") == [
        f"{report_words}: tệp hỏng hoặc không phải tệp Word .docx: hãy mở bằng Word và lưu lại dạng .docx "
        "(Tệp › Lưu thành › Tài liệu Word)",
        *plan_errors,
        f'{progress}, trang "TTHC", ô C2: số lượng không được âm (-3) (cột "Trực tiếp, bưu chính")',
        f'{progress}, trang "Tiến độ", ô C2: {STATE}',
        f'{progress}, trang "Tiến độ", ô D3: {LATE}',
    ]
    assert not (tmp_path / "out").exists()


def _first_bad_byte(path: Path) -> int | None:
    """Where UTF-8 decoding of ``path`` fails, 1-based, as the message counts."""
    try:
        path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as exc:
        return exc.start + 1
    return None


def test_a_broken_plan_words_file_does_not_hide_the_sheets(tmp_path: Path) -> None:
    """Before: "có trang Kế hoạch nhưng không tìm thấy lời văn" as well, and the tasks unread."""
    folder = tmp_path / "du_lieu"
    shutil.copytree(WORD_EXAMPLE, folder)
    words = folder / "ke_hoach.docx"
    words.write_bytes(b"PK\x03\x04 not a real Word file")
    book = folder / "ke_hoach.xlsx"
    set_cells(book, "Nhiệm vụ", {"G7": "Trước ngày 31/02/2022"})
    assert errors("plan", folder, "--out", tmp_path / "out") == [
        f"{words}: tệp hỏng hoặc không phải tệp Word .docx: hãy mở bằng Word và lưu lại dạng .docx "
        "(Tệp › Lưu thành › Tài liệu Word)",
        f'{book}, trang "Nhiệm vụ", ô G7: {UNKNOWN}',
    ]
