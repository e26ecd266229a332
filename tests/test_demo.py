"""`make demo` writes the 2022 plan and the quý I and năm 2022 reports of the Lộc Thủy example;
the same year target is "Chưa đến kỳ đánh giá" in quý I and judged in the year report.

The commands are read from the Makefile's demo target and run as written (outputs in a
temporary folder), so the test follows the Makefile.
"""

from __future__ import annotations

import shlex
from pathlib import Path

import docx
import openpyxl
import pytest

from tests.conftest import ROOT, WORD_EXAMPLE, run_cli, unexpected_warnings
from tests.docx_text import table_rows


def demo_commands() -> list[list[str]]:
    lines = (ROOT / "Makefile").read_text(encoding="utf-8").splitlines()
    start = lines.index("demo: $(STAMP)") + 1
    recipe = []
    for line in lines[start:]:
        if not line.startswith("\t"):
            break
        recipe.append(shlex.split(line.strip()))
    return recipe


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("outputs")
    for command in demo_commands():
        assert command[0] == "$(BIN)/cchc"
        args = [str(out) if word == "outputs/" else str(ROOT / word) if word.startswith("inputs/") else word
                for word in command[1:]]  # fmt: skip
        result = run_cli(*args)
        assert result.exit_code == 0, result.stderr
        assert unexpected_warnings(result.stderr) == []  # the seed's early deadlines only
    return out


def targets(path: Path) -> dict[str, list[str]]:
    document = docx.Document(str(path))
    table = next(t for t in document.tables if t.rows[0].cells[1].text == "Chỉ tiêu")
    return {row[1]: row[2:] for row in table_rows(table)[1:]}


def test_demo_writes_three_documents(demo: Path) -> None:
    assert sorted(p.name for p in demo.iterdir()) == [
        "bao_cao_cchc_nam_2022_xa_loc_thuy.docx",
        "bao_cao_cchc_q1_2022_xa_loc_thuy.docx",
        "ke_hoach_cchc_2022_xa_loc_thuy.docx",
    ]


@pytest.mark.parametrize(
    ("name", "quarter", "year"),
    [
        # quý I shows no quarter-only figure of a year target (#23 item 3); 100% reads "100%"
        ("Tỷ lệ giải ngân vốn đầu tư công", ["—", "—", "100%", "Chưa đến kỳ đánh giá"],
         ["8/8", "100%", "100%", "Đạt"]),
        ("Tỷ lệ CBCC hoàn thành tốt nhiệm vụ trở lên", ["—", "—", "100%", "Chưa đến kỳ đánh giá"],
         ["19/20", "95%", "100%", "Không đạt"]),
        ("Tỷ lệ hồ sơ TTHC tiếp nhận trực tuyến", ["117/384", "30,5%", "tối thiểu 50%", "Không đạt"],
         ["542/1.642", "33%", "tối thiểu 50%", "Không đạt"]),  # judged in every report
    ],
)  # fmt: skip
def test_a_year_target_is_judged_in_the_year_report_only(
    demo: Path, name: str, quarter: list[str], year: list[str]
) -> None:
    assert targets(demo / "bao_cao_cchc_q1_2022_xa_loc_thuy.docx")[name] == quarter
    assert targets(demo / "bao_cao_cchc_nam_2022_xa_loc_thuy.docx")[name] == year


def test_the_year_report_title_and_window(demo: Path) -> None:
    texts = [p.text for p in docx.Document(str(demo / "bao_cao_cchc_nam_2022_xa_loc_thuy.docx")).paragraphs]
    assert (
        "Kết quả thực hiện công tác cải cách hành chính năm 2022 và phương hướng, nhiệm vụ năm 2023" in texts
    )
    window = "(số liệu tính từ ngày 15/12/2021 đến ngày 14/12/2022)"
    assert any(window in t for t in texts if t.startswith("Thực hiện Kế hoạch số"))
    assert any(
        t.startswith("Lũy kế từ đầu năm, tổng số hồ sơ thủ tục hành chính nhận giải quyết là 1.648")
        for t in texts
    )


def test_the_year_figures_are_labelled_as_example_data() -> None:
    guide = openpyxl.load_workbook(WORD_EXAMPLE / "tien_do_nam_2022.xlsx")["Hướng dẫn"]
    assert str(guide["A1"].value).startswith("DỮ LIỆU VÍ DỤ — SỐ LIỆU GIẢ ĐỊNH")
    assert "GIẢ ĐỊNH" in (ROOT / "inputs" / "loc_thuy_yaml" / "bao_cao_nam_2022.yaml").read_text(
        encoding="utf-8"
    )
