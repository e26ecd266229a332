"""What cchc knows about a unit, its plan and its progress: frozen dataclasses, no I/O."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from generator.domain.periods import Period
from generator.errors import Location

AUTHORITIES = ("TM", "KT", "TL", "TUQ", "Q")
COMPARISONS = (">=", ">", "<=", "<", "=")


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
class Paragraph:
    text: str
    targets: tuple[Target, ...] = ()


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
    """TTHC records of one lĩnh vực in the period (sheet "TTHC")."""

    field: str
    received: int
    online: int
    carried: int  # kỳ trước chuyển sang
    early: int
    on_time: int
    late: int
    pending: int
    location: Location

    @property
    def resolved(self) -> int:
        return self.early + self.on_time + self.late


@dataclass(frozen=True)
class Figure:
    """One counted indicator (sheet "Số liệu"): a count over a total, or a rate given as is."""

    metric: str
    achieved: int | None
    total: int | None
    percent: Decimal | None
    location: Location


@dataclass(frozen=True)
class Progress:
    tasks: dict[str, TaskProgress]
    fields: tuple[FieldStats, ...]
    figures: dict[str, Figure]


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
    """A periodic Báo cáo CCHC: the plan it reports on, the period, the figures and the words."""

    plan: Plan
    period: Period
    progress: Progress
    text: ReportText
    number: str
    issue_date: dt.date | None
    issue_year: int
    plan_number: str
    plan_date: dt.date | None
    addressees: tuple[str, ...]
    signer: Signer
    recipients: tuple[str, ...]
