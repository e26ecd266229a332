"""A .docx as comparable data: what Word shows, part by part, without what differs by accident.

``signature(data)`` gives, for the main document, every header, footer and the footnotes:
paragraphs (style, properties, runs merged by formatting, with tabs, breaks, page breaks,
pictures and hyperlinks marked) and tables (grid, rows, cell properties); plus the core
document properties. Not compared: rsid attributes, whitespace between elements, the ZIP.

``assert_sound(data)`` checks the package itself: every relationship a part refers to
exists, every internal target is in the ZIP, every part has a content type, picture ids are
unique in the body.
"""

from __future__ import annotations

import hashlib
import io
import posixpath
import re
import zipfile
from typing import Any

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
NS = {
    "w": W,
    "r": R,
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "pic": "http://schemas.openxmlformats.org/drawingml/2006/picture",
    "cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
    "dc": "http://purl.org/dc/elements/1.1/",
}
_KINDS = {"header": "header", "footer": "footer", "footnotes": "footnotes"}


class Package:
    """A .docx opened for reading parts and following relationships."""

    def __init__(self, data: bytes) -> None:
        self.zip = zipfile.ZipFile(io.BytesIO(data))
        self.names = set(self.zip.namelist())

    def xml(self, name: str) -> Any:
        return etree.fromstring(self.zip.read(name))

    def rels(self, part: str) -> dict[str, tuple[str, str, bool]]:
        folder, _, base = part.rpartition("/")
        name = f"{folder}/_rels/{base}.rels" if folder else f"_rels/{base}.rels"
        if name not in self.names:
            return {}
        out = {}
        for rel in self.xml(name).iter(f"{{{RELS}}}Relationship"):
            external = rel.get("TargetMode") == "External"
            target = rel.get("Target", "")
            if not external:
                target = posixpath.normpath(posixpath.join(folder, target)).lstrip("/")
            out[rel.get("Id")] = (rel.get("Type", "").rsplit("/", 1)[-1], target, external)
        return out

    def main(self) -> str:
        for _, (kind, target, _) in self.rels("").items():
            if kind == "officeDocument":
                return target
        raise AssertionError("no main document part")


def signature(data: bytes) -> dict[str, Any]:
    package = Package(data)
    main = package.main()
    rels = package.rels(main)
    out: dict[str, Any] = {"document": _part(package, main, rels)}
    for kind, target, _ in sorted(rels.values(), key=lambda r: r[1]):
        if kind in _KINDS:
            out[f"{kind}:{posixpath.basename(target)}"] = _part(package, target, package.rels(target))
    out["properties"] = _properties(package)
    return out


def _part(package: Package, name: str, rels: dict[str, tuple[str, str, bool]]) -> list[Any]:
    root = package.xml(name)
    body = root.find(f"{{{W}}}body")
    if root.tag == f"{{{W}}}footnotes":
        return [(note.get(f"{{{W}}}id"), _blocks(note, package, rels)) for note in root]
    return _blocks(body if body is not None else root, package, rels)


def _blocks(container: Any, package: Package, rels: Any) -> list[Any]:
    out: list[Any] = []
    for child in container:
        tag = etree.QName(child).localname
        if tag == "p":
            out.append(_paragraph(child, package, rels))
        elif tag == "tbl":
            out.append(_table(child, package, rels))
        elif tag == "sectPr":
            out.append(("sectPr", _canonical(child, drop_ids=True)))
    return out


def _paragraph(p: Any, package: Package, rels: Any) -> tuple[Any, ...]:
    props = p.find(f"{{{W}}}pPr")
    runs: list[list[Any]] = []
    for run, link in _runs(p):
        rpr = run.find(f"{{{W}}}rPr")
        key = (_canonical(rpr), link and rels.get(link, ("?", "missing", True))[1])
        content = _content(run, package, rels)
        if not content:
            continue
        if runs and runs[-1][0] == key:
            _extend(runs[-1][1], content)
        else:
            runs.append([key, content])
    return ("p", _canonical(props), tuple((key, tuple(c)) for key, c in runs))


def _extend(content: list[Any], more: list[Any]) -> None:
    """Run content joined as Word shows it: text (with tab and break marks) in one string."""
    for piece in more:
        if isinstance(piece, str) and content and isinstance(content[-1], str):
            content[-1] += piece
        else:
            content.append(piece)


def _runs(p: Any) -> Any:
    for child in p:
        tag = etree.QName(child).localname
        if tag == "r":
            yield child, None
        elif tag == "hyperlink":
            for run in child.iter(f"{{{W}}}r"):
                yield run, child.get(f"{{{R}}}id")


def _content(run: Any, package: Package, rels: Any) -> list[Any]:
    parts: list[Any] = []
    for child in run:
        tag = etree.QName(child).localname
        if tag == "t" and child.text:
            _extend(parts, [child.text])
        elif tag == "tab":
            _extend(parts, ["⇥"])
        elif tag == "br":
            _extend(parts, ["⤓" if child.get(f"{{{W}}}type") == "page" else "⏎"])
        elif tag == "drawing":
            parts.append(_picture(child, package, rels))
    return parts


def _picture(drawing: Any, package: Package, rels: Any) -> tuple[Any, ...]:
    extent = drawing.find(".//wp:extent", NS)
    docpr = drawing.find(".//wp:docPr", NS)
    blip = drawing.find(".//a:blip", NS)
    target = rels.get(blip.get(f"{{{R}}}embed"), ("?", "missing", False))[1]
    media = hashlib.sha1(package.zip.read(target)).hexdigest()[:12] if target in package.names else target
    link = docpr.find("a:hlinkClick", NS)
    url = rels.get(link.get(f"{{{R}}}id"), ("?", "missing", True))[1] if link is not None else None
    return ("picture", extent.get("cx"), extent.get("cy"), docpr.get("id"), docpr.get("name"), media, url)


def _table(table: Any, package: Package, rels: Any) -> tuple[Any, ...]:
    grid = [col.get(f"{{{W}}}w") for col in table.findall(f"{{{W}}}tblGrid/{{{W}}}gridCol")]
    rows = []
    for row in table.findall(f"{{{W}}}tr"):
        cells = [
            (_canonical(cell.find(f"{{{W}}}tcPr")), tuple(_blocks(cell, package, rels)))
            for cell in row.findall(f"{{{W}}}tc")
        ]
        rows.append(tuple(cells))
    return ("table", tuple(grid), tuple(rows))


def _canonical(element: Any, drop_ids: bool = False) -> str:
    """An element as text with attributes sorted, rsids and (optionally) r:ids left out."""
    if element is None:
        return ""
    out = []
    for node in element.iter():
        if not isinstance(node.tag, str):
            continue
        attrs = sorted(
            (etree.QName(k).localname, v)
            for k, v in node.attrib.items()
            if "rsid" not in k and not (drop_ids and k == f"{{{R}}}id")
        )
        out.append(f"<{etree.QName(node).localname} {attrs}>")
    return "".join(out)


def _properties(package: Package) -> dict[str, str]:
    if "docProps/core.xml" not in package.names:
        return {}
    root = package.xml("docProps/core.xml")
    fields = ("title", "subject", "creator", "description", "identifier", "language")
    return {f: (root.findtext(f"dc:{f}", default="", namespaces=NS) or "") for f in fields}


def assert_sound(data: bytes) -> None:
    """The package refers only to what it holds; picture ids in the body are unique."""
    package = Package(data)
    types = package.xml("[Content_Types].xml")
    defaults = {e.get("Extension").lower() for e in types if e.tag.endswith("Default")}
    overrides = {e.get("PartName").lstrip("/") for e in types if e.tag.endswith("Override")}
    for name in package.names:
        if not name.endswith("/"):
            assert name in overrides or name.rsplit(".", 1)[-1].lower() in defaults, (
                f"no content type: {name}"
            )
        if not name.endswith(".xml") or name.startswith("[") or "_rels/" in name:
            continue
        rels = package.rels(name)
        for _, (_, target, external) in rels.items():
            assert external or target in package.names, f"{name} points to a missing part {target}"
        text = package.zip.read(name).decode("utf-8")
        for rel_id in set(re.findall(r'\sr:(?:id|embed|link)="([^"]*)"', text)):
            assert rel_id in rels, f"{name} refers to relationship {rel_id}, which it does not have"
    ids = package.xml(package.main()).xpath("//wp:docPr/@id", namespaces=NS)
    assert len(ids) == len(set(ids)), f"picture ids repeat in the body: {ids}"
