"""The user's files → validated models, every problem with its place: Word (the plan's and the
report's words, whole documents for ``cchc import``), Excel (.xlsx, .xls, .ods workbooks: the
unit, the plan, targets, tasks, progress) and YAML (for scripts and tests, docs/yaml.md)."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any


def front_door(room: str, where: dict[str, str]) -> Callable[[str], Any]:
    """The ``__getattr__`` of a room's ``__init__`` (PEP 562): each exported name is loaded from
    its module on first use, so importing a room costs nothing until a name is used (a Word and
    Excel run never imports the YAML readers)."""

    def attribute(name: str) -> Any:
        module = where.get(name)
        if module is None:
            raise AttributeError(f"module {room!r} has no attribute {name!r}")
        return getattr(importlib.import_module(f"{room}.{module}"), name)

    return attribute
