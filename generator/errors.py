"""Problems with a place, and the one exception family the CLI reports without a traceback."""

from __future__ import annotations

import errno
import re
from collections.abc import Iterable
from dataclasses import dataclass

_NUMBER = re.compile(r"(?:[IVXLC]+|\d+(?:\.\d+)*|[a-zđ])[.)]")


@dataclass(frozen=True, slots=True)
class Location:
    """Where a problem is, as data: a file, then a sheet and cell, a YAML key path and line, or a
    place in a Word file (the headings above it, a paragraph or a table row).

    Rows, columns, lines and paragraphs are 1-based integers, as people count them; "B12",
    "tệp:14" and "mục II › 5. Cải cách tài chính công, đoạn 40" are only how ``__str__``
    prints them. In a Word file, ``heading`` holds the headings as they read in the file
    ("II. NHIỆM VỤ …", "5. Cải cách tài chính công"), ``paragraph`` the paragraph's number
    among the body's paragraphs (empty ones counted), ``table`` and ``row`` a table row, and
    ``excerpt`` the first words of the paragraph.
    """

    file: str
    sheet: str | None = None
    row: int | None = None
    column: int | None = None
    key_path: str | None = None
    line: int | None = None
    heading: tuple[str, ...] | None = None
    paragraph: int | None = None
    table: int | None = None
    excerpt: str | None = None

    @property
    def cell(self) -> str | None:
        """The cell as Excel names it ("B12"), or None when the place is not a cell."""
        if self.row is None or self.column is None:
            return None
        return f"{column_letter(self.column)}{self.row}"

    def sort_key(self) -> tuple[int, str, int, int, int]:
        """Reading order inside one file: by line or paragraph, or by sheet (or table), row and column."""
        return (
            self.line or self.paragraph or 0,
            self.sheet or "",
            self.table or 0,
            self.row or 0,
            self.column or 0,
        )

    def __str__(self) -> str:
        if self.sheet is not None:
            cell = f", ô {self.cell}" if self.cell else ""
            return f'{self.file}, trang "{self.sheet}"{cell}'
        if self.heading is not None or self.paragraph is not None or self.table is not None:
            return ", ".join([self.file, *self._word_place()])
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where} ({self.key_path})" if self.key_path else where

    def _word_place(self) -> list[str]:
        parts = [f"mục {heading_path(self.heading)}"] if self.heading else []
        if self.table is not None:
            parts.append(f"bảng {self.table}" + (f", hàng {self.row}" if self.row is not None else ""))
        elif self.paragraph is not None:
            quoted = f' ("{self.excerpt}")' if self.excerpt else ""
            parts.append(f"đoạn {self.paragraph}{quoted}")
        return parts


def heading_path(headings: tuple[str, ...]) -> str:
    """("II. NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH", "5. Cải cách tài chính công") → "II › 5. Cải cách tài chính công".

    The headings above are named by their number only, as people say "mục II"; one without
    a number keeps its first words.
    """
    shown = []
    for heading in headings[:-1]:
        number, _, rest = heading.partition(" ")
        is_number = _NUMBER.fullmatch(number) is not None
        shown.append(number.rstrip(".") if is_number and rest else " ".join(heading.split()[:4]))
    return " › ".join([*shown, *headings[-1:]])


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


# What the system says went wrong with a file, as a person reads it; the English ``strerror``
# ("File exists", "Read-only file system") is shown only for a reason not listed here. By
# name: Windows lacks some codes (EDQUOT, ETXTBSY…).
_OS_REASON_NAMES = {
    "ENOENT": "không có tệp hoặc thư mục này",
    "EEXIST": "đã có một tệp trùng tên ở đó",
    "ENOTDIR": "một phần của đường dẫn là tệp, không phải thư mục",
    "EISDIR": "đó là một thư mục, không phải tệp",
    "EACCES": "không có quyền đọc hoặc ghi",
    "EPERM": "không được phép",
    "EROFS": "ổ đĩa hoặc thư mục chỉ cho đọc, không cho ghi",
    "ENOSPC": "ổ đĩa đã đầy",
    "EDQUOT": "đã dùng hết dung lượng được cấp trên ổ đĩa",
    "ENAMETOOLONG": "tên tệp hoặc đường dẫn quá dài",
    "EINVAL": "tên tệp hoặc đường dẫn không hợp lệ",
    "EBUSY": "tệp đang được chương trình khác dùng",
    "ETXTBSY": "tệp đang được chương trình khác dùng",
    "EIO": "lỗi đọc, ghi của ổ đĩa",
    "EMFILE": "đang mở quá nhiều tệp cùng lúc",
    "ENFILE": "đang mở quá nhiều tệp cùng lúc",
    "ELOOP": "đường dẫn có liên kết trỏ vòng",
    "ENOTEMPTY": "thư mục không rỗng",
    "EXDEV": "không chuyển được tệp sang ổ đĩa khác",
    "ENODEV": "không có thiết bị này",
    "ENXIO": "không có thiết bị này",
    "EADDRINUSE": "cổng đã có chương trình khác dùng",
    "EADDRNOTAVAIL": "máy này không có địa chỉ đó",
    "ETIMEDOUT": "quá thời gian chờ",
    "ECONNREFUSED": "bị từ chối kết nối",
    "EHOSTUNREACH": "không tới được máy đó",
    "ENETUNREACH": "không tới được mạng đó",
}
_OS_REASONS = {getattr(errno, name): text for name, text in _OS_REASON_NAMES.items() if hasattr(errno, name)}


def os_reason(exc: OSError) -> str:
    """Why a file (or port) could not be used, in Vietnamese, for a message that quotes it.

    A reason not listed keeps the system's own words as a detail ("lỗi hệ thống EFOO: …").
    """
    reason = _OS_REASONS.get(exc.errno) if exc.errno is not None else None
    if reason is not None:
        return reason
    code = errno.errorcode.get(exc.errno, str(exc.errno)) if exc.errno is not None else ""
    detail = exc.strerror or str(exc) or type(exc).__name__
    return f"lỗi hệ thống {code}: {detail}" if code else f"lỗi hệ thống: {detail}"


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
