"""Change values in a YAML file, keeping its comments, key order, quoting and block styles.

Used where cchc hands the user's own files back (next year's draft). ruamel.yaml reads the file
in round-trip mode and writes it back; only the values for which ``change`` returns something new
are replaced, each in its old style (plain, quoted, ``|`` or ``>`` block), with its anchor and its
comment. A value written once with ``&anchor`` and reused with ``*anchor`` is changed once, where
the anchor is, and stays shared. A file in which nothing changes comes back byte for byte.

What a round trip does not keep, none of it changing a value: one indentation for the whole file
(the one used most), ``~`` and ``null`` written as nothing, ``True`` as ``true``, a plain or quoted
text spread over several lines joined into one line.
"""

from __future__ import annotations

import io
import re
from collections import Counter
from collections.abc import Callable, Iterator
from typing import Any

import yaml
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq, TaggedScalar
from ruamel.yaml.error import YAMLError
from ruamel.yaml.scalarbool import ScalarBoolean
from ruamel.yaml.scalarint import ScalarInt
from ruamel.yaml.scalarstring import DoubleQuotedScalarString, PlainScalarString, ScalarString

Change = Callable[[str, Any], Any]  # (key path, value) → new value (return the value to keep it)

_WIDTH = 1_000_000  # never re-wrap: a long paragraph stays on its one line
_START = re.compile(r"---[ \t]*(#.*)?")
_END = re.compile(r"\.\.\.[ \t]*(#.*)?")


class YamlEditError(ValueError):
    """The file could not be read for rewriting; ``line`` is 1-based when known."""

    def __init__(self, message: str, line: int | None) -> None:
        super().__init__(message)
        self.line = line


def rewrite(text: str, change: Change) -> str:
    """``text`` with every scalar for which ``change`` returns a different value rewritten.

    Key paths are the reader's (``generator.inputs.formats.yaml_file``): ``ke_hoach.noi_dung[2].tieu_de``,
    list positions from 1. Raises ``YamlEditError`` when the text is not YAML.
    """
    lines = text.splitlines(keepends=True)
    head = _outside(lines, _START)  # ruamel drops comments above "---" and after "...": kept here
    tail = _outside(lines[::-1], _END)
    body = "".join(lines[head : len(lines) - tail])
    writer = YAML()  # round-trip mode
    writer.preserve_quotes = True
    writer.width = _WIDTH
    try:
        data = writer.load(body)
    except (YAMLError, ValueError) as exc:  # ValueError: an integer too long for Python
        raise _edit_error(exc, head) from exc
    edit = _Edit(change)
    data = edit.value(data, "")
    if not edit.changed:
        return text
    writer.indent(**_indents(data))
    out = io.StringIO()
    writer.dump(data, out)
    return "".join(lines[:head]) + out.getvalue() + "".join(lines[len(lines) - tail :])


def _edit_error(exc: Exception, head: int) -> YamlEditError:
    """The problem in Vietnamese where we know it (the reader has taken the file already)."""
    mark = getattr(exc, "problem_mark", None)
    problem = str(getattr(exc, "problem", None) or exc)
    if problem.startswith("found character '\\t'"):
        problem = "có ký tự Tab; YAML chỉ dùng dấu cách"  # PyYAML lets a Tab after "key:" pass
    elif not isinstance(exc, YAMLError):
        problem = "có giá trị không chuyển được (ngày không có thật hoặc số quá dài)"
    return YamlEditError(problem, mark.line + 1 + head if mark is not None else None)


def _outside(lines: list[str], marker: re.Pattern[str]) -> int:
    """How many lines, from the first, are comments or blank up to and with ``marker``; else 0."""
    for index, line in enumerate(lines):
        stripped = line.strip()
        if marker.fullmatch(stripped):
            return index + 1
        if stripped and not stripped.startswith("#"):
            return 0
    return 0


class _Edit:
    """Walks the file in document order, replacing the values ``change`` changes."""

    def __init__(self, change: Change) -> None:
        self.change = change
        self.changed = False
        self.done: dict[int, tuple[Any, Any]] = {}  # id of a shared value → (it, its replacement)

    def value(self, value: Any, path: str) -> Any:
        """``value`` or its replacement; a value met again (an alias) gets its first answer."""
        shared = self.done.get(id(value))
        if shared is not None and shared[0] is value:
            return shared[1]
        if isinstance(value, CommentedMap | CommentedSeq):
            self.done[id(value)] = (value, value)  # before descending: an alias may point back up
            self._container(value, path)
            return value
        new = self._scalar(value, path)
        if _anchor(value) is not None:
            self.done[id(value)] = (value, new)
        return new

    def _container(self, container: CommentedMap | CommentedSeq, path: str) -> None:
        if isinstance(container, CommentedMap):
            items = [(key, f"{path}.{key}" if path else str(key), item)
                     for key, item in container.non_merged_items()]  # fmt: skip
        else:
            items = [(index, f"{path}[{index + 1}]", item) for index, item in enumerate(container)]
        for key, child, item in items:
            new = self.value(item, child)
            if new is not item:
                container[key] = new

    def _scalar(self, value: Any, path: str) -> Any:
        plain = _plain(value)
        new = self.change(path, plain)
        if new == plain:
            return value
        self.changed = True
        return _styled(new, value)


def _anchor(value: Any) -> str | None:
    anchor = getattr(value, "anchor", None)
    return getattr(anchor, "value", None)


def _plain(value: Any) -> Any:
    """The value as the reader sees it: str, int, float and bool rather than ruamel's subclasses."""
    if isinstance(value, TaggedScalar):
        return value.value
    if isinstance(value, bool | ScalarBoolean):  # ScalarBoolean (an anchored bool) is an int
        return bool(value)
    for kind in (str, int, float):
        if isinstance(value, kind):
            return kind(value)
    return value


def _styled(new: Any, old: Any) -> Any:
    """``new`` in the style of ``old``: its quotes or block, anchor, comment and line folds."""
    anchor = _anchor(old)
    if isinstance(old, TaggedScalar):
        tagged = TaggedScalar(str(new), style=old.style, tag=old.tag)
        if anchor is not None:
            tagged.yaml_set_anchor(anchor, always_dump=True)
        return tagged
    if isinstance(new, bool):
        return ScalarBoolean(new, anchor=anchor) if anchor is not None else new
    if isinstance(new, int):
        return ScalarInt(new, anchor=anchor) if anchor is not None else new
    if not isinstance(new, str):
        return new
    kind: type[ScalarString] = PlainScalarString
    if isinstance(old, ScalarString) and not isinstance(old, PlainScalarString):
        kind = type(old)
    elif not _plain_safe(new):
        kind = DoubleQuotedScalarString
    styled = kind(new, anchor=anchor)
    if hasattr(old, "comment"):
        styled.comment = old.comment  # the comment after a block's "|"
    if getattr(old, "fold_pos", None):
        styled.fold_pos = [p for p in old.fold_pos if p < len(new) - 1]
    return styled


def _plain_safe(value: str) -> bool:
    """Whether ``value`` reads back as the same text without quotes (by the reader's PyYAML)."""
    try:
        return value != "" and "\n" not in value and yaml.safe_load(value) == value and value == value.strip()
    except yaml.YAMLError:
        return False


def _indents(root: Any) -> dict[str, int]:
    """The file's most used indentation: ruamel writes one for the whole file."""
    counts: dict[str, Counter[int]] = {"mapping": Counter(), "sequence": Counter(), "offset": Counter()}
    for mapping in _block_mappings(root, set()):
        for key, child in mapping.non_merged_items():
            if not isinstance(child, CommentedMap | CommentedSeq) or not child or child.fa.flow_style():
                continue
            key_line, key_column = mapping.lc.key(key)
            if child.lc.line <= key_line:
                continue  # an alias: its lines are where the anchor is
            if isinstance(child, CommentedMap):
                counts["mapping"][child.lc.col - key_column] += 1
            else:
                counts["offset"][child.lc.col - key_column] += 1
                counts["sequence"][child.lc.item(0)[1] - key_column] += 1
    defaults = {"mapping": 2, "sequence": 4, "offset": 2}  # the layout of cchc's own example files
    return {name: found.most_common(1)[0][0] if found else defaults[name] for name, found in counts.items()}


def _block_mappings(value: Any, seen: set[int]) -> Iterator[CommentedMap]:
    """Every mapping under ``value`` once, in document order."""
    if not isinstance(value, CommentedMap | CommentedSeq) or id(value) in seen:
        return
    seen.add(id(value))
    if isinstance(value, CommentedMap):
        yield value
        children = [item for _, item in value.non_merged_items()]
    else:
        children = list(value)
    for child in children:
        yield from _block_mappings(child, seen)
