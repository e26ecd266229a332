"""With LibreOffice, the page offers the PDF and shows page 1 of the document as an image."""

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
from tests.web_support import new_client

pytestmark = pytest.mark.libreoffice


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    require_libreoffice()
    store = Store(tmp_path / "server")
    yield store
    store.close()


@pytest.fixture
def client(store: Store) -> FlaskClient:
    return new_client(store)


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


def test_first_page_preview_is_an_a4_image(client: FlaskClient) -> None:
    require_libreoffice(png=True)
    page = plan_page(client)
    response = client.get(f"{page}/tai/ke_hoach_cchc_2022_xa_loc_thuy.png", buffered=True)
    width = int.from_bytes(response.data[16:20], "big")  # PNG IHDR: width, then height
    height = int.from_bytes(response.data[20:24], "big")
    assert response.status_code == 200
    assert response.mimetype == "image/png"
    assert "attachment" not in response.headers.get("Content-Disposition", "")
    assert response.data.startswith(PNG_SIGNATURE)
    assert 1.35 < height / width < 1.47  # A4 portrait: 297/210 = 1.41


def test_a_new_run_drops_the_old_preview(client: FlaskClient, store: Store) -> None:
    require_libreoffice(png=True)
    page = plan_page(client)
    first = client.get(f"{page}/tai/ke_hoach_cchc_2022_xa_loc_thuy.png", buffered=True)
    (image,) = store.root.glob("*/outputs/ke_hoach_cchc_2022_xa_loc_thuy.png")
    client.post(f"{page}/soan", data={"loai": "ke_hoach"})
    assert first.status_code == 200
    assert not image.exists()
