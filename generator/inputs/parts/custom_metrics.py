"""A unit's own indicators: the "Chỉ số riêng" sheet of the plan workbook, or ``ke_hoach.chi_so_rieng:``.

A province often measures more than cchc's list (docs/targets-and-indicators.md §7): each row
gives a code the "Chỉ tiêu" sheet may then name, its label, what is counted over what, and
when a target on it is judged. Their figures come from the "Số liệu" sheet like cchc's own
"so_lieu" indicators, and are judged by the same rules.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from generator.domain.indicators import EACH_PERIOD, METRICS, YEAR
from generator.domain.models import Metric
from generator.domain.sheets import CUSTOM_COLUMNS as CUSTOM_COLUMNS
from generator.domain.sheets import CUSTOM_SHEET as CUSTOM_SHEET
from generator.domain.sheets import TARGET_SHEET
from generator.errors import Location, Problems
from generator.inputs.formats.cells import CellReader
from generator.inputs.formats.excel import Cell, Workbook
from generator.inputs.formats.fields import Fields

CUSTOM_KEYS = ("ma", "ten", "tu_so", "mau_so", "ky_danh_gia")
_PERIODS = {"năm": YEAR, "mỗi kỳ": EACH_PERIOD, YEAR: YEAR, EACH_PERIOD: EACH_PERIOD}
_CODE = re.compile(r"[A-Za-z0-9_]+\Z")


class _Collected:
    """The indicators read so far, each code's first place, for the checks every source shares."""

    def __init__(self, problems: Problems) -> None:
        self.problems = problems
        self.metrics: dict[str, Metric] = {}
        self.places: dict[str, Location] = {}

    def code(self, code: str, where: Location) -> bool:
        """Whether ``code`` may name a new indicator; the reason noted at ``where`` if not."""
        if not looks_like_code(code):
            self.problems.add(where, f'mã chỉ số "{code}" chỉ được gồm chữ không dấu, chữ số và dấu gạch '
                              "dưới (ví dụ ty_le_ho_co_tai_khoan_dvc)")  # fmt: skip
        elif code.casefold() in {c.casefold() for c in METRICS}:
            self.problems.add(where, f'mã "{code}" trùng với chỉ số có sẵn của cchc; dùng thẳng mã này '
                              f"trong trang “{TARGET_SHEET}” hoặc đặt mã khác")  # fmt: skip
        elif code.casefold() in self.places:
            first = self.places[code.casefold()]
            self.problems.add(where, f'mã "{code}" bị khai báo hai lần (lần đầu ở {_place(first)})')
        else:
            self.places[code.casefold()] = where
            return True
        return False


def unknown_metric(what: str, code: str, metrics: Mapping[str, Metric], where: str) -> str:
    """The message for a code neither cchc nor the plan's ``where`` ("Chỉ số riêng") defines."""
    return (
        f'{what} "{code}" không hợp lệ (cần một trong: {", ".join(metrics)}; hoặc một mã khai báo ở {where})'
    )


def looks_like_code(text: str) -> bool:
    """Whether ``text`` could be a code of the "Chỉ số riêng" sheet (letters, digits, _)."""
    return _CODE.match(text) is not None


def find_code(text: str, metrics: Mapping[str, Metric]) -> str | None:
    """The code of ``metrics`` that ``text`` names, case ignored."""
    return next((code for code in metrics if code.casefold() == text.casefold()), None)


def _place(location: Location) -> str:
    if location.cell:
        return f"ô {location.cell}"
    return f"dòng {location.line}" if location.line else str(location)


def read_custom_sheet(book: Workbook | None, problems: Problems) -> dict[str, Metric]:
    """The "Chỉ số riêng" sheet of ``book``, when it has one; each bad row noted at its cell."""
    if book is None or book.find_title(CUSTOM_SHEET) is None:
        return {}
    sheet = book.sheet(CUSTOM_SHEET, CUSTOM_COLUMNS)
    if sheet is None:
        return {}
    reader, found = CellReader(book, problems), _Collected(problems)
    for row in sheet.rows:
        code = reader.text(row["ma"])
        label = reader.text(row["ten"], required=False)
        if not label:
            problems.add(row["ten"].location, "thiếu tên chỉ số")
        period = _text(row, "ky_danh_gia", reader) or "Năm"
        evaluation = _PERIODS.get(period.casefold())
        if evaluation is None:
            reader.say(row["ky_danh_gia"], f'kỳ đánh giá "{period}" không hợp lệ', "cần Năm hoặc Mỗi kỳ")
        if code and found.code(code, row["ma"].location) and label and evaluation:
            numerator, denominator = _text(row, "tu_so", reader), _text(row, "mau_so", reader)
            found.metrics[code] = Metric(label, "so_lieu", numerator, denominator, evaluation)
    return found.metrics


def _text(row: dict[str, Cell], key: str, reader: CellReader) -> str:
    return reader.text(row[key], required=False) if key in row else ""


def read_custom_yaml(fields: Fields, value: Any, path: str) -> dict[str, Metric]:
    """``ke_hoach.chi_so_rieng:``: a list of {ma, ten, tu_so, mau_so, ky_danh_gia}."""
    if value in (None, "", []):
        return {}
    if not isinstance(value, list):
        fields.problem(path, "cần một danh sách chỉ số (mỗi mục có ma, ten, tu_so, mau_so, ky_danh_gia)")
        return {}
    found = _Collected(fields.problems)
    for index, item in enumerate(value, start=1):
        child = f"{path}[{index}]"
        data = fields.mapping(item, child)
        if data is None:
            continue
        fields.check_keys(data, CUSTOM_KEYS, child)
        code, label = fields.text(data, "ma", child), fields.text(data, "ten", child)
        evaluation = fields.choice(data, "ky_danh_gia", child, (YEAR, EACH_PERIOD), "kỳ đánh giá")
        if code and found.code(code, fields.at(f"{child}.ma")) and label and evaluation is not None:
            numerator, denominator = (
                fields.text(data, "tu_so", child, required=False),
                fields.text(data, "mau_so", child, required=False),
            )
            found.metrics[code] = Metric(label, "so_lieu", numerator, denominator, evaluation or YEAR)
    return found.metrics
