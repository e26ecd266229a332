"""Problems with a place, and the one exception family the CLI reports without a traceback."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Location:
    """Where a problem is, as data: a file, then a sheet and cell, or a YAML key path and line.

    Rows, columns and lines are 1-based integers, as people count them; "B12" and "tệp:14" are
    only how ``__str__`` prints them.
    """

    file: str
    sheet: str | None = None
    row: int | None = None
    column: int | None = None
    key_path: str | None = None
    line: int | None = None

    @property
    def cell(self) -> str | None:
        """The cell as Excel names it ("B12"), or None when the place is not a cell."""
        if self.row is None or self.column is None:
            return None
        return f"{column_letter(self.column)}{self.row}"

    def sort_key(self) -> tuple[int, str, int, int]:
        """Reading order inside one file: by line, or by sheet, row and column."""
        return (self.line or 0, self.sheet or "", self.row or 0, self.column or 0)

    def __str__(self) -> str:
        if self.sheet is not None:
            cell = f", ô {self.cell}" if self.cell else ""
            return f'{self.file}, trang "{self.sheet}"{cell}'
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where} ({self.key_path})" if self.key_path else where


def column_letter(index: int) -> str:
    """1 → "A", 27 → "AA" (openpyxl's get_column_letter, without importing openpyxl)."""
    letters = ""
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


@dataclass(frozen=True)
class Problem:
    """One defect (or, with ``warning=True``, one notice) in the user's input."""

    location: Location
    message: str
    warning: bool = False

    def __str__(self) -> str:
        return f"{self.location}: {self.message}"


class GeneratorError(Exception):
    """Everything the CLI reports without a traceback; exit code 1."""

    exit_code = 1

    def lines(self) -> list[str]:
        """The lines shown to the user, each without the "Lỗi: " prefix."""
        return [str(self)]


class InputError(GeneratorError):
    """The inputs have defects; all of them are listed at once."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = [p for p in problems if not p.warning]
        super().__init__(f"dữ liệu đầu vào có {len(self.problems)} lỗi")

    def lines(self) -> list[str]:
        """Problems grouped by file (in the order files were read), then in reading order."""
        files = list(dict.fromkeys(p.location.file for p in self.problems))
        ordered = sorted(self.problems, key=lambda p: (files.index(p.location.file), p.location.sort_key()))
        return [str(problem) for problem in ordered]


class RenderError(GeneratorError):
    """A template problem; the message names the template."""


class OutputError(GeneratorError):
    """The document could not be written where the user asked."""


class Problems:
    """Collects problems while loading; raises them all at once."""

    def __init__(self) -> None:
        self.items: list[Problem] = []

    def add(self, location: Location, message: str) -> None:
        self.items.append(Problem(location, message))

    def warn(self, location: Location, message: str) -> None:
        self.items.append(Problem(location, message, warning=True))

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.items if not p.warning]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.items if p.warning]

    def raise_if_any(self) -> None:
        """Raise ``InputError`` with every error collected so far."""
        if self.errors:
            raise InputError(self.errors)
