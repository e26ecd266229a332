"""The server's folder: upload names reduced to plain file names, ZIPs unpacked within limits."""

from __future__ import annotations

import errno
import io
import zipfile
from pathlib import Path

import pytest

from generator.web import uploads as store_module
from generator.web.store import Store
from generator.web.uploads import RequestError, safe_name


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
        ("COM¹.yaml", "_COM¹.yaml"),
        ("LPT¹.xlsx", "_LPT¹.xlsx"),
        ("com³.yaml", "_com³.yaml"),
        ("COM1 .yaml", "_COM1 .yaml"),
        ("NUL. .yaml", "_NUL. .yaml"),
        ("ＣＯＮ.yaml", "_ＣＯＮ.yaml"),
        ("COM0.yaml", "_COM0.yaml"),
        ("COM10.yaml", "COM10.yaml"),
        ("CONSOLE.yaml", "CONSOLE.yaml"),
        ("ten. ", "ten"),
        ("a" * 300 + ".xlsx", "a" * 115 + ".xlsx"),
        ("ệ" * 84 + ".yaml", "ệ" * 58 + ".yaml"),
        ("ệ" * 84, "ệ" * 60),
    ],
    ids=["plain", "vietnamese", "nfd-to-nfc", "traversal", "windows-traversal", "windows-path", "dots",
         "three-dots", "empty", "slash", "hidden", "control", "reserved-chars", "device", "device-lower",
         "device-superscript", "device-superscript-xlsx", "device-superscript-3", "device-space-before-dot",
         "device-dot-space", "fullwidth-renamed-too", "device-zero", "not-device-10", "not-device-prefix",
         "trailing-dot", "long", "long-in-bytes", "long-in-bytes-no-suffix"],
)  # fmt: skip
def test_safe_name(raw: str, expected: str | None) -> None:
    name = safe_name(raw)
    assert name == expected
    assert name is None or len(name.encode("utf-8")) <= store_module.NAME_BYTES


def test_a_name_too_long_for_the_disk_is_saved_shortened(store: Store) -> None:
    raw = "Kế hoạch cải cách hành chính " + "ệ" * 84 + ".yaml"  # over 255 bytes in UTF-8
    dataset = store.add_upload([(raw, io.BytesIO(b"don_vi: {}\n"))])
    (saved,) = dataset.files()
    assert saved.startswith("Kế hoạch cải cách hành chính ệệệ")
    assert saved.endswith(".yaml")
    assert len(saved.encode("utf-8")) <= 180


def test_a_failed_write_leaves_no_data_set(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    def full(self: Path, data: bytes) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(Path, "write_bytes", full)
    with pytest.raises(RequestError) as caught:
        store.add_upload([("don_vi.yaml", io.BytesIO(b"x"))])
    assert str(caught.value) == "don_vi.yaml: không lưu được tệp tải lên (ổ đĩa của máy đã đầy)"
    assert list(store.root.iterdir()) == []


def test_an_unexpected_failure_leaves_no_data_set(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object) -> None:
        raise RuntimeError("bug")

    monkeypatch.setattr(store_module, "save", broken)
    with pytest.raises(RuntimeError):
        store.add_upload([("don_vi.yaml", io.BytesIO(b"x"))])
    assert list(store.root.iterdir()) == []


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
    assert dataset.refused == [
        "b/don_vi.yaml: trùng tên với tệp don_vi.yaml đã nhận; để thay tệp đó, dùng nút “Thay” cạnh don_vi.yaml "
        "ở mục “Các tệp”"
    ]


def test_excel_lock_files_are_skipped(store: Store) -> None:
    dataset = store.add_upload([("~$nhiem_vu.xlsx", io.BytesIO(b"x")), ("don_vi.yaml", io.BytesIO(b"x"))])
    assert dataset.files() == ["don_vi.yaml"]
    assert dataset.refused == [
        "~$nhiem_vu.xlsx: tệp tạm Word/Excel tạo khi đang mở một tệp (~$…), không phải dữ liệu"
    ]


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
