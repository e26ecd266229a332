"""A regular install (a wheel) carries everything cchc reads at run time, not only the code."""

from __future__ import annotations

import shutil
import sys
import zipfile
from pathlib import Path

import pytest

from generator.render.bundled import SOURCE_TEMPLATES, template
from tests import processes
from tests.conftest import ROOT


def test_templates_come_from_the_checkout_here() -> None:
    assert template("ke_hoach.docx") == SOURCE_TEMPLATES / "ke_hoach.docx"


def tracked_copy(folder: Path) -> Path:
    """The checkout's tracked files, as they are now, copied into ``folder``."""
    listed = processes.run(["git", "-C", str(ROOT), "ls-files", "-z"], timeout=60)
    listed.check_returncode()
    for name in listed.stdout.decode("utf-8").split("\0"):
        if name and (ROOT / name).is_file():  # a file deleted but not yet committed is left out
            (folder / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, folder / name)
    return folder


@pytest.fixture(scope="module")
def checkout_before() -> set[str]:
    return {p.name for p in ROOT.iterdir()}


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory, checkout_before: set[str]) -> zipfile.ZipFile:
    """The wheel pip builds, outside the checkout: a build leaves build/ and *.egg-info behind."""
    source = tracked_copy(tmp_path_factory.mktemp("source"))
    out = tmp_path_factory.mktemp("wheel")
    command = [
        sys.executable,
        "-m",
        "pip",
        "wheel",
        "--no-deps",
        "--quiet",
        "--wheel-dir",
        str(out),
        str(source),
    ]
    built = processes.run(command, timeout=600)
    assert built.returncode == 0, built.stderr.decode("utf-8", "replace")
    (path,) = out.glob("cchc-*.whl")
    return zipfile.ZipFile(path)


def test_building_leaves_the_checkout_as_it_was(wheel: zipfile.ZipFile, checkout_before: set[str]) -> None:
    assert {p.name for p in ROOT.iterdir()} == checkout_before


def test_wheel_carries_templates_skeletons_and_pages(wheel: zipfile.ZipFile) -> None:
    names = set(wheel.namelist())
    for docx_name in ("ke_hoach.docx", "bao_cao_quy.docx", "tong_hop.docx"):
        assert f"generator/bundled_templates/{docx_name}" in names
        assert (
            wheel.read(f"generator/bundled_templates/{docx_name}")
            == (SOURCE_TEMPLATES / docx_name).read_bytes()
        )
    assert {
        "generator/workflows/skeletons/don_vi.yaml",
        "generator/workflows/skeletons/ke_hoach.yaml",
    } <= names
    assert "generator/web/templates/index.html" in names
    assert "generator/py.typed" in names  # callers' type checkers read cchc's types (PEP 561)
    for name in ("ke_hoach.docx", "ke_hoach.xlsx", "bao_cao_q1_2022.docx", "tien_do_q1_2022.xlsx"):
        assert f"generator/example_data/{name}" in names  # the page's "Dùng dữ liệu ví dụ"
    assert not any(n.startswith(("tests/", "inputs/", "bench/")) for n in names)
