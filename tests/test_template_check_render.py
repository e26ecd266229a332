"""`cchc template check` says what the render would say: it renders under the same sandbox and limits.

It approved templates that `cchc plan` always refuses (bombs, sandbox violations), and so did the
page. Each template here is refused by `cchc plan`; the check must give the same line.
"""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from tests.conftest import EXAMPLE, run_cli

REFUSED = {
    "multiplied": "{{ 'x' * 100000000 }}",
    "long-loop": "{% for i in range(100000000) %}{% endfor %}",
    "joined": "{{ ['x'] * 100000000 }}",
    "attribute-filter": "{{ nam|attr('__class__') }}",
}


def errors(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.startswith("Lỗi:")]


@pytest.mark.parametrize("name", sorted(REFUSED))
@pytest.mark.parametrize("folder", [None, EXAMPLE], ids=["readme-names", "folder"])
def test_the_check_refuses_what_plan_refuses(name: str, folder: Path | None, tmp_path: Path) -> None:
    template = tmp_path / f"{name}.docx"
    document = docx.Document()
    document.add_paragraph(f"Năm {{{{ nam }}}} {REFUSED[name]}")
    document.save(str(template))
    made = run_cli("plan", EXAMPLE, "--template", template, "--out", tmp_path / "out")
    checked = run_cli("template", "check", template, *([folder] if folder else []))
    assert made.exit_code == 1
    assert errors(made.stderr)
    assert checked.exit_code == 1, checked.output
    assert errors(checked.output) == errors(made.stderr)
