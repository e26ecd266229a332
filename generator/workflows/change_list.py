"""The change list of ``cchc rollover``: what moved to the new year, what needs a person.

Every entry names its place as the user finds it (a YAML key and line, a sheet and cell, a
heading and paragraph in Word) and shows the text around the change, before and after.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from generator.domain.year_shift import shift_text

CHANGE_LIST = "thay_doi_{year}.txt"  # beside next year's files: what moved, what a person must check


@dataclass
class Changes:
    """The change list, in Vietnamese, grouped the way a reviewer reads it."""

    shifted: list[str] = field(default_factory=list)
    carried: list[str] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)
    review: list[str] = field(default_factory=list)

    def text(self, source: int, target: int) -> str:
        parts = [
            f"DANH SÁCH THAY ĐỔI — dự thảo Kế hoạch CCHC năm {target} (lập từ kế hoạch năm {source})",
            "",
        ]
        for title, items in (
            (f"Đã chuyển sang năm {target}", self.shifted),
            (f"Chuyển tiếp (chưa hoàn thành trong năm {source})", self.carried),
            ("Đã bỏ (đã hoàn thành, không lặp lại)", self.dropped),
            ("Giữ nguyên năm (của văn bản được dẫn, của giai đoạn)", self.kept),
            ("Cần người xem lại", self.review),
        ):
            parts.append(f"{title}: {len(items)}")
            parts += [f"  - {item}" for item in items] or ["  (không có)"]
            parts.append("")
        return "\n".join(parts)


def noted_shift(value: str, plan_year: int, years: int, where: str, changes: Changes) -> str:
    """``value`` with the plan year moved by ``years``; each move and each unclear year noted."""
    result = shift_text(value, plan_year, years)
    if result.changed:
        old, new = around_change(value, result.text)
        changes.shifted.append(f"{where}: {old} → {new}")
    changes.review += [f"{where}: có năm chưa rõ, giữ nguyên: {excerpt}" for excerpt in result.review]
    changes.kept += [f"{where}: {excerpt}" for excerpt in result.kept]
    return result.text


def opening_review(where: str, year: int) -> str:
    """The note on the opening: its year moved, the documents it cites still need a person."""
    return f"{where}: phần căn cứ: số, ngày của văn bản được dẫn giữ nguyên; kế hoạch năm {year} cần dẫn văn bản mới"


def around_change(old: str, new: str, width: int = 35) -> tuple[str, str]:
    """The two texts cut to a window around their first difference."""
    flat_old, flat_new = " ".join(old.split()), " ".join(new.split())
    first = next((i for i, (a, b) in enumerate(zip(flat_old, flat_new, strict=False)) if a != b), 0)
    start = max(0, first - width)
    return _cut(flat_old, start, width), _cut(flat_new, start, width)


def _cut(text: str, start: int, width: int) -> str:
    end = min(len(text), start + 2 * width + 4)
    return f"“{'…' if start else ''}{text[start:end]}{'…' if end < len(text) else ''}”"


def short(text: str, width: int = 70) -> str:
    flat = " ".join(text.split())
    return f"“{flat[:width]}…”" if len(flat) > width else f"“{flat}”"
