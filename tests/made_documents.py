"""Every document the tests make with cchc's own templates passes `cchc check` and opens in LibreOffice.

``run_cli`` (tests/conftest.py) hands each .docx that cchc says it wrote to ``record``. The
document is checked against ND 30 there and then, so a failure is the failure of the test that
made it. It is also kept for one LibreOffice pass when the session ends (the session fixture
``every_document_opens_in_libreoffice`` in tests/conftest.py): LibreOffice takes seconds to
start, so all documents go through one process. A document Word would call "unreadable" usually
fails LibreOffice's conversion too, so each one must come out as a non-empty PDF.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from generator.check.checker import check_file
from generator.check.findings import Severity
from generator.errors import OutputError
from generator.workflows import pdf

LEFTOVER_TAGS = "the_mau"  # the rule `cchc check` reports "{{ … }}" left in a document under


@dataclass(frozen=True)
class Made:
    path: Path
    test: str  # the test that made it, as pytest names it


def check_now(path: Path, *, literal_tags: bool = False) -> None:
    """Assert that `cchc check` finds no error in ``path``. With ``literal_tags`` the data holds
    "{{ … }}" on purpose, so leftover-tag errors are expected, and no other error is allowed."""
    report = check_file(path)
    allowed = {LEFTOVER_TAGS} if literal_tags else set()
    errors = [str(f) for f in report.findings if f.severity is Severity.ERROR and f.rule not in allowed]
    assert report.problem is None, f"cchc check cannot read {path}: {report.problem}"
    assert errors == [], f"cchc check finds errors in {path}:\n" + "\n".join(errors)


class Ledger:
    """The documents made during one test session."""

    def __init__(self) -> None:
        self.made: dict[Path, Made] = {}  # by path: a document written again is opened as it is last

    def record(self, path: Path, *, literal_tags: bool = False) -> None:
        check_now(path, literal_tags=literal_tags)
        test = os.environ.get("PYTEST_CURRENT_TEST", "?").rsplit(" ", 1)[0]
        self.made[path] = Made(path, test)

    def open_all_in_libreoffice(self, folder: Path) -> None:
        """Fail unless LibreOffice converts every recorded document to a non-empty PDF, in one run."""
        made = [m for m in self.made.values() if m.path.is_file()]  # a test may delete what it made
        copies = {}
        for index, document in enumerate(made):  # unique names: several tests write the same name
            copy = folder / "docx" / f"{index:04d}_{document.path.name}"
            copy.parent.mkdir(parents=True, exist_ok=True)
            copy.write_bytes(document.path.read_bytes())
            copies[copy] = document
        try:
            converted = pdf.convert(list(copies), folder / "pdf")
        except OutputError as exc:
            pytest.fail(f"LibreOffice did not open every document the tests made: {_named(exc, copies)}")
        empty = [
            str(copies[c].path) for c, p in zip(copies, converted, strict=True) if p.stat().st_size <= 1000
        ]
        assert empty == [], f"LibreOffice wrote (nearly) empty PDFs of {empty}"


def _named(error: OutputError, copies: dict[Path, Made]) -> str:
    """``error``'s message, saying which test made the document it names."""
    message = str(error)
    for copy, made in copies.items():
        if str(copy.resolve()) in message or str(copy) in message:
            return f"{message} (a copy of {made.path}, made by {made.test})"
    return message


_open: list[Ledger] = []  # the ledger of the running session, while it is open


@contextlib.contextmanager
def session_ledger() -> Iterator[Ledger]:
    """The ledger ``record`` writes to, for the duration of the ``with`` block."""
    _open.append(Ledger())
    try:
        yield _open[-1]
    finally:
        _open.pop()


def current() -> Ledger:
    """The running session's ledger."""
    if not _open:
        raise RuntimeError("documents are recorded only while a test session runs")
    return _open[-1]


def record(path: Path, *, literal_tags: bool = False) -> None:
    """Check ``path`` now and keep it for the session's LibreOffice pass."""
    current().record(path, literal_tags=literal_tags)
