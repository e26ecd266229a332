"""How far a sheet reaches, read from its XML before a reader builds a grid of it.

python-calamine builds a sheet as a dense grid from A1 to its last cell, 32 bytes a cell: one
value at XFD1048576 in a 22 KB file asks for 549 GB and aborts the process (a Rust panic that no
``except`` catches, which also took down ``cchc serve``). openpyxl yields every empty row up to
it. So before a reader sees a sheet, its cells' references are scanned here (the XML is only
searched, not parsed: about 0.4 s for the 110 MB sheet of a 100,000-row appendix) and a sheet
whose rectangle passes ``MAX_CELLS`` is refused with its last cell. An OpenDocument sheet
repeats rows and cells by count (``table:number-rows-repeated``), so its counts are added up the
same way. An .xls (OLE2) file is checked by its header: ``ole_problem``.
"""

from __future__ import annotations

import io
import re
import zipfile
from xml.parsers import expat

# 5 million cells: about 160 MB in calamine. The largest real input, an appendix of 100,000
# rows × 9 columns, is 900,000 (`make bench`, case h).
MAX_CELLS = 5_000_000
_REFERENCE = re.compile(rb'\sr="([A-Z]{1,3})([0-9]{1,9})"')
_EMPTY_CELL = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?c\s[^>]*(?:/>|(?<!/)>\s*</(?:[A-Za-z_][\w.-]*:)?c>)")
_ROW = re.compile(rb'<(?:[A-Za-z_][\w.-]*:)?row\s[^>]*?\br="([0-9]{1,9})"')
_ODS_TABLE = re.compile(rb"<table:table\s[^>]*?table:name=\"([^\"]*)\"[^>]*>")
_ODS_ITEM = re.compile(
    rb"<table:(table-row|table-cell|covered-table-cell)(?=[\s/>])([^>]*?)(/?)>|</table:table-row>|</table:table>"
)
_ODS_COUNT = re.compile(rb'number-(?:rows|columns)-repeated="([0-9]{1,10})"')
_OLE_SECTOR_SHIFTS = {3: 9, 4: 12}  # major version → sector size as a power of two ([MS-CFB] 2.2)


def sheet_problem(data: bytes, title: str) -> str | None:
    """Why sheet ``title`` of the .xlsx package ``data`` is too large to read, or None."""
    if not data.startswith(b"PK"):
        return None
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = set(archive.namelist())
        for part in _sheet_parts(archive, names, title):
            xml = archive.read(part)
            rows, columns = _xlsx_extent(xml)
            if rows * columns > MAX_CELLS:  # the slow count, without empty cells (a format, no value)
                rows, columns = _xlsx_extent(_EMPTY_CELL.sub(b"", xml))
            if rows * columns > MAX_CELLS:
                return _too_far(f"{_column_letter(columns)}{rows}", rows, columns)
    return None


def _too_far(cell: str, rows: int, columns: int, sheet: str = "trang tính") -> str:
    return (
        f"{sheet} trải tới ô {cell} ({_count(rows)} dòng × {_count(columns)} cột), quá {_count(MAX_CELLS)} "
        "ô cchc đọc được: hãy xóa các dòng, cột thừa ở xa bảng (Ctrl+End chỉ ô cuối Excel còn giữ) rồi lưu lại"
    )


def _count(number: int) -> str:
    """1048576 → "1.048.576", as Vietnamese writes numbers."""
    return f"{number:,}".replace(",", ".")


def _xlsx_extent(xml: bytes) -> tuple[int, int]:
    """(last row, last column) of the cells a sheet's XML refers to; cells without a reference
    (allowed by the format) take their row's number."""
    references = _REFERENCE.findall(xml)
    letters = {letters for letters, _ in references}
    rows = {row for _, row in references}
    if xml.count(b"<c>") + xml.count(b"<c ") + xml.count(b":c>") + xml.count(b":c ") > len(references):
        rows.update(_ROW.findall(xml))
    last_row = max(map(int, rows), default=0)
    last_column = max((_column_number(c) for c in letters), default=0)
    return last_row, max(last_column, 1 if last_row else 0)


def _column_number(letters: bytes) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + letter - 64
    return number


def _column_letter(number: int) -> str:
    letters = ""
    while number > 0:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _sheet_parts(archive: zipfile.ZipFile, names: set[str], title: str) -> list[str]:
    """The worksheet part of ``title``; every worksheet part when the workbook does not say."""
    found = _parts_by_title(archive, names).get(title)
    if found is not None and found in names:
        return [found]
    return sorted(n for n in names if "worksheets/" in n and n.endswith(".xml"))


def _parts_by_title(archive: zipfile.ZipFile, names: set[str]) -> dict[str, str]:
    """Sheet title → part name, from xl/workbook.xml and its relationships."""
    book = next((n for n in sorted(names) if n.endswith("workbook.xml")), None)
    if book is None:
        return {}
    folder, _, file = book.rpartition("/")
    rels = f"{folder}/_rels/{file}.rels" if folder else f"_rels/{file}.rels"
    if rels not in names:
        return {}
    ids: dict[str, str] = {}
    targets: dict[str, str] = {}

    def start(tag: str, attributes: dict[str, str]) -> None:
        name = tag.rpartition(" ")[2]
        if name == "sheet":
            rel = next((v for k, v in attributes.items() if k.rpartition(" ")[2] == "id"), "")
            ids[attributes.get("name", "")] = rel
        elif name == "Relationship":
            target = attributes.get("Target", "")
            targets[attributes.get("Id", "")] = (
                target[1:] if target.startswith("/") else _joined(folder, target)
            )

    for part in (book, rels):
        parser = expat.ParserCreate(namespace_separator=" ")
        parser.StartElementHandler = start
        try:
            parser.Parse(archive.read(part), True)
        except expat.ExpatError:
            return {}
    return {title: targets[rel] for title, rel in ids.items() if rel in targets}


def _joined(folder: str, target: str) -> str:
    parts = [p for p in folder.split("/") if p]
    for piece in target.split("/"):
        if piece == "..":
            parts = parts[:-1]
        elif piece not in ("", "."):
            parts.append(piece)
    return "/".join(parts)


def ods_problem(content: bytes) -> str | None:
    """Why an OpenDocument content.xml is too large to read, or None: a table whose last cell
    with content, rows and cells repeated by count, lies past ``MAX_CELLS``. Empty repeats
    (LibreOffice ends each sheet with a million empty rows) only move what follows."""
    for table in _ODS_TABLE.finditer(content):
        end = _table_end(content, table.end())
        if end is not None:
            name = _unescaped(table.group(1)).decode("utf-8", "replace")
            return _too_far(*end, sheet=f'trang "{name}"')
    return None


def _table_end(content: bytes, start: int) -> tuple[str, int, int] | None:
    """(last cell, rows, columns) of the table from ``start`` when it passes ``MAX_CELLS``."""
    row = column = last_row = last_column = 0
    repeat = 1
    for item in _ODS_ITEM.finditer(content, start):
        kind, attributes, closed = item.group(1), item.group(2), item.group(3)
        if kind is None:
            if item.group(0) == b"</table:table>":
                return None
            row += repeat  # </table:table-row>
            continue
        count = _ods_count(attributes)
        if kind == b"table-row":
            repeat, column = count, 0
            row += count if closed else 0
            continue
        column += count
        if closed and b"value-type" not in attributes:
            continue
        last_row, last_column = max(last_row, row + repeat), max(last_column, column)
        if last_row * last_column > MAX_CELLS:
            return f"{_column_letter(last_column)}{last_row}", last_row, last_column
    return None


def _ods_count(attributes: bytes) -> int:
    found = _ODS_COUNT.search(attributes)
    return int(found.group(1)) if found else 1


def _unescaped(name: bytes) -> bytes:
    """An attribute value as written (``&amp;`` and the like) → its text."""
    return name.replace(b"&lt;", b"<").replace(b"&gt;", b">").replace(b"&quot;", b'"').replace(b"&amp;", b"&")


def ole_problem(data: bytes) -> str | None:
    """Why an OLE2 (.xls) file cannot be read, when its header claims more sectors than the file
    holds (the reader allocates what the header says: 2^31 sectors took 3.9 GB), or None."""
    if len(data) < 512:
        return "tệp Excel 97–2003 (.xls) bị cắt cụt: phần đầu tệp không đủ 512 byte"
    major = int.from_bytes(data[26:28], "little")
    shift = int.from_bytes(data[30:32], "little")
    if _OLE_SECTOR_SHIFTS.get(major) != shift or int.from_bytes(data[32:34], "little") != 6:
        return "tệp Excel 97–2003 (.xls) bị hỏng: phần đầu tệp ghi cỡ khối không hợp lệ"
    sectors = -(-len(data) // (1 << shift)) - 1  # after the header, the last one partly filled
    counts = {
        "khối thư mục": int.from_bytes(data[40:44], "little"),
        "khối bảng FAT": int.from_bytes(data[44:48], "little"),
        "khối bảng MiniFAT": int.from_bytes(data[64:68], "little"),
        "khối DIFAT": int.from_bytes(data[72:76], "little"),
    }
    for what, count in counts.items():
        if count > sectors:
            return (
                f"tệp Excel 97–2003 (.xls) bị hỏng: phần đầu tệp ghi {_count(count)} {what}, tệp chỉ có "
                f"{_count(sectors)} khối"
            )
    return None
