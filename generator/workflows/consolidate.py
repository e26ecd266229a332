"""Consolidated appendix across units: TTHC figures and task-state counts, with totals.

A province or district collects the same report from many units; this puts one row per
unit into one table (DOCX in the ND 30 appendix layout, and XLSX for further work). The
DOCX goes through the same render-and-write step as every other document.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

from generator.files import write_atomic
from generator.render.bundled import template
from generator.render.consolidated_context import UnitSummary, consolidated_context
from generator.render.engine import Properties
from generator.workflows.documents import write_document
from generator.workflows.workbooks import to_bytes

TEMPLATE = template("tong_hop.docx")
TTHC_HEADERS = ("Đơn vị", "Tiếp nhận", "Trực tuyến", "Kỳ trước chuyển sang", "Đã giải quyết", "Trước hạn",
                "Đúng hạn", "Trễ hạn", "Đang giải quyết", "Tỷ lệ đúng hạn", "Tỷ lệ trực tuyến")  # fmt: skip
TASK_HEADERS = ("Đơn vị", "Tổng số nhiệm vụ", "Hoàn thành", "Đang thực hiện", "Chưa thực hiện", "Quá hạn")


def write_consolidated(
    summaries: list[UnitSummary], code: str, year: int, out_dir: Path, reference: str = ""
) -> list[Path]:
    """Write ``tong_hop_cchc_<kỳ>_<năm>.docx`` and ``.xlsx`` into ``out_dir``."""
    context = consolidated_context(summaries, code, year, reference)
    stem = f"tong_hop_cchc_{code.lower()}_{year}"
    docx_path, xlsx_path = out_dir / f"{stem}.docx", out_dir / f"{stem}.xlsx"
    title = context["tong_hop"]["tieu_de"].capitalize()
    write_document(TEMPLATE, context, Properties(title=title, subject="Tổng hợp CCHC"), docx_path)
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
