"""Typed reads from YAML data: each returns a value or records a problem at its key path."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from generator.domain.dates import date_problem, parse_day_first
from generator.domain.text import excerpt
from generator.errors import Location, Problems

if TYPE_CHECKING:  # YAML's modules are imported only where a YAML file is read
    from generator.inputs.formats.yaml_file import YamlDocument

MISSING = "thiếu giá trị bắt buộc"
_DIGITS = 18  # a longer whole number is out of every range here; Python's int() refuses 4,300 digits


class Fields:
    """Reads values out of one YAML document, noting every defect with its place."""

    def __init__(self, document: YamlDocument, problems: Problems) -> None:
        self.document = document
        self.problems = problems

    def at(self, path: str) -> Location:
        return self.document.location(path)

    def problem(self, path: str, message: str) -> None:
        self.problems.add(self.at(path), message)

    def mapping(self, value: Any, path: str) -> dict[str, Any] | None:
        if isinstance(value, dict):
            return value
        if value is None:
            self.problem(path, MISSING)
        else:
            self.problem(path, "cần một nhóm khóa (dạng khóa: giá trị)")
        return None

    def check_keys(self, data: dict[str, Any], allowed: Iterable[str], path: str) -> None:
        """Warn about keys nobody reads: usually a typo that would otherwise go unnoticed."""
        known = set(allowed)
        for key in data:
            if key not in known:
                child = f"{path}.{key}" if path else key
                self.problems.warn(self.at(child), f'khóa "{key}" không được dùng (gõ nhầm?)')

    def text(self, data: dict[str, Any], key: str, path: str, *, required: bool = True) -> str:
        """A one-piece text; numbers are accepted as their digits."""
        child = f"{path}.{key}"
        value = data.get(key)
        if value is None or (isinstance(value, str) and not value.strip()):
            if required:
                self.problem(child, MISSING)
            return ""
        if isinstance(value, bool | dict | list):
            self.problem(child, "cần một đoạn văn bản")
            return ""
        return str(value).strip()

    def text_list(
        self, data: dict[str, Any], key: str, path: str, *, required: bool = True
    ) -> tuple[str, ...]:
        """A list of texts; a single text is accepted as a list of one."""
        child = f"{path}.{key}"
        value = data.get(key)
        if value is None or value == [] or value == "":
            if required:
                self.problem(child, MISSING)
            return ()
        items = value if isinstance(value, list) else [value]
        out = []
        for index, item in enumerate(items, start=1):
            if isinstance(item, str | int) and not isinstance(item, bool) and str(item).strip():
                out.append(str(item).strip())
            else:
                self.problem(f"{child}[{index}]", "cần một đoạn văn bản")
        return tuple(out)

    def date(self, data: dict[str, Any], key: str, path: str) -> dt.date | None:
        """A date typed as dd/mm/yyyy (or a YAML date); blank means "not yet known"."""
        value = data.get(key)
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        parsed = parse_day_first(str(value))
        if parsed is None:
            self.problem(
                f"{path}.{key}", f'ngày không hợp lệ "{excerpt(str(value))}": {date_problem(str(value))}'
            )
        return parsed

    def integer(self, data: dict[str, Any], key: str, path: str, *, low: int, high: int) -> int | None:
        value = data.get(key)
        child = f"{path}.{key}"
        if value is None:
            self.problem(child, MISSING)
            return None
        if isinstance(value, str) and value.strip().isdecimal():
            digits = value.strip().lstrip("0") or "0"
            value = int(digits) if len(digits) <= _DIGITS else 10**_DIGITS
        if isinstance(value, bool) or not isinstance(value, int):
            self.problem(child, f'cần một số nguyên, không phải "{excerpt(str(value))}"')
            return None
        if abs(value) >= 10**_DIGITS:  # not printed: str() of a 5,000-digit number fails too
            self.problem(child, f"số quá lớn (hơn {_DIGITS} chữ số), cần trong khoảng {low}–{high}")
            return None
        if not low <= value <= high:
            self.problem(child, f"giá trị {value} ngoài khoảng cho phép ({low}–{high})")
            return None
        return value

    def choice(
        self, data: dict[str, Any], key: str, path: str, choices: Iterable[str], what: str
    ) -> str | None:
        """One of ``choices`` as spelt there (case and a trailing dot ignored); blank gives ""."""
        value = self.text(data, key, path, required=False)
        if not value:
            return ""
        options = tuple(choices)
        for option in options:
            if option.upper() == value.rstrip(".").upper():
                return option
        allowed = ", ".join(options)
        self.problem(f"{path}.{key}", f'{what} "{value}" không hợp lệ (cần một trong: {allowed})')
        return None
