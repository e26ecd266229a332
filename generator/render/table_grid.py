"""When a rendered document's table grids need docxtpl's fix (``fix_tables``), decided once per
template so that the common case costs nothing per document.

docxtpl rebuilds the column grid (``w:tblGrid``) of every table in the body after each
render: it adds columns when a row has more cells than the grid, and drops columns that no
row reaches. That parse and rewrite costs more than the rest of a fast render, and it only
changes something when (a) the template's own tables already disagree with their grids, or
(b) Jinja can change how many cells a row has: a tag between cells or in a cell's properties
(``{%tc for %}``, ``{#tc #}``, ``{% hm %}``, ``{% colspan %}``), or a block that opens in one
cell and closes in another. Rows repeated by ``{%tr for %}`` keep their cells, and tags in
paragraphs only change text.
"""

from __future__ import annotations

import re

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_TOKEN = re.compile(r"<(/?)w:(tbl|tr|tc|tcPr|p)(?:\s[^>]*?)?(/?)>|\{%-?\s*(\w+)(.*?)%\}|\{\{|\{#", re.DOTALL)
_OPENERS = frozenset({"for", "if", "with", "macro", "call", "filter", "block", "raw"})


def needs_fix(original: bytes, patched: str) -> bool:
    """Whether docxtpl's ``fix_tables`` could change the main part rendered from ``patched``."""
    return "<w:tbl" in patched and (_grid_disagrees(original) or _tags_reshape_rows(patched))


def _grid_disagrees(original: bytes) -> bool:
    """docxtpl's own test on the template as it is: more cells than grid columns in a row, or
    grid columns that no row spans (rows of nested tables counted too, as docxtpl does)."""
    from lxml import etree

    for table in etree.fromstring(original).iter(_W + "tbl"):
        grid = table.find(_W + "tblGrid")
        columns = len(grid.findall(_W + "gridCol")) if grid is not None else 0
        widest = 0
        for row in table.iter(_W + "tr"):
            cells = row.findall(_W + "tc")
            if len(cells) > columns:
                return True
            widest = max(widest, sum(_span(cell) for cell in cells))
        if columns > widest:
            return True
    return False


def _span(cell: object) -> int:
    span = cell.find(f"{_W}tcPr/{_W}gridSpan")  # type: ignore[attr-defined]
    try:
        return int(span.get(_W + "val")) if span is not None else 1
    except (TypeError, ValueError):
        return 1


def _tags_reshape_rows(patched: str) -> bool:
    """A Jinja tag in a row but outside its cells' paragraphs, or a block crossing cells."""
    open_elements: list[str] = []
    cell_ids: list[int] = []
    blocks: list[int | None] = []
    cells_seen = 0
    for match in _TOKEN.finditer(patched):
        closing, element, empty, keyword, rest = match.groups()
        if empty:
            continue
        if element:
            if element == "tc" and not closing:
                cells_seen += 1
                cell_ids.append(cells_seen)
            elif element == "tc" and cell_ids:
                cell_ids.pop()
            _track(open_elements, element, closing)
            continue
        inner = open_elements[-1] if open_elements else None
        if inner in ("tr", "tcPr"):
            return True
        cell = cell_ids[-1] if cell_ids and "tbl" in open_elements else None
        if keyword and _crosses_cells(keyword, "=" in rest, cell, blocks):
            return True
    return False


def _track(open_elements: list[str], element: str, closing: str) -> None:
    if not closing:
        open_elements.append(element)
    elif element in open_elements:
        while open_elements and open_elements.pop() != element:
            pass


def _crosses_cells(keyword: str, assigns: bool, cell: int | None, blocks: list[int | None]) -> bool:
    """Pair block tags; True when a block's parts stand in different cells."""
    if keyword in _OPENERS or (keyword == "set" and not assigns):
        blocks.append(cell)
    elif keyword.startswith("end") and blocks:
        return blocks.pop() != cell
    elif keyword in ("else", "elif") and blocks:
        return blocks[-1] != cell
    return False


_GRID = re.compile(rb"<(/?)w:(tbl|tr|tc|gridCol|gridSpan)\b([^>]*)>")
_SPAN = re.compile(rb'w:val="(\d+)"')


def grids_fit(rendered: bytes) -> bool:
    """Whether docxtpl's fix would leave every grid of ``rendered`` as it is: no row has more
    cells than its grid has columns, and some row reaches the last column. A template whose
    rows may change (``needs_fix``) mostly renders rows that still fit: a plan without its own
    columns (#24). A table inside a table is left to docxtpl."""
    inside = False
    grid = cells = spans = widest = 0
    for match in _GRID.finditer(rendered):
        closing, name, attributes = match.groups()
        if name == b"tbl" and not closing:
            if inside:
                return False
            inside, grid, widest = True, 0, 0
        elif name == b"tbl":
            if widest < grid:
                return False
            inside = False
        elif name == b"gridCol":
            grid += 1
        elif name == b"tr" and not closing:
            cells = spans = 0
        elif name == b"tr":
            if cells > grid:
                return False
            widest = max(widest, spans)
        elif name == b"tc" and not closing:
            cells, spans = cells + 1, spans + 1
        elif name == b"gridSpan":
            value = _SPAN.search(attributes)
            spans += int(value.group(1)) - 1 if value else 0
    return True
