"""The page as office staff use it, in Chromium: from the example or their files to the document.

Each test follows one thing of issue 18 through the real page; ``look`` keeps screenshots
(desktop and 390 px) and checks each page reached with axe-core (see tests/browser.py).
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING

import openpyxl
import pytest

from generator.web.server import LocalServer
from generator.workflows.rollover import rollover
from tests.browser_tests.support import download, look, upload_files
from tests.conftest import EXAMPLE, WORD_EXAMPLE
from tests.web_support import BROKEN_LINES, EXAMPLE_FILES, PROGRESS, break_workbook, docx_text

if TYPE_CHECKING:
    from playwright.sync_api import BrowserContext, FilePayload, Page

pytestmark = pytest.mark.browser


def test_main_page(page: Page) -> None:
    look(page, "trang-dau")
    assert page.title() == "Trang đầu — Kế hoạch, báo cáo cải cách hành chính"
    assert page.is_visible("#nut-vi-du")
    assert page.is_checked("#dang-word")  # Word and Excel by default, YAML as an option
    assert page.is_visible("#nut-tat")


def test_blank_set_download_is_word_and_excel(page: Page) -> None:
    page.fill("#nam-mau", "2027")
    archive = zipfile.ZipFile(io.BytesIO(download(page, "#tai-mau")))
    book = openpyxl.load_workbook(io.BytesIO(archive.read("cchc_2027/ke_hoach.xlsx")))
    assert sorted(archive.namelist()) == [
        "cchc_2027/Mo_trang_cchc.cmd", "cchc_2027/Mo_trang_cchc.command", "cchc_2027/bao_cao.docx",
        "cchc_2027/ke_hoach.docx", "cchc_2027/ke_hoach.xlsx", "cchc_2027/tien_do.xlsx",
    ]  # fmt: skip
    assert book["Kế hoạch"]["B2"].value == 2027


def test_example_button_shows_what_was_understood(page: Page) -> None:
    page.click("#nut-vi-du")
    page.wait_for_selector("#tom-tat")
    look(page, "du-lieu")
    assert page.inner_text("#tt-don-vi") == "ỦY BAN NHÂN DÂN XÃ LỘC THỦY"
    assert page.inner_text("#tt-nam") == "2022"
    assert page.inner_text("#tt-ky") == (
        "quý I/2022 (bao_cao_q1_2022.docx, tien_do_q1_2022.xlsx); "
        "năm 2022 (bao_cao_nam_2022.docx, tien_do_nam_2022.xlsx)"
    )
    assert page.is_checked("#ky-nam")  # the latest period with both files
    assert page.input_value("#nam") == "2022"
    assert page.input_value("#nam-moi") == "2023"


def test_each_document_has_its_own_button(page: Page) -> None:
    page.click("#nut-vi-du")
    assert page.is_checked("#ky-nam")  # the latest period the example holds
    page.check("#ky-q1")
    page.click("#nut-bao-cao")
    page.wait_for_selector("#ket-qua")
    report = docx_text(download(page, "#tai-docx"))
    tthc = page.inner_text("#bang-tthc")
    states = page.inner_text("#trang-thai")
    look(page, "bao-cao")
    page.click("text=Soạn văn bản khác")
    page.click("#nut-ke-hoach")
    plan = docx_text(download(page, "#tai-docx"))
    assert "BÁO CÁO" in report.splitlines()
    assert "tỷ lệ giải quyết đúng hạn 99,5%" in report
    assert "Tổng cộng\t384\t117\t379\t377\t2\t99,5%\t30,5%" in tthc
    assert "Quá hạn: 2" in states
    assert "KẾ HOẠCH" in plan.splitlines()


def test_a_2027_plan_sets_every_default(page: Page, tmp_path: Path) -> None:
    rollover([WORD_EXAMPLE], 2027, tmp_path / "2027")
    folder = tmp_path / "2027"
    (folder / "tien_do_q3_2027.xlsx").write_bytes((WORD_EXAMPLE / PROGRESS).read_bytes())
    upload_files(
        page, [p for p in folder.iterdir() if p.suffix in (".docx", ".xlsx") and "cchc" not in p.name]
    )
    assert page.inner_text("#tt-nam") == "2027"
    assert page.is_checked("#ky-q3")
    assert page.input_value("#nam") == "2027"
    assert page.input_value("#nam-moi") == "2028"  # not 2027, which the rollover would refuse


def test_a_period_without_files_is_the_forms_mistake(page: Page) -> None:
    page.click("#nut-vi-du")
    page.check("#ky-q3")
    page.click("#nut-bao-cao")
    box = page.inner_text("#loi-bieu-mau")
    look(page, "loi-bieu-mau")
    assert box.startswith("Chưa làm được: cần chọn lại")
    assert "chưa có tệp nào cho báo cáo quý III/2022: cần bao_cao_q3_2022.docx" in box
    assert "bao_cao:" not in box
    assert not page.is_visible("#loi")  # no "Dữ liệu có N lỗi" box for a choice


def test_refused_files_are_named_with_the_reason(page: Page, tmp_path: Path) -> None:
    old = tmp_path / "nhiem_vu.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0")
    upload_files(page, [EXAMPLE / name for name in EXAMPLE_FILES] + [old])
    refused = page.inner_text("#khong-nhan")
    assert "nhiem_vu.xls: tệp Excel 97–2003 (.xls): hãy mở bằng Excel và lưu lại dạng .xlsx" in refused


def test_broken_workbook_then_replace_that_one_file(page: Page, example: Path) -> None:
    break_workbook(example)
    upload_files(page, [example / name for name in EXAMPLE_FILES])
    page.click("#nut-bao-cao")
    problems = page.inner_text("#loi")
    look(page, "loi-du-lieu")
    row = page.locator("#danh-sach-tep tr", has_text=PROGRESS)
    row.locator("input[type=file]").set_input_files(str(EXAMPLE / PROGRESS))
    row.locator("button", has_text="Thay").click()
    done = page.inner_text("#da-lam")
    page.click("#nut-bao-cao")
    page.wait_for_selector("#ket-qua")
    assert "Dữ liệu có 2 lỗi cần sửa" in problems
    assert all(f"Lỗi: {line}" in problems for line in BROKEN_LINES)
    assert done.startswith(f"Đã thay {PROGRESS} bằng {PROGRESS}")
    assert page.inner_text("#ten-van-ban") == "bao_cao_cchc_q1_2022_xa_loc_thuy.docx"


def test_progress_workbook_to_fill_from_the_plan(page: Page) -> None:
    page.click("#nut-vi-du")
    page.check("#ky-6t")
    book = openpyxl.load_workbook(io.BytesIO(download(page, "#tai-bang-tien-do")))
    codes = [c.value for c in book["Tiến độ"]["A"]][1:]
    assert codes[:4] == ["I.1", "I.1.1", "I.2", "I.3"]
    assert len(codes) == 30
    assert page.is_enabled("#nut-bao-cao")  # a download leaves the page usable


def test_next_years_draft_reviews_first(page: Page) -> None:
    upload_files(page, [EXAMPLE / name for name in EXAMPLE_FILES])
    options = page.locator("#tien-do option").all_inner_texts()
    assert page.is_disabled("#bo-da-xong")
    page.select_option("#tien-do", "tien_do_q1_2022.xlsx")
    assert page.is_enabled("#bo-da-xong")
    page.click("#nut-du-thao")
    page.wait_for_selector("#can-xem-lai")
    look(page, "du-thao")
    order = page.evaluate("[...document.querySelectorAll('main > section')].map(s => s.id)")
    caution = page.inner_text("#canh-bao")
    document = docx_text(download(page, "#tai-docx"))
    inputs = zipfile.ZipFile(io.BytesIO(download(page, "#tai-du-lieu-moi")))
    assert options == ["(không dùng)", "tien_do_q1_2022.xlsx — chỉ đến hết kỳ Q1/2022, chưa đủ cả năm"]
    assert order.index("can-xem-lai") < order.index("thay-doi")
    assert "số và ngày ban hành đã để trống" in page.inner_text("#can-xem-lai")
    assert "tien_do_q1_2022.xlsx là số liệu quý I/2022, chưa phải số liệu cả năm" in caution
    assert "Cải cách hành chính xã Lộc Thủy năm 2023" in document
    assert "cchc_2023/nhiem_vu.xlsx" in inputs.namelist()


def test_folder_on_this_computer(page: Page) -> None:
    page.fill("#thu-muc", str(EXAMPLE))
    page.click("#nut-thu-muc")
    page.click("#nut-ke-hoach")
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
    assert page.is_enabled("#nut-tai-len")


def test_too_large_upload_is_refused_by_the_server_too(page: Page) -> None:
    big: FilePayload = {
        "name": "nhiem_vu.xlsx",
        "mimeType": "application/octet-stream",
        "buffer": b"0" * 21 * 2**20,
    }
    page.set_input_files("#tep", [big])
    with page.expect_navigation():
        page.evaluate("document.getElementById('form-tai-len').submit()")  # skips the page's own check
    look(page, "loi")
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
    assert message.startswith("Trang cần mã truy cập của lần chạy này: nhấp đúp lại tệp Mo_trang_cchc")
    assert title == "Trang đầu — Kế hoạch, báo cáo cải cách hành chính"
