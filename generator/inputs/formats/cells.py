"""Typed values out of Excel cells as staff type them; each failure is a problem at its cell."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from decimal import Decimal, InvalidOperation

from generator.domain.dates import date_problem, parse_day_first
from generator.domain.formatting import vn_number
from generator.domain.text import excerpt
from generator.errors import Problems
from generator.inputs.formats.excel import REOPEN_HINT, Cell, Workbook
from generator.inputs.formats.fields import MISSING

MAX_COUNT = 10**9  # no commune counts a billion dossiers; "1e5000" would stop the report
MAX_CHOICES_SAID = 8  # more are left to the drop-down list
_GROUPED_INT = re.compile(r"^-?\d{1,3}(\.\d{3})+$")  # "1.234.567": Vietnamese thousands dots


class CellReader:
    """Reads cells of one workbook; blank required cells are checked for stale formulas."""

    def __init__(self, workbook: Workbook, problems: Problems) -> None:
        self.workbook = workbook
        self.problems = problems

    def _blank(self, cell: Cell, required: bool) -> None:
        if not required:
            return
        formula = self.workbook.formula_at(cell)
        if formula:
            self.say(cell, f"ô có công thức {formula} nhưng chưa có giá trị: {REOPEN_HINT}")
        else:
            self.say(cell, MISSING, _choices_hint(cell))

    def say(self, cell: Cell, message: str, detail: str = "") -> None:
        """Record ``message`` at ``cell``: a table's cell names its column, as a form's message
        names its row, then ``detail`` (the allowed values)."""
        named = f'cột "{cell.column.header}"' if cell.column is not None else ""
        inside = "; ".join(part for part in (named, detail) if part)
        self.problems.add(cell.location, f"{message} ({inside})" if inside else message)

    def text(self, cell: Cell, *, required: bool = True) -> str:
        if cell.blank:
            self._blank(cell, required)
            return ""
        value = cell.value
        if isinstance(value, dt.datetime):
            return value.strftime("%d/%m/%Y")
        if isinstance(value, float) and value.is_integer():
            return str(int(value))
        return str(value).strip()

    def date(self, cell: Cell, *, required: bool = True) -> dt.date | None:
        """A real Excel date or text "dd/mm/yyyy" (never month-first)."""
        if cell.blank:
            self._blank(cell, required)
            return None
        if isinstance(cell.value, dt.datetime):
            return cell.value.date()
        if isinstance(cell.value, dt.date):
            return cell.value
        parsed = parse_day_first(str(cell.value))
        if parsed is None:
            text = str(cell.value)
            self.say(cell, f'ngày không hợp lệ "{excerpt(text)}": {date_problem(text)}')
        return parsed

    def count(self, cell: Cell, *, required: bool = True) -> int | None:
        """A whole number ≥ 0; text such as "1.234" (thousands dots) is accepted."""
        if cell.blank:
            self._blank(cell, required)
            return None if required else 0
        number = _number(cell.value)
        if number is None or number != number.to_integral_value():
            self.say(cell, f'cần một số nguyên, không phải "{excerpt(str(cell.value))}"')
            return None
        if number < 0:
            self.say(cell, f"số lượng không được âm ({excerpt(str(cell.value))})")
            return None
        if number > MAX_COUNT:  # also keeps int() and the report's number formatting in range
            self.say(cell, f"số lượng quá lớn (tối đa {vn_number(MAX_COUNT)})")
            return None
        return int(number)

    def percent(self, cell: Cell, *, required: bool = True) -> Decimal | None:
        """A percentage in 0–100: "98,5%", 98.5, or 0.985 in a cell formatted as %."""
        if cell.blank:
            self._blank(cell, required)
            return None
        number = _number(cell.value)
        if number is None:
            self.say(cell, f'cần một tỷ lệ phần trăm, không phải "{cell.value}"')
            return None
        if cell.percent_format is None and 0 < number < 1:
            self.say(
                cell,
                f"không rõ {cell.value} là {cell.value}% hay {(number * 100).normalize():f}% "
                "(tệp không cho biết định dạng ô): "
                'hãy ghi rõ, ví dụ "98,5%"',
            )
            return None
        if cell.percent_format:
            number *= 100
        if not 0 <= number <= 100:
            self.say(cell, f"tỷ lệ phải từ 0% đến 100% ({cell.value})")
            return None
        return number

    def choice(self, cell: Cell, choices: Iterable[str], what: str, *, required: bool = True) -> str | None:
        options = tuple(choices)
        text = self.text(cell, required=required)
        if not text:
            return None
        for option in options:
            if option.casefold() == text.casefold():
                return option
        self.say(cell, f'{what} "{text}" không hợp lệ', f"cần một trong: {', '.join(options)}")
        return None


def _choices_hint(cell: Cell) -> str:
    """'chọn một trong: Hoàn thành, …' for a blank cell of a column with a fixed list; a long or
    open list is left to the cell's drop-down."""
    column = cell.column
    if column is None or not column.choices:
        return ""
    if not column.open_list and len(column.choices) <= MAX_CHOICES_SAID:
        return f"chọn một trong: {', '.join(column.choices)}"
    return "chọn trong danh sách của ô"


def _number(value: object) -> Decimal | None:
    """Numbers as staff type them: 12, 12.5, "1.234", "98,5%", "98,5"."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return Decimal(str(value))
    text = str(value).strip().replace(" ", "").replace("\u00a0", "").rstrip("%")
    if _GROUPED_INT.match(text):
        text = text.replace(".", "")
    elif "," in text:
        text = text.replace(".", "").replace(",", ".")
    try:
        number = Decimal(text)
    except InvalidOperation:
        return None
    return number if number.is_finite() else None
