"""What ``cchc serve`` refuses: large uploads, hostile names, zip-slip, other hosts and sites."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from flask.testing import FlaskClient

from generator.web.store import Store
from tests.web_support import new_client, problem_lines, upload, upload_folder


@pytest.fixture
def client(store: Store) -> FlaskClient:
    return new_client(store)


def test_upload_too_large_is_refused_in_vietnamese(client: FlaskClient, store: Store) -> None:
    response = upload(client, [("nhiem_vu.xlsx", b"0" * (3 * 2**20))])
    assert response.status_code == 413
    assert "Tệp tải lên quá lớn: tổng dung lượng tối đa 2 MB." in response.text
    assert not any(store.root.glob("*/inputs/*"))


def test_upload_without_data_files(client: FlaskClient) -> None:
    response = upload(client, [("anh.png", b"\x89PNG")])
    assert response.status_code == 400
    assert problem_lines(response.text) == [
        "không có tệp dữ liệu nào (cần tệp .yaml, .xlsx hoặc một tệp .zip chứa chúng)"
    ]


def test_hostile_names_stay_inside_the_upload_folder(
    client: FlaskClient, store: Store, tmp_path: Path
) -> None:
    names = ["../../thoat.yaml", "/etc/cchc.yaml", "CON.yaml", "a\x00b.yaml", ".an.yaml"]
    response = upload(client, [(name, b"don_vi: {}\n") for name in names])
    page = client.get(response.headers["Location"]).text
    (inputs,) = store.root.glob("*/inputs")
    assert response.status_code == 303
    assert sorted(p.name for p in inputs.iterdir()) == ["_CON.yaml", "a_b.yaml", "cchc.yaml", "thoat.yaml"]
    assert ".an.yaml: bỏ qua" in page
    assert not list(tmp_path.glob("*.yaml"))
    assert not Path("/etc/cchc.yaml").exists()


def test_zip_slip_is_extracted_inside(client: FlaskClient, store: Store, tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("../../../thoat.yaml", "don_vi: {}\n")
        archive.writestr("/tmp/tuyet_doi.yaml", "don_vi: {}\n")
    response = upload(client, [("xau.zip", buffer.getvalue())])
    (inputs,) = store.root.glob("*/inputs")
    assert response.status_code == 303
    assert sorted(p.name for p in inputs.iterdir()) == ["thoat.yaml", "tuyet_doi.yaml"]
    assert not (tmp_path / "thoat.yaml").exists()
    assert not Path("/tmp/tuyet_doi.yaml").exists()


def test_broken_zip_is_refused(client: FlaskClient) -> None:
    response = upload(client, [("du_lieu.zip", b"PK\x03\x04 not really")])
    assert response.status_code == 400
    assert problem_lines(response.text) == ["du_lieu.zip: không phải tệp .zip hợp lệ"]


@pytest.mark.parametrize(
    "host", ["evil.example:8765", "evil.example", "127.0.0.1:9999", "localhost", "192.168.1.5:8765"]
)
def test_other_host_headers_are_refused(client: FlaskClient, host: str) -> None:
    response = client.get("/", headers={"Host": host})
    assert response.status_code == 400
    assert "Địa chỉ truy cập không hợp lệ" in response.text


def test_localhost_with_the_port_is_accepted(client: FlaskClient) -> None:
    assert client.get("/", headers={"Host": "localhost:8765"}).status_code == 200


def test_form_posted_from_another_site_is_refused(client: FlaskClient) -> None:
    response = client.post("/thu-muc", data={"thu_muc": "/"}, headers={"Origin": "http://evil.example"})
    assert response.status_code == 403
    assert "chỉ nhận yêu cầu gửi từ chính nó" in response.text


@pytest.mark.parametrize(
    "path",
    [
        "/bo/khong-co",
        "/bo/khong-co/van-ban/a.docx",
        "/bo/{key}/tai/ke_hoach_cchc_2022_xa_loc_thuy.docx",  # not made yet
        "/bo/{key}/tai/..%2f..%2finputs%2fdon_vi.yaml",
        "/bo/{key}/tai/don_vi.yaml",
        "/bo/{key}/van-ban/ke_hoach_cchc_2022_xa_loc_thuy.docx",
    ],
)
def test_unknown_pages_and_files(client: FlaskClient, path: str) -> None:
    key = upload_folder(client).rsplit("/", 1)[-1]
    response = client.get(path.format(key=key))
    assert response.status_code == 404
    assert "Không tìm thấy trang hoặc tệp này" in response.text
