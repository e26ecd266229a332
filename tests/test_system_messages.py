"""What the system says about files (and YAML's parser about syntax) reaches people in Vietnamese.

"(File exists)", "(Read-only file system)", "(found a tab character that violates indentation)"
are English text a commune office cannot act on; the original words are kept only as a detail
when cchc has no Vietnamese for them.
"""

from __future__ import annotations

import errno
import os
import re
from pathlib import Path

import pytest

from generator.errors import Problems, os_reason
from generator.inputs.formats.yaml_file import load_yaml
from tests.conftest import run_cli

# Words of the system's and PyYAML's English messages; none may reach a person.
ENGLISH = re.compile(
    r"\b(?:File exists|No such file|Read-only|Permission denied|Is a directory|Not a directory|found|expected|"
    r"violates|indentation|character)\b",
    re.IGNORECASE,
)


@pytest.mark.parametrize(
    ("code", "reason"),
    [
        (errno.ENOENT, "không có tệp hoặc thư mục này"),
        (errno.EEXIST, "đã có một tệp trùng tên ở đó"),
        (errno.EROFS, "ổ đĩa hoặc thư mục chỉ cho đọc, không cho ghi"),
        (errno.EACCES, "không có quyền đọc hoặc ghi"),
        (errno.ENOSPC, "ổ đĩa đã đầy"),
        (errno.EISDIR, "đó là một thư mục, không phải tệp"),
        (errno.EADDRINUSE, "cổng đã có chương trình khác dùng"),
    ],
)
def test_known_reasons_are_vietnamese(code: int, reason: str) -> None:
    assert os_reason(OSError(code, os.strerror(code))) == reason


def test_an_unknown_reason_keeps_the_systems_words_as_a_detail() -> None:
    assert os_reason(OSError(errno.EPROTO, "Protocol error")) == "lỗi hệ thống EPROTO: Protocol error"
    assert os_reason(OSError("no code at all")) == "lỗi hệ thống: no code at all"


def test_an_output_path_that_is_a_file(example: Path, tmp_path: Path) -> None:
    taken = tmp_path / "ket_qua"
    taken.write_text("không phải thư mục", encoding="utf-8")
    result = run_cli("plan", example, "--out", taken)
    assert result.exit_code == 1
    assert result.stderr == f"Lỗi: {taken}: không tạo được thư mục đầu ra (đã có một tệp trùng tên ở đó)\n"


def test_an_output_folder_under_a_file(example: Path, tmp_path: Path) -> None:
    (tmp_path / "tep").write_text("x", encoding="utf-8")
    out = tmp_path / "tep" / "ra"
    result = run_cli("plan", example, "--out", out)
    assert result.exit_code == 1
    assert result.stderr == (
        f"Lỗi: {out}: không tạo được thư mục đầu ra (một phần của đường dẫn là tệp, không phải thư mục)\n"
    )


def test_a_folder_given_as_template(example: Path, tmp_path: Path) -> None:
    folder = tmp_path / "mau.docx"
    folder.mkdir()
    result = run_cli("plan", example, "--template", folder, "--out", tmp_path / "out")
    assert result.exit_code == 1
    assert result.stderr == f"Lỗi: {folder}: không đọc được tệp mẫu (đó là một thư mục, không phải tệp)\n"


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("a:\n  b: 1\n\t c: 2\n", 3, "có ký tự Tab; YAML chỉ dùng dấu cách để thụt lề"),
        ("a: |\n  x\n\ty\n", 3, "có ký tự Tab; YAML chỉ dùng dấu cách để thụt lề"),
        ("a: 1\n\tb: 2\n", 2, "có ký tự Tab; YAML chỉ dùng dấu cách để thụt lề"),
        (
            "a: b\n---\nc: d\n...\nx: y\n",
            2,
            "có dòng '---' hoặc '...' giữa tệp: mỗi tệp chỉ chứa một tài liệu YAML",
        ),
        ('a: "C:\\q"\n', 1, "trong ngoặc kép có dấu \\ không hợp lệ (viết \\\\, hoặc dùng ngoặc đơn ')"),
        ("a: |0\n x\n", 1, "số chỉ thụt lề sau | hoặc > phải từ 1 đến 9"),
    ],
    ids=[
        "tab-in-mapping",
        "tab-in-block-text",
        "tab-before-key",
        "two-documents",
        "backslash",
        "indent-zero",
    ],
)
def test_yaml_syntax_is_explained_in_vietnamese(tmp_path: Path, text: str, line: int, message: str) -> None:
    path = tmp_path / "ke_hoach.yaml"
    path.write_text(text, encoding="utf-8")
    problems = Problems()
    assert load_yaml(path, problems) is None
    assert [str(p) for p in problems.items] == [f"{path}:{line}: YAML sai cú pháp: {message}"]
    assert ENGLISH.search(problems.items[0].message) is None
