"""Rewriting values in the user's YAML (rollover): only the changed values' lines change."""

from __future__ import annotations

import difflib
from typing import Any

import pytest
import yaml

from generator.errors import Problems
from generator.inputs.formats.yaml_file import load_yaml
from generator.workflows.yaml_edit import YamlEditError, rewrite
from tests.conftest import EXAMPLE


def next_year(key: str, value: Any) -> Any:
    return value.replace("2022", "2023") if isinstance(value, str) else value


def changed_lines(before: str, after: str) -> list[tuple[str, str]]:
    """The (old, new) line pairs that differ; fails unless only lines were replaced one for one."""
    old, new = before.splitlines(), after.splitlines()
    pairs: list[tuple[str, str]] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=old, b=new, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        assert (tag, i2 - i1) == ("replace", j2 - j1), (old[i1:i2], new[j1:j2])
        pairs += zip(old[i1:i2], new[j1:j2], strict=True)
    return pairs


MIXED = """\
# Kế hoạch — comment above the document start
---
ke_hoach:   # trailing comment
  nam: 2022
  so: '05'                    # số
  trich_yeu: "Cải cách hành chính năm 2022"
  tieu_de: Kế hoạch năm 2022
  ghi_chu: giữ nguyên
  danh_sach: [năm 2022, "khác", 3]

  # a comment between keys, after a blank line
  noi_dung:
    - |
      Dòng một năm 2022
      Dòng hai

    - >-
      gấp dòng
      năm 2022
    - tieu_de: 'It''s năm 2022'
      con:
        - a
        - b   # bình luận
...
# after the end marker
"""


def test_only_the_changed_values_lines_change() -> None:
    after = rewrite(MIXED, next_year)

    assert changed_lines(MIXED, after) == [
        ('  trich_yeu: "Cải cách hành chính năm 2022"', '  trich_yeu: "Cải cách hành chính năm 2023"'),
        ("  tieu_de: Kế hoạch năm 2022", "  tieu_de: Kế hoạch năm 2023"),
        ('  danh_sach: [năm 2022, "khác", 3]', '  danh_sach: [năm 2023, "khác", 3]'),
        ("      Dòng một năm 2022", "      Dòng một năm 2023"),
        ("      năm 2022", "      năm 2023"),
        ("    - tieu_de: 'It''s năm 2022'", "    - tieu_de: 'It''s năm 2023'"),
    ]
    assert yaml.safe_load(after)["ke_hoach"]["noi_dung"][1] == "gấp dòng năm 2023"


def test_a_file_without_changes_comes_back_byte_for_byte() -> None:
    text = 'a:   1   # c\nb: ~\nc: True\nd: "x\\u00e0"\n'
    assert rewrite(text, lambda key, value: value) == text


def test_key_paths_are_the_readers() -> None:
    seen: list[str] = []

    def record(key: str, value: Any) -> Any:
        seen.append(key)
        return value

    rewrite((EXAMPLE / "ke_hoach.yaml").read_text(encoding="utf-8"), record)
    document = load_yaml(EXAMPLE / "ke_hoach.yaml", Problems())

    assert document is not None
    assert set(seen) <= set(document.lines)
    assert "ke_hoach.noi_dung[2].tieu_de" in seen
    assert "ke_hoach.noi_dung[2].noi_dung[1].noi_dung[1].noi_dung[1].chi_tieu[1].muc" in seen
    assert "ke_hoach.noi_dung[1]" not in seen  # a mapping is walked, not handed to change


def test_values_arrive_as_the_reader_types_them() -> None:
    seen: dict[str, Any] = {}

    def record(key: str, value: Any) -> Any:
        seen[key] = value
        return value

    rewrite("a: 2022\nb: '05'\nc: |\n  x\nd: 1.5\ne: true\nf: 07/01/2022\n", record)
    assert [(key, type(value)) for key, value in seen.items()] == [
        ("a", int), ("b", str), ("c", str), ("d", float), ("e", bool), ("f", str)
    ]  # fmt: skip


def test_a_changed_block_stays_a_block_with_its_comment() -> None:
    text = "mo_dau: |-  # căn cứ\n  Dòng năm 2022\n  Dòng hai\ncuoi: x\n"
    after = rewrite(text, next_year)
    assert after == "mo_dau: |-  # căn cứ\n  Dòng năm 2023\n  Dòng hai\ncuoi: x\n"


def test_an_anchored_value_is_changed_once_and_stays_shared() -> None:
    text = (
        "chung: &chung Thực hiện năm 2022\n"
        "mot: *chung\n"
        "hai: *chung\n"
        "nhom: &nhom\n"
        "  tieu_de: Nhóm năm 2022\n"
        "ban_sao: *nhom\n"
    )
    calls: list[str] = []

    def change(key: str, value: Any) -> Any:
        calls.append(key)
        return next_year(key, value)

    after = rewrite(text, change)

    assert calls == ["chung", "nhom.tieu_de"]
    assert changed_lines(text, after) == [
        ("chung: &chung Thực hiện năm 2022", "chung: &chung Thực hiện năm 2023"),
        ("  tieu_de: Nhóm năm 2022", "  tieu_de: Nhóm năm 2023"),
    ]
    data = yaml.safe_load(after)
    assert data["mot"] == data["hai"] == "Thực hiện năm 2023"
    assert data["ban_sao"] == {"tieu_de": "Nhóm năm 2023"}


def test_a_merge_key_is_not_expanded() -> None:
    text = "goc: &goc\n  a: năm 2022\nmoi:\n  <<: *goc\n  b: năm 2022\n"
    after = rewrite(text, next_year)
    assert after == "goc: &goc\n  a: năm 2023\nmoi:\n  <<: *goc\n  b: năm 2023\n"


def test_vietnamese_stays_readable_and_long_lines_are_not_wrapped() -> None:
    long = "Nội dung rất dài năm 2022 " * 40
    text = f"a: {long.strip()}\nb: thường\n"

    after = rewrite(text, lambda key, value: "Kế hoạch: năm 2023" if key == "b" else next_year(key, value))

    assert after == f'a: {long.strip().replace("2022", "2023")}\nb: "Kế hoạch: năm 2023"\n'
    assert "\\u" not in after


def test_a_new_text_is_quoted_when_the_reader_would_read_it_otherwise() -> None:
    after = rewrite("a: x\nb: y\nc: z\n", lambda key, value: {"a": "yes", "b": "", "c": "2023"}[key])
    assert yaml.safe_load(after) == {"a": "yes", "b": "", "c": "2023"}


def test_indentation_follows_the_file() -> None:
    text = "a:\n    b:\n    - năm 2022\n    - x\n"
    assert rewrite(text, next_year) == "a:\n    b:\n    - năm 2023\n    - x\n"


@pytest.mark.parametrize(
    ("text", "line"), [("a: 1\nb:\t2022\n", 2), ("# c\n---\na: 1\nb:\t2022\n", 4)], ids=["tab", "after-start"]
)
def test_a_tab_the_reader_let_pass_is_named_with_its_line(text: str, line: int) -> None:
    with pytest.raises(YamlEditError) as caught:
        rewrite(text, next_year)
    assert (str(caught.value), caught.value.line) == ("có ký tự Tab; YAML chỉ dùng dấu cách", line)
