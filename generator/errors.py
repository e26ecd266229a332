"""Problems with a place, and the one exception family the CLI reports without a traceback."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Location:
    """Where a problem is: a file, then a sheet and cell, or a YAML key path and line."""

    file: str
    sheet: str | None = None
    cell: str | None = None
    key_path: str | None = None
    line: int | None = None

    def sort_key(self) -> tuple[int, str, int, int]:
        """Reading order inside one file: by line, or by sheet, row and column."""
        row, column = 0, 0
        if self.cell:
            letters = self.cell.rstrip("0123456789")
            digits = self.cell[len(letters) :]
            row = int(digits) if digits else 0
            for letter in letters:
                column = column * 26 + ord(letter.upper()) - 64
        return (self.line or 0, self.sheet or "", row, column)

    def __str__(self) -> str:
        if self.sheet is not None:
            cell = f", ô {self.cell}" if self.cell else ""
            return f'{self.file}, trang "{self.sheet}"{cell}'
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where} ({self.key_path})" if self.key_path else where


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
