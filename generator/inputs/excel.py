"""Excel workbooks → rows of ``Cell``s keyed by column, read the way staff fill them.

Accepted: a title above the header row, headers in any case or spacing or NFD, a header
split over two rows (merged cells), extra columns (ignored with a notice), blank rows,
hidden sheets. Read-only mode keeps memory flat for large sheets; ``defusedxml``, when
installed, is used by openpyxl itself against XML bombs.
"""

from __future__ import annotations

import re
import sys
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator import cache
from generator.domain.text import normalise_header
from generator.errors import Location, Problems, os_reason
from generator.inputs.text import clean_text

HEADER_SEARCH_ROWS = 10
# Excel stores characters XML cannot hold (a line break copied from Word is \x0b) as
# "_x000B_"; openpyxl hands them over escaped, so they are decoded here, then cleaned.
_OOXML_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")
REOPEN_HINT = "mở và lưu lại tệp trong Excel"


@dataclass(frozen=True)
class Column:
    """An expected column: its key in code, its header as staff read it, other accepted headers."""

    key: str
    header: str
    required: bool = True
    aliases: tuple[str, ...] = ()
    width: int = 16  # for workbooks cchc writes (``cchc init``)
    choices: tuple[str, ...] = ()  # drop-down list in workbooks cchc writes
    note: str = ""  # what to type, shown as the header cell's comment

    def names(self) -> set[str]:
        return {normalise_header(name) for name in (self.header, *self.aliases)}


@dataclass(frozen=True)
class Cell:
    location: Location
    value: Any  # str (clean NFC text), int, float, datetime, bool or None
    percent_format: bool = False

    @property
    def blank(self) -> bool:
        return self.value is None or (isinstance(self.value, str) and not self.value.strip())


@dataclass
class Sheet:
    """The data rows of one sheet: each row maps column keys to cells."""

    title: str
    rows: list[dict[str, Cell]]
    header_row: int


@dataclass
class _Parsed:
    """What openpyxl read from one workbook: sheet titles and the rows of the sheets used.

    Kept in the cache keyed by the file's SHA-256, openpyxl's version and this module's code,
    so a run on an unchanged workbook (the common case while staff revise the wording) needs
    neither openpyxl nor its import (~80 ms).
    Everything after reading — finding headers, cleaning text, noting problems — is redone.
    """

    titles: list[str]
    sheets: dict[str, list[list[Any]]]


class Workbook:
    """An .xlsx file; ``sheet`` reads one sheet's table."""

    def __init__(self, path: Path, problems: Problems) -> None:
        self.path = path
        self.problems = problems
        self.book: Any = None
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
        if self.path.suffix.lower() == ".xls":
            self.problems.add(where, "định dạng Excel cũ (.xls): hãy mở bằng Excel và lưu lại dạng .xlsx")
            return
        try:
            data = self.path.read_bytes()
        except FileNotFoundError:
            self.problems.add(where, "không tìm thấy tệp")
            return
        except OSError as exc:
            self.problems.add(where, f"không đọc được tệp ({os_reason(exc)})")
            return
        # openpyxl is known by its files, not imported: the cache exists to avoid that import
        shaping = (cache.library("openpyxl"), cache.code_version(sys.modules[__name__]))
        self._entry = cache.entry("sheets", data, *shaping)
        self._parsed = cache.load(self._entry, _Parsed)
        if self._parsed is None and self._load():
            self._parsed = _Parsed(list(self.book.sheetnames), {})
            self._dirty = True

    def _load(self) -> bool:
        """Open the file with openpyxl (read-only, cached values of formulas)."""
        from openpyxl import load_workbook  # heavy import: only when a workbook must be parsed
        from openpyxl.utils.exceptions import InvalidFileException

        try:
            self.book = load_workbook(self.path, read_only=True, data_only=True)
        except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, ValueError):
            self.problems.add(
                Location(str(self.path)),
                "không phải tệp Excel .xlsx hợp lệ (có thể là tệp CSV hoặc tệp hỏng); "
                "hãy mở bằng Excel và lưu lại dạng .xlsx",
            )
            return False
        return True

    def _rows(self, title: str) -> list[list[Any]]:
        """The trimmed rows of sheet ``title``, from the cache or read now."""
        assert self._parsed is not None
        rows = self._parsed.sheets.get(title)
        if rows is None:
            if self.book is None:
                self._load()
            rows = self._parsed.sheets[title] = list(_trimmed_rows(self.book[title]))
            self._dirty = True
        return rows

    def find_title(self, wanted: str) -> str | None:
        """The sheet whose title matches ``wanted`` ignoring case, spacing and diacritic form."""
        key = normalise_header(wanted)
        return next((t for t in self.sheet_titles if normalise_header(t) == key), None)

    def sheet(self, title: str, columns: Sequence[Column]) -> Sheet | None:
        """Read the table of sheet ``title``; problems are recorded, None when unusable."""
        actual = self.find_title(title)
        if actual is None:
            found = ", ".join(f'"{t}"' for t in self.sheet_titles)
            self.problems.add(
                Location(str(self.path)), f'không có trang "{title}" (các trang hiện có: {found})'
            )
            return None
        raw = self._rows(actual)
        located = _locate_header(raw, columns)
        if located is None:
            headers = ", ".join(f'"{c.header}"' for c in columns if c.required)
            self.problems.add(
                Location(str(self.path), sheet=actual),
                f"không tìm thấy dòng tiêu đề có các cột {headers}",
            )
            return None
        header_row, mapping = located
        if not self._check_columns(actual, header_row, raw, mapping, columns):
            return None
        rows = [
            self._row(actual, number, values, mapping)
            for number, values in enumerate(raw[header_row:], start=header_row + 1)
            if any(_has_value(v) for v in values)
        ]
        return Sheet(actual, rows, header_row)

    def _check_columns(
        self,
        title: str,
        header_row: int,
        raw: list[list[Any]],
        mapping: dict[str, int],
        columns: Sequence[Column],
    ) -> bool:
        missing = [c.header for c in columns if c.required and c.key not in mapping]
        where = Location(str(self.path), sheet=title)
        if missing:
            names = ", ".join(f'"{m}"' for m in missing)
            self.problems.add(where, f"thiếu cột {names} ở dòng tiêu đề {header_row}")
            return False
        used = set(mapping.values())
        for index, value in enumerate(raw[header_row - 1]):
            if _has_value(value) and index not in used:
                self.problems.warn(
                    Location(str(self.path), sheet=title, row=header_row, column=index + 1),
                    f'bỏ qua cột "{str(value).strip()}" (không thuộc mẫu)',
                )
        return True

    def _row(self, title: str, number: int, values: list[Any], mapping: dict[str, int]) -> dict[str, Cell]:
        row: dict[str, Cell] = {}
        for key, index in mapping.items():
            raw = values[index] if index < len(values) else None
            value, percent = raw if isinstance(raw, tuple) else (raw, False)
            location = Location(str(self.path), sheet=title, row=number, column=index + 1)
            if isinstance(value, str):
                if "_x" in value:
                    value = _OOXML_ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), value)
                value = clean_text(value, location, self.problems)
            row[key] = Cell(location, value, percent)
        return row

    def formula_at(self, cell: Cell) -> str | None:
        """The formula of a blank cell, if it has one that was never calculated."""
        from openpyxl import load_workbook

        if self._formulas is None:
            self._formulas = load_workbook(self.path, read_only=False, data_only=False)
        where = cell.location
        if where.sheet is None or where.row is None or where.column is None:
            return None
        value = self._formulas[where.sheet].cell(row=where.row, column=where.column).value
        return value if isinstance(value, str) and value.startswith("=") else None

    def close(self) -> None:
        if self.book is not None:
            self.book.close()
            self.book = None
        if self._dirty:
            cache.store(self._entry, self._parsed)
            self._dirty = False


def _has_value(value: Any) -> bool:
    if isinstance(value, tuple):
        value = value[0]
    return value is not None and not (isinstance(value, str) and not value.strip())


def _trimmed_rows(worksheet: Any) -> Iterator[list[Any]]:
    """Row values (a percent-formatted number as ``(value, True)``), trailing blanks dropped."""
    for row in worksheet.iter_rows():
        values: list[Any] = []
        for cell in row:
            value = getattr(cell, "value", None)
            fmt = getattr(cell, "number_format", "") or ""
            values.append((value, True) if isinstance(value, int | float) and "%" in fmt else value)
        while values and not _has_value(values[-1]):
            values.pop()
        yield values


def _locate_header(raw: list[list[Any]], columns: Sequence[Column]) -> tuple[int, dict[str, int]] | None:
    """Find the header row (1-based, the lower row of a two-row header) and column positions."""
    best: tuple[int, dict[str, int]] | None = None
    for top in range(min(HEADER_SEARCH_ROWS, len(raw))):
        for depth in (1, 2):
            if top + depth > len(raw):
                continue
            mapping = _match_columns(raw[top : top + depth], columns)
            if best is None or len(mapping) > len(best[1]):
                best = (top + depth, mapping)
    if best is None or len(best[1]) < max(1, min(2, len(columns))):
        return None
    return best


def _match_columns(rows: list[list[Any]], columns: Sequence[Column]) -> dict[str, int]:
    width = max((len(r) for r in rows), default=0)
    candidates: list[set[str]] = [set() for _ in range(width)]
    upper = ""
    for index in range(width):
        texts = [_text(r[index]) if index < len(r) else "" for r in rows]
        if texts[0]:
            upper = texts[0]  # a header merged across columns is filled forward
        candidates[index].update(t for t in texts if t)
        if len(rows) == 2 and texts[1]:
            candidates[index].add(normalise_header(f"{upper} {texts[1]}"))
    mapping: dict[str, int] = {}
    for column in columns:
        for index, names in enumerate(candidates):
            if names & column.names() and index not in mapping.values():
                mapping[column.key] = index
                break
    return mapping


def _text(value: Any) -> str:
    if isinstance(value, tuple):
        value = value[0]
    return normalise_header(value) if _has_value(value) else ""
