"""LibreOffice in the tests: skipped where it is missing; failed in CI.

CI sets CCHC_REQUIRE_LIBREOFFICE=1 (.ci/run), and there a missing LibreOffice fails the test
instead. PDF export needs only LibreOffice Writer; the page's previews draw the PDF's pages
with PDFium (``workflows.preview``), not with LibreOffice's image export. Reading and
writing spreadsheets (.xls, .ods made in the tests) needs Calc, in libreoffice-calc-nogui: learnt
by converting a one-line CSV file to .ods once per session.
"""

from __future__ import annotations

import functools
import os
import subprocess
import tempfile
from pathlib import Path
from typing import NoReturn

import pytest

from generator.workflows import pdf
from tests import processes

REQUIRED = "CCHC_REQUIRE_LIBREOFFICE"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"  # how a PNG file starts (the page's previews)
PROBE_TIMEOUT = 120


def require_libreoffice(*, calc: bool = False) -> str:
    """The ``soffice`` to use. Skips the calling test, or fails it when CCHC_REQUIRE_LIBREOFFICE
    is set, if LibreOffice is missing or (with ``calc``) cannot convert spreadsheets."""
    soffice = pdf.find_soffice()
    if soffice is None:
        missing("LibreOffice is not installed (Debian: libreoffice-writer-nogui fonts-liberation2)")
    if calc and not converts_spreadsheets(soffice):
        missing(
            f"LibreOffice ({soffice}) cannot convert spreadsheets: Calc is missing (Debian: libreoffice-calc-nogui)"
        )
    return soffice


def missing(reason: str) -> NoReturn:
    """Skip with ``reason``; fail instead where LibreOffice is required."""
    if os.environ.get(REQUIRED):
        pytest.fail(f"{reason}; it is required here ({REQUIRED} is set)")
    pytest.skip(reason)


@functools.cache
def converts_spreadsheets(soffice: str) -> bool:
    """Whether ``soffice`` turns a one-line CSV file into an .ods (asked once per session)."""
    with tempfile.TemporaryDirectory(prefix="cchc-calc-probe-") as work:
        folder = Path(work)
        (folder / "probe.csv").write_text("a,1\n", encoding="utf-8")
        command = [
            soffice, f"-env:UserInstallation={(folder / 'profile').as_uri()}", "--headless", "--norestore",
            "--nolockcheck", "--convert-to", "ods", "--outdir", str(folder / "out"), str(folder / "probe.csv"),
        ]  # fmt: skip
        try:
            processes.run(command, timeout=PROBE_TIMEOUT, stdin=subprocess.DEVNULL)
        except subprocess.TimeoutExpired:
            pytest.fail(f"LibreOffice ({soffice}) did not convert one CSV line in {PROBE_TIMEOUT} s")
        return (folder / "out" / "probe.ods").is_file()
