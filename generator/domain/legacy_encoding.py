"""Vietnamese text typed in the legacy TCVN3 (ABC) and VNI encodings, read back as Unicode.

Old office files were typed with 8-bit fonts (.VnTime for TCVN3, VNI-Times for VNI). Opened
as Unicode they show Latin-1 look-alikes: TCVN3 "nh©n d©n" is "nhân dân", VNI "Vieät Nam" is
"Việt Nam". ``detect_legacy`` recognises such text; ``to_unicode`` converts it, or returns
None when the text mixes encodings and cannot be converted reliably.

Background on both encodings: docs/text-encodings.md §2.
"""

from __future__ import annotations

import re
import unicodedata

# TCVN 5712:1993 (VN3): one byte per letter; capitals with tones used a separate font with
# the lower-case codes, so only the seven capitals below have codes of their own.
_TCVN3_LOWER = {
    "a": "µ¸¶·¹",
    "ă": "»¾¼½Æ",
    "â": "ÇÊÈÉË",
    "e": "ÌÐÎÏÑ",
    "ê": "ÒÕÓÔÖ",
    "i": "×ÝØÜÞ",
    "o": "ßãáâä",
    "ô": "åèæçé",
    "ơ": "êíëìî",
    "u": "ïóñòô",
    "ư": "õøö÷ù",
    "y": "úýûüþ",
}
_TONES = "\u0300\u0301\u0309\u0303\u0323"  # grave, acute, hook, tilde, dot below
_TCVN3_SINGLE = {
    "¨": "ă", "©": "â", "ª": "ê", "«": "ô", "¬": "ơ", "\xad": "ư", "®": "đ",
    "¡": "Ă", "¢": "Â", "£": "Ê", "¤": "Ô", "¥": "Ơ", "¦": "Ư", "§": "Đ",
}  # fmt: skip

# VNI Windows: a base letter followed by a mark byte; a few letters have one byte.
_VNI_MARKS = {
    "ù": "\u0301", "ø": "\u0300", "û": "\u0309", "õ": "\u0303", "ï": "\u0323",
    "â": "\u0302", "á": "\u0302\u0301", "à": "\u0302\u0300", "å": "\u0302\u0309",
    "ã": "\u0302\u0303", "ä": "\u0302\u0323",
    "ê": "\u0306", "é": "\u0306\u0301", "è": "\u0306\u0300", "ú": "\u0306\u0309",
    "ü": "\u0306\u0303", "ë": "\u0306\u0323",
}  # fmt: skip
_VNI_SINGLE = {
    "ñ": "đ", "ô": "ơ", "ö": "ư", "ì": "ì", "í": "í", "æ": "ỉ", "ó": "ĩ", "ò": "ị", "î": "ỵ",
}  # fmt: skip


def _tcvn3_table() -> dict[str, str]:
    table = dict(_TCVN3_SINGLE)
    for base, codes in _TCVN3_LOWER.items():
        for code, tone in zip(codes, _TONES, strict=True):
            table[code] = unicodedata.normalize("NFC", base + tone)
    return table


TCVN3 = _tcvn3_table()
_VNI_BASES = "aeiouyAEIOUY"
_VNI_MARK_UPPER = {k.upper(): v for k, v in _VNI_MARKS.items()}
_VNI_PAIR = re.compile(
    "([aAeEoOuUyY])([" + "".join(_VNI_MARKS) + "])|([AEOUY])([" + "".join(_VNI_MARK_UPPER) + "])"
)
_VNI_HORN = re.compile("([ôöÔÖ])([ùøûõïÙØÛÕÏ])")
_VNI_ONLY = set("øûïåäëüñöæîØÛÏÅÄËÜÑÖÆÎ")
_TCVN3_ONLY = set("¡¢£¤¥¦§¨©ª«¬\xad®µ¶·¸¹»¼½¾")
_VIETNAMESE_ONLY = re.compile("[ăĂđĐĩĨũŨơƠưƯ\u1ea0-\u1ef9]")
_VIETNAMESE_OK = re.compile(
    "[\u0000-\u007f àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝăĂđĐĩĨũŨơƠưƯ\u1ea0-\u1ef9\u00a0–—‘’“”…•°%№§±×]"
)


# Every character that ``detect_legacy`` counts: text with none of them is never legacy, which
# one regular-expression search (in C) tells for the plain Unicode text nearly all cells hold.
LEGACY_MARKERS = "".join(sorted(_TCVN3_ONLY | _VNI_ONLY))


def detect_legacy(text: str) -> str | None:
    """Return "TCVN3" or "VNI" when ``text`` looks typed in that encoding, else None."""
    if text.isascii():
        return None
    tcvn3 = sum(1 for ch in text if ch in _TCVN3_ONLY)
    vni_only = sum(1 for ch in text if ch in _VNI_ONLY)
    if tcvn3 >= 2 and tcvn3 >= vni_only:
        return "TCVN3"
    if vni_only >= 2 or (vni_only == 1 and len(_VNI_PAIR.findall(text)) >= 2):
        return "VNI"
    return None


def to_unicode(text: str, encoding: str) -> str | None:
    """Convert legacy ``text`` to NFC Unicode; None when it cannot be done reliably."""
    if _VIETNAMESE_ONLY.search(text):
        return None  # already has Unicode Vietnamese letters: a mixture, not one encoding
    converted = _from_tcvn3(text) if encoding == "TCVN3" else _from_vni(text)
    if converted is None:
        return None
    converted = unicodedata.normalize("NFC", converted)
    if not all(_VIETNAMESE_OK.match(ch) for ch in converted):
        return None
    return converted


def _from_tcvn3(text: str) -> str | None:
    out = []
    for ch in text:
        if ch.isascii() or ch in "\u00a0–—‘’“”…":
            out.append(ch)
        elif ch in TCVN3:
            out.append(TCVN3[ch])
        else:
            return None
    return "".join(out)


def _from_vni(text: str) -> str:
    def horn(match: re.Match[str]) -> str:
        base = {"ô": "ơ", "ö": "ư", "Ô": "Ơ", "Ö": "Ư"}[match.group(1)]
        return base + _VNI_MARKS[match.group(2).lower()]

    def pair(match: re.Match[str]) -> str:
        if match.group(1):
            return match.group(1) + _VNI_MARKS[match.group(2)]
        return match.group(3) + _VNI_MARK_UPPER[match.group(4)]

    text = _VNI_HORN.sub(horn, text)
    text = _VNI_PAIR.sub(pair, text)
    singles = {**_VNI_SINGLE, **{k.upper(): v.upper() for k, v in _VNI_SINGLE.items()}}
    return "".join(singles.get(ch, ch) for ch in text)
