"""The page in a real headless Chromium (Debian's), driven by Playwright, against the real server.

Skipped where Chromium or Playwright is missing, failed instead when CCHC_REQUIRE_BROWSER is
set (CI). Playwright only drives the installed /usr/bin/chromium: no browser is downloaded.

``look`` is called on every page the tests reach: a screenshot at desktop width and at 390 px
(a phone) is kept in test-artifacts/ for a person to look at, the page must not scroll
sideways at 390 px, and axe-core (the copy the axe-playwright-python package ships, injected
into the page) must find no serious or critical accessibility violation.
"""

from __future__ import annotations

import json
import os
import shutil
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tests.conftest import ROOT

if TYPE_CHECKING:
    from playwright.sync_api import Page

CHROMIUM = Path(os.environ.get("CCHC_CHROMIUM", "/usr/bin/chromium"))
ARTIFACTS = ROOT / "test-artifacts"
DESKTOP = {"width": 1200, "height": 900}
PHONE = {"width": 390, "height": 844}
FLAGS = [
    "--headless",
    "--no-sandbox",  # Chromium refuses to run as root with its sandbox
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SERIOUS = ("serious", "critical")


def missing() -> str | None:
    """Why the browser tests cannot run here, or None."""
    if not CHROMIUM.is_file() and shutil.which(str(CHROMIUM)) is None:
        return f"Chromium is not installed ({CHROMIUM}; Debian: apt-get install chromium chromium-driver)"
    try:
        import axe_playwright_python  # type: ignore[import-untyped]  # noqa: F401
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "playwright or axe-playwright-python is not installed (pip install -e '.[dev]')"
    return None


_AXE = ""


def accessibility_violations(page: Page) -> list[dict[str, Any]]:
    """axe-core's violations on the page as it is now (every rule of the WCAG tags it runs)."""
    global _AXE
    if not _AXE:
        _AXE = resources.files("axe_playwright_python").joinpath("axe.min.js").read_text(encoding="utf-8")
    page.add_script_tag(content=_AXE)
    found: dict[str, Any] = page.evaluate(
        "async () => await axe.run(document, {resultTypes: ['violations']})"
    )
    return list(found["violations"])


def look(page: Page, name: str) -> None:
    """Screenshots (desktop and 390 px) into test-artifacts/; no sideways scrolling on a phone;
    no serious accessibility violation at either width."""
    ARTIFACTS.mkdir(exist_ok=True)
    problems = []
    for width, suffix in ((DESKTOP, ""), (PHONE, "-390")):
        page.set_viewport_size(width)  # type: ignore[arg-type]
        page.screenshot(path=str(ARTIFACTS / f"serve-{name}{suffix}.png"), full_page=True)
        violations = accessibility_violations(page)
        (ARTIFACTS / f"serve-{name}{suffix}.axe.json").write_text(
            json.dumps(violations, ensure_ascii=False, indent=1), encoding="utf-8"
        )
        problems += [
            f"{suffix or 'desktop'}: {v['id']} ({v['impact']}) {v['help']}: {[n['target'] for n in v['nodes']]}"
            for v in violations
            if v["impact"] in SERIOUS
        ]
        if width is PHONE:
            scroll = page.evaluate("document.documentElement.scrollWidth")
            assert scroll <= PHONE["width"], f"{name}: {scroll} px wide at 390 px"
            assert off_screen_cells(page) == [], f"{name}: table cells off-screen at 390 px"
    page.set_viewport_size(DESKTOP)  # type: ignore[arg-type]
    assert problems == [], name


def off_screen_cells(page: Page) -> list[str]:
    """The table cells a phone would have to scroll sideways to read (their text)."""
    found: list[str] = page.evaluate(
        """() => [...document.querySelectorAll("main td, main th")]
             .filter(c => c.offsetParent !== null && c.getBoundingClientRect().right > window.innerWidth + 1)
             .map(c => c.textContent.trim().slice(0, 40))"""
    )
    return found


def download(page: Page, selector: str) -> bytes:
    """Click a download link; the bytes the browser saved."""
    with page.expect_download() as caught:
        page.click(selector)
    return Path(caught.value.path()).read_bytes()


def upload_files(page: Page, paths: list[Path]) -> None:
    page.set_input_files("#tep", [str(path) for path in paths])
    page.click("#nut-tai-len")
    page.wait_for_selector("#tom-tat")
