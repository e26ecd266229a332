"""The body a plan reports to, read from its own words: "… của UBND huyện Phú Lộc" (#24).

A plan names the plans it carries out ("Thực hiện Kế hoạch số …/KH-UBND ngày … của UBND huyện
Phú Lộc"). The direct superior is the nearest level above the unit's own that the text names with
a proper name; a commune merged in 2025 has no huyện, so it is the province it names. Without a
named one, a bare "UBND huyện" the text mentions.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

_RANKS = {"tỉnh": 1, "thành phố": 2, "thị xã": 2, "huyện": 2, "quận": 2, "xã": 3, "phường": 3, "thị trấn": 3}
_MENTION = re.compile(
    r"(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân)\s+(tỉnh|thành phố|thị xã|huyện|quận)\b(?=((?:\s+[^\s,.;:()]+){0,4}))",
    re.IGNORECASE,
)


def read_superior(texts: Iterable[str], name_lines: list[str]) -> str:
    """ "UBND huyện Phú Lộc" for a commune whose plan names it; "" when the text names none."""
    own = _rank(name_lines[1] if len(name_lines) > 1 else "")
    best: tuple[int, int, str] | None = None  # (rank, named, text): nearest level, named first
    for text in texts:
        for match in _MENTION.finditer(unicodedata.normalize("NFC", text)):
            level = match.group(1).lower()
            if _RANKS[level] >= own:
                continue
            words = []
            for word in match.group(2).split():
                if not word[:1].isupper():
                    break
                words.append(word)
            found = (_RANKS[level], bool(words), " ".join(["UBND", level, *words]))
            if best is None or found[:2] > best[:2]:
                best = found
    return best[2] if best is not None else ""


def _rank(line: str) -> int:
    """ "XÃ LỘC THỦY" → 3: the level of the unit's own name (a commune when it cannot tell)."""
    folded = unicodedata.normalize("NFC", line).lower()
    return next((rank for level, rank in sorted(_RANKS.items(), key=lambda r: -len(r[0]))
                 if folded.startswith(level)), 3)  # fmt: skip
