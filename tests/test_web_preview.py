"""With LibreOffice, the page offers the PDF (to read in the browser or download) and every page as an image."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from flask.testing import FlaskClient
from pypdf import PdfReader

from generator.web.store import Store
from tests.conftest import EXAMPLE
from tests.libreoffice import PNG_SIGNATURE, require_libreoffice

pytestmark = pytest.mark.libreoffice


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    require_libreoffice()
    store = Store(tmp_path / "server")
    yield store
    store.close()


def plan_page(client: FlaskClient) -> str:
    """Point the page at the example folder, make the plan; the data set page's address."""
    page = client.post("/thu-muc", data={"thu_muc": str(EXAMPLE)}).headers["Location"]
    assert client.post(f"{page}/soan", data={"loai": "ke_hoach"}).status_code == 303
    return page


def test_pdf_download(client: FlaskClient) -> None:
    page = plan_page(client)
    result = client.get(f"{page}/van-ban/ke_hoach_cchc_2022_xa_loc_thuy.docx").text
    response = client.get(f"{page}/tai/ke_hoach_cchc_2022_xa_loc_thuy.pdf", buffered=True)
    reader = PdfReader(io.BytesIO(response.data))
    assert "Tải tệp PDF" in result
    assert response.status_code == 200
    assert response.mimetype == "application/pdf"
    assert "KẾ HOẠCH" in reader.pages[0].extract_text()


def test_every_page_is_an_image(client: FlaskClient) -> None:
    page = plan_page(client)
    answer = client.get(f"{page}/xem-truoc/ke_hoach_cchc_2022_xa_loc_thuy.docx").json
    assert answer is not None
    pdf = client.get(answer["pdf"], buffered=True)
    first = client.get(answer["pages"][0], buffered=True)
    last = client.get(answer["pages"][-1], buffered=True)
    width = int.from_bytes(first.data[16:20], "big")  # PNG IHDR: width, then height
    height = int.from_bytes(first.data[20:24], "big")
    assert len(answer["pages"]) == len(PdfReader(io.BytesIO(pdf.data)).pages) > 10
    assert "attachment" not in pdf.headers.get("Content-Disposition", "")  # read in the browser
    assert first.mimetype == "image/png"
    assert "attachment" not in first.headers.get("Content-Disposition", "")
    assert first.data.startswith(PNG_SIGNATURE)
    assert 1.35 < height / width < 1.47  # A4 portrait: 297/210 = 1.41
    assert int.from_bytes(last.data[16:20], "big") > int.from_bytes(
        last.data[20:24], "big"
    )  # the appendix: landscape


def test_a_new_run_drops_the_old_preview(client: FlaskClient, store: Store) -> None:
    page = plan_page(client)
    assert client.get(f"{page}/xem-truoc/ke_hoach_cchc_2022_xa_loc_thuy.docx").status_code == 200
    images = list(store.root.glob("*/outputs/ke_hoach_cchc_2022_xa_loc_thuy-trang-*.png"))
    client.post(f"{page}/soan", data={"loai": "ke_hoach"})
    assert images
    assert not any(image.exists() for image in images)
    assert not list(store.root.glob("*/outputs/*.pdf"))
