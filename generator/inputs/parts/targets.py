"""The plan's measurable targets as a sheet ("Chỉ tiêu"), each tied to its sentence in the Word text.

A row names the sentence it belongs to (all of it, or enough words to find it once), the
indicator (chỉ số, from a drop-down of the codes in docs/targets-and-indicators.md §6), the
comparison, the level in percent, the evaluation period (năm / mỗi kỳ) and, optionally, the
lĩnh vực measured one by one. A row without an indicator only confirms that a sentence's
percentage is not measured. The sheet is the truth: a sentence with a percentage and no row
is a notice at its place, so a target typed in Word is never silently left out.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

from generator.domain.indicators import METRICS, YEAR, evaluation_of, wording
from generator.domain.models import COMPARISONS, Metric, Target
from generator.domain.nd30_patterns import fold
from generator.domain.sheets import TARGET_COLUMNS as TARGET_COLUMNS
from generator.domain.sheets import TARGET_SHEET as TARGET_SHEET
from generator.domain.target_text import recognise
from generator.errors import Problems
from generator.inputs.formats.cells import CellReader
from generator.inputs.formats.excel import Cell, Workbook
from generator.inputs.formats.words import WordParagraph, WordText
from generator.inputs.parts.custom_metrics import CUSTOM_SHEET, find_code, unknown_metric

EVALUATIONS = {"năm": "nam", "mỗi kỳ": "moi_ky"}
_ALLOWED = ", ".join(COMPARISONS)


def attach_targets(
    book: Workbook | None, text: WordText, problems: Problems, metrics: Mapping[str, Metric] = METRICS
) -> None:
    """Read the "Chỉ tiêu" sheet of ``book`` and attach each target to its paragraph of ``text``;
    ``metrics`` are the codes a target may name (cchc's and the plan's "Chỉ số riêng")."""
    confirmed: set[int] = set()
    sheet = book.sheet(TARGET_SHEET, TARGET_COLUMNS) if book is not None else None
    if book is not None and sheet is not None:
        reader = CellReader(book, problems)
        paragraphs = [(p, _key(p.text)) for p in text.paragraphs()]  # keyed once, not once per row
        for row in sheet.rows:
            found = _paragraph_of(row["cau"], reader, paragraphs, problems)
            target = _target(row, reader, problems, metrics)  # checked even when its sentence is not found
            if found is not None:
                confirmed.add(id(found))
                found.targets.extend([target] if target is not None else [])
    for paragraph in text.paragraphs():
        figures = recognise(paragraph.text)
        if figures and id(paragraph) not in confirmed:
            phrases = ", ".join(f"“{f.phrase}”" for f in figures)
            problems.warn(
                paragraph.location,
                f"câu có chỉ tiêu {phrases} nhưng chưa có dòng trong trang “{TARGET_SHEET}”: báo cáo "
                "sẽ không tự đánh giá (thêm một dòng với câu này; để trống Chỉ số nếu không đo được)",
            )


def _key(text: str) -> str:
    return fold(text).casefold().lstrip("-–+• ").strip()


def _paragraph_of(
    cell: Cell, reader: CellReader, paragraphs: list[tuple[WordParagraph, str]], problems: Problems
) -> WordParagraph | None:
    """The paragraph whose text holds the cell's sentence; ``paragraphs`` come with their keys."""
    sentence = _key(reader.text(cell))
    if not sentence:
        return None
    found = [p for p, key in paragraphs if sentence in key]
    if not found:
        problems.add(cell.location, "không tìm thấy câu này trong lời văn kế hoạch (ke_hoach.docx)")
        return None
    exact = [p for p, key in paragraphs if key == sentence]
    if len(found) > 1 and len(exact) != 1:
        places = "; ".join(str(p.location) for p in found[:3])
        problems.add(cell.location, f"câu này có ở {len(found)} đoạn ({places}): hãy chép đủ câu")
        return None
    return exact[0] if exact else found[0]


def _metric(row: dict[str, Cell], reader: CellReader, metrics: Mapping[str, Metric]) -> str | None:
    text = _cell_text(row, "chi_so", reader)
    metric = find_code(text, metrics) if text else None
    if text and metric is None:
        where = f"trang “{CUSTOM_SHEET}” của kế hoạch"
        reader.problems.add(row["chi_so"].location, unknown_metric("chỉ số", text, metrics, where))
    return metric


def _target(
    row: dict[str, Cell], reader: CellReader, problems: Problems, metrics: Mapping[str, Metric]
) -> Target | None:
    metric = _metric(row, reader, metrics)
    if not metric:
        return None  # a sentence confirmed as not measured
    comparison = _cell_text(row, "so_sanh", reader).replace("≥", ">=").replace("≤", "<=")
    if comparison not in COMPARISONS and "so_sanh" in row:
        reader.say(row["so_sanh"], f'phép so sánh "{comparison}" không hợp lệ', f"cần một trong: {_ALLOWED}")
    elif comparison not in COMPARISONS:
        problems.add(
            row["chi_so"].location, f'phép so sánh "{comparison}" không hợp lệ (cần một trong: {_ALLOWED})'
        )
    value = reader.percent(row["muc"]) if "muc" in row else None
    if "muc" not in row:
        problems.add(row["chi_so"].location, "thiếu cột Mức (%)")
    evaluation = _cell_text(row, "ky_danh_gia", reader).casefold()
    if evaluation and evaluation not in EVALUATIONS:
        reader.say(row["ky_danh_gia"], f'kỳ đánh giá "{evaluation}" không hợp lệ', "cần Năm hoặc Mỗi kỳ")
    if comparison not in COMPARISONS or value is None:
        return None
    return Target(
        metric=metric,
        comparison=comparison,
        value=Decimal(value),
        label=_cell_text(row, "ten", reader) or metrics[metric].label,
        per_field=_fields(_cell_text(row, "linh_vuc", reader)),
        location=row["chi_so"].location,
        evaluation=EVALUATIONS.get(evaluation, ""),
    )


def _cell_text(row: dict[str, Cell], key: str, reader: CellReader) -> str:
    return reader.text(row[key], required=False) if key in row else ""


def _fields(text: str) -> tuple[str, ...]:
    parts = text.splitlines() if "\n" in text else text.split(";")
    return tuple(p.strip() for p in parts if p.strip())


def check_duplicates(
    targets: tuple[Target, ...], problems: Problems, metrics: Mapping[str, Metric] = METRICS
) -> None:
    """One indicator with two targets (docs/targets-and-indicators.md §1): an error when both
    have the same scope — the same lĩnh vực and the same evaluation period, so one of the two
    levels must be wrong — and a warning when the scopes differ, both places named."""
    first: dict[str, list[Target]] = {}
    for target in targets:
        for earlier in first.get(target.metric, []):
            same = _scope(earlier, metrics) == _scope(target, metrics)
            both = f"{wording(earlier)} ({_scope_text(earlier, metrics)}) ở {earlier.location}"
            if same:
                problems.add(target.location, f'chỉ số "{target.metric}" đã có chỉ tiêu {both}; ở đây lại là '
                             f"{wording(target)} cùng phạm vi: giữ một dòng, hoặc ghi Lĩnh vực hay Kỳ đánh giá "
                             "khác nhau nếu là hai chỉ tiêu khác nhau")  # fmt: skip
            else:
                problems.warn(target.location, f'chỉ số "{target.metric}" có hai chỉ tiêu: {both} và '
                              f"{wording(target)} ({_scope_text(target, metrics)}) ở đây; báo cáo đánh giá riêng từng "
                              "chỉ tiêu")  # fmt: skip
        first.setdefault(target.metric, []).append(target)


def _scope(target: Target, metrics: Mapping[str, Metric]) -> tuple[frozenset[str], str]:
    return frozenset(fold(f).casefold() for f in target.per_field), evaluation_of(target, metrics)


def _scope_text(target: Target, metrics: Mapping[str, Metric]) -> str:
    fields = "từng lĩnh vực" if "*" in target.per_field else ", ".join(target.per_field) or "toàn đơn vị"
    period = "đánh giá cả năm" if evaluation_of(target, metrics) == YEAR else "đánh giá mỗi kỳ"
    return f"{fields}, {period}"
