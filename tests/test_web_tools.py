"""The page's tools: several units at once (cchc batch), the ND 30 check (cchc check), "Tắt"."""

from __future__ import annotations

import io
import time
import zipfile
from pathlib import Path

import docx
from flask.testing import FlaskClient

from generator.web.app import create_app
from generator.web.store import Store
from generator.web.tools import STOP_DELAY
from tests.conftest import EXAMPLE
from tests.web_support import EXAMPLE_FILES, HOST, TOKEN, form_problems, problem_lines, refused, text_of


def units_zip(broken: bool = False) -> bytes:
    """Two units' working folders in one .zip, as Windows zips a folder ("cac_xa/xa_a/…")."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for unit in ("xa_a", "xa_b"):
            for name in EXAMPLE_FILES:
                if not (broken and unit == "xa_b" and name == "bao_cao_q1_2022.yaml"):
                    archive.write(EXAMPLE / name, f"cac_xa/{unit}/{name}")
        if broken:
            archive.writestr("cac_xa/xa_b/bao_cao_q1_2022.yaml", "bao_cao: [\n")
        archive.writestr("../../thoat/xa_c/don_vi.yaml", "don_vi: {}\n")
    return buffer.getvalue()


def test_batch_makes_every_unit_and_the_consolidated_table(client: FlaskClient, store: Store) -> None:
    extra = (io.BytesIO(b"x"), "ghi_chu.txt")
    response = refused(
        client, client.post("/lo", data={"lo": [(io.BytesIO(units_zip()), "cac_xa.zip"), extra]})
    )
    page = text_of(response)
    link = page.split('id="tai-lo" href="', 1)[1].split('"', 1)[0]
    archive = zipfile.ZipFile(io.BytesIO(client.get(link).data))
    names = sorted(archive.namelist())
    assert response.status_code == 200
    assert "xa_a: kế hoạch → <code>ke_hoach_cchc_2022_xa_loc_thuy.docx</code>" in page
    assert "xa_b: báo cáo Q1/2022 → <code>bao_cao_cchc_q1_2022_xa_loc_thuy_2.docx</code>" in page
    assert "cchc_van_ban/tong_hop_cchc_q1_2022.docx" in names
    assert "cchc_van_ban/tong_hop_cchc_q1_2022.xlsx" in names
    assert "cchc_van_ban/ke_hoach_cchc_2022_xa_loc_thuy_2.docx" in names
    assert not (store.root.parent / "thoat").exists()  # "../../thoat/xa_c/…" stayed inside
    assert "<h2>Tệp không nhận</h2>" in page
    assert "ghi_chu.txt: " in page


def test_batch_names_each_units_errors_and_goes_on(client: FlaskClient) -> None:
    response = refused(
        client, client.post("/lo", data={"lo": (io.BytesIO(units_zip(broken=True)), "cac_xa.zip")})
    )
    page = text_of(response)
    assert response.status_code == 200
    assert "<h3>xa_b: báo cáo Q1/2022</h3>" in page
    assert any(line.startswith("xa_b/bao_cao_q1_2022.yaml") for line in problem_lines(response.text))
    assert "xa_a: báo cáo Q1/2022 → <code>bao_cao_cchc_q1_2022_xa_loc_thuy.docx</code>" in page
    assert str(Path("/tmp")) not in page.split("<main>", 1)[1]


def test_batch_without_a_zip_says_what_it_needs(client: FlaskClient) -> None:
    response = refused(client, client.post("/lo", data={}))
    assert form_problems(response.text) == ["cần một tệp .zip chứa thư mục của từng đơn vị"]


def test_check_a_word_file_on_the_page(client: FlaskClient, plan_docx: Path, store: Store) -> None:
    files = [(io.BytesIO(plan_docx.read_bytes()), "KH.docx"), (io.BytesIO(b"x"), "ghi_chu.txt")]
    response = refused(client, client.post("/kiem-tra", data={"kiem_tra": files}))
    page = text_of(response)
    assert response.status_code == 200
    assert "<h3>KH.docx: đúng thể thức, không có lỗi</h3>" in page
    assert "<h2>Tệp không nhận</h2>" in page
    assert "ghi_chu.txt: không phải tệp cchc đọc được" in page
    assert list(store.root.iterdir()) == []  # checked files are not kept


def test_check_reports_findings_with_their_place(client: FlaskClient) -> None:
    document = docx.Document()
    document.add_paragraph("Số: 5/KH-UBND")
    buffer = io.BytesIO()
    document.save(buffer)
    response = client.post("/kiem-tra", data={"kiem_tra": [(io.BytesIO(buffer.getvalue()), "soan_tay.docx")]})
    response = refused(client, response)
    page = text_of(response)
    assert "<h3>soan_tay.docx: " in page
    assert "[lỗi]" in page


def test_stop_stops_the_server(store: Store) -> None:
    stopped: list[bool] = []
    app = create_app(store, this_year=2023, hosts=[HOST], token=TOKEN, stop=lambda: stopped.append(True))
    client = app.test_client()
    response = client.post(f"/tat?k={TOKEN}", base_url=f"http://{HOST}")
    time.sleep(STOP_DELAY + 0.5)
    assert response.status_code == 200
    assert "Đã tắt cchc" in response.get_data(as_text=True)
    assert stopped == [True]


def test_stop_needs_the_secret_and_the_page_itself(store: Store) -> None:
    stopped: list[bool] = []
    app = create_app(store, this_year=2023, hosts=[HOST], token=TOKEN, stop=lambda: stopped.append(True))
    client = app.test_client()
    assert client.post("/tat", base_url=f"http://{HOST}").status_code == 403
    foreign = {"Origin": "http://evil.example"}
    assert client.post(f"/tat?k={TOKEN}", base_url=f"http://{HOST}", headers=foreign).status_code == 403
    assert stopped == []
