"""A regular install (a wheel) carries everything cchc reads at run time, not only the code."""

from __future__ import annotations

import subprocess
import sys
import zipfile

import pytest

from generator.render.bundled import SOURCE_TEMPLATES, template
from tests.conftest import ROOT


def test_templates_come_from_the_checkout_here() -> None:
    assert template("ke_hoach.docx") == SOURCE_TEMPLATES / "ke_hoach.docx"


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> zipfile.ZipFile:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "--wheel-dir", str(out), str(ROOT)],
        check=True,
        capture_output=True,
    )
    (built,) = out.glob("cchc-*.whl")
    return zipfile.ZipFile(built)


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
    assert not any(n.startswith(("tests/", "inputs/", "bench/")) for n in names)
