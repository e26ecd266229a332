"""The command line: Vietnamese help, usage errors exit 2, `python -m generator` works."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import EXAMPLE, run_cli


def test_help_is_vietnamese() -> None:
    result = run_cli("--help")
    assert result.exit_code == 0
    assert "Cách dùng: cchc [TÙY CHỌN] LỆNH [ĐỐI SỐ]..." in result.output
    assert "soạn kế hoạch, báo cáo cải cách hành chính" in result.output
    assert "Hiện hướng dẫn này rồi thoát." in result.output


@pytest.mark.parametrize(
    ("command", "files"),
    [
        ("plan", "ke_hoach.docx, ke_hoach.xlsx"),
        ("report", "ke_hoach.docx, ke_hoach.xlsx, bao_cao_<kỳ>_<năm>.docx, tien_do_<kỳ>_<năm>.xlsx"),
    ],
)
def test_help_names_the_word_and_excel_files_not_yaml(command: str, files: str) -> None:
    """YAML stays an input for scripts (docs/yaml.md), never what --help offers staff (#22)."""
    text = " ".join(run_cli(command, "--help").output.split())
    assert f"thư mục làm việc ({files})" in text
    assert "yaml" not in text.casefold()


def test_missing_argument_is_a_usage_error() -> None:
    result = run_cli("plan")
    assert result.exit_code == 2
    assert "Lỗi: Thiếu đối số 'ĐẦU_VÀO...'." in result.stderr


def test_unknown_option_is_a_usage_error() -> None:
    result = run_cli("plan", EXAMPLE, "--khong-co")
    assert result.exit_code == 2
    assert "Không có tùy chọn '--khong-co'." in result.stderr


def test_out_must_be_docx_or_folder(tmp_path: Path) -> None:
    result = run_cli("plan", EXAMPLE, "--out", tmp_path / "ke_hoach.pdf")
    assert result.exit_code == 1
    assert result.stderr == f"Lỗi: {tmp_path / 'ke_hoach.pdf'}: tên tệp đầu ra cần có đuôi .docx\n"


def test_out_file_name_is_used(tmp_path: Path) -> None:
    target = tmp_path / "ban_du_thao.docx"
    result = run_cli("plan", EXAMPLE, "--out", target)
    assert result.exit_code == 0
    assert result.stdout == f"Đã ghi kế hoạch: {target}\n"
    assert target.stat().st_size > 10_000


def test_python_dash_m_generator(tmp_path: Path) -> None:
    completed = subprocess.run(
        [sys.executable, "-m", "generator", "plan", str(EXAMPLE), "--out", str(tmp_path)],
        capture_output=True,
        check=False,
        encoding="utf-8",
    )
    assert completed.returncode == 0, completed.stderr
    assert (tmp_path / "ke_hoach_cchc_2022_xa_loc_thuy.docx").is_file()


def test_own_template_is_used(tmp_path: Path) -> None:
    import docx

    template = tmp_path / "mau_rieng.docx"
    document = docx.Document()
    document.add_paragraph("Kế hoạch của {{ co_quan.ten_goi_tat }} năm {{ nam }}")
    document.save(str(template))
    result = run_cli("plan", EXAMPLE, "--template", template, "--out", tmp_path / "kq.docx")
    assert result.exit_code == 0, result.stderr
    assert docx.Document(str(tmp_path / "kq.docx")).paragraphs[0].text == "Kế hoạch của UBND xã năm 2022"


def test_own_template_with_unknown_variable(tmp_path: Path) -> None:
    import docx

    template = tmp_path / "mau_rieng.docx"
    document = docx.Document()
    document.add_paragraph("{{ so_dien_thoai }}")
    document.save(str(template))
    result = run_cli("plan", EXAMPLE, "--template", template, "--out", tmp_path / "kq.docx")
    assert result.exit_code == 1
    assert result.stderr == "Lỗi: mau_rieng.docx: mẫu dùng biến chưa có dữ liệu: so_dien_thoai\n"
    assert not (tmp_path / "kq.docx").exists()


def test_other_click_programs_keep_their_language() -> None:
    """Importing cchc's CLI changes nothing in click itself (no patched message functions)."""
    import click
    from click.testing import CliRunner

    import generator.cli  # noqa: F401

    @click.command()
    @click.option("--count", type=click.IntRange(1, 3), required=True)
    def other(count: int) -> None:
        """Another program."""

    help_text = CliRunner().invoke(other, ["--help"]).output
    error = CliRunner().invoke(other, ["--count", "9"])
    assert "Usage:" in help_text
    assert "Show this message and exit." in help_text
    assert "Error: Invalid value for '--count': 9 is not in the range 1<=x<=3." in error.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["report", "-k", "X", "-n", "2022", "."],
         "Lỗi: Giá trị không hợp lệ cho '--period' / '-k': “X” không thuộc các giá trị: Q1, 6T"),
        (["report", "-k", "Q1", "-n", "1999", "."],
         "Lỗi: Giá trị không hợp lệ cho '--year' / '-n': 1999 nằm ngoài khoảng 2000–2100."),
        (["report", "-k", "Q1", "-n", "hai", "."],
         "Lỗi: Giá trị không hợp lệ cho '--year' / '-n': “hai” không phải một số nguyên."),
        (["plan", ".", "--out"], "Lỗi: Tùy chọn '--out' cần một giá trị."),
        (["lam"], "Lỗi: Không có lệnh 'lam'."),
        (["plan", ".", "--pdf=co"], "Lỗi: Tùy chọn '--pdf' không nhận giá trị."),
    ],
    ids=["choice", "year-range", "not-a-number", "needs-value", "no-command", "flag-value"],
)  # fmt: skip
def test_usage_errors_are_vietnamese(args: list[str], message: str) -> None:
    result = run_cli(*args)
    assert result.exit_code == 2
    assert message in result.stderr
    assert "Error" not in result.stderr


def test_option_notes_in_help_are_vietnamese() -> None:
    text = run_cli("report", "--help").output
    assert "[bắt buộc]" in " ".join(text.split())
    assert "required" not in text
