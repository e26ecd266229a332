"""From 01/7/2025 a commune reports to UBND tỉnh / Sở Nội vụ (docs/local-government-2025.md §3):
for such years `cchc init` fills in the level above and Nơi nhận, and writes no "huyện"
anywhere; for earlier years it leaves them for the unit to fill in.
"""

from __future__ import annotations

from pathlib import Path

import docx
import openpyxl
import pytest
import yaml

from tests.conftest import run_cli


def every_text(folder: Path) -> list[str]:
    """Every piece of text in the files of ``folder``: cells, comments, paragraphs, YAML."""
    texts: list[str] = []
    for path in folder.iterdir():
        if path.suffix == ".xlsx":
            book = openpyxl.load_workbook(path)
            for sheet in book.worksheets:
                for row in sheet.iter_rows():
                    texts += [str(c.value) for c in row if c.value is not None]
                    texts += [c.comment.text for c in row if c.comment is not None]
                texts += [v.formula1 or "" for v in sheet.data_validations.dataValidation]
        elif path.suffix == ".docx":
            texts += [p.text for p in docx.Document(str(path)).paragraphs]
        else:
            texts.append(path.read_text(encoding="utf-8"))
    return texts


def unit_sheet(folder: Path) -> dict[str, object]:
    sheet = openpyxl.load_workbook(folder / "ke_hoach.xlsx")["Đơn vị"]
    return {str(row[0].value).rstrip(" *"): row[1].value for row in sheet.iter_rows(min_row=2)}


@pytest.mark.parametrize("year", [2025, 2026, 2030])
def test_from_the_second_half_of_2025_the_province_is_the_level_above(tmp_path: Path, year: int) -> None:
    folder = tmp_path / "xa"
    assert run_cli("init", folder, "--year", str(year)).exit_code == 0
    values = unit_sheet(folder)
    assert values["Cơ quan cấp trên"] == "UBND tỉnh"
    assert values["Nơi nhận"] == "UBND tỉnh (b/c)\nSở Nội vụ (b/c)"
    assert not [t for t in every_text(folder) if "huyện" in t.casefold()]


def test_the_yaml_folder_too(tmp_path: Path) -> None:
    folder = tmp_path / "xa"
    assert run_cli("init", folder, "--year", "2026", "--yaml").exit_code == 0
    profile = yaml.safe_load((folder / "don_vi.yaml").read_text(encoding="utf-8"))["don_vi"]
    assert profile["cap_tren"] == "UBND tỉnh"
    assert profile["noi_nhan"] == ["UBND tỉnh (b/c)", "Sở Nội vụ (b/c)"]
    assert not [t for t in every_text(folder) if "huyện" in t.casefold()]


@pytest.mark.parametrize("options", [(), ("--yaml",)])
def test_before_the_reform_nothing_is_assumed(tmp_path: Path, options: tuple[str, ...]) -> None:
    folder = tmp_path / "xa"
    assert run_cli("init", folder, "--year", "2024", *options).exit_code == 0
    if options:
        profile = yaml.safe_load((folder / "don_vi.yaml").read_text(encoding="utf-8"))["don_vi"]
        assert (profile["cap_tren"], profile["noi_nhan"]) == ("", [])
    else:
        values = unit_sheet(folder)
        assert (values["Cơ quan cấp trên"], values["Nơi nhận"]) == (None, None)


@pytest.mark.parametrize(
    ("year", "superior", "province", "expected"),
    [
        (2024, "UBND huyện Phú Lộc", "Thừa Thiên Huế", "UBND huyện Phú Lộc"),
        (2025, "UBND huyện Phú Lộc", "", "Sở Nội vụ tỉnh/thành phố …"),
        (2026, "", "Quảng Trị", "Sở Nội vụ tỉnh Quảng Trị"),
        (2026, "", "thành phố Huế", "Sở Nội vụ thành phố Huế"),
    ],
    ids=["district-before-2025", "province-unknown", "province", "city"],
)
def test_a_reports_default_addressee_follows_the_year(
    year: int, superior: str, province: str, expected: str
) -> None:
    """#23 item 14: Kính gửi names the huyện before 2025, Sở Nội vụ of the province after."""
    from generator.domain.areas import default_addressee

    assert default_addressee(year, superior, province) == expected


def test_init_after_2025_prefills_the_reports_addressee(tmp_path: Path) -> None:
    folder = tmp_path / "moi"
    assert run_cli("init", folder, "--year", "2026").exit_code == 0
    book = openpyxl.load_workbook(next(folder.glob("tien_do*.xlsx")))
    items = {row[0]: row[1] for row in book["Báo cáo"].iter_rows(values_only=True)}
    assert items["Kính gửi"] == "Sở Nội vụ tỉnh/thành phố …"
