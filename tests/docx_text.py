"""Text of a python-docx table, for asserts on generated documents."""

from __future__ import annotations

from typing import Any

from docx.table import Table


def cell_text(cell: Any) -> str:
    return "\n".join(p.text for p in cell.paragraphs)


def table_rows(table: Table) -> list[list[str]]:
    """Each row's cell texts; a cell spanning columns appears once."""
    rows = []
    for row in table.rows:
        seen: list[Any] = []
        texts = []
        for cell in row.cells:
            if any(cell._tc is other._tc for other in seen):
                continue
            seen.append(cell)
            texts.append(cell_text(cell))
        rows.append(texts)
    return rows
