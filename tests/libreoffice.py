"""LibreOffice in the tests: skipped where it is missing; failed in CI.

CI sets CCHC_REQUIRE_LIBREOFFICE=1 (.ci/run), and there a missing LibreOffice fails the test
instead. PDF export needs only LibreOffice Writer; the page's previews draw the PDF's pages
with PDFium (``workflows.preview``), not with LibreOffice's image export.
"""

from __future__ import annotations

import os
from typing import NoReturn

import pytest

from generator.workflows import pdf

REQUIRED = "CCHC_REQUIRE_LIBREOFFICE"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
PROBE_TIMEOUT = 120


def require_libreoffice() -> str:
    """The ``soffice`` to use. Skips the calling test, or fails it when CCHC_REQUIRE_LIBREOFFICE
    is set, if LibreOffice is missing."""
    soffice = pdf.find_soffice()
    if soffice is None:
        missing("LibreOffice is not installed (Debian: libreoffice-writer-nogui fonts-liberation2)")
    return soffice


def missing(reason: str) -> NoReturn:
    """Skip with ``reason``; fail instead where LibreOffice is required."""
    if os.environ.get(REQUIRED):
        pytest.fail(f"{reason}; it is required here ({REQUIRED} is set)")
    pytest.skip(reason)
