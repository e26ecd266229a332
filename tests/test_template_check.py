"""`cchc template check`: every problem of a template found before rendering, with its place."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from generator.render import context_names
from generator.workflows.pipeline import PLAN_TEMPLATE, REPORT_TEMPLATE
from tests.conftest import EXAMPLE, run_cli
from tests.test_fast_path import example_plan, example_report


def test_documented_names_are_the_names_the_contexts_hold() -> None:
    assert context_names.paths_of(example_plan()) == context_names.with_prefixes(context_names.PLAN)
    assert context_names.paths_of(example_report()) == context_names.with_prefixes(context_names.REPORT)


def bad_template(path: Path) -> Path:
    document = docx.Document()
    document.add_paragraph("Kính gửi: {{ ten_co_quann }}")
    document.add_paragraph("Cơ quan {{ co_quan.tenn }} và {{ co_quan.ten.upper() }}")
    document.add_paragraph(
        "{% for x in than %}{{ x.noi_dungg }}{% endfor %}{% for k, v in co_quan.items() %}{% endfor %}"
    )
    document.add_paragraph(
        "{{ so|my_filter }} {{ ghi_chu|default('') }} {% if ky is defined %}{{ ky }}{% endif %}"
    )
    document.add_table(rows=1, cols=2).cell(0, 1).text = "{% include 'khac.docx' %}"
    document.add_paragraph("bắt đầu {{ nam")
    document.add_paragraph("}} kết thúc")
    joined = document.add_paragraph()
    for piece in ("{", "{ so }", "}"):  # Word's usual split: docxtpl joins these again
        joined.add_run(piece)
    document.sections[0].header.paragraphs[0].text = "Đầu trang {% if %}"
    document.save(str(path))
    return path


def test_every_problem_is_listed_with_its_place(tmp_path: Path) -> None:
    result = run_cli("template", "check", bad_template(tmp_path / "mau.docx"))
    assert result.exit_code == 1
    lines = result.output.splitlines()
    expected = [
        'Lỗi: mau.docx, đoạn 5: thẻ bị tách sang đoạn khác: "bắt đầu {{ nam"',
        "Lỗi: mau.docx, đoạn 4: bộ lọc không có: my_filter",
        "Lỗi: mau.docx, bảng 1, hàng 1, ô 2: cchc không hỗ trợ {% include %}",
        'Lỗi: mau.docx, đoạn 1: dữ liệu kế hoạch không có "ten_co_quann" ("Kính gửi: {{ ten_co_quann }}"); '
        "có: co_quan",
        'Lỗi: mau.docx, đoạn 2: dữ liệu kế hoạch không có "co_quan.tenn"',
        'Lỗi: mau.docx, đoạn 3: dữ liệu kế hoạch không có "than[].noi_dungg"',
        'Lỗi: mau.docx, đầu trang (header1.xml), đoạn 1: lỗi cú pháp Jinja ("Đầu trang {% if %}")',
    ]
    for start in expected:
        assert any(line.startswith(start) for line in lines), (start, lines)
    assert any("co_quan.tenn" in line and "có: ten, " in line for line in lines)  # nearest first
    for fine in ("ghi_chu", "ky", "so", "co_quan.ten.upper", "co_quan.items", "nam"):
        assert f'không có "{fine}"' not in result.output  # guarded, present, or a method
    assert lines[-1] == "8 lỗi."


def test_an_unclosed_block_is_found_where_it_opens(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("Mở đầu")
    document.add_paragraph("A {% for x in noi_nhan %}{{ x }}")
    document.add_paragraph("B")
    document.save(str(tmp_path / "mau.docx"))
    result = run_cli("template", "check", tmp_path / "mau.docx")
    assert result.exit_code == 1
    assert "Lỗi: mau.docx, đoạn 2: khối {% for %} chưa có thẻ đóng {% endfor %}" in result.output


@pytest.mark.parametrize(
    ("template", "folder", "data"),
    [
        (PLAN_TEMPLATE, None, "kế hoạch (tên biến trong docs/mau-rieng.md)"),
        (REPORT_TEMPLATE, None, "báo cáo (tên biến trong docs/mau-rieng.md)"),
        (PLAN_TEMPLATE, EXAMPLE, f"kế hoạch (dữ liệu trong {EXAMPLE})"),
        (REPORT_TEMPLATE, EXAMPLE, f"báo cáo Q1/2022 (dữ liệu trong {EXAMPLE})"),
    ],
    ids=["plan", "report", "plan-folder", "report-folder"],
)
def test_cchc_templates_pass(template: Path, folder: Path | None, data: str) -> None:
    result = run_cli("template", "check", template, *([folder] if folder else []))
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        f"Mẫu {template.name}, đối chiếu với dữ liệu {data}:",
        "Không thấy lỗi.",
    ]


def test_a_report_template_checked_against_a_folder_uses_the_report_data(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("{{ ky_bao_cao.ten }} {{ phu_luc_2.tong.ty_le_dung_hann }}")
    document.save(str(tmp_path / "bc.docx"))
    result = run_cli("template", "check", tmp_path / "bc.docx", EXAMPLE, "--period", "Q1", "--year", "2022")
    assert result.exit_code == 1
    assert 'không có "phu_luc_2.tong.ty_le_dung_hann"' in result.output
    assert "có: ty_le_dung_han, " in result.output
