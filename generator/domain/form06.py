"""Biểu số 06/VPCP/KSTT, once: its number, issuing act, title, columns, header and identities.

Everything that prints, reads or checks the form derives from this module: the "TTHC" sheet
of the progress workbook (``domain.sheets``), Phụ lục II and the consolidated table
(``render.builder``, ``render.report_tables``), the checker's identities (``check``) and the
docs' tables. What the form is and where each fact comes from: docs/tthc-form-06.md.
"""

from __future__ import annotations

from dataclasses import dataclass

# §1: the defaults a unit may replace in its profile (a province that prints a newer form).
FORM_NUMBER = "Biểu số 06/VPCP/KSTT"
FORM_ACT = "Ban hành theo Thông tư số 01/2020/TT-VPCP ngày 21/10/2020"
UNIT_OF_COUNT = "Đơn vị tính: Số hồ sơ TTHC"
TITLE = "TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT TTHC TẠI CƠ QUAN, ĐƠN VỊ TRỰC TIẾP GIẢI QUYẾT TTHC"
FIELD_TITLE = "Lĩnh vực, công việc giải quyết theo cấp"
UNIT_TITLE = "Đơn vị"  # the second column of the consolidated table (one row per unit)

RECEIVED = "Số hồ sơ nhận giải quyết"
RESOLVED = "Số hồ sơ đã giải quyết"
PENDING = "Số lượng hồ sơ đang giải quyết"
IN_WHICH = "Trong đó"
TOTAL = "Tổng số"


@dataclass(frozen=True)
class FormColumn:
    """A column of the form: its number (1)–(13), its key in rows, its title in the lowest
    header row, the words a sentence or a message uses for it, and the headings over it."""

    number: int
    key: str
    title: str
    name: str
    group: str = ""  # the heading merged over the group's columns
    within: bool = False  # under "Trong đó" (only the two kinds of new files, §2)


COLUMNS = (
    FormColumn(1, "stt", "STT", "số thứ tự"),
    FormColumn(2, "ten", FIELD_TITLE, "lĩnh vực"),
    FormColumn(3, "tong_nhan", TOTAL, "tổng số hồ sơ nhận giải quyết", RECEIVED),
    FormColumn(4, "truc_tuyen", "Trực tuyến", "trực tuyến", RECEIVED, within=True),
    FormColumn(5, "truc_tiep", "Trực tiếp, dịch vụ bưu chính", "trực tiếp, bưu chính", RECEIVED, within=True),
    FormColumn(6, "ky_truoc", "Từ kỳ trước", "từ kỳ trước", RECEIVED),
    FormColumn(7, "da_giai_quyet", TOTAL, "tổng số hồ sơ đã giải quyết", RESOLVED),
    FormColumn(8, "truoc_han", "Trước hạn", "trước hạn", RESOLVED),
    FormColumn(9, "dung_han", "Đúng hạn", "đúng hạn", RESOLVED),
    FormColumn(10, "qua_han", "Quá hạn", "quá hạn", RESOLVED),
    FormColumn(11, "dang_giai_quyet", TOTAL, "tổng số hồ sơ đang giải quyết", PENDING),
    FormColumn(12, "dang_trong_han", "Trong hạn", "đang giải quyết trong hạn", PENDING),
    FormColumn(13, "dang_qua_han", "Quá hạn", "đang giải quyết quá hạn", PENDING),
)
BY_KEY = {column.key: column for column in COLUMNS}
BY_NUMBER = {column.number: column for column in COLUMNS}
FIGURE_KEYS = tuple(column.key for column in COLUMNS[2:])  # the eleven counted columns

# §3: total = sum of its parts, by column number; the last is the balance (3) = (7) + (11).
IDENTITIES: tuple[tuple[int, tuple[int, ...]], ...] = (
    (3, (4, 5, 6)),
    (7, (8, 9, 10)),
    (11, (12, 13)),
    (3, (7, 11)),
)


def identity_text(total: int, parts: tuple[int, ...]) -> str:
    """ "(3) = (4) + (5) + (6)": how the form states an identity."""
    return f"({total}) = " + " + ".join(f"({part})" for part in parts)


def broken_identities(row: dict[str, int | None]) -> list[tuple[int, tuple[int, ...], int, int]]:
    """The identities ``row`` (key → figure) breaks: (total, parts, its figure, the parts' sum).

    An identity with a figure missing (None, or a column the row lacks) is not judged."""
    broken = []
    for total, parts in IDENTITIES:
        values = [row.get(BY_NUMBER[n].key) for n in (total, *parts)]
        if any(value is None for value in values):
            continue
        given, *rest = (int(value or 0) for value in values)
        if given != sum(rest):
            broken.append((total, parts, given, sum(rest)))
    return broken


@dataclass(frozen=True)
class HeaderCell:
    """A cell of the form's merged header: title, grid columns spanned, and ``merge``
    "restart" (merged with the cells below), "continue" (covered by the one above) or ""."""

    title: str
    span: int = 1
    merge: str = ""


def header_rows(second_title: str = FIELD_TITLE) -> list[list[HeaderCell]]:
    """The three header rows of §2: the groups over their columns, "Trong đó" over the two
    kinds of new files only, every other title merged down to the third row."""
    down, below = "restart", "continue"
    first: list[HeaderCell] = []
    second: list[HeaderCell] = []
    third: list[HeaderCell] = []
    for index, column in enumerate(COLUMNS):
        title = second_title if column.number == 2 else column.title
        if not column.group:
            first.append(HeaderCell(title, 1, down))
            second.append(HeaderCell("", 1, below))
            third.append(HeaderCell("", 1, below))
            continue
        if index == 0 or COLUMNS[index - 1].group != column.group:
            first.append(HeaderCell(column.group, sum(c.group == column.group for c in COLUMNS)))
        if column.within:
            if not COLUMNS[index - 1].within:
                second.append(
                    HeaderCell(IN_WHICH, sum(c.within and c.group == column.group for c in COLUMNS))
                )
            third.append(HeaderCell(title))
        else:
            second.append(HeaderCell(title, 1, down))
            third.append(HeaderCell("", 1, below))
    return [first, second, third]


def number_row() -> list[str]:
    """The row under the header that numbers the columns, "(1)" … "(13)"."""
    return [f"({column.number})" for column in COLUMNS]


@dataclass(frozen=True)
class Extra:
    """A figure provincial exports add beside the form (§5), printed in a table of its own."""

    key: str
    title: str
    base: str  # what its share is out of, in words ("" : printed without a share)


EXTRAS_TITLE = "Hồ sơ trực tuyến, thanh toán trực tuyến và thư xin lỗi (ngoài Biểu số 06)"
EXTRAS = (
    Extra("toan_trinh", "Hồ sơ trực tuyến toàn trình", "số hồ sơ trực tuyến"),
    Extra("mot_phan", "Hồ sơ trực tuyến một phần", "số hồ sơ trực tuyến"),
    Extra("thanh_toan", "Hồ sơ thanh toán phí, lệ phí trực tuyến", "số hồ sơ có phí, lệ phí"),
    Extra("thu_xin_loi", "Hồ sơ quá hạn đã có thư xin lỗi", "số hồ sơ quá hạn"),
)
