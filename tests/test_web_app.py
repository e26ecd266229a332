"""Every route of ``cchc serve`` through Flask's test client: blank set, uploads, documents."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import docx
import openpyxl
import pytest
from flask.testing import FlaskClient

from generator.web import documents
from generator.web.store import Store
from generator.workflows.workspace import init_folder, init_word_folder
from tests.conftest import EXAMPLE, run_cli
from tests.web_support import (
    BROKEN_LINES,
    EXAMPLE_FILES,
    break_workbook,
    docx_text,
    error_of,
    form_problems,
    make,
    problem_lines,
    refused,
    text_of,
    upload,
    upload_folder,
)


def test_index_is_in_vietnamese(client: FlaskClient) -> None:
    response = client.get("/")
    assert response.status_code == 200
    assert response.mimetype == "text/html"
    assert '<html lang="vi">' in response.text
    assert "Tải bộ tệp trống (.zip)" in response.text
    assert "Đưa dữ liệu đã điền lên" in response.text
    assert "tối đa 2 MB" in response.text


def test_blank_set_holds_the_word_and_excel_files_of_cchc_init(client: FlaskClient, tmp_path: Path) -> None:
    response = client.get("/mau-trong.zip?nam=2024")
    expected = {p.name: p for p in init_word_folder(tmp_path / "init", 2024)}
    archive = zipfile.ZipFile(io.BytesIO(response.data))
    assert response.status_code == 200
    assert response.headers["Content-Disposition"] == 'attachment; filename="cchc_mau_trong_2024.zip"'
    assert sorted(archive.namelist()) == sorted(
        [f"cchc_2024/{name}" for name in expected]
        + ["cchc_2024/Mo_trang_cchc.cmd", "cchc_2024/Mo_trang_cchc.command"]
    )
    words = docx.Document(io.BytesIO(archive.read("cchc_2024/ke_hoach.docx")))
    assert "I. MỤC TIÊU, YÊU CẦU" in [p.text for p in words.paragraphs]
    book = openpyxl.load_workbook(io.BytesIO(archive.read("cchc_2024/ke_hoach.xlsx")))
    assert {"Đơn vị", "Kế hoạch", "Chỉ tiêu", "Nhiệm vụ"} <= set(book.sheetnames)
    assert book["Kế hoạch"]["B2"].value == 2024


def test_blank_set_in_yaml_for_technical_users(client: FlaskClient, tmp_path: Path) -> None:
    response = client.get("/mau-trong.zip?nam=2024&dang=yaml")
    expected = {p.name: p for p in init_folder(tmp_path / "init", 2024)}
    archive = zipfile.ZipFile(io.BytesIO(response.data))
    assert {f"cchc_2024/{name}" for name in expected} <= set(archive.namelist())
    for name in ("don_vi.yaml", "ke_hoach.yaml", "bao_cao.yaml"):
        assert archive.read(f"cchc_2024/{name}") == expected[name].read_bytes()
    book = openpyxl.load_workbook(io.BytesIO(archive.read("cchc_2024/tien_do.xlsx")))
    assert {"Tiến độ", "TTHC", "Số liệu"} <= set(book.sheetnames)


def test_blank_set_refuses_a_year_out_of_range(client: FlaskClient) -> None:
    assert client.get("/mau-trong.zip?nam=1800").status_code == 400


def test_plan_from_uploaded_files(client: FlaskClient) -> None:
    page = upload_folder(client)
    listing = client.get(page).text
    made = make(client, page, loai="ke_hoach")
    result = client.get(made.headers["Location"])
    document = client.get(f"{page}/tai/ke_hoach_cchc_2022_xa_loc_thuy.docx")
    assert all(f"<code>{name}</code>" in listing for name in EXAMPLE_FILES)
    assert made.status_code == 303
    assert made.headers["Location"] == f"{page}/van-ban/ke_hoach_cchc_2022_xa_loc_thuy.docx"
    assert "Tải tệp Word (.docx)" in result.text
    assert "bang-chi-tieu" not in result.text  # a plan has no computed figures
    assert client.get(f"{page}/tai/ke_hoach_cchc_2022_xa_loc_thuy.zip").status_code == 404  # drafts only
    assert document.headers["Content-Disposition"].startswith("attachment;")
    text = docx_text(document.data)
    assert "KẾ HOẠCH" in text.splitlines()
    assert "Cải cách hành chính xã Lộc Thủy năm 2022" in text


def test_q1_report_shows_its_figures_and_downloads(client: FlaskClient) -> None:
    page = upload_folder(client)
    made = make(client, page, loai="bao_cao", ky="Q1", nam="2022")
    result = text_of(client.get(made.headers["Location"]))
    document = client.get(f"{page}/tai/bao_cao_cchc_q1_2022_xa_loc_thuy.docx")
    tthc = result[result.index('id="bang-tthc"') :]
    assert made.status_code == 303
    assert re.search(r"<td>Tổng cộng</td>.*?<td class=\"so\">99,5%</td>", tthc, re.DOTALL)
    # a year target in quý I: no quarter-only figure (#23 item 3)
    assert "<td>Tỷ lệ VBQPPL được rà soát</td><td>—</td><td>—</td>" in result
    assert '<td class="khong-dat">Không đạt</td>' in result
    assert "Quá hạn: 2" in result
    overdue = result[result.index('id="bang-qua-han"') : result.index('id="bang-tthc"')]
    assert re.findall(r"<tr><td>([IVX]+\.\d+)</td>", overdue) == ["II.2", "VII.3"]
    assert '<svg id="bieu-do"' in result
    assert "tỷ lệ giải quyết đúng hạn 99,5%" in docx_text(document.data)


def test_next_years_draft_plan(client: FlaskClient) -> None:
    page = upload_folder(client)
    form = {"loai": "du_thao", "nam_moi": "2023", "tien_do": "tien_do_q1_2022.xlsx"}
    made = make(client, page, **form)
    result = text_of(client.get(made.headers["Location"]))
    document = docx_text(client.get(f"{page}/tai/ke_hoach_cchc_2023_xa_loc_thuy.docx").data)
    archive = zipfile.ZipFile(io.BytesIO(client.get(f"{page}/tai/ke_hoach_cchc_2023_xa_loc_thuy.zip").data))
    assert made.headers["Location"] == f"{page}/van-ban/ke_hoach_cchc_2023_xa_loc_thuy.docx"
    assert "DANH SÁCH THAY ĐỔI — dự thảo Kế hoạch CCHC năm 2023 (lập từ kế hoạch năm 2022)" in result
    assert "Chuyển tiếp (chưa hoàn thành trong năm 2022): " in result
    assert "Cải cách hành chính xã Lộc Thủy năm 2023" in document
    assert sorted(archive.namelist()) == [
        "cchc_2023/Mo_trang_cchc.cmd",
        "cchc_2023/Mo_trang_cchc.command",
        "cchc_2023/don_vi.yaml",
        "cchc_2023/ke_hoach.yaml",
        "cchc_2023/nhiem_vu.xlsx",
        "cchc_2023/thay_doi_2023.txt",
    ]
    assert "năm 2023" in archive.read("cchc_2023/ke_hoach.yaml").decode("utf-8")


def test_zip_of_a_working_folder(client: FlaskClient) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in EXAMPLE_FILES:
            archive.write(EXAMPLE / name, f"loc_thuy/{name}")
        archive.writestr("loc_thuy/ghi_chu.txt", "không phải dữ liệu")
    response = upload(client, [("loc_thuy.zip", buffer.getvalue())])
    page = client.get(response.headers["Location"]).text
    assert response.status_code == 303
    assert all(f"<code>{name}</code>" in page for name in EXAMPLE_FILES)
    assert "loc_thuy/ghi_chu.txt: không phải tệp cchc đọc được" in page
    assert make(client, response.headers["Location"], loai="ke_hoach").status_code == 303


def test_broken_workbook_lists_every_problem_as_the_cli_does(
    client: FlaskClient, example: Path, tmp_path: Path
) -> None:
    break_workbook(example)
    page = upload_folder(client, example)
    response = make(client, page, loai="bao_cao", ky="Q1", nam="2022")
    cli = run_cli("report", "--period", "Q1", "--year", "2022", example, "--out", tmp_path / "out")
    cli_lines = [line.removeprefix("Lỗi: ").replace(f"{example}/", "") for line in cli.stderr.splitlines()]
    response = refused(client, response)
    assert problem_lines(response.text) == list(BROKEN_LINES)
    assert problem_lines(response.text) == cli_lines
    assert "Dữ liệu có 2 lỗi cần sửa" in response.text


def test_folder_on_this_computer_is_read_only(client: FlaskClient, example: Path, store: Store) -> None:
    before = {p.name: p.read_bytes() for p in example.iterdir()}
    response = client.post("/thu-muc", data={"thu_muc": str(example)})
    page = response.headers["Location"]
    made = [
        make(client, page, loai="ke_hoach"),
        make(client, page, loai="bao_cao", ky="Q1", nam="2022"),
        make(client, page, loai="du_thao", nam_moi="2023"),
    ]
    assert response.status_code == 303
    assert [m.status_code for m in made] == [303, 303, 303]
    assert {p.name: p.read_bytes() for p in example.iterdir()} == before
    assert len(list(store.root.glob("*/outputs/**/*.docx"))) == 3


def test_problems_in_a_folder_name_its_files_in_full(client: FlaskClient, example: Path) -> None:
    break_workbook(example)
    page = client.post("/thu-muc", data={"thu_muc": str(example)}).headers["Location"]
    response = refused(client, make(client, page, loai="bao_cao", ky="Q1", nam="2022"))
    assert problem_lines(response.text) == [f"{example}/{line}" for line in BROKEN_LINES]


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("inputs/loc_thuy", "cần đường dẫn đầy đủ của thư mục"),
        ("/khong/co/thu/muc", "/khong/co/thu/muc: không tìm thấy thư mục"),
        ("", "cần đường dẫn đầy đủ của thư mục"),
    ],
    ids=["relative", "missing", "empty"],
)
def test_folder_refused(client: FlaskClient, path: str, message: str) -> None:
    response = client.post("/thu-muc", data={"thu_muc": path})
    response = refused(client, response)
    assert message in form_problems(response.text)[0]
    assert problem_lines(response.text) == []  # the form's mistake, not the data's


@pytest.mark.parametrize(
    ("form", "message"),
    [
        ({}, "chưa chọn loại văn bản (kế hoạch, báo cáo hoặc dự thảo kế hoạch năm sau)"),
        ({"loai": "bao_cao", "ky": "Q9", "nam": "2022"}, 'kỳ báo cáo "Q9" không hợp lệ'),
        ({"loai": "bao_cao", "nam": "2022"}, "chưa chọn kỳ báo cáo"),
        ({"loai": "bao_cao", "ky": "Q1", "nam": "hai"}, 'năm báo cáo "hai" không hợp lệ (cần dạng 2022)'),
        (
            {"loai": "du_thao", "nam_moi": "2023", "tien_do": "../x.xlsx"},
            'không có bảng tiến độ "../x.xlsx" trong dữ liệu đã nhận',
        ),
        (
            {"loai": "du_thao", "nam_moi": "2023", "tien_do": "nhiem_vu.xlsx"},
            'không có bảng tiến độ "nhiem_vu.xlsx" trong dữ liệu đã nhận',
        ),
        (
            {"loai": "du_thao", "nam_moi": "2022"},
            "năm của kế hoạch mới (2022) phải sau năm của kế hoạch đang có (2022); ví dụ 2023",
        ),
        (
            {"loai": "bao_cao", "ky": "Q3", "nam": "2022"},
            "chưa có tệp nào cho báo cáo quý III/2022: cần bao_cao_q3_2022.yaml (lời văn) và "
            "tien_do_q3_2022.xlsx (tiến độ, số liệu; tải bảng điền sẵn ở mục Báo cáo). "
            "Các kỳ đã có tệp: quý I/2022",
        ),
    ],
    ids=["no-kind", "bad-period", "no-period", "bad-year", "draft-unknown-workbook", "draft-task-workbook",
         "draft-same-year", "period-without-files"],
)  # fmt: skip
def test_bad_choice_is_the_forms_not_the_datas(
    client: FlaskClient, form: dict[str, str], message: str
) -> None:
    response = make(client, upload_folder(client), **form)
    response = refused(client, response)
    assert form_problems(response.text) == [message]
    assert "Chưa làm được: cần chọn lại" in text_of(response)
    assert problem_lines(response.text) == []
    assert "lỗi cần sửa" not in text_of(response)


def test_without_libreoffice_no_pdf_is_offered(client: FlaskClient, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CCHC_SOFFICE", "/khong/co/soffice")
    page = upload_folder(client)
    result = client.get(make(client, page, loai="ke_hoach").headers["Location"])
    refused = client.get(f"{page}/tai/ke_hoach_cchc_2022_xa_loc_thuy.pdf")
    preview = client.get(f"{page}/xem-truoc/ke_hoach_cchc_2022_xa_loc_thuy.docx")
    assert "Tải tệp PDF" not in result.text
    assert "chưa có LibreOffice" in result.text
    assert refused.status_code == 503
    assert "không tìm thấy LibreOffice" in refused.text
    assert preview.status_code == 503
    assert "không tìm thấy LibreOffice" in error_of(preview)


def test_an_unexpected_error_is_shown_in_vietnamese(
    client: FlaskClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object) -> None:
        raise RuntimeError("bug")

    monkeypatch.setattr(documents, "make", broken)
    response = make(client, upload_folder(client), loai="ke_hoach")
    assert response.status_code == 500
    assert "Đã có lỗi không lường trước; chi tiết in ở cửa sổ lệnh." in response.text
