"""The house rules of generator/: rooms, the direction of imports, no cycles (CONTRIBUTING.md).

Imports are read from the source (ast), so the rules hold for imports inside functions too.
"""

from __future__ import annotations

import ast
import importlib
from collections.abc import Iterator
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "generator"
# Each room may import from the rooms listed (and from itself); the top-level modules
# (errors, files, cache, the package itself) are shared by all.
ALLOWED = {
    "domain": set(),
    "ooxml": {"domain"},
    "document": {"domain", "ooxml"},
    "inputs": {"domain", "ooxml", "document"},
    "render": {"domain", "ooxml"},
    "check": {"domain", "ooxml", "document"},
    "workflows": {"domain", "ooxml", "document", "inputs", "render", "check"},
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


def room_of_inputs(module: str) -> str | None:
    """ "generator.inputs.parts.tasks" → "parts"; None outside generator.inputs' rooms."""
    parts = module.split(".")
    return parts[2] if len(parts) >= 3 and parts[:2] == ["generator", "inputs"] else None


INPUT_ROOMS = sorted(p.name for p in (PACKAGE / "inputs").iterdir() if (p / "__init__.py").exists())


@pytest.mark.parametrize("module", sorted(m for m in GRAPH if not m.startswith("generator.inputs")))
def test_other_rooms_use_the_inputs_front_doors(module: str) -> None:
    """Outside generator/inputs, code imports a room of inputs (``generator.inputs.parts``) and
    only the names its ``__init__`` exports, never a module inside it (#22)."""
    path = next(p for name, p in modules() if name == module)
    wrong = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            wrong += [a.name for a in node.names if a.name.startswith("generator.inputs.")]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            room_name = room_of_inputs(node.module)
            if node.module == "generator.inputs" or (
                room_name and node.module != f"generator.inputs.{room_name}"
            ):
                wrong.append(node.module)
            elif room_name:
                exported = importlib.import_module(node.module).__all__
                wrong += [f"{node.module}.{a.name}" for a in node.names if a.name not in exported]
    assert wrong == []


def test_inputs_has_its_four_rooms_and_no_loose_module() -> None:
    assert INPUT_ROOMS == ["documents", "folders", "formats", "parts"]
    assert sorted(p.name for p in (PACKAGE / "inputs").glob("*.py")) == ["__init__.py"]


def test_each_front_door_exports_what_it_names() -> None:
    for room_name in INPUT_ROOMS:
        door = importlib.import_module(f"generator.inputs.{room_name}")
        for name in door.__all__:
            assert getattr(door, name) is not None, f"{room_name}.{name}"
