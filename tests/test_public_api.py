"""The public Python calls, imported lazily: the main job (make_plan, make_report, read_plan,
check_document) and any docxtpl template (render_template, save_template)."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
from pathlib import Path

import docx
import openpyxl
import pytest

import generator
from generator.errors import OutputError
from generator.inputs.parts.tasks import TASK_SHEET
from tests import api_caller
from tests.conftest import ROOT, WORD_EXAMPLE, run_cli
from tests.docx_signature import signature


def template(path: Path) -> Path:
    document = docx.Document()
    document.add_paragraph("Xin chào {{ ten }}")
    document.save(str(path))
    return path


def test_importing_generator_loads_no_template_machinery() -> None:
    code = "import sys, generator; print(sorted(m for m in ('jinja2', 'docxtpl', 'docx', 'lxml') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert out.stdout.strip() == "[]"


def test_render_template_returns_the_document(tmp_path: Path) -> None:
    data = generator.render_template(template(tmp_path / "t.docx"), {"ten": "xã Lộc Thủy"})
    assert docx.Document(io.BytesIO(data)).paragraphs[0].text == "Xin chào xã Lộc Thủy"


def test_save_template_writes_atomically(tmp_path: Path) -> None:
    target = tmp_path / "out" / "van_ban.docx"
    written = generator.save_template(
        template(tmp_path / "t.docx"), {"ten": "A"}, target, properties=generator.Properties(title="T")
    )
    saved = docx.Document(str(written))
    assert saved.paragraphs[0].text == "Xin chào A"
    assert saved.core_properties.title == "T"
    folder = tmp_path / "folder.docx"
    folder.mkdir()
    with pytest.raises(OutputError):
        generator.save_template(template(tmp_path / "t.docx"), {"ten": "A"}, folder)


def test_a_missing_name_raises_render_error_and_writes_nothing(tmp_path: Path) -> None:
    target = tmp_path / "van_ban.docx"
    target.write_bytes(b"old")
    with pytest.raises(generator.RenderError) as caught:
        generator.save_template(template(tmp_path / "t.docx"), {}, target)
    assert str(caught.value) == "t.docx: mẫu dùng biến chưa có dữ liệu: ten"
    assert target.read_bytes() == b"old"


# The main job: generator.make_plan / make_report / read_plan / check_document (docs/python-api.md)


def test_make_plan_on_the_example_folder_writes_what_cchc_plan_writes(tmp_path: Path) -> None:
    outcome = generator.make_plan(WORD_EXAMPLE, tmp_path / "api")
    assert outcome.path == tmp_path / "api" / "ke_hoach_cchc_2022_xa_loc_thuy.docx"
    document = docx.Document(str(outcome.path))
    texts = [p.text for p in document.paragraphs]
    assert "KẾ HOẠCH" in texts
    assert "Cải cách hành chính xã Lộc Thủy năm 2022" in texts
    assert len(document.tables) >= 3  # header, signature and recipients, the appendix of tasks
    assert run_cli("plan", WORD_EXAMPLE, "--out", tmp_path / "cli").exit_code == 0
    by_cli = tmp_path / "cli" / outcome.path.name
    assert signature(outcome.path.read_bytes()) == signature(by_cli.read_bytes())


def test_make_report_names_its_period_and_returns_its_figures(tmp_path: Path) -> None:
    outcome = generator.make_report([WORD_EXAMPLE], "q1", 2022, tmp_path)
    assert outcome.path.name == "bao_cao_cchc_q1_2022_xa_loc_thuy.docx"
    assert outcome.figures is not None
    document = docx.Document(str(outcome.path))
    assert any("quý I năm 2022" in p.text for p in document.paragraphs)


def test_read_plan_returns_the_validated_plan_and_writes_nothing(tmp_path: Path) -> None:
    copy = shutil.copytree(WORD_EXAMPLE, tmp_path / "xa")
    before = sorted(p.name for p in copy.iterdir())
    plan = generator.read_plan(str(copy))
    assert isinstance(plan, generator.Plan)
    assert (plan.year, plan.unit.place, len(plan.tasks)) == (2022, "Lộc Thủy", 30)
    assert sorted(p.name for p in copy.iterdir()) == before


def test_bad_data_raises_input_error_with_every_problem_and_its_place(tmp_path: Path) -> None:
    copy = shutil.copytree(WORD_EXAMPLE, tmp_path / "xa")
    book = openpyxl.load_workbook(copy / "ke_hoach.xlsx")
    book[TASK_SHEET]["G2"] = "31/02/2022"  # column "Thời gian hoàn thành": a date that cannot exist
    book[TASK_SHEET]["G3"] = "Quý V/2022"
    book.save(copy / "ke_hoach.xlsx")
    with pytest.raises(generator.InputError) as caught:
        generator.read_plan(copy)
    assert isinstance(caught.value, generator.GeneratorError)
    where = [str(problem.location) for problem in caught.value.problems]
    assert where == [f'{copy / "ke_hoach.xlsx"}, trang "{TASK_SHEET}", ô G{row}' for row in (2, 3)]


def test_check_document_reports_findings_and_unreadable_files(tmp_path: Path) -> None:
    plan = generator.make_plan(WORD_EXAMPLE, tmp_path).path
    report = generator.check_document(plan)
    assert report.problem is None
    assert [f for f in report.findings if f.severity is generator.Severity.ERROR] == []
    broken = tmp_path / "hong.docx"
    broken.write_bytes(b"not a zip")
    assert generator.check_document(broken).problem is not None


def test_the_callers_script_runs_on_the_example(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert api_caller.main(WORD_EXAMPLE, tmp_path) == 0
    out = capsys.readouterr().out
    assert "Kế hoạch Cải cách hành chính xã Lộc Thủy năm 2022: 30 nhiệm vụ" in out
    assert f"Đã ghi {tmp_path / 'bao_cao_cchc_q1_2022_xa_loc_thuy.docx'}: 0 lỗi thể thức" in out


def mypy(*files: Path) -> subprocess.CompletedProcess[str]:
    """``mypy --strict`` on ``files``, finding ``generator`` in this checkout as a caller would."""
    command = [sys.executable, "-m", "mypy", "--strict", "--no-error-summary", *map(str, files)]
    env = {**os.environ, "MYPYPATH": str(ROOT)}
    return subprocess.run(
        command, capture_output=True, text=True, cwd=ROOT, env=env, timeout=600, check=False
    )


def test_mypy_strict_passes_on_a_callers_script() -> None:
    checked = mypy(Path(api_caller.__file__))
    assert checked.returncode == 0, checked.stdout + checked.stderr


def test_mypy_strict_catches_a_caller_misusing_the_types(tmp_path: Path) -> None:
    """The types are real, not Any: a year taken for text is an error."""
    script = tmp_path / "caller.py"
    script.write_text('import generator\n\nyear: str = generator.read_plan("xa").year\n', encoding="utf-8")
    checked = mypy(script)
    assert checked.returncode == 1
    assert (
        'Incompatible types in assignment (expression has type "int", variable has type "str")'
        in checked.stdout
    )


def test_the_guide_shows_the_script_mypy_checks() -> None:
    guide = (ROOT / "docs" / "python-api.md").read_text(encoding="utf-8")
    body = Path(api_caller.__file__).read_text(encoding="utf-8").split('"""\n', 2)[2].strip()
    assert f"```python\n{body}\n```" in guide
