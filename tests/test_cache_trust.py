"""No one but the user can make cchc unpickle something: entries carry a MAC under a private key.

With ``CCHC_CACHE_DIR`` on a folder other users could write, another user replaced an entry with
a pickle whose checksum matched, and the next `cchc plan` ran it. Now an entry must carry an
HMAC under the user's key (a 0600 file), and a folder, key or entry that is not the user's own or
that others can write is not used. The planted pickle here makes a folder when it is unpickled.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import stat
import sys
from pathlib import Path

import pytest

from generator import cache as generator_cache
from tests.test_cache import KINDS, entries, plan_xml

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX owners and modes")


class _Planted:
    """A pickle that runs ``os.mkdir(marker)`` when it is loaded."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[str]]:
        return os.mkdir, (str(self.marker),)


def planted(marker: Path) -> bytes:
    """What the attacker writes: the magic, a checksum that matches, the pickle."""
    payload = pickle.dumps(_Planted(marker))
    return generator_cache.MAGIC + hashlib.sha256(payload).digest() + payload


def plant_everywhere(cache: Path, marker: Path) -> list[Path]:
    paths = [path for kind in KINDS for path in entries(cache, kind)]
    assert paths
    for path in paths:
        path.write_bytes(planted(marker))
    return paths


def test_a_planted_entry_with_a_matching_checksum_is_never_unpickled(
    cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = plan_xml(tmp_path / "out", monkeypatch)
    marker = tmp_path / "ran"
    plant_everywhere(cache, marker)
    assert plan_xml(tmp_path / "out", monkeypatch) == first
    assert not marker.exists()


def test_the_key_is_the_users_alone(cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    plan_xml(tmp_path / "out", monkeypatch)
    key = cache / generator_cache.KEY_NAME
    assert stat.S_IMODE(key.stat().st_mode) == 0o600
    assert len(key.read_bytes()) == 32
    assert stat.S_IMODE(cache.stat().st_mode) == 0o700


def test_a_key_others_can_read_is_replaced(
    cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan_xml(tmp_path / "out", monkeypatch)
    key = cache / generator_cache.KEY_NAME
    old = key.read_bytes()
    key.chmod(0o644)
    monkeypatch.setattr(generator_cache, "_keys", {})  # as in a new process
    (path, *_) = entries(cache, "templates")
    assert generator_cache.load(path, object) is None  # signed with the key others could read
    assert key.read_bytes() != old
    assert stat.S_IMODE(key.stat().st_mode) == 0o600


def test_a_folder_others_can_write_is_not_used(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o777)
    monkeypatch.setenv("CCHC_CACHE_DIR", str(shared))
    monkeypatch.setattr(generator_cache, "_keys", {})
    plan_xml(tmp_path / "out", monkeypatch)
    assert sorted(p.name for p in shared.iterdir()) == []
    assert stat.S_IMODE(shared.stat().st_mode) == 0o777  # a folder the user named is left as it is


def test_the_users_default_folder_made_group_writable_is_made_private(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("CCHC_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    if sys.platform != "linux":
        pytest.skip("the default folder is placed by XDG_CACHE_HOME on Linux")
    folder = tmp_path / "xdg" / "cchc"
    folder.mkdir(parents=True)
    folder.chmod(0o775)  # what an earlier cchc made under umask 002
    plan_xml(tmp_path / "out", monkeypatch)
    assert stat.S_IMODE(folder.stat().st_mode) == 0o755
    assert entries(folder, "templates")


@pytest.mark.skipif(not hasattr(os, "getuid") or os.getuid() != 0, reason="only root can give a file away")
def test_an_entry_another_user_owns_is_not_loaded(
    cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan_xml(tmp_path / "out", monkeypatch)
    (path, *_) = entries(cache, "templates")
    assert generator_cache.load(path, object) is not None
    os.chown(path, 65534, -1)
    assert generator_cache.load(path, object) is None


def test_an_entry_others_can_write_or_a_link_is_not_loaded(
    cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan_xml(tmp_path / "out", monkeypatch)
    (path, *_) = entries(cache, "templates")
    path.chmod(0o666)
    assert generator_cache.load(path, object) is None
    path.chmod(0o600)
    elsewhere = tmp_path / "elsewhere.pickle"
    path.rename(elsewhere)
    path.symlink_to(elsewhere)
    assert generator_cache.load(path, object) is None
