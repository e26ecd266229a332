"""Each form and workbook is defined once (#22): no sheet name, Biểu 06 title or period code is
written as a literal outside the module that defines it. The scan reads every string constant
of the package (f-string parts included) and the page's HTML templates.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from generator.domain import form06, sheets
from generator.domain.periods import PERIODS

PACKAGE = Path(__file__).resolve().parent.parent / "generator"
SHEET_NAMES = tuple(
    value for name, value in vars(sheets).items() if name.endswith("_SHEET") and isinstance(value, str)
)
FORM_TITLES = (form06.TITLE, form06.RECEIVED, form06.RESOLVED, form06.PENDING, form06.FIELD_TITLE,
               form06.FORM_NUMBER, form06.FORM_ACT, form06.UNIT_OF_COUNT)  # fmt: skip
# The same words in another sense, each a different fact: a table's column of units, a report
# table's "target" and "figure" columns, the kinds of document an appendix is attached to, the
# sub-headings of the plan's Word skeleton.
HOMONYMS = {
    ("generator/domain/form06.py", "Đơn vị"),
    ("generator/render/builder/build.py", "Chỉ tiêu"),
    ("generator/render/builder/build.py", "Số liệu"),
    ("generator/render/plan_context.py", "Kế hoạch"),
    ("generator/render/report_context.py", "Báo cáo"),
    ("generator/workflows/workspace.py", "Chỉ tiêu"),
    ("generator/workflows/workspace.py", "Nhiệm vụ"),
    ("generator/workflows/consolidate.py", "Chỉ tiêu"),
    ("generator/workflows/consolidate.py", "Số liệu"),
}
PAGE_HOMONYMS = {("index.html", "Đơn vị")}  # the unit list's column of units
OWNERS = {
    "sheets": PACKAGE / "domain" / "sheets.py",
    "form": PACKAGE / "domain" / "form06.py",
    "period": PACKAGE / "domain" / "periods.py",
}


def constants(path: Path) -> list[tuple[int, str]]:
    """Every string constant of ``path`` with its line (docstrings left out)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings
    ]


def quoted(name: str) -> re.Pattern[str]:
    """The name as a message or a page quotes it: "Tiến độ", “Tiến độ”, 'Tiến độ'."""
    return re.compile(rf"[\"“'‘]{re.escape(name)}[\"”'’]")


def offences(kind: str, names: tuple[str, ...], exact_only: bool = False) -> list[str]:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if path == OWNERS[kind]:
            continue
        where = str(path.relative_to(PACKAGE.parent))
        for line, text in constants(path):
            for name in names:
                if (where, name) in HOMONYMS and text == name:
                    continue
                if text == name or (not exact_only and quoted(name).search(text)):
                    found.append(f"{where}:{line}: {name!r}")
    for page in sorted((PACKAGE / "web" / "templates").glob("*.html")):
        text = page.read_text(encoding="utf-8")
        found += [
            f"{page.name}: {name!r}"
            for name in names
            if quoted(name).search(text) and (page.name, name) not in PAGE_HOMONYMS
        ]
    return found


@pytest.mark.parametrize(
    ("kind", "names", "exact_only"),
    [
        ("sheets", SHEET_NAMES, False),
        ("form", FORM_TITLES, False),
        ("period", tuple(PERIODS), True),
    ],
    ids=["sheet names", "Biểu 06 titles", "period codes"],
)
def test_no_literal_outside_its_table(kind: str, names: tuple[str, ...], exact_only: bool) -> None:
    assert offences(kind, names, exact_only) == []


def test_the_scan_finds_a_literal(tmp_path: Path) -> None:
    """The scan itself can fail: a module quoting a sheet name is found."""
    module = tmp_path / "x.py"
    module.write_text('MESSAGE = f\'trang "Tiến độ" ô {1}\'\nSHEET = "TTHC"\n', encoding="utf-8")
    texts = [text for _, text in constants(module)]
    assert any(quoted("Tiến độ").search(t) for t in texts)
    assert "TTHC" in texts
