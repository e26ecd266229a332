"""Excel workbooks → rows of ``Cell``s keyed by column, read the way staff fill them.

Accepted: .xlsx, .xlsm, .xls and .ods files (read by ``spreadsheet``), a title above the
header row, headers in any case or spacing or NFD, a header split over two rows (merged
cells), extra columns (ignored with a notice), blank rows, hidden sheets.
"""

from __future__ import annotations

import hashlib
import sys
import unicodedata
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from generator import cache
from generator.domain.sheets import Column as Column
from generator.domain.text import normalise_header
from generator.errors import Location, Problem, Problems, os_reason
from generator.inputs.formats import spreadsheet
from generator.inputs.formats.headers import has_value, locate_header
from generator.inputs.formats.text import clean_text

RECENT_SHEETS = 8  # tables kept for reuse: a unit's sheets, memory flat over a batch
REOPEN_HINT = "mở và lưu lại tệp trong Excel"


@dataclass(frozen=True, slots=True)  # slots: a 100,000-row sheet holds a million cells
class Cell:
    location: Location
    value: Any  # str (clean NFC text), int, float, datetime, bool or None
    percent_format: bool | None = False  # None: the file cannot tell (.xls, some .ods)
    column: Column | None = None  # a table's column (its messages name it); None in a form

    @property
    def blank(self) -> bool:
        return self.value is None or (isinstance(self.value, str) and not self.value.strip())


@dataclass
class Sheet:
    """The data rows of one sheet: each row maps column keys to cells."""

    title: str
    rows: list[dict[str, Cell]]
    header_row: int


def _meant(header: str, absent: Sequence[Column]) -> str:
    """'; nếu đây là cột "Thời gian hoàn thành", đổi tên cột thành đúng như vậy' when an ignored
    header holds the name of a column the sheet lacks ("Thời hạn hoàn thành" holds "Thời hạn")."""
    typed = normalise_header(header)
    for wanted in absent:
        if any(name and name in typed for name in wanted.names()):
            return f'; nếu đây là cột "{wanted.header}", đổi tên cột thành đúng như vậy'
    return ""


def _as_shown(column: Column, header: list[Any], index: int) -> Column:
    """``column`` under the header its sheet shows ("Số" for "Số lượng"), so a cell's
    message names what staff see; the template's header when the sheet's spans two rows."""
    value = header[index] if index < len(header) else None
    value = value[0] if isinstance(value, tuple) else value
    text = unicodedata.normalize("NFC", " ".join(str(value).split())) if has_value(value) else ""
    if text == column.header or normalise_header(text) not in column.names():
        return column
    return replace(column, header=text)


_RECENT: OrderedDict[tuple[object, ...], tuple[Sheet | None, list[Problem]]] = OrderedDict()


@dataclass
class _Parsed:
    """What was read from one workbook: sheet titles and the rows of the sheets used.

    Kept in the cache keyed by the file's SHA-256, the readers' versions and the code of the
    modules that read, so a run on an unchanged workbook reads nothing but the cache entry.
    Everything after reading — finding headers, cleaning text, noting problems — is redone.
    """

    titles: list[str]
    sheets: dict[str, list[list[Any]]]
    percent_known: bool = True


class Workbook:
    """A workbook file (.xlsx, .xlsm, .xls, .ods); ``sheet`` reads one sheet's table."""

    def __init__(self, path: Path, problems: Problems) -> None:
        self.path = path
        self._name = str(path)
        self.problems = problems
        self._reader: spreadsheet.Reader | None = None
        self._data = b""
        self._digest = b""
        self._formulas: Any = None
        self._parsed: _Parsed | None = None
        self._entry: Path | None = None
        self._dirty = False
        self._open()

    @property
    def ok(self) -> bool:
        return self._parsed is not None

    @property
    def sheet_titles(self) -> list[str]:
        return list(self._parsed.titles) if self._parsed is not None else []

    def _open(self) -> None:
        where = Location(str(self.path))
        try:
            self._data = self.path.read_bytes()
            self._digest = hashlib.sha256(self._data).digest()
        except FileNotFoundError:
            self.problems.add(where, "không tìm thấy tệp")
            return
        except OSError as exc:
            self.problems.add(where, f"không đọc được tệp ({os_reason(exc)})")
            return
        # the readers are known by their files, not imported: the cache exists to avoid that
        shaping = (cache.library("python_calamine"), cache.library("openpyxl"),
                   cache.code_version(sys.modules[__name__], spreadsheet))  # fmt: skip
        self._entry = cache.entry("sheets", self._data, *shaping)
        self._parsed = cache.load(self._entry, _Parsed)
        if self._parsed is None and self._load():
            assert self._reader is not None
            self._parsed = _Parsed(self._reader.titles, {}, self._reader.percent_known)
            self._dirty = True

    def _load(self) -> bool:
        """Open the file's reader; a problem naming the file when it is refused."""
        try:
            self._reader = spreadsheet.open_reader(self.path, self._data)
        except spreadsheet.UnreadableError as exc:
            self.problems.add(Location(str(self.path)), str(exc))
            return False
        return True

    def _rows(self, title: str) -> list[list[Any]] | None:
        """The trimmed rows of sheet ``title``, from the cache or read now (None: damaged)."""
        assert self._parsed is not None
        rows = self._parsed.sheets.get(title)
        if rows is None:
            if self._reader is None and not self._load():
                return None
            assert self._reader is not None
            try:
                rows = self._parsed.sheets[title] = self._reader.rows(title)
            except spreadsheet.UnreadableError as exc:
                self.problems.add(Location(str(self.path), sheet=title), str(exc))
                return None
            self._dirty = True
        return rows

    def find_title(self, wanted: str) -> str | None:
        """The sheet whose title matches ``wanted`` ignoring case, spacing and diacritic form."""
        key = normalise_header(wanted)
        return next((t for t in self.sheet_titles if normalise_header(t) == key), None)

    def sheet(self, title: str, columns: Sequence[Column], *, others: bool = False) -> Sheet | None:
        """Read the table of sheet ``title``; problems are recorded, None when unusable.

        A header cell of none of ``columns`` is ignored with a notice, or with ``others`` read
        as a column of its own, keyed "+" and its header ("+Ghi chú").

        A table read lately from the same file content is reused (``_RECENT``): a batch reads
        a unit's task sheet for its plan and again for each report. Its problems are recorded
        again; cells are immutable, and each caller gets its own row dicts.
        """
        key = (self._name, self._digest, title, tuple(columns), others)
        if key not in _RECENT:
            before = len(self.problems.items)
            _RECENT[key] = (self._read_sheet(title, columns, others), self.problems.items[before:])
            while len(_RECENT) > RECENT_SHEETS:
                _RECENT.popitem(last=False)
        else:
            self.problems.items.extend(_RECENT[key][1])
        _RECENT.move_to_end(key)
        table = _RECENT[key][0]
        return Sheet(table.title, [dict(row) for row in table.rows], table.header_row) if table else None

    def _read_sheet(self, title: str, columns: Sequence[Column], others: bool = False) -> Sheet | None:
        actual = self.find_title(title)
        if actual is None:
            found = ", ".join(f'"{t}"' for t in self.sheet_titles)
            self.problems.add(
                Location(str(self.path)), f'không có trang "{title}" (các trang hiện có: {found})'
            )
            return None
        raw = self._rows(actual)
        if raw is None:
            return None
        located = locate_header(raw, [(column.key, column.names()) for column in columns])
        if located is None:
            headers = ", ".join(f'"{c.header}"' for c in columns if c.required)
            self.problems.add(
                Location(str(self.path), sheet=actual),
                f"không tìm thấy dòng tiêu đề có các cột {headers}",
            )
            return None
        header_row, mapping = located
        if not self._check_columns(actual, header_row, raw, mapping, columns, others):
            return None
        shown = {
            c.key: _as_shown(c, raw[header_row - 1], mapping[c.key]) for c in columns if c.key in mapping
        }
        rows = [
            self._row(actual, number, values, mapping, shown)
            for number, values in enumerate(raw[header_row:], start=header_row + 1)
            if any(has_value(v) for v in values)
        ]
        return Sheet(actual, rows, header_row)

    def _check_columns(
        self,
        title: str,
        header_row: int,
        raw: list[list[Any]],
        mapping: dict[str, int],
        columns: Sequence[Column],
        others: bool = False,
    ) -> bool:
        missing = [c.header for c in columns if c.required and c.key not in mapping]
        where = Location(str(self.path), sheet=title)
        if missing:
            names = ", ".join(f'"{m}"' for m in missing)
            self.problems.add(where, f"thiếu cột {names} ở dòng tiêu đề {header_row}")
            return False
        used = set(mapping.values())
        absent = [c for c in columns if c.key not in mapping]
        for index, value in enumerate(raw[header_row - 1]):
            if has_value(value) and index not in used and others:
                mapping.setdefault(f"+{' '.join(str(value).split())}", index)
            elif has_value(value) and index not in used:
                self.problems.warn(
                    Location(str(self.path), sheet=title, row=header_row, column=index + 1),
                    f'bỏ qua cột "{str(value).strip()}" (không thuộc mẫu){_meant(str(value), absent)}',
                )
        return True

    def _row(
        self, title: str, number: int, values: list[Any], mapping: dict[str, int], columns: dict[str, Column]
    ) -> dict[str, Cell]:
        row: dict[str, Cell] = {}
        unknown = self._parsed is not None and not self._parsed.percent_known
        file = self._name
        for key, index in mapping.items():
            raw = values[index] if index < len(values) else None
            value, percent = raw if isinstance(raw, tuple) else (raw, None if unknown else False)
            location = Location(file, sheet=title, row=number, column=index + 1)
            if isinstance(value, str):
                value = clean_text(value, location, self.problems)
            row[key] = Cell(location, value, percent, columns.get(key))
        return row

    def formula_at(self, cell: Cell) -> str | None:
        """The formula of a blank cell, if it has one that was never calculated (.xlsx only)."""
        where = cell.location
        if where.sheet is None or where.row is None or where.column is None:
            return None
        if self._formulas is None:
            from openpyxl import load_workbook

            try:
                self._formulas = load_workbook(self.path, read_only=False, data_only=False)
            except Exception:  # .xls, .ods: openpyxl cannot tell; the cell is simply blank
                self._formulas = False
        if self._formulas is False:
            return None
        value = self._formulas[where.sheet].cell(row=where.row, column=where.column).value
        return value if isinstance(value, str) and value.startswith("=") else None

    def close(self) -> None:
        if self._reader is not None:
            self._reader.close()
            self._reader = None
        if self._dirty:
            cache.store(self._entry, self._parsed)
            self._dirty = False
