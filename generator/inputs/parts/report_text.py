"""The report's own words and header (``bao_cao:`` in YAML) → ``ReportText`` and header fields."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from generator.domain.areas import AREAS
from generator.domain.models import Paragraph, ReportText, Section, Signer, Unit
from generator.domain.outline import default_outline
from generator.errors import Location, Problems
from generator.inputs.formats.fields import Fields
from generator.inputs.parts.body import BodyReader
from generator.inputs.parts.profile import read_recipients, read_signer

if TYPE_CHECKING:  # YAML's modules are imported only where a YAML file is read
    from generator.inputs.formats.yaml_file import YamlDocument

REPORT_KEYS = (
    "so", "ngay_ban_hanh", "nam_ban_hanh", "kinh_gui", "ke_hoach", "nguoi_ky", "noi_nhan",
    "chi_dao_dieu_hanh", "ket_qua", "uu_diem", "han_che", "phuong_huong", "kien_nghi", "ket_luan",
)  # fmt: skip


@dataclass(frozen=True)
class ReportHeader:
    number: str
    issue_date: dt.date | None
    issue_year: int | None
    addressees: tuple[str, ...]
    plan_number: str | None  # None: the plan's own
    plan_date: dt.date | None
    signer: Signer | None
    recipients: tuple[str, ...] | None  # None: the unit's
    issue_date_at: Location | None = None  # where the issue date is written
    plan_cited_at: Location | None = None  # where the number of the plan it cites is written
    plan_date_cited_at: Location | None = None  # … and its date


@dataclass(frozen=True)
class ReportWords:
    """The report's outline with the unit's words and slots, and its closing paragraph."""

    body: tuple[Section, ...]
    closing: tuple[Paragraph, ...]

    @classmethod
    def of(cls, text: ReportText) -> ReportWords:
        """Words kept under the fixed parts (YAML, older Word files): the default outline."""
        return cls(default_outline(text), text.closing)


def read_report_text(
    document: YamlDocument, unit: Unit | None, problems: Problems
) -> tuple[ReportHeader, ReportWords] | None:
    """Validate ``bao_cao:``; None when it has errors (they are in ``problems``).

    The YAML keys are the parts of the default outline (docs/report-outline.md §4).
    """
    before = len(problems.errors)
    fields = Fields(document, problems)
    root = fields.mapping((document.data or {}).get("bao_cao"), "bao_cao")
    if root is None:
        return None
    fields.check_keys(root, REPORT_KEYS, "bao_cao")
    header = _header(fields, root, unit)
    body = BodyReader(fields)
    areas_data = fields.mapping(root.get("ket_qua"), "bao_cao.ket_qua") or {}
    fields.check_keys(areas_data, [key for key, _ in AREAS], "bao_cao.ket_qua")
    text = ReportText(
        leadership=body.content(root.get("chi_dao_dieu_hanh"), "bao_cao.chi_dao_dieu_hanh", 2),
        areas={key: body.content(areas_data.get(key), f"bao_cao.ket_qua.{key}", 3) for key, _ in AREAS},
        strengths=body.content(root.get("uu_diem"), "bao_cao.uu_diem", 3),
        weaknesses=body.content(root.get("han_che"), "bao_cao.han_che", 3),
        outlook=body.content(root.get("phuong_huong"), "bao_cao.phuong_huong", 2),
        proposals=_optional(body, root.get("kien_nghi"), "bao_cao.kien_nghi"),
        closing=body.paragraphs(root.get("ket_luan"), "bao_cao.ket_luan", required=False),
    )
    return (header, ReportWords.of(text)) if len(problems.errors) == before else None


def _optional(body: BodyReader, value: Any, path: str) -> tuple[Section | Paragraph, ...]:
    return body.content(value, path, 2, required=False) or (Paragraph("Không có."),)


def _header(fields: Fields, root: dict[str, Any], unit: Unit | None) -> ReportHeader:
    plan = fields.mapping(root["ke_hoach"], "bao_cao.ke_hoach") if root.get("ke_hoach") is not None else None
    issue_date = fields.date(root, "ngay_ban_hanh", "bao_cao")
    year = None
    if issue_date is None and root.get("nam_ban_hanh") is not None:
        year = fields.integer(root, "nam_ban_hanh", "bao_cao", low=2000, high=2100)
    signer = read_signer(fields, root["nguoi_ky"], "bao_cao.nguoi_ky") if root.get("nguoi_ky") else None
    return ReportHeader(
        number=fields.text(root, "so", "bao_cao", required=False),
        issue_date=issue_date,
        issue_year=issue_date.year if issue_date else year,
        addressees=fields.text_list(root, "kinh_gui", "bao_cao", required=False),
        plan_number=fields.text(plan, "so", "bao_cao.ke_hoach", required=False) if plan else None,
        plan_date=fields.date(plan, "ngay_ban_hanh", "bao_cao.ke_hoach") if plan else None,
        signer=signer if signer is not None else (unit.signer if unit else None),
        recipients=read_recipients(fields, root, "bao_cao") if "noi_nhan" in root else None,
        issue_date_at=fields.at("bao_cao.ngay_ban_hanh"),
        plan_cited_at=fields.at("bao_cao.ke_hoach.so"),
        plan_date_cited_at=fields.at("bao_cao.ke_hoach.ngay_ban_hanh"),
    )
