"""Pure text helpers: how names are compared and how file names are made from them."""

from __future__ import annotations

import re
import unicodedata
from typing import Any


def normalise_header(text: Any) -> str:
    """ "  Thời gian\nHOÀN THÀNH " → "thời gian hoàn thành"."""
    if text is None:
        return ""
    folded = unicodedata.normalize("NFC", str(text)).casefold()
    return " ".join(re.sub(r"[*:()]", " ", folded).split())


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
