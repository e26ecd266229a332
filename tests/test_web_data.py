"""The routes of a set of inputs: the example, its summary and defaults, replacing one file,
refused files, the progress workbook, a Word plan imported, a template checked first."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import openpyxl
from flask.testing import FlaskClient

from generator.web.store import Store
from generator.workflows.rollover import rollover
from tests.conftest import EXAMPLE, WORD_EXAMPLE
from tests.web_support import (
    BROKEN_LINES,
    PROGRESS,
    break_workbook,
    docx_text,
    form_problems,
    make,
    problem_lines,
    refused,
    text_of,
    upload,
    upload_folder,
)


def example_page(client: FlaskClient) -> str:
    response = client.post("/vi-du")
    assert response.status_code == 303
    return response.headers["Location"]


def test_the_example_button_copies_the_example(client: FlaskClient, store: Store) -> None:
    before = {p.name: p.stat().st_mtime_ns for p in WORD_EXAMPLE.iterdir()}
    page = example_page(client)
    shown = text_of(client.get(page))
    made = make(client, page, loai="bao_cao", ky="Q1", nam="2022")
    assert '<dd id="tt-don-vi">ỦY BAN NHÂN DÂN XÃ LỘC THỦY</dd>' in shown
    assert '<dd id="tt-nam">2022</dd>' in shown
    assert "quý I/2022 (bao_cao_q1_2022.docx, tien_do_q1_2022.xlsx)" in shown
    assert made.status_code == 303
    assert {p.name: p.stat().st_mtime_ns for p in WORD_EXAMPLE.iterdir()} == before
    assert len(list(store.root.glob("*/inputs/ke_hoach.docx"))) == 1


def test_defaults_come_from_the_plan_year_and_the_periods_with_files(
    client: FlaskClient, tmp_path: Path
) -> None:
    rollover([WORD_EXAMPLE], 2027, tmp_path / "2027")  # a 2027 plan, Word and Excel
    folder = tmp_path / "2027"
    files = [(p.name, p.read_bytes()) for p in folder.iterdir() if p.suffix in (".docx", ".xlsx")]
    files = [(n, d) for n, d in files if not n.startswith("ke_hoach_cchc")]  # the draft itself is no input
    files.append(("tien_do_q3_2027.xlsx", (WORD_EXAMPLE / PROGRESS).read_bytes()))
    page = client.get(upload(client, files).headers["Location"]).text
    assert 'name="nam" id="nam" min="2000" max="2100" value="2027"' in page
    assert 'id="ky-q3" checked' in page
    assert 'name="nam_moi" id="nam-moi" min="2000" max="2100" value="2028"' in page


def test_a_missing_unit_profile_shows_before_anything_is_made(client: FlaskClient) -> None:
    book = openpyxl.load_workbook(WORD_EXAMPLE / "ke_hoach.xlsx")
    del book["Đơn vị"]
    buffer = io.BytesIO()
    book.save(buffer)
    files = [
        ("ke_hoach.docx", (WORD_EXAMPLE / "ke_hoach.docx").read_bytes()),
        ("ke_hoach.xlsx", buffer.getvalue()),
    ]
    page = text_of(client.get(upload(client, files).headers["Location"]))
    assert '<ul id="con-thieu">' in page
    assert 'hồ sơ đơn vị: cần trang "Đơn vị" của ke_hoach.xlsx' in page


def test_replace_one_file_after_an_error(client: FlaskClient, example: Path) -> None:
    break_workbook(example)
    page = upload_folder(client, example)
    failed = refused(client, make(client, page, loai="bao_cao", ky="Q1", nam="2022"))
    replaced = client.post(
        f"{page}/thay/{PROGRESS}",
        data={"tep_moi": (io.BytesIO((EXAMPLE / PROGRESS).read_bytes()), "ban_sua.xlsx")},
    )
    shown = text_of(client.get(page))
    again = make(client, page, loai="bao_cao", ky="Q1", nam="2022")
    assert problem_lines(failed.text) == list(BROKEN_LINES)
    assert "dùng nút “Thay” ở mục “Các tệp”" in text_of(failed)
    assert replaced.status_code == 303
    assert f"Đã thay {PROGRESS} bằng ban_sua.xlsx" in shown
    assert again.status_code == 303  # the name kept its period: the report finds it


def test_replace_refuses_another_kind_of_file_and_keeps_the_old(client: FlaskClient) -> None:
    page = upload_folder(client)
    response = client.post(f"{page}/thay/{PROGRESS}", data={"tep_moi": (io.BytesIO(b"x"), "tien_do.xls")})
    response = refused(client, response)
    assert form_problems(response.text) == [f"tien_do.xls: cần một tệp .xlsx để thay cho {PROGRESS}"]
    assert make(client, page, loai="bao_cao", ky="Q1", nam="2022").status_code == 303


def test_add_and_remove_files(client: FlaskClient) -> None:
    page = upload(client, [("don_vi.yaml", (EXAMPLE / "don_vi.yaml").read_bytes())]).headers["Location"]
    added = client.post(
        f"{page}/them",
        data={
            "tep": [(io.BytesIO((EXAMPLE / n).read_bytes()), n) for n in ("ke_hoach.yaml", "nhiem_vu.xlsx")]
        },
    )
    plan = make(client, page, loai="ke_hoach")
    removed = client.post(f"{page}/bo-tep/nhiem_vu.xlsx")
    again = make(client, page, loai="ke_hoach")
    assert added.status_code == 303
    assert plan.status_code == 303
    assert removed.status_code == 303
    assert "<code>nhiem_vu.xlsx</code>" not in client.get(page).text
    again = refused(client, again)


def test_a_folder_on_this_computer_cannot_be_changed_from_the_page(
    client: FlaskClient, example: Path
) -> None:
    page = client.post("/thu-muc", data={"thu_muc": str(example)}).headers["Location"]
    response = client.post(f"{page}/bo-tep/don_vi.yaml")
    response = refused(client, response)
    assert "thư mục trên máy này chỉ được đọc" in form_problems(response.text)[0]
    assert (example / "don_vi.yaml").is_file()


def test_a_whole_document_is_refused_with_the_way_to_import_it(client: FlaskClient, plan_docx: Path) -> None:
    files = [
        ("KH 2022.docx", plan_docx.read_bytes()),
        ("don_vi.yaml", (EXAMPLE / "don_vi.yaml").read_bytes()),
    ]
    page = text_of(client.get(upload(client, files).headers["Location"]))
    assert "KH 2022.docx: là văn bản hoàn chỉnh (có Quốc hiệu), không phải tệp dữ liệu" in page
    assert "dùng mục “Đã có kế hoạch năm trước bằng Word?”" in page


def test_the_progress_workbook_is_filled_from_the_plan(client: FlaskClient) -> None:
    page = example_page(client)
    response = client.get(f"{page}/bang-tien-do?ky=Q3&nam=2022")
    book = openpyxl.load_workbook(io.BytesIO(response.data))
    rows = [(r[0].value, r[1].value) for r in book["Tiến độ"].iter_rows(min_row=2)]
    states = book["Tiến độ"].data_validations.dataValidation[0]
    assert response.headers["Content-Disposition"] == 'attachment; filename="tien_do_q3_2022.xlsx"'
    assert rows[:2] == [
        ("I.1", "Hoàn thiện hệ thống pháp luật"),
        ("I.1.1", "Xây dựng văn bản quy phạm pháp luật (QPPL) của HĐND"),
    ]
    assert len(rows) == 30
    assert states.formula1 == '"Hoàn thành,Đang thực hiện,Chưa thực hiện"'
    assert str(states.sqref) == "C2:C1000"
    assert "ty_le_vbqppl_ra_soat" in [c.value for c in book["Số liệu"]["A"]]


def test_a_word_plan_becomes_a_working_folder_and_next_years_draft(
    client: FlaskClient, plan_docx: Path
) -> None:
    response = client.post(
        "/nhap", data={"van_ban": (io.BytesIO(plan_docx.read_bytes()), "KH CCHC 2022.docx")}
    )
    page = response.headers["Location"]
    shown = text_of(client.get(page))
    folder = zipfile.ZipFile(io.BytesIO(client.get(f"{page}/du-lieu.zip").data))
    draft = make(client, page, loai="du_thao", nam_moi="2023")
    document = docx_text(client.get(f"{page}/tai/ke_hoach_cchc_2023_xa_loc_thuy.docx").data)
    assert response.status_code == 303
    assert "Đã lấy dữ liệu từ KH CCHC 2022.docx:" in shown
    assert '<dd id="tt-nam">2022</dd>' in shown
    assert sorted(folder.namelist()) == ["cchc_du_lieu/ke_hoach.docx", "cchc_du_lieu/ke_hoach.xlsx"]
    assert draft.status_code == 303
    assert "Cải cách hành chính xã Lộc Thủy năm 2023" in document


def test_a_file_that_is_not_a_plan_is_refused_by_the_import(client: FlaskClient) -> None:
    blank = docx.Document()
    blank.add_paragraph("Danh sách cán bộ")
    buffer = io.BytesIO()
    blank.save(buffer)
    response = client.post("/nhap", data={"van_ban": (io.BytesIO(buffer.getvalue()), "danh_sach.docx")})
    response = refused(client, response)
    assert problem_lines(response.text)[0].startswith("danh_sach.docx")
    assert "van_ban_goc" not in response.text


def template(text: str) -> bytes:
    document = docx.Document()
    document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_a_template_is_checked_before_it_is_used(client: FlaskClient) -> None:
    page = upload_folder(client)
    bad = client.post(
        f"{page}/mau", data={"mau": (io.BytesIO(template("{{ ten_khong_co }} {{ nam }}")), "mau.docx")}
    )
    bad = refused(client, bad)
    good = client.post(
        f"{page}/mau", data={"mau": (io.BytesIO(template("KẾ HOẠCH NĂM {{ nam }}")), "mau.docx")}
    )
    shown = text_of(client.get(page))
    made = make(client, page, loai="ke_hoach")
    document = docx_text(client.get(f"{page}/tai/ke_hoach_cchc_2022_xa_loc_thuy.docx").data)
    assert "ten_khong_co" in problem_lines(bad.text)[0]
    assert problem_lines(bad.text)[0].startswith("mau.docx, ")
    assert good.status_code == 303
    assert (
        "Mẫu mau.docx không có lỗi (đối chiếu với dữ liệu kế hoạch): từ nay dùng để soạn kế hoạch." in shown
    )
    assert made.status_code == 303
    assert document == "KẾ HOẠCH NĂM 2022"
