"""How large a .docx ``cchc check`` opens, decided from the ZIP directory before anything is parsed.

python-docx reads every part into memory and lxml builds a tree about twice the size of the
XML (a 1 GB document.xml took 2.1 GB), and the rules take about half a millisecond a
paragraph. The sizes a ZIP declares bound what Python's ``zipfile`` will unpack (it stops
there and fails the checksum), so they can be trusted for the limits. A long administrative
document is a few MB of XML (cchc's ten-page plan: 95 KB) and a few thousand paragraphs.
"""

from __future__ import annotations

import zipfile

from generator.domain.formatting import vn_number

MAX_FILE = 100 * 2**20  # the .docx itself
MAX_UNPACKED = 300 * 2**20  # every part, pictures included
MAX_XML = 50 * 2**20  # every XML part: what lxml parses
MAX_RATIO = 200  # unpacked / packed, for a part over RATIO_FROM (Word's XML packs about 10:1)
RATIO_FROM = 10 * 2**20
MAX_PARAGRAPHS = 50_000


def too_large(archive: zipfile.ZipFile, file_size: int) -> str | None:
    """Why the package is too large to check (in Vietnamese), or None."""
    if file_size > MAX_FILE:
        return f"tệp quá lớn để kiểm tra ({_mb(file_size)}; tối đa {_mb(MAX_FILE)})"
    members = archive.infolist()
    unpacked = sum(m.file_size for m in members)
    if unpacked > MAX_UNPACKED:
        return f"nội dung giải nén quá lớn để kiểm tra ({_mb(unpacked)}; tối đa {_mb(MAX_UNPACKED)})"
    xml = sum(m.file_size for m in members if m.filename.lower().endswith((".xml", ".rels")))
    if xml > MAX_XML:
        return f"phần chữ (XML) quá lớn để kiểm tra ({_mb(xml)}; tối đa {_mb(MAX_XML)})"
    for member in members:
        if member.file_size > RATIO_FROM and member.file_size > MAX_RATIO * max(member.compress_size, 1):
            return (
                f"{member.filename} nén với tỉ lệ bất thường ({_mb(member.compress_size)} thành "
                f"{_mb(member.file_size)}): có thể là tệp được tạo để làm treo máy, không kiểm tra"
            )
    return None


def too_many_paragraphs(count: int) -> str | None:
    if count <= MAX_PARAGRAPHS:
        return None
    return (
        f"văn bản quá dài để kiểm tra ({vn_number(count)} đoạn; tối đa {vn_number(MAX_PARAGRAPHS)}); "
        "hãy tách thành các tệp nhỏ hơn"
    )


def _mb(size: int) -> str:
    """12345678 → "11,8 MB"; 50 MB exactly → "50 MB"; under 1 MB in KB."""
    if size < 2**20:
        return f"{vn_number(size / 2**10)} KB"
    return f"{vn_number(size / 2**20, 1).removesuffix(',0')} MB"
