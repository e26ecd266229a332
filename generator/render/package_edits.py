"""What a render adds to the template's package, and the check that what it refers to exists.

Data can bring pictures (docxtpl's ``InlineImage``): each needs its bytes as a media part,
a relationship from the part that shows it, and a content type. Markup from data can refer
to relationships by id (RichText hyperlinks, a Subdoc's pictures): each id must exist in the
part's relationships, or Word reports a damaged file. Pictures and relationships are added
the way python-docx adds them (same part names, ids and reuse), so documents match docxtpl's.
"""

from __future__ import annotations

import hashlib
import posixpath
import re
from dataclasses import dataclass, field

from generator.ooxml.package import Entry

_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
IMAGE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image"
HYPERLINK = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"
_MEDIA = re.compile(r"word/media/image(\d+)\.\w+")
_REFERENCE = re.compile(r'\sr:(?:id|embed|link|pict|dm|lo|qs|cs)="([^"]*)"')
CONTENT_TYPES = "[Content_Types].xml"


class MissingRelationshipError(Exception):
    """Markup from data refers to a relationship the part does not have."""

    def __init__(self, part: str, ids: list[str]) -> None:
        super().__init__(part, ids)
        self.part = part
        self.ids = ids


@dataclass
class Relationships:
    """One part's relationships: id → (type, target, external)."""

    items: dict[str, tuple[str, str, bool]] = field(default_factory=dict)
    changed: bool = False

    @classmethod
    def parse(cls, data: bytes | None) -> Relationships:
        from lxml import etree

        found = cls()
        if data:
            for rel in etree.fromstring(data).iter(f"{{{_RELS}}}Relationship"):
                external = rel.get("TargetMode") == "External"
                found.items[rel.get("Id", "")] = (rel.get("Type", ""), rel.get("Target", ""), external)
        return found

    def add(self, kind: str, target: str, external: bool = False) -> str:
        """The id of a relationship to ``target``: an existing one, else the first free ``rIdN``."""
        for rel_id, existing in self.items.items():
            if existing == (kind, target, external):
                return rel_id
        number = next(n for n in range(1, len(self.items) + 2) if f"rId{n}" not in self.items)
        self.items[f"rId{number}"] = (kind, target, external)
        self.changed = True
        return f"rId{number}"

    def xml(self) -> bytes:
        lines = [f'<Relationships xmlns="{_RELS}">']
        for rel_id, (kind, target, external) in self.items.items():
            mode = ' TargetMode="External"' if external else ""
            lines.append(
                f"<Relationship Id={_attribute(rel_id)} Type={_attribute(kind)} Target={_attribute(target)}{mode}/>"
            )
        lines.append("</Relationships>")
        return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' + "".join(lines)).encode()


def rels_name(part: str) -> str:
    folder, _, base = part.rpartition("/")
    return f"{folder}/_rels/{base}.rels" if folder else f"_rels/{base}.rels"


@dataclass
class PackageEdits:
    """The additions of one render. ``entries`` are the template's parts by name."""

    entries: dict[str, Entry]
    part: str = ""  # the part being rendered
    rels: dict[str, Relationships] = field(default_factory=dict)
    media: dict[str, tuple[bytes, str]] = field(default_factory=dict)  # name → (bytes, content type)
    _by_sha1: dict[str, str] | None = None

    def relationships(self, part: str) -> Relationships:
        if part not in self.rels:
            entry = self.entries.get(rels_name(part))
            self.rels[part] = Relationships.parse(entry.data() if entry else None)
        return self.rels[part]

    def add_media(self, data: bytes, ext: str, content_type: str) -> str:
        """The relationship id, from the current part, of a media part holding ``data``."""
        digest = hashlib.sha1(data).hexdigest()
        name = self._known_media().get(digest)
        if name is None:
            used = {int(m.group(1)) for n in (*self.entries, *self.media) if (m := _MEDIA.fullmatch(n))}
            number = next(n for n in range(1, len(used) + 2) if n not in used)
            name = f"word/media/image{number}.{ext}"
            self.media[name] = (data, content_type)
            self._known_media()[digest] = name
        folder = self.part.rpartition("/")[0]
        return self.relationships(self.part).add(IMAGE, posixpath.relpath(name, folder or "."))

    def add_link(self, url: str) -> str:
        return self.relationships(self.part).add(HYPERLINK, url, external=True)

    def _known_media(self) -> dict[str, str]:
        if self._by_sha1 is None:
            self._by_sha1 = {
                hashlib.sha1(entry.data()).hexdigest(): name
                for name, entry in self.entries.items()
                if _MEDIA.fullmatch(name)
            }
        return self._by_sha1

    def check_references(self, markup: str) -> None:
        """Every relationship id ``markup`` refers to must exist in the current part."""
        ids = set(_REFERENCE.findall(markup))
        if ids:
            missing = sorted(ids - set(self.relationships(self.part).items))
            if missing:
                raise MissingRelationshipError(self.part, missing)

    def apply(self, entries: list[Entry]) -> list[Entry]:
        """``entries`` with the changed relationship parts, new media and their content types."""
        changed = {rels_name(part): rels.xml() for part, rels in self.rels.items() if rels.changed}
        out = [Entry.of(e.name, changed.pop(e.name)) if e.name in changed else e for e in entries]
        out += [Entry.of(name, data) for name, data in changed.items()]
        out += [Entry.of(name, data) for name, (data, _) in self.media.items()]
        if self.media:
            out = [_with_types(e, self.media) if e.name == CONTENT_TYPES else e for e in out]
        return out


def _with_types(entry: Entry, media: dict[str, tuple[bytes, str]]) -> Entry:
    """[Content_Types].xml with a Default for each new picture's extension (or an Override)."""
    xml = entry.data().decode("utf-8")
    added: list[tuple[str, str]] = []
    for name, (_, content_type) in media.items():
        ext = name.rpartition(".")[2]
        default = re.search(rf'<Default[^>]*Extension="{re.escape(ext)}"[^>]*>', xml, re.IGNORECASE)
        if default is None and ext not in {a[0] for a in added}:
            added.append((ext, f'<Default Extension="{ext}" ContentType="{content_type}"/>'))
        elif default is not None and f'ContentType="{content_type}"' not in default.group(0):
            added.append((name, f'<Override PartName="/{name}" ContentType="{content_type}"/>'))
    return Entry.of(entry.name, xml.replace("</Types>", "".join(a[1] for a in added) + "</Types>").encode())


def _attribute(value: str) -> str:
    """``value`` as a double-quoted XML attribute (what xml.sax.saxutils.quoteattr gives, without
    importing it: that module pulls in urllib and http, a fifth of cchc's start-up imports)."""
    for raw, entity in (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"), ('"', "&quot;"),
                        ("\n", "&#10;"), ("\r", "&#13;"), ("\t", "&#9;")):  # fmt: skip
        value = value.replace(raw, entity)
    return f'"{value}"'
