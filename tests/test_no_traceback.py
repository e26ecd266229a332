"""Names the system refuses and templates nested past the parser's depth: a message, exit 1.

A 300-character --out folder and `cchc init` into a 260-byte name (ENAMETOOLONG), and templates
with 300 nested parentheses or 3,000 nested {% if %} (RecursionError), ended in tracebacks.
"""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from tests.conftest import EXAMPLE, run_cli

DEEP = "mẫu lồng nhau quá sâu (quá nhiều dấu ngoặc, hoặc thẻ {% if %}, {% for %} lồng trong nhau)"
NESTED = {
    "parentheses": "{{ " + "(" * 300 + "1" + ")" * 300 + " }}",
    "ifs": "{% if true %}" * 3000 + "x" + "{% endif %}" * 3000,
}


def errors(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("Lỗi:")]


@pytest.fixture(params=sorted(NESTED))
def nested(request: pytest.FixtureRequest, tmp_path: Path) -> Path:
    document = docx.Document()
    document.add_paragraph(NESTED[request.param])
    path = tmp_path / f"{request.param}.docx"
    document.save(str(path))
    return path


def test_plan_refuses_a_template_nested_too_deep(nested: Path, tmp_path: Path) -> None:
    result = run_cli("plan", EXAMPLE, "--template", nested, "--out", tmp_path / "out")
    assert result.exit_code == 1, result.output
    assert errors(result.stderr) == [f"Lỗi: {nested.name}: {DEEP}: hãy tách thành các bước đơn giản hơn"]
    assert not (tmp_path / "out").exists()


def test_template_check_says_what_plan_would_say(nested: Path) -> None:
    result = run_cli("template", "check", nested)
    assert result.exit_code == 1, result.output
    assert errors(result.output) == [
        f"Lỗi: {nested.name}, word/document.xml: {DEEP}: hãy tách thành các bước đơn giản hơn"
    ]


def test_an_out_folder_name_too_long_is_a_message(tmp_path: Path) -> None:
    out = tmp_path / ("a" * 300)
    result = run_cli("plan", EXAMPLE, "--out", out)
    assert result.exit_code == 1, result.output
    assert errors(result.stderr) == [f"Lỗi: {out}: tên tệp hoặc đường dẫn quá dài"]


@pytest.mark.parametrize("options", [(), ("--yaml",)], ids=["word", "yaml"])
def test_init_into_a_name_too_long_is_a_message(tmp_path: Path, options: tuple[str, ...]) -> None:
    folder = tmp_path / ("b" * 260)
    result = run_cli("init", folder, "--year", "2027", *options)
    assert result.exit_code == 1, result.output
    assert errors(result.stderr) == [f"Lỗi: {folder}: tên tệp hoặc đường dẫn quá dài"]
    assert list(tmp_path.iterdir()) == []
