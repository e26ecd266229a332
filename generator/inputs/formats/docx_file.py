"""Word files as they arrive: checked before parsing, then read into plain ``Block``s (cached).

A .docx is a ZIP package; before python-docx sees it, the file is checked for what would
make it unreadable or dangerous: too large, a ZIP bomb (huge or extreme decompression), a
Word 97–2003 .doc, a password (Word stores an encrypted .docx as an OLE file), damage.
Each refusal is a Vietnamese sentence saying what to do.

The blocks of a file are kept in the user cache under the file's SHA-256, so a run on an
unchanged Word file needs neither python-docx nor its import, as for workbooks.
"""

from __future__ import annotations

import hashlib
import re
import zipfile
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator import cache
from generator.domain.nd30_patterns import NATIONAL_TITLES
from generator.errors import Location, Problems, os_reason
from generator.ooxml.places import Block

MAX_FILE_BYTES = 50 * 2**20
MAX_UNPACKED_BYTES = 300 * 2**20
MAX_ENTRIES = 5000
MAX_RATIO = 200  # uncompressed / compressed size of one part; Word's XML is about 10
# The text read from a Word file, bounded before python-docx parses it (it takes about ten times
# the XML in memory: 280 MB of document.xml reached 2.8 GB, and each row costs about 2 ms). A
# year's plan is about 0.5 MB of XML, 150 paragraphs, 300 appendix rows of 7 cells; the bounds
# leave room for ten such plans in one file. Rows and cells are counted first: each holds a paragraph.
MAX_DOCUMENT_BYTES = 64 * 2**20  # word/document.xml, inflated
MAX_ROWS = 3_000
MAX_CELLS = 30_000
MAX_PARAGRAPHS = 30_000
_COUNTED = ((rb"<w:tr[ >]", MAX_ROWS, "dòng bảng"), (rb"<w:tc[ >]", MAX_CELLS, "ô bảng"),
            (rb"<w:p[ >]", MAX_PARAGRAPHS, "đoạn văn"))  # fmt: skip
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_TAG = re.compile(rb"<[^>]*>")
RECENT_FILES = 8  # Word files kept in memory: a unit has two or three; memory flat over a batch
_RECENT: OrderedDict[tuple[str, bytes], tuple[Block, ...]] = OrderedDict()
SAVE_AS_DOCX = "hãy mở bằng Word và lưu lại dạng .docx (Tệp › Lưu thành › Tài liệu Word)"


@dataclass(frozen=True)
class WordFile:
    """The running text of one .docx: its blocks; ``complete`` when it is a whole ND 30 document."""

    path: Path
    blocks: tuple[Block, ...]
    complete: bool = False


def refusal(path: Path, *, converted: bool = False) -> str | None:
    """Why ``path`` cannot be read as a .docx (in Vietnamese), or None when it can be opened.
    ``converted``: LibreOffice makes a .docx of it first (.doc, .odt, .rtf): only its size and,
    for a ZIP package, its inflation are checked here; the .docx made is checked again."""
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            head = handle.read(8)
    except FileNotFoundError:
        return "không tìm thấy tệp"
    except OSError as exc:
        return f"không đọc được tệp ({os_reason(exc)})"
    if size > MAX_FILE_BYTES:
        return f"tệp quá lớn ({size / 2**20:.0f} MB; tối đa {MAX_FILE_BYTES // 2**20} MB)"
    if converted:
        return _package_refusal(path, word=False) if zipfile.is_zipfile(path) else None
    if head == _OLE_MAGIC:
        if path.suffix.lower() == ".doc":
            return f"tệp Word 97–2003 (.doc): {SAVE_AS_DOCX}"
        return (
            "tệp được đặt mật khẩu (hoặc là tệp Word cũ đổi đuôi): hãy mở bằng Word, bỏ mật khẩu "
            "(Tệp › Thông tin › Bảo vệ tài liệu › Mã hóa bằng mật khẩu, xóa trống) rồi lưu lại"
        )
    if not zipfile.is_zipfile(path):
        return f"tệp hỏng hoặc không phải tệp Word .docx: {SAVE_AS_DOCX}"
    return _package_refusal(path)


def _package_refusal(path: Path, *, word: bool = True) -> str | None:
    try:
        with zipfile.ZipFile(path) as archive:
            entries = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return f"tệp hỏng, không mở được: {SAVE_AS_DOCX}"
    if len(entries) > MAX_ENTRIES or sum(e.file_size for e in entries) > MAX_UNPACKED_BYTES:
        return "tệp quá lớn khi giải nén (có thể là tệp độc hại); cchc không mở"
    for entry in entries:
        if entry.file_size > 2**20 and entry.file_size > MAX_RATIO * max(entry.compress_size, 1):
            return "tệp nén bất thường (có thể là tệp độc hại); cchc không mở"
    if not word:
        return None
    if "word/document.xml" not in {e.filename for e in entries}:
        return f"không phải tệp Word .docx (không có phần nội dung văn bản): {SAVE_AS_DOCX}"
    return _content_refusal(path)


def _content_refusal(path: Path) -> str | None:
    """Why the text of the document is too large to read: its XML, paragraphs, rows or cells,
    counted in the XML (inflated no further than the bound) before anything parses it."""
    try:
        with zipfile.ZipFile(path) as archive, archive.open("word/document.xml") as part:
            xml = part.read(MAX_DOCUMENT_BYTES + 1)
    except (zipfile.BadZipFile, OSError, ValueError, KeyError, EOFError):
        return f"tệp hỏng, không mở được: {SAVE_AS_DOCX}"
    if len(xml) > MAX_DOCUMENT_BYTES:
        return (f"phần nội dung của tệp quá lớn khi giải nén (hơn {MAX_DOCUMENT_BYTES // 2**20} MB; tối đa "
                f"{MAX_DOCUMENT_BYTES // 2**20} MB): hãy tách thành nhiều tệp nhỏ hơn")  # fmt: skip
    for pattern, bound, what in _COUNTED:
        count = len(re.findall(pattern, xml))
        if count > bound:
            return (f"tệp có {_figure(count)} {what}, quá {_figure(bound)} {what} cchc đọc được: "
                    "hãy tách thành nhiều tệp nhỏ hơn")  # fmt: skip
    return None


def _figure(number: int) -> str:
    return f"{number:,}".replace(",", ".")


def open_document(path: Path, problems: Problems) -> Any:
    """The python-docx document at ``path``, or None with the reason recorded as a problem."""
    reason = refusal(path)
    if reason is None:
        import docx
        from docx.opc.exceptions import PackageNotFoundError
        from lxml.etree import XMLSyntaxError

        try:
            return docx.Document(str(path))
        except (PackageNotFoundError, ValueError, KeyError, zipfile.BadZipFile, XMLSyntaxError, OSError):
            reason = f"tệp hỏng, không mở được: {SAVE_AS_DOCX}"
    problems.add(Location(str(path)), reason)
    return None


def is_complete_document(path: Path) -> bool:
    """True when the file holds a Quốc hiệu: a whole document (cchc's output, a plan to import),
    not a file of words. Read from the package without python-docx."""
    if refusal(path) is not None:
        return False
    try:
        with zipfile.ZipFile(path) as archive:
            xml = archive.read("word/document.xml")
    except (KeyError, zipfile.BadZipFile, OSError):
        return False
    text = " ".join(_TAG.sub(b"", xml).decode("utf-8", "replace").split()).upper()
    return any(title in text for title in NATIONAL_TITLES)


def load_words(path: Path, problems: Problems) -> WordFile | None:
    """The blocks of the Word file at ``path``, from memory, the cache or read now; None when unreadable.

    The last few files read are kept in memory by path and content (``_RECENT``): a batch reads
    a unit's Word files to find its jobs, then for its plan and each report.
    """
    try:
        data = path.read_bytes() if refusal(path) is None else b""
    except OSError:
        data = b""
    if not data:
        open_document(path, problems)  # records why
        return None
    key = (str(path), hashlib.sha256(data).digest())
    if key in _RECENT:
        _RECENT.move_to_end(key)
        return WordFile(path, _RECENT[key])
    blocks = _blocks(path, data, problems)
    if blocks is None:
        return None
    _RECENT[key] = blocks
    while len(_RECENT) > RECENT_FILES:
        _RECENT.popitem(last=False)
    return WordFile(path, blocks)


def _blocks(path: Path, data: bytes, problems: Problems) -> tuple[Block, ...] | None:
    entry = cache.entry("words", data, _docx_version())
    cached: tuple[Block, ...] | None = cache.load(entry, tuple)
    if cached is not None:
        return cached
    document = open_document(path, problems)
    if document is None:
        return None
    from generator.ooxml.blocks import read_blocks
    from generator.ooxml.view import read_view

    blocks = tuple(read_blocks(read_view(document)))
    cache.store(entry, blocks)
    return blocks


def _docx_version() -> str:
    """Which python-docx would parse, without importing it (the cache exists to avoid that import)."""
    from importlib.util import find_spec

    spec = find_spec("docx")
    origin = Path(spec.origin) if spec and spec.origin else None
    if origin is None or not origin.exists():
        return "?"
    stat = origin.stat()
    return f"{origin}|{stat.st_size}|{stat.st_mtime_ns}"
