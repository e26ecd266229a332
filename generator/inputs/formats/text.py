"""Text as it enters cchc: Unicode NFC, no characters that XML forbids, no invisible junk.

Every string read from YAML, Excel or a Word file's words passes through ``clean_text`` at the
loader boundary, so nothing later has to worry about decomposed letters or copy-paste control
characters: one rule for all three. A zero-width space or a control character is deleted (with
a notice saying so); Word's manual line break (U+000B) and the Unicode line separators become a
new line, as they read in Word.

What is changed and why: docs/text-encodings.md §3.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from generator.domain.legacy_encoding import LEGACY_MARKERS, UNSURE, detect_legacy, to_unicode
from generator.domain.text import INVISIBLE
from generator.errors import Location, Problems

# Word's "manual line break" arrives as \x0b when text is copied out of a document.
_LINE_BREAKS = str.maketrans({"\x0b": "\n", "\u2028": "\n", "\u2029": "\n"})
# C0 controls XML 1.0 forbids (tab, line feed and carriage return are allowed), plus
# invisible characters that confuse searching and sorting or change how the text reads.
_FORBIDDEN = re.compile(f"[\x00-\x08\x0c\x0e-\x1f\x7f\ufffe\uffff{INVISIBLE}]")
# Anything the steps below could change or report; plain text (most cells) skips them all.
_SUSPICIOUS = re.compile(f"[\r\x0b\u2028\u2029{_FORBIDDEN.pattern[1:-1]}{re.escape(LEGACY_MARKERS)}]")
_NAMES = {
    "\x0b": "ngắt dòng",
    "\x0c": "ngắt trang",
    "\u200b": "khoảng trắng không độ rộng",
    "\ufeff": "dấu BOM",
    **{chr(c): f"ký tự đổi chiều chữ U+{c:04X}" for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))},
}


def legacy_message(encoding: str) -> str:
    """Why legacy text was not converted, and how the person converts it (docs/text-encodings.md)."""
    if encoding == UNSURE:
        return (
            "văn bản có vẻ gõ bằng bảng mã cũ TCVN3 hoặc VNI (không phải Unicode), không biết chắc là "
            "bảng mã nào; hãy chuyển sang Unicode bằng Unikey (Công cụ chuyển mã: nguồn TCVN3, nếu "
            "chữ vẫn sai thì thử VNI Windows; đích Unicode) rồi nhập lại"
        )
    return (
        f"văn bản có vẻ gõ bằng bảng mã {encoding} (không phải Unicode) và không chuyển đổi được "
        f"chắc chắn; hãy chuyển sang Unicode bằng Unikey (Công cụ chuyển mã: nguồn {encoding}, "
        "đích Unicode) rồi nhập lại"
    )


def removed_message(characters: Iterable[str]) -> str:
    """The notice for invisible characters deleted from a text, naming them."""
    names = ", ".join(_NAMES.get(ch, f"U+{ord(ch):04X}") for ch in sorted(set(characters)))
    return f"đã bỏ ký tự điều khiển không in được ({names})"


def clean_text(value: str, location: Location, problems: Problems) -> str:
    """Return ``value`` normalised for a document, noting each change at ``location``."""
    if not _SUSPICIOUS.search(value):
        return unicodedata.normalize("NFC", value)  # a no-op copy-free check when already NFC
    text = value.replace("\r\n", "\n").replace("\r", "\n")
    if "\x0b" in text or "\u2028" in text or "\u2029" in text:
        text = text.translate(_LINE_BREAKS)
    found = sorted(set(_FORBIDDEN.findall(text)))
    if found:
        text = _FORBIDDEN.sub("", text)
        problems.warn(location, removed_message(found))
    encoding = detect_legacy(text)
    if encoding is not None:
        converted = to_unicode(text, encoding) if encoding != UNSURE else None
        if converted is None:
            problems.add(location, legacy_message(encoding))
            return text
        problems.warn(location, f"đã chuyển văn bản từ bảng mã {encoding} sang Unicode")
        text = converted
    return unicodedata.normalize("NFC", text)
