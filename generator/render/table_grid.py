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
from typing import Any

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


_GRID_COLUMNS = re.compile(rb"<w:tblGrid\b.*?</w:tblGrid>|<w:tblGrid\s*/>", re.DOTALL)


def grid_sizes(rendered: bytes) -> list[int]:
    """How many grid columns each table has, in document order (as ``etree.iter`` finds them)."""
    return [block.count(b"<w:gridCol") for block in _GRID_COLUMNS.findall(rendered)]


def widen_from_header(tree: Any, before: list[int]) -> None:
    """After docxtpl's fix, a table that gained grid columns (a plan's own "Ghi chú", #24) takes
    the widths its header cells ask for; the room is taken from the columns wider than the
    average, so a narrow STT keeps its width rather than every column shrinking alike."""
    for table, count in zip(tree.iter(_W + "tbl"), before, strict=False):
        grid = table.find(_W + "tblGrid")
        columns = grid.findall(_W + "gridCol") if grid is not None else []
        header = table.find(_W + "tr")
        cells = header.findall(_W + "tc") if header is not None else []
        wanted = [_width(cell) for cell in cells]
        if len(columns) <= count or len(cells) != len(columns) or 0 in wanted:
            continue
        widths = _fitted(wanted, sum(wanted[:count]))  # the table as wide as its template's columns
        if widths == [int(column.get(_W + "w") or 0) for column in columns]:
            continue  # docxtpl's grid already is: its cells stay as it leaves them
        for column, width in zip(columns, widths, strict=True):
            column.set(_W + "w", str(width))
        for row in table.iter(_W + "tr"):
            _set_cell_widths(row, widths)


def _width(cell: Any) -> int:
    """A cell's preferred width (tcW) in twips; 0 when unknown."""
    node = cell.find(f"{_W}tcPr/{_W}tcW")
    value = node.get(_W + "w") if node is not None else None
    return int(value) if value is not None and value.isdigit() else 0


def _fitted(wanted: list[int], total: int) -> list[int]:
    excess = sum(wanted) - total
    wide = [w for w in wanted if w > sum(wanted) / len(wanted)]
    if excess <= 0 or sum(wide) <= excess:
        return [w * total // sum(wanted) for w in wanted]
    room = sum(wide)
    fitted = [w - excess * w // room if w in wide else w for w in wanted]
    fitted[fitted.index(max(fitted))] += total - sum(fitted)
    return fitted


def _set_cell_widths(row: Any, widths: list[int]) -> None:
    column = 0
    for cell in row.findall(_W + "tc"):
        span = _span(cell)
        width = cell.find(f"{_W}tcPr/{_W}tcW")
        if width is not None and column + span <= len(widths):
            width.set(_W + "w", str(sum(widths[column : column + span])))
        column += span
