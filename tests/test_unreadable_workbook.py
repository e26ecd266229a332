"""A workbook that cannot be read: its real reason first, and alone where the rest follows from it.

For a damaged, password-protected or bomb ke_hoach.xlsx the CLI's first line said the "Đơn vị"
sheet was missing and the reason came third; the page called the file "không nhận ra nội dung"
and showed the password only after composing.
"""

from __future__ import annotations

import io
import shutil
import struct
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from flask.testing import FlaskClient

from tests.conftest import WORD_EXAMPLE, run_cli
from tests.web_support import text_of, upload

BOOK = "ke_hoach.xlsx"


def password(original: bytes) -> bytes:
    """What Excel writes for a workbook with a password: an OLE2 file with an EncryptedPackage."""
    header = bytearray(512)
    header[0:8] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    struct.pack_into("<HHHHH", header, 24, 0x3E, 3, 0xFFFE, 9, 6)
    return bytes(header) + "EncryptedPackage".encode("utf-16-le") + bytes(1024)


def damaged(original: bytes) -> bytes:
    return original[: len(original) // 2]


def bomb(original: bytes) -> bytes:
    """The workbook with its first sheet swapped for 4 MB of spaces, which deflate 1,000 times."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(original)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for name in source.namelist():
            data = source.read(name)
            target.writestr(name, b" " * 4 * 2**20 if name == "xl/worksheets/sheet1.xml" else data)
    return out.getvalue()


CASES: dict[str, tuple[Callable[[bytes], bytes], str]] = {
    "password": (password, "tệp Excel có mật khẩu: hãy bỏ mật khẩu rồi lưu lại"),
    "damaged": (damaged, "không phải tệp Excel .xlsx hợp lệ"),
    "bomb": (bomb, "phần xl/worksheets/sheet1.xml nén quá 200 lần"),
}


@pytest.fixture(params=sorted(CASES))
def broken(request: pytest.FixtureRequest, tmp_path: Path) -> tuple[Path, str]:
    """The Word example folder with its workbook made unreadable; the reason expected."""
    folder = tmp_path / "loc_thuy"
    shutil.copytree(WORD_EXAMPLE, folder)
    make, reason = CASES[request.param]
    (folder / BOOK).write_bytes(make((folder / BOOK).read_bytes()))
    return folder, reason


def test_the_cli_gives_the_real_reason_alone(broken: tuple[Path, str], tmp_path: Path) -> None:
    folder, reason = broken
    result = run_cli("plan", folder, "--out", tmp_path / "out")
    assert result.exit_code == 1
    lines = [line for line in result.stderr.splitlines() if line.startswith("Lỗi:")]
    assert len(lines) == 1, lines
    assert lines[0].startswith(f"Lỗi: {folder / BOOK}: {reason}")


def test_a_report_gives_the_real_reason_alone(broken: tuple[Path, str], tmp_path: Path) -> None:
    folder, reason = broken
    result = run_cli("report", "--period", "Q1", "--year", "2022", folder, "--out", tmp_path / "out")
    lines = [line for line in result.stderr.splitlines() if line.startswith("Lỗi:")]
    assert len(lines) == 1, lines
    assert lines[0].startswith(f"Lỗi: {folder / BOOK}: {reason}")


def test_the_page_shows_the_real_reason_before_composing(
    broken: tuple[Path, str], client: FlaskClient
) -> None:
    folder, reason = broken
    files = [(p.name, p.read_bytes()) for p in sorted(folder.iterdir())]
    response = upload(client, files)
    page = text_of(client.get(response.headers["Location"]))
    assert f"{BOOK}: {reason}" in page
    assert "không nhận ra nội dung" not in page
    assert 'cần trang "Đơn vị"' not in page
    assert f"không đọc được: {reason}" in page
