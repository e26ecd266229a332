"""The plan's inputs (``ke_hoach:`` YAML and the "Nhiệm vụ" sheet) → a validated ``Plan``."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from generator.errors import Problems
from generator.fields import Fields
from generator.indicators import METRICS
from generator.models import COMPARISONS, Paragraph, Plan, Section, Signer, Target, Unit
from generator.profile_input import read_recipients, read_signer
from generator.tasks_input import read_tasks
from generator.yaml_input import YamlDocument

PLAN_KEYS = (
    "nam", "so", "ngay_ban_hanh", "nam_ban_hanh", "trich_yeu", "mo_dau", "noi_dung", "ket_luan",
    "nguoi_ky", "noi_nhan", "phu_luc",
)  # fmt: skip
MAX_DEPTH = 3  # I. / 1. / a): the levels ND 30 gives a kế hoạch
TARGET_KEYS = ("chi_so", "so_sanh", "muc", "ten", "linh_vuc")
END_MARK = "./."


def read_plan(
    document: YamlDocument, unit: Unit | None, workbooks: list[Path], problems: Problems
) -> Plan | None:
    """Validate the plan part and its task sheet; None when anything is wrong.

    ``unit`` is None when the profile had errors: the plan is still checked, so one run
    reports every defect.
    """
    fields = Fields(document, problems)
    root = fields.mapping((document.data or {}).get("ke_hoach"), "ke_hoach")
    if root is None:
        return None
    fields.check_keys(root, PLAN_KEYS, "ke_hoach")
    year = fields.integer(root, "nam", "ke_hoach", low=2000, high=2100)
    issue_date = fields.date(root, "ngay_ban_hanh", "ke_hoach")
    issue_year = _issue_year(fields, root, issue_date, year)
    signer = _signer(fields, root, unit)
    recipients = read_recipients(fields, root, "ke_hoach") if "noi_nhan" in root else None
    appendix = fields.mapping(root.get("phu_luc"), "ke_hoach.phu_luc") or {}
    fields.check_keys(appendix, ("tieu_de", "nhom"), "ke_hoach.phu_luc")
    body = _BodyReader(fields)
    summary = fields.text(root, "trich_yeu", "ke_hoach")
    opening = body.paragraphs(root.get("mo_dau"), "ke_hoach.mo_dau", required=False)
    sections = body.sections(root.get("noi_dung"), "ke_hoach.noi_dung")
    closing = body.paragraphs(root.get("ket_luan"), "ke_hoach.ket_luan", required=False)
    appendix_title = fields.text(appendix, "tieu_de", "ke_hoach.phu_luc").upper()
    number = fields.text(root, "so", "ke_hoach", required=False)
    groups = read_tasks(workbooks, fields, appendix.get("nhom"), problems)
    if unit is None or year is None or signer is None or groups is None or problems.errors:
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
        closing=_with_end_mark(closing),
        signer=signer,
        recipients=recipients if recipients is not None else unit.recipients,
        appendix_title=appendix_title,
        groups=groups,
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
    if root.get("nam_ban_hanh") is not None:
        return fields.integer(root, "nam_ban_hanh", "ke_hoach", low=2000, high=2100)
    return year


def _with_end_mark(closing: tuple[Paragraph, ...]) -> tuple[Paragraph, ...]:
    """The text ends with "./." (ND 30 templates); added to the last paragraph if missing."""
    if not closing:
        return closing
    last = closing[-1]
    if last.text.endswith(END_MARK):
        return closing
    text = last.text.rstrip(" .") + END_MARK
    return (*closing[:-1], Paragraph(text, last.targets))


class _BodyReader:
    """Reads nested headings and paragraphs; a string may hold several paragraphs, one per line."""

    def __init__(self, fields: Fields) -> None:
        self.fields = fields

    def sections(self, value: Any, path: str, depth: int = 1) -> tuple[Section, ...]:
        items = self._items(value, path, required=True)
        out = []
        for index, item in enumerate(items, start=1):
            child = f"{path}[{index}]"
            if isinstance(item, dict) and "tieu_de" in item:
                out.append(self.section(item, child, depth))
            else:
                self.fields.problem(child, "cần một đề mục có tieu_de và noi_dung")
        return tuple(out)

    def section(self, data: dict[str, Any], path: str, depth: int) -> Section:
        self.fields.check_keys(data, ("tieu_de", "noi_dung"), path)
        title = self.fields.text(data, "tieu_de", path)
        if depth > MAX_DEPTH:
            self.fields.problem(path, f"quá {MAX_DEPTH} cấp đề mục (I., 1., a)); hãy viết thành đoạn văn")
        content: list[Section | Paragraph] = []
        for index, item in enumerate(self._items(data.get("noi_dung"), f"{path}.noi_dung"), start=1):
            child = f"{path}.noi_dung[{index}]"
            if isinstance(item, dict) and "tieu_de" in item:
                content.append(self.section(item, child, depth + 1))
            else:
                content.extend(self._paragraphs_of(item, child))
        return Section(title.upper() if depth == 1 else title, tuple(content))

    def paragraphs(self, value: Any, path: str, *, required: bool = True) -> tuple[Paragraph, ...]:
        out: list[Paragraph] = []
        for index, item in enumerate(self._items(value, path, required=required), start=1):
            out.extend(self._paragraphs_of(item, f"{path}[{index}]"))
        return tuple(out)

    def _items(self, value: Any, path: str, *, required: bool = True) -> list[Any]:
        if value is None or value == "" or value == []:
            if required:
                self.fields.problem(path, "thiếu nội dung")
            return []
        return value if isinstance(value, list) else [value]

    def _paragraphs_of(self, item: Any, path: str) -> list[Paragraph]:
        if isinstance(item, str | int | float) and not isinstance(item, bool):
            return [Paragraph(line.strip()) for line in str(item).splitlines() if line.strip()]
        if isinstance(item, dict) and "doan" in item:
            self.fields.check_keys(item, ("doan", "chi_tieu"), path)
            text = self.fields.text(item, "doan", path)
            return [Paragraph(text, self._targets(item.get("chi_tieu"), f"{path}.chi_tieu"))]
        self.fields.problem(path, "cần một đoạn văn, hoặc khóa doan (kèm chi_tieu), hoặc một đề mục tieu_de")
        return []

    def _targets(self, value: Any, path: str) -> tuple[Target, ...]:
        targets = []
        for index, item in enumerate(self._items(value, path, required=False), start=1):
            child = f"{path}[{index}]"
            data = self.fields.mapping(item, child)
            if data is not None:
                target = self._target(data, child)
                if target is not None:
                    targets.append(target)
        return tuple(targets)

    def _target(self, data: dict[str, Any], path: str) -> Target | None:
        fields = self.fields
        fields.check_keys(data, TARGET_KEYS, path)
        metric = fields.choice(data, "chi_so", path, METRICS, "chỉ số")
        comparison = fields.text(data, "so_sanh", path).replace("≥", ">=").replace("≤", "<=")
        if comparison and comparison not in COMPARISONS:
            fields.problem(
                f"{path}.so_sanh",
                f'phép so sánh "{comparison}" không hợp lệ (cần một trong: >=, >, <=, <, =)',
            )
        value = _percent(data.get("muc"))
        if value is None:
            fields.problem(
                f"{path}.muc",
                f'cần mức chỉ tiêu là số phần trăm từ 0 đến 100, không phải "{data.get("muc")}"',
            )
        if not metric or comparison not in COMPARISONS or value is None:
            return None
        label = fields.text(data, "ten", path, required=False) or METRICS[metric].label
        per_field = fields.text_list(data, "linh_vuc", path, required=False)
        return Target(metric, comparison, value, label, per_field, fields.at(path))


def _percent(value: Any) -> Decimal | None:
    try:
        number = Decimal(str(value).replace(",", ".").rstrip("%").strip())
    except InvalidOperation:
        return None
    return number if 0 <= number <= 100 else None
