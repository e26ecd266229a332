"""What cchc knows about a unit, its plan and its progress: frozen dataclasses, no I/O."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from generator.domain import form06
from generator.domain.periods import Period
from generator.errors import Location

AUTHORITIES = ("TM", "KT", "TL", "TUQ", "Q")
COMPARISONS = (">=", ">", "<=", "<", "=")
NOT_DUE = "Chưa đến kỳ đánh giá"  # docs/targets-and-indicators.md §2
DEADLINE_DAY = 20  # docs/reporting-periods.md §5


@dataclass(frozen=True)
class Signer:
    """Người ký: the authority and title lines above the name (ND 30 Phụ lục I II.7)."""

    authority: str  # "" (the head signs), TM, KT, TL, TUQ or Q
    title_lines: tuple[str, ...]  # in capitals, e.g. ("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH")
    name: str


@dataclass(frozen=True)
class Unit:
    """The issuing body: everything a header, signature and Nơi nhận need (the unit profile)."""

    name_lines: tuple[str, ...]  # "ỦY BAN NHÂN DÂN", "XÃ LỘC THỦY"
    parent: str  # tên cơ quan chủ quản, "" when the header has no parent line
    abbreviation: str  # "UBND": the agency part of "KH-UBND"
    short_name: str  # how documents name it in running text: "UBND xã"
    place: str  # địa danh of the date line: "Lộc Thủy"
    superior: str  # the body it reports to: "UBND huyện Phú Lộc"
    signer: Signer
    recipients: tuple[str, ...]
    archive: str  # "VT, VP": the "- Lưu: …." line
    slug: str  # ASCII name for file names: "xa_loc_thuy"
    window_rules: dict[str, tuple[str, str]] = field(default_factory=dict)
    before_is_day_before: bool = True  # "Trước ngày 15/01": due 14/01 (or 15/01 when False)
    not_due: str = NOT_DUE  # the verdict of a target whose period is not over (a province's wording)
    deadline_day: int = DEADLINE_DAY  # a report is sent by this day of its window's last month
    province: str = ""  # "Thừa Thiên Huế": Kính gửi Sở Nội vụ tỉnh … (docs/local-government-2025.md)
    form_number: str = form06.FORM_NUMBER  # Phụ lục II's form: a province's newer one is data, not code
    form_act: str = form06.FORM_ACT


@dataclass(frozen=True)
class Target:
    """A measurable chỉ tiêu: ``metric`` compared with ``value`` percent."""

    metric: str
    comparison: str  # one of COMPARISONS
    value: Decimal  # percent, e.g. Decimal("98")
    label: str  # short name for the report's table
    per_field: tuple[str, ...]  # lĩnh vực measured one by one ("*": every one); () = overall
    location: Location
    evaluation: str = ""  # when it is judged: "nam" (the year), "moi_ky" (each period), "" (not said)


@dataclass(frozen=True)
class Metric:
    """A rate a report can compute: its name, which input holds its figures, what it divides
    (numerator and denominator, as the table of codes in docs/bao-cao.md says them) and when a target
    on it is judged unless the plan says otherwise (docs/targets-and-indicators.md §6)."""

    label: str
    source: str  # "tthc": TTHC sheet; "nhiem_vu": task progress; "so_lieu": counts sheet
    numerator: str
    denominator: str
    evaluation: str = "nam"  # "nam": only the year report; "moi_ky": every report


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of prose; in a report's outline, ``slot`` names the computed block cchc
    writes in its place (``domain.outline``) and ``text`` is then only its marker."""

    text: str
    targets: tuple[Target, ...] = ()
    slot: str = ""


@dataclass(frozen=True)
class Section:
    """A heading (I., 1., a) by depth) and what follows it, in order."""

    title: str
    content: tuple[Section | Paragraph, ...]


@dataclass(frozen=True)
class Task:
    """One row of the plan's appendix (nhiệm vụ cụ thể)."""

    code: str  # "I.1", or the code staff gave it
    group: str  # "I".."VII"
    number: int | None  # STT within the group; None for a sub-row
    text: str
    product: str
    lead: str
    partners: str
    deadline: str
    budget: str
    location: Location
    deadline_location: Location | None = None
    product_location: Location | None = None
    extra: tuple[tuple[str, str], ...] = ()  # (header, text) of the plan's own columns ("Ghi chú")


@dataclass(frozen=True)
class TaskGroup:
    numeral: str
    title: str
    tasks: tuple[Task, ...]


@dataclass(frozen=True)
class Plan:
    """A Kế hoạch CCHC: header data, body, signer, recipients and its appendix of tasks."""

    unit: Unit
    year: int
    number: str
    issue_date: dt.date | None
    issue_year: int
    summary: str  # trích yếu
    opening: tuple[Paragraph, ...]
    body: tuple[Section, ...]
    closing: tuple[Paragraph, ...]
    signer: Signer
    recipients: tuple[str, ...]
    appendix_title: str
    groups: tuple[TaskGroup, ...]
    # The unit's own indicators ("Chỉ số riêng"), besides cchc's: docs/targets-and-indicators.md §7
    custom_metrics: tuple[tuple[str, Metric], ...] = ()

    @property
    def tasks(self) -> tuple[Task, ...]:
        return tuple(task for group in self.groups for task in group.tasks)

    @property
    def targets(self) -> tuple[Target, ...]:
        found: list[Target] = []
        stack: list[Section | Paragraph] = [*self.opening, *self.body, *self.closing]
        while stack:
            item = stack.pop(0)
            if isinstance(item, Paragraph):
                found.extend(item.targets)
            else:
                stack[:0] = item.content
        return tuple(found)


@dataclass(frozen=True)
class TaskProgress:
    """What staff entered about one task at the cut-off date (sheet "Tiến độ")."""

    code: str
    state: str  # hoàn thành, đang thực hiện, chưa thực hiện
    completed: dt.date | None
    result: str
    location: Location


@dataclass(frozen=True)
class FieldStats:
    """TTHC files of one lĩnh vực in the period, as Biểu 06/VPCP/KSTT counts them (sheet "TTHC").

    The form's columns and the identities between them: docs/tthc-form-06.md §2–§3. "Từ kỳ
    trước" is inside the received total, so pending = received total − resolved.
    """

    field: str
    online: int  # (4) received online in the period
    direct: int  # (5) received in person or by post in the period
    carried: int  # (6) từ kỳ trước: still pending at the end of the period before
    early: int  # (8) trước hạn
    on_time: int  # (9) đúng hạn
    late: int  # (10) quá hạn
    pending_in_time: int | None  # (12); None when the workbook does not split pending files
    pending_late: int | None  # (13)
    location: Location
    online_full: int | None = None  # trực tuyến toàn trình (Nghị định 42/2022); None: not counted
    online_partial: int | None = None  # trực tuyến một phần
    paid_online: int | None = None  # fees paid online
    late_apology: int | None = None  # late files whose applicant received an apology letter
    with_fee: int | None = None  # files that carry a fee or charge: the base of the online-payment share
    carried_location: Location | None = None  # the "Từ kỳ trước" cell staff typed; None when left out

    @property
    def received(self) -> int:
        """Files received in the period, online included: (4) + (5)."""
        return self.online + self.direct

    @property
    def received_total(self) -> int:
        """The form's "Tổng số" received (3): the period's files and those carried over."""
        return self.received + self.carried

    @property
    def resolved(self) -> int:
        """(7) = (8) + (9) + (10)."""
        return self.early + self.on_time + self.late

    @property
    def pending(self) -> int:
        """(11) = (3) − (7), which the input checks against the workbook's own figures."""
        return self.received_total - self.resolved


@dataclass(frozen=True)
class Figure:
    """One counted indicator (sheet "Số liệu"): a count over a total, or a rate given as is."""

    metric: str
    achieved: int | None
    total: int | None
    percent: Decimal | None
    location: Location
    total_location: Location | None = None  # the "Tổng số" cell, where a wrong denominator is shown


@dataclass(frozen=True)
class Progress:
    tasks: dict[str, TaskProgress]
    fields: tuple[FieldStats, ...]
    figures: dict[str, Figure]
    activities: dict[str, int] = field(default_factory=dict)  # sheet "Kết quả CCHC": code → count


@dataclass(frozen=True)
class ReportText:
    """The report's own words (``bao_cao:``), one entry per outline part."""

    leadership: tuple[Section | Paragraph, ...]  # I. chỉ đạo, điều hành
    areas: dict[str, tuple[Section | Paragraph, ...]]  # II.1–6 by area key
    strengths: tuple[Section | Paragraph, ...]
    weaknesses: tuple[Section | Paragraph, ...]
    outlook: tuple[Section | Paragraph, ...]
    proposals: tuple[Section | Paragraph, ...]
    closing: tuple[Paragraph, ...]


@dataclass(frozen=True)
class Report:
    """A periodic Báo cáo CCHC: the plan it reports on, the period, the figures and the words.

    ``body`` is the report's outline (level-1 sections) with the unit's words and the slots
    where computed blocks go; ``closing`` the "Trên đây là …" paragraph, if the unit wrote one.
    """

    plan: Plan
    period: Period
    progress: Progress
    body: tuple[Section, ...]
    closing: tuple[Paragraph, ...]
    number: str
    issue_date: dt.date | None
    issue_year: int
    plan_number: str
    plan_date: dt.date | None
    addressees: tuple[str, ...]
    signer: Signer
    recipients: tuple[str, ...]
