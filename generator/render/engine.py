"""DOCX templates → documents: prepared once (``template_prepare``), rendered strictly and fast.

Why each step of a render:
- The template's parts were compiled once in a sandboxed, autoescaping, ``StrictUndefined``
  Jinja environment: data can never become markup or template code, a missing variable is an
  error naming it, and a template cannot reach Python internals.
- Only the parts with tags are rendered; every other part was deflated once and its bytes
  are copied into the ZIP (``docx_package``). Rendered parts are deflated at zlib's level 6,
  as Word and docxtpl do: level 1 saved ~1 ms for a plan but made files 21–41% larger than
  docxtpl's; level 5 still left a 2,000-row plan 9.5% larger (``make bench`` prints sizes).
- A part is rendered, checked and deflated a chunk at a time (``STREAM_PIECES``), so a
  50,000-row table never holds the part as one string, its bytes and its deflated copy.
- The rendered XML is parsed strictly (expat: the standard library's C parser, about twice
  as fast as building an lxml tree) before it is written: a failure is an error, never a
  silently shortened document (docxtpl parses in lxml's recover mode). Namespace processing
  is off (it cost about a third of the check): prefixes are declared on a part's root
  element, which a render cannot drop without breaking well-formedness, which is checked.
- Document properties are written as plain, escaped text, not through Jinja (docxtpl
  escapes them twice: ``12&amp;3``).
"""

from __future__ import annotations

import hashlib
import marshal
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import Any
from xml.parsers import expat

import jinja2
from jinja2.exceptions import SecurityError
from markupsafe import escape

from generator.errors import RenderError
from generator.ooxml.package import Entry, EntryWriter, assemble
from generator.render.environment import make_environment
from generator.render.prepare import CORE_FIELDS, PartCode, Prepared, load_prepared

RENDER_DEFLATE_LEVEL = 6
STREAM_PIECES = 4096  # pieces of Jinja output (~0.4 MB) encoded, checked and deflated at a time
_ATTRIBUTE = re.compile(r"'[^']*' object has no attribute '([^']*)'|has no attribute '([^']*)'")


@dataclass(frozen=True)
class Properties:
    """Core document properties, written as plain text."""

    title: str = ""
    subject: str = ""
    creator: str = ""


class PreparedTemplate:
    """A template ready to render: its compiled parts and its unchanged parts' bytes."""

    def __init__(self, path: Path, data: bytes | None = None, *, prepared: Prepared | None = None) -> None:
        self.path = path
        self.name = path.name
        self.env = make_environment()
        self.prepared = prepared or load_prepared(path, data if data is not None else _read(path))
        self.templates = {
            part.name: self.env.template_class.from_code(
                self.env, marshal.loads(part.code), self.env.make_globals(None), None
            )
            for part in self.prepared.entries
            if isinstance(part, PartCode)
        }

    @property
    def needed(self) -> set[str]:
        return self.prepared.needed

    def render(self, context: Mapping[str, Any], properties: Properties | None = None) -> bytes:
        """The finished .docx bytes for ``context``; ``RenderError`` on any template problem."""
        missing = sorted(self.prepared.needed - set(context))
        if missing:
            raise RenderError(f"{self.name}: mẫu dùng biến chưa có dữ liệu: {', '.join(missing)}")
        entries = []
        for item in self.prepared.entries:
            if isinstance(item, PartCode):
                entries.append(self._render_part(item, context))
            elif item.name == "docProps/core.xml" and self.prepared.core is not None:
                entries.append(Entry.of(item.name, _core(self.prepared.core, properties or Properties())))
            else:
                entries.append(item)
        return assemble(entries, self.prepared.date_time)

    def _render_part(self, part: PartCode, context: Mapping[str, Any]) -> Entry:
        """The rendered part, checked and deflated piece by piece as Jinja produces it."""
        try:
            compiled = self.templates[part.name]  # what Template.render does, without the join
            pieces = compiled.root_render_func(compiled.new_context(dict(context)))
            if part.fix_tables:  # docxtpl's fix needs the whole part (templates with {%tc)
                data = _unescaped("".join(pieces)).encode("utf-8")
                _Checked(self.name, part.name).write(data, final=True)
                return Entry.of(part.name, _fixed_tables(data), RENDER_DEFLATE_LEVEL)
            return _streamed(self.name, part.name, pieces)
        except SecurityError as exc:
            raise RenderError(f"{self.name}: mẫu truy cập thuộc tính không được phép ({exc})") from exc
        except jinja2.UndefinedError as exc:
            raise RenderError(f"{self.name}: mẫu dùng biến chưa có dữ liệu: {_undefined_name(exc)}") from exc
        except (jinja2.TemplateError, TypeError, ValueError, ArithmeticError) as exc:
            raise RenderError(f"{self.name}: lỗi khi điền mẫu: {exc}") from exc


def _streamed(template: str, part: str, pieces: Iterator[str]) -> Entry:
    """Encode, check and deflate ``pieces`` a chunk at a time: peak memory is a chunk, not the part.

    A chunk ends after a ``>``: no brace escape (``{_{`` …) can span two chunks, so undoing
    them chunk by chunk gives what undoing them on the whole part gives.
    """
    checked, writer = _Checked(template, part), EntryWriter(part, RENDER_DEFLATE_LEVEL)
    while chunk := list(islice(pieces, STREAM_PIECES)):  # joined in C, no Python per piece
        while not chunk[-1].endswith(">") and (piece := next(pieces, None)) is not None:
            chunk.append(piece)
        data = _unescaped("".join(chunk)).encode("utf-8")
        checked.write(data)
        writer.write(data)
    checked.write(b"", final=True)
    return writer.close()


def _unescaped(xml: str) -> str:
    """docxtpl's escapes for literal braces in a template (``{_{`` is a literal ``{{``)."""
    if "{_" in xml or "_}" in xml:
        xml = xml.replace("{_{", "{{").replace("}_}", "}}").replace("{_%", "{%").replace("%_}", "%}")
    return xml


class _Checked:
    """A strict XML parser fed chunk by chunk: a broken part is an error, never a silently
    shortened document."""

    def __init__(self, template: str, part: str) -> None:
        self.template, self.part = template, part
        self.parser = expat.ParserCreate()

    def write(self, data: bytes, *, final: bool = False) -> None:
        try:
            self.parser.Parse(data, final)
        except expat.ExpatError as exc:
            raise RenderError(
                f"{self.template}: kết quả điền mẫu ({self.part}) không phải XML hợp lệ: {exc}; "
                "kiểm tra các thẻ {%p %}, {%tr %} trong mẫu"
            ) from exc


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError as exc:
        raise RenderError(f"{path}: không tìm thấy tệp mẫu") from exc
    except OSError as exc:
        raise RenderError(f"{path}: không đọc được tệp mẫu ({exc.strerror})") from exc


def _undefined_name(exc: jinja2.UndefinedError) -> str:
    message = exc.message or ""
    match = _ATTRIBUTE.search(message)
    if match:
        return match.group(1) or match.group(2)
    quoted = re.match(r"'([^']+)' is undefined", message)
    return quoted.group(1) if quoted else message


def _fixed_tables(data: bytes) -> bytes:
    """Column grids for templates that add cells in loops (``{%tc``): docxtpl's own fix."""
    from docxtpl import DocxTemplate
    from lxml import etree

    tree = DocxTemplate.fix_tables(DocxTemplate.__new__(DocxTemplate), data.decode("utf-8"))
    return bytes(etree.tostring(tree, xml_declaration=True, encoding="UTF-8", standalone=True))


def _core(pieces: tuple[str, ...], properties: Properties) -> bytes:
    """docProps/core.xml with title, subject and creator as plain (escaped) text."""
    values = [str(escape(getattr(properties, field))) for field in CORE_FIELDS]
    out = [values[int(piece)] if position % 2 else piece for position, piece in enumerate(pieces)]
    return "".join(out).encode("utf-8")


_PREPARED: dict[tuple[str, str], PreparedTemplate] = {}


def load_template(path: Path) -> PreparedTemplate:
    """The prepared template for ``path``, prepared once per content (kept for the process)."""
    data = _read(path)
    key = (path.name, hashlib.sha256(data).hexdigest())
    prepared = _PREPARED.get(key)
    if prepared is None:
        prepared = _PREPARED[key] = PreparedTemplate(path, data)
    return prepared
