"""The receiving office's judgement of the reports units sent for one period (``cchc tong-hop``).

Of each report only a small summary is kept (``ReceivedReport``). What the office must act on
is a ``Finding``: a unit with no report, a report sent after the period's sending deadline
(docs/reporting-periods.md §5), a report for another period, a Biểu 06 that breaks its
identities (docs/tthc-form-06.md §3), a "Từ kỳ trước" that is not the previous period's
pending files, two reports of one unit, a file that could not be read. Whether each report's
figures are summed is decided here, once: the tables never hold a figure twice or a figure
the form contradicts. The office's practice: docs/tong-hop.md §3, §4.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from generator.domain.models import FieldStats
from generator.domain.periods import Period, make_period
from generator.domain.text import name_key

MISSING = "Chưa có báo cáo"
UNREADABLE = "Không đọc được"
LATE = "Gửi muộn"
UNDATED = "Không rõ ngày ban hành"
OTHER_PERIOD = "Báo cáo kỳ khác"
BROKEN = "Biểu 06 sai tổng"
CARRIED = "Từ kỳ trước không khớp"
DUPLICATE = "Trùng báo cáo"
# A row of a report's targets table (docs/targets-and-indicators.md): as typed, never recomputed.
TARGET_KEYS = ("ten", "so_lieu", "ket_qua", "muc_tieu", "danh_gia")
KINDS = (MISSING, UNREADABLE, LATE, UNDATED, OTHER_PERIOD, BROKEN, CARRIED, DUPLICATE)


@dataclass(frozen=True)
class ReceivedReport:
    """What the tables and the list need of one unit's report."""

    file: str
    unit: str  # as its header names it, "Xã Lộc Thủy"
    period: tuple[str, int]
    issued: dt.date | None
    groups: tuple[tuple[str, str, Counter[str]], ...] = ()  # numeral, title, numbered tasks by state
    fields: tuple[FieldStats, ...] = ()
    broken: tuple[str, ...] = ()  # each broken identity, with its row
    targets: tuple[tuple[str, ...], ...] = ()  # the targets table's rows, as ``TARGET_KEYS``

    @property
    def counts(self) -> Counter[str]:
        total: Counter[str] = Counter()
        for _, _, counts in self.groups:
            total.update(counts)
        return total


@dataclass(frozen=True)
class Finding:
    """One thing to act on: its kind (``KINDS``), the unit, the file, why, and whether the
    report's figures are in the tables."""

    kind: str
    unit: str
    file: str
    detail: str
    counted: bool = False


@dataclass
class Judgement:
    counted: list[ReceivedReport] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)


_COUNCIL = tuple(name_key(name) + " " for name in ("Ủy ban nhân dân", "UBND"))


def unit_key(name: str) -> str:
    """ "UBND xã Lộc Thủy", "XÃ LỘC THUỶ", "Xã  Lộc Thủy" → one key: case, spacing, the council's
    name before it and where the tone mark sits ("Thủy", "Thuỷ": both spellings are in use) aside."""
    text = name_key(name)
    for prefix in _COUNCIL:
        text = text.removeprefix(prefix)
    return text


def judge(
    reports: list[ReceivedReport],
    period: tuple[str, int],
    deadline_day: int,
    expected: list[str] | None = None,
    previous: list[ReceivedReport] | None = None,
    unreadable: tuple[Finding, ...] = (),
) -> Judgement:
    """Which reports are summed, and every finding (``unreadable``: the files that could not be
    read), in the order the office works through them."""
    wanted = make_period(*period)
    result = Judgement(findings=list(unreadable))
    mine: dict[str, list[ReceivedReport]] = {}
    for report in reports:
        if report.period != period:
            result.findings.append(_other_period(report, wanted))
        else:
            mine.setdefault(unit_key(report.unit), []).append(report)
    before = {unit_key(r.unit): r for r in previous or ()}
    for same in mine.values():
        result.findings += _duplicates(same)
        if len(same) > 1:
            continue
        (report,) = same
        result.findings += _checks(report, wanted, deadline_day, before.get(unit_key(report.unit)))
        if not report.broken:
            result.counted.append(report)
    names = expected if expected is not None else [r.unit for r in previous or ()]
    seen = {unit_key(r.unit) for r in reports}
    result.findings += [Finding(MISSING, name, "", f"không có báo cáo {wanted.name}") for name in
                        _unique(names) if unit_key(name) not in seen]  # fmt: skip
    result.findings.sort(key=lambda f: (KINDS.index(f.kind), unit_key(f.unit), f.file))
    return result


def _other_period(report: ReceivedReport, wanted: Period) -> Finding:
    named = make_period(*report.period).name
    return Finding(OTHER_PERIOD, report.unit, report.file, f"báo cáo {named}, không phải {wanted.name}")


def _duplicates(same: list[ReceivedReport]) -> list[Finding]:
    if len(same) < 2:
        return []
    files = ", ".join(r.file for r in same)
    detail = (
        f"{len(same)} báo cáo cùng kỳ ({files}): không cộng báo cáo nào cho tới khi đơn vị xác nhận bản đúng"
    )
    return [Finding(DUPLICATE, r.unit, r.file, detail) for r in same]


def _checks(report: ReceivedReport, wanted: Period, day: int, before: ReceivedReport | None) -> list[Finding]:
    found = []
    deadline = wanted.deadline(day)
    counted = not report.broken
    if report.issued is None:
        found.append(Finding(UNDATED, report.unit, report.file, f"dòng ngày tháng không ghi đủ ngày: không biết "
                             f"báo cáo có gửi trước hạn {deadline:%d/%m/%Y} không", counted))  # fmt: skip
    elif report.issued > deadline:
        late = (report.issued - deadline).days
        found.append(Finding(LATE, report.unit, report.file, f"ngày {report.issued:%d/%m/%Y}, sau hạn gửi "
                             f"{deadline:%d/%m/%Y} {late} ngày", counted))  # fmt: skip
    if report.broken:
        detail = "; ".join(report.broken) + " — không cộng vào bảng tổng hợp cho tới khi đơn vị sửa"
        found.append(Finding(BROKEN, report.unit, report.file, detail))
    if before is not None:
        found += [Finding(CARRIED, report.unit, report.file, d, counted) for d in _carried(report, before)]
    return found


def _carried(report: ReceivedReport, before: ReceivedReport) -> list[str]:
    """Each lĩnh vực whose (6) is not the (11) of the same lĩnh vực in the previous report."""
    pending = {unit_key(f.field): f.pending for f in before.fields}
    return [
        f"{f.field}: từ kỳ trước {f.carried}, kỳ trước còn đang giải quyết {pending[unit_key(f.field)]}"
        for f in report.fields
        if unit_key(f.field) in pending and pending[unit_key(f.field)] != f.carried
    ]


def _unique(names: list[str]) -> list[str]:
    by_key: dict[str, str] = {}
    for name in names:
        by_key.setdefault(unit_key(name), name)
    return list(by_key.values())
