"""YAML files → plain Python values plus the line of every key path.

Key paths read as staff count: ``ke_hoach.noi_dung[2].tieu_de`` is the title of the second
item of ``noi_dung`` (list positions start at 1). Syntax errors, duplicate keys and
unreadable files become problems with their line; text is cleaned by ``text.clean_text``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import yaml

from generator.domain.formatting import vn_number
from generator.errors import Location, Problems, os_reason
from generator.inputs.formats.text import clean_text, removed_message

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's C parser where installed
_STR = "tag:yaml.org,2002:str"
# Bounds on what one file may cost. A plan's YAML is tens of kilobytes, ten levels deep, with a
# few aliases; a "billion laughs" file of a few lines would otherwise build billions of values.
MAX_BYTES = 2 * 2**20
MAX_ALIASED = 100_000  # values built again through aliases (*name), over the whole file
MAX_DEPTH = 100  # nested groups and lists; Python's own recursion would end near 500


@dataclass
class YamlDocument:
    """One YAML file: its data, and the 1-based line of each key path."""

    path: Path
    data: Any
    lines: dict[str, int] = field(default_factory=dict)

    def location(self, key_path: str) -> Location:
        """Where ``key_path`` is, or the nearest enclosing key that exists."""
        probe = key_path
        while probe and probe not in self.lines:
            probe = _parent(probe)
        return Location(str(self.path), key_path=key_path, line=self.lines.get(probe))


def _parent(key_path: str) -> str:
    cut = max(key_path.rfind("."), key_path.rfind("["))
    return key_path[:cut] if cut > 0 else ""


def load_yaml(path: Path, problems: Problems) -> YamlDocument | None:
    """Read ``path``; on failure record a problem and return None."""
    text = _read_text(path, problems)
    if text is None:
        return None
    text, line_break = _strip_controls(text, path, problems)
    try:
        loader = _Loader(text)
        try:
            node = loader.get_single_node()
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        line = _error_line(exc)
        problems.add(Location(str(path), line=line), f"YAML sai cú pháp: {_describe(exc, text, line)}")
        return None
    except yaml.YAMLError as exc:
        problems.add(
            Location(str(path)), f"YAML sai cú pháp: không đọc được (chi tiết: {' '.join(str(exc).split())})"
        )
        return None
    document = YamlDocument(path, None)
    try:
        document.data = _Builder(document, problems, line_break).build(node, "")
    except _RefusedError as refused:
        problems.add(_where_written(document, refused.key_path), refused.message)
        return None
    return document


def _where_written(document: YamlDocument, key_path: str) -> Location:
    """``key_path`` with the line of its nearest key: a list item reached through an alias has
    the anchor's line, the key has the line where the alias is used."""
    probe = key_path
    while probe.endswith("]"):
        probe = _parent(probe)
    return replace(document.location(key_path), line=document.location(probe).line)


def _read_text(path: Path, problems: Problems) -> str | None:
    """The file's text, or None with a problem: missing, unreadable, too large, not UTF-8, empty."""
    where = Location(str(path))
    try:
        with path.open("rb") as file:
            raw = file.read(MAX_BYTES + 1)  # never more: a huge file is refused unread
    except FileNotFoundError:
        problems.add(where, "không tìm thấy tệp")
        return None
    except OSError as exc:
        problems.add(where, f"không đọc được tệp ({os_reason(exc)})")
        return None
    if len(raw) > MAX_BYTES:
        problems.add(where, f"tệp quá lớn (hơn {MAX_BYTES // 2**20} MB); dữ liệu YAML chỉ cần vài chục KB")
        return None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        problems.add(where, f"tệp không phải văn bản UTF-8 (byte thứ {exc.start + 1})")
        return None
    if not text.strip():
        problems.add(where, "tệp rỗng")
        return None
    return text


_TAB = "có ký tự Tab; YAML chỉ dùng dấu cách để thụt lề"
_SYNTAX_HINTS = (
    (
        "mapping values are not allowed",
        "dấu hai chấm không đúng chỗ (văn bản có dấu ':' cần đặt trong ngoặc kép)",
    ),
    ("did not find expected key", "thụt lề không thẳng hàng hoặc thiếu khóa"),
    ("expected <block end>", "thụt lề không thẳng hàng"),
    ("did not find expected '-'", "thụt lề của danh sách không thẳng hàng"),
    ("could not find expected ':'", "thiếu dấu hai chấm sau khóa"),
    ("did not find expected ',' or ']'", "thiếu dấu ']' đóng danh sách"),
    ("did not find expected ',' or '}'", "thiếu dấu '}' đóng nhóm"),
    ("found unexpected end of stream", "tệp kết thúc khi còn thiếu dấu ngoặc kép đóng"),
    ("found undefined alias", "dùng bí danh (*) chưa được định nghĩa"),
    ("exceeded maximum nesting depth", "dữ liệu lồng quá sâu"),
    ("found a tab character", _TAB),
    ("but found another document", "có dòng '---' hoặc '...' giữa tệp: mỗi tệp chỉ chứa một tài liệu YAML"),
    (
        "found unknown escape character",
        "trong ngoặc kép có dấu \\ không hợp lệ (viết \\\\, hoặc dùng ngoặc đơn ')",
    ),
    ("found an indentation indicator equal to 0", "số chỉ thụt lề sau | hoặc > phải từ 1 đến 9"),
    (
        "block sequence entries are not allowed",
        "dấu '-' của danh sách không đúng chỗ (thụt lề không thẳng hàng?)",
    ),
    (
        "did not find expected comment or line break",
        "có chữ thừa sau giá trị (văn bản có ký tự đặc biệt cần đặt trong ngoặc kép)",
    ),
    ("did not find expected node content", "thiếu giá trị ở chỗ này"),
    (
        "found undefined tag handle",
        "có dấu '!' không đúng chỗ (văn bản bắt đầu bằng '!' cần đặt trong ngoặc kép)",
    ),
)


# Characters the YAML parser refuses. Zero-width spaces and BOMs it takes: ``clean_text`` deletes
# those inside values, as it does for Excel and Word (one rule, docs/text-encodings.md §3).
_REFUSED = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ufffe\uffff]")
_LINE_BREAK = "\x0b"  # Word's manual line break: a new line in the value, as in Excel


def _strip_controls(text: str, path: Path, problems: Problems) -> tuple[str, str | None]:
    """``text`` as the parser takes it, and the stand-in for Word's line breaks (None if none).

    The characters the rule deletes are deleted here, with a notice at their line. A line break
    cannot be written into YAML without changing its structure, so it travels through the parser
    as a private-use character absent from the file and becomes a new line in the value; on a
    line with nothing else (where a stand-in would be read as a value) it is deleted too.
    """
    if not _REFUSED.search(text):  # nearly every file: nothing to do
        return text, None
    stand_in = (
        next(chr(c) for c in range(0xE000, 0xF900) if chr(c) not in text) if _LINE_BREAK in text else None
    )
    lines = text.split("\n")  # not splitlines: \x0b splits there
    for index, line in enumerate(lines):
        refused = _REFUSED.findall(line)
        if not refused:
            continue
        blank = not _REFUSED.sub("", line).strip()
        deleted = [ch for ch in refused if blank or ch != _LINE_BREAK]
        if deleted:
            problems.warn(Location(str(path), line=index + 1), removed_message(deleted))
        kept = "" if blank or stand_in is None else stand_in
        lines[index] = _REFUSED.sub("", line.replace(_LINE_BREAK, kept))  # a stand-in is not refused
    return "\n".join(lines), stand_in


def without_controls(text: str) -> str:
    """``text`` as a YAML writer can keep it: the characters the parser refuses are deleted, and
    Word's line break, which a rewritten value cannot hold, becomes a space."""
    return _REFUSED.sub(lambda m: " " if m[0] == _LINE_BREAK else "", text)


def _error_line(exc: yaml.MarkedYAMLError) -> int | None:
    """Where the user's mistake is: the opening bracket or quote of an unclosed one."""
    context = exc.context or ""
    opened = context.startswith(("while parsing a flow", "while scanning a quoted"))
    mark = (exc.context_mark if opened else None) or exc.problem_mark or exc.context_mark
    return mark.line + 1 if mark is not None else None


def _describe(exc: yaml.MarkedYAMLError, text: str, line: int | None) -> str:
    """PyYAML's (or libyaml's) problem in Vietnamese where we know it; its English words only
    as a detail otherwise."""
    problem = (exc.problem or exc.context or "").strip()
    if problem.startswith("found character") and line is not None:
        if "\t" in text.splitlines()[line - 1]:
            return _TAB
        return "có ký tự không được đứng đầu giá trị (như @ hoặc `): hãy đặt văn bản trong ngoặc kép"
    for english, vietnamese in _SYNTAX_HINTS:
        if problem.startswith(english):
            return vietnamese
    return f"không đọc được (chi tiết: {problem})" if problem else "không đọc được"


class _RefusedError(Exception):
    """The file is built no further: ``message`` says why, ``key_path`` where."""

    def __init__(self, message: str, key_path: str) -> None:
        super().__init__(message)
        self.message = message
        self.key_path = key_path


class _Builder:
    """Turns composed nodes into values, recording key-path lines and cleaning text.

    An alias (``*name``) is built again as a copy at each place it is used; copies, nesting and
    cycles are counted, and past a bound the whole file is refused (``_RefusedError``).
    """

    def __init__(self, document: YamlDocument, problems: Problems, line_break: str | None) -> None:
        self.document = document
        self.problems = problems
        self.line_break = line_break  # what stands for Word's line breaks in this file
        self.constructor = yaml.SafeLoader("")
        self.built: set[int] = set()  # nodes built once: meeting one again is an alias
        self.open: list[int] = []  # the groups and lists being built, outermost first
        self.aliased = 0

    def build(self, node: yaml.Node | None, path: str) -> Any:
        if node is None:
            return None
        self._count(node, path)
        self.document.lines.setdefault(path, node.start_mark.line + 1)
        if isinstance(node, yaml.ScalarNode):
            return self._scalar(node, path)
        self.open.append(id(node))
        try:
            if isinstance(node, yaml.MappingNode):
                return self._mapping(node, path)
            return [self.build(item, f"{path}[{index}]") for index, item in enumerate(node.value, start=1)]
        finally:
            self.open.pop()

    def _count(self, node: yaml.Node, path: str) -> None:
        if id(node) in self.open:
            raise _RefusedError("bí danh (*) trỏ vào chính nhóm đang chứa nó (vòng lặp không dừng)", path)
        if len(self.open) >= MAX_DEPTH:
            raise _RefusedError(f"dữ liệu lồng quá sâu (hơn {MAX_DEPTH} cấp)", path)
        if id(node) in self.built:
            self.aliased += 1
            if self.aliased > MAX_ALIASED:
                raise _RefusedError(
                    f"bí danh (*) sao ra quá nhiều giá trị (hơn {vn_number(MAX_ALIASED)}); tệp bị từ chối",
                    path,
                )
        self.built.add(id(node))

    def _mapping(self, node: yaml.MappingNode, path: str) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = str(self._scalar(key_node, path)) if key_node.value is not None else ""
            child = f"{path}.{key}" if path else key
            if key in result:
                self.problems.add(
                    Location(str(self.document.path), key_path=child,
                             line=key_node.start_mark.line + 1),
                    f'khóa "{key}" bị lặp lại',
                )  # fmt: skip
                continue
            self.document.lines[child] = key_node.start_mark.line + 1
            result[key] = self.build(value_node, child)
        return result

    def _scalar(self, node: yaml.Node, path: str) -> Any:
        if node.tag == _STR:
            value = node.value  # what the constructor would return, without its Python-level calls
        else:
            try:
                value = self.constructor.construct_object(node, deep=True)
            except (ValueError, yaml.constructor.ConstructorError):
                value = node.value  # e.g. 2022-13-01: kept as text, the date reader reports it
        if isinstance(value, str):
            if self.line_break is not None:
                value = value.replace(self.line_break, _LINE_BREAK)
            value = clean_text(value, self.document.location(path), self.problems)
        return value
