"""Pure text helpers: how names are compared and how file names are made from them."""

from __future__ import annotations

import re
import unicodedata
from typing import Any

# Invisible characters that change how text reads or sorts without showing: zero-width spaces
# and joiners, direction marks, overrides and isolates (an override makes "bao_cao" + U+202E +
# "fdp.exe" read "bao_caoexe.pdf"), the word joiner and invisible operators, the Mongolian vowel
# separator, the byte-order mark and the interlinear annotation marks. None belongs in a signed
# document (docs/text-encodings.md §3).
INVISIBLE = "\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb"
_INVISIBLE = re.compile(f"[{INVISIBLE}]")


def without_invisible(text: str) -> str:
    """``text`` without the ``INVISIBLE`` characters (a copy only when it had some)."""
    return _INVISIBLE.sub("", text) if _INVISIBLE.search(text) else text


def normalise_header(text: Any) -> str:
    """ "  Thời gian\nHOÀN THÀNH " → "thời gian hoàn thành"."""
    if text is None:
        return ""
    folded = unicodedata.normalize("NFC", str(text)).casefold()
    return " ".join(re.sub(r"[*:()]", " ", folded).split())


_TONES = frozenset("\u0300\u0301\u0303\u0309\u0323")  # huyền, sắc, ngã, hỏi, nặng (combining)


def name_key(text: str) -> str:
    """A name to compare, as people write it: lower case, single spaces, each tone mark at its
    word's end ("Thủy" and "Thuỷ", "Hòa" and "Hoà": both placements are in use)."""
    words = []
    for word in unicodedata.normalize("NFD", text).casefold().split():
        tones = "".join(ch for ch in word if ch in _TONES)
        words.append(unicodedata.normalize("NFC", "".join(ch for ch in word if ch not in _TONES)) + tones)
    return " ".join(words)


def ascii_slug(text: str, limit: int = 80) -> str:
    """ "Xã Lộc Thủy" → "xa_loc_thuy": lower-case ASCII words joined by underscores."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    words = re.findall(r"[a-z0-9]+", plain.lower())
    return "_".join(words)[:limit].strip("_")


def excerpt(text: str, width: int = 40) -> str:
    """``text`` cut to ``width`` characters for a message; a pasted page stays one line long."""
    return text if len(text) <= width else f"{text[:width]}…"


def plain_header(text: Any) -> str:
    """ "  Thời gian\nHOÀN THÀNH " → "thoi gian hoan thanh": a header compared without accents, as
    offices type it with and without them."""
    folded = normalise_header(text).replace("đ", "d")
    plain = "".join(ch for ch in unicodedata.normalize("NFD", folded) if not unicodedata.combining(ch))
    return " ".join(re.sub(r"[,;/]", " ", plain).split())
