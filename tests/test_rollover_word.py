"""`cchc rollover` on a Word and Excel folder: the same draft as from YAML, edits in place.

Also the first story of the README: last year's plan in Word → `cchc import` → `cchc
rollover` → next year's draft.
"""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import docx
import openpyxl
import pytest
from docx.oxml.parser import parse_xml
from hypothesis import given
from hypothesis import strategies as st

from generator.ooxml.editing import plain_text, set_text
from tests.conftest import EXAMPLE, WORD_EXAMPLE, run_cli

DRAFT = "ke_hoach_cchc_2023_xa_loc_thuy.docx"
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def roll(source: Path, out: Path, *extra: str) -> str:
    result = run_cli("rollover", source, "--year", "2023", "--out", out, *extra)
    assert result.exit_code == 0, result.stderr
    return result.output


@pytest.fixture(scope="module")
def rolled(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("rollover_word") / "2023"
    roll(WORD_EXAMPLE, out)
    return out


def test_the_draft_is_the_one_the_yaml_folder_gives(rolled: Path, tmp_path: Path) -> None:
    roll(EXAMPLE, tmp_path / "yaml")
    with zipfile.ZipFile(rolled / DRAFT) as word, zipfile.ZipFile(tmp_path / "yaml" / DRAFT) as yaml:
        assert word.namelist() == yaml.namelist()
        assert [n for n in word.namelist() if word.read(n) != yaml.read(n)] == []
    assert sorted(p.name for p in rolled.iterdir()) == [
        "ke_hoach.docx",
        "ke_hoach.xlsx",
        DRAFT,
        "thay_doi_2023.txt",
    ]


def test_the_words_file_keeps_its_styles_and_moves_its_year(rolled: Path) -> None:
    before = docx.Document(str(WORD_EXAMPLE / "ke_hoach.docx")).paragraphs
    after = docx.Document(str(rolled / "ke_hoach.docx")).paragraphs
    assert [p.style.name if p.style else "" for p in after] == [
        p.style.name if p.style else "" for p in before
    ]
    changed = [(b.text, a.text) for b, a in zip(before, after, strict=True) if b.text != a.text]
    assert len(changed) == 5
    assert all(new.replace("năm 2023", "năm 2022") == old and new != old for old, new in changed)
    # the opening: the plan's own sentence moves; the documents it cites keep their years
    assert after[1].text.endswith(
        "UBND xã ban hành Kế hoạch Cải cách hành chính xã Lộc Thủy năm 2023 như sau:"
    )
    assert "về Cải cách hành chính huyện Phú Lộc năm 2022," in after[1].text
    assert "giai đoạn 2021-2025, định hướng đến năm 2030" in after[1].text


def test_the_sheets_get_the_new_year(rolled: Path) -> None:
    book = openpyxl.load_workbook(rolled / "ke_hoach.xlsx")
    plan = {
        str(row[0]).rstrip(" *"): row[1] for row in book["Kế hoạch"].iter_rows(min_row=2, values_only=True)
    }
    assert plan["Năm kế hoạch"] == 2023
    assert (plan["Số văn bản"], plan["Ngày ban hành"]) == (None, None)
    assert plan["Trích yếu"] == "Cải cách hành chính xã Lộc Thủy năm 2023"
    unit_before = list(openpyxl.load_workbook(WORD_EXAMPLE / "ke_hoach.xlsx")["Đơn vị"].values)
    assert list(book["Đơn vị"].values) == unit_before


def test_the_change_list_names_places_in_word_and_excel(rolled: Path) -> None:
    changes = (rolled / "thay_doi_2023.txt").read_text(encoding="utf-8-sig")
    assert "Đã chuyển sang năm 2023: 39" in changes
    assert ('ke_hoach.docx, mục I › 2. Yêu cầu, đoạn 11 ("- Các chỉ tiêu, nhiệm vụ…"): “…hiệm vụ trong Kế '
            "hoạch CCHC năm 2022 được") in changes  # fmt: skip
    assert 'ke_hoach.docx, đoạn 124 ("Trên đây là Kế hoạch Cải…"): “' in changes  # the closing: no heading
    assert 'ke_hoach.xlsx, trang "Kế hoạch", ô B6: “…cách hành chính xã Lộc Thủy năm 2022” → “…' in changes
    assert ('ke_hoach.docx, đoạn 2 ("Thực hiện Kế hoạch số 6118/KH-UBND…"): phần căn cứ: số, ngày của văn '
            "bản được dẫn giữ nguyên; kế hoạch năm 2023 cần dẫn văn bản mới") in changes  # fmt: skip
    assert "ke_hoach.noi_dung" not in changes


def test_a_target_sentence_moves_with_its_paragraph(tmp_path: Path) -> None:
    folder = tmp_path / "2022"
    shutil.copytree(WORD_EXAMPLE, folder)
    sentence = "- Mức độ hài lòng của người dân, doanh nghiệp về giải quyết TTHC đạt tối thiểu 95%;"
    moved = sentence.replace("đạt", "trong năm 2022 đạt")
    document = docx.Document(str(folder / "ke_hoach.docx"))
    (paragraph,) = [p for p in document.paragraphs if p.text == sentence]
    paragraph.runs[0].text = moved
    document.save(str(folder / "ke_hoach.docx"))
    book = openpyxl.load_workbook(folder / "ke_hoach.xlsx")
    (cell,) = [row[0] for row in book["Chỉ tiêu"].iter_rows(min_row=2) if row[0].value == sentence]
    cell.value = moved
    book.save(folder / "ke_hoach.xlsx")
    roll(folder, tmp_path / "2023")
    rolled = openpyxl.load_workbook(tmp_path / "2023" / "ke_hoach.xlsx")["Chỉ tiêu"]
    assert moved.replace("2022", "2023") in [row[0] for row in rolled.iter_rows(values_only=True)]
    assert run_cli("plan", tmp_path / "2023", "--out", tmp_path / "again").exit_code == 0


def test_import_then_rollover_then_plan(plan_docx: Path, tmp_path: Path) -> None:
    """The README's first story, on the plan `make demo` writes."""
    assert run_cli("import", plan_docx, "--out", tmp_path / "2022").exit_code == 0
    output = roll(tmp_path / "2022", tmp_path / "2023")
    assert "Đã ghi dự thảo kế hoạch:" in output
    texts = [p.text for p in docx.Document(str(tmp_path / "2023" / DRAFT)).paragraphs]
    assert "Cải cách hành chính xã Lộc Thủy năm 2023" in texts
    assert "NHIỆM VỤ CỤ THỂ TRIỂN KHAI CÔNG TÁC CẢI CÁCH HÀNH CHÍNH NĂM 2023" in texts


@given(
    st.lists(st.text(alphabet="ab2 ", max_size=5), min_size=1, max_size=5),
    st.text(alphabet="ab23 ", max_size=12),
)
def test_set_text_gives_the_new_text_whatever_the_runs(parts: list[str], new: str) -> None:
    runs = "".join(f'<w:r><w:t xml:space="preserve">{part}</w:t></w:r>' for part in parts)
    paragraph = parse_xml(f"<w:p {W}>{runs}</w:p>")
    set_text(paragraph, new)
    assert plain_text(paragraph) == new
    assert len(list(paragraph.iterchildren())) == len(parts)  # no run added or removed
