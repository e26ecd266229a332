"""Document properties (docProps/core.xml): kept from the template, Jinja inside them rendered,
replaced where the caller sets a value.

docxtpl renders the same six properties (title, subject, author, comments, identifier,
language) through Jinja. Here their text is compiled once with the template and rendered
into escaped XML text; values the caller sets (``Properties``) are written as plain,
escaped text, never through Jinja (docxtpl escapes them twice: ``12&amp;3``).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, fields
from typing import Any

from markupsafe import escape

from generator.domain.text import without_invisible
from generator.render.environment import BREAK, TAB

_DC = "{http://purl.org/dc/elements/1.1/}"
# Properties field → the core.xml element (Dublin Core) that holds it
ELEMENTS = {
    "title": "title",
    "subject": "subject",
    "creator": "creator",
    "description": "description",
    "identifier": "identifier",
    "language": "language",
}
_ALWAYS = ("title", "subject", "creator")  # added when missing, so a caller's value has a place
_TAG = re.compile(r"\{\{|\{%|\{#")
_INSIDE_TAGS = re.compile(r"(?<=\{[{%])(.*?)(?=[}%]\})", re.DOTALL)


@dataclass(frozen=True)
class Properties:
    """Document properties to write; ``None`` keeps (and renders) the template's own value."""

    title: str | None = None
    subject: str | None = None
    creator: str | None = None
    description: str | None = None
    identifier: str | None = None
    language: str | None = None


@dataclass(frozen=True)
class CoreTemplate:
    """core.xml as text pieces around its fields, and each field's text as Jinja source.

    ``pieces`` alternate text and a field's index; ``sources[i]`` is field i's escaped XML
    text, Jinja source when ``tagged[i]`` (compiled by the caller, named ``core_name(i)``).
    """

    names: tuple[str, ...]
    pieces: tuple[str, ...]
    sources: tuple[str, ...]
    tagged: tuple[bool, ...]


def core_name(index: int) -> str:
    return f"docProps/core.xml#{index}"


def split(xml: bytes) -> CoreTemplate:
    """The template's core.xml, ready to be filled field by field."""
    from lxml import etree

    root = etree.fromstring(xml)
    names: list[str] = []
    sources: list[str] = []
    for field in fields(Properties):
        element = root.find(_DC + ELEMENTS[field.name])
        if element is None and field.name not in _ALWAYS:
            continue
        if element is None:
            element = etree.SubElement(root, _DC + ELEMENTS[field.name])
        text = str(escape(element.text or ""))
        sources.append(_INSIDE_TAGS.sub(lambda m: html.unescape(m.group(1)), text))
        element.text = f"@@cchc-field-{len(names)}@@"
        names.append(field.name)
    text = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True).decode("utf-8")
    pieces = tuple(re.split(r"@@cchc-field-(\d+)@@", text))
    return CoreTemplate(tuple(names), pieces, tuple(sources), tuple(bool(_TAG.search(s)) for s in sources))


def fill(core: CoreTemplate, properties: Properties, templates: dict[str, Any], context: Any) -> bytes:
    """core.xml with each field: the caller's value, else the template's (rendered) text.

    ``templates`` are the compiled fields by ``core_name``; rendered text is autoescaped
    XML, and line breaks the environment turned into Word breaks become plain again.
    """
    values: list[str] = []
    for index, name in enumerate(core.names):
        given = getattr(properties, name)
        if given is not None:
            values.append(str(escape(without_invisible(given))))
        elif core.tagged[index]:
            text = templates[core_name(index)].render(context)
            values.append(text.replace(BREAK, "\n").replace(TAB, "\t"))
        else:
            values.append(core.sources[index])
    out = [values[int(piece)] if position % 2 else piece for position, piece in enumerate(core.pieces)]
    return "".join(out).encode("utf-8")
