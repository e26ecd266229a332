"""``cchc check`` on files built to exhaust it: sizes and paragraphs refused before the rules run,
findings printed up to a limit (``--json`` keeps them all). Each case runs the real command in a
child process with a time limit, which the unbounded checker overran."""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import docx
import pytest

from generator.check import checker
from generator.check.findings import Severity
from tests import processes

BODY_START = b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
BODY_END = b"</w:body></w:document>"


def package(path: Path, body: bytes, *, level: int = 9) -> Path:
    """A .docx made by python-docx whose document.xml holds ``body``."""
    blank = io.BytesIO()
    docx.Document().save(blank)
    source = zipfile.ZipFile(blank)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=level) as target:
        for item in source.infolist():
            data = BODY_START + body + BODY_END if item.filename == "word/document.xml" else source.read(item)
            target.writestr(item.filename, data)
    return path


def check(*args: str | Path, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "generator", "check", *map(str, args)]
    return processes.run(command, timeout=timeout, encoding="utf-8")


def test_a_decompression_bomb_is_refused_before_parsing(tmp_path: Path) -> None:
    bomb = package(tmp_path / "bom.docx", b"<w:p/>" * 10_000_000)  # 60 MB of XML in a few hundred KB
    result = check(bomb)
    assert result.returncode == 1
    assert result.stdout == ""
    assert re.fullmatch(
        rf"Lỗi: {re.escape(str(bomb))}: phần chữ \(XML\) quá lớn để kiểm tra \(5\d(,\d)? MB; tối đa 50 MB\)\n",
        result.stderr,
    )


def test_a_part_packed_beyond_any_real_document_is_refused(tmp_path: Path) -> None:
    dense = package(tmp_path / "nen.docx", b"<w:p/>" * 4_000_000)  # 23 MB into about 25 KB
    result = check(dense)
    assert result.returncode == 1
    assert "word/document.xml nén với tỉ lệ bất thường" in result.stderr
    assert "có thể là tệp được tạo để làm treo máy, không kiểm tra" in result.stderr


def test_too_many_paragraphs_are_refused(tmp_path: Path) -> None:
    long = package(tmp_path / "dai.docx", b"<w:p><w:r><w:t>x</w:t></w:r></w:p>" * 60_000, level=1)
    other = package(tmp_path / "ngan.docx", b"<w:p><w:r><w:t>x</w:t></w:r></w:p>")
    result = check(long, other)
    assert result.returncode == 1
    assert result.stderr == (
        f"Lỗi: {long}: văn bản quá dài để kiểm tra (60.000 đoạn; tối đa 50.000); hãy tách thành các tệp nhỏ hơn\n"
    )
    assert f"{other}: " in result.stdout  # the other file is still checked


@pytest.fixture
def leftover_tags(tmp_path: Path) -> Path:
    """300 paragraphs, each with a template tag left in it: 300 findings that do not merge."""
    paragraphs = b"".join(b"<w:p><w:r><w:t>C\xc3\xb3 {{ x%d }}</w:t></w:r></w:p>" % i for i in range(300))
    return package(tmp_path / "the.docx", paragraphs)


def test_findings_printed_are_capped(leftover_tags: Path) -> None:
    result = check(leftover_tags)
    lines = result.stdout.splitlines()
    findings = checker.check_files([leftover_tags]).reports[0].findings
    warnings = sum(1 for f in findings if f.severity is Severity.WARNING)
    hidden = findings[checker.PRINTED :]
    hidden_warnings = sum(1 for f in hidden if f.severity is Severity.WARNING)
    assert result.returncode == 1
    assert len(findings) > 300
    assert len(lines) == checker.PRINTED + 2
    assert lines[-2] == (
        f"{leftover_tags}: … và {len(hidden) - hidden_warnings} lỗi, {hidden_warnings} cảnh báo khác "
        "(in đủ bằng --json)"
    )
    assert lines[-1] == f"{leftover_tags}: {len(findings) - warnings} lỗi, {warnings} cảnh báo"


def test_json_keeps_every_finding(leftover_tags: Path) -> None:
    result = check("--json", leftover_tags)
    (report,) = json.loads(result.stdout)
    assert result.returncode == 1
    assert len(report["ket_qua"]) == report["so_loi"] + report["so_canh_bao"] > 300
    assert sum(1 for item in report["ket_qua"] if item["quy_tac"] == "the_mau") == 300
