"""Where a table's header row is: the first rows of a sheet matched against the column names.

Headers may sit below a title, in any case or spacing (``normalise_header``), split over two
rows with the upper one merged across columns. Each row is normalised once, and the search
stops at the first row that matches every column.
"""

from __future__ import annotations

from typing import Any

from generator.domain.text import normalise_header

HEADER_SEARCH_ROWS = 10
Names = list[tuple[str, frozenset[str]]]  # (column key, its accepted headers normalised)


def has_value(value: Any) -> bool:
    if isinstance(value, tuple):
        value = value[0]
    return value is not None and not (isinstance(value, str) and not value.strip())


def locate_header(raw: list[list[Any]], names: Names) -> tuple[int, dict[str, int]] | None:
    """The header row (1-based, the lower row of a two-row header) and the position of each
    column, given as (key, normalised names); None when fewer than two columns are found."""
    texts: list[list[str]] = []  # each row normalised once, and only as far as the search goes
    best: tuple[int, dict[str, int]] | None = None
    for top in range(min(HEADER_SEARCH_ROWS, len(raw))):
        for depth in (1, 2):
            if top + depth > len(raw):
                continue
            texts.extend([_text(value) for value in row] for row in raw[len(texts) : top + depth])
            mapping = _match_columns(texts[top : top + depth], names)
            if best is None or len(mapping) > len(best[1]):
                best = (top + depth, mapping)
            if len(mapping) == len(names):  # no later row can match more: the first full one wins
                return best
    if best is None or len(best[1]) < max(1, min(2, len(names))):
        return None
    return best


def _match_columns(rows: list[list[str]], columns: Names) -> dict[str, int]:
    """Which cell of the header ``rows`` (normalised texts) each column's names match."""
    width = max((len(r) for r in rows), default=0)
    candidates: list[set[str]] = [set() for _ in range(width)]
    upper = ""
    for index in range(width):
        texts = [r[index] if index < len(r) else "" for r in rows]
        if texts[0]:
            upper = texts[0]  # a header merged across columns is filled forward
        candidates[index].update(t for t in texts if t)
        if len(rows) == 2 and texts[1] and upper:
            candidates[index].add(f"{upper} {texts[1]}")  # both normalised: so is the pair
    mapping: dict[str, int] = {}
    for key, names in columns:
        for index, found in enumerate(candidates):
            if not found.isdisjoint(names) and index not in mapping.values():
                mapping[key] = index
                break
    return mapping


def _text(value: Any) -> str:
    if isinstance(value, tuple):
        value = value[0]
    return normalise_header(value) if has_value(value) else ""
