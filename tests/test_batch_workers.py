"""`cchc batch --jobs N` (#27): the units shared among worker processes give a serial run's
documents byte for byte, its names, its messages in its order; one unit's failure stays its own."""

from __future__ import annotations

import os
import shutil
import zipfile
from dataclasses import dataclass
from pathlib import Path

import openpyxl
from click.testing import CliRunner, Result

from generator.cli import cli
from generator.workflows import batch_pool
from tests.conftest import WORD_EXAMPLE


def word_unit(folder: Path, name: str, *, break_it: bool = False) -> None:
    """The Word + Excel example as unit ``name``: a task of its own; the unit's name stays the
    example's, so the units' documents share one name and get _2, _3 in the batch's order."""
    target = folder / name
    shutil.copytree(WORD_EXAMPLE, target, ignore=shutil.ignore_patterns("*_nam_2022.*"))
    book = openpyxl.load_workbook(target / "ke_hoach.xlsx")
    book["Nhiệm vụ"]["C3"] = f"Nhiệm vụ riêng của {name}"
    book.save(target / "ke_hoach.xlsx")
    if break_it:
        book = openpyxl.load_workbook(target / "tien_do_q1_2022.xlsx")
        book["TTHC"]["B2"] = "nhiều"
        book.save(target / "tien_do_q1_2022.xlsx")


def batch(source: Path, out: Path, jobs: str) -> Result:
    return CliRunner().invoke(
        cli, ["batch", str(source), "-o", str(out), "--jobs", jobs], catch_exceptions=False
    )


def parts(path: Path) -> dict[str, bytes]:
    """A package's parts, but the creation and modification times openpyxl stamps on a workbook."""
    with zipfile.ZipFile(path) as package:
        return {name: package.read(name) for name in package.namelist() if name != "docProps/core.xml"}


def test_two_workers_give_the_serial_run_byte_for_byte(tmp_path: Path) -> None:
    units = tmp_path / "units"
    for name in ("an_hoa", "binh_minh", "cat_tien", "dong_son"):
        word_unit(units, name, break_it=name == "cat_tien")
    serial, parallel = batch(units, tmp_path / "serial", "1"), batch(units, tmp_path / "parallel", "2")
    assert serial.exit_code == parallel.exit_code == 1  # cat_tien's report fails in both
    assert parallel.output.replace("parallel", "serial") == serial.output
    assert parallel.stderr == serial.stderr
    assert "Lỗi    cat_tien: báo cáo Q1/2022" in serial.stderr
    names = sorted(p.name for p in (tmp_path / "serial").iterdir())
    assert sorted(p.name for p in (tmp_path / "parallel").iterdir()) == names
    assert "ke_hoach_cchc_2022_xa_loc_thuy_4.docx" in names  # four plans of one name
    assert "tong_hop_cchc_q1_2022.xlsx" in names
    for name in names:
        one, other = tmp_path / "serial" / name, tmp_path / "parallel" / name
        if name.endswith(".docx"):
            assert one.read_bytes() == other.read_bytes(), name
        else:
            assert parts(one) == parts(other), name
    plan = parts(tmp_path / "parallel" / "ke_hoach_cchc_2022_xa_loc_thuy_3.docx")["word/document.xml"]
    assert "Nhiệm vụ riêng của cat_tien".encode() in plan  # the third unit's plan has the third name


@dataclass(frozen=True)
class FakeJob:
    unit: str
    inputs: tuple[Path, ...]


def dies_for_one_unit(job: FakeJob, out: Path, rename: object, summarise: bool) -> list[str]:
    """A stand-in for ``batch.attempt``: the worker running unit "chet" dies (as out of memory)."""
    if job.unit == "chet":
        os._exit(9)
    return [f"{job.unit} {out.name}"]


def test_a_worker_that_dies_fails_only_its_own_unit(tmp_path: Path) -> None:
    jobs = [FakeJob(unit, (tmp_path / unit,)) for unit in ("a", "a", "chet", "chet", "b", "c")]
    counted: list[str] = []
    found = batch_pool.run_units(
        jobs, [False] * len(jobs), tmp_path, 2, dies_for_one_unit, str, lambda job: counted.append(job.unit)
    )
    assert found == [
        ["a 0"], ["a 1"], [batch_pool.WORKER_DIED], [batch_pool.WORKER_DIED], ["b 4"], ["c 5"],
    ]  # fmt: skip
    assert sorted(counted) == ["a", "a", "b", "c", "chet", "chet"]  # the progress bar counts every job
    assert not list(tmp_path.glob(".cchc-*"))  # the staging folder is gone


def test_jobs_must_be_at_least_one(tmp_path: Path) -> None:
    result = batch(tmp_path, tmp_path / "out", "0")
    assert result.exit_code == 2
