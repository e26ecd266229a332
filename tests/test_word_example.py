"""The example `make demo` uses is Word and Excel; it makes the very documents the YAML example makes.

inputs/loc_thuy (ke_hoach.docx, ke_hoach.xlsx, bao_cao_q1_2022.docx, tien_do_q1_2022.xlsx)
and inputs/loc_thuy_yaml describe the same plan and report: every part of the documents
written from them is byte for byte the same, so the document tests, which read the YAML
copy, hold for the demo too.
"""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import docx
import openpyxl
import pytest

from tests.conftest import EXAMPLE, ROOT, WORD_EXAMPLE, run_cli, unexpected_warnings


def parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


@pytest.mark.parametrize(
    "command",
    [
        ("plan",),
        ("report", "--period", "Q1", "--year", "2022"),
        ("report", "--period", "NAM", "--year", "2022"),
    ],
    ids=["plan", "report-q1", "report-nam"],
)
def test_word_example_makes_the_same_document_as_the_yaml_example(
    tmp_path: Path, command: tuple[str, ...]
) -> None:
    made = {}
    for name, folder in (("word", WORD_EXAMPLE), ("yaml", EXAMPLE)):
        result = run_cli(*command, folder, "--out", tmp_path / name)
        assert result.exit_code == 0, result.stderr
        assert unexpected_warnings(result.stderr) == []  # the seed's early deadlines only
        (made[name],) = (tmp_path / name).glob("*.docx")
    word, yaml = parts(made["word"]), parts(made["yaml"])
    assert len(word["word/document.xml"]) > 20_000
    assert word.keys() == yaml.keys()
    assert [name for name in word if word[name] != yaml[name]] == []


def test_word_example_holds_no_yaml() -> None:
    names = sorted(p.name for p in WORD_EXAMPLE.iterdir())
    assert names == [
        "bao_cao_nam_2022.docx", "bao_cao_q1_2022.docx", "ke_hoach.docx", "ke_hoach.xlsx", "tien_do_nam_2022.xlsx",
        "tien_do_q1_2022.xlsx",
    ]  # fmt: skip
    words = docx.Document(str(WORD_EXAMPLE / "ke_hoach.docx"))
    headings = [
        p.text for p in words.paragraphs if p.style is not None and p.style.name.startswith("Heading")
    ]
    assert headings[:3] == ["I. MỤC TIÊU, YÊU CẦU", "1. Mục tiêu", "2. Yêu cầu"]
    book = openpyxl.load_workbook(WORD_EXAMPLE / "ke_hoach.xlsx")
    assert book.sheetnames[:4] == ["Đơn vị", "Kế hoạch", "Chỉ tiêu", "Nhiệm vụ"]
    targets = [row for row in book["Chỉ tiêu"].iter_rows(min_row=2, values_only=True) if row[0]]
    assert ("ty_le_dung_han", ">", 98) in {tuple(row[1:4]) for row in targets}


def test_a_warm_run_on_the_word_example_imports_no_document_machinery(tmp_path: Path) -> None:
    """The Word words are cached by content like workbooks: no python-docx on the second run."""
    code = (
        "import sys\n"
        "from generator.cli import main\n"
        "try:\n    main(sys.argv[1:])\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in ('docxtpl', 'docx', 'openpyxl') if m in sys.modules))"
    )
    env = {**os.environ, "CCHC_CACHE_DIR": str(tmp_path / "cache")}
    args = [sys.executable, "-c", code, "plan", str(WORD_EXAMPLE), "-o", str(tmp_path / "out")]
    cold = subprocess.run(args, capture_output=True, text=True, env=env, cwd=ROOT, check=True)
    warm = subprocess.run(args, capture_output=True, text=True, env=env, cwd=ROOT, check=True)
    assert cold.stdout.splitlines()[-1] == "['docx']"  # python-docx reads the Word words; nothing else
    assert warm.stdout.splitlines()[-1] == "[]"
    assert (tmp_path / "cache" / "words").is_dir()


def test_batch_finds_units_kept_in_word_and_excel(tmp_path: Path) -> None:
    import shutil

    for unit in ("xa_a", "xa_b"):
        shutil.copytree(WORD_EXAMPLE, tmp_path / "cac_xa" / unit)
    result = run_cli("batch", tmp_path / "cac_xa", "--out", tmp_path / "out")
    assert result.exit_code == 0, result.output
    assert "Tổng kết: đã ghi 6 văn bản, lỗi 0." in result.output  # a plan and two reports each
    assert (tmp_path / "out" / "tong_hop_cchc_q1_2022.docx").is_file()
    assert (tmp_path / "out" / "tong_hop_cchc_nam_2022.docx").is_file()
