"""Nothing of cchc's stays in the temp folder: LibreOffice's ``lu*.tmp`` after SIGTERM during
`cchc pdf`, and the ``cchc-import-*`` folder of an import killed with kill -9."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import docx
import pytest

from tests import processes
from tests.conftest import run_cli
from tests.test_pdf_process import fake_soffice, running, wait_for

pytestmark = pytest.mark.skipif(os.name != "posix", reason="the fake soffice is a shell script")


@pytest.fixture
def document(tmp_path: Path) -> Path:
    path = tmp_path / "van_ban.docx"
    made = docx.Document()
    made.add_paragraph("KẾ HOẠCH")
    made.save(str(path))
    return path


@pytest.fixture
def soffice_with_temp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A soffice that makes its ``lu….tmp`` folder in TMPDIR, as LibreOffice does, then hangs."""
    return fake_soffice(tmp_path, monkeypatch, 'mkdir "${TMPDIR:-/tmp}/lu$$abc.tmp"')


def test_sigterm_during_pdf_leaves_no_libreoffice_temp_folder(
    soffice_with_temp: Path,
    document: Path,
    tmp_path: Path,
) -> None:
    temp = tmp_path / "temp"
    temp.mkdir()
    env = {**os.environ, "TMPDIR": str(temp)}
    command = [sys.executable, "-m", "generator", "pdf", str(document)]
    pipes = {"stdout": subprocess.PIPE, "stderr": subprocess.PIPE, "encoding": "utf-8"}
    with processes.started(command, env=env, **pipes) as process:
        wait_for(lambda: soffice_with_temp.exists() and soffice_with_temp.read_text().strip() != "")
        child = int(soffice_with_temp.read_text())
        process.send_signal(signal.SIGTERM)
        process.communicate(timeout=20)
    wait_for(lambda: not running(child), timeout=10)
    assert process.returncode == 1
    assert sorted(p.name for p in temp.iterdir()) == []


def test_an_import_sweeps_the_folder_a_killed_import_left(
    plan_docx: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    temp = tmp_path / "temp"
    temp.mkdir()
    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True
    )
    gone = temp / f"cchc-import-{int(dead.stdout)}-abcd_123"  # its process was killed with kill -9
    (gone / "ke_hoach.docx").parent.mkdir()
    (gone / "ke_hoach.docx").write_bytes(b"du lieu")
    monkeypatch.setenv("TMPDIR", str(temp))
    monkeypatch.setattr("tempfile.tempdir", None)
    result = run_cli("import", plan_docx, "--out", tmp_path / "du_lieu")
    assert result.exit_code == 0, result.stderr
    assert list(temp.iterdir()) == []
