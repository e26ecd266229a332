"""YAML that would cost without bound (alias bombs, cycles, deep nesting, huge files) is refused."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from generator.errors import Problems
from generator.inputs.formats.yaml_file import MAX_BYTES, MAX_DEPTH, load_yaml
from tests.conftest import run_cli


def billion_laughs() -> str:
    """Nine levels of nine aliases: 9**9 (387 million) strings once built."""
    lines = ["lol0: &l0 [" + ", ".join(['"lol"'] * 9) + "]"]
    lines += [f"lol{n}: &l{n} [" + ", ".join([f"*l{n - 1}"] * 9) + "]" for n in range(1, 10)]
    return "\n".join(lines) + "\n"


def limit_memory() -> None:  # pragma: no cover - runs in the child before exec
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (2 * 2**30, 2 * 2**30))


def test_an_alias_bomb_is_refused_with_its_place(example: Path, tmp_path: Path) -> None:
    plan = example / "ke_hoach.yaml"
    text = plan.read_text(encoding="utf-8")
    plan.write_text(text + billion_laughs(), encoding="utf-8")
    first = len(text.splitlines()) + 1  # the line of lol0

    # A child process, so that a reader without bounds fails this test instead of hanging the run.
    completed = subprocess.run(
        [sys.executable, "-m", "generator", "plan", str(example), "--out", str(tmp_path / "out")],
        capture_output=True, text=True, encoding="utf-8", timeout=120,
        preexec_fn=limit_memory if sys.platform != "win32" else None,
    )  # fmt: skip

    assert completed.returncode == 1, completed.stderr
    (line,) = completed.stderr.splitlines()
    assert line.startswith(f"Lỗi: {plan}:{first + 5} (lol5[")
    assert line.endswith("): bí danh (*) sao ra quá nhiều giá trị (hơn 100.000); tệp bị từ chối")
    assert not (tmp_path / "out").exists()


def test_a_few_aliases_are_read_as_copies(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_text("chung: &c {ten: Lộc Thủy}\nmot: *c\nhai: [*c, *c]\n", encoding="utf-8")
    problems = Problems()
    document = load_yaml(path, problems)
    assert document is not None
    assert problems.items == []
    assert document.data["hai"] == [{"ten": "Lộc Thủy"}] * 2


@pytest.mark.parametrize(
    ("text", "where", "message"),
    [
        ("a: 1\nvong: &v\n  con: *v\n", ":3 (vong.con)", "bí danh (*) trỏ vào chính nhóm đang chứa nó (vòng lặp không dừng)"),
        ("ds: &d [1, *d]\n", ":1 (ds[2])", "bí danh (*) trỏ vào chính nhóm đang chứa nó (vòng lặp không dừng)"),
        ("sau: " + "[" * 600 + "]" * 600 + "\n", f":1 (sau{'[1]' * (MAX_DEPTH - 1)})", f"dữ liệu lồng quá sâu (hơn {MAX_DEPTH} cấp)"),
        ("sau: " + "[" * 1200 + "]" * 1200 + "\n", ":1", "YAML sai cú pháp: dữ liệu lồng quá sâu"),
    ],
    ids=["cycle-in-mapping", "cycle-in-list", "600-levels", "1200-levels"],
)  # fmt: skip
def test_cycles_and_deep_nesting_are_refused(tmp_path: Path, text: str, where: str, message: str) -> None:
    path = tmp_path / "ke_hoach.yaml"
    path.write_text(text, encoding="utf-8")
    problems = Problems()
    assert load_yaml(path, problems) is None
    assert [str(problem) for problem in problems.errors] == [f"{path}{where}: {message}"]


def test_a_file_over_the_size_limit_is_refused_unparsed(example: Path, tmp_path: Path) -> None:
    plan = example / "ke_hoach.yaml"
    with plan.open("a", encoding="utf-8") as file:
        file.write("thua: [" + "1, " * (MAX_BYTES // 3) + "1]\n")  # valid YAML, just too much of it

    result = run_cli("plan", example, "--out", tmp_path / "out")

    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"Lỗi: {plan}: tệp quá lớn (hơn 2 MB); dữ liệu YAML chỉ cần vài chục KB"
    ]
