"""Attribute values python-docx cannot read (``w:sz="abc"``, a ``w:ind`` without a number):
found, reported, and dropped before the rules run.

A hand-made or damaged file can hold any text where Word expects a number or a keyword;
python-docx raises on reading it, wherever a rule happens to look. So every element of the
parts the checker reads (document, styles, headers, footers) is checked once, against the
attributes python-docx itself declares for it: a value it cannot read is removed (the element
too, when the attribute is required), which is how LibreOffice reads such a file. Each one
becomes a warning naming the part, the style or paragraph, and the value.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from docx.document import Document
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseAttribute, BaseOxmlElement, RequiredAttribute

PARTS = ("/word/document.xml", "/word/styles.xml", "/word/header", "/word/footer")
_TAB, _TABS = qn("w:tab"), qn("w:tabs")


@dataclass(frozen=True)
class BadValue:
    """An attribute value that was dropped, and where it was."""

    part: str  # "styles.xml"
    element: Any  # the element that held it (already repaired or removed)
    paragraph: Any  # the w:p holding it, if any
    style: str | None  # the style holding it, in styles.xml
    attribute: str  # "w:val"
    value: str | None  # None: a required attribute is missing
    defaults: bool = False  # in the document defaults (w:docDefaults)

    def describe(self) -> str:
        tag = _prefixed(self.element.tag)
        if self.value is None:
            what = f"thẻ <{tag}> thiếu thuộc tính {self.attribute}"
        else:
            what = f'<{tag} {self.attribute}="{_short(self.value)}">: giá trị không hợp lệ'
        where = f'kiểu "{self.style}" trong {self.part}' if self.style else self.part
        if self.defaults:
            where = f"định dạng mặc định trong {self.part}"
        return f"{where}: {what}; đã bỏ qua khi kiểm tra (Word có thể báo tệp bị lỗi)"


def repair(document: Document) -> list[BadValue]:
    """Drop every attribute value python-docx cannot read in ``document``; what was dropped."""
    found: list[BadValue] = []
    for part in document.part.package.iter_parts():
        if str(part.partname).startswith(PARTS) and hasattr(part, "element"):
            found += _repair_tree(part.element, str(part.partname).rsplit("/", 1)[-1])
    return found


def _repair_tree(root: Any, part: str) -> list[BadValue]:
    found = []
    for element in list(root.iter()):
        if not isinstance(element, BaseOxmlElement) or _tab_character(element):
            continue
        for name, attribute, required in _declared(type(element)):
            raw = element.get(name)
            if raw is None and not required:
                continue
            try:
                if raw is None:
                    raise ValueError(name)
                attribute._simple_type.from_xml(raw)
            except Exception:  # any text can be there; python-docx raises several kinds
                found.append(_bad(element, part, _prefixed(name), raw))
                _drop(element, name, required)
                if required:
                    break
    return found


def _tab_character(element: Any) -> bool:
    """A ``<w:tab/>`` in a run is a tab character; python-docx's class for it is the tab stop's."""
    parent = element.getparent()
    return bool(element.tag == _TAB and parent is not None and parent.tag != _TABS)


def _bad(element: Any, part: str, attribute: str, raw: str | None) -> BadValue:
    paragraph = next(element.iterancestors(qn("w:p")), None)
    style = next(element.iterancestors(qn("w:style")), None)
    style_name = None
    if style is not None:
        named = style.find(qn("w:name"))
        style_name = (named.get(qn("w:val")) if named is not None else None) or style.get(qn("w:styleId"))
    defaults = next(element.iterancestors(qn("w:docDefaults")), None) is not None
    return BadValue(part, element, paragraph, style_name, attribute, raw, defaults)


def _drop(element: Any, name: str, required: bool) -> None:
    parent = element.getparent()
    if required and parent is not None:
        parent.remove(element)
    elif name in element.attrib:
        del element.attrib[name]


@functools.cache
def _declared(cls: type) -> tuple[tuple[str, BaseAttribute, bool], ...]:
    """(Clark name, declaration, required) of each attribute python-docx declares on ``cls``."""
    found = []
    for klass in cls.__mro__:
        for value in vars(klass).values():
            attribute = _declaration(value)
            if attribute is not None:
                found.append((attribute._clark_name, attribute, isinstance(attribute, RequiredAttribute)))
    return tuple(found)


def _declaration(value: object) -> BaseAttribute | None:
    """The attribute declaration behind a property python-docx made for it, if any."""
    getter = getattr(value, "fget", None) if isinstance(value, property) else None
    if getter is None or getattr(getter, "__name__", "") != "get_attr_value":
        return None
    cells: Iterator[Any] = (cell.cell_contents for cell in getattr(getter, "__closure__", None) or ())
    return next((c for c in cells if isinstance(c, BaseAttribute)), None)


_PREFIXES = {
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main": "w",
    "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing": "wp",
    "http://schemas.openxmlformats.org/drawingml/2006/main": "a",
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships": "r",
}


def _prefixed(clark: str) -> str:
    """ "{…/main}sz" → "w:sz", as the name appears in the file."""
    if not clark.startswith("{"):
        return clark
    uri, _, local = clark[1:].partition("}")
    prefix = _PREFIXES.get(uri)
    return f"{prefix}:{local}" if prefix else local


def _short(value: str, limit: int = 40) -> str:
    return value if len(value) <= limit else value[:limit] + "…"
