"""Which column of a Word appendix table is which: its header cells read by meaning.

Offices name the same column many ways ("Nhiệm vụ cụ thể", "Nội dung nhiệm vụ", "Nội dung công
việc"; "Cơ quan chủ trì", "Đơn vị chủ trì", "Cơ quan thực hiện"…), in any order, with or
without accents, in capitals or not. The names are the ones the "Nhiệm vụ" sheet accepts
(``tasks.TASK_COLUMNS``: header and aliases, one list for both). A header cell is scored
against each column: its whole text is a name (3), or it contains a name as whole words (2).
The best pairs are taken first, each column and each cell once; a row is the header when it
places the task column and at least two more. A header cell no name fits is an extra column
of the plan (Ghi chú, Kết quả dự kiến…), kept under its own words.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass, field

from generator.domain.text import plain_header
from generator.inputs.formats.excel import Column

STT = "stt"
_STT_NAMES = frozenset(plain_header(n) for n in ("STT", "Số TT", "Số thứ tự", "TT"))
_WHOLE, _PART = 3, 2
_LONGEST = 80  # characters: a longer cell is a task's text, not a column's name
HEADER_MATCHES = 3  # placed cells (STT included) a row needs to be taken as the header row


@dataclass
class Header:
    """A header row read: grid column → key (a ``Column`` key, "stt", or "+" and the header as
    typed for a column cchc has no place for), and the row's score."""

    mapping: dict[int, str] = field(default_factory=dict)
    score: int = 0

    @property
    def extras(self) -> list[str]:
        return [key[1:] for key in self.mapping.values() if key.startswith("+")]


def read_header(cells: Sequence[str], columns: Sequence[Column]) -> Header:
    """The best placing of ``cells`` (a row's text per grid column) on ``columns``; a row with a
    number in a cell (a task's STT) or a long text is no header, and costs next to nothing."""
    header = Header()
    if any(text.strip().rstrip(".").isdigit() for text in cells):
        return header
    names = [plain_header(text) if len(text) <= _LONGEST else "" for text in cells]
    pairs = sorted(
        ((_score(name, column), index, column.key) for index, name in enumerate(names) if name
         for column in columns),
        key=lambda pair: (-pair[0], pair[1]),
    )  # fmt: skip
    for index, name in enumerate(names):
        if name in _STT_NAMES:
            header.mapping[index], header.score = STT, header.score + _WHOLE
    for score, index, key in pairs:
        if score and index not in header.mapping and key not in header.mapping.values():
            header.mapping[index], header.score = key, header.score + score
    return header


def is_stt(text: str) -> bool:
    """ "STT", "Số TT", "Số thứ tự": the column of task numbers."""
    return plain_header(text) in _STT_NAMES


def is_header(header: Header) -> bool:
    """Enough placed columns, the task column among them, to be a task table's header row."""
    return len(header.mapping) >= HEADER_MATCHES and "nhiem_vu" in header.mapping.values()


def looks_like_header(header: Header) -> bool:
    """Two columns placed but not the task column: a header the person should look at."""
    return len(header.mapping) >= HEADER_MATCHES - 1 and "nhiem_vu" not in header.mapping.values()


def with_extras(header: Header, cells: Sequence[str]) -> Header:
    """``header`` with every other non-empty cell kept as an extra column ("+" and its text)."""
    mapping = dict(header.mapping)
    for index, text in enumerate(cells):
        name = " ".join(text.split())
        if name and index not in mapping and f"+{name}" not in mapping.values():
            mapping[index] = f"+{name}"
    return Header(dict(sorted(mapping.items())), header.score)


def accepted_names(column: Column) -> str:
    """ "Nhiệm vụ cụ thể, Nhiệm vụ, Nội dung…": the names a column is recognised by, for a message."""
    return ", ".join((column.header, *column.aliases))


def _score(name: str, column: Column) -> int:
    names = _plain_names(column)
    if name in names:
        return _WHOLE
    padded = f" {name} "
    return _PART if any(f" {n} " in padded for n in names) else 0


@functools.cache  # asked for each cell of each row: a long appendix repeats its header
def _plain_names(column: Column) -> frozenset[str]:
    return frozenset(plain_header(n) for n in (column.header, *column.aliases))
