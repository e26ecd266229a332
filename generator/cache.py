"""A small content-addressed cache in the user's cache folder, shared by templates and workbooks.

Where: ``$CCHC_CACHE_DIR`` when set (set and empty turns the cache off), else the user cache
folder that ``platformdirs`` gives: ``~/.cache/cchc`` on Linux, ``%LOCALAPPDATA%\\cchc`` on
Windows, ``~/Library/Caches/cchc`` on macOS. One subfolder per kind of entry.

An entry is keyed by the SHA-256 of the bytes it was derived from plus everything that shapes
the derivation (cchc's and its libraries' versions), so a stale entry can never be found for
changed input: it is simply not looked up.

Damage: a file is ``MAGIC``, the SHA-256 of the payload, then the payload (a pickle). The
checksum is verified before unpickling; a file that fails it (cut short, empty, a flipped bit,
another format) or holds the wrong type is deleted, and the caller rebuilds the entry. The
checksum guards against damage, not against someone who can already write the user's files.

Reading or writing the cache never fails a run: at worst it costs time.
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
MAGIC = b"cchc-cache\n"
_DIGEST_SIZE = hashlib.sha256().digest_size
_DAMAGED = object()  # what _unpack gives for a file that fails its checks


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
    """The object stored at ``path`` if intact and an ``expected``; else None (a damaged file is deleted)."""
    if path is None:
        return None
    try:
        stored = path.read_bytes()
    except OSError:  # not there (the usual miss), or unreadable
        return None
    value = _unpack(stored)
    if value is _DAMAGED or not isinstance(value, expected):
        with contextlib.suppress(OSError):
            path.unlink()
        return None
    return value


def _unpack(stored: bytes) -> object:
    """The payload's object, or _DAMAGED unless the magic and the checksum match."""
    start = len(MAGIC) + _DIGEST_SIZE
    payload = stored[start:]
    if not stored.startswith(MAGIC) or stored[len(MAGIC) : start] != hashlib.sha256(payload).digest():
        return _DAMAGED
    try:
        return pickle.loads(payload)  # our own, intact file, named by the content it came from
    except Exception:  # intact but not loadable here (a class that moved): rebuilt like damage
        return _DAMAGED


def store(path: Path | None, value: Any) -> None:
    """Best effort: a cache that cannot be written only costs time."""
    if path is None:
        return
    from generator.errors import OutputError
    from generator.files import write_atomic

    try:
        payload = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    except (pickle.PicklingError, TypeError, AttributeError):
        return
    with contextlib.suppress(OutputError):
        write_atomic(path, MAGIC + hashlib.sha256(payload).digest() + payload)
