"""Change values in a YAML file in place, keeping its comments, order and layout.

Used where cchc hands the user's own files back (next year's draft): only the changed
scalars are rewritten, in their original style (plain, quoted or ``|`` block).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import yaml

Change = Callable[[str, Any], Any]  # (key path, value) → new value (return the value to keep it)


def rewrite(text: str, change: Change) -> str:
    """``text`` with every scalar for which ``change`` returns a different value rewritten."""
    loader = yaml.SafeLoader(text)
    try:
        root = loader.get_single_node()
    finally:
        loader.dispose()
    edits: list[tuple[int, int, str]] = []
    _walk(root, "", change, text, edits)
    for start, end, replacement in sorted(edits, reverse=True):
        text = text[:start] + replacement + text[end:]
    return text


def _walk(
    node: yaml.Node | None, path: str, change: Change, text: str, edits: list[tuple[int, int, str]]
) -> None:
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            _walk(value, f"{path}.{key.value}" if path else str(key.value), change, text, edits)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value, start=1):
            _walk(item, f"{path}[{index}]", change, text, edits)
    elif isinstance(node, yaml.ScalarNode):
        value = yaml.SafeLoader("").construct_object(node)
        new = change(path, value)
        if new != value:
            start, end = node.start_mark.index, node.end_mark.index
            edits.append((start, end, _scalar(new, node.style, text[start:end])))


def _scalar(value: Any, style: str | None, original: str) -> str:
    if not isinstance(value, str):
        return "" if value is None else str(value)
    if style in ("|", ">"):
        return _block(value, original)
    if style is None and "\n" not in value and _plain_safe(value):
        return value
    return json.dumps(value, ensure_ascii=False)  # a JSON string is a valid YAML double-quoted one


def _plain_safe(value: str) -> bool:
    try:
        return value != "" and yaml.safe_load(value) == value and value == value.strip()
    except yaml.YAMLError:
        return False


def _block(value: str, original: str) -> str:
    """A literal block in the original's indentation, keeping its trailing blank lines."""
    lines = original.split("\n")
    content = [line for line in lines[1:] if line.strip()]
    indent = len(content[0]) - len(content[0].lstrip(" ")) if content else 2
    trailing = len(original) - len(original.rstrip("\n"))
    header = "|" if value.endswith("\n") else "|-"
    body = "\n".join((" " * indent + line) if line else "" for line in value.rstrip("\n").split("\n"))
    return f"{header}\n{body}" + "\n" * max(trailing, 1)
