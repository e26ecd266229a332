"""The page in a real headless Chromium (Debian's), driven by Playwright, against the real server.

Skipped where Chromium or Playwright is missing, failed instead when CCHC_REQUIRE_BROWSER is
set (CI). Playwright only drives the installed /usr/bin/chromium: no browser is downloaded.
A screenshot of the main page is kept in test-artifacts/ for a person to look at.
"""

from __future__ import annotations

import io
import os
import shutil
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from generator.web.server import LocalServer
from tests.conftest import EXAMPLE, ROOT
from tests.libreoffice import require_libreoffice
from tests.web_support import BROKEN_LINES, EXAMPLE_FILES, break_workbook, docx_text, running_server

if TYPE_CHECKING:
    from playwright.sync_api import BrowserContext, FilePayload, Page

pytestmark = pytest.mark.browser
CHROMIUM = Path(os.environ.get("CCHC_CHROMIUM", "/usr/bin/chromium"))
ARTIFACTS = ROOT / "test-artifacts"
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


def _missing() -> str | None:
    if not CHROMIUM.is_file() and shutil.which(str(CHROMIUM)) is None:
        return f"Chromium is not installed ({CHROMIUM}; Debian: apt-get install chromium chromium-driver)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the playwright package is not installed (pip install -e '.[dev]')"
    return None


@pytest.fixture(scope="module")
def server() -> Iterator[LocalServer]:
    with running_server() as running:
        yield running


@pytest.fixture(scope="module")
def context(tmp_path_factory: pytest.TempPathFactory) -> Iterator[BrowserContext]:
    missing = _missing()
    if missing:
        if os.environ.get("CCHC_REQUIRE_BROWSER"):
            pytest.fail(f"a browser is required here (CCHC_REQUIRE_BROWSER is set): {missing}")
        pytest.skip(missing)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(tmp_path_factory.mktemp("chromium-profile")),  # a fresh --user-data-dir
            executable_path=str(CHROMIUM),
            headless=True,
            args=FLAGS,
            accept_downloads=True,
            locale="vi-VN",
            viewport={"width": 1200, "height": 900},
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


def download(page: Page, selector: str) -> bytes:
    """Click a download link; the bytes the browser saved."""
    with page.expect_download() as caught:
        page.click(selector)
    return Path(caught.value.path()).read_bytes()


def upload(page: Page, folder: Path) -> None:
    page.set_input_files("#tep", [str(folder / name) for name in EXAMPLE_FILES])
    page.click("#nut-tai-len")
    page.wait_for_selector("#danh-sach-tep")


def test_main_page_is_usable(page: Page) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / "serve-trang-dau.png"
    page.screenshot(path=str(shot), full_page=True)
    assert page.title() == "Trang đầu — Kế hoạch, báo cáo cải cách hành chính"
    assert page.is_visible("text=1. Lấy bộ mẫu dữ liệu trống")
    assert page.is_visible("#nut-tai-len")
    assert page.is_visible("#thu-muc")
    assert shot.stat().st_size > 10_000


def test_blank_set_download(page: Page) -> None:
    page.fill("#nam-mau", "2025")
    archive = zipfile.ZipFile(io.BytesIO(download(page, "#tai-mau")))
    assert sorted(archive.namelist()) == [
        "cchc_2025/bao_cao.yaml",
        "cchc_2025/don_vi.yaml",
        "cchc_2025/ke_hoach.yaml",
        "cchc_2025/nhiem_vu.xlsx",
        "cchc_2025/tien_do.xlsx",
    ]


def test_plan_and_q1_report_through_the_page(page: Page) -> None:
    upload(page, EXAMPLE)
    files = page.inner_text("#danh-sach-tep")
    page.check("#chon-ke-hoach")
    page.click("#nut-soan")
    plan = docx_text(download(page, "#tai-docx"))
    page.click("text=Soạn văn bản khác")
    page.select_option("#ky", "Q1")
    page.fill("#nam", "2022")
    page.click("#nut-soan")
    tthc = page.inner_text("#bang-tthc")
    report = docx_text(download(page, "#tai-docx"))
    assert all(name in files for name in EXAMPLE_FILES)
    assert "KẾ HOẠCH" in plan.splitlines()
    assert "Tổng cộng\t384\t117\t379\t377\t2\t99,5%\t30,5%" in tthc
    assert "Quá hạn: 2" in page.inner_text("#trang-thai")
    assert page.is_visible("#bieu-do")
    assert "tỷ lệ giải quyết đúng hạn 99,5%" in report


def test_next_years_draft_plan(page: Page) -> None:
    upload(page, EXAMPLE)
    page.fill("#nam-moi", "2023")  # choosing a draft's field chooses the draft
    page.select_option("#tien-do", "tien_do_q1_2022.xlsx")
    page.click("#nut-soan")
    changes = page.inner_text("#danh-sach-thay-doi")
    document = docx_text(download(page, "#tai-docx"))
    inputs = zipfile.ZipFile(io.BytesIO(download(page, "#tai-du-lieu-moi")))
    assert changes.startswith("DANH SÁCH THAY ĐỔI — dự thảo Kế hoạch CCHC năm 2023")
    assert "Cải cách hành chính xã Lộc Thủy năm 2023" in document
    assert "cchc_2023/nhiem_vu.xlsx" in inputs.namelist()


def test_report_preview_and_pdf(page: Page) -> None:
    require_libreoffice(png=True)
    upload(page, EXAMPLE)
    page.check("#chon-bao-cao")
    page.click("#nut-soan")
    page.wait_for_function(
        "() => { const i = document.getElementById('xem-truoc'); return i.complete && i.naturalWidth > 0; }"
    )
    width = page.evaluate("document.getElementById('xem-truoc').naturalWidth")
    page.screenshot(path=str(ARTIFACTS / "serve-bao-cao.png"), full_page=True)
    assert download(page, "#tai-pdf").startswith(b"%PDF")
    assert width > 500


def test_broken_workbook_problems_are_listed(page: Page, example: Path) -> None:
    break_workbook(example)
    upload(page, example)
    page.check("#chon-bao-cao")
    page.select_option("#ky", "Q1")
    page.fill("#nam", "2022")
    page.click("#nut-soan")
    problems = page.inner_text("#loi")
    assert "Dữ liệu có 2 lỗi cần sửa" in problems
    assert all(f"Lỗi: {line}" in problems for line in BROKEN_LINES)


def test_folder_on_this_computer(page: Page) -> None:
    page.fill("#thu-muc", str(EXAMPLE))
    page.click("#nut-thu-muc")
    page.click("#nut-soan")
    assert "KẾ HOẠCH" in docx_text(download(page, "#tai-docx")).splitlines()


def test_too_large_upload_is_refused_before_sending(page: Page, server: LocalServer) -> None:
    big: FilePayload = {
        "name": "nhiem_vu.xlsx",
        "mimeType": "application/octet-stream",
        "buffer": b"0" * 21 * 2**20,
    }
    page.set_input_files("#tep", [big])
    page.click("#nut-tai-len")
    assert page.inner_text("#gioi-han") == "Tệp tải lên quá lớn: tổng dung lượng tối đa 20 MB."
    assert page.url == server.url  # still the page the printed address opened


def test_too_large_upload_is_refused_by_the_server_too(page: Page) -> None:
    big: FilePayload = {
        "name": "nhiem_vu.xlsx",
        "mimeType": "application/octet-stream",
        "buffer": b"0" * 21 * 2**20,
    }
    page.set_input_files("#tep", [big])
    with page.expect_navigation():
        page.evaluate("document.getElementById('form-tai-len').submit()")  # skips the page's own check
    assert page.inner_text("#thong-bao") == "Tệp tải lên quá lớn: tổng dung lượng tối đa 20 MB."


def test_without_the_printed_address_the_page_says_how_to_open_it(
    context: BrowserContext, server: LocalServer
) -> None:
    context.clear_cookies()  # a browser that never opened the address cchc serve printed
    page = context.new_page()
    try:
        response = page.goto(f"http://127.0.0.1:{server.port}/")
        message = page.inner_text("#thong-bao")
        page.goto(server.url)  # the printed address lets it in again
        title = page.title()
    finally:
        page.close()
    assert response is not None
    assert response.status == 403
    assert message.startswith(
        "Trang cần mã truy cập của lần chạy này: hãy mở đúng địa chỉ cchc serve đã in ra"
    )
    assert title == "Trang đầu — Kế hoạch, báo cáo cải cách hành chính"
