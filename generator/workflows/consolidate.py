"""Consolidated appendix across units: TTHC figures and task-state counts, with totals.

A province or district collects the same report from many units; this puts one row per
unit into one table (DOCX in the ND 30 appendix layout, and XLSX for further work). Only
each unit's small summary is kept, never its document, so memory stays flat.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from generator.domain.figures import ReportFigures, on_time_ratio, online_ratio, total_of
from generator.domain.indicators import DONE, NOT_STARTED, ONGOING, OVERDUE, STATES
from generator.domain.models import FieldStats, Unit
from generator.domain.periods import make_period
from generator.files import write_atomic
from generator.render.bundled import template
from generator.render.engine import Properties, load_template
from generator.render.plan_context import appendix_line
from generator.workflows.workbooks import to_bytes

TEMPLATE = template("tong_hop.docx")
TTHC_HEADERS = ("Đơn vị", "Tiếp nhận", "Trực tuyến", "Kỳ trước chuyển sang", "Đã giải quyết", "Trước hạn",
                "Đúng hạn", "Trễ hạn", "Đang giải quyết", "Tỷ lệ đúng hạn", "Tỷ lệ trực tuyến")  # fmt: skip
TASK_HEADERS = ("Đơn vị", "Tổng số nhiệm vụ", "Hoàn thành", "Đang thực hiện", "Chưa thực hiện", "Quá hạn")


@dataclass(frozen=True)
class UnitSummary:
    """What the consolidated tables need of one unit's report."""

    name: str
    tthc: FieldStats
    counts: Counter[str]

    @classmethod
    def of(cls, unit: Unit, figures: ReportFigures) -> UnitSummary:
        return cls(display_name(unit), total_of(figures.fields, display_name(unit)), figures.total_counts)


UNIT_NOUNS = ("thành phố", "thị trấn", "thị xã", "đặc khu", "phường", "huyện", "quận", "tỉnh", "xã")


def display_name(unit: Unit) -> str:
    """("ỦY BAN NHÂN DÂN", "XÃ LỘC THỦY") → "Xã Lộc Thủy" (ND 30 Phụ lục II capitalisation)."""
    lines = [line for line in unit.name_lines if line not in ("ỦY BAN NHÂN DÂN", "UBND")]
    name = " ".join(lines) or " ".join(unit.name_lines)
    name = name.removeprefix("UBND ").removeprefix("ỦY BAN NHÂN DÂN ")
    if not name.isupper():
        return name
    lowered = name.lower()
    noun = next((n for n in UNIT_NOUNS if lowered.startswith(n + " ")), "")
    proper = " ".join(word.capitalize() for word in lowered[len(noun) :].split())
    return (noun.capitalize() + " " + proper).strip() if noun else proper


def tthc_row(number: str, stats: FieldStats) -> dict[str, Any]:
    return {
        "stt": number, "ten": stats.field, "tiep_nhan": stats.received, "truc_tuyen": stats.online,
        "ky_truoc": stats.carried, "da_giai_quyet": stats.resolved, "truoc_han": stats.early,
        "dung_han": stats.on_time, "tre_han": stats.late, "dang_giai_quyet": stats.pending,
        "ty_le_dung_han": on_time_ratio(stats), "ty_le_truc_tuyen": online_ratio(stats),
    }  # fmt: skip


def task_row(number: str, name: str, counts: Counter[str]) -> dict[str, Any]:
    return {
        "stt": number, "ten": name, "tong": sum(counts[s] for s in STATES), "hoan_thanh": counts[DONE],
        "dang_thuc_hien": counts[ONGOING], "chua_thuc_hien": counts[NOT_STARTED], "qua_han": counts[OVERDUE],
    }  # fmt: skip


def consolidated_context(
    summaries: list[UnitSummary], code: str, year: int, reference: str
) -> dict[str, Any]:
    """The context of ``templates/tong_hop.docx`` for one period."""
    period = make_period(code, year)
    total_counts: Counter[str] = Counter()
    for summary in summaries:
        total_counts.update(summary.counts)
    return {
        "tong_hop": {
            "tieu_de": f"TỔNG HỢP KẾT QUẢ CẢI CÁCH HÀNH CHÍNH {period.name.upper()} CỦA CÁC ĐƠN VỊ",
            "kem_theo": reference,
        },
        "tthc": [tthc_row(str(i), s.tthc) for i, s in enumerate(summaries, start=1)],
        "tong_tthc": tthc_row("", total_of(tuple(s.tthc for s in summaries))),
        "nhiem_vu": [task_row(str(i), s.name, s.counts) for i, s in enumerate(summaries, start=1)],
        "tong_nhiem_vu": task_row("", "Tổng cộng", total_counts),
        "duong_ke": {"phu_luc": appendix_line()},
    }


def write_consolidated(
    summaries: list[UnitSummary], code: str, year: int, out_dir: Path, reference: str = ""
) -> list[Path]:
    """Write ``tong_hop_cchc_<kỳ>_<năm>.docx`` and ``.xlsx`` into ``out_dir``."""
    context = consolidated_context(summaries, code, year, reference)
    stem = f"tong_hop_cchc_{code.lower()}_{year}"
    docx_path, xlsx_path = out_dir / f"{stem}.docx", out_dir / f"{stem}.xlsx"
    title = context["tong_hop"]["tieu_de"].capitalize()
    data = load_template(TEMPLATE).render(context, Properties(title=title, subject="Tổng hợp CCHC"))
    write_atomic(docx_path, data)
    write_atomic(xlsx_path, _workbook(context))
    return [docx_path, xlsx_path]


def _workbook(context: dict[str, Any]) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    book.remove(book.worksheets[0])
    tables = (
        ("TTHC", TTHC_HEADERS, context["tthc"], context["tong_tthc"]),
        ("Nhiệm vụ", TASK_HEADERS, context["nhiem_vu"], context["tong_nhiem_vu"]),
    )
    for title, headers, rows, total in tables:
        sheet = book.create_sheet(title)
        sheet.append(list(headers))
        for row in [*rows, {**total, "ten": "Tổng cộng"}]:
            sheet.append([_cell(value) for key, value in row.items() if key != "stt"])
        for cell in (*sheet[1], *sheet[sheet.max_row]):
            cell.font = Font(bold=True)
        if title == "TTHC":
            for column in ("J", "K"):
                for cell in sheet[column][1:]:
                    cell.number_format = "0.0%"
        sheet.column_dimensions["A"].width = 32
        sheet.freeze_panes = "B2"
    return to_bytes(book)


def _cell(value: Any) -> Any:
    return float(value) if isinstance(value, Decimal) else value
