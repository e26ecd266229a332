"""Biểu 06 as a received report prints it (its Phụ lục II) → one row of figures per lĩnh vực.

The columns are found by the row numbering them "(1)" … "(13)" when there is one, so an
office that orders them otherwise is read right; without it, by the header's words: the
group over a column ("Số hồ sơ nhận giải quyết", "… đã giải quyết", "… đang giải quyết") and
its own title, or a title that says both ("Tổng số hồ sơ đã giải quyết"). A table split over
pages — a second table, its header repeated or not — continues the first. Totals rows, rows
without figures and a level's row ("I", "Cấp xã", with its subtotals or none) are skipped. The form: docs/tthc-form-06.md §2–§3.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from generator.domain import form06
from generator.domain.headings import roman_value
from generator.domain.models import FieldStats
from generator.domain.text import normalise_header
from generator.errors import Location, Problems
from generator.inputs.documents.appendix_table import Cells, grid_rows

_NUMBER = re.compile(r"^\((\d{1,2})\)$")
_TOTAL_ROWS = {"tổng cộng", "tổng", "cộng", "tổng số", "cộng chung"}
_GROUPS = ((form06.RECEIVED, "nhận"), (form06.RESOLVED, "đã giải quyết"), (form06.PENDING, "đang giải quyết"))
# Without these the form cannot be read; the three totals may be left out (they are the sums).
REQUIRED = ("ten", "truc_tuyen", "truc_tiep", "ky_truoc", "truoc_han", "dung_han", "qua_han",
            "dang_trong_han", "dang_qua_han")  # fmt: skip
_HEADER_DEPTH = 4


@dataclass
class FormRows:
    """The form's rows (form key → figure, None where a total is blank; "ten"; "noi", the place)."""

    rows: list[dict[str, Any]] = field(default_factory=list)
    mapping: dict[int, str] | None = None  # grid column → form key, carried to a continuation table


def read_form06(tables: list[tuple[int, Any]], where: str, problems: Problems) -> FormRows:
    """The Biểu 06 rows of ``tables`` (number in the document, python-docx table); a figure that
    is not a whole number is an error at its row."""
    found = FormRows()
    for number, table in tables:
        grid = grid_rows(table)
        start = _find_header(grid, found)
        if start is None:
            continue
        for position, cells in enumerate(grid[start:], start=start + 1):
            _row(found, cells, Location(where, table=number, row=position), problems)
    return found


def stats_of(row: dict[str, Any]) -> FieldStats:
    """The row as ``FieldStats``: the parts as given, the totals left to their sums."""

    def part(key: str) -> int:
        return int(row.get(key) or 0)

    return FieldStats(
        row["ten"], part("truc_tuyen"), part("truc_tiep"), part("ky_truoc"), part("truoc_han"),
        part("dung_han"), part("qua_han"), part("dang_trong_han"), part("dang_qua_han"), row["noi"],
    )  # fmt: skip


def _find_header(grid: list[Cells], found: FormRows) -> int | None:
    """The index of the first data row, taking the table's header into ``found.mapping``; for a
    table continuing the form without a header, 0; None for a table that is not the form."""
    for index, cells in enumerate(grid[: _HEADER_DEPTH + 2]):
        numbers = _numbered(cells)
        if numbers is not None:
            found.mapping = numbers
            return index + 1
    for depth in range(1, min(_HEADER_DEPTH, len(grid)) + 1):
        mapping = _titled(grid[:depth])
        if mapping is not None:
            found.mapping = mapping
            return depth
    if (
        found.mapping is not None
        and grid
        and len(grid[0]) > max(found.mapping)
        and _has_figures(grid[0], found.mapping)
    ):
        return 0
    return None


def _numbered(cells: Cells) -> dict[int, str] | None:
    mapping: dict[int, str] = {}
    for index, text in enumerate(cells):
        match = _NUMBER.match(text.strip())
        if match and int(match.group(1)) in form06.BY_NUMBER:
            mapping[index] = form06.BY_NUMBER[int(match.group(1))].key
    return mapping if set(REQUIRED) <= set(mapping.values()) else None


def _titled(header: list[Cells]) -> dict[int, str] | None:
    """Columns by the words over them: the top row's group carried across the columns it spans."""
    width = max(len(cells) for cells in header)
    group = ""
    mapping: dict[int, str] = {}
    for index in range(width):
        texts = [normalise_header(cells[index]) if index < len(cells) else "" for cells in header]
        top = texts[0]
        if top:
            group = top
        title = next((t for t in reversed(texts) if t), "")
        key = _key(group if len(header) > 1 else "", title)
        if key is not None and key not in mapping.values():
            mapping[index] = key
    return mapping if set(REQUIRED) <= set(mapping.values()) else None


def _key(group: str, title: str) -> str | None:
    if title in ("stt", "tt", "số tt"):
        return "stt"
    if "lĩnh vực" in title or title == "đơn vị":
        return "ten"
    for column in form06.COLUMNS[2:]:
        if title == column.title.casefold() and group and _in_group(group, column.group):
            return column.key
    return next((c.key for c in form06.COLUMNS[2:] if title == c.name.casefold()), None)


def _in_group(group: str, name: str) -> bool:
    return next(w for g, w in _GROUPS if g == name) in group


def _has_figures(cells: Cells, mapping: dict[int, str]) -> bool:
    return any(
        cells[i].strip().replace(".", "").isdigit() for i, k in mapping.items() if k in form06.FIGURE_KEYS
    )


def _row(found: FormRows, cells: Cells, where: Location, problems: Problems) -> None:
    assert found.mapping is not None
    values = {key: cells[i].strip() if i < len(cells) else "" for i, key in found.mapping.items()}
    name = " ".join(values.get("ten", "").split())
    label = " ".join((name or values.get("stt", "")).split()).casefold().rstrip(":")
    if _NUMBER.match(values.get("ten", "")) or label in _TOTAL_ROWS:
        return  # the numbering row repeated after a page break, or the totals ("Tổng cộng" merged over STT too)
    figures = {k: values.get(k, "") for k in form06.FIGURE_KEYS}
    if not any(figures.values()) or _is_level(values.get("stt", ""), name):
        return  # a heading row (a level, a group of lĩnh vực; its subtotals are the rows' below)
    if not name:
        problems.add(where, "dòng có số liệu nhưng không có tên lĩnh vực: không biết cộng vào lĩnh vực nào")
        return
    row: dict[str, Any] = {"ten": name, "noi": where}
    for key, text in figures.items():
        row[key] = _figure(key, text, where, problems)
    found.rows.append(row)


def _is_level(number: str, name: str) -> bool:
    """ "I" / "A." in the STT column, or "Cấp xã …": a level's row (docs/tthc-form-06.md §2)."""
    mark = number.strip().rstrip(".")
    lettered = len(mark) == 1 and mark.isalpha() and mark.isupper()
    return roman_value(mark) is not None or lettered or name.casefold().startswith("cấp ")


def _figure(key: str, text: str, where: Location, problems: Problems) -> int | None:
    """ "1.234" → 1234; blank: 0 for a part, None for a total (then not judged)."""
    plain = text.replace(".", "").replace(" ", "")
    if not plain or plain in ("-", "–"):
        return None if key in ("tong_nhan", "da_giai_quyet", "dang_giai_quyet") else 0
    if plain.isdigit():
        return int(plain)
    column = form06.BY_KEY[key]
    problems.add(where, f"cột ({column.number}) {column.name}: “{text}” không phải số hồ sơ")
    return None
