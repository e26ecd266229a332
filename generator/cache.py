"""A small content-addressed cache in the user's cache folder, shared by templates and workbooks.

Where: ``$CCHC_CACHE_DIR`` when set (set and empty turns the cache off), else the user cache
folder that ``platformdirs`` gives: ``~/.cache/cchc`` on Linux, ``%LOCALAPPDATA%\\cchc`` on
Windows, ``~/Library/Caches/cchc`` on macOS. One subfolder per kind of entry.

An entry is keyed by the SHA-256 of the bytes it was derived from plus everything that shapes
the derivation (cchc's and its libraries' versions), so a stale entry can never be found for
changed input: it is simply not looked up. Reading or writing the cache never fails a run.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import sys
from pathlib import Path
from typing import Any

from generator import __version__

FORMAT = 3  # bump when what is stored changes shape


def folder() -> Path | None:
    """$CCHC_CACHE_DIR, else the platform's user cache folder; "" disables the cache."""
    configured = os.environ.get("CCHC_CACHE_DIR")
    if configured is not None:
        return Path(configured) if configured else None
    from platformdirs import user_cache_dir

    # opinion=False: no extra "Cache" level on Windows, the folder earlier versions used
    return Path(user_cache_dir("cchc", appauthor=False, opinion=False))


def entry(kind: str, data: bytes, *shaping: str) -> Path | None:
    """Where the ``kind`` entry derived from ``data`` lives (None when caching is off)."""
    root = folder()
    if root is None:
        return None
    key = hashlib.sha256(data)
    key.update("|".join((str(FORMAT), __version__, sys.version, *shaping)).encode())
    return root / kind / f"{key.hexdigest()}.pickle"


def load(path: Path | None, expected: type) -> Any:
    """The object stored at ``path`` if it is an ``expected``; None otherwise (or if damaged)."""
    if path is None or not path.is_file():
        return None
    try:
        value = pickle.loads(path.read_bytes())  # our own file, named by the content it came from
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError, ValueError):
        return None
    return value if isinstance(value, expected) else None


def store(path: Path | None, value: Any) -> None:
    """Best effort: a cache that cannot be written only costs time."""
    if path is None:
        return
    from generator.errors import OutputError
    from generator.files import write_atomic

    with contextlib.suppress(OutputError, pickle.PicklingError):
        write_atomic(path, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
