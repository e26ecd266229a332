"""The user cache can be trusted: a damaged entry is refused and rebuilt (never a different
document, never a traceback), the folder is pruned, and the keys follow what shapes an entry."""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from generator import cache as generator_cache
from generator.domain import formatting
from generator.render import engine, environment
from generator.render import prepare as template_prepare
from generator.render.engine import PreparedTemplate
from generator.workflows.pipeline import PLAN_TEMPLATE
from tests.conftest import EXAMPLE, ROOT, run_cli

KINDS = ("templates", "sheets")  # the two kinds of entry a plan uses
DAY = 86400.0


def plan_xml(out: Path, monkeypatch: pytest.MonkeyPatch) -> bytes:
    """word/document.xml of the example plan; the template is looked up again, not kept in memory."""
    monkeypatch.setattr(engine, "_PREPARED", {})
    result = run_cli("plan", EXAMPLE, "--out", out)
    assert result.exit_code == 0, result.output
    (written,) = out.glob("*.docx")
    with zipfile.ZipFile(written) as package:
        return package.read("word/document.xml")


@pytest.fixture
def uncached_xml(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> bytes:
    """The plan written with the cache turned off: what every cached run must reproduce."""
    with monkeypatch.context() as scoped:
        scoped.setenv("CCHC_CACHE_DIR", "")
        return plan_xml(tmp_path / "uncached", scoped)


def entries(cache: Path, kind: str) -> list[Path]:
    return sorted((cache / kind).glob("*.pickle"))


def flip(data: bytes, bit: int) -> bytes:
    damaged = bytearray(data)
    damaged[bit // 8] ^= 1 << (bit % 8)
    return bytes(damaged)


def test_every_flipped_bit_is_detected(cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """One bit flipped in every 97th byte of each entry: never loaded, and the file is deleted."""
    plan_xml(tmp_path / "out", monkeypatch)
    for kind in KINDS:
        for path in entries(cache, kind):
            intact = path.read_bytes()
            assert generator_cache.load(path, object) is not None
            for offset in range(0, len(intact), 97):
                path.write_bytes(flip(intact, offset * 8 + offset % 8))
                assert generator_cache.load(path, object) is None, f"{kind} byte {offset}"
                assert not path.exists()


@pytest.mark.parametrize("kind", KINDS)
def test_a_flipped_bit_gives_the_same_document(
    kind: str, cache: Path, tmp_path: Path, uncached_xml: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Through the CLI: bytes in the header (and checksum), then spread over the whole file."""
    out = tmp_path / "out"
    assert plan_xml(out, monkeypatch) == uncached_xml
    for path in entries(cache, kind):
        intact = path.read_bytes()
        step = max(1, len(intact) // 10)
        offsets = sorted({*range(0, 64, 9), *range(step // 2, len(intact), step), len(intact) - 1})
        for offset in offsets:
            path.write_bytes(flip(intact, offset * 8 + offset % 8))
            assert plan_xml(out, monkeypatch) == uncached_xml, f"{path.name} byte {offset}"
            assert path.read_bytes() == intact  # rebuilt
            assert generator_cache.load(path, object) is not None


def _older_format(path: Path) -> bytes:
    """What an earlier cchc wrote: the bare pickle, no checksum."""
    value = generator_cache.load(path, object)
    return pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)


DAMAGE: dict[str, Callable[[Path], bytes]] = {
    "cut short": lambda path: path.read_bytes()[: path.stat().st_size // 2],
    "cut before the payload": lambda path: path.read_bytes()[:20],
    "empty": lambda path: b"",
    "garbage": lambda path: b"not a pickle" * 50,
    "a wrong type": lambda path: generator_cache.MAGIC + os.urandom(32) + pickle.dumps(42),
    "an older format": _older_format,
}


@pytest.mark.parametrize("damage", DAMAGE)
def test_a_damaged_entry_is_rebuilt(
    damage: str, cache: Path, tmp_path: Path, uncached_xml: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    plan_xml(out, monkeypatch)
    paths = [path for kind in KINDS for path in entries(cache, kind)]
    intact = {path: path.read_bytes() for path in paths}
    for path in paths:
        path.write_bytes(DAMAGE[damage](path))
    assert plan_xml(out, monkeypatch) == uncached_xml
    assert {path: path.read_bytes() for path in paths} == intact


def test_a_stored_value_of_the_wrong_type_is_refused(cache: Path) -> None:
    path = cache / "templates" / ("0" * 64 + ".pickle")
    generator_cache.store(path, 42)
    assert generator_cache.load(path, int) == 42
    assert generator_cache.load(path, template_prepare.Prepared) is None
    assert not path.exists()


def _age(path: Path, days: float) -> None:
    when = time.time() - days * DAY
    os.utime(path, (when, when))


def _fake_entry(cache: Path, number: int, size: int, days: float) -> Path:
    path = cache / "sheets" / f"{number:064x}.pickle"
    path.write_bytes(b"x" * size)
    _age(path, days)
    return path


def _rerun_storing(missing: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A later plan run, as in a new process, that writes an entry again (``missing``)."""
    monkeypatch.setattr(generator_cache, "_last_prune", {})
    missing.unlink()
    plan_xml(tmp_path / "out", monkeypatch)
    assert missing.exists()


def test_entries_unused_for_long_are_pruned(
    cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan_xml(tmp_path / "out", monkeypatch)
    (template,) = entries(cache, "templates")
    sheet = entries(cache, "sheets")[0]
    _age(template, 400)  # old, but this run uses it: kept
    stale = [_fake_entry(cache, n, 100, days) for n, days in ((1, 61), (2, 400))]
    recent = _fake_entry(cache, 3, 100, 59)
    leftover = cache / "sheets" / ".cchc-abc123.tmp"
    foreign = cache / "sheets" / "ghi_chu.txt"  # not ours: never deleted
    for path in (leftover, foreign):
        path.write_bytes(b"x")
        _age(path, 400)
    _rerun_storing(sheet, tmp_path, monkeypatch)
    assert not any(path.exists() for path in (*stale, leftover))
    assert all(path.exists() for path in (template, recent, foreign))
    assert time.time() - template.stat().st_mtime < DAY


def test_the_least_recently_used_go_when_the_folder_is_too_big(
    cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan_xml(tmp_path / "out", monkeypatch)
    real = [path for kind in KINDS for path in entries(cache, kind)]
    fakes = [_fake_entry(cache, n, 1000, days) for n, days in ((1, 4), (2, 3), (3, 2), (4, 1))]
    monkeypatch.setattr(generator_cache, "MAX_BYTES", sum(path.stat().st_size for path in real) + 2500)
    _rerun_storing(real[-1], tmp_path, monkeypatch)
    # A run may store an entry more than once (a workbook opened by two readers); the prune it
    # triggers first may come before the last store, so prune once more with every entry there.
    monkeypatch.setattr(generator_cache, "_last_prune", {})
    generator_cache.prune(cache)
    assert [path.exists() for path in fakes] == [False, False, True, True]
    assert all(path.exists() for path in real)


def test_pruning_is_done_once_per_run(cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    plan_xml(tmp_path / "out", monkeypatch)  # wrote entries, so pruned
    sheet = entries(cache, "sheets")[0]
    stale = _fake_entry(cache, 1, 100, 400)
    sheet.unlink()
    plan_xml(tmp_path / "out", monkeypatch)  # writes again, in the same process
    assert sheet.exists()
    assert stale.exists()


def _template_entries_after(change: Callable[[], None]) -> int:
    PreparedTemplate(PLAN_TEMPLATE)
    change()
    PreparedTemplate(PLAN_TEMPLATE)
    folder = generator_cache.folder()
    assert folder is not None
    return len(entries(folder, "templates"))


def _different_environment(monkeypatch: pytest.MonkeyPatch, **options: object) -> None:
    make = environment.make_environment

    def changed(*args: object) -> object:
        env = make(*args)  # type: ignore[arg-type]
        for name, value in options.items():
            setattr(env, name, value)
        return env

    monkeypatch.setattr(template_prepare, "make_environment", changed)
    monkeypatch.setattr(engine, "make_environment", changed)  # where templates get theirs


def _same_name_other_code() -> Callable[..., str]:
    """A filter under the same name, module and qualified name as ``so``'s, with other code."""

    def changed(value: object) -> str:
        return f"{value}!"

    original = formatting.FILTERS["so"]
    changed.__module__, changed.__qualname__ = original.__module__, original.__qualname__
    return changed


ENVIRONMENT_CHANGES: dict[str, Callable[[pytest.MonkeyPatch], None]] = {
    "one more filter": lambda mp: mp.setitem(formatting.FILTERS, "hoa", str.upper),
    "a filter's code": lambda mp: mp.setitem(formatting.FILTERS, "so", _same_name_other_code()),
    "autoescape": lambda mp: _different_environment(mp, autoescape=False),
    "trailing newline": lambda mp: _different_environment(mp, keep_trailing_newline=False),
    "finalize": lambda mp: _different_environment(mp, finalize=None),
    "an intercepted operator": lambda mp: _different_environment(mp, intercepted_binops=frozenset({"**"})),
}


@pytest.mark.parametrize("change", ENVIRONMENT_CHANGES)
def test_the_key_follows_the_environment(change: str, cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert _template_entries_after(lambda: ENVIRONMENT_CHANGES[change](monkeypatch)) == 2


@pytest.mark.parametrize(("library", "kind"), [("docxtpl", "templates"), ("openpyxl", "sheets")])
def test_the_key_follows_the_library_version(
    library: str, kind: str, cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan_xml(tmp_path / "out", monkeypatch)
    before = len(entries(cache, kind))
    installed = generator_cache.library
    upgraded = installed(library).replace(" ", " 99.0+", 1)
    monkeypatch.setattr(
        generator_cache, "library", lambda name: upgraded if name == library else installed(name)
    )
    plan_xml(tmp_path / "out", monkeypatch)
    assert len(entries(cache, kind)) == 2 * before


def test_the_key_is_the_same_in_every_process() -> None:
    """Hash seeds differ between processes; the key must not (else every run misses)."""
    code = (
        "from generator.render.prepare import _shaping, make_environment; print(_shaping(make_environment()))"
    )
    keys = {
        subprocess.run(
            [sys.executable, "-c", code],
            env={**os.environ, "PYTHONHASHSEED": seed},
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in ("1", "2")
    }
    assert len(keys) == 1


def test_the_library_version_is_read_without_importing_it() -> None:
    code = (
        "import sys; from generator import cache; print(cache.library('docxtpl'), 'docxtpl' in sys.modules)"
    )
    shown = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    import docxtpl

    assert shown.stdout.startswith(f"docxtpl {docxtpl.__version__} ")
    assert shown.stdout.split()[-1] == "False"


def test_the_folder_is_the_platforms_user_cache(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("CCHC_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path / "local"))
    expected = {"linux": tmp_path / "xdg" / "cchc", "win32": tmp_path / "local" / "cchc"}
    if sys.platform not in expected:
        pytest.skip("the folder is checked on Linux and Windows")
    assert generator_cache.folder() == expected[sys.platform]


def test_an_unwritable_folder_never_fails_a_run(
    tmp_path: Path, uncached_xml: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_bytes(b"")
    monkeypatch.setenv("CCHC_CACHE_DIR", str(blocker / "cache"))
    assert plan_xml(tmp_path / "out", monkeypatch) == uncached_xml
