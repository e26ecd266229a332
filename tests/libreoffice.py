"""LibreOffice in the tests: skipped where it, or a filter a test needs, is missing; failed in CI.

CI sets CCHC_REQUIRE_LIBREOFFICE=1 (.ci/run), and there a missing piece fails the test instead.
PDF export needs only LibreOffice Writer. The PNG export behind the page previews needs the
graphics filters, which Debian ships apart, in libreoffice-draw-nogui; without them soffice
exits 0 and writes nothing. Whether PNG export works is learnt by converting a one-line
document once per session: a test that holds on every platform and install layout. Reading and
writing spreadsheets (.xls, .ods made in the tests) needs Calc, in libreoffice-calc-nogui: learnt
the same way, by converting a one-line CSV file to .ods.
"""

from __future__ import annotations

import functools
import os
import subprocess
import tempfile
from pathlib import Path
from typing import NoReturn

import docx
import pytest

from generator.workflows import pdf
from tests import processes

REQUIRED = "CCHC_REQUIRE_LIBREOFFICE"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
PROBE_TIMEOUT = 120


def require_libreoffice(*, png: bool = False, calc: bool = False) -> str:
    """The ``soffice`` to use. Skips the calling test, or fails it when CCHC_REQUIRE_LIBREOFFICE
    is set, if LibreOffice is missing, (with ``png``) cannot export PNG images or (with ``calc``)
    cannot convert spreadsheets."""
    soffice = pdf.find_soffice()
    if soffice is None:
        missing("LibreOffice is not installed (Debian: libreoffice-writer-nogui fonts-liberation2)")
    if calc and not converts_spreadsheets(soffice):
        missing(
            f"LibreOffice ({soffice}) cannot convert spreadsheets: Calc is missing (Debian: libreoffice-calc-nogui)"
        )
    if png and not exports_png(soffice):
        missing(
            f"LibreOffice ({soffice}) cannot export PNG: its graphics filters are missing "
            "(Debian: libreoffice-draw-nogui)"
        )
    return soffice


def missing(reason: str) -> NoReturn:
    """Skip with ``reason``; fail instead where LibreOffice is required."""
    if os.environ.get(REQUIRED):
        pytest.fail(f"{reason}; it is required here ({REQUIRED} is set)")
    pytest.skip(reason)


@functools.cache
def exports_png(soffice: str) -> bool:
    """Whether ``soffice`` turns a small .docx into a PNG image (asked once per session)."""
    with tempfile.TemporaryDirectory(prefix="cchc-png-probe-") as work:
        folder = Path(work)
        document = docx.Document()
        document.add_paragraph("PNG")
        document.save(str(folder / "probe.docx"))
        command = [
            soffice,
            f"-env:UserInstallation={(folder / 'profile').as_uri()}",
            "--headless",
            "--norestore",
            "--nolockcheck",
            "--convert-to",
            "png:writer_png_Export",
            "--outdir",
            str(folder / "out"),
            str(folder / "probe.docx"),
        ]
        try:
            processes.run(command, timeout=PROBE_TIMEOUT, stdin=subprocess.DEVNULL)
        except subprocess.TimeoutExpired:
            pytest.fail(f"LibreOffice ({soffice}) did not convert one line to PNG in {PROBE_TIMEOUT} s")
        image = folder / "out" / "probe.png"
        return image.is_file() and image.read_bytes().startswith(PNG_SIGNATURE)


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
