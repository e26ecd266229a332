"""The house rules of generator/: rooms, the direction of imports, no cycles (CONTRIBUTING.md).

Imports are read from the source (ast), so the rules hold for imports inside functions too.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "generator"
# Each room may import from the rooms listed (and from itself); the top-level modules
# (errors, files, cache, the package itself) are shared by all.
ALLOWED = {
    "domain": set(),
    "ooxml": {"domain"},
    "inputs": {"domain", "ooxml"},
    "render": {"domain", "ooxml"},
    "check": {"domain", "ooxml"},
    "workflows": {"domain", "ooxml", "inputs", "render", "check"},
    "cli": {"domain", "workflows", "check", "web"},
    "web": {"domain", "workflows", "check", "inputs"},
}
SHARED = {"generator", "generator.errors", "generator.files", "generator.cache"}
# Third-party libraries that only one room may import.
OWNED = {"click": {"cli"}, "flask": {"web"}, "werkzeug": {"web"}, "docxtpl": {"render"}}


def modules() -> Iterator[tuple[str, Path]]:
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        yield name, path


def imports(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found |= {f"{node.module}.{alias.name}" for alias in node.names}
    return found


def room(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 2 or (len(parts) == 2 and parts[1] in ALLOWED) else ""


GRAPH = {name: imports(path) for name, path in modules()}
NAMES = set(GRAPH)


@pytest.mark.parametrize("module", sorted(GRAPH))
def test_imports_point_down(module: str) -> None:
    mine = room(module)
    if not mine:
        return
    wrong = []
    for target in sorted(GRAPH[module]):
        if target.startswith("generator") and target in NAMES | SHARED:
            other = room(target)
            if other and other != mine and other not in ALLOWED[mine]:
                wrong.append(target)
        library = target.split(".")[0]
        if library in OWNED and mine not in OWNED[library]:
            wrong.append(target)
    assert wrong == []


def test_no_import_cycle() -> None:
    edges = {m: {t for t in targets if t in NAMES and t != m} for m, targets in GRAPH.items()}
    state: dict[str, int] = {}
    cycle: list[str] = []

    def visit(node: str, trail: list[str]) -> bool:
        state[node] = 1
        for target in sorted(edges[node]):
            if target.startswith(node + "."):
                continue  # a package importing its own submodules is not a cycle
            if state.get(target) == 1:
                cycle.extend([*trail, node, target])
                return True
            if state.get(target) is None and visit(target, [*trail, node]):
                return True
        state[node] = 2
        return False

    assert not any(visit(m, []) for m in sorted(edges) if m not in state), " → ".join(cycle)


def test_few_loose_modules_and_no_long_ones() -> None:
    loose = [p.name for p in PACKAGE.glob("*.py")]
    generated = {"font_metrics.py"}  # a data table
    long = [
        str(path.relative_to(PACKAGE))
        for path in PACKAGE.rglob("*.py")
        if path.name not in generated and len(path.read_text(encoding="utf-8").splitlines()) > 320
    ]
    assert len(loose) <= 8, loose
    assert long == []
