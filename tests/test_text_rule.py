"""One rule for invisible characters, whether the text comes from YAML, Excel or Word.

A zero-width space or a page break is deleted, and the notice says "đã bỏ" (it was); Word's
manual line break (U+000B) is a new line, as it reads in Word. Before, YAML turned all of them
into spaces and still said "đã bỏ", Excel deleted them, and Word kept them.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import docx
import openpyxl

from tests.conftest import WORD_EXAMPLE, run_cli, unexpected_warnings

SHOWN = "Khảo sát mức độ\nhài lòng"
DELETED = "đã bỏ ký tự điều khiển không in được"


def notices(stderr: str) -> list[str]:
    return [
        line.removeprefix("Cảnh báo: ")
        for line in unexpected_warnings(stderr)
        if line.startswith("Cảnh báo:")
    ]


def written_text(folder: Path) -> str:
    (path,) = folder.glob("*.docx")
    document = docx.Document(str(path))
    texts = [p.text for p in document.paragraphs]
    texts += [c.text for t in document.tables for row in t.rows for c in row.cells]
    return "\n".join(texts)


def test_yaml_text(example: Path, tmp_path: Path) -> None:
    path = example / "ke_hoach.yaml"
    text = path.read_text(encoding="utf-8")
    old = "  trich_yeu: Cải cách hành chính xã Lộc Thủy năm 2022"
    assert old in text
    path.write_text(text.replace(old, "  trich_yeu: Khảo sát\u200b mức độ\x0bhài lòng\x0c"), encoding="utf-8")
    result = run_cli("plan", example, "--out", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    assert notices(result.stderr) == [
        f"{path}:9: {DELETED} (ngắt trang)",
        f"{path}:9 (ke_hoach.trich_yeu): {DELETED} (khoảng trắng không độ rộng)",
    ]
    assert SHOWN in written_text(tmp_path / "out")


def test_excel_text(example: Path, tmp_path: Path) -> None:
    path = example / "nhiem_vu.xlsx"
    book = openpyxl.load_workbook(path)
    book["Nhiệm vụ"]["C15"] = "Khảo sát\u200b mức độ_x000B_hài lòng_x000C_"  # how Excel stores U+000B, U+000C
    book.save(path)
    result = run_cli("plan", example, "--out", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    assert notices(result.stderr) == [
        f'{path}, trang "Nhiệm vụ", ô C15: {DELETED} (ngắt trang, khoảng trắng không độ rộng)'
    ]
    assert SHOWN in written_text(tmp_path / "out")


def test_word_text(tmp_path: Path) -> None:
    folder = tmp_path / "loc_thuy"
    shutil.copytree(WORD_EXAMPLE, folder)
    path = folder / "ke_hoach.docx"
    document = docx.Document(str(path))
    number, paragraph = next(
        (i, p) for i, p in enumerate(document.paragraphs, start=1) if p.text.startswith("Thực hiện")
    )
    paragraph.runs[0].text = paragraph.runs[0].text.replace("Thực hiện", "Thực\u200b hiện", 1)
    document.save(str(path))
    result = run_cli("plan", folder, "--out", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    assert notices(result.stderr) == [
        f'{path}, đoạn {number} ("Thực hiện Kế hoạch số 6118/KH-UBND…"): {DELETED} (khoảng trắng không độ rộng)'
    ]
    text = written_text(tmp_path / "out")
    assert "Thực hiện Kế hoạch số 6118/KH-UBND" in text
    assert "\u200b" not in text


def test_a_yaml_line_of_control_characters_alone_is_deleted(example: Path, tmp_path: Path) -> None:
    """A stand-in for the line break there would be read as a value: the line is left empty."""
    path = example / "ke_hoach.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("  trich_yeu:", "\x0b\x0c\n  trich_yeu:", 1), encoding="utf-8")
    result = run_cli("plan", example, "--out", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    assert notices(result.stderr) == [f"{path}:9: {DELETED} (ngắt dòng, ngắt trang)"]
