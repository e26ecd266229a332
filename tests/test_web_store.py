"""The server's folder: upload names reduced to plain file names, ZIPs unpacked within limits."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from generator.web import store as store_module
from generator.web.store import RequestError, Store, safe_name


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("don_vi.yaml", "don_vi.yaml"),
        ("Tiến độ quý I.xlsx", "Tiến độ quý I.xlsx"),
        ("Tie\u0302\u0301n.yaml", "Tiến.yaml"),
        ("../../etc/passwd.yaml", "passwd.yaml"),
        ("..\\..\\Windows\\win.ini.yaml", "win.ini.yaml"),
        ("C:\\Users\\vp\\ke_hoach.yaml", "ke_hoach.yaml"),
        ("..", None),
        ("...", None),
        ("", None),
        ("/", None),
        (".bashrc", "bashrc"),
        ("a\x00b\nc.yaml", "a_b_c.yaml"),
        ("tệp<>:\"|?*.yaml", "tệp_______.yaml"),
        ("CON.yaml", "_CON.yaml"),
        ("lpt1.tar.yaml", "_lpt1.tar.yaml"),
        ("ten. ", "ten"),
        ("a" * 300 + ".xlsx", "a" * 115 + ".xlsx"),
    ],
    ids=["plain", "vietnamese", "nfd-to-nfc", "traversal", "windows-traversal", "windows-path", "dots",
         "three-dots", "empty", "slash", "hidden", "control", "reserved-chars", "device", "device-lower",
         "trailing-dot", "long"],
)  # fmt: skip
def test_safe_name(raw: str, expected: str | None) -> None:
    assert safe_name(raw) == expected


def zipped(members: dict[str, bytes]) -> io.BytesIO:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    buffer.seek(0)
    return buffer


def test_zip_bomb_is_refused_and_nothing_kept(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(store_module, "MAX_UNPACKED", 1000)
    bomb = zipped({"a.yaml": b"x" * 600, "b.yaml": b"y" * 600})
    with pytest.raises(RequestError) as caught:
        store.add_upload([("bom.zip", bomb)])
    assert "nội dung giải nén quá lớn" in str(caught.value)
    assert list(store.root.iterdir()) == []


def test_zip_with_too_many_members(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(store_module, "MAX_MEMBERS", 3)
    many = zipped({f"{i}.yaml": b"" for i in range(4)})
    with pytest.raises(RequestError) as caught:
        store.add_upload([("nhieu.zip", many)])
    assert str(caught.value) == "nhieu.zip: tệp .zip có quá nhiều tệp (4; tối đa 3)"


def test_duplicate_names_keep_the_first(store: Store) -> None:
    dataset = store.add_upload([("a/don_vi.yaml", io.BytesIO(b"1")), ("b/don_vi.yaml", io.BytesIO(b"2"))])
    assert (dataset.inputs / "don_vi.yaml").read_bytes() == b"1"
    assert dataset.notices == ["b/don_vi.yaml: bỏ qua vì trùng tên với tệp don_vi.yaml đã nhận"]


def test_excel_lock_files_are_skipped(store: Store) -> None:
    dataset = store.add_upload([("~$nhiem_vu.xlsx", io.BytesIO(b"x")), ("don_vi.yaml", io.BytesIO(b"x"))])
    assert dataset.files() == ["don_vi.yaml"]


def test_close_deletes_every_upload(tmp_path: Path) -> None:
    store = Store(tmp_path / "server")
    store.add_upload([("don_vi.yaml", io.BytesIO(b"x"))])
    store.close()
    assert not (tmp_path / "server").exists()


def test_problem_lines_of_uploads_name_the_file_alone(store: Store) -> None:
    dataset = store.add_upload([("don_vi.yaml", io.BytesIO(b"x"))])
    lines = [f"{dataset.inputs / 'don_vi.yaml'}:3 (don_vi.ten): thiếu giá trị bắt buộc"]
    assert dataset.shown(lines) == ["don_vi.yaml:3 (don_vi.ten): thiếu giá trị bắt buộc"]


def test_problem_lines_name_the_upload_folder_in_words(store: Store) -> None:
    dataset = store.add_upload([("don_vi.yaml", io.BytesIO(b"x"))])
    lines = [f'{dataset.inputs}: không tìm thấy phần "ke_hoach:" trong các tệp YAML đầu vào']
    assert dataset.shown(lines) == [
        'các tệp đã tải lên: không tìm thấy phần "ke_hoach:" trong các tệp YAML đầu vào'
    ]
