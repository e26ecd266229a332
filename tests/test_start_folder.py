"""``cchc`` alone opens the page on a working folder in the user's documents, made the first time
(#26 "Also"); ``cchc serve FOLDER`` is unchanged. No server or browser is started here."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import platformdirs
import pytest
from flask.testing import FlaskClient

from generator.errors import OutputError
from generator.workflows.launcher import OTHERS, WINDOWS
from generator.workflows.start_folder import default_folder, prepare
from tests.conftest import WORD_EXAMPLE, run_cli
from tests.web_support import problem_lines, text_of

BLANK_SET = sorted(["bao_cao.docx", "ke_hoach.docx", "ke_hoach.xlsx", "tien_do.xlsx", OTHERS, WINDOWS])


@pytest.fixture
def documents(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The user's documents folder, as platformdirs gives it, in the test's own folder."""
    folder = tmp_path / "Tài liệu"
    folder.mkdir()
    monkeypatch.setattr(platformdirs, "user_documents_dir", lambda: str(folder))
    return folder


@pytest.fixture
def served(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    """What ``cchc serve`` would run the page with, instead of running it."""
    calls: list[dict[str, Any]] = []
    monkeypatch.setattr("generator.web.server.run", lambda *args, **options: calls.append(options))
    return calls


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the XDG documents folder")
def test_the_default_folder_is_cchc_in_the_users_documents(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))  # no user-dirs.dirs: ~/Documents
    assert default_folder() == tmp_path / "Documents" / "cchc"


def test_the_default_folder_follows_the_platforms_documents_folder(documents: Path) -> None:
    assert default_folder() == documents / "cchc"


def test_cchc_alone_makes_the_folder_and_opens_the_page_on_it(
    documents: Path, served: list[dict[str, Any]], client: FlaskClient
) -> None:
    folder = documents / "cchc"
    result = run_cli()
    assert result.exit_code == 0, result.stderr
    assert sorted(p.name for p in folder.iterdir()) == BLANK_SET
    assert result.output.splitlines() == [
        *(
            f"Đã tạo: {folder / name}"
            for name in ["ke_hoach.docx", "ke_hoach.xlsx", "bao_cao.docx", "tien_do.xlsx"]
        ),
        *(f"Đã tạo: {folder / name}" for name in [WINDOWS, OTHERS]),
        f"Mở trang cchc với thư mục làm việc {folder} (gõ cchc --help để xem các lệnh).",
    ]
    assert [call["folder"] for call in served] == [folder]
    page = client.post("/thu-muc", data={"thu_muc": str(folder)}).headers["Location"]
    shown = text_of(client.get(page))
    assert problem_lines(shown) == []  # "chưa điền", not wrong: the page's two ways in
    assert "<h3>Đã có kế hoạch năm trước bằng Word?</h3>" in shown
    assert "<h3>Điền từ đầu</h3>" in shown


def test_a_second_start_keeps_the_folder_as_it_is(documents: Path, served: list[dict[str, Any]]) -> None:
    folder = documents / "cchc"
    assert run_cli().exit_code == 0
    (folder / "ke_hoach.xlsx").write_bytes((WORD_EXAMPLE / "ke_hoach.xlsx").read_bytes())
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    result = run_cli()
    assert result.exit_code == 0, result.stderr
    assert "Đã tạo" not in result.output
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before
    assert [call["folder"] for call in served] == [folder, folder]


@pytest.mark.parametrize(
    "present",
    [["ke_hoach.docx"], ["tien_do_q1_2026.xlsx"], ["don_vi.yaml"], ["nhiem_vu.ods"]],
    ids=["words", "a-periods-workbook", "yaml", "ods"],
)
def test_a_folder_with_any_data_is_given_nothing(tmp_path: Path, present: list[str]) -> None:
    for name in present:
        (tmp_path / name).write_bytes(b"du lieu")
    assert prepare(tmp_path, 2026) == []
    assert sorted(p.name for p in tmp_path.iterdir()) == present


def test_a_folder_with_other_files_only_gets_the_blank_set(tmp_path: Path) -> None:
    (tmp_path / "ghi_chu.txt").write_text("việc cần làm", encoding="utf-8")
    (tmp_path / "~$ke_hoach.docx").write_bytes(b"")  # Word's lock file is not data
    written = prepare(tmp_path, 2026)
    assert sorted(p.name for p in written) == BLANK_SET
    assert (tmp_path / "ghi_chu.txt").read_text(encoding="utf-8") == "việc cần làm"


def test_a_file_in_the_folders_place_is_refused(tmp_path: Path) -> None:
    (tmp_path / "cchc").write_text("", encoding="utf-8")
    with pytest.raises(OutputError, match="đã có một tệp cùng tên, không phải thư mục"):
        prepare(tmp_path / "cchc", 2026)


def test_cchc_alone_still_opens_the_page_when_the_folder_cannot_be_made(
    documents: Path, served: list[dict[str, Any]]
) -> None:
    (documents / "cchc").write_text("", encoding="utf-8")
    result = run_cli()
    assert result.exit_code == 0
    assert result.stderr.splitlines() == [
        f"Cảnh báo: {documents / 'cchc'}: đã có một tệp cùng tên, không phải thư mục; mở trang không kèm "
        "thư mục làm việc."
    ]
    assert [call["folder"] for call in served] == [None]


def test_serve_with_a_folder_is_unchanged(
    documents: Path, served: list[dict[str, Any]], tmp_path: Path
) -> None:
    result = run_cli("serve", "--no-browser", tmp_path)
    assert result.exit_code == 0, result.stderr
    assert result.output == ""
    assert [(call["folder"], call["open_browser"]) for call in served] == [(tmp_path, False)]
    assert not (documents / "cchc").exists()
