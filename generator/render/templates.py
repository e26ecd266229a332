"""Any docxtpl template rendered through cchc's fast path: the public ``render_template`` and
``save_template`` (exported by ``generator``).

A template is a path to a .docx, or a docxtpl ``DocxTemplate`` whose python-docx document
carries additions made through docxtpl's API (``new_subdoc``, ``build_url_id``): its
package is then saved and rendered as it stands. A Subdoc made from a ``DocxTemplate`` of
the same file as a path template is found during the render, and the render starts again
from that object's package.
"""

from __future__ import annotations

import hashlib
import io
import os
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from generator.errors import RenderError
from generator.files import write_atomic
from generator.render.core_properties import Properties
from generator.render.docx_values import TemplateObjectNeededError
from generator.render.engine import PreparedTemplate, load_template
from generator.render.prepare import prepare

Template = str | os.PathLike[str] | Any  # a path, or a docxtpl.DocxTemplate
_REPLACEMENTS = ("pics_to_replace", "crc_to_new_media", "crc_to_new_embedded", "zipname_to_replace")


def render_template(
    template: Template,
    context: Mapping[str, Any],
    *,
    properties: Properties | None = None,
    filters: Mapping[str, Callable[..., Any]] | None = None,
) -> bytes:
    """The .docx bytes of ``template`` rendered with ``context``, as docxtpl would make them.

    ``properties`` replaces document properties (``None`` fields keep the template's own,
    with their Jinja rendered); ``filters`` adds Jinja filters to cchc's environment. Raises
    ``RenderError`` (a ``GeneratorError``, Vietnamese message naming the template) for
    anything the template or the data cannot give, before any file is written.
    """
    if not isinstance(template, str | os.PathLike):
        return _render_object(template, context, properties, filters)
    path = Path(template)
    try:
        return load_template(path, filters).render(context, properties)
    except TemplateObjectNeededError as needed:
        _check_same_file(needed.template, path)
        return _render_object(needed.template, context, properties, filters)


def save_template(
    template: Template,
    context: Mapping[str, Any],
    target: str | os.PathLike[str],
    *,
    properties: Properties | None = None,
    filters: Mapping[str, Callable[..., Any]] | None = None,
) -> Path:
    """``render_template`` written to ``target`` atomically (an older file stays whole on failure)."""
    data = render_template(template, context, properties=properties, filters=filters)
    written = Path(target)
    write_atomic(written, data)
    return written


def _render_object(
    template: Any,
    context: Mapping[str, Any],
    properties: Properties | None,
    filters: Mapping[str, Callable[..., Any]] | None,
) -> bytes:
    """A docxtpl ``DocxTemplate``: its own package when it holds additions, else its file."""
    if not hasattr(template, "template_file") or not hasattr(template, "docx"):
        raise TypeError(f"template must be a path or a docxtpl.DocxTemplate, not {type(template).__name__}")
    name = _name(template)
    pending = [n for n in _REPLACEMENTS if getattr(template, n, None)]
    if pending:
        raise RenderError(
            f"{name}: cchc không hỗ trợ thay ảnh hoặc tệp nhúng của docxtpl "
            "(replace_pic, replace_media, replace_embedded, replace_zipname)"
        )
    if template.docx is None or template.is_rendered:
        if isinstance(template.template_file, str | os.PathLike):
            return render_template(template.template_file, context, properties=properties, filters=filters)
        data, origin = _file_bytes(template), None
    else:
        buffer = io.BytesIO()
        template.docx.save(buffer)
        data, origin = buffer.getvalue(), template.docx
    prepared = PreparedTemplate(Path(name), data, prepared=prepare(name, data), filters=filters)
    try:
        return prepared.render(context, properties, origin=origin)
    except TemplateObjectNeededError as exc:
        raise RenderError(f"{name}: Subdoc được tạo từ một DocxTemplate khác với mẫu đang điền") from exc


def _check_same_file(template: Any, path: Path) -> None:
    """A Subdoc's DocxTemplate must be of the template being rendered."""
    try:
        same = hashlib.sha256(_file_bytes(template)).digest() == hashlib.sha256(path.read_bytes()).digest()
    except OSError:
        same = False
    if not same:
        raise RenderError(f"{path.name}: Subdoc được tạo từ DocxTemplate của một mẫu khác")


def _file_bytes(template: Any) -> bytes:
    source = template.template_file
    if isinstance(source, str | os.PathLike):
        return Path(source).read_bytes()
    source.seek(0)
    return bytes(source.read())


def _name(template: Any) -> str:
    source = template.template_file
    return Path(source).name if isinstance(source, str | os.PathLike) else "mẫu"
