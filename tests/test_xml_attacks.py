"""XML entity attacks in files users hand to cchc: an external entity reading a local file (XXE)
and nested entities (a "billion laughs" bomb), in a workbook, a document to check and a template.
None may leak the file, hang, or end in a traceback."""

from __future__ import annotations

import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from flask.testing import FlaskClient

from generator.web.store import Store
from tests import processes
from tests.web_support import make, new_client, problem_lines, refused, upload

SECRET = "BI-MAT-KHONG-DUOC-LO"


def entities(kind: str, secret: Path) -> tuple[str, str]:
    """A document type declaration and the reference that expands it."""
    if kind == "xxe":
        return f'<!DOCTYPE x [<!ENTITY e SYSTEM "{secret.as_uri()}">]>', "&e;"
    levels = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10))
    return f'<!DOCTYPE x [<!ENTITY l0 "ha ha ha ">{levels}]>', "&l9;"  # 10⁹ copies


def poisoned(source: Path, target: Path, part: str, text_tag: str, kind: str, secret: Path) -> Path:
    """``source`` (a ZIP package) with ``part`` declaring entities and using them in its first texts."""
    declaration, reference = entities(kind, secret)
    original = zipfile.ZipFile(source)
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as copy:
        for item in original.infolist():
            data = original.read(item)
            if item.filename == part:
                text = data.decode("utf-8")
                start = text.index("?>") + 2 if text.startswith("<?xml") else 0
                text = text[:start] + declaration + text[start:]
                text = re.sub(rf"(<{text_tag}(?: [^>]*)?>)", rf"\g<1>{reference}", text, count=2)
                data = text.encode("utf-8")
            copy.writestr(item, data)
    return target


@pytest.fixture
def secret(tmp_path: Path) -> Path:
    path = tmp_path / "bi_mat.txt"
    path.write_text(SECRET, encoding="utf-8")
    return path


def cchc(*args: str | Path, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    """The real command in a child process: a bomb that expanded would run past ``timeout``."""
    return processes.run(
        [sys.executable, "-m", "generator", *map(str, args)], timeout=timeout, encoding="utf-8"
    )


def outputs_text(folder: Path) -> str:
    return "".join(
        zipfile.ZipFile(p).read(n).decode("utf-8", "replace")
        for p in folder.glob("*.docx")
        for n in zipfile.ZipFile(p).namelist()
    )


@pytest.mark.parametrize("kind", ["xxe", "bomb"])
def test_a_workbook_with_entities_is_refused(example: Path, tmp_path: Path, secret: Path, kind: str) -> None:
    workbook = example / "nhiem_vu.xlsx"
    poisoned(workbook, tmp_path / "x.xlsx", "xl/worksheets/sheet1.xml", "t", kind, secret).replace(workbook)
    result = cchc("plan", example, "--out", tmp_path / "out")
    assert result.returncode == 1
    assert result.stderr.startswith(f"Lỗi: {workbook}")  # the file, or the file and its sheet
    assert "Traceback" not in result.stderr
    assert SECRET not in result.stderr + result.stdout
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("kind", ["xxe", "bomb"])
def test_a_document_with_entities_is_checked_without_them(
    plan_docx: Path, tmp_path: Path, secret: Path, kind: str
) -> None:
    document = poisoned(plan_docx, tmp_path / "van_ban.docx", "word/document.xml", "w:t", kind, secret)
    result = cchc("check", "--json", document)
    assert result.returncode in (0, 1)
    assert "Traceback" not in result.stderr
    assert SECRET not in result.stdout + result.stderr
    assert "ha ha ha ha" not in result.stdout


@pytest.mark.parametrize("kind", ["xxe", "bomb"])
def test_a_template_with_entities_is_refused(
    plan_docx: Path, tmp_path: Path, secret: Path, kind: str
) -> None:
    template = poisoned(plan_docx, tmp_path / "mau.docx", "word/document.xml", "w:t", kind, secret)
    out = tmp_path / "out"
    result = cchc(
        "plan", Path(__file__).parent.parent / "inputs" / "loc_thuy", "--template", template, "--out", out
    )
    assert result.returncode == 1
    assert result.stderr.startswith("Lỗi: mau.docx: phần word/document.xml của mẫu không phải XML hợp lệ")
    assert SECRET not in result.stderr
    assert not out.exists() or SECRET not in outputs_text(out)


def test_an_uploaded_workbook_with_an_external_entity(
    store: Store, example: Path, tmp_path: Path, secret: Path
) -> None:
    client: FlaskClient = new_client(store)
    workbook = poisoned(
        example / "nhiem_vu.xlsx", tmp_path / "nhiem_vu.xlsx", "xl/worksheets/sheet1.xml", "t", "xxe", secret
    )
    files = [(name, (example / name).read_bytes()) for name in ("don_vi.yaml", "ke_hoach.yaml")]
    response = upload(client, [*files, ("nhiem_vu.xlsx", workbook.read_bytes())])
    made = refused(client, make(client, response.headers["Location"], loai="ke_hoach"))  # errors redirect too
    assert problem_lines(made.text)[0].startswith("nhiem_vu.xlsx")
    assert SECRET not in made.text
    assert "Traceback" not in made.text
