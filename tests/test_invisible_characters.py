"""Direction overrides, isolates and zero-width characters never reach a document.

U+202E (right-to-left override) and U+2066 (left-to-right isolate) in a unit's name made the
signed document read differently from what was typed, while the notice said control characters
were removed. They are removed at the readers, as zero-width spaces are, and once more from every
value the template prints, whatever gave it. Each check opens the document's parts as XML.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import openpyxl
import pytest

from generator.render.engine import PreparedTemplate, Properties
from tests.conftest import run_cli
from tests.test_render import make_template

SIGNS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200b\u200e\u200f\u061c\u2060\ufeff"
INVISIBLE = re.compile(f"[{SIGNS}]")


def parts(docx: bytes | Path) -> dict[str, str]:
    """The text of each XML part of a .docx, by part name."""
    with zipfile.ZipFile(io.BytesIO(docx) if isinstance(docx, bytes) else docx) as package:
        return {
            name: package.read(name).decode("utf-8") for name in package.namelist() if name.endswith(".xml")
        }


def hidden(docx: bytes | Path) -> dict[str, list[str]]:
    """The invisible characters in each XML part of a .docx, by part name."""
    found = {name: INVISIBLE.findall(text) for name, text in parts(docx).items()}
    return {name: [f"U+{ord(c):04X}" for c in signs] for name, signs in found.items() if signs}


def plan_of(folder: Path, out: Path) -> tuple[Path, list[str]]:
    result = run_cli("plan", folder, "--out", out)
    assert result.exit_code == 0, result.stderr
    (path,) = out.glob("*.docx")
    return path, result.stderr.splitlines()


def test_a_unit_name_with_direction_overrides_is_written_without_them(example: Path, tmp_path: Path) -> None:
    path = example / "don_vi.yaml"
    text = path.read_text(encoding="utf-8")
    assert "    - XÃ LỘC THỦY\n" in text
    path.write_text(text.replace("    - XÃ LỘC THỦY\n", "    - XÃ \u202eYỦHT\u202c \u2066LỘC\u2069 THỦY\n"))
    document, notices = plan_of(example, tmp_path / "out")
    assert hidden(document) == {}
    assert "XÃ YỦHT LỘC THỦY" in parts(document)["word/document.xml"]
    assert [line for line in notices if "ký tự đổi chiều chữ U+202C, ký tự đổi chiều chữ U+202E" in line]


@pytest.mark.parametrize("sign", list(SIGNS), ids=[f"U+{ord(c):04X}" for c in SIGNS])
def test_an_excel_task_text_loses_each_invisible_character(example: Path, tmp_path: Path, sign: str) -> None:
    path = example / "nhiem_vu.xlsx"
    book = openpyxl.load_workbook(path)
    book["Nhiệm vụ"]["C15"] = f"Khảo sát{sign} mức độ hài lòng"
    book.save(path)
    document, notices = plan_of(example, tmp_path / "out")
    assert hidden(document) == {}
    assert "Khảo sát mức độ hài lòng" in parts(document)["word/document.xml"]
    assert [line for line in notices if "ô C15: đã bỏ ký tự điều khiển" in line]


def test_a_value_given_by_a_caller_is_printed_without_invisible_characters(tmp_path: Path) -> None:
    template = make_template(tmp_path / "t.docx", "Kính gửi: {{ noi }}", header="{{ noi }}")
    value = f"UBND{SIGNS}huyện"
    data = PreparedTemplate(template).render({"noi": value}, Properties(title=value))
    assert hidden(data) == {}
    assert "Kính gửi: UBNDhuyện" in parts(data)["word/document.xml"]
