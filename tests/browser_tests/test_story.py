"""The whole story of issue 26 in Chromium, reading only what is on the page: the launcher of a new
folder, last year's Word plan of another office imported, next year's draft, the new year's data
opened and one task edited in Excel, the plan, then the quý I report from the Word outline and the
progress workbook the page gives, and its PDF. Each step is kept as screenshots (1280 and 390 px)
in test-artifacts/story/, and ``look`` checks it with axe-core and for nothing off-screen at 390 px.
"""

from __future__ import annotations

import os
import signal
import subprocess
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import docx
import openpyxl
import pytest

from generator.workflows.launcher import OTHERS, write_launchers
from generator.workflows.workspace import init_word_folder
from tests.browser_tests.support import ARTIFACTS, PHONE, look
from tests.handmade_plans import HandPlan
from tests.libreoffice import require_libreoffice
from tests.web_support import docx_text

if TYPE_CHECKING:
    from playwright.sync_api import BrowserContext, Page

pytestmark = pytest.mark.browser
WIDE = {"width": 1280, "height": 900}
EDITED = "Rà soát, cập nhật quy chế làm việc của UBND xã năm 2023"


@pytest.fixture
def launched(tmp_path: Path) -> Iterator[str]:
    """A folder made like "Tải bộ tệp trống", opened by its launcher; the address it prints."""
    folder = tmp_path / "cchc_2023"
    init_word_folder(folder, 2023)
    write_launchers(folder)
    process = subprocess.Popen(
        ["sh", str(folder / OTHERS), "--no-browser"],
        stdout=subprocess.PIPE,
        text=True,
        start_new_session=True,  # the launcher's shell and the server it starts: one group to end
    )
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        yield line.split(" tại ", 1)[1].split(" ", 1)[0]
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(20)
        if process.stdout is not None:
            process.stdout.close()


class Story:
    """The steps' screenshots, numbered in order."""

    def __init__(self, page: Page) -> None:
        self.page, self.step = page, 0
        (ARTIFACTS / "story").mkdir(parents=True, exist_ok=True)

    def look(self, name: str) -> None:
        self.step += 1
        stem = ARTIFACTS / "story" / f"{self.step:02d}-{name}"
        for size, suffix in ((WIDE, "1280"), (PHONE, "390")):
            self.page.set_viewport_size(size)  # type: ignore[arg-type]
            self.page.screenshot(path=f"{stem}-{suffix}.png", full_page=True)
        look(self.page, f"story-{self.step:02d}-{name}")

    def download(self, selector: str, folder: Path) -> Path:
        """Click ``selector``; the file saved under the name the page gave it."""
        with self.page.expect_download() as caught:
            self.page.click(selector)
        target = folder / caught.value.suggested_filename
        caught.value.save_as(target)
        return target


def fill_outline(path: Path) -> None:
    """Words under every heading of the report's outline, in place of its guidance lines."""
    document = docx.Document(str(path))
    for paragraph in document.paragraphs[1:]:  # the first guidance line is the file's own
        if paragraph.text.startswith("[Hướng dẫn:"):
            paragraph.text = "UBND xã đã triển khai đúng kế hoạch trong quý."
    document.save(str(path))


def edit_first_task(path: Path) -> None:
    book = openpyxl.load_workbook(path)
    sheet = book["Nhiệm vụ"]
    (column,) = [c.column for c in sheet[1] if c.value == "Nhiệm vụ cụ thể"]
    sheet.cell(row=2, column=column, value=EDITED)
    book.save(path)


def test_from_last_years_word_plan_to_this_quarters_report(
    context: BrowserContext, launched: str, tmp_path: Path
) -> None:
    require_libreoffice()
    page = context.new_page()
    page.set_default_timeout(90_000)
    story = Story(page)
    try:
        page.goto(launched)  # 1. what the launcher opens
        assert page.inner_text("#chua-dien h2") == "Dữ liệu chưa điền"
        story.look("thu-muc-moi")
        page.set_input_files("#van-ban", str(HandPlan().save(tmp_path / "KH CCHC 2022 xa khac.docx")))
        page.click("#nut-nhap")  # 2. another office's plan in Word
        page.wait_for_selector("#luu-y")
        story.look("da-nhap")
        page.click("#nut-du-thao")  # 3. next year's draft
        page.wait_for_selector("#mo-nam-moi")
        story.look("du-thao")
        page.click("#mo-nam-moi")  # 4. the new year's data
        page.wait_for_selector("#tom-tat")
        assert page.inner_text("#tt-nam") == "2023"
        with zipfile.ZipFile(story.download("#tai-du-lieu", tmp_path)) as data:
            workbook = Path(data.extract("cchc_du_lieu/ke_hoach.xlsx", tmp_path))
        edit_first_task(workbook)  # 5. one task edited in Excel
        page.set_input_files('input[aria-label="Tệp mới thay cho ke_hoach.xlsx"]', str(workbook))
        page.click('button[aria-label="Thay ke_hoach.xlsx"]')
        page.wait_for_selector("#da-lam")
        story.look("da-sua")
        page.click("#nut-ke-hoach")  # 6. the plan
        page.wait_for_selector("#ket-qua")
        plan = docx_text(story.download("#tai-docx", tmp_path).read_bytes())
        story.look("ke-hoach")
        page.click("text=Soạn văn bản khác")  # 7. the quý I report
        page.check("#ky-q1")
        window = page.inner_text("#cua-so")
        outline = story.download("#tai-loi-van", tmp_path)
        progress = story.download("#tai-bang-tien-do", tmp_path)
        fill_outline(outline)
        page.set_input_files("#tep-them", [str(outline), str(progress)])
        page.click("#nut-them")
        page.wait_for_selector("#da-lam")
        story.look("tep-bao-cao")
        page.click("#nut-bao-cao")
        page.wait_for_selector("#ket-qua")
        report = docx_text(story.download("#tai-docx", tmp_path).read_bytes())
        pdf = story.download("#tai-pdf", tmp_path).read_bytes()
        story.look("bao-cao")
    finally:
        page.close()
    assert EDITED in plan
    assert "KẾ HOẠCH" in plan.splitlines()
    assert window == "Quý I/2023: số liệu từ 15/12/2022 đến 14/3/2023, gửi chậm nhất ngày 20/3/2023"
    assert (outline.name, progress.name) == ("bao_cao_q1_2023.docx", "tien_do_q1_2023.xlsx")
    assert "BÁO CÁO" in report.splitlines()
    assert "UBND xã đã triển khai đúng kế hoạch trong quý." in report
    assert pdf.startswith(b"%PDF")
