"""Prose as staff write it in YAML: nested headings, paragraphs (one per line) and targets."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
from typing import Any

from generator.domain.indicators import METRICS
from generator.domain.models import COMPARISONS, Metric, Paragraph, Section, Target
from generator.inputs.formats.fields import Fields
from generator.inputs.parts.custom_metrics import find_code, unknown_metric

MAX_DEPTH = 3  # I. / 1. / a): the levels ND 30 gives a kế hoạch or báo cáo
TARGET_KEYS = ("chi_so", "so_sanh", "muc", "ten", "linh_vuc", "ky_danh_gia")
EVALUATIONS = ("nam", "moi_ky")  # docs/targets-and-indicators.md §2


class BodyReader:
    """Reads nested headings and paragraphs; a string may hold several paragraphs, one per line.
    A target may name one of ``metrics`` (cchc's and the plan's ``chi_so_rieng``)."""

    def __init__(self, fields: Fields, metrics: Mapping[str, Metric] = METRICS) -> None:
        self.fields = fields
        self.metrics = metrics

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
        content = self.content(data.get("noi_dung"), f"{path}.noi_dung", depth + 1)
        return Section(title.upper() if depth == 1 else title, content)

    def content(
        self, value: Any, path: str, depth: int = 1, *, required: bool = True
    ) -> tuple[Section | Paragraph, ...]:
        """Paragraphs and sub-headings in the order written (the body of one heading)."""
        content: list[Section | Paragraph] = []
        for index, item in enumerate(self._items(value, path, required=required), start=1):
            child = f"{path}[{index}]"
            if isinstance(item, dict) and "tieu_de" in item:
                content.append(self.section(item, child, depth))
            else:
                content.extend(self._paragraphs_of(item, child))
        return tuple(content)

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
        metric = self._metric(data, path)
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
        label = fields.text(data, "ten", path, required=False) or self.metrics[metric].label
        per_field = fields.text_list(data, "linh_vuc", path, required=False)
        evaluation = fields.choice(data, "ky_danh_gia", path, EVALUATIONS, "kỳ đánh giá") or ""
        return Target(metric, comparison, value, label, per_field, fields.at(path), evaluation)

    def _metric(self, data: dict[str, Any], path: str) -> str:
        text = self.fields.text(data, "chi_so", path)
        metric = find_code(text, self.metrics) if text else None
        if text and metric is None:
            message = unknown_metric("chỉ số", text, self.metrics, "ke_hoach.chi_so_rieng")
            self.fields.problem(f"{path}.chi_so", message)
        return metric or ""


def _percent(value: Any) -> Decimal | None:
    try:
        number = Decimal(str(value).replace(",", ".").rstrip("%").strip())
    except InvalidOperation:
        return None
    return number if 0 <= number <= 100 else None
