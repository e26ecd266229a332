"""Files cchc writes (``write_atomic``): the mode a normal save gives, disk full, leftovers swept."""

from __future__ import annotations

import errno
import os
import stat
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from generator.errors import OutputError
from generator.files import write_atomic
from tests.conftest import run_cli

posix_only = pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")


@pytest.fixture
def umask() -> Iterator[None]:
    """Tests here set the process umask; it is put back afterwards."""
    old = os.umask(0o022)
    os.umask(old)
    yield
    os.umask(old)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@posix_only
@pytest.mark.usefixtures("umask")
@pytest.mark.parametrize("mask", [0o022, 0o002, 0o077, 0o027], ids=oct)
def test_a_new_file_gets_the_mode_a_normal_save_gives(tmp_path: Path, mask: int) -> None:
    os.umask(mask)
    target = tmp_path / "ke_hoach.docx"
    write_atomic(target, b"data")
    plain = tmp_path / "plain.docx"
    plain.write_bytes(b"data")  # what any program saving a file gets
    assert mode(target) == 0o666 & ~mask
    assert mode(target) == mode(plain)


@posix_only
@pytest.mark.usefixtures("umask")
@pytest.mark.parametrize("existing", [0o640, 0o664, 0o600, 0o444], ids=oct)
def test_overwriting_keeps_the_existing_mode(tmp_path: Path, existing: int) -> None:
    os.umask(0o022)
    target = tmp_path / "ke_hoach.docx"
    target.write_bytes(b"old")
    target.chmod(existing)
    write_atomic(target, b"new")
    assert target.read_bytes() == b"new"
    assert mode(target) == existing


@posix_only
@pytest.mark.usefixtures("umask")
def test_private_files_stay_private(tmp_path: Path) -> None:
    os.umask(0o002)
    write_atomic(tmp_path / "entry.pickle", b"x", private=True)
    assert mode(tmp_path / "entry.pickle") == 0o600


@pytest.mark.parametrize("call", ["write", "fsync"])
def test_disk_full_keeps_the_old_file_and_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, call: str
) -> None:
    target = tmp_path / "ke_hoach.docx"
    target.write_bytes(b"old")

    def full(*_: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, call, full)
    with pytest.raises(OutputError) as caught:
        write_atomic(target, b"new" * 1000)
    assert str(caught.value).startswith(f"{target}: không ghi được tệp")
    assert target.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ke_hoach.docx"]


def age(path: Path, days: float) -> None:
    then = time.time() - days * 86400
    os.utime(path, (then, then))


def test_stale_temporary_files_are_swept_at_the_first_write(tmp_path: Path) -> None:
    stale = tmp_path / ".cchc-abc123.tmp"  # what a run killed with kill -9 leaves
    fresh = tmp_path / ".cchc-4242-def456.tmp"  # another run writing right now
    other = tmp_path / ".other-abc.tmp"
    old_document = tmp_path / "old.docx"
    for path in (stale, fresh, other, old_document):
        path.write_bytes(b"x")
    for path in (stale, other, old_document):
        age(path, 3)
    write_atomic(tmp_path / "ke_hoach.docx", b"data")
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        ".cchc-4242-def456.tmp",
        ".other-abc.tmp",
        "ke_hoach.docx",
        "old.docx",
    ]


def test_a_folder_named_like_a_temporary_file_is_left_alone(tmp_path: Path) -> None:
    folder = tmp_path / ".cchc-x.tmp"
    folder.mkdir()
    age(folder, 3)
    write_atomic(tmp_path / "a.docx", b"data")
    assert folder.is_dir()


def test_a_read_only_output_folder_keeps_the_earlier_document(
    example: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As on a read-only share or disk (root can write anywhere, so the refusal is simulated)."""
    out = tmp_path / "out"
    assert run_cli("plan", example, "--out", out).exit_code == 0
    (document,) = out.glob("*.docx")
    before = document.read_bytes()
    real_open = os.open

    def read_only(path: str | os.PathLike[str], flags: int, mode: int = 0o777, **kwargs: object) -> int:
        if Path(path).parent == out and flags & os.O_CREAT:
            raise OSError(errno.EROFS, "Read-only file system")
        return real_open(path, flags, mode)

    monkeypatch.setattr(os, "open", read_only)
    result = run_cli("plan", example, "--out", out)
    assert result.exit_code == 1
    assert result.stderr == (  # the reason in Vietnamese, not "(Read-only file system)"
        f"Lỗi: {out}: không ghi được vào thư mục đầu ra (ổ đĩa hoặc thư mục chỉ cho đọc, không cho ghi)\n"
    )
    assert document.read_bytes() == before
    assert [p.name for p in out.iterdir()] == [document.name]
