"""Fixtures of the browser tests: the real server, Debian's Chromium driven by Playwright, a page."""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest

from generator.web.server import LocalServer
from tests.browser_tests.support import CHROMIUM, DESKTOP, FLAGS, missing
from tests.web_support import running_server

if TYPE_CHECKING:
    from playwright.sync_api import BrowserContext, Page


@pytest.fixture(scope="module")
def server() -> Iterator[LocalServer]:
    with running_server() as running:
        yield running


@pytest.fixture(scope="module")
def context(tmp_path_factory: pytest.TempPathFactory) -> Iterator[BrowserContext]:
    reason = missing()
    if reason:
        if os.environ.get("CCHC_REQUIRE_BROWSER"):
            pytest.fail(f"a browser is required here (CCHC_REQUIRE_BROWSER is set): {reason}")
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(tmp_path_factory.mktemp("chromium-profile")),  # a fresh --user-data-dir
            executable_path=str(CHROMIUM),
            headless=True,
            args=FLAGS,
            accept_downloads=True,
            locale="vi-VN",
            viewport=DESKTOP,  # type: ignore[arg-type]
        )
        yield context
        context.close()


@pytest.fixture
def page(context: BrowserContext, server: LocalServer) -> Iterator[Page]:
    page = context.new_page()
    page.set_default_timeout(60_000)  # LibreOffice and a cold Chromium take seconds
    page.goto(server.url)
    yield page
    page.close()
