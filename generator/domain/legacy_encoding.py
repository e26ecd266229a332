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
_VNI_MARK_UPPER = {k.upper(): v for k, v in _VNI_MARKS.items()}
_VNI_PAIR = re.compile(
    "([aAeEoOuUyY])([" + "".join(_VNI_MARKS) + "])|([AEOUY])([" + "".join(_VNI_MARK_UPPER) + "])"
)
_VNI_HORN = re.compile("([ôöÔÖ])([ùøûõïÙØÛÕÏ])")
_VNI_ONLY = set("øûïåäëüñöæîØÛÏÅÄËÜÑÖÆÎ")
_VIETNAMESE_ONLY = re.compile("[ăĂđĐĩĨũŨơƠưƯ\u1ea0-\u1ef9]")
_VIETNAMESE_OK = re.compile(
    "[\u0000-\u007f àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝăĂđĐĩĨũŨơƠưƯ\u1ea0-\u1ef9\u00a0–—‘’“”…•°%№§±×]"
)


# Characters of the legacy readings that Unicode Vietnamese text never contains.
_UNICODE_LETTERS = set("àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ")
_LEGACY_SIGNS = (set(TCVN3) | _VNI_ONLY | set(_VNI_MARKS) | set(_VNI_MARK_UPPER)) - _UNICODE_LETTERS
UNSURE = "TCVN3 hoặc VNI"  # both readings make Vietnamese words: the person must choose
_TONE_MARKS = dict.fromkeys(map(ord, _TONES))
# The vowel groups a Vietnamese syllable can have (tone marks aside), longest first.
_NUCLEI = [
    "iêu",
    "oai",
    "oay",
    "oeo",
    "uây",
    "uôi",
    "uya",
    "uyê",
    "uyu",
    "ươi",
    "ươu",
    "yêu",
    "ai",
    "ao",
    "au",
    "ay",
    "âu",
    "ây",
    "eo",
    "êu",
    "ia",
    "iê",
    "iu",
    "oa",
    "oă",
    "oe",
    "oi",
    "ôi",
    "ơi",
    "ua",
    "uâ",
    "uê",
    "ui",
    "uô",
    "uơ",
    "uy",
    "ưa",
    "ưi",
    "ươ",
    "ưu",
    "yê",
    "a",
    "ă",
    "â",
    "e",
    "ê",
    "i",
    "o",
    "ô",
    "ơ",
    "u",
    "ư",
    "y",
]
_SYLLABLE = re.compile(
    f"^(ngh|ng|gh|gi|ch|kh|nh|ph|qu|th|tr|[bcdđghklmnprstvx])?({'|'.join(_NUCLEI)})(ch|ng|nh|[cmnpt])?$"
)
_PUNCTUATION = ".,;:!?()[]\"'“”‘’-–—/…"
# Every character that ``detect_legacy`` counts: text with none of them is never legacy, which
# one regular-expression search (in C) tells for the plain Unicode text nearly all cells hold.
LEGACY_MARKERS = "".join(sorted(_LEGACY_SIGNS))


def detect_legacy(text: str) -> str | None:
    """ "TCVN3" or "VNI" when ``text`` looks typed in that encoding, ``UNSURE`` when both fit.

    A character that Unicode Vietnamese never uses (``©`` for â in TCVN3, ``ø`` for a grave
    accent in VNI) raises the question; the answer is the encoding whose reading turns those
    words into real Vietnamese syllables, so even a short heading is told apart. Text that
    mixes Unicode Vietnamese with legacy words is still detected (``to_unicode`` then refuses).
    """
    if text.isascii():
        return None
    words = [word for word in text.split() if any(ch in _LEGACY_SIGNS for ch in word)]
    if not words:
        return None
    scores = {name: _plausibility(words, name) for name in ("TCVN3", "VNI")}
    best = max(scores.values())
    if best < 0.75:
        return None
    winners = [name for name, score in scores.items() if score == best]
    return winners[0] if len(winners) == 1 else UNSURE


def _plausibility(words: list[str], encoding: str) -> float:
    """The share of ``words`` that read as Vietnamese syllables in ``encoding`` (0 to 1)."""
    readable = 0
    for word in words:
        converted = _from_tcvn3(word) if encoding == "TCVN3" else _from_vni(word)
        bare = unicodedata.normalize("NFC", converted or "").strip(_PUNCTUATION)
        readable += len(bare) > 1 and is_syllable(bare)  # "©" alone is a symbol, not "â"
    return readable / len(words)


def is_syllable(word: str) -> bool:
    """Whether ``word`` has the shape of a Vietnamese syllable ("nghiêng", "được", "Tổ")."""
    bare = unicodedata.normalize("NFD", word.lower()).translate(_TONE_MARKS)
    return bool(_SYLLABLE.match(unicodedata.normalize("NFC", bare)))


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
