"""Moving a plan's prose from year N to N+1 without touching what must not change.

Every 4-digit year in a text is classified (docs/deadlines.md §4):
- inside a legal reference or another document's number and date (``Nghị định 09/2019/NĐ-CP``,
  ``Kế hoạch số 6118/KH-UBND ngày 31/12/2021``), or in the subject that follows it in the same
  clause (``… của UBND huyện về Cải cách hành chính năm 2022,``: that document's own title):
  never changed;
- in a span of years or a horizon (``giai đoạn 2021-2025``, ``đến năm 2030``): never changed;
- ``năm N`` or ``năm N-1`` (the plan year, or the year before it, as in ``Báo cáo năm 2021``):
  moved by the given number of years;
- any other mention of N-1, N or N+1 (a bare year, a loose date): left as it is and listed
  for a person to review — never silently rewritten.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_YEAR = re.compile(r"(?<!\d)(19[5-9]\d|20\d\d|2100)(?!\d)")
# Numbers and dates of other documents: "09/2019/NĐ-CP", "số 6118/KH-UBND ngày 31/12/2021",
# "468/QĐ-TTg ngày 27/3/2021", "39-NQ/TW ngày 17/4/2015", "ngày 25 tháng 10 năm 2021".
REFERENCE = re.compile(
    r"(?:\d+\s*/\s*\d{4}\s*/\s*[A-ZĐ][\wĐđ-]*"  # 09/2019/NĐ-CP
    r"|\d+(?:-[A-ZĐ]+)?\s*/\s*[A-ZĐ][\wĐđ-]*)"  # 6118/KH-UBND, 39-NQ/TW
    r"(?:\s+ngày\s+\d{1,2}\s*(?:/\s*\d{1,2}\s*/\s*\d{4}|tháng\s+\d{1,2}\s+năm\s+\d{4}))?"  # its date
    r"|ISO\s*\d+\s*:\s*\d{4}"  # ISO 9001:2015
)
_SPAN = re.compile(
    r"\d{4}\s*[-–]\s*\d{4}"  # 2021-2025
    r"|(?:đến|tới|trước)\s+năm\s+\d{4}"  # đến năm 2025
    r"|giai\s+đoạn\s+\d{4}",
    re.IGNORECASE,
)
_PLAN_YEAR = re.compile(r"(?<![\w/])(năm|NĂM|Năm)(\s+)(\d{4})(?!\d)")


@dataclass(frozen=True)
class Shifted:
    """A text after the move: the new text and the years left for a person to look at."""

    text: str
    changed: bool
    review: tuple[str, ...]  # short excerpts around unclassified mentions
    kept: tuple[str, ...] = ()  # excerpts around years near the plan's kept as other documents'


_CLAUSE_END = re.compile(r"[,;:\n]")
_SUBJECT = re.compile(r"\bvề\b", re.IGNORECASE)  # "… số 6118/KH-UBND … về <its title>"


def _protected(text: str) -> list[tuple[int, int]]:
    """Where years belong to other documents: their references, with the title that follows
    ("về …", up to the next comma, semicolon, colon or line end), and spans of years."""
    spans = []
    for match in REFERENCE.finditer(text):
        found = _CLAUSE_END.search(text, match.end())
        end = found.start() if found else len(text)
        titled = _SUBJECT.search(text, match.end(), end) is not None
        spans.append((match.start(), end if titled else match.end()))
    spans += [m.span() for m in _SPAN.finditer(text)]
    return spans


def _inside(position: int, spans: list[tuple[int, int]]) -> bool:
    return any(start <= position < end for start, end in spans)


def shift_text(text: str, plan_year: int, years: int = 1) -> Shifted:
    """Move ``năm N``/``năm N-1`` by ``years``; keep references and spans; list the rest."""
    protected = _protected(text)
    moved = {plan_year - 1, plan_year}
    pieces: list[str] = []
    last = 0
    handled: set[int] = set()
    for match in _PLAN_YEAR.finditer(text):
        year_at = match.start(3)
        if int(match.group(3)) not in moved or _inside(year_at, protected):
            continue
        pieces += [text[last:year_at], str(int(match.group(3)) + years)]
        last = match.end(3)
        handled.add(year_at)
    pieces.append(text[last:])
    review = tuple(
        _excerpt(text, m.start())
        for m in _YEAR.finditer(text)
        if m.start() not in handled
        and not _inside(m.start(), protected)
        and plan_year - 1 <= int(m.group()) <= plan_year + 1
    )
    kept = tuple(
        _excerpt(text, m.start())
        for m in _YEAR.finditer(text)
        if _inside(m.start(), protected) and plan_year - 1 <= int(m.group()) <= plan_year + 1
    )
    new = "".join(pieces)
    return Shifted(new, new != text, review, kept)


def _excerpt(text: str, position: int, width: int = 30) -> str:
    start, end = max(0, position - width), min(len(text), position + 4 + width)
    prefix, suffix = ("…" if start else ""), ("…" if end < len(text) else "")
    return prefix + " ".join(text[start:end].split()) + suffix
