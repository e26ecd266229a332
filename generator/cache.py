"""A small content-addressed cache in the user's cache folder, shared by templates and workbooks.

Where: ``$CCHC_CACHE_DIR`` when set (set and empty turns the cache off), else the user cache
folder that ``platformdirs`` gives: ``~/.cache/cchc`` on Linux, ``%LOCALAPPDATA%\\cchc`` on
Windows, ``~/Library/Caches/cchc`` on macOS. One subfolder per kind of entry.

Keys: an entry is named by the SHA-256 of the bytes it was derived from plus everything that
shapes the derivation, which callers pass as text: cchc's and Python's versions (always), the
source of the modules that derive and store it (``code_version``), the libraries involved
(``library``: version and files, learnt without importing them), for templates the Jinja
environment (``render.environment.fingerprint``). Nothing is numbered by hand: a change in any
of these gives new keys, so a stale entry is never looked up; it only ages out.

Damage and tampering: a file is ``MAGIC``, an HMAC-SHA256 of the payload under the user's secret
key (``KEY_NAME`` in the folder, 0600, made on first use), then the pickle. A file that fails the
MAC (damaged, another format, planted without the key) or holds the wrong type is deleted and
rebuilt. A folder, key or entry not the user's own, or that others can write, is not used (the
cache is off): docs/security.md §3.

Limits: reading an entry refreshes its modification time, so that time is its last use. A run
that writes an entry then prunes the folder (at most once an hour per process, so once per
command): entries unused for ``MAX_AGE_DAYS`` days are deleted, then the least recently used
until the folder holds at most ``MAX_BYTES``. Only files named like entries or like cchc's
temporary files are ever deleted, even when ``CCHC_CACHE_DIR`` points at a shared folder.

Reading, writing or pruning the cache never fails a run: at worst it costs time.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import hmac
import os
import pickle
import re
import stat
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

from generator import __version__

MAGIC = b"cchc-cache\n"
MAX_AGE_DAYS = 60
MAX_BYTES = 200 * 1024 * 1024
PRUNE_INTERVAL = 3600.0  # seconds: once per command, hourly in a long-running `cchc serve`
_DIGEST_SIZE = hashlib.sha256().digest_size
_OWNED = re.compile(r"[0-9a-f]{64}\.pickle|\.cchc-[^/\\]*\.tmp")  # entries, write_atomic's temp files
_last_prune: dict[Path, float] = {}
KEY_NAME = "cchc.key"
_KEY_SIZE = 32
_keys: dict[Path, bytes] = {}  # the key of each cache folder, read once per process
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
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
    key.update("\0".join((__version__, sys.version, *shaping)).encode())
    return root / kind / f"{key.hexdigest()}.pickle"


def load(path: Path | None, expected: type) -> Any:
    """The object stored at ``path`` if intact and an ``expected``; else None (a damaged file is deleted)."""
    if path is None:
        return None
    key = _secret(path.parent.parent)
    if key is None or not _private_folder(path.parent):
        return None
    stored = _read_own(path)
    if stored is None:  # not there (the usual miss), unreadable, or not the user's own file
        return None
    value = _unpack(stored, key)
    if value is _DAMAGED or not isinstance(value, expected):
        with contextlib.suppress(OSError):
            path.unlink()
        return None
    with contextlib.suppress(OSError):
        os.utime(path)  # its modification time is its last use: what pruning goes by
    return value


def _unpack(stored: bytes, key: bytes) -> object:
    """The payload's object, or _DAMAGED unless the magic and the MAC match."""
    start = len(MAGIC) + _DIGEST_SIZE
    payload = stored[start:]
    if not stored.startswith(MAGIC) or not hmac.compare_digest(
        stored[len(MAGIC) : start], _mac(key, payload)
    ):
        return _DAMAGED
    try:
        return pickle.loads(payload)  # written by this user's cchc with its key, intact
    except Exception:  # intact but not loadable here (a class that moved): rebuilt like damage
        return _DAMAGED


def store(path: Path | None, value: Any) -> None:
    """Best effort: a cache that cannot be written only costs time."""
    if path is None:
        return
    key = _secret(path.parent.parent)
    if key is None or not _private_folder(path.parent):
        return
    try:
        payload = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    except (pickle.PicklingError, TypeError, AttributeError):
        return
    with contextlib.suppress(OSError):
        _write(path, MAGIC + _mac(key, payload) + payload)
    prune(path.parent.parent)


def _mac(key: bytes, payload: bytes) -> bytes:
    return hmac.new(key, payload, hashlib.sha256).digest()


def _secret(root: Path) -> bytes | None:
    """The user's key for the entries under ``root``, made on first use; None when ``root`` or the
    key is not the user's own and private (the cache is then off)."""
    if not _private_folder(root):
        return None
    known = _keys.get(root)
    if known is not None:
        return known
    path = root / KEY_NAME
    key = _read_own(path, private=True)
    if key is None or len(key) != _KEY_SIZE:
        key = _new_key(path, replace=os.path.lexists(path))
    if key is not None:
        _keys[root] = key
    return key


def _new_key(path: Path, replace: bool) -> bytes | None:
    """32 random bytes put at ``path`` whole, readable by the user only; a key another process
    put there first is taken instead. ``replace``: the key there is not trusted, remove it."""
    key = os.urandom(_KEY_SIZE)
    handle, name = tempfile.mkstemp(dir=path.parent, prefix=".cchc-", suffix=".tmp")  # 0600
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(key)
        if replace:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(path)
        os.link(name, path)  # fails when another process made the key meanwhile
    except FileExistsError:
        found = _read_own(path, private=True)
        return found if found is not None and len(found) == _KEY_SIZE else None
    except OSError:
        return None
    finally:
        with contextlib.suppress(OSError):
            os.unlink(name)
    return key


def _read_own(path: Path, *, private: bool = False) -> bytes | None:
    """The bytes of the regular file ``path`` when it is the user's and others cannot write it
    (nor read it, when ``private``); None otherwise. A link is not followed."""
    try:
        handle = os.open(path, os.O_RDONLY | _NOFOLLOW)
    except OSError:
        return None
    with os.fdopen(handle, "rb") as stream:
        status = os.fstat(stream.fileno())
        if not stat.S_ISREG(status.st_mode) or not _owned(status, 0o077 if private else 0o022):
            return None
        return stream.read()


def _private_folder(path: Path) -> bool:
    """Whether ``path`` is a folder of the user's that others cannot write; made (0700) when missing."""
    try:
        path.mkdir(mode=0o700, parents=True, exist_ok=True)
        status = os.lstat(path)
        default = os.environ.get("CCHC_CACHE_DIR") is None  # the user's own cache folder, not one named
        if default and stat.S_ISDIR(status.st_mode) and _owned(status, 0) and status.st_mode & 0o022:
            os.chmod(path, stat.S_IMODE(status.st_mode) & ~0o022)  # made by an earlier cchc
            status = os.lstat(path)
    except OSError:
        return False
    return stat.S_ISDIR(status.st_mode) and _owned(status, 0o022)


def _owned(status: os.stat_result, forbidden: int) -> bool:
    """Owned by this user, with none of the ``forbidden`` mode bits (no owners on Windows)."""
    if not hasattr(os, "getuid"):
        return True
    return status.st_uid == os.getuid() and not status.st_mode & forbidden


def _write(path: Path, data: bytes) -> None:
    """A temporary file renamed into place, not synced to disk as documents are (~5 ms each):
    an entry cut short by a crash fails its MAC and is rebuilt."""
    handle, name = tempfile.mkstemp(dir=path.parent, prefix=".cchc-", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(name, path)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(name)
        raise


def prune(root: Path) -> None:
    """Delete entries unused for MAX_AGE_DAYS, then the least recently used beyond MAX_BYTES.

    Runs at most once per PRUNE_INTERVAL for a folder in this process; never raises.
    """
    now = time.monotonic()
    last = _last_prune.get(root)
    if last is not None and now - last < PRUNE_INTERVAL:
        return
    _last_prune[root] = now
    oldest = time.time() - MAX_AGE_DAYS * 86400
    files = sorted(_owned_files(root))  # least recently used first
    total = sum(size for _, size, _ in files)
    for modified, size, path in files:
        if modified >= oldest and total <= MAX_BYTES:
            break
        with contextlib.suppress(OSError):
            path.unlink()
            total -= size


def _owned_files(root: Path) -> Iterator[tuple[float, int, Path]]:
    """(modification time, size, path) of each entry and leftover temporary file under ``root``."""
    for kind in _listing(root):
        if not kind.is_dir(follow_symlinks=False):
            continue
        for item in _listing(Path(kind.path)):
            if _OWNED.fullmatch(item.name) and item.is_file(follow_symlinks=False):
                with contextlib.suppress(OSError):
                    stat = item.stat(follow_symlinks=False)
                    yield stat.st_mtime, stat.st_size, Path(item.path)


def _listing(directory: Path) -> list[os.DirEntry[str]]:
    try:
        with os.scandir(directory) as items:
            return list(items)
    except OSError:
        return []


@functools.cache  # once per process: the code running is the code loaded, whatever the disk says now
def code_version(*modules: ModuleType) -> str:
    """A digest of the source of ``modules``: editing what derives or stores an entry gives new keys."""
    digest = hashlib.sha256()
    for module in modules:
        try:
            digest.update(Path(module.__file__ or "").read_bytes())
        except OSError:  # no source beside the code (a frozen build): cchc's version decides
            digest.update(module.__name__.encode())
    return digest.hexdigest()


@functools.cache  # once per process (each workbook asked for it: a listing of site-packages each time)
def library(name: str) -> str:
    """Which ``name`` is installed, learnt without importing it (the cache exists to avoid imports).

    Its version (from the ``<name>-<version>.dist-info`` folder beside it) and its
    ``__init__`` file's path, size and time, so an upgrade or a reinstall gives new keys.
    """
    from importlib.util import find_spec

    try:
        spec = find_spec(name)
    except (ImportError, ValueError):
        spec = None
    if spec is None or not spec.origin:
        return f"{name} ?"
    origin = Path(spec.origin)
    try:
        stat = origin.stat()
    except OSError:
        return f"{name} ? {origin}"
    package = origin.parent if origin.name == "__init__.py" else origin
    version = _distribution_version(package.parent, name)
    return f"{name} {version} {origin} {stat.st_size} {stat.st_mtime_ns}"


def _distribution_version(site: Path, name: str) -> str:
    """The version in the name of ``name``'s .dist-info (or .egg-info) folder in ``site``."""
    wanted = re.sub(r"[-_.]+", "_", name).lower()
    try:
        names = os.listdir(site)
    except OSError:
        return "?"
    for item in names:
        if item.endswith((".dist-info", ".egg-info")):
            project, _, version = item.rpartition(".")[0].partition("-")
            if re.sub(r"[-_.]+", "_", project).lower() == wanted:
                return version
    return "?"
