"""The plan's inputs (``ke_hoach:`` YAML and the "Nhiệm vụ" sheet) → a validated ``Plan``."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from generator.domain.indicators import METRICS
from generator.domain.models import Paragraph, Plan, Signer, Unit
from generator.errors import Problems
from generator.inputs.formats.fields import Fields
from generator.inputs.parts.body import BodyReader
from generator.inputs.parts.custom_metrics import read_custom_yaml
from generator.inputs.parts.profile import read_recipients, read_signer
from generator.inputs.parts.tasks import group_titles, read_tasks

if TYPE_CHECKING:  # YAML's modules are imported only where a YAML file is read
    from generator.inputs.formats.yaml_file import YamlDocument

PLAN_KEYS = (
    "nam", "so", "ngay_ban_hanh", "nam_ban_hanh", "trich_yeu", "mo_dau", "noi_dung", "ket_luan",
    "nguoi_ky", "noi_nhan", "phu_luc", "chi_so_rieng",
)  # fmt: skip
END_MARK = "./."


def read_plan(
    document: YamlDocument, unit: Unit | None, workbooks: list[Path], problems: Problems
) -> Plan | None:
    """Validate the plan part and its task sheet; None when anything is wrong.

    ``unit`` is None when the profile had errors: the plan is still checked, so one run
    reports every defect.
    """
    before = len(problems.errors)
    fields = Fields(document, problems)
    root = fields.mapping((document.data or {}).get("ke_hoach"), "ke_hoach")
    if root is None:  # the task sheet is still read: one run, every problem
        read_tasks(workbooks, group_titles(fields, None), problems, year=None)
        return None
    fields.check_keys(root, PLAN_KEYS, "ke_hoach")
    year = fields.integer(root, "nam", "ke_hoach", low=2000, high=2100)
    issue_date = fields.date(root, "ngay_ban_hanh", "ke_hoach")
    issue_year = _issue_year(fields, root, issue_date, year)
    signer = _signer(fields, root, unit)
    recipients = read_recipients(fields, root, "ke_hoach") if "noi_nhan" in root else None
    appendix = fields.mapping(root.get("phu_luc"), "ke_hoach.phu_luc") or {}
    fields.check_keys(appendix, ("tieu_de", "nhom"), "ke_hoach.phu_luc")
    custom = read_custom_yaml(fields, root.get("chi_so_rieng"), "ke_hoach.chi_so_rieng")
    body = BodyReader(fields, {**METRICS, **custom})
    summary = fields.text(root, "trich_yeu", "ke_hoach")
    opening = body.paragraphs(root.get("mo_dau"), "ke_hoach.mo_dau", required=False)
    sections = body.sections(root.get("noi_dung"), "ke_hoach.noi_dung")
    closing = body.paragraphs(root.get("ket_luan"), "ke_hoach.ket_luan", required=False)
    appendix_title = fields.text(appendix, "tieu_de", "ke_hoach.phu_luc").upper()
    number = fields.text(root, "so", "ke_hoach", required=False)
    groups = read_tasks(workbooks, group_titles(fields, appendix.get("nhom")), problems, year=year)
    if unit is None or year is None or signer is None or groups is None or len(problems.errors) > before:
        return None
    return Plan(
        unit=unit,
        year=year,
        number=number,
        issue_date=issue_date,
        issue_year=issue_year or year,
        summary=summary,
        opening=opening,
        body=sections,
        closing=with_end_mark(closing),
        signer=signer,
        recipients=recipients if recipients is not None else unit.recipients,
        appendix_title=appendix_title,
        groups=groups,
        custom_metrics=tuple(custom.items()),
    )


def _signer(fields: Fields, root: dict[str, Any], unit: Unit | None) -> Signer | None:
    """The plan's own signer when it names one, else the unit's."""
    if root.get("nguoi_ky") is None:
        return unit.signer if unit is not None else None
    return read_signer(fields, root["nguoi_ky"], "ke_hoach.nguoi_ky")


def _issue_year(fields: Fields, root: dict[str, Any], issue_date: Any, year: int | None) -> int | None:
    """The year of the date line: the issue date's, or nam_ban_hanh, or the plan year."""
    if issue_date is not None:
        return int(issue_date.year)
    if root.get("nam_ban_hanh") not in (None, ""):
        return fields.integer(root, "nam_ban_hanh", "ke_hoach", low=2000, high=2100)
    return year


def with_end_mark(closing: tuple[Paragraph, ...]) -> tuple[Paragraph, ...]:
    """The text ends with "./." (ND 30 templates); added to the last paragraph if missing."""
    if not closing:
        return closing
    last = closing[-1]
    if last.text.endswith(END_MARK):
        return closing
    text = last.text.rstrip(" .") + END_MARK
    return (*closing[:-1], Paragraph(text, last.targets))
