"""``yaml_memo.top_level_keys``, which batch uses to find a unit's YAML plan without building it:
bounded like every YAML read, and never a traceback."""

from __future__ import annotations

from pathlib import Path

from generator.inputs.formats.yaml_file import MAX_BYTES
from generator.inputs.formats.yaml_memo import top_level_keys


def test_the_keys_of_a_plan_file(tmp_path: Path) -> None:
    path = tmp_path / "ke_hoach.yaml"
    path.write_text("ke_hoach:\n  nam: 2022\ndon_vi:\n  ten: X\n", encoding="utf-8")
    assert top_level_keys(path, "ke_hoach") == {"ke_hoach", "don_vi"}
    assert top_level_keys(path, "bao_cao") == set()


def test_a_file_over_the_yaml_bound_is_not_parsed(tmp_path: Path) -> None:
    path = tmp_path / "ke_hoach.yaml"
    path.write_text("ke_hoach:\n  ghi_chu: " + "x" * (MAX_BYTES + 10) + "\n", encoding="utf-8")
    assert top_level_keys(path, "ke_hoach") == set()


def test_deep_nesting_is_no_traceback(tmp_path: Path) -> None:
    path = tmp_path / "ke_hoach.yaml"
    path.write_text("ke_hoach: " + "[" * 200_000 + "]" * 200_000 + "\n", encoding="utf-8")
    assert top_level_keys(path, "ke_hoach") == set()
