"""The page leads from the plan to a period's report one visible step at a time (#26): the report's
Word outline offered beside its progress workbook, one message for a Word file without headings,
the workbook's states pre-filled, the data window shown, a plan cited without number or date."""

from __future__ import annotations

import html
import io
import json
import re
import threading
import urllib.request
import zipfile
from pathlib import Path

import docx
import openpyxl
from flask.testing import FlaskClient

from generator.web.running import running_page, write_record
from generator.web.server import LOOPBACK, run
from generator.workflows.workspace import init_word_folder
from tests.conftest import WORD_EXAMPLE
from tests.web_support import docx_text, make, problem_lines, refused, running_server, text_of, upload

PLAN_FILES = ("ke_hoach.docx", "ke_hoach.xlsx")


def word_folder_page(client: FlaskClient, *extra: tuple[str, bytes]) -> str:
    """The page of the Word example's plan files and ``extra`` files."""
    files = [(name, (WORD_EXAMPLE / name).read_bytes()) for name in PLAN_FILES]
    response = upload(client, [*files, *extra])
    assert response.status_code == 303, response.text
    return response.headers["Location"]


def words_without_headings() -> bytes:
    """A report typed by hand: paragraphs, no heading I–V."""
    document = docx.Document()
    for text in ("Trong quý I, UBND xã đã triển khai kế hoạch cải cách hành chính.", "Đề xuất: không có."):
        document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_the_reports_word_outline_is_offered_named_for_the_period(client: FlaskClient) -> None:
    page = word_folder_page(client)
    shown = text_of(client.get(page))
    response = client.get(f"{page}/loi-van-bao-cao?ky=Q1&nam=2023")
    document = docx.Document(io.BytesIO(response.data))
    headings = [p.text for p in document.paragraphs if p.style is not None and p.style.name == "Heading 1"]
    guidance = [p.text for p in document.paragraphs if p.text.startswith("[Hướng dẫn:")]
    assert 'id="tai-loi-van"' in shown
    assert "Tải lời văn báo cáo để điền (.docx)" in shown
    assert response.headers["Content-Disposition"] == 'attachment; filename="bao_cao_q1_2023.docx"'
    assert [h.split(" ", 1)[0] for h in headings] == ["I.", "II.", "III.", "IV.", "V."]
    assert len(guidance) >= 5


def test_the_downloaded_outline_is_taken_for_the_reports_words(client: FlaskClient) -> None:
    page = word_folder_page(client)
    outline = client.get(f"{page}/loi-van-bao-cao?ky=Q1&nam=2022").data
    page = word_folder_page(client, ("bao_cao_q1_2022.docx", outline))
    assert "quý I/2022 (bao_cao_q1_2022.docx; thiếu bảng tiến độ)" in text_of(client.get(page))


def test_the_outline_needs_a_period(client: FlaskClient) -> None:
    page = word_folder_page(client)
    response = client.get(f"{page}/loi-van-bao-cao?ky=Q9&nam=2023")
    assert response.status_code == 400
    assert "cần chọn kỳ và năm báo cáo để tải lời văn báo cáo" in text_of(response)


def test_a_word_file_without_headings_gets_one_message(client: FlaskClient) -> None:
    progress = ("tien_do_q1_2022.xlsx", (WORD_EXAMPLE / "tien_do_q1_2022.xlsx").read_bytes())
    page = word_folder_page(client, progress, ("bao_cao_q1_2022.docx", words_without_headings()))
    before = problem_lines(client.get(page).text)
    lines = problem_lines(refused(client, make(client, page, loai="bao_cao", ky="Q1", nam="2022")).text)
    assert len(lines) == 1, lines
    assert lines[0].startswith("bao_cao_q1_2022.docx: không có đề mục nào")
    assert "Tải lời văn báo cáo để điền" in lines[0]
    assert before == lines  # said on the data set's page, before composing


def test_example_names_use_the_chosen_year(client: FlaskClient) -> None:
    progress = ("tien_do.xlsx", (WORD_EXAMPLE / "tien_do_q1_2022.xlsx").read_bytes())
    page = word_folder_page(client, progress)
    lines = problem_lines(refused(client, make(client, page, loai="bao_cao", ky="Q2", nam="2023")).text)
    assert any("(tệp Word như bao_cao_q2_2023.docx)" in line for line in lines), lines


def states_of(data: bytes) -> dict[str, str]:
    """Task code → "Trạng thái" of a progress workbook's "Tiến độ" sheet."""
    sheet = openpyxl.load_workbook(io.BytesIO(data))["Tiến độ"]
    return {str(r[0].value): str(r[2].value) for r in sheet.iter_rows(min_row=2) if r[0].value}


def test_the_progress_workbook_starts_every_task_not_started(client: FlaskClient) -> None:
    page = word_folder_page(client)
    states = states_of(client.get(f"{page}/bang-tien-do?ky=Q1&nam=2022").data)
    assert len(states) == 30
    assert set(states.values()) == {"Chưa thực hiện"}


def test_the_progress_workbook_keeps_the_previous_periods_states(client: FlaskClient) -> None:
    earlier = (WORD_EXAMPLE / "tien_do_q1_2022.xlsx").read_bytes()
    page = word_folder_page(client, ("tien_do_q1_2022.xlsx", earlier))
    states = states_of(client.get(f"{page}/bang-tien-do?ky=6T&nam=2022").data)
    assert states == states_of(earlier)
    assert "Hoàn thành" in states.values()


def test_a_blank_state_names_its_column_and_choices(client: FlaskClient) -> None:
    page = word_folder_page(client)
    book = openpyxl.load_workbook(io.BytesIO(client.get(f"{page}/bang-tien-do?ky=Q1&nam=2022").data))
    book["Tiến độ"]["C3"] = None
    buffer = io.BytesIO()
    book.save(buffer)
    page = word_folder_page(client, ("tien_do_q1_2022.xlsx", buffer.getvalue()))
    lines = problem_lines(refused(client, make(client, page, loai="bao_cao", ky="Q1", nam="2022")).text)
    assert (
        'tien_do_q1_2022.xlsx, trang "Tiến độ", ô C3: thiếu giá trị bắt buộc (cột "Trạng thái"; '
        "chọn một trong: Hoàn thành, Đang thực hiện, Chưa thực hiện)"
    ) in lines


def test_the_chosen_periods_window_shows_beside_the_choice_and_in_the_workbook(client: FlaskClient) -> None:
    page = word_folder_page(client)
    raw = client.get(page).text
    shown = html.unescape(raw)
    note = "Quý I/2022: số liệu từ 15/12/2021 đến 14/3/2022, gửi chậm nhất ngày 20/3/2022"
    guide = openpyxl.load_workbook(io.BytesIO(client.get(f"{page}/bang-tien-do?ky=Q1&nam=2022").data))
    assert '<p class="ghi-chu" id="cua-so" aria-live="polite"' in shown
    assert f">{note}</p>" in shown
    found = re.search(r'data-cua-so="([^"]*)"', raw)
    assert found is not None
    windows = json.loads(html.unescape(found.group(1)))  # for the page's script
    assert windows["2022"]["6T"].startswith("6 tháng đầu năm 2022: số liệu từ 15/12/2021 đến 14/6/2022")
    assert guide["Hướng dẫn"]["A1"].value == note


def test_a_report_citing_its_plan_without_number_or_date_warns_at_the_cells(client: FlaskClient) -> None:
    book = openpyxl.load_workbook(WORD_EXAMPLE / "tien_do_q1_2022.xlsx")
    (number,) = [r for r in range(1, 20) if book["Báo cáo"].cell(r, 1).value == "Số kế hoạch được dẫn"]
    book["Báo cáo"].cell(number, 2).value = None  # the plan's own number is blank too
    number_cell, date_cell = f"B{number}", f"B{number + 1}"
    buffer = io.BytesIO()
    book.save(buffer)
    plan = openpyxl.load_workbook(WORD_EXAMPLE / "ke_hoach.xlsx")
    plan["Kế hoạch"]["B4"] = None  # "Ngày ban hành"
    plan_buffer = io.BytesIO()
    plan.save(plan_buffer)
    files = [
        ("ke_hoach.docx", (WORD_EXAMPLE / "ke_hoach.docx").read_bytes()),
        ("ke_hoach.xlsx", plan_buffer.getvalue()),
        ("tien_do_q1_2022.xlsx", buffer.getvalue()),
        ("bao_cao_q1_2022.docx", (WORD_EXAMPLE / "bao_cao_q1_2022.docx").read_bytes()),
    ]
    page = upload(client, files).headers["Location"]
    made = make(client, page, loai="bao_cao", ky="Q1", nam="2022")
    shown = text_of(client.get(made.headers["Location"]))
    assert made.status_code == 303
    assert (
        f'tien_do_q1_2022.xlsx, trang "Báo cáo", ô {number_cell}: báo cáo dẫn kế hoạch mà chưa có số' in shown
    )
    assert (
        f'tien_do_q1_2022.xlsx, trang "Báo cáo", ô {date_cell}: báo cáo dẫn kế hoạch mà chưa có ngày' in shown
    )


def test_a_report_citing_its_plan_in_full_does_not_warn(client: FlaskClient) -> None:
    files = [(n, (WORD_EXAMPLE / n).read_bytes()) for n in ("tien_do_q1_2022.xlsx", "bao_cao_q1_2022.docx")]
    page = word_folder_page(client, *files)
    made = make(client, page, loai="bao_cao", ky="Q1", nam="2022")
    assert "báo cáo dẫn kế hoạch mà chưa có" not in text_of(client.get(made.headers["Location"]))


def test_a_fresh_folder_is_not_filled_yet_not_wrong(client: FlaskClient, tmp_path: Path) -> None:
    folder = tmp_path / "cchc_2023"
    init_word_folder(folder, 2023)
    opened = client.post("/thu-muc", data={"thu_muc": str(folder)})
    page = opened.headers["Location"]
    shown = text_of(client.get(page))
    home = text_of(client.get("/"))
    assert problem_lines(shown) == []
    assert 'id="loi"' not in shown
    assert "<h2>Dữ liệu chưa điền</h2>" in shown
    assert "<h3>Đã có kế hoạch năm trước bằng Word?</h3>" in shown
    assert "<h3>Điền từ đầu</h3>" in shown
    assert "ô B13: thiếu giá trị bắt buộc (Họ tên người ký)" in shown  # the blanks, as a list to fill
    assert f'<a href="{page}">Thư mục <code>{folder}</code></a>' in home  # the way back


def test_stop_asks_first_naming_what_is_lost(client: FlaskClient) -> None:
    files = [(n, (WORD_EXAMPLE / n).read_bytes()) for n in ("tien_do_q1_2022.xlsx", "bao_cao_q1_2022.docx")]
    page = word_folder_page(client, *files)
    make(client, page, loai="ke_hoach")
    shown = text_of(client.get("/tat", headers={"Referer": f"http://127.0.0.1:8765{page}"}))
    header = text_of(client.get(page)).split("<main>", 1)[0]
    assert '<form method="get" action="/tat">' in header  # the header's button only asks
    assert "<h2>Tắt cchc?</h2>" in shown
    assert "<li>4 tệp đã tải lên trang</li>" in shown
    assert "<li>1 văn bản đã soạn trên trang (tải về những văn bản cần giữ trước khi tắt)</li>" in shown
    assert '<form method="post" action="/tat"' in shown
    assert f'id="nut-quay-lai" href="http://127.0.0.1:8765{page}"' in shown


def test_removing_a_file_asks_first(client: FlaskClient) -> None:
    page = word_folder_page(client)
    listed = text_of(client.get(page))
    asked = text_of(client.get(f"{page}/bo-tep/ke_hoach.xlsx"))
    assert f'<form method="get" action="{page}/bo-tep/ke_hoach.xlsx">' in listed
    assert "<h2>Bỏ ke_hoach.xlsx?</h2>" in asked
    assert (
        "<li>ke_hoach.xlsx (hồ sơ đơn vị, thông tin kế hoạch, chỉ tiêu, nhiệm vụ) khỏi bộ dữ liệu này</li>"
        in asked
    )
    assert f'<form method="post" action="{page}/bo-tep/ke_hoach.xlsx"' in asked
    assert "ke_hoach.xlsx" in client.get(page).text  # asking removed nothing


def test_every_refused_post_redirects_so_back_and_reload_never_resend(client: FlaskClient) -> None:
    page = word_folder_page(client)
    made = make(client, page, loai="bao_cao", ky="Q9", nam="2022")
    shown = text_of(client.get(made.headers["Location"]))
    again = text_of(client.get(page))
    started = client.post("/thu-muc", data={"thu_muc": "tuong_doi"})
    imported = client.post("/nhap", data={})
    assert made.status_code == 303
    assert made.headers["Location"] == page
    assert 'kỳ báo cáo "Q9" không hợp lệ' in shown
    assert 'kỳ báo cáo "Q9" không hợp lệ' not in again  # said once
    assert client.get(f"{page}/soan").headers["Location"] == page  # Back to the address of a POST
    assert started.status_code == imported.status_code == 303
    assert "cần đường dẫn đầy đủ của thư mục" in text_of(client.get(started.headers["Location"]))
    assert "chưa chọn tệp Word của kế hoạch" in text_of(client.get(imported.headers["Location"]))


def test_a_second_download_of_the_progress_workbook_is_a_clash_said_at_upload(client: FlaskClient) -> None:
    book = (WORD_EXAMPLE / "tien_do_q1_2022.xlsx").read_bytes()
    page = word_folder_page(client, ("tien_do_q1_2022.xlsx", book), ("tien_do_q1_2022 (1).xlsx", book))
    shown = text_of(client.get(page))
    assert (
        "tien_do_q1_2022.xlsx: hai bảng tiến độ cho quý I/2022: tien_do_q1_2022 (1).xlsx và "
        "tien_do_q1_2022.xlsx — bỏ một tệp"
    ) in problem_lines(shown)
    assert "không nhận ra nội dung" not in shown


def test_a_file_added_under_a_name_already_there_says_how_to_replace_it(client: FlaskClient) -> None:
    page = word_folder_page(client)
    added = client.post(
        f"{page}/them",
        data={"tep": (io.BytesIO((WORD_EXAMPLE / "ke_hoach.xlsx").read_bytes()), "ke_hoach.xlsx")},
    )
    shown = text_of(refused(client, added))
    assert "ke_hoach.xlsx: trùng tên với tệp ke_hoach.xlsx đã nhận; để thay tệp đó, dùng nút “Thay”" in shown


def plan_book_with_deadline_header(header: str | None) -> bytes:
    """The example's ke_hoach.xlsx with the "Nhiệm vụ" sheet's deadline column renamed (None: deleted)."""
    book = openpyxl.load_workbook(WORD_EXAMPLE / "ke_hoach.xlsx")
    sheet = book["Nhiệm vụ"]
    (cell,) = [c for c in sheet[1] if c.value == "Thời gian hoàn thành"]
    if header is None:
        sheet.delete_cols(cell.column)
    else:
        cell.value = header
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_a_deleted_deadline_column_is_said_before_composing(client: FlaskClient) -> None:
    files = [("ke_hoach.docx", (WORD_EXAMPLE / "ke_hoach.docx").read_bytes())]
    page = upload(client, [*files, ("ke_hoach.xlsx", plan_book_with_deadline_header(None))]).headers[
        "Location"
    ]
    shown = text_of(client.get(page))
    assert (
        'Cảnh báo: ke_hoach.xlsx, trang "Nhiệm vụ": không có cột "Thời gian hoàn thành" (hay "Thời hạn")'
        in shown
    )


def test_a_renamed_deadline_column_is_still_the_deadline_column(client: FlaskClient) -> None:
    files = [("ke_hoach.docx", (WORD_EXAMPLE / "ke_hoach.docx").read_bytes())]
    book = plan_book_with_deadline_header("Thời hạn hoàn thành")
    sheet = openpyxl.load_workbook(io.BytesIO(book))["Nhiệm vụ"]
    deadlines = [r[6] for r in sheet.iter_rows(min_row=2, values_only=True) if r[6]]
    page = upload(client, [*files, ("ke_hoach.xlsx", book)]).headers["Location"]
    shown = text_of(client.get(page))
    made = make(client, page, loai="ke_hoach")
    plan = docx_text(client.get(f"{page}/tai/ke_hoach_cchc_2022_xa_loc_thuy.docx").data)
    assert 'id="truoc-khi-soan"' not in shown  # nothing to warn about: the column is read
    assert made.status_code == 303
    assert str(deadlines[0]) in plan


def test_after_the_draft_the_new_years_data_opens_on_the_page(client: FlaskClient) -> None:
    page = word_folder_page(client)
    drafted = make(client, page, loai="du_thao", nam_moi="2023")
    result = text_of(client.get(drafted.headers["Location"]))
    opened = client.post(f"{page}/mo-nam-moi/ke_hoach_cchc_2023_xa_loc_thuy.docx")
    shown = text_of(client.get(opened.headers["Location"]))
    assert 'id="mo-nam-moi" data-dang="Đang mở…">Mở dữ liệu năm 2023 trên trang</button>' in result
    assert opened.status_code == 303
    assert opened.headers["Location"] != page
    assert '<dd id="tt-nam">2023</dd>' in shown
    assert "Đã mở dữ liệu năm 2023" in shown


def test_the_new_years_zip_has_the_launcher_and_uploads_without_refusals(client: FlaskClient) -> None:
    page = word_folder_page(client)
    make(client, page, loai="du_thao", nam_moi="2023")
    data = client.get(f"{page}/tai/ke_hoach_cchc_2023_xa_loc_thuy.zip").data
    names = zipfile.ZipFile(io.BytesIO(data)).namelist()
    uploaded = upload(client, [("cchc_2023.zip", data)])
    shown = text_of(client.get(uploaded.headers["Location"]))
    assert "cchc_2023/Mo_trang_cchc.cmd" in names
    assert "cchc_2023/thay_doi_2023.txt" in names
    assert 'id="khong-nhan"' not in shown
    assert '<dd id="tt-nam">2023</dd>' in shown


def test_a_second_launch_opens_the_running_page_on_its_folder(tmp_path: Path) -> None:
    folder = tmp_path / "cchc_2023"
    init_word_folder(folder, 2023)
    said: list[str] = []
    with running_server() as first:
        write_record(first.store.root, first.port, first.token)
        second = threading.Thread(
            target=run, args=(LOOPBACK, 0), kwargs={"this_year": 2023, "open_browser": False, "say": said.append,
                                                   "folder": folder}
        )  # fmt: skip
        second.start()
        second.join(10)
        address = said[0].rsplit(" ", 1)[-1]
        with urllib.request.urlopen(address, timeout=10) as answer:
            page = html.unescape(answer.read().decode("utf-8"))
        again = running_page(folder)
        assert again is not None
        browser = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor()
        )  # keeps the cookie it sets
        with browser.open(again[1], timeout=10) as opened:  # the browser's one-time address
            browser_page = html.unescape(opened.read().decode("utf-8"))
    assert not second.is_alive()  # no second server
    assert said[0].startswith(f"cchc đang chạy sẵn; mở trang đang chạy: http://127.0.0.1:{first.port}/bo/")
    assert f"<code>{folder}</code>" in page
    assert again[0] == address  # the same folder, the same set
    assert "?m=" in again[1]
    assert f"<code>{folder}</code>" in browser_page


def test_a_folders_draft_is_saved_beside_it_never_over_a_folder(client: FlaskClient, tmp_path: Path) -> None:
    folder = tmp_path / "cchc_2022"
    folder.mkdir()
    for name in PLAN_FILES:
        (folder / name).write_bytes((WORD_EXAMPLE / name).read_bytes())
    page = client.post("/thu-muc", data={"thu_muc": str(folder)}).headers["Location"]
    drafted = make(client, page, loai="du_thao", nam_moi="2023")
    result = text_of(client.get(drafted.headers["Location"]))
    saved = client.post(f"{page}/luu-nam-moi/ke_hoach_cchc_2023_xa_loc_thuy.docx")
    shown = text_of(client.get(saved.headers["Location"]))
    again = refused(client, client.post(f"{page}/luu-nam-moi/ke_hoach_cchc_2023_xa_loc_thuy.docx"))
    assert f"Lưu vào thư mục {tmp_path / 'cchc_2023'}</button>" in result
    assert sorted(p.name for p in (tmp_path / "cchc_2023").iterdir()) == [
        "Mo_trang_cchc.cmd",
        "Mo_trang_cchc.command",
        "ke_hoach.docx",
        "ke_hoach.xlsx",
        "thay_doi_2023.txt",
    ]
    assert '<dd id="tt-nam">2023</dd>' in shown
    assert "đã có thư mục này; đổi tên hoặc xóa thư mục đó rồi làm lại" in text_of(again)


def test_the_tools_answer_with_a_redirect_and_a_reloadable_result(client: FlaskClient) -> None:
    checked = client.post(
        "/kiem-tra",
        data={"kiem_tra": [(io.BytesIO((WORD_EXAMPLE / "ke_hoach.docx").read_bytes()), "a.docx")]},
    )
    first, again = client.get(checked.headers["Location"]), client.get(checked.headers["Location"])
    empty = client.post("/lo", data={})
    assert checked.status_code == empty.status_code == 303
    assert first.status_code == again.status_code == 200
    assert first.text == again.text
    assert "a.docx" in text_of(first)
    assert "cần một tệp .zip chứa thư mục của từng đơn vị" in text_of(client.get(empty.headers["Location"]))
