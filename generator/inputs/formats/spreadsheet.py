"""Spreadsheet files → sheet titles and raw rows; unsafe or damaged files refused with a reason.

Formats: .xlsx/.xlsm and .ods (ZIP packages) and .xls (an OLE2 compound file), all read by
python-calamine, a Rust reader: about twenty times faster than openpyxl, no 80 ms import, and it
reads every row whatever the sheet's ``<dimension>`` tag says (openpyxl's read-only mode trusts
a stale tag and drops the rows below it). Calamine does not say how a cell is formatted, and one
format matters: 0.985 shown as "98,5%". So an .xlsx whose styles hold a percent number format is
read with openpyxl (read-only, every row), which does say; for an .xls, and an .ods that has
percentage cells, the rows are marked ``percent_known=False`` and the cell reader asks the user
instead of guessing (``cells.CellReader.percent``).

Refused before any part is parsed, each with a message for the user (``UnreadableError``): a ZIP
package that unpacks to more than ``MAX_UNPACKED`` bytes or has an entry that expands more than
``MAX_RATIO`` times (a bomb), counted by inflating each entry, so an understated size is caught
too; a sheet that reaches too far for a reader's grid, or an .xls whose header claims more than
the file holds (``sheet_extent``); a password-protected workbook (an OLE2 file holding an
``EncryptedPackage`` stream); a damaged part (a cut or broken XML part, a bad ZIP), named.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO
from xml.parsers import expat

from generator.inputs.formats import sheet_extent

# The bounds of a ZIP package, in one place (docs/thu-muc-lam-viec.md, end). The largest real input,
# an appendix of 100,000 task rows, unpacks to about 63 MiB at a ratio of about 23 (`make bench`,
# case h); a bomb expands hundreds or thousands of times.
MAX_UNPACKED = 256 * 2**20  # all entries together, uncompressed
MAX_RATIO = 200  # uncompressed / compressed size of one entry larger than RATIO_FLOOR
RATIO_FLOOR = 2**20
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED = "EncryptedPackage".encode("utf-16-le")  # a stream name in the OLE2 directory
_CHUNK = 2**20
_PERCENT_IDS = {"9", "10"}  # built-in number formats 0% and 0.00%
_OOXML_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")
RESAVE = "hãy mở bằng Excel và lưu lại dạng .xlsx"
NOT_A_WORKBOOK = f"không phải tệp Excel .xlsx hợp lệ (có thể là tệp CSV hoặc tệp hỏng); {RESAVE}"
PASSWORD = "tệp Excel có mật khẩu: hãy bỏ mật khẩu rồi lưu lại"
SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods")


class UnreadableError(Exception):
    """The file cannot be read; ``str()`` says why, in Vietnamese, for the person who sent it."""


class Reader:
    """An open spreadsheet: its sheet titles and, on demand, the trimmed rows of one sheet.

    A row is a list of values (str, int, float, bool, datetime, time or None), trailing blanks
    dropped; a number in a cell formatted as % is ``(value, True)``.
    """

    percent_known = True  # False: the format cannot tell which cells are formatted as %

    @property
    def titles(self) -> list[str]:
        raise NotImplementedError

    def rows(self, title: str) -> list[list[Any]]:
        raise NotImplementedError

    def close(self) -> None:
        """Release the file."""


def open_reader(path: Path, data: bytes) -> Reader:
    """A reader for the workbook ``data`` (the bytes of ``path``); ``UnreadableError`` when refused."""
    if data.startswith(_OLE2):
        if (reason := PASSWORD if _ENCRYPTED in data else sheet_extent.ole_problem(data)) is not None:
            raise UnreadableError(reason)
        return _Calamine(path, data, percent_known=False)
    try:
        archive = zipfile.ZipFile(_bytes_io(data))
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise UnreadableError(NOT_A_WORKBOOK) from exc
    with archive:
        check_package(archive, _bytes_io(data))
        names = set(archive.namelist())
        if "content.xml" in names:  # OpenDocument (.ods): calamine reads it whole when it opens it
            content = archive.read("content.xml")
            if (reason := sheet_extent.ods_problem(content)) is not None:
                raise UnreadableError(reason)
            return _Calamine(path, data, percent_known=b'value-type="percentage"' not in content)
        if _has_percent_style(archive, names):
            return _Openpyxl(path, data)
    return _Calamine(path, data, percent_known=True)


def _bytes_io(data: bytes) -> BinaryIO:
    return io.BytesIO(data)


def check_package(archive: zipfile.ZipFile, raw: BinaryIO) -> None:
    """Refuse a package whose entries unpack beyond the bounds, before anything parses them."""
    total = sum(info.file_size for info in archive.infolist())
    if total > MAX_UNPACKED:
        raise UnreadableError(_too_big(total))
    unpacked = 0
    for info in archive.infolist():
        size = _inflated_size(raw, info, MAX_UNPACKED - unpacked)
        if size != info.file_size:
            raise UnreadableError(
                _damaged(info.filename) if size <= MAX_UNPACKED - unpacked else _too_big(size)
            )
        if size > RATIO_FLOOR and size > MAX_RATIO * max(info.compress_size, 1):
            raise UnreadableError(
                f"phần {info.filename} nén quá {MAX_RATIO} lần (có thể là tệp độc hại); không đọc tệp này"
            )
        unpacked += size


def _too_big(size: int) -> str:
    return (
        f"tệp giải nén ra hơn {MAX_UNPACKED // 2**20} MB ({size // 2**20} MB): quá lớn cho một bảng "
        "dữ liệu (có thể là tệp độc hại); hãy tách thành nhiều tệp nhỏ hơn"
    )


def _inflated_size(raw: BinaryIO, info: zipfile.ZipInfo, limit: int) -> int:
    """How many bytes the entry really inflates to, reading no further than ``limit`` + 1."""
    raw.seek(info.header_offset)
    header = raw.read(30)
    if len(header) < 30 or header[:4] != b"PK\x03\x04":
        return -1
    raw.seek(
        info.header_offset
        + 30
        + int.from_bytes(header[26:28], "little")
        + int.from_bytes(header[28:30], "little")
    )
    if info.compress_type == zipfile.ZIP_STORED:
        return info.compress_size
    if info.compress_type != zipfile.ZIP_DEFLATED:
        return -1
    inflater, left, size = zlib.decompressobj(-15), info.compress_size, 0
    try:
        while size <= limit and not inflater.eof:
            chunk = inflater.unconsumed_tail or raw.read(min(_CHUNK, left))
            if not chunk:
                break
            if not inflater.unconsumed_tail:
                left -= len(chunk)
            size += len(inflater.decompress(chunk, _CHUNK))
    except zlib.error:
        return -1
    return size


def _damaged(part: str | None, detail: str = "") -> str:
    where = f" (phần {part}{': ' + detail if detail else ''})" if part else ""
    return f"tệp Excel bị hỏng{where}; {RESAVE}"


def damaged_part(data: bytes) -> tuple[str, str] | None:
    """The first XML part of a package that is not well-formed, with expat's reason."""
    try:
        archive = zipfile.ZipFile(_bytes_io(data))
    except (zipfile.BadZipFile, OSError, ValueError):
        return None
    with archive:
        for name in archive.namelist():
            if not name.endswith((".xml", ".rels")):
                continue
            parser = expat.ParserCreate()
            try:
                parser.Parse(archive.read(name), True)
            except expat.ExpatError as exc:
                return name, f"dòng {exc.lineno}"
            except (zipfile.BadZipFile, OSError, zlib.error):
                return name, ""
    return None


def unreadable(data: bytes, cause: Exception) -> UnreadableError:
    """The message for a reader's failure: which part is damaged, when one is."""
    found = damaged_part(data)
    if found is not None:
        return UnreadableError(_damaged(*found))
    return UnreadableError(NOT_A_WORKBOOK if data[:4] != b"PK\x03\x04" else _damaged(None))


def _has_percent_style(archive: zipfile.ZipFile, names: set[str]) -> bool:
    """Whether any cell style of the workbook shows numbers as a percentage."""
    styles = next((n for n in sorted(names) if n.endswith("styles.xml")), None)
    if styles is None:
        return False
    xml = archive.read(styles)
    if b"%" not in xml and not re.search(rb'numFmtId="(9|10)"', xml):
        return False
    if b"<!DOCTYPE" in xml:  # no entity expansion here: openpyxl (with defusedxml) decides
        return True
    return _percent_in_styles(xml)


def _percent_in_styles(xml: bytes) -> bool:
    codes: dict[str, str] = {}
    styles: list[str] = []
    inside = [False]  # within <cellXfs>: the styles cells use (not <cellStyleXfs>)

    def start(tag: str, attributes: dict[str, str]) -> None:
        name = tag.rpartition(" ")[2]
        if name == "numFmt":
            codes[attributes.get("numFmtId", "")] = attributes.get("formatCode", "")
        elif name == "cellXfs":
            inside[0] = True
        elif name == "xf" and inside[0]:
            styles.append(attributes.get("numFmtId", "0"))

    def end(tag: str) -> None:
        if tag.endswith("cellXfs"):
            inside[0] = False

    parser = expat.ParserCreate(namespace_separator=" ")
    parser.StartElementHandler, parser.EndElementHandler = start, end
    try:
        parser.Parse(xml, True)
    except expat.ExpatError:  # a damaged styles part: openpyxl will name the failure
        return True
    return any(n in _PERCENT_IDS or "%" in _unquoted(codes.get(n, "")) for n in styles)


def _unquoted(code: str) -> str:
    """A number format without its quoted text and escaped characters ("%" as text is not a percent)."""
    return re.sub(r'"[^"]*"|\\.', "", code)


class _Calamine(Reader):
    def __init__(self, path: Path, data: bytes, *, percent_known: bool) -> None:
        from python_calamine import CalamineError, CalamineWorkbook, PasswordError

        self.data = data
        self.percent_known = percent_known
        try:
            self.book = CalamineWorkbook.from_filelike(_bytes_io(data))
        except PasswordError as exc:
            raise UnreadableError(PASSWORD) from exc
        except (CalamineError, ValueError, OSError) as exc:
            raise unreadable(data, exc) from exc

    @property
    def titles(self) -> list[str]:
        from python_calamine import SheetTypeEnum

        return [m.name for m in self.book.sheets_metadata if m.typ == SheetTypeEnum.WorkSheet]

    def rows(self, title: str) -> list[list[Any]]:
        from python_calamine import CalamineError

        if (reason := sheet_extent.sheet_problem(self.data, title)) is not None:
            raise UnreadableError(reason)
        try:
            grid = self.book.get_sheet_by_name(title).to_python(skip_empty_area=False)
        except (CalamineError, ValueError, OSError) as exc:
            raise unreadable(self.data, exc) from exc
        return [_trimmed([_calamine_value(v) for v in row]) for row in grid]


def _calamine_value(value: Any) -> Any:
    """Calamine's value as openpyxl gives it: None for blank, whole numbers as int, dates as datetime."""
    if value == "":
        return None
    if isinstance(value, float) and value.is_integer() and abs(value) < 2**53:
        return int(value)
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return dt.datetime.combine(value, dt.time())
    return value


class _Openpyxl(Reader):
    """openpyxl in read-only mode: for workbooks whose percent formats matter."""

    def __init__(self, path: Path, data: bytes) -> None:
        from openpyxl import load_workbook

        self.data = data
        try:
            self.book = load_workbook(_bytes_io(data), read_only=True, data_only=True)
        except Exception as exc:  # openpyxl raises whatever its parsers raise (lxml, KeyError…)
            raise unreadable(data, exc) from exc

    @property
    def titles(self) -> list[str]:
        return [sheet.title for sheet in self.book.worksheets]  # no chart sheets, as with calamine

    def rows(self, title: str) -> list[list[Any]]:
        sheet = self.book[title]
        sheet.reset_dimensions()  # read every row, whatever a stale <dimension> tag says
        try:
            return [_trimmed(_openpyxl_values(row)) for row in sheet.iter_rows()]
        except Exception as exc:  # a damaged sheet part: lxml's or ElementTree's parse error
            raise unreadable(self.data, exc) from exc

    def close(self) -> None:
        self.book.close()


def _openpyxl_values(row: Any) -> Iterator[Any]:
    for cell in row:
        value = getattr(cell, "value", None)
        if isinstance(value, str) and "_x" in value:  # Excel's escape of characters XML cannot hold
            value = _OOXML_ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), value)
        fmt = getattr(cell, "number_format", "") or ""
        percent = isinstance(value, int | float) and not isinstance(value, bool) and "%" in _unquoted(fmt)
        yield (value, True) if percent else value


def _trimmed(values: Any) -> list[Any]:
    row = list(values)
    while row and (row[-1] is None or (isinstance(row[-1], str) and not row[-1].strip())):
        row.pop()
    return row
