"""Shared fixtures: the example inputs, a CLI runner, documents built once per session."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from generator.cli import cli
from tests import made_documents
from tests.libreoffice import require_libreoffice

ROOT = Path(__file__).resolve().parent.parent
# The example `make demo` uses: Word and Excel (ke_hoach.docx, ke_hoach.xlsx, …).
WORD_EXAMPLE = ROOT / "inputs" / "loc_thuy"
# The same example in YAML (don_vi.yaml, ke_hoach.yaml, nhiem_vu.xlsx, …): most tests break its
# files on purpose; both give byte-identical documents (tests/test_word_example.py).
EXAMPLE = ROOT / "inputs" / "loc_thuy_yaml"


@pytest.fixture(scope="session", autouse=True)
def private_template_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Tests never read or fill the user's own template cache."""
    folder = tmp_path_factory.mktemp("template-cache")
    old = os.environ.get("CCHC_CACHE_DIR")
    os.environ["CCHC_CACHE_DIR"] = str(folder)
    yield folder
    if old is None:
        os.environ.pop("CCHC_CACHE_DIR", None)
    else:
        os.environ["CCHC_CACHE_DIR"] = old


@pytest.fixture(scope="session", autouse=True)
def every_document_opens_in_libreoffice(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[None]:
    """When the session ends, every document ``run_cli`` saw written is opened in one LibreOffice.

    A broken document fails the run (an error at teardown); without LibreOffice this is skipped,
    or fails where CCHC_REQUIRE_LIBREOFFICE is set; not done after Ctrl+C. See
    tests/made_documents.py.
    """
    with made_documents.session_ledger() as ledger:
        yield
        if ledger.made and request.session.exitstatus != pytest.ExitCode.INTERRUPTED:
            try:
                require_libreoffice()
            except pytest.skip.Exception as missing:
                pytest.skip(f"the documents the tests made were not opened in LibreOffice: {missing.msg}")
            ledger.open_all_in_libreoffice(tmp_path_factory.mktemp("every-document"))


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private, empty user cache folder for one test."""
    folder = tmp_path / "cache"
    monkeypatch.setenv("CCHC_CACHE_DIR", str(folder))
    return folder


def _written(line: str) -> Path | None:
    """The .docx named by an "Đã ghi …: path" or "… → path" line of cchc's output."""
    if not line.startswith("Đã ghi") or not line.endswith(".docx"):
        return None
    return Path(line.rsplit("→", 1)[1].strip() if "→" in line else line.rsplit(": ", 1)[1].strip())


def run_cli(*args: str | Path, literal_tags: bool = False) -> Result:
    """Run ``cchc`` in-process with its real error handling; stderr kept apart.

    Each document it writes with cchc's own templates must pass `cchc check` (an AssertionError
    here otherwise) and open in LibreOffice at the end of the session. ``literal_tags``: the
    data holds "{{ … }}" on purpose, which `cchc check` rightly reports as leftover tags.
    """
    words = [str(a) for a in args]
    result = CliRunner().invoke(cli, words, catch_exceptions=False)
    if "--template" not in words and "-t" not in words:
        for written in filter(None, map(_written, result.output.splitlines())):
            made_documents.record(written, literal_tags=literal_tags)
    return result


@pytest.fixture
def example(tmp_path: Path) -> Path:
    """A private copy of the example working folder, free to break."""
    target = tmp_path / "loc_thuy"
    shutil.copytree(EXAMPLE, target)
    return target


@pytest.fixture(scope="session")
def plan_docx(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example plan, written once by the CLI."""
    out = tmp_path_factory.mktemp("plan")
    result = run_cli("plan", EXAMPLE, "--out", out)
    assert result.exit_code == 0, result.output
    (path,) = out.glob("*.docx")
    return path


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Any]:
    """The web page's store (``cchc serve``) in a private folder, emptied afterwards."""
    from tests.web_support import server_store

    with server_store(tmp_path) as opened:
        yield opened


@pytest.fixture
def client(store: Any) -> Any:
    """A test client of the page over ``store``, holding the run's secret as a browser does."""
    from tests.web_support import new_client

    return new_client(store)


# The seed plan's tasks due "Tháng 12/2021" in a plan issued 07/01/2022: the plan warns of each
# (#23 item 5). Any other warning from the example is a regression.
SEED_DEADLINE_WARNING = "trước ngày ban hành kế hoạch (07/01/2022)"


def unexpected_warnings(stderr: str) -> list[str]:
    """The lines of ``stderr`` other than the example plan's expected deadline warnings."""
    return [line for line in stderr.splitlines() if SEED_DEADLINE_WARNING not in line]
