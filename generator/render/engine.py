"""DOCX templates → documents: prepared once (``render.prepare``), rendered strictly and fast.

Why each step of a render:
- The template's parts were compiled once in a sandboxed, autoescaping, ``StrictUndefined``,
  bounded Jinja environment: data can never become markup or template code, a missing
  variable is an error naming it, a template cannot reach Python internals nor exhaust the
  machine (``render.limits``).
- Only the parts with tags are rendered; every other part was deflated once and its bytes
  are copied into the ZIP (``ooxml.package``). Rendered parts are deflated at zlib's level 6,
  as Word and docxtpl do: level 1 saved ~1 ms for a plan but made files 21–41% larger than
  docxtpl's; level 5 still left a 2,000-row plan 9.5% larger (``make bench`` prints sizes).
- After Jinja, each part gets what docxtpl does to it (``render.listing``: special
  characters in markup values, picture ids; ``fix_tables`` where grids can change).
- The rendered XML is parsed strictly (expat: the standard library's C parser, about twice
  as fast as building an lxml tree) before it is written: a failure is an error, never a
  silently shortened document (docxtpl parses in lxml's recover mode). Namespace processing
  is off (it cost about a third of the check): prefixes are declared on a part's root
  element, which a render cannot drop without breaking well-formedness, which is checked.
  Jinja's output is encoded chunk by chunk as it comes, so a part is held once, as bytes
  (and its deflated copy), never as Python text (tests/test_render_memory.py).
- Pictures and relationships that data brings are added to the package, and markup from
  data may only refer to relationships that exist (``render.package_edits``).
"""

from __future__ import annotations

import hashlib
import io
import marshal
import re
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any
from xml.parsers import expat

import jinja2
from jinja2.exceptions import SecurityError

from generator.errors import RenderError, os_reason
from generator.ooxml.package import Entry, assemble
from generator.render import core_properties, limits, listing, table_grid
from generator.render.core_properties import Properties
from generator.render.docx_values import Session, ValueRefusedError, session
from generator.render.environment import fingerprint, make_environment
from generator.render.package_edits import MissingRelationshipError, PackageEdits
from generator.render.prepare import CORE, PartCode, Prepared, load_prepared

__all__ = ["PreparedTemplate", "Properties", "load_template"]

RENDER_DEFLATE_LEVEL = 6
_ATTRIBUTE = re.compile(r"'[^']*' object has no attribute '([^']*)'|has no attribute '([^']*)'")


class PreparedTemplate:
    """A template ready to render: its compiled parts and its unchanged parts' bytes."""

    def __init__(
        self,
        path: Path,
        data: bytes | None = None,
        *,
        prepared: Prepared | None = None,
        filters: Mapping[str, Callable[..., Any]] | None = None,
    ) -> None:
        self.path = path
        self.name = path.name
        self.env = make_environment(filters)
        self.prepared = prepared or load_prepared(path, data if data is not None else _read(path), self.env)
        codes = {p.name: p.code for p in self.prepared.entries if isinstance(p, PartCode)}
        codes.update(self.prepared.core_code)
        self.templates = {
            name: self.env.template_class.from_code(
                self.env, marshal.loads(code), self.env.make_globals(None), None
            )
            for name, code in codes.items()
        }
        self.parts = {e.name: e for e in self.prepared.entries if isinstance(e, Entry)}
        self.next_ids = {p.name: p.next_id for p in self.prepared.entries if isinstance(p, PartCode)}

    @property
    def needed(self) -> set[str]:
        return self.prepared.needed

    def render(
        self, context: Mapping[str, Any], properties: Properties | None = None, *, origin: Any = None
    ) -> bytes:
        """The finished .docx bytes for ``context``; ``RenderError`` on any template problem.

        ``origin`` is the python-docx document the template's bytes were saved from, when the
        caller renders a docxtpl ``DocxTemplate`` object (its Subdocs belong to it).
        """
        missing = sorted(self.prepared.needed - set(context))
        if missing:
            raise RenderError(f"{self.name}: mẫu dùng biến chưa có dữ liệu: {', '.join(missing)}")
        edits = PackageEdits(self.parts)
        token = limits.start()
        try:
            with session(Session(edits, origin, self.next_ids)) as current:
                entries = [
                    self._entry(item, context, properties or Properties(), current)
                    for item in self.prepared.entries
                ]
        finally:
            limits.finish(token)
        return assemble(edits.apply(entries), self.prepared.date_time)

    def _entry(
        self, item: Entry | PartCode, context: Mapping[str, Any], properties: Properties, current: Session
    ) -> Entry:
        edits = current.edits
        if isinstance(item, PartCode):
            edits.part = item.name
            return self._render_part(item, context, current)
        core = self.prepared.core
        if item.name == CORE and core is not None:
            edits.part = CORE
            filled = self._guarded(
                lambda: core_properties.fill(core, properties, self.templates, context), CORE
            )
            return Entry.of(item.name, filled)
        return item

    def _render_part(self, part: PartCode, context: Mapping[str, Any], current: Session) -> Entry:
        data: bytes = self._guarded(lambda: _generate(self.templates[part.name], context), part.name)
        if b"_" in data and (b"{_" in data or b"_}" in data):  # docxtpl's escapes for literal braces
            data = (
                data.replace(b"{_{", b"{{")
                .replace(b"}_}", b"}}")
                .replace(b"{_%", b"{%")
                .replace(b"%_}", b"%}")
            )
        if listing.has_special(data):  # rare: the text passes work on the decoded part
            data = listing.resolve(data.decode("utf-8")).encode("utf-8")
        if part.main and (part.pictures or part.name in current.drawings):
            data = listing.renumber_pictures(data.decode("utf-8")).encode("utf-8")
        _check_well_formed(self.name, part.name, data)
        if part.fix_tables and not table_grid.grids_fit(data):
            data = _fixed_tables(data)
        return Entry.of(part.name, data, RENDER_DEFLATE_LEVEL)

    def _guarded(self, render: Any, part: str) -> Any:
        """``render()``, its failures as ``RenderError`` naming the template (and the part)."""
        try:
            return render()
        except SecurityError as exc:
            raise RenderError(f"{self.name}: mẫu truy cập thuộc tính không được phép ({exc})") from exc
        except jinja2.UndefinedError as exc:
            raise RenderError(f"{self.name}: mẫu dùng biến chưa có dữ liệu: {_undefined_name(exc)}") from exc
        except (limits.LimitError, ValueRefusedError) as exc:
            raise RenderError(f"{self.name}: {exc}") from exc
        except MissingRelationshipError as exc:
            raise RenderError(
                f"{self.name}: dữ liệu chèn vào {exc.part} trỏ tới quan hệ không có trong mẫu "
                f"({', '.join(exc.ids)}): RichText có url_id, hay Subdoc, phải đi cùng chính "
                "DocxTemplate đã tạo ra chúng (render_template(tpl, …))"
            ) from exc
        except (RecursionError, MemoryError) as exc:
            raise RenderError(f"{self.name}: mẫu gọi lồng nhau quá sâu hoặc tạo dữ liệu quá lớn") from exc
        except (jinja2.TemplateError, TypeError, ValueError, ArithmeticError, LookupError) as exc:
            raise RenderError(f"{self.name}: lỗi khi điền mẫu ({part}): {exc}") from exc


def _generate(template: jinja2.Template, context: Mapping[str, Any]) -> bytes:
    """The rendered part as UTF-8, encoded chunk by chunk as Jinja yields it: a 50,000-row table
    is tens of MB, and holding it as Python text (two or four bytes a character) and as Jinja's
    list of small pieces cost five times the part (bench case (h))."""
    buffer = io.BytesIO()
    for chunk in template.generate(context):
        buffer.write(chunk.encode("utf-8"))
    return buffer.getvalue()


def _check_well_formed(template: str, part: str, data: bytes) -> None:
    parser = expat.ParserCreate()
    try:
        parser.Parse(data, True)
    except expat.ExpatError as exc:
        raise RenderError(
            f"{template}: kết quả điền mẫu ({part}) không phải XML hợp lệ: {exc}; "
            "kiểm tra các thẻ {%p %}, {%tr %}, {%tc %}, {%r %} và giá trị |safe trong mẫu"
        ) from exc


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError as exc:
        raise RenderError(f"{path}: không tìm thấy tệp mẫu") from exc
    except OSError as exc:
        raise RenderError(f"{path}: không đọc được tệp mẫu ({os_reason(exc)})") from exc


def _undefined_name(exc: jinja2.UndefinedError) -> str:
    message = exc.message or ""
    match = _ATTRIBUTE.search(message)
    if match:
        return match.group(1) or match.group(2)
    quoted = re.match(r"'([^']+)' is undefined", message)
    return quoted.group(1) if quoted else message


def _fixed_tables(data: bytes) -> bytes:
    """Column grids for templates whose rows can gain or lose cells: docxtpl's own fix."""
    from docxtpl import DocxTemplate
    from lxml import etree

    tree = DocxTemplate.fix_tables(DocxTemplate.__new__(DocxTemplate), data.decode("utf-8"))
    table_grid.widen_from_header(tree, table_grid.grid_sizes(data))
    return bytes(etree.tostring(tree, xml_declaration=True, encoding="UTF-8", standalone=True))


_PREPARED: dict[tuple[str, str, str], PreparedTemplate] = {}


def load_template(path: Path, filters: Mapping[str, Callable[..., Any]] | None = None) -> PreparedTemplate:
    """The prepared template for ``path``, prepared once per content and filters (kept for the process)."""
    data = _read(path)
    shaping = fingerprint(make_environment(filters)) if filters else ""
    key = (path.name, hashlib.sha256(data).hexdigest(), shaping)
    prepared = _PREPARED.get(key)
    if prepared is None:
        prepared = _PREPARED[key] = PreparedTemplate(path, data, filters=filters)
    return prepared
