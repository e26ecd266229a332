"""`cchc import` converts .odt and .rtf plans with LibreOffice, as the README and --help say.

They were refused as "không phải tệp Word .docx" by the .docx check that ran before converting.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.test_import import PLAN, assert_whole_seed, convert, import_and_plan, soffice  # noqa: F401


@pytest.mark.libreoffice
@pytest.mark.parametrize("target", ["odt", "rtf"])
def test_an_odt_or_rtf_plan_is_converted_first(
    soffice: str,  # noqa: F811  (a fixture)
    plan_docx: Path,
    tmp_path: Path,
    target: str,
) -> None:
    source = convert(soffice, plan_docx, target, tmp_path / "lo")
    imported, document = import_and_plan(source, tmp_path)
    assert "Đã lấy 93 đoạn văn, 30 dòng phụ lục" in imported.output
    assert_whole_seed(document)
    assert (tmp_path / "out" / PLAN).is_file()


def test_an_odt_bomb_is_still_refused_before_libreoffice(tmp_path: Path) -> None:
    import zipfile

    from tests.conftest import run_cli

    bomb = tmp_path / "kh.odt"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("content.xml", b" " * 4 * 2**20)
    result = run_cli("import", bomb, "--out", tmp_path / "x")
    assert result.exit_code == 1
    assert "(có thể là tệp độc hại); cchc không mở" in result.stderr
