"""A Word file too large to read is refused before python-docx parses it, with the figure and the bound.

A 280 MB document.xml (a 10.8 MB .docx) reached 2.8 GB and was still parsing at 95 s; 200,000
paragraphs ran past 200 s; a 100,000-row table took 193 s and 1.6 GB. Each file here is built
as a package around a generated document.xml, just past one bound.
"""

from __future__ import annotations

import time
import zipfile
from pathlib import Path

import docx
import pytest

from generator.inputs.formats import docx_file
from tests.conftest import run_cli

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def package(path: Path, body: str) -> Path:
    """A .docx (python-docx's own parts) whose document.xml holds ``body``."""
    docx.Document().save(str(path))
    with zipfile.ZipFile(path) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    parts["word/document.xml"] = (
        f'<?xml version="1.0"?><w:document {W}><w:body>{body}</w:body></w:document>'.encode()
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in parts.items():
            target.writestr(name, data)
    return path


def rows(count: int, cells: int) -> str:
    """A table of ``count`` rows of ``cells`` cells, each holding its own number (a real table's
    text varies: repeated text would compress past the bomb ratio and be refused for that)."""
    cell = "<w:tc><w:p><w:r><w:t>{}</w:t></w:r></w:p></w:tc>"
    return (
        "<w:tbl>"
        + "".join(
            "<w:tr>" + "".join(cell.format(hash((r, c)) % 10**9) for c in range(cells)) + "</w:tr>"
            for r in range(count)
        )
        + "</w:tbl>"
    )


CASES = {
    "paragraphs": (
        "".join(f"<w:p><w:r><w:t>Đoạn {hash(n) % 10**9}</w:t></w:r></w:p>" for n in range(30_001)),
        "tệp có 30.001 đoạn văn, quá 30.000 đoạn văn cchc đọc được",
    ),
    "rows": (
        rows(3_001, 1),
        "tệp có 3.001 dòng bảng, quá 3.000 dòng bảng cchc đọc được",
    ),
    "cells": (
        rows(2_800, 11),
        "tệp có 30.800 ô bảng, quá 30.000 ô bảng cchc đọc được",
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_a_document_past_a_bound_is_refused_early(case: str, tmp_path: Path) -> None:
    body, message = CASES[case]
    source = package(tmp_path / "ke_hoach.docx", body)
    started = time.monotonic()
    result = run_cli("import", source, "--out", tmp_path / "du_lieu")
    assert result.exit_code == 1
    assert f"Lỗi: {source}: {message}: hãy tách thành nhiều tệp nhỏ hơn" in result.stderr.splitlines()
    assert time.monotonic() - started < 10
    assert not (tmp_path / "du_lieu").exists()


def test_a_document_xml_past_its_size_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(docx_file, "MAX_DOCUMENT_BYTES", 2**20)
    text = "".join(f"<w:p><w:r><w:t>Đoạn số {n} của kế hoạch</w:t></w:r></w:p>" for n in range(30_000))
    source = package(tmp_path / "ke_hoach.docx", text[: 2 * 2**20])
    result = run_cli("import", source, "--out", tmp_path / "du_lieu")
    assert result.exit_code == 1
    assert "phần nội dung của tệp quá lớn khi giải nén (hơn 1 MB; tối đa 1 MB)" in result.stderr


def test_a_real_plan_is_far_from_the_bounds(plan_docx: Path) -> None:
    assert docx_file.refusal(plan_docx) is None
