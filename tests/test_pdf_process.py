"""LibreOffice as a process: a hung converter and its children are ended, its words kept for the
message; SIGTERM leaves no ``cchc-pdf-*`` folder. A fake ``soffice`` (a shell script that starts a
child and waits, as the real launcher starts ``soffice.bin``) stands in, so no LibreOffice is needed."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import docx
import pytest

from generator.errors import OutputError
from generator.workflows import pdf
from tests import processes

pytestmark = pytest.mark.skipif(os.name != "posix", reason="the fake soffice is a shell script")


def running(pid: int) -> bool:
    """Whether ``pid`` runs (a zombie waiting for a reaper does not)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return False
        return True
    return state not in ("Z", "X")


def wait_for(condition: Callable[[], bool], timeout: float = 20) -> None:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if condition():
            return
        time.sleep(0.05)
    raise AssertionError("condition not met in time")


@pytest.fixture
def hung_soffice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A soffice that says something on stderr, starts a child (its soffice.bin) and never ends.
    The child's pid is written to ``child.pid``."""
    return fake_soffice(
        tmp_path, monkeypatch, 'echo "javaldx: could not find a Java Runtime Environment" >&2'
    )


def fake_soffice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, first: str) -> Path:
    """A soffice that runs the shell line ``first``, starts a child (its soffice.bin) and never
    ends; the child's pid is written to the returned ``child.pid``."""
    script = tmp_path / "soffice"
    pid = tmp_path / "child.pid"
    script.write_text(f'#!/bin/sh\n{first}\nsleep 300 &\necho $! > "{pid}"\nwait\n', encoding="utf-8")
    script.chmod(0o755)
    monkeypatch.setenv("CCHC_SOFFICE", str(script))
    return pid


@pytest.fixture
def document(tmp_path: Path) -> Path:
    path = tmp_path / "van_ban.docx"
    made = docx.Document()
    made.add_paragraph("KẾ HOẠCH")
    made.save(str(path))
    return path


def test_a_timeout_ends_the_whole_group_and_keeps_its_words(
    hung_soffice: Path, document: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(pdf, "BASE_TIMEOUT", 2)
    monkeypatch.setattr(pdf, "TIMEOUT_PER_FILE", 0)
    monkeypatch.setenv("TMPDIR", str(tmp_path / "temp"))
    (tmp_path / "temp").mkdir()
    monkeypatch.setattr("tempfile.tempdir", None)  # TMPDIR is read again
    with pytest.raises(OutputError) as caught:
        pdf.convert([document])
    child = int(hung_soffice.read_text())
    wait_for(lambda: not running(child), timeout=10)
    assert str(caught.value) == (
        "LibreOffice không chuyển xong sang PDF trong 2 giây; đã dừng LibreOffice; "
        "LibreOffice báo: javaldx: could not find a Java Runtime Environment"
    )
    assert not running(child)
    assert list((tmp_path / "temp").iterdir()) == []


def test_sigterm_during_a_conversion_cleans_up(hung_soffice: Path, document: Path, tmp_path: Path) -> None:
    temp = tmp_path / "temp"
    temp.mkdir()
    env = {**os.environ, "TMPDIR": str(temp)}
    command = [sys.executable, "-m", "generator", "pdf", str(document)]
    pipes = {"stdout": subprocess.PIPE, "stderr": subprocess.PIPE, "encoding": "utf-8"}
    with processes.started(command, env=env, **pipes) as process:
        wait_for(hung_soffice.exists)
        wait_for(lambda: hung_soffice.read_text().strip() != "")
        child = int(hung_soffice.read_text())
        during = [p.name for p in temp.iterdir()]
        process.send_signal(signal.SIGTERM)  # to cchc alone, as `kill PID` does
        _, err = process.communicate(timeout=20)
    wait_for(lambda: not running(child), timeout=10)
    assert len(during) == 1
    assert during[0].startswith(f"cchc-pdf-{process.pid}-")
    assert process.returncode == 1
    assert err.strip().endswith("Đã dừng.")
    assert "Traceback" not in err
    assert list(temp.iterdir()) == []
    assert not running(child)


def test_folders_of_dead_runs_are_swept_at_the_next_conversion(
    hung_soffice: Path, document: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    temp = tmp_path / "temp"
    temp.mkdir()
    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True
    )
    gone = temp / f"cchc-pdf-{int(dead.stdout)}-abcd_123"  # its process has ended
    (gone / "profile").mkdir(parents=True)
    alive = temp / f"cchc-pdf-{os.getppid()}-efgh_456"  # a running process's
    alive.mkdir()
    legacy = temp / "cchc-pdf-ijkl_789"  # an older cchc's, without a pid, two days old
    legacy.mkdir()
    os.utime(legacy, (time.time() - 2 * 86400,) * 2)
    foreign = temp / "cchc-pdf-notes"  # not a name cchc makes
    foreign.mkdir()
    monkeypatch.setenv("TMPDIR", str(temp))
    monkeypatch.setattr("tempfile.tempdir", None)
    monkeypatch.setattr(pdf, "BASE_TIMEOUT", 1)
    monkeypatch.setattr(pdf, "TIMEOUT_PER_FILE", 0)
    with pytest.raises(OutputError):
        pdf.convert([document])
    assert sorted(p.name for p in temp.iterdir()) == sorted([alive.name, foreign.name])
