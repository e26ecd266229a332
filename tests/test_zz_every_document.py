"""Last in the session: every document the tests made passes `cchc check` and opens in LibreOffice.

A document Word would call "unreadable" usually fails LibreOffice's conversion too, so each
one must come out as a non-empty PDF; all go through one LibreOffice process. (The file
name sorts this module last; run alone, it makes its own documents first.)
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from generator.check.checker import check_files
from generator.workflows import pdf
from tests.conftest import EXAMPLE, GENERATED, TEMPLATE_SYNTAX_ON_PURPOSE, run_cli


@pytest.fixture(scope="module")
def documents(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    if not GENERATED:
        out = tmp_path_factory.mktemp("own")
        run_cli("plan", EXAMPLE, "--out", out)
        run_cli("report", "--period", "Q1", "--year", "2022", EXAMPLE, "--out", out)
    return sorted({p for p in GENERATED if p.is_file()})


def test_many_kinds_of_documents_were_made(documents: list[Path]) -> None:
    names = {p.name.split("_cchc_")[0] for p in documents}
    assert {"ke_hoach", "bao_cao"} <= names


def test_every_document_passes_cchc_check(documents: list[Path]) -> None:
    outcome = check_files([d for d in documents if d not in TEMPLATE_SYNTAX_ON_PURPOSE])
    broken = [line for line in outcome.lines() + outcome.problems() if "[lỗi]" in line]
    assert broken == []
    assert not outcome.failed


@pytest.mark.libreoffice
def test_libreoffice_opens_every_document(documents: list[Path], tmp_path: Path) -> None:
    if pdf.find_soffice() is None:
        if os.environ.get("CCHC_REQUIRE_LIBREOFFICE"):
            pytest.fail("LibreOffice is required here (CCHC_REQUIRE_LIBREOFFICE is set)")
        pytest.skip("LibreOffice is not installed")
    copies = []
    for index, document in enumerate(documents):  # unique names: several tests write the same name
        copy = tmp_path / f"{index:04d}_{document.name}"
        copy.write_bytes(document.read_bytes())
        copies.append(copy)
    converted = pdf.convert(copies, tmp_path / "pdf")
    assert len(converted) == len(documents)
    assert all(p.stat().st_size > 1000 for p in converted)
