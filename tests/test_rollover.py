"""`cchc rollover`: next year's editable inputs and draft plan from the seed's 2022 plan."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import docx
import openpyxl
import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.domain.year_shift import REFERENCE, shift_text
from tests.conftest import EXAMPLE, run_cli

YEAR_2023 = "Năm 2023"
# The 30 rows of the appendix (I.1.1 is the sub-row), with their 2023 deadlines.
EXPECTED_2023 = [
    ("I", "Trước ngày 31/12/2022\nNăm 2023"), ("I", None), ("I", "Trước ngày 31/12 hàng năm\nNăm 2023"),
    ("I", "Trước ngày 15/01/2023"), ("I", "Trước ngày 15/01 hàng năm\nNăm 2023"),
    ("II", "Tháng 12/2022"), ("II", "Tháng 12/2022"), ("II", YEAR_2023), ("II", YEAR_2023), ("II", YEAR_2023),
    ("II", YEAR_2023),
    ("III", YEAR_2023), ("III", YEAR_2023), ("III", YEAR_2023),
    ("IV", "Quý IV/2022"), ("IV", YEAR_2023), ("IV", "Quý I/2023\nNăm 2023"), ("IV", "Quý I/2023"),
    ("V", YEAR_2023), ("V", YEAR_2023), ("V", YEAR_2023), ("V", YEAR_2023),
    ("VI", YEAR_2023), ("VI", YEAR_2023), ("VI", YEAR_2023),
    ("VII", "Tháng 12/2022"), ("VII", "Tháng 12/2022"), ("VII", "Tháng 12/2022"), ("VII", "Tháng 12/2022"),
    ("VII", YEAR_2023),
]  # fmt: skip


def references(text: str) -> list[str]:
    """Every other document's number/date found in ``text`` (they must survive a rollover)."""
    return [match.group() for match in REFERENCE.finditer(text)]


def deadlines(folder: Path) -> list[tuple[object, object]]:
    sheet = openpyxl.load_workbook(folder / "nhiem_vu.xlsx")["Nhiệm vụ"]
    return [(row[0], row[6]) for row in sheet.iter_rows(min_row=2, values_only=True) if row[0]]


def roll(source: Path, year: int, out: Path, *extra: str) -> str:
    result = run_cli("rollover", source, "--year", str(year), "--out", out, *extra)
    assert result.exit_code == 0, result.stderr
    return result.output


@pytest.fixture(scope="module")
def rolled(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("rollover") / "2023"
    roll(EXAMPLE, 2023, out)
    return out


def test_every_deadline_moves_to_2023(rolled: Path) -> None:
    assert deadlines(rolled) == EXPECTED_2023


def test_plan_year_moves_in_title_and_appendix_heading(rolled: Path) -> None:
    data = yaml.safe_load((rolled / "ke_hoach.yaml").read_text(encoding="utf-8"))["ke_hoach"]
    assert data["nam"] == 2023
    assert data["trich_yeu"] == "Cải cách hành chính xã Lộc Thủy năm 2023"
    assert data["phu_luc"]["tieu_de"] == "Nhiệm vụ cụ thể triển khai công tác cải cách hành chính năm 2023"
    assert (data["so"], data["ngay_ban_hanh"]) == ("", "")
    document = docx.Document(str(rolled / "ke_hoach_cchc_2023_xa_loc_thuy.docx"))
    texts = [p.text for p in document.paragraphs]
    assert "Cải cách hành chính xã Lộc Thủy năm 2023" in texts
    assert "NHIỆM VỤ CỤ THỂ TRIỂN KHAI CÔNG TÁC CẢI CÁCH HÀNH CHÍNH NĂM 2023" in texts
    assert document.tables[0].rows[1].cells[1].text == "Lộc Thủy, ngày     tháng     năm 2023"


def test_the_users_file_keeps_its_comments_and_layout(rolled: Path) -> None:
    """Only the lines of changed values differ; comments, blank lines, quotes and blocks stay."""
    before = (EXAMPLE / "ke_hoach.yaml").read_text(encoding="utf-8").splitlines()
    after = (rolled / "ke_hoach.yaml").read_text(encoding="utf-8").splitlines()
    assert len(before) == len(after)
    changed = [(old, new) for old, new in zip(before, after, strict=True) if old != new]
    assert changed[:2] == [
        ("  nam: 2022", "  nam: 2023"),
        (
            "  ngay_ban_hanh: 07/01/2022   # dd/mm/yyyy; để trống nếu chưa biết ngày ký",
            '  ngay_ban_hanh: ""           # dd/mm/yyyy; để trống nếu chưa biết ngày ký',
        ),
    ]
    assert len(changed) == 9  # the opening's last "năm 2022" moves too; its citation keeps its own
    assert all(new.replace("năm 2023", "năm 2022") == old and new != old for old, new in changed[2:])
    assert (rolled / "don_vi.yaml").read_bytes() == (EXAMPLE / "don_vi.yaml").read_bytes()


def test_a_control_character_the_reader_took_does_not_stop_rollover(example: Path, tmp_path: Path) -> None:
    path = example / "ke_hoach.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("xã Lộc Thủy năm", "xã Lộc\x0bThủy năm"), "utf-8"
    )

    result = run_cli("rollover", example, "--year", "2023", "--out", tmp_path / "2023")

    assert result.exit_code == 0, result.stderr
    data = yaml.safe_load((tmp_path / "2023" / "ke_hoach.yaml").read_text(encoding="utf-8"))
    assert data["ke_hoach"]["trich_yeu"] == "Cải cách hành chính xã Lộc Thủy năm 2023"


def test_a_tab_after_a_key_is_a_message_with_its_line(example: Path, tmp_path: Path) -> None:
    path = example / "ke_hoach.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("trich_yeu: ", "trich_yeu:\t"), "utf-8")

    result = run_cli("rollover", example, "--year", "2023", "--out", tmp_path / "2023")

    assert result.exit_code == 1
    assert result.stderr == (
        "Lỗi: ke_hoach.yaml:9: không ghi lại được tệp YAML cho năm 2023: có ký tự Tab; YAML chỉ dùng dấu cách\n"
    )
    assert not (tmp_path / "2023").exists() or not any((tmp_path / "2023").iterdir())


def test_no_legal_reference_changes(rolled: Path) -> None:
    def every_reference(folder: Path) -> list[str]:
        found = references((folder / "ke_hoach.yaml").read_text(encoding="utf-8"))
        sheet = openpyxl.load_workbook(folder / "nhiem_vu.xlsx")["Nhiệm vụ"]
        for row in sheet.iter_rows(values_only=True):
            found += [ref for cell in row if isinstance(cell, str) for ref in references(cell)]
        return found

    before = every_reference(EXAMPLE)
    assert "6118/KH-UBND ngày 31/12/2021" in before
    assert "09/2019/NĐ-CP" in before
    assert every_reference(rolled) == before
    text = (rolled / "ke_hoach.yaml").read_text(encoding="utf-8")
    assert "giai đoạn 2021-2025, định hướng đến năm 2030" in text


def test_change_list_is_written_and_flags_the_can_cu(rolled: Path) -> None:
    changes = (rolled / "thay_doi_2023.txt").read_text(encoding="utf-8-sig")
    assert changes.startswith(
        "DANH SÁCH THAY ĐỔI — dự thảo Kế hoạch CCHC năm 2023 (lập từ kế hoạch năm 2022)"
    )
    assert (
        "ke_hoach.yaml:10 (ke_hoach.mo_dau): phần căn cứ: số, ngày của văn bản được dẫn giữ nguyên; "
        "kế hoạch năm 2023 cần dẫn văn bản mới" in changes
    )
    assert 'nhiem_vu.xlsx, trang "Nhiệm vụ", ô G7 (II.1): “Tháng 12/2021” → “Tháng 12/2022”' in changes


def progress_book(path: Path, states: dict[str, str]) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Tiến độ"
    sheet.append(["Mã", "Trạng thái", "Ngày hoàn thành"])
    codes = [f"{g}.{n}" for g, count in (("I", 4), ("II", 6), ("III", 3), ("IV", 4), ("V", 4), ("VI", 3), ("VII", 5))
             for n in range(1, count + 1)] + ["I.1.1"]  # fmt: skip
    for code in codes:
        state = states.get(code, "Đang thực hiện")
        sheet.append([code, state, dt.datetime(2022, 12, 1) if state == "Hoàn thành" else None])
    book.save(path)
    return path


def test_carry_over_and_drop_done(tmp_path: Path) -> None:
    progress = progress_book(tmp_path / "tien_do_nam_2022.xlsx", {
        "I.3": "Hoàn thành",  # one-off ("Trước ngày 15/01/2022"): dropped with --drop-done
        "I.4": "Hoàn thành",  # "Trước ngày 15/01 hàng năm": recurring, stays
        "II.2": "Chưa thực hiện",  # carried over
    })  # fmt: skip
    output = roll(EXAMPLE, 2023, tmp_path / "2023", "--progress", str(progress), "--drop-done")
    assert "Chuyển tiếp (chưa hoàn thành trong năm 2022): 28" in output
    assert (
        "  - II.2 “Xây dựng Kế hoạch rà soát, đánh giá TTHC”: chưa thực hiện — giữ lại, thời hạn chuyển sang năm mới"
        in output
    )
    assert "Đã bỏ (đã hoàn thành, không lặp lại): 1\n  - I.3 “Rà soát, hệ thống hóa văn bản QPPL”" in output
    rows = deadlines(tmp_path / "2023")
    assert len(rows) == 29
    assert ("I", "Trước ngày 15/01/2023") not in rows
    kept = roll(EXAMPLE, 2023, tmp_path / "kept", "--progress", str(progress))
    assert "Đã bỏ (đã hoàn thành, không lặp lại): 0" in kept
    assert len(deadlines(tmp_path / "kept")) == 30


def test_rollover_of_a_rollover_is_consistent(rolled: Path, tmp_path: Path) -> None:
    roll(rolled, 2024, tmp_path / "2024")
    roll(EXAMPLE, 2024, tmp_path / "direct")
    assert deadlines(tmp_path / "2024") == deadlines(tmp_path / "direct")
    twice = (tmp_path / "2024" / "ke_hoach.yaml").read_text(encoding="utf-8")
    direct = (tmp_path / "direct" / "ke_hoach.yaml").read_text(encoding="utf-8")
    assert twice == direct
    assert "Cải cách hành chính xã Lộc Thủy năm 2024" in twice


def test_refuses_to_overwrite_the_source(tmp_path: Path) -> None:
    result = run_cli("rollover", EXAMPLE, "--year", "2023", "--out", EXAMPLE)
    assert result.exit_code == 1
    assert "trùng thư mục dữ liệu năm cũ" in result.stderr


def test_year_must_move_forward(tmp_path: Path) -> None:
    result = run_cli("rollover", EXAMPLE, "--year", "2022", "--out", tmp_path / "x")
    assert result.exit_code == 1
    assert result.stderr == "Lỗi: năm mới (2022) phải sau năm của kế hoạch (2022)\n"


@pytest.mark.parametrize(
    ("text", "expected", "review"),
    [
        ("chương trình làm việc năm 2022 của UBND xã", "chương trình làm việc năm 2023 của UBND xã", ()),
        ("Báo cáo năm 2021", "Báo cáo năm 2022", ()),
        ("giai đoạn 2021-2025, định hướng đến năm 2030", "giai đoạn 2021-2025, định hướng đến năm 2030", ()),
        ("Nghị định 59/2019/NĐ-CP năm 2022", "Nghị định 59/2019/NĐ-CP năm 2023", ()),
        (
            "hạn ngày 15/01/2022 phải xong",
            "hạn ngày 15/01/2022 phải xong",
            ("hạn ngày 15/01/2022 phải xong",),
        ),
        ("kỳ 2022 của xã", "kỳ 2022 của xã", ("kỳ 2022 của xã",)),
    ],
    ids=["plan-year", "year-before", "spans", "reference", "loose-date", "bare-year"],
)
def test_shift_text_classification(text: str, expected: str, review: tuple[str, ...]) -> None:
    shifted = shift_text(text, 2022)
    assert (shifted.text, shifted.review) == (expected, review)


REFERENCE_TEXTS = [
    "Nghị định 09/2019/NĐ-CP", "Kế hoạch số 6118/KH-UBND ngày 31/12/2021", "Quyết định số 468/QĐ-TTg ngày 27/3/2021",
    "Nghị quyết số 39-NQ/TW ngày 17/4/2015", "Chỉ thị số 03/CT-UBND ngày 20/01/2021", "TCVN ISO 9001:2015",
    "Kế hoạch số 404/KH-UBND ngày 25 tháng 10 năm 2021",
]  # fmt: skip
REFERENCES = st.sampled_from(REFERENCE_TEXTS)
FILLER = st.sampled_from(["năm 2022", "năm 2021", "và", "của UBND xã", "giai đoạn 2021-2025", "ngày 15/01/2022",
                          "đến năm 2030", "2022", ";", "Tháng 12/2021"])  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.one_of(REFERENCES, FILLER), min_size=1, max_size=12), st.integers(min_value=1, max_value=3)
)
def test_property_references_survive_any_shift(words: list[str], years: int) -> None:
    text = " ".join(words)
    shifted = shift_text(text, 2022, years)
    assert references(shifted.text) == references(text)
    for reference in set(words) & set(REFERENCE_TEXTS):
        assert reference in shifted.text


def test_sheet_title_in_decomposed_unicode_with_trailing_space(example: Path, tmp_path: Path) -> None:
    """The reader's own sheet lookup serves plan and rollover alike: any case, form or spacing."""
    import unicodedata

    book = openpyxl.load_workbook(example / "nhiem_vu.xlsx")
    book["Nhiệm vụ"].title = unicodedata.normalize("NFD", "nhiệm vụ ")
    book.save(example / "nhiem_vu.xlsx")

    planned = run_cli("plan", example, "--out", tmp_path / "plan")
    rolled = run_cli("rollover", example, "--year", "2023", "--out", tmp_path / "2023")

    assert planned.exit_code == 0, planned.stderr
    assert rolled.exit_code == 0, rolled.stderr
    moved = openpyxl.load_workbook(tmp_path / "2023" / "nhiem_vu.xlsx")
    (title,) = moved.sheetnames[:1]
    assert unicodedata.normalize("NFC", title).strip() == "nhiệm vụ"
    deadlines_2023 = [row[6] for row in moved[title].iter_rows(min_row=2, values_only=True) if row[0]]
    assert deadlines_2023 == [deadline for _, deadline in EXPECTED_2023]


def test_the_plans_own_year_moves_in_the_opening_and_cited_documents_stay(rolled: Path) -> None:
    """The closing words of the opening are the plan's own sentence; the cited plans are not."""
    data = yaml.safe_load((rolled / "ke_hoach.yaml").read_text(encoding="utf-8"))["ke_hoach"]
    opening = data["mo_dau"]
    changes = (rolled / "thay_doi_2023.txt").read_text(encoding="utf-8-sig")
    assert opening.endswith("UBND xã ban hành Kế hoạch Cải cách hành chính xã Lộc Thủy năm 2023 như sau:")
    assert (
        "Kế hoạch số 6118/KH-UBND ngày 31/12/2021 của UBND huyện Phú Lộc về Cải cách hành chính "
        "huyện Phú Lộc năm 2022," in opening
    )
    assert "Kế hoạch số 404/KH-UBND ngày 25 tháng 10 năm 2021" in opening
    assert "giai đoạn 2021-2025, định hướng đến năm 2030" in opening
    kept = changes.split("Giữ nguyên năm (của văn bản được dẫn, của giai đoạn): ")[1].split("\n\n")[0]
    assert "ke_hoach.yaml:10 (ke_hoach.mo_dau): …hành chính huyện Phú Lộc năm 2022, Kế hoạch số" in kept
