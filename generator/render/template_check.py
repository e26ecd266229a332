"""``cchc template check``: what would go wrong with a Word template, found before rendering.

Every part cchc renders is patched (docxtpl's rules) and parsed, never rendered. Reported,
each with the paragraph or cell where it stands: Jinja syntax errors; tags Word split in a
way that cannot be joined again; filters and tests cchc does not have; features cchc
refuses (``{% include %}``, ``{% extends %}``, ``{% import %}``: a template must hold all
its content); tags in parts nobody renders (endnotes, comments); and every name the
template reads that the data does not provide, with the names it does provide, nearest
first. Names guarded by ``is defined`` or ``|default`` may be missing.
"""

from __future__ import annotations

import difflib
import re
import zipfile
from collections.abc import Iterable
from io import BytesIO
from pathlib import Path

from jinja2 import TemplateSyntaxError, nodes

from generator.errors import RenderError, os_reason
from generator.render import variables
from generator.render.context_names import ITEM, with_prefixes
from generator.render.environment import COUNTED, make_environment
from generator.render.prepare import TOO_DEEP, patch, prepare, rendered_parts
from generator.render.template_places import Finding, Paragraph, around, locate, paragraphs, split_tags

_TAGS = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.DOTALL)
_REFUSED = {
    nodes.Include: "{% include %}",
    nodes.Extends: "{% extends %}",
    nodes.Import: "{% import %}",
    nodes.FromImport: "{% from … import %}",
}
_UNRENDERED = re.compile(r"word/(endnotes|comments)\.xml")
_DICT_METHODS = frozenset(dir(dict))


def check_template(path: Path, names: Iterable[str], data_label: str) -> list[Finding]:
    """The problems of the template at ``path`` for data holding ``names`` (dotted paths)."""
    try:
        data = path.read_bytes()
        archive = zipfile.ZipFile(BytesIO(data))
    except OSError as exc:
        return [Finding(str(path), f"không đọc được tệp mẫu ({os_reason(exc)})")]
    except zipfile.BadZipFile:
        return [Finding(str(path), "không phải tệp Word .docx hợp lệ")]
    known = with_prefixes(names)
    findings: list[Finding] = []
    with archive:
        try:
            main, rendered = rendered_parts(archive, path.name)
        except RenderError as exc:
            return [Finding("", str(exc))]
        for part in [main, *sorted(rendered - {main})]:
            findings += _check_part(part, archive.read(part), known, data_label)
        findings += _unrendered_tags(archive)
    if not findings:
        try:
            prepare(path.name, data)
        except RenderError as exc:  # what the checks above do not foresee still comes out here
            findings.append(Finding("", str(exc)))
    return findings


def _check_part(part: str, xml: bytes, known: set[str], data_label: str) -> list[Finding]:
    from lxml import etree

    try:
        root = etree.fromstring(xml)
    except etree.XMLSyntaxError as exc:
        return [Finding(part, f"phần này của mẫu không phải XML hợp lệ ({exc})")]
    source = etree.tostring(root, encoding="unicode")
    if "{" not in source:
        return []
    found = paragraphs(part, root)
    patched = patch(source)
    findings = split_tags(found, patched)
    tags = [m.group(0) for m in _TAGS.finditer(patched)]
    env = make_environment()
    try:
        template = env.parse(_one_tag_per_line(patched))
        where = _Places(tags, found)
        findings += _unknown(template, env.filters, env.tests, where)
        findings += _refused(template, where)
        findings += _names(template, set(env.globals), known, data_label, where)
    except TemplateSyntaxError as exc:
        return [*findings, _syntax(exc, tags, found)]
    except RecursionError:  # deeper than Jinja's parser goes: what compiling it would say
        return [*findings, Finding(part, TOO_DEEP)]
    return findings


def _one_tag_per_line(source: str) -> str:
    """The source with a line break before each tag (and none elsewhere): line n + 2 is tag n."""
    return re.sub(r"(?=\{[{%#])", "\n", source.replace("\n", " "))


def used_names(path: Path) -> set[str]:
    """The top-level names a template reads (its parts that parse), to tell a plan from a report."""
    try:
        archive = zipfile.ZipFile(BytesIO(path.read_bytes()))
        with archive:
            _, rendered = rendered_parts(archive, path.name)
            sources = [archive.read(part).decode("utf-8", "replace") for part in rendered]
    except (OSError, zipfile.BadZipFile, RenderError):
        return set()
    env = make_environment()
    names: set[str] = set()
    for source in sources:
        try:
            names |= {use.path[0] for use in variables.uses(env.parse(patch(source)), set(env.globals))}
        except (TemplateSyntaxError, RecursionError):  # reported by the template's compile
            continue
    return names


class _Places:
    """Line numbers of the one-tag-per-line source → the paragraph holding that tag."""

    def __init__(self, tags: list[str], found: list[Paragraph]) -> None:
        self.tags = tags
        self.found = found

    def of(self, lineno: int) -> tuple[str, str]:
        tag = self.tags[lineno - 2] if 2 <= lineno < len(self.tags) + 2 else ""
        hit = locate(tag, self.found) if tag else None
        return (
            (hit[1].place, f' ("{around(hit[1].text, tag)}")') if hit else ("", f' ("{tag}")' if tag else "")
        )


def _syntax(exc: TemplateSyntaxError, tags: list[str], found: list[Paragraph]) -> Finding:
    place, text = _Places(tags, found).of(exc.lineno or 0)
    message = exc.message or ""
    unknown = re.search(r"unknown tag '(\w+)'", message)
    unclosed = re.search(r"innermost block that needs to be closed is '(\w+)'", message)
    if unknown:
        hint = " (thẻ {%tr %}, {%tc %} chỉ dùng trong bảng)" if unknown.group(1) in ("tr", "tc") else ""
        return Finding(place, f"thẻ không có: {{% {unknown.group(1)} %}}{hint}{text}")
    if unclosed:
        keyword = unclosed.group(1)
        opener = _unclosed(tags, keyword)
        hit = locate(opener, found) if opener else None
        place, text = (
            (hit[1].place, f' ("{around(hit[1].text, opener)}")') if hit and opener else (place, text)
        )
        return Finding(place, f"khối {{% {keyword} %}} chưa có thẻ đóng {{% end{keyword} %}}{text}")
    return Finding(place, f"lỗi cú pháp Jinja{text}: {message}")


def _unclosed(tags: list[str], keyword: str) -> str | None:
    """The last ``{% keyword … %}`` tag without its ``{% endkeyword %}``."""
    opened: list[str] = []
    for tag in tags:
        word = re.match(r"\{%-?\s*(\w+)", tag)
        if word and word.group(1) == keyword:
            opened.append(tag)
        elif word and word.group(1) == f"end{keyword}" and opened:
            opened.pop()
    return opened[-1] if opened else None


def _unknown(
    template: nodes.Template, filters: Iterable[str], tests: Iterable[str], where: _Places
) -> list[Finding]:
    out = []
    for kind, label, table in ((nodes.Filter, "bộ lọc", filters), (nodes.Test, "phép thử", tests)):
        names = sorted(set(table) - {COUNTED})
        for use in template.find_all(kind):
            if use.name not in names:
                place, text = where.of(use.lineno)
                near = ", ".join(_nearest(use.name, names))
                out.append(Finding(place, f"{label} không có: {use.name}{text}; cchc có: {near}"))
    return out


def _refused(template: nodes.Template, where: _Places) -> list[Finding]:
    out = []
    for kind, tag in _REFUSED.items():
        for use in template.find_all(kind):
            place, text = where.of(use.lineno)
            out.append(Finding(place, f"cchc không hỗ trợ {tag}{text}: mẫu phải tự chứa mọi nội dung"))
    return out


def _names(
    template: nodes.Template, globals_: set[str], known: set[str], data_label: str, where: _Places
) -> list[Finding]:
    out: list[Finding] = []
    reported: set[str] = set()
    for use in variables.uses(template, globals_):
        missing = _first_missing(use.path, known)
        if missing is None or (use.guarded and len(missing) == 1) or ".".join(missing) in reported:
            continue
        reported.add(".".join(missing))
        parent = ".".join(missing[:-1]).replace(f".{ITEM}", ITEM)
        siblings = sorted({k[len(parent) + 1 if parent else 0 :] for k in known if _child_of(k, parent)})
        name = ".".join(missing).replace(f".{ITEM}", ITEM)
        place, text = where.of(use.lineno)
        near = ", ".join(_nearest(missing[-1], siblings)) or "(không có)"
        out.append(Finding(place, f'dữ liệu {data_label} không có "{name}"{text}; có: {near}'))
    return out


def _first_missing(path: tuple[str, ...], known: set[str]) -> tuple[str, ...] | None:
    """The shortest part of ``path`` the data lacks; None when all is there or unknowable."""
    for end in range(1, len(path) + 1):
        dotted = ".".join(path[:end]).replace(f".{ITEM}", ITEM)
        if dotted in known:
            continue
        parent = ".".join(path[: end - 1]).replace(f".{ITEM}", ITEM)
        has_children = end == 1 or any(_child_of(k, parent) and not k.endswith(ITEM) for k in known)
        if not has_children or path[end - 1] == ITEM or path[end - 1] in _DICT_METHODS:
            return None  # a value's own attribute (a method), or a list's: not data to check
        return path[:end]
    return None


def _child_of(name: str, parent: str) -> bool:
    if not parent:
        return "." not in name and not name.endswith(ITEM)
    rest = name[len(parent) :]
    return name.startswith(parent) and rest.startswith(".") and "." not in rest[1:] and ITEM not in rest


def _nearest(name: str, choices: list[str], count: int = 6) -> list[str]:
    ranked = sorted(choices, key=lambda c: -difflib.SequenceMatcher(None, name, c).ratio())
    return ranked[:count]


def _unrendered_tags(archive: zipfile.ZipFile) -> list[Finding]:
    out = []
    for name in archive.namelist():
        if _UNRENDERED.fullmatch(name) and re.search(rb"\{\{|\{%", archive.read(name)):
            out.append(Finding(name, "có thẻ Jinja nhưng phần này (chú thích cuối, ghi chú) không được điền"))
    return out
