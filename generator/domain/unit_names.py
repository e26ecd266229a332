"""How documents name a unit: "Xã Lộc Thủy" in a table, "UBND xã Lộc Thủy" in running text.

ND 30 (Phụ lục I, III.1.c) has the "(Kèm theo …)" line of an appendix name the issuing body in
full; the short name staff give ("UBND xã") is not enough there (docs/nd30-format.md §10).
"""

from __future__ import annotations

from generator.domain.models import Unit

UNIT_NOUNS = ("thành phố", "thị trấn", "thị xã", "đặc khu", "phường", "huyện", "quận", "tỉnh", "xã")
_COUNCIL = ("ỦY BAN NHÂN DÂN", "UBND")


def display_name(unit: Unit) -> str:
    """("ỦY BAN NHÂN DÂN", "XÃ LỘC THỦY") → "Xã Lộc Thủy" (ND 30 Phụ lục II capitalisation)."""
    return name_of_lines(unit.name_lines)


def name_of_lines(name_lines: tuple[str, ...]) -> str:
    """The header's agency lines as a table names the unit (``display_name``)."""
    lines = [line for line in name_lines if line not in _COUNCIL]
    name = " ".join(lines) or " ".join(name_lines)
    name = name.removeprefix("UBND ").removeprefix("ỦY BAN NHÂN DÂN ")
    if not name.isupper():
        return name
    lowered = name.lower()
    noun = next((n for n in UNIT_NOUNS if lowered.startswith(n + " ")), "")
    proper = " ".join(word.capitalize() for word in lowered[len(noun) :].split())
    return (noun.capitalize() + " " + proper).strip() if noun else proper


def full_name(unit: Unit) -> str:
    """ "UBND xã Lộc Thủy": the body in full, as running text names it. The short name staff gave
    ("UBND xã") gets the place's name; one that already says more is kept as written."""
    short = unit.short_name.strip()
    shown = display_name(unit)
    noun = next((n for n in UNIT_NOUNS if shown.lower().startswith(n + " ")), "")
    if not noun or not short.lower().endswith(noun):
        return short or shown
    return f"{short} {shown[len(noun) :].strip()}"
