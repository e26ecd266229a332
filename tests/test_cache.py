"""The user cache folder is the platform's user cache folder."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from generator import cache as generator_cache


def test_the_folder_is_the_platforms_user_cache(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("CCHC_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path / "local"))
    expected = {"linux": tmp_path / "xdg" / "cchc", "win32": tmp_path / "local" / "cchc"}
    if sys.platform not in expected:
        pytest.skip("the folder is checked on Linux and Windows")
    assert generator_cache.folder() == expected[sys.platform]
