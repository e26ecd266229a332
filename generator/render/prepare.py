"""The work that depends only on the template, done once and cached between runs.

Preparing a template means: find the parts Word renders (main document, headers, footers,
footnotes), turn each into Jinja source with docxtpl's own ``patch_xml`` (so templates
behave exactly as docxtpl documents them), compile that source to Python code, and deflate
every part that has no tags. The result (``Prepared``) is plain data: it is pickled into
the user's cache folder (``generator.cache``), keyed by the template's SHA-256 and all that
shapes the result (``_shaping``), so a later run skips docxtpl, python-docx and lxml entirely.
"""

from __future__ import annotations

import marshal
import re
import sys
import zipfile
from dataclasses import dataclass, field
from io import BytesIO
from pathlib import Path

from jinja2 import nodes
from jinja2.sandbox import SandboxedEnvironment

from generator import cache
from generator.errors import RenderError
from generator.ooxml import package
from generator.ooxml.package import Entry
from generator.render import core_properties, docxtpl_rules, environment, table_grid, variables
from generator.render.core_properties import CoreTemplate
from generator.render.environment import fingerprint, make_environment

_TAG = re.compile(r"\{\{|\{%|\{#")
_SHAPE_ID = re.compile(r'\sid="(\d+)"')  # un-prefixed id attributes: python-docx's next_id
_RENDERED_RELS = (
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/header",
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer",
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes",
)
_MAIN_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
_REL_NS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
CORE = "docProps/core.xml"


@dataclass(frozen=True)
class PartCode:
    """A rendered part: its compiled Jinja code (marshalled), whether it is the main document
    part, whether its table grids need docxtpl's fix, and the next free shape id in it."""

    name: str
    code: bytes
    fix_tables: bool = False
    main: bool = False
    next_id: int = 1
    pictures: bool = False  # the template's own part holds pictures


@dataclass
class Prepared:
    """Everything the renderer needs of one template, as picklable data."""

    name: str
    entries: list[Entry | PartCode] = field(default_factory=list)
    needed: set[str] = field(default_factory=set)
    core: CoreTemplate | None = None
    core_code: dict[str, bytes] = field(default_factory=dict)  # compiled fields by core_name
    date_time: tuple[int, ...] = (2020, 1, 1, 0, 0, 0)


def load_prepared(path: Path, data: bytes, env: SandboxedEnvironment) -> Prepared:
    """The prepared template for these bytes: from the cache, or prepared now and cached."""
    entry = cache.entry("templates", data, *_shaping(env))
    prepared: Prepared | None = cache.load(entry, Prepared)
    if prepared is None:
        prepared = prepare(path.name, data, env)
        cache.store(entry, prepared)
    prepared.name = path.name
    return prepared


def _shaping(env: SandboxedEnvironment) -> tuple[str, ...]:
    """All that shapes a ``Prepared`` besides the template: the environment it is compiled in,
    docxtpl's patching rules, lxml's serialisation, and this code with the modules it uses."""
    return (
        fingerprint(env),
        cache.library("docxtpl"),
        cache.library("lxml"),
        cache.code_version(
            sys.modules[__name__],
            package,
            environment,
            core_properties,
            table_grid,
            variables,
            docxtpl_rules,
        ),
    )


def prepare(name: str, data: bytes, env: SandboxedEnvironment | None = None) -> Prepared:
    """Prepare a template from its bytes (no cache), compiled in ``env`` (cchc's by default)."""
    env = env or make_environment()
    try:
        archive = zipfile.ZipFile(BytesIO(data))
    except zipfile.BadZipFile as exc:
        raise RenderError(f"{name}: mẫu không phải tệp Word .docx hợp lệ") from exc
    prepared = Prepared(name)
    with archive:
        main, rendered = rendered_parts(archive, name)
        infos = archive.infolist()
        prepared.date_time = infos[0].date_time if infos else prepared.date_time
        for info in infos:
            raw = archive.read(info)
            if info.filename in rendered:
                prepared.entries.append(_compile(prepared, env, info.filename, raw, info.filename == main))
                continue
            if info.filename == CORE:
                _prepare_core(prepared, env, raw)
            prepared.entries.append(Entry.of(info.filename, raw))
    return prepared


def _compile(
    prepared: Prepared, env: SandboxedEnvironment, name: str, xml: bytes, main: bool
) -> Entry | PartCode:
    from lxml import etree

    try:
        source = etree.tostring(etree.fromstring(xml), encoding="unicode")
    except etree.XMLSyntaxError as exc:
        raise RenderError(f"{prepared.name}: phần {name} của mẫu không phải XML hợp lệ ({exc})") from exc
    if not _TAG.search(source):
        return Entry.of(name, xml)
    patched = patch(source)
    code = _compile_source(prepared, env, name, patched)
    fix = main and table_grid.needs_fix(xml, patched)
    next_id = max((int(n) for n in _SHAPE_ID.findall(source)), default=0) + 1
    return PartCode(name, code, fix, main, next_id, "docPr" in source)


TOO_DEEP = (
    "mẫu lồng nhau quá sâu (quá nhiều dấu ngoặc, hoặc thẻ {% if %}, {% for %} lồng trong nhau): "
    "hãy tách thành các bước đơn giản hơn"
)


def patch(source: str) -> str:
    """A part's XML as Jinja source, by docxtpl's own rules (``DocxTemplate.patch_xml``)."""
    return str(docxtpl_rules.patch_xml()(source))  # docxtpl's rules, without importing python-docx


def _compile_source(prepared: Prepared, env: SandboxedEnvironment, name: str, source: str) -> bytes:
    """Jinja ``source`` compiled to marshalled Python code; the names it needs noted."""
    from jinja2 import TemplateSyntaxError

    try:
        parsed = env.parse(source)
        _refuse_unsupported(prepared.name, parsed, env)
        prepared.needed |= variables.needed_names(parsed, set(env.globals))
        python = env.compile(parsed, name=name, filename=name, raw=True)
        return marshal.dumps(compile(python, name, "exec"))
    except TemplateSyntaxError as exc:
        where = _failing_paragraph(source)
        raise RenderError(f'{prepared.name}: lỗi cú pháp mẫu ở đoạn "{where}": {exc.message}') from exc
    except (RecursionError, SyntaxError) as exc:  # deeper than Jinja's parser or Python's compiler go
        raise RenderError(f"{prepared.name}: {TOO_DEEP}") from exc


def _refuse_unsupported(template: str, parsed: nodes.Template, env: SandboxedEnvironment) -> None:
    """Tags that load other files, and filters and tests cchc's environment lacks (a custom
    Jinja environment is not taken): refused before any rendering."""
    loading = (nodes.Include, nodes.Extends, nodes.Import, nodes.FromImport)
    if any(True for kind in loading for _ in parsed.find_all(kind)):
        raise RenderError(
            f"{template}: cchc không hỗ trợ {{% include %}}, {{% extends %}}, {{% import %}}: "
            "mẫu phải tự chứa mọi nội dung"
        )
    unknown = sorted({f.name for f in parsed.find_all(nodes.Filter) if f.name not in env.filters})
    unknown += sorted({t.name for t in parsed.find_all(nodes.Test) if t.name not in env.tests})
    if unknown:
        raise RenderError(
            f"{template}: mẫu dùng bộ lọc hoặc phép thử cchc không có: {', '.join(unknown)} "
            "(môi trường Jinja riêng không dùng được; từ Python có thể thêm bộ lọc: "
            "render_template(…, filters=…); xem cchc template check)"
        )


def _prepare_core(prepared: Prepared, env: SandboxedEnvironment, xml: bytes) -> None:
    """Document properties: kept, their Jinja compiled (``render.core_properties``)."""
    from lxml import etree

    try:
        prepared.core = core_properties.split(xml)
    except etree.XMLSyntaxError:
        return  # a damaged core.xml is copied as it is, as before
    for index, source in enumerate(prepared.core.sources):
        if prepared.core.tagged[index]:
            name = core_properties.core_name(index)
            prepared.core_code[name] = _compile_source(prepared, env, name, source)


def _failing_paragraph(patched: str) -> str:
    """The text of the paragraph holding a syntax error: one paragraph per line, as docxtpl does."""
    from jinja2 import TemplateSyntaxError

    lined = re.sub(r"<w:p([ >])", r"\n<w:p\1", patched)
    try:
        make_environment().parse(lined)
    except TemplateSyntaxError as exc:
        lines = lined.splitlines()
        if exc.lineno and 1 <= exc.lineno <= len(lines):
            return re.sub(r"<[^>]+>", "", lines[exc.lineno - 1]).strip()[:80] or "?"
    return "?"


def rendered_parts(archive: zipfile.ZipFile, name: str) -> tuple[str, set[str]]:
    """The main document part, and it with its headers, footers and footnotes (package rels)."""
    from lxml import etree

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
        return main, parts
    for rel in part_rels.iter(_REL_NS + "Relationship"):
        if rel.get("Type") in _RENDERED_RELS and rel.get("TargetMode") != "External":
            parts.add(f"{folder}/{rel.get('Target')}".replace("//", "/"))
    return main, parts
