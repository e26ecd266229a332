"""Who may use ``cchc serve``: the run's secret on every request, and the Host and Origin checks
kept when the page is opened to the network (``--host 0.0.0.0`` needs ``--allow-host``)."""

from __future__ import annotations

import http.client
from collections.abc import Iterator

import pytest
from flask.testing import FlaskClient

from generator.web.guard import cookie_name
from generator.web.server import LocalServer
from generator.web.store import Store
from tests.conftest import run_cli
from tests.web_support import TOKEN, make, new_client, running_server, upload, upload_folder

REFUSED = "Trang cần mã truy cập của lần chạy này: nhấp đúp lại tệp Mo_trang_cchc"


@pytest.fixture
def stranger(store: Store) -> FlaskClient:
    """Another program or user on the same computer: it reaches the port, never saw the address."""
    return new_client(store, opened=False)


def test_the_printed_address_sets_a_strict_cookie(store: Store) -> None:
    fresh = new_client(store, opened=False)
    response = fresh.get(f"/?k={TOKEN}")
    cookie = response.headers["Set-Cookie"]
    assert response.status_code == 200
    assert cookie.startswith(f"{cookie_name(TOKEN)}={TOKEN};")
    assert "HttpOnly" in cookie
    assert "SameSite=Strict" in cookie
    assert "Path=/" in cookie
    assert fresh.get("/").status_code == 200  # the cookie is enough from now on


@pytest.mark.parametrize(
    ("method", "path", "data"),
    [
        ("GET", "/", None),
        ("GET", "/mau-trong.zip?nam=2024", None),
        ("POST", "/thu-muc", {"thu_muc": "/"}),
        ("POST", "/tai-len", {}),
        ("POST", "/vi-du", None),
        ("POST", "/nhap", {}),
        ("POST", "/lo", {}),
        ("POST", "/kiem-tra", {}),
        ("POST", "/tat", None),
    ],
    ids=["index", "blank-set", "folder", "upload", "example", "import", "batch", "check", "stop"],
)
def test_requests_without_the_secret_are_refused(
    stranger: FlaskClient, store: Store, method: str, path: str, data: dict[str, str] | None
) -> None:
    response = stranger.open(path, method=method, data=data)  # no Origin: not a browser
    assert response.status_code == 403
    assert REFUSED in response.text
    assert list(store.root.iterdir()) == []


def test_a_data_set_and_its_documents_need_the_secret(client: FlaskClient, stranger: FlaskClient) -> None:
    page = upload_folder(client)
    assert make(client, page, loai="ke_hoach").status_code == 303
    document = f"{page}/tai/ke_hoach_cchc_2022_xa_loc_thuy.docx"
    assert client.get(document).status_code == 200
    name = "ke_hoach_cchc_2022_xa_loc_thuy"
    for response in (
        stranger.get(page),
        stranger.get(document),
        stranger.get(f"{page}/van-ban/{name}.docx"),
        stranger.get(f"{page}/xem/{name}.pdf"),
        stranger.get(f"{page}/xem-truoc/{name}.docx"),
        stranger.get(f"{page}/trang/{name}-trang-1.png"),
        stranger.get(f"{page}/du-lieu.zip"),
        stranger.get(f"{page}/bang-tien-do?ky=Q1&nam=2022"),
        stranger.post(f"{page}/them", data={}),
        stranger.post(f"{page}/thay/don_vi.yaml", data={}),
        stranger.post(f"{page}/bo-tep/don_vi.yaml"),
        stranger.post(f"{page}/mau", data={}),
        stranger.post(f"{page}/bo-mau"),
        make(stranger, page, loai="ke_hoach"),
        upload(stranger, [("don_vi.yaml", b"don_vi: {}\n")]),
    ):
        assert response.status_code == 403
        assert REFUSED in response.text
    assert "don_vi.yaml" in client.get(page).text  # nothing was removed


@pytest.mark.parametrize("given", ["sai", TOKEN[:-1], TOKEN + "x", "mã-tiếng-việt", ""])
def test_a_wrong_secret_is_refused(stranger: FlaskClient, given: str) -> None:
    assert stranger.get(f"/?k={given}").status_code == 403
    stranger.set_cookie(cookie_name(TOKEN), given, domain="127.0.0.1")
    assert stranger.get("/").status_code == 403


def test_pages_keep_the_address_out_of_referrers_frames_and_caches(client: FlaskClient) -> None:
    response = client.get("/")
    assert response.headers["Referrer-Policy"] == "same-origin"
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Cache-Control"] == "no-store"


def send(port: int, method: str, path: str, host: str, headers: dict[str, str] | None = None) -> int:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        connection.putrequest(method, path, skip_host=True)
        connection.putheader("Host", host)
        for name, value in (headers or {}).items():
            connection.putheader(name, value)
        connection.putheader("Content-Length", "0")
        connection.endheaders()
        response = connection.getresponse()
        response.read()
        return response.status
    finally:
        connection.close()


def test_a_stranger_on_this_computer_is_refused_on_the_wire() -> None:
    with running_server() as server:
        host = f"127.0.0.1:{server.port}"
        assert send(server.port, "POST", "/thu-muc?thu_muc=/", host) == 403  # no Origin, no secret
        assert send(server.port, "GET", "/", host) == 403
        assert send(server.port, "GET", f"/?k={server.token}", host) == 200


@pytest.fixture
def lan_server() -> Iterator[LocalServer]:
    with running_server(host="0.0.0.0", allow=("may-chu.local",)) as server:
        yield server


def test_all_interfaces_keep_the_host_and_origin_checks(lan_server: LocalServer) -> None:
    port, secret = lan_server.port, f"/?k={lan_server.token}"
    assert lan_server.urls == [f"http://127.0.0.1:{port}{secret}", f"http://may-chu.local:{port}{secret}"]
    assert send(port, "GET", secret, f"may-chu.local:{port}") == 200
    assert send(port, "GET", secret, f"127.0.0.1:{port}") == 200
    assert send(port, "GET", secret, f"attacker.example:{port}") == 400  # DNS rebinding
    assert send(port, "GET", secret, "attacker.example") == 400
    foreign = {"Origin": "http://attacker.example"}
    assert send(port, "POST", f"/thu-muc{secret}", f"may-chu.local:{port}", foreign) == 403


def test_all_interfaces_without_allowed_names_are_refused() -> None:
    result = run_cli("serve", "--host", "0.0.0.0", "--no-browser")
    assert result.exit_code == 1
    assert result.stderr == (
        "Lỗi: --host 0.0.0.0: trang sẽ mở cho mọi máy trong mạng; cần ghi rõ tên hoặc địa chỉ mà các "
        "máy đó dùng để mở trang, ví dụ --allow-host 192.168.1.10 (lặp lại cho mỗi tên). Chỉ làm vậy "
        "trong mạng tin cậy.\n"
    )


@pytest.mark.parametrize("name", ["http://192.168.1.10", "192.168.1.10:8000", "*", "a b"])
def test_an_allowed_name_must_be_a_plain_name(name: str) -> None:
    result = run_cli("serve", "--host", "0.0.0.0", "--allow-host", name, "--no-browser")
    assert result.exit_code == 1
    assert result.stderr == (
        f'Lỗi: --allow-host "{name}": cần một tên máy hoặc địa chỉ IP, không kèm cổng hay http:// '
        "(ví dụ --allow-host 192.168.1.10)\n"
    )
