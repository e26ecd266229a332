"""The guard over every document the tests make (tests/made_documents.py) records them and can fail."""

from __future__ import annotations

import shutil
from pathlib import Path

import docx
import pytest

from tests import made_documents
from tests.conftest import EXAMPLE, run_cli
from tests.libreoffice import require_libreoffice
from tests.made_documents import Ledger, check_now


def test_documents_run_cli_writes_are_recorded(tmp_path: Path) -> None:
    run_cli("plan", EXAMPLE, "--out", tmp_path)
    run_cli("report", "--period", "Q1", "--year", "2022", EXAMPLE, "--out", tmp_path)
    recorded = [m for m in made_documents.current().made.values() if m.path.parent == tmp_path]
    assert {m.path for m in recorded} == set(tmp_path.glob("*.docx"))
    assert sorted(m.path.name.split("_cchc_")[0] for m in recorded) == ["bao_cao", "ke_hoach"]
    assert {m.test for m in recorded} == {
        "tests/test_made_documents.py::test_documents_run_cli_writes_are_recorded"
    }


def with_tag(plan_docx: Path, folder: Path) -> Path:
    """A copy of the example plan whose last paragraph ends in a literal "{{ 7*7 }}"."""
    document = docx.Document(str(plan_docx))
    document.paragraphs[-1].add_run(" {{ 7*7 }}")
    document.save(str(folder / plan_docx.name))
    return folder / plan_docx.name


def test_a_document_cchc_check_rejects_fails_the_test_that_made_it(plan_docx: Path, tmp_path: Path) -> None:
    tagged = with_tag(plan_docx, tmp_path)
    check_now(plan_docx)
    check_now(tagged, literal_tags=True)
    with pytest.raises(AssertionError) as caught:
        check_now(tagged)
    assert f"cchc check finds errors in {tagged}" in str(caught.value)
    assert "(the_mau)" in str(caught.value)


def test_literal_tags_excuse_no_other_error(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("KẾ HOẠCH {{ 7*7 }}")
    document.save(str(tmp_path / "mac_dinh.docx"))
    (tmp_path / "hong.docx").write_bytes(b"PK\x03\x04 not a whole zip")
    with pytest.raises(AssertionError) as plain:
        check_now(tmp_path / "mac_dinh.docx", literal_tags=True)
    with pytest.raises(AssertionError) as broken:
        check_now(tmp_path / "hong.docx", literal_tags=True)
    assert "cchc check finds errors" in str(plain.value)
    assert f"cchc check cannot read {tmp_path / 'hong.docx'}" in str(broken.value)


@pytest.mark.libreoffice
def test_a_document_libreoffice_cannot_open_fails_the_pass(plan_docx: Path, tmp_path: Path) -> None:
    require_libreoffice()
    ledger = Ledger()
    for name in ("lanh.docx", "hong.docx"):
        shutil.copy(plan_docx, tmp_path / name)
        ledger.record(tmp_path / name)
    whole = (tmp_path / "hong.docx").read_bytes()
    (tmp_path / "hong.docx").write_bytes(whole[: len(whole) // 2])  # broken after it was written
    with pytest.raises(pytest.fail.Exception) as caught:
        ledger.open_all_in_libreoffice(tmp_path / "pass")
    assert f"a copy of {tmp_path / 'hong.docx'}, made by tests/test_made_documents.py::" in str(caught.value)
    assert "lanh" not in str(caught.value)
