"""DOCX templates → documents: prepared once, rendered strictly, safely and fast.

Why each step (docxtpl does the same work on every render; we do the template's share once):
- docxtpl's own ``patch_xml`` turns Word's XML into Jinja source (tags split across runs,
  ``{%p``/``{%tr``/``{%tc``/``{%r`` blocks): reused as is, once per template, so templates
  behave exactly as docxtpl documents them.
- The Jinja source is compiled once in a sandboxed, autoescaping, ``StrictUndefined``
  environment: data can never become markup or template code, a missing variable is an
  error naming it, and a template cannot reach Python internals.
- Per document only the parts with tags are rendered; every other part was deflated once
  and its bytes are copied (``docx_package``).
- The rendered XML is parsed strictly before saving: a failure is an error, never a
  silently shortened document (docxtpl parses in lxml's recover mode).
- Document properties are written as plain text, not through Jinja (docxtpl escapes them
  twice: ``12&amp;3``).
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import jinja2
from jinja2 import meta
from jinja2.exceptions import SecurityError
from jinja2.sandbox import SandboxedEnvironment
from lxml import etree
from markupsafe import Markup

from generator import formatting
from generator.docx_package import Entry, assemble
from generator.errors import RenderError

_TAG = re.compile(r"\{\{|\{%|\{#")
_RENDERED_RELS = (
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/header",
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer",
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes",
)
_MAIN_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
_REL_NS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_BREAK = '</w:t><w:br/><w:t xml:space="preserve">'
_TAB = '</w:t><w:tab/><w:t xml:space="preserve">'
_TABLE_TAGS = re.compile(r"\{%-?\s*(tc|hm|colspan)\b|\{%tc ")
_ATTRIBUTE = re.compile(r"'[^']*' object has no attribute '([^']*)'|has no attribute '([^']*)'")


def _finalize(value: Any) -> Any:
    """Line breaks and tabs in data become Word breaks and tabs inside the run's text."""
    if isinstance(value, str) and not isinstance(value, Markup) and ("\n" in value or "\t" in value):
        escaped = str(escape(value))
        return Markup(escaped.replace("\n", _BREAK).replace("\t", _TAB))
    return value


def make_environment() -> SandboxedEnvironment:
    """The one Jinja environment of cchc: sandboxed, autoescaped, strict, with VN filters."""
    env = SandboxedEnvironment(
        undefined=jinja2.StrictUndefined,
        autoescape=True,
        finalize=_finalize,
        keep_trailing_newline=True,
    )
    env.filters.update(formatting.FILTERS)
    return env


@dataclass
class _Part:
    name: str
    template: jinja2.Template
    fix_tables: bool


@dataclass(frozen=True)
class Properties:
    """Core document properties, written as plain text."""

    title: str = ""
    subject: str = ""
    creator: str = ""


class PreparedTemplate:
    """A DOCX template made ready once; ``render`` then costs only the varying work."""

    def __init__(self, path: Path, data: bytes | None = None) -> None:
        self.name = path.name
        self.path = path
        self.env = make_environment()
        raw = data if data is not None else _read(path)
        self.entries: list[Entry | _Part] = []
        self.needed: set[str] = set()
        self.core_xml: bytes | None = None
        self.date_time: tuple[int, ...] = (2020, 1, 1, 0, 0, 0)
        self._prepare(raw)

    def _prepare(self, raw: bytes) -> None:
        from io import BytesIO

        try:
            archive = zipfile.ZipFile(BytesIO(raw))
        except zipfile.BadZipFile as exc:
            raise RenderError(f"{self.name}: mẫu không phải tệp Word .docx hợp lệ") from exc
        with archive:
            rendered = _rendered_parts(archive, self.name)
            infos = archive.infolist()
            self.date_time = infos[0].date_time if infos else self.date_time
            for info in infos:
                if info.filename in rendered:
                    self.entries.append(self._compile(info.filename, archive.read(info)))
                elif info.filename == "docProps/core.xml":
                    self.core_xml = archive.read(info)
                    self.entries.append(Entry.of(info.filename, b""))  # placeholder, see render
                else:
                    self.entries.append(Entry.copied(info, archive))

    def _compile(self, name: str, xml: bytes) -> Entry | _Part:
        from docxtpl import DocxTemplate  # only to prepare: its XML patching rules

        try:
            root = etree.fromstring(xml)
        except etree.XMLSyntaxError as exc:
            raise RenderError(f"{self.name}: phần {name} của mẫu không phải XML hợp lệ ({exc})") from exc
        source = etree.tostring(root, encoding="unicode")
        if not _TAG.search(source):
            return Entry.of(name, xml)
        patched = DocxTemplate.patch_xml(DocxTemplate.__new__(DocxTemplate), source)
        # One paragraph per line, as docxtpl does, so an error's line names its paragraph.
        patched = re.sub(r"<w:p([ >])", r"\n<w:p\1", patched)
        try:
            parsed = self.env.parse(patched)
            template = self.env.from_string(parsed)
        except jinja2.TemplateSyntaxError as exc:
            where = _paragraph_text(patched, exc.lineno)
            raise RenderError(f'{self.name}: lỗi cú pháp mẫu ở đoạn "{where}": {exc.message}') from exc
        self.needed |= meta.find_undeclared_variables(parsed)
        return _Part(name, template, bool(_TABLE_TAGS.search(source)))

    def render(self, context: Mapping[str, Any], properties: Properties | None = None) -> bytes:
        """The finished .docx bytes for ``context``; ``RenderError`` on any template problem."""
        missing = sorted(self.needed - set(context))
        if missing:
            raise RenderError(f"{self.name}: mẫu dùng biến chưa có dữ liệu: {', '.join(missing)}")
        entries = [
            self._render_part(item, context) if isinstance(item, _Part) else item for item in self.entries
        ]
        if self.core_xml is not None:
            entries = [
                Entry.of(e.name, _core_properties(self.core_xml, properties or Properties()))
                if e.name == "docProps/core.xml" else e
                for e in entries
            ]  # fmt: skip
        return assemble(entries, self.date_time)

    def _render_part(self, part: _Part, context: Mapping[str, Any]) -> Entry:
        try:
            xml = part.template.render(context)
        except SecurityError as exc:
            raise RenderError(f"{self.name}: mẫu truy cập thuộc tính không được phép ({exc})") from exc
        except jinja2.UndefinedError as exc:
            raise RenderError(f"{self.name}: mẫu dùng biến chưa có dữ liệu: {_undefined_name(exc)}") from exc
        except jinja2.TemplateError as exc:
            raise RenderError(f"{self.name}: lỗi khi điền mẫu: {exc}") from exc
        except (TypeError, ValueError, ArithmeticError) as exc:
            raise RenderError(f"{self.name}: lỗi khi điền mẫu: {exc}") from exc
        xml = xml.replace("\n<w:p", "<w:p")
        xml = xml.replace("{_{", "{{").replace("}_}", "}}").replace("{_%", "{%").replace("%_}", "%}")
        data = xml.encode("utf-8")
        try:
            root = etree.fromstring(data)
        except etree.XMLSyntaxError as exc:
            raise RenderError(
                f"{self.name}: kết quả điền mẫu ({part.name}) không phải XML hợp lệ: {exc}; "
                "kiểm tra các thẻ {%p %}, {%tr %} trong mẫu"
            ) from exc
        if part.fix_tables:
            data = _fixed_tables(root)
        return Entry.of(part.name, data)


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError as exc:
        raise RenderError(f"{path}: không tìm thấy tệp mẫu") from exc
    except OSError as exc:
        raise RenderError(f"{path}: không đọc được tệp mẫu ({exc.strerror})") from exc


def _rendered_parts(archive: zipfile.ZipFile, name: str) -> set[str]:
    """The main document part and its headers, footers and footnotes (from the package rels)."""
    try:
        rels = etree.fromstring(archive.read("_rels/.rels"))
        main = next(
            r.get("Target") for r in rels.iter(_REL_NS + "Relationship") if r.get("Type") == _MAIN_REL
        )
    except (KeyError, StopIteration, etree.XMLSyntaxError) as exc:
        raise RenderError(f"{name}: mẫu thiếu phần văn bản chính (không phải tệp Word?)") from exc
    if not main:
        raise RenderError(f"{name}: mẫu thiếu phần văn bản chính (không phải tệp Word?)")
    main = main.lstrip("/")
    folder, _, base = main.rpartition("/")
    parts = {main}
    try:
        part_rels = etree.fromstring(archive.read(f"{folder}/_rels/{base}.rels"))
    except KeyError:
        return parts
    for rel in part_rels.iter(_REL_NS + "Relationship"):
        if rel.get("Type") in _RENDERED_RELS and rel.get("TargetMode") != "External":
            parts.add(f"{folder}/{rel.get('Target')}".replace("//", "/"))
    return parts


def _paragraph_text(source: str, line: int | None) -> str:
    lines = source.splitlines()
    if line is None or not 1 <= line <= len(lines):
        return "?"
    text = re.sub(r"<[^>]+>", "", lines[line - 1]).strip()
    return text[:80] or "?"


def _undefined_name(exc: jinja2.UndefinedError) -> str:
    message = exc.message or ""
    match = _ATTRIBUTE.search(message)
    if match:
        return match.group(1) or match.group(2)
    quoted = re.match(r"'([^']+)' is undefined", message)
    return quoted.group(1) if quoted else message


def _fixed_tables(root: Any) -> bytes:
    """Column grids for templates that add cells in loops (``{%tc``): docxtpl's own fix."""
    from docxtpl import DocxTemplate

    fixer = DocxTemplate.__new__(DocxTemplate)
    body = etree.tostring(root, encoding="unicode")
    tree = fixer.fix_tables(body)
    return bytes(etree.tostring(tree, xml_declaration=True, encoding="UTF-8", standalone=True))


def _core_properties(template_xml: bytes, properties: Properties) -> bytes:
    """docProps/core.xml with title, subject and creator replaced by plain (escaped) text."""
    root = etree.fromstring(template_xml)
    names = {
        "{http://purl.org/dc/elements/1.1/}title": properties.title,
        "{http://purl.org/dc/elements/1.1/}subject": properties.subject,
        "{http://purl.org/dc/elements/1.1/}creator": properties.creator,
    }
    for tag, value in names.items():
        element = root.find(tag)
        if element is None:
            element = etree.SubElement(root, tag)
        element.text = value
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))


_PREPARED: dict[tuple[str, str], PreparedTemplate] = {}


def load_template(path: Path) -> PreparedTemplate:
    """The prepared template for ``path``, prepared once per content (kept for the process)."""
    import hashlib

    data = _read(path)
    key = (path.name, hashlib.sha256(data).hexdigest())
    prepared = _PREPARED.get(key)
    if prepared is None:
        prepared = _PREPARED[key] = PreparedTemplate(path, data)
    return prepared
