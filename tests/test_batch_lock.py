"""Two runs into one output folder, as real processes: the second stops with a clear message; a
run killed with kill -9 blocks no one and leaves every document it finished intact."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import docx
import pytest

from generator.errors import OutputError
from generator.files import LOCK_NAME, output_lock
from tests import processes
from tests.test_batch import unit

HOLD = "import sys; from pathlib import Path; from generator.files import output_lock\n" + (
    "with output_lock(Path(sys.argv[1])):\n    print('giữ', flush=True)\n    sys.stdin.read()\n"
)


@pytest.fixture
def province(tmp_path: Path) -> Path:
    root = tmp_path / "tinh"
    for name in ("an_hoa", "binh_minh", "cat_tien", "dong_son"):
        unit(root, name)
    return root


def batch(source: Path, out: Path, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "generator", "batch", str(source), "--out", str(out)]
    return processes.run(command, timeout=timeout, encoding="utf-8")


def test_a_second_run_stops_while_the_first_holds_the_folder(province: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    holder_command = [sys.executable, "-c", HOLD, str(out)]
    pipes = {"stdin": subprocess.PIPE, "stdout": subprocess.PIPE, "encoding": "utf-8"}
    with processes.started(holder_command, **pipes) as holder:
        assert holder.stdout is not None
        assert processes.read_line(holder.stdout, timeout=60) == "giữ\n"
        second = batch(province, out)
        written_meanwhile = sorted(p.name for p in out.iterdir())
        holder.kill()  # kill -9: the lock stays behind
        holder.wait()
    assert second.returncode == 1
    assert second.stdout == ""
    lines = second.stderr.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(
        f"Lỗi: {out}: một lần chạy cchc khác đang ghi vào thư mục này "
        f"(máy {socket.gethostname()}, tiến trình {holder.pid}, từ "
    )
    assert lines[0].endswith(
        "; chờ lần đó xong rồi chạy lại, hoặc chọn thư mục đầu ra khác (--out). "
        f"Nếu chắc chắn không còn lần chạy nào, xóa tệp {out / LOCK_NAME}"
    )
    assert written_meanwhile == [LOCK_NAME]
    after = batch(province, out)  # the killed holder's lock is stale: taken over
    assert after.returncode == 0, after.stderr
    assert "Tổng kết: đã ghi 8 văn bản, lỗi 0." in after.stdout
    assert not (out / LOCK_NAME).exists()


def test_kill_9_during_a_batch_keeps_finished_documents_whole(province: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    command = [sys.executable, "-m", "generator", "batch", str(province), "--out", str(out)]
    pipes = {"stdout": subprocess.PIPE, "stderr": subprocess.PIPE}
    with processes.started(command, **pipes) as running:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and len(list(out.glob("*.docx"))) < 2:
            time.sleep(0.01)
        running.kill()
        running.wait()
    finished = sorted(out.glob("*.docx"))
    assert len(finished) >= 2
    for path in finished:
        assert docx.Document(str(path)).paragraphs  # every document there opens whole
    leftovers = {p.name for p in out.iterdir()} - {p.name for p in finished}
    assert leftovers <= {LOCK_NAME} | {p.name for p in out.glob(".cchc-*.tmp")}
    again = batch(province, out)
    assert again.returncode == 0, again.stderr
    assert len(list(out.glob("*.docx"))) == 9  # 4 plans, 4 reports, the consolidated tables


def test_a_lock_of_a_live_process_elsewhere_is_respected_for_a_day(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    lock = out / LOCK_NAME
    lock.write_text(
        json.dumps({"may": "may-khac", "tien_trinh": 1, "bat_dau": time.time()}), encoding="utf-8"
    )
    with pytest.raises(OutputError) as caught, output_lock(out):
        pass
    assert "(máy may-khac, tiến trình 1, từ " in str(caught.value)
    old = time.time() - 2 * 86400
    os.utime(lock, (old, old))
    with output_lock(out):
        assert json.loads(lock.read_text(encoding="utf-8"))["tien_trinh"] == os.getpid()
    assert not lock.exists()
