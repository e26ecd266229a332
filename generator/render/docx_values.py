"""docxtpl's own values in a context, rendered into the document being made as docxtpl renders
them: RichText, RichTextParagraph and Listing (their markup), InlineImage (a picture added
to the package), Subdoc (its markup, from the package it was composed into).

The render in progress is a ``Session`` (a context variable, so threads do not mix): the
part being rendered and what the render adds to the package (``PackageEdits``).
"""

from __future__ import annotations

import contextlib
import contextvars
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup

from generator.errors import os_reason
from generator.render.package_edits import PackageEdits

_PICTURE = '</w:t></w:r><w:r><w:drawing>{}</w:drawing></w:r><w:r><w:t xml:space="preserve">'


class ValueRefusedError(Exception):
    """A docxtpl value that cannot go into this document; the message is Vietnamese."""


class TemplateObjectNeededError(Exception):
    """A Subdoc belongs to a DocxTemplate's own package: the render must start from that package."""

    def __init__(self, template: Any) -> None:
        super().__init__("Subdoc")
        self.template = template


@dataclass
class Session:
    """One render: its package additions, the python-docx document the package was saved from
    (when rendering a DocxTemplate object), each part's next free shape id (python-docx's)."""

    edits: PackageEdits
    origin: Any = None
    next_ids: dict[str, int] = field(default_factory=dict)
    pictures: dict[int, Any] = field(default_factory=dict)  # id(descriptor) → python-docx Image
    drawings: set[str] = field(default_factory=set)  # parts into which data put pictures


_SESSION: contextvars.ContextVar[Session | None] = contextvars.ContextVar("cchc_session", default=None)


@contextlib.contextmanager
def session(current: Session) -> Iterator[Session]:
    token = _SESSION.set(current)
    try:
        yield current
    finally:
        _SESSION.reset(token)


def note_references(markup: str) -> None:
    """Markup from data (``|safe``) may only refer to relationships the part has."""
    current = _SESSION.get()
    if current is not None:
        _noted(markup, current)


def _noted(markup: str, current: Session) -> None:
    current.edits.check_references(markup)
    if "docPr" in markup:
        current.drawings.add(current.edits.part)


def markup(value: Any) -> Markup:
    """The document markup of a docxtpl value."""
    current = _SESSION.get()
    kind = type(value).__name__
    if kind == "InlineImage":
        return _picture(value, current)
    if kind == "Subdoc" and (current is None or current.origin is None or value.docx is not current.origin):
        raise TemplateObjectNeededError(value.tpl)
    text = Markup(value.__html__())
    if current is not None:
        _noted(text, current)
    return text


def _picture(image: Any, current: Session | None) -> Markup:
    """docxtpl's InlineImage: python-docx's picture markup, its media added to the package."""
    if current is None:
        raise ValueRefusedError("InlineImage chỉ dùng được khi soạn văn bản")
    picture = _load(image.image_descriptor, current)
    rel_id = current.edits.add_media(picture.blob, picture.ext, picture.content_type)
    width, height = picture.scaled_dimensions(image.width, image.height)
    from docx.oxml.shape import CT_Inline

    shape_id = current.next_ids.get(current.edits.part, 1)
    inline = CT_Inline.new_pic_inline(shape_id, rel_id, picture.filename, width, height)
    if image.anchor:
        _link(inline, current.edits.add_link(image.anchor))
    current.drawings.add(current.edits.part)
    return Markup(_PICTURE.format(inline.xml))


def _load(descriptor: Any, current: Session) -> Any:
    from docx.image.exceptions import UnrecognizedImageError
    from docx.image.image import Image

    key = id(descriptor)
    if key not in current.pictures:
        try:
            current.pictures[key] = Image.from_file(descriptor)
        except OSError as exc:
            raise ValueRefusedError(
                f"InlineImage: không mở được ảnh {descriptor} ({os_reason(exc)})"
            ) from exc
        except UnrecognizedImageError as exc:
            raise ValueRefusedError(f"InlineImage: {descriptor} không phải ảnh Word đọc được") from exc
    return current.pictures[key]


def _link(inline: Any, rel_id: str) -> None:
    """A hyperlink on the picture (InlineImage's ``anchor``), where docxtpl puts it."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    for holder in (inline.xpath(".//wp:docPr")[0], inline.xpath(".//pic:cNvPr")[0]):
        click = OxmlElement("a:hlinkClick")
        click.set(qn("r:id"), rel_id)
        holder.append(click)
