"""The "TTHC" sheet of the progress workbook → ``FieldStats`` per lĩnh vực, each identity checked.

The sheet follows Biểu 06/VPCP/KSTT (docs/tthc-form-06.md §2, §7): files received online, in
person or by post, carried over from the period before; resolved early, on time, late; pending
in time and late. The form's totals (received, resolved, pending) are optional columns: when
staff type them, each identity of docs/tthc-form-06.md §3 is checked at its cell; when they
leave them out, cchc adds them up. Older sheets keep working: "Tiếp nhận" (files received in
the period, online included) stands for online + in person, "Trễ hạn" for "Quá hạn", and
without any pending column the pending files are what the balance leaves.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from generator.domain.models import FieldStats
from generator.domain.sheets import TTHC_COLUMNS as TTHC_COLUMNS
from generator.domain.sheets import TTHC_SHEET as TTHC_SHEET
from generator.domain.sheets import TTHC_WRITTEN as TTHC_WRITTEN
from generator.domain.text import normalise_header
from generator.errors import Location, Problems
from generator.inputs.formats.cells import CellReader
from generator.inputs.formats.excel import Cell, Sheet, Workbook

_TOTAL_ROWS = {"tổng", "tổng cộng", "cộng", "tổng số"}


@dataclass
class _Row:
    """One row's counts by column key (a blank cell of a present column counts 0)."""

    cells: dict[str, Cell]
    counts: dict[str, int]
    problems: Problems

    def given(self, key: str) -> int | None:
        return self.counts.get(key)

    def wrong(self, key: str, message: str) -> None:
        self.problems.add(self.cells[key].location, message)


def read_fields(
    book: Workbook, reader: CellReader, problems: Problems, carried: Mapping[str, int] | None = None
) -> tuple[FieldStats, ...] | None:
    """The rows of the "TTHC" sheet; a row with any error is left out (its errors are noted).

    An optional column left blank from top to bottom counts as absent (cchc init writes them
    all); in a column with figures, a blank cell is 0. Without "Từ kỳ trước", a lĩnh vực's files
    carried over are ``carried`` (the previous period's pending files, by normalised name) or 0.
    """
    sheet = book.sheet(TTHC_SHEET, TTHC_COLUMNS)
    if sheet is None:
        return None
    rows = [
        r
        for r in sheet.rows
        if normalise_header(reader.text(r["linh_vuc"], required=False)) not in _TOTAL_ROWS
    ]
    used = {key for r in rows for key, cell in r.items() if not cell.blank}
    if not _has_received_columns(book, sheet, used, problems):
        return None
    stats = []
    for cells in rows:
        name = reader.text(cells["linh_vuc"])
        present = {
            key: cell for key, cell in cells.items() if key != "linh_vuc" and (_required(key) or key in used)
        }
        counts = {key: reader.count(cell, required=_required(key)) for key, cell in present.items()}
        if not name or any(value is None for value in counts.values()):
            continue
        before = (carried or {}).get(normalise_header(name), 0)
        field = _field(
            name, _Row(cells, {k: v for k, v in counts.items() if v is not None}, problems), before
        )
        if field is not None:
            stats.append(field)
    return tuple(stats)


def read_fields_of(path: Path) -> tuple[FieldStats, ...] | None:
    """The "TTHC" rows of another workbook (the previous period's); None when it has none or
    any error (that workbook's own report says what)."""
    scratch = Problems()
    book = Workbook(path, scratch)
    try:
        fields = read_fields(book, CellReader(book, scratch), scratch) if book.ok else None
    finally:
        book.close()
    return None if scratch.errors else fields


def _required(key: str) -> bool:
    return next(c.required for c in TTHC_COLUMNS if c.key == key)


def _has_received_columns(book: Workbook, sheet: Sheet, used: set[str], problems: Problems) -> bool:
    if not sheet.rows or used & {"truc_tiep", "tiep_nhan"}:
        return True
    problems.add(
        Location(str(book.path), sheet=sheet.title, row=sheet.header_row),
        'thiếu số hồ sơ tiếp nhận trực tiếp, qua bưu chính: cần cột "Trực tiếp, bưu chính" '
        '(hoặc cột cũ "Tiếp nhận", kể cả hồ sơ trực tuyến)',
    )
    return False


def _field(name: str, row: _Row, carried_before: int = 0) -> FieldStats | None:
    """The row's figures once every identity holds; None (with the errors noted) otherwise."""
    before = len(row.problems.errors)
    online, direct = row.counts["truc_tuyen"], _direct(row)
    typed = row.given("ky_truoc")
    carried = carried_before if typed is None else typed
    early, on_time, late = row.counts["truoc_han"], row.counts["dung_han"], row.counts["qua_han"]
    if direct is None:
        return None
    received = online + direct + carried
    _identity(row, "tong_nhan", received, "tổng số hồ sơ nhận giải quyết",
              f"trực tuyến ({online}) + trực tiếp, bưu chính ({direct}) + từ kỳ trước ({carried})")  # fmt: skip
    resolved = early + on_time + late
    _identity(row, "da_giai_quyet", resolved, "tổng số hồ sơ đã giải quyết",
              f"trước hạn ({early}) + đúng hạn ({on_time}) + quá hạn ({late})")  # fmt: skip
    in_time, overdue = _pending(row, received, resolved)
    field = FieldStats(
        name, online, direct, carried, early, on_time, late, in_time, overdue, row.cells["linh_vuc"].location,
        online_full=row.given("toan_trinh"), online_partial=row.given("mot_phan"),
        paid_online=row.given("thanh_toan"), late_apology=row.given("thu_xin_loi"), with_fee=row.given("co_phi"),
        carried_location=row.cells["ky_truoc"].location if "ky_truoc" in row.counts else None,
    )  # fmt: skip
    _extras(field, row)
    return field if len(row.problems.errors) == before else None


def _direct(row: _Row) -> int | None:
    """Files received in person or by post: the column, or the old "Tiếp nhận" less the online ones."""
    online, direct, period = row.counts["truc_tuyen"], row.given("truc_tiep"), row.given("tiep_nhan")
    if direct is not None:
        if period is not None and period != online + direct:
            row.wrong("tiep_nhan", f"số hồ sơ tiếp nhận trong kỳ ({period}) phải bằng trực tuyến ({online}) "
                      f"+ trực tiếp, bưu chính ({direct}) = {online + direct}")  # fmt: skip
        return direct
    assert period is not None  # the sheet has one of the two columns (_has_received_columns)
    if online > period:
        row.wrong("truc_tuyen", f"số hồ sơ trực tuyến ({online}) lớn hơn số tiếp nhận ({period})")
        return None
    return period - online


def _identity(row: _Row, key: str, expected: int, what: str, parts: str) -> None:
    """A total typed by staff must equal the sum of its parts (docs/tthc-form-06.md §3)."""
    typed = row.given(key)
    if typed is not None and typed != expected:
        row.wrong(key, f"{what} ({typed}) phải bằng {parts} = {expected}")


def _pending(row: _Row, received: int, resolved: int) -> tuple[int | None, int | None]:
    """Pending in time and late; identities 3 and 4 checked where staff typed the figures."""
    total, in_time, late = (
        row.given("dang_giai_quyet"),
        row.given("dang_trong_han"),
        row.given("dang_qua_han"),
    )
    if total is None and in_time is not None and late is not None:
        total = in_time + late
    if total is None:
        if resolved > received:
            key = "da_giai_quyet" if "da_giai_quyet" in row.counts else "qua_han"
            row.wrong(
                key, f"số hồ sơ đã giải quyết ({resolved}) lớn hơn tổng số hồ sơ nhận giải quyết ({received})"
            )
        total = received - resolved
    else:
        where = next(k for k in ("dang_giai_quyet", "dang_trong_han", "dang_qua_han") if k in row.counts)
        if received != resolved + total:
            row.wrong(where, f"tổng số hồ sơ nhận giải quyết ({received}) phải bằng đã giải quyết ({resolved}) "
                      f"+ đang giải quyết ({total}) = {resolved + total}")  # fmt: skip
        if in_time is not None and late is not None and "dang_giai_quyet" in row.counts:
            _identity(row, "dang_giai_quyet", in_time + late, "tổng số hồ sơ đang giải quyết",
                      f"trong hạn ({in_time}) + quá hạn ({late})")  # fmt: skip
    return _split(row, max(total, 0), in_time, late)


def _split(row: _Row, total: int, in_time: int | None, late: int | None) -> tuple[int | None, int | None]:
    """The pending split, one part derived from the other when staff gave only one."""
    for known, other, key in ((in_time, late, "dang_trong_han"), (late, in_time, "dang_qua_han")):
        if known is not None and other is None:
            if known > total:
                row.wrong(
                    key,
                    f"số hồ sơ {_PENDING_WORDS[key]} ({known}) lớn hơn số hồ sơ đang giải quyết ({total})",
                )
                return None, None
            return (known, total - known) if key == "dang_trong_han" else (total - known, known)
    return in_time, late


_PENDING_WORDS = {"dang_trong_han": "đang giải quyết trong hạn", "dang_qua_han": "đang giải quyết quá hạn"}


def _extras(field: FieldStats, row: _Row) -> None:
    """The optional columns of docs/tthc-form-06.md §5 stay within the figures they belong to."""
    full, partial = field.online_full, field.online_partial
    if full is not None and partial is not None and full + partial != field.online:
        row.wrong("toan_trinh", f"trực tuyến toàn trình ({full}) + một phần ({partial}) phải bằng số hồ sơ "
                  f"trực tuyến ({field.online})")  # fmt: skip
    for key, value in (("toan_trinh", full), ("mot_phan", partial)):
        if value is not None and value > field.online:
            row.wrong(
                key, f"số hồ sơ {_EXTRA_WORDS[key]} ({value}) lớn hơn số hồ sơ trực tuyến ({field.online})"
            )
    if field.with_fee is not None and field.with_fee > field.received_total:
        row.wrong("co_phi", f"số hồ sơ có phí, lệ phí ({field.with_fee}) lớn hơn tổng số hồ sơ nhận giải quyết "
                  f"({field.received_total})")  # fmt: skip
    elif field.paid_online is not None and field.with_fee is not None and field.paid_online > field.with_fee:
        row.wrong("thanh_toan", f"số hồ sơ thanh toán trực tuyến ({field.paid_online}) lớn hơn số hồ sơ có phí, "
                  f"lệ phí ({field.with_fee})")  # fmt: skip
    elif field.paid_online is not None and field.paid_online > field.received_total:
        row.wrong("thanh_toan", f"số hồ sơ thanh toán trực tuyến ({field.paid_online}) lớn hơn tổng số hồ sơ "
                  f"nhận giải quyết ({field.received_total})")  # fmt: skip
    late = field.late + (field.pending_late if field.pending_late is not None else field.pending)
    if field.late_apology is not None and field.late_apology > late:
        row.wrong("thu_xin_loi", f"số hồ sơ quá hạn có thư xin lỗi ({field.late_apology}) lớn hơn số hồ sơ "
                  f"quá hạn ({late})")  # fmt: skip


_EXTRA_WORDS = {"toan_trinh": "trực tuyến toàn trình", "mot_phan": "trực tuyến một phần"}
