"""Every page of a document as an image, for a preview: the PDF LibreOffice made, drawn by PDFium.

LibreOffice's own image export draws page 1 only (its page-range option is ignored for images
in the versions Debian ships), and one LibreOffice start per page would take seconds each.
So the document is converted to PDF once (``pdf.convert``) and each PDF page is drawn by
PDFium (``pypdfium2``, which ships the library for Windows, macOS and Linux) in grey, and
written as a PNG with the standard library.
"""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

from generator.errors import OutputError
from generator.files import write_atomic

DPI = 96
MAX_PAGES = 200  # a preview, not a print: longer documents show their first pages


def page_images(pdf: Path, out_dir: Path, stem: str) -> list[Path]:
    """Write ``<stem>-trang-<n>.png`` for each page of ``pdf`` into ``out_dir``; the paths in order."""
    import pypdfium2

    try:
        document = pypdfium2.PdfDocument(str(pdf))
    except pypdfium2.PdfiumError as exc:
        raise OutputError(f"{pdf.name}: không đọc được tệp PDF để xem trước ({exc})") from exc
    written = []
    try:
        for number in range(min(len(document), MAX_PAGES)):
            bitmap = document[number].render(scale=DPI / 72, grayscale=True)
            rows = bytes(bitmap.buffer)
            target = out_dir / f"{stem}-trang-{number + 1}.png"
            write_atomic(target, grey_png(bitmap.width, bitmap.height, bitmap.stride, rows))
            written.append(target)
    finally:
        document.close()
    return written


def grey_png(width: int, height: int, stride: int, pixels: bytes) -> bytes:
    """A PNG of 8-bit grey ``pixels``: ``height`` rows of ``stride`` bytes, ``width`` of them used."""
    raw = b"".join(b"\x00" + pixels[row * stride : row * stride + width] for row in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)  # 8 bits, grey, no interlace
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw, 6))
        + chunk(b"IEND", b"")
    )
