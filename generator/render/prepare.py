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

from generator import cache
from generator.errors import RenderError
from generator.ooxml import package
from generator.ooxml.package import Entry
from generator.render import docxtpl_rules
from generator.render.environment import fingerprint, make_environment

_TAG = re.compile(r"\{\{|\{%|\{#")
_TABLE_TAGS = re.compile(r"\{%-?\s*(tc|hm|colspan)\b")
_RENDERED_RELS = (
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/header",
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer",
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes",
)
_MAIN_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
_REL_NS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
CORE_FIELDS = ("title", "subject", "creator")


@dataclass(frozen=True)
class PartCode:
    """A rendered part: its compiled Jinja code (marshalled) and whether tables need fixing."""

    name: str
    code: bytes
    fix_tables: bool


@dataclass
class Prepared:
    """Everything the renderer needs of one template, as picklable data."""

    name: str
    entries: list[Entry | PartCode] = field(default_factory=list)
    needed: set[str] = field(default_factory=set)
    core: tuple[str, ...] | None = None  # core.xml: text, field number, text, … (see render._core)
    date_time: tuple[int, ...] = (2020, 1, 1, 0, 0, 0)


def load_prepared(path: Path, data: bytes) -> Prepared:
    """The prepared template for these bytes: from the cache, or prepared now and cached."""
    entry = cache.entry("templates", data, *_shaping())
    prepared: Prepared | None = cache.load(entry, Prepared)
    if prepared is None:
        prepared = prepare(path.name, data)
        cache.store(entry, prepared)
    prepared.name = path.name
    return prepared


def _shaping() -> tuple[str, ...]:
    """All that shapes a ``Prepared`` besides the template: the environment it is compiled in,
    docxtpl's patching rules, lxml's serialisation, and this code with ``Entry``'s."""
    return (
        fingerprint(make_environment()),
        cache.library("docxtpl"),
        cache.library("lxml"),
        cache.code_version(sys.modules[__name__], package, docxtpl_rules),
    )


def prepare(name: str, data: bytes) -> Prepared:
    """Prepare a template from its bytes (no cache)."""
    try:
        archive = zipfile.ZipFile(BytesIO(data))
    except zipfile.BadZipFile as exc:
        raise RenderError(f"{name}: mẫu không phải tệp Word .docx hợp lệ") from exc
    prepared = Prepared(name)
    with archive:
        rendered = _rendered_parts(archive, name)
        infos = archive.infolist()
        prepared.date_time = infos[0].date_time if infos else prepared.date_time
        for info in infos:
            raw = archive.read(info)
            if info.filename in rendered:
                prepared.entries.append(_compile(prepared, info.filename, raw))
            elif info.filename == "docProps/core.xml":
                prepared.core = _split_core(raw)
                prepared.entries.append(Entry.of(info.filename, raw))  # replaced per document
            else:
                prepared.entries.append(Entry.of(info.filename, raw))
    return prepared


def _compile(prepared: Prepared, name: str, xml: bytes) -> Entry | PartCode:
    from jinja2 import TemplateSyntaxError, meta
    from lxml import etree

    try:
        source = etree.tostring(etree.fromstring(xml), encoding="unicode")
    except etree.XMLSyntaxError as exc:
        raise RenderError(f"{prepared.name}: phần {name} của mẫu không phải XML hợp lệ ({exc})") from exc
    if not _TAG.search(source):
        return Entry.of(name, xml)
    patched = docxtpl_rules.patch_xml()(source)  # docxtpl's rules, without importing python-docx
    env = make_environment()
    try:
        parsed = env.parse(patched)
        python = env.compile(parsed, name=name, filename=name, raw=True)
    except TemplateSyntaxError as exc:
        where = _failing_paragraph(patched)
        raise RenderError(f'{prepared.name}: lỗi cú pháp mẫu ở đoạn "{where}": {exc.message}') from exc
    prepared.needed |= meta.find_undeclared_variables(parsed)
    code = compile(python, name, "exec")
    return PartCode(name, marshal.dumps(code), bool(_TABLE_TAGS.search(source)))


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


def _rendered_parts(archive: zipfile.ZipFile, name: str) -> set[str]:
    """The main document part and its headers, footers and footnotes (from the package rels)."""
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
        return parts
    for rel in part_rels.iter(_REL_NS + "Relationship"):
        if rel.get("Type") in _RENDERED_RELS and rel.get("TargetMode") != "External":
            parts.add(f"{folder}/{rel.get('Target')}".replace("//", "/"))
    return parts


def _split_core(template_xml: bytes) -> tuple[str, ...]:
    """core.xml as text pieces around the title, subject and creator values."""
    from lxml import etree

    root = etree.fromstring(template_xml)
    namespace = "{http://purl.org/dc/elements/1.1/}"
    for index, tag in enumerate(CORE_FIELDS):
        element = root.find(namespace + tag)
        if element is None:
            element = etree.SubElement(root, namespace + tag)
        element.text = f"@@cchc-field-{index}@@"
    text = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True).decode("utf-8")
    return tuple(re.split(r"@@cchc-field-(\d)@@", text))  # text, field number, text, …
