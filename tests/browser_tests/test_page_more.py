"""The page in Chromium, continued: work in progress, PDF and every page's preview, keyboard and
phone use, the tools (batch, check, a Word plan, a template) and "Tắt"."""

from __future__ import annotations

import io
import threading
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING

import docx
import pytest
from pypdf import PdfReader

from generator.web.server import LocalServer
from tests.browser_tests.support import ARTIFACTS, accessibility_violations, download, look, upload_files
from tests.conftest import EXAMPLE
from tests.libreoffice import require_libreoffice
from tests.web_support import EXAMPLE_FILES, docx_text

if TYPE_CHECKING:
    from playwright.sync_api import BrowserContext, Page

pytestmark = pytest.mark.browser
# Records each change of a button's state in sessionStorage, which outlives the page's navigation.
WATCH = """id => {
  const button = document.getElementById(id);
  new MutationObserver(() => {
    const seen = JSON.parse(sessionStorage.getItem('seen') || '[]');
    seen.push({disabled: button.disabled, text: button.textContent});
    sessionStorage.setItem('seen', JSON.stringify(seen));
  }).observe(button, {attributes: true, childList: true, characterData: true, subtree: true});
}"""


def test_axe_finds_what_it_should(page: Page) -> None:
    page.set_content('<html lang="vi"><body><main><img src="x.png"><button></button></main></body></html>')
    found = {v["id"] for v in accessibility_violations(page)}
    assert {"image-alt", "button-name"} <= found


def test_making_shows_work_in_progress_and_blocks_double_clicks(page: Page) -> None:
    page.click("#nut-vi-du")
    posts: list[str] = []
    page.on("request", lambda r: posts.append(r.url) if r.method == "POST" else None)
    page.evaluate(WATCH, "nut-ke-hoach")
    page.dblclick("#nut-ke-hoach")
    page.wait_for_selector("#ket-qua")
    seen = page.evaluate("JSON.parse(sessionStorage.getItem('seen'))")
    assert [url for url in posts if url.endswith("/soan")] == [posts[-1]]  # one request for two clicks
    assert {"disabled": True, "text": "Đang soạn kế hoạch…"} in seen


def test_pdf_in_the_browser_and_every_page_previewed(page: Page) -> None:
    require_libreoffice()
    page.click("#nut-vi-du")
    page.check("#ky-q1")
    page.add_init_script(
        "document.addEventListener('DOMContentLoaded', () => { const a = document.getElementById('xem-pdf');"
        " if (a) sessionStorage.setItem('first', a.textContent + '|' + a.getAttribute('aria-disabled')); });"
    )
    page.click("#nut-bao-cao")
    page.wait_for_selector("#cac-trang figure")
    first = page.evaluate("sessionStorage.getItem('first')")
    images = page.locator("#cac-trang img")
    page.wait_for_function(
        "[...document.querySelectorAll('#cac-trang img')].every(i => i.complete && i.naturalWidth)"
    )
    look(page, "xem-truoc")
    shown = page.request.get(page.eval_on_selector("#xem-pdf", "a => a.href"))
    pages = len(PdfReader(io.BytesIO(shown.body())).pages)
    assert first == "Đang tạo PDF…|true"
    assert page.inner_text("#xem-pdf") == "Xem PDF (thẻ mới)"
    assert page.get_attribute("#xem-pdf", "target") == "_blank"
    assert shown.headers["content-type"] == "application/pdf"
    assert "attachment" not in shown.headers.get("content-disposition", "")  # read in the tab
    assert images.count() == pages > 5
    assert (
        images.nth(pages - 1).get_attribute("alt")
        == f"Trang {pages} của bao_cao_cchc_q1_2022_xa_loc_thuy.docx"
    )
    assert download(page, "#tai-pdf").startswith(b"%PDF")


def test_keyboard_focus_is_plain_to_see(page: Page) -> None:
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "nut-vi-du":
            break
    style = page.evaluate(
        "(() => { const s = getComputedStyle(document.activeElement);"
        " return [s.outlineStyle, s.outlineWidth, s.boxShadow]; })()"
    )
    page.locator("#bat-dau").screenshot(path=str(ARTIFACTS / "serve-tieu-diem.png"))
    assert page.evaluate("document.activeElement.id") == "nut-vi-du"
    assert style[:2] == ["solid", "3px"]
    assert "rgb(255, 213, 79)" in style[2]  # the yellow halo around the dark-blue button


@pytest.mark.parametrize("where", ["trang-dau", "du-lieu"])
def test_every_control_has_a_label_of_its_own(page: Page, where: str) -> None:
    if where == "du-lieu":
        upload_files(page, [EXAMPLE / name for name in EXAMPLE_FILES])
    names = page.evaluate(
        """[...document.querySelectorAll('input:not([type=hidden]), select, textarea, button')].map(c =>
             (c.getAttribute('aria-label') || (c.labels && c.labels.length ? c.labels[0].textContent
              : c.textContent) || '').replace(/\\s+/g, ' ').trim())"""
    )
    radios = page.evaluate(
        "[...document.querySelectorAll('input[type=radio]')].map(r => "
        "{ const f = r.closest('fieldset'); return f && f.querySelector('legend') ? f.querySelector('legend').textContent : ''; })"
    )
    assert all(names)
    assert len(names) == len(set(names)), sorted(n for n in names if names.count(n) > 1)
    assert radios
    assert all(radios)  # every radio group is a fieldset with a legend


def test_stop_button_ends_the_server(context: BrowserContext) -> None:
    server = LocalServer(this_year=2023)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    page = context.new_page()
    try:
        page.goto(server.url)
        page.click("#nut-tat")
        page.wait_for_selector("#hoi-lai")  # it asks first
        look(page, "hoi-tat")
        page.click("#nut-dong-y")
        page.wait_for_selector("#da-tat")
        look(page, "da-tat")
        thread.join(10)
    finally:
        page.close()
        server.close()
    assert not thread.is_alive()


def test_several_units_on_the_page(page: Page, tmp_path: Path) -> None:
    archive = tmp_path / "cac_xa.zip"
    with zipfile.ZipFile(archive, "w") as units:
        for unit in ("xa_a", "xa_b"):
            for name in EXAMPLE_FILES:
                units.write(EXAMPLE / name, f"cac_xa/{unit}/{name}")
    page.set_input_files("#lo", str(archive))
    page.click("#nut-lo")
    page.wait_for_selector("#ket-qua-lo")
    look(page, "nhieu-don-vi")
    results = zipfile.ZipFile(io.BytesIO(download(page, "#tai-lo")))
    assert page.inner_text("#ket-qua-lo h2") == "Đã soạn 4 văn bản, 2 bảng tổng hợp"
    assert "cchc_van_ban/tong_hop_cchc_q1_2022.docx" in results.namelist()


def test_check_a_word_file_on_the_page(page: Page, plan_docx: Path, tmp_path: Path) -> None:
    handmade = tmp_path / "soan_tay.docx"
    document = docx.Document()
    document.add_paragraph("Số: 5/KH-UBND")
    document.save(str(handmade))
    page.set_input_files("#tep-kiem-tra", [str(plan_docx), str(handmade)])
    page.click("#nut-kiem-tra")
    page.wait_for_selector("#ket-qua-kiem-tra")
    look(page, "kiem-tra")
    found = page.inner_text("#ket-qua-kiem-tra")
    assert f"{plan_docx.name}: đúng thể thức, không có lỗi" in found
    assert "soan_tay.docx: " in found
    assert "[lỗi]" in found


def test_last_years_word_plan_to_working_folder_and_draft(page: Page, plan_docx: Path) -> None:
    page.set_input_files("#van-ban", str(plan_docx))
    page.click("#nut-nhap")
    page.wait_for_selector("#tom-tat")
    notices = page.inner_text("#luu-y")
    folder = zipfile.ZipFile(io.BytesIO(download(page, "#tai-du-lieu")))
    page.click("#nut-du-thao")
    page.wait_for_selector("#ket-qua")
    draft = docx_text(download(page, "#tai-docx"))
    assert notices.startswith(f"Đã lấy dữ liệu từ {plan_docx.name}:")
    assert sorted(folder.namelist()) == ["cchc_du_lieu/ke_hoach.docx", "cchc_du_lieu/ke_hoach.xlsx"]
    assert "Cải cách hành chính xã Lộc Thủy năm 2023" in draft


def test_a_template_of_the_users_is_checked_then_used(page: Page, tmp_path: Path) -> None:
    upload_files(page, [EXAMPLE / name for name in EXAMPLE_FILES])
    bad, good = tmp_path / "mau_loi.docx", tmp_path / "mau.docx"
    for path, text in ((bad, "{{ nam_ke_hoach }}"), (good, "KẾ HOẠCH NĂM {{ nam }}")):
        document = docx.Document()
        document.add_paragraph(text)
        document.save(str(path))
    page.set_input_files("#mau", str(bad))
    page.click("#nut-mau")
    problems = page.inner_text("#loi")
    page.set_input_files("#mau", str(good))
    page.click("#nut-mau")
    done = page.inner_text("#da-lam")
    page.click("#nut-ke-hoach")
    made = docx_text(download(page, "#tai-docx"))
    assert "mau_loi.docx, " in problems
    assert "nam_ke_hoach" in problems
    assert done.startswith("Mẫu mau.docx không có lỗi")
    assert made == "KẾ HOẠCH NĂM 2022"
