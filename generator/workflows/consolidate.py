"""Consolidated appendix across units: TTHC figures and task-state counts, with totals.

A province or district collects the same report from many units; this puts one row per
unit into one table (DOCX in the ND 30 appendix layout, and XLSX for further work). The
DOCX goes through the same render-and-write step as every other document.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

from generator.domain import form06
from generator.domain.sheets import TASK_SHEET, TTHC_SHEET
from generator.files import write_atomic
from generator.render.bundled import template
from generator.render.consolidated_context import UnitSummary, consolidated_context
from generator.render.engine import Properties
from generator.workflows.documents import write_document
from generator.workflows.workbooks import to_bytes

TEMPLATE = template("tong_hop.docx")
# The columns of Biểu 06 (``domain.form06``), then the two rates; key in the row → header.
TTHC_COLUMNS = (
    ("ten", form06.UNIT_TITLE),
    *((c.key, c.name[:1].upper() + c.name[1:]) for c in form06.COLUMNS if c.key in form06.FIGURE_KEYS),
    ("ty_le_dung_han", "Tỷ lệ đúng hạn"),
    ("ty_le_truc_tuyen", "Tỷ lệ trực tuyến"),
)
TASK_COLUMNS = (
    ("ten", form06.UNIT_TITLE), ("tong", "Tổng số nhiệm vụ"), ("hoan_thanh", "Hoàn thành"),
    ("hoan_thanh_qua_han", "Hoàn thành quá hạn"), ("dang_thuc_hien", "Đang thực hiện"),
    ("chua_thuc_hien", "Chưa thực hiện"), ("qua_han", "Quá hạn"),
)  # fmt: skip


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
        (TTHC_SHEET, TTHC_COLUMNS, context["tthc"], context["tong_tthc"]),
        (TASK_SHEET, TASK_COLUMNS, context["nhiem_vu"], context["tong_nhiem_vu"]),
    )
    for title, columns, rows, total in tables:
        sheet = book.create_sheet(title)
        sheet.append([header for _, header in columns])
        for row in [*rows, {**total, "ten": "Tổng cộng"}]:
            sheet.append([_cell(row[key]) for key, _ in columns])
        for cell in (*sheet[1], *sheet[sheet.max_row]):
            cell.font = Font(bold=True)
        if title == TTHC_SHEET:
            for column in ("M", "N"):
                for cell in sheet[column][1:]:
                    cell.number_format = "0.0%"
        sheet.column_dimensions["A"].width = 32
        sheet.freeze_panes = "B2"
    return to_bytes(book)


def _cell(value: Any) -> Any:
    return float(value) if isinstance(value, Decimal) else value
