"""What ``cchc serve`` refuses: large uploads, hostile names, zip-slip, other hosts and sites."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from flask.testing import FlaskClient

from generator.web.store import Store
from tests.web_support import (
    HOST,
    TOKEN,
    error_of,
    form_problems,
    make,
    refused,
    text_of,
    upload,
    upload_folder,
)


def test_upload_too_large_is_refused_in_vietnamese(client: FlaskClient, store: Store) -> None:
    response = upload(client, [("nhiem_vu.xlsx", b"0" * (3 * 2**20))])
    assert response.status_code == 413
    assert "Tệp tải lên quá lớn: tổng dung lượng tối đa 2 MB." in response.text
    assert not any(store.root.glob("*/inputs/*"))


def test_upload_without_data_files(client: FlaskClient) -> None:
    response = upload(client, [("anh.png", b"\x89PNG"), ("ke_hoach.xls", b"\xd0\xcf")])
    response = refused(client, response)
    assert form_problems(response.text) == [
        "không có tệp dữ liệu nào (cần tệp Word .docx, Excel .xlsx, .yaml hoặc một tệp .zip chứa chúng)",
        "anh.png: không phải tệp cchc đọc được (cchc nhận tệp Word .docx, Excel .xlsx, .yaml hoặc một tệp .zip "
        "chứa chúng)",
        "ke_hoach.xls: tệp Excel 97–2003 (.xls): hãy mở bằng Excel và lưu lại dạng .xlsx (Tệp › Lưu thành › "
        "Sổ làm việc Excel)",
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
    assert ".an.yaml: tệp ẩn hoặc tên không dùng được" in page
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
    response = refused(client, response)
    assert form_problems(response.text) == ["du_lieu.zip: không phải tệp .zip hợp lệ"]


@pytest.mark.parametrize(
    "host", ["evil.example:8765", "evil.example", "127.0.0.1:9999", "localhost", "192.168.1.5:8765"]
)
def test_other_host_headers_are_refused(client: FlaskClient, host: str) -> None:
    response = client.get("/", headers={"Host": host})
    assert response.status_code == 400
    assert "Địa chỉ truy cập không hợp lệ" in response.text


def test_localhost_with_the_port_is_accepted(client: FlaskClient) -> None:
    assert client.get(f"/?k={TOKEN}", headers={"Host": "localhost:8765"}).status_code == 200


@pytest.mark.parametrize("origin", ["http://evil.example", "http://127.0.0.1:9999", "null"])
def test_form_posted_from_another_site_is_refused(client: FlaskClient, origin: str) -> None:
    response = client.post("/thu-muc", data={"thu_muc": "/"}, headers={"Origin": origin})
    assert response.status_code == 403
    assert "chỉ nhận yêu cầu gửi từ chính nó" in response.text


def test_a_form_of_the_page_itself_is_accepted(client: FlaskClient, example: Path) -> None:
    response = client.post("/thu-muc", data={"thu_muc": str(example)}, headers={"Origin": f"http://{HOST}"})
    assert response.status_code == 303


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


# Werkzeug leaves the parts it had read when it stops at the 301st to the garbage collector.
@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_too_many_files_says_so(client: FlaskClient, store: Store) -> None:
    response = upload(client, [(f"tep_{i}.yaml", b"x: 1\n") for i in range(301)])
    assert response.status_code == 413
    assert "Gửi quá nhiều tệp một lần (tối đa 300 tệp)" in response.text
    assert "MB" not in response.text.split('id="thong-bao">', 1)[1].split("</p>", 1)[0]
    assert list(store.root.iterdir()) == []


def test_a_name_of_84_vietnamese_letters(client: FlaskClient, store: Store) -> None:
    name = "ệ" * 84 + ".yaml"  # 257 bytes: more than a file name may hold
    response = upload(client, [(name, b"don_vi: {}\n"), ("ke_hoach.yaml", b"ke_hoach: {}\n")])
    page = client.get(response.headers["Location"]).text
    assert response.status_code == 303
    assert f"<code>{'ệ' * 58}.yaml</code>" in page
    assert len(list(store.root.iterdir())) == 1


def test_names_and_data_cannot_run_scripts_in_the_page(client: FlaskClient, example: Path) -> None:
    script = "<script>alert(1)</script>"
    profile = example / "don_vi.yaml"
    text = profile.read_text(encoding="utf-8").replace("  ten:\n", f'  "{script}": 1\n  ten:\n', 1)
    profile.write_text(text, encoding="utf-8")  # an unknown key: a warning that quotes it
    files = [(f"{script}.xlsx", b"PK"), ("<img src=x onerror=alert(1)>.txt", b"")]
    files += [
        (name, (example / name).read_bytes()) for name in ("don_vi.yaml", "ke_hoach.yaml", "nhiem_vu.xlsx")
    ]
    response = upload(client, files)
    listing = client.get(response.headers["Location"]).text
    result = client.get(make(client, response.headers["Location"], loai="ke_hoach").headers["Location"]).text
    folder = example.parent / "<svg onload=alert(1)>"
    folder.mkdir()
    (folder / "don_vi.yaml").write_text("don_vi: {}\n", encoding="utf-8")
    pointed = client.get(client.post("/thu-muc", data={"thu_muc": str(folder)}).headers["Location"]).text
    for page in (listing, result, pointed):
        assert "<script>alert" not in page
        assert "<img src=x" not in page
        assert "<svg onload" not in page
    assert "<code>script_.xlsx</code>" in listing  # "</script>" holds a slash: only its last part is kept
    assert "&lt;img src=x onerror=alert(1)&gt;.txt: không phải tệp cchc đọc được" in listing
    assert "khóa &#34;&lt;script&gt;alert(1)&lt;/script&gt;&#34; không được dùng" in result
    assert "&lt;svg onload=alert(1)&gt;" in pointed


def test_a_failed_preview_does_not_show_the_servers_folders(
    client: FlaskClient, store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    soffice = tmp_path / "soffice"
    soffice.write_text(
        "#!/bin/sh\necho 'Error: source file could not be loaded' >&2\nexit 0\n", encoding="utf-8"
    )
    soffice.chmod(0o755)
    monkeypatch.setenv("CCHC_SOFFICE", str(soffice))
    page = upload_folder(client)
    assert make(client, page, loai="ke_hoach").status_code == 303
    response = client.get(f"{page}/tai/ke_hoach_cchc_2022_xa_loc_thuy.pdf")
    preview = client.get(f"{page}/xem-truoc/ke_hoach_cchc_2022_xa_loc_thuy.docx")
    assert response.status_code == 503
    assert str(store.root) not in response.text
    assert "/tmp" not in response.text
    assert "ke_hoach_cchc_2022_xa_loc_thuy.docx: LibreOffice không chuyển được sang PDF" in text_of(response)
    assert "LibreOffice báo: Error: source file could not be loaded" in text_of(response)
    assert preview.status_code == 503
    assert str(store.root) not in error_of(preview)
    assert error_of(preview).startswith("ke_hoach_cchc_2022_xa_loc_thuy.docx: LibreOffice không chuyển được")
