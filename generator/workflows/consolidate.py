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
from generator.domain.receiving import Finding
from generator.domain.sheets import (
    FIELD_TOTAL_SHEET,
    FINDINGS_SHEET,
    GROUP_TOTAL_SHEET,
    TASK_SHEET,
    TTHC_SHEET,
    UNIT_TARGETS_SHEET,
)
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
    ("ten", form06.UNIT_TITLE), ("tong", "Tổng số nhiệm vụ"), ("hoan_thanh", "Hoàn thành đúng hạn"),
    ("hoan_thanh_qua_han", "Hoàn thành quá hạn"), ("dang_thuc_hien", "Đang thực hiện"),
    ("chua_thuc_hien", "Chưa thực hiện"), ("qua_han", "Quá hạn"),
)  # fmt: skip
FIELD_COLUMNS = (("ten", form06.FIELD_TITLE), *TTHC_COLUMNS[1:])
GROUP_COLUMNS = (("so", "Nhóm"), ("ten", "Nội dung"), *TASK_COLUMNS[1:])
TARGET_COLUMNS = (
    ("don_vi", form06.UNIT_TITLE), ("ten", "Chỉ tiêu"), ("so_lieu", "Số liệu"), ("ket_qua", "Kết quả"),
    ("muc_tieu", "Chỉ tiêu kế hoạch"), ("danh_gia", "Đánh giá"),
)  # fmt: skip
FINDING_COLUMNS = (
    ("stt", "STT"), ("loai", "Vấn đề"), ("don_vi", form06.UNIT_TITLE), ("tep", "Tệp"),
    ("chi_tiet", "Chi tiết"), ("da_cong", "Đã cộng vào bảng tổng hợp"),
)  # fmt: skip


def write_consolidated(
    summaries: list[UnitSummary],
    code: str,
    year: int,
    out_dir: Path,
    reference: str = "",
    findings: list[Finding] | None = None,
    targets: list[dict[str, str]] | None = None,
) -> list[Path]:
    """Write ``tong_hop_cchc_<kỳ>_<năm>.docx`` and ``.xlsx`` into ``out_dir``. The receiving
    office's (``cchc tong-hop``) ``targets`` (rows of ``TARGET_COLUMNS``) and ``findings`` (its
    list to act on) become the workbook's last sheets."""
    context = consolidated_context(summaries, code, year, reference)
    stem = f"tong_hop_cchc_{code.lower()}_{year}"
    docx_path, xlsx_path = out_dir / f"{stem}.docx", out_dir / f"{stem}.xlsx"
    title = context["tong_hop"]["tieu_de"].capitalize()
    write_document(TEMPLATE, context, Properties(title=title, subject="Tổng hợp CCHC"), docx_path)
    write_atomic(xlsx_path, _workbook(context, findings, targets))
    return [docx_path, xlsx_path]


def finding_rows(findings: list[Finding]) -> list[dict[str, Any]]:
    """The list to act on as rows of ``FINDING_COLUMNS``."""
    return [
        {"stt": str(number), "loai": f.kind, "don_vi": f.unit, "tep": f.file, "chi_tiet": f.detail,
         "da_cong": "Có" if f.counted else "Không"}
        for number, f in enumerate(findings, start=1)
    ]  # fmt: skip


def _workbook(
    context: dict[str, Any], findings: list[Finding] | None, targets: list[dict[str, str]] | None
) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.worksheets[0])
    tables = (
        (TTHC_SHEET, TTHC_COLUMNS, context["tthc"], context["tong_tthc"]),
        (TASK_SHEET, TASK_COLUMNS, context["nhiem_vu"], context["tong_nhiem_vu"]),
        (FIELD_TOTAL_SHEET, FIELD_COLUMNS, context["linh_vuc"], context["tong_tthc"]),
        (GROUP_TOTAL_SHEET, GROUP_COLUMNS, context["nhom"], context["tong_nhom"]),
    )
    for title, columns, rows, total in tables:
        sheet = _table_sheet(book, title, columns, [*rows, {**total, "ten": "Tổng cộng"}])
        if columns[-1][0] == "ty_le_truc_tuyen":
            for column in ("M", "N"):
                for cell in sheet[column][1:]:
                    cell.number_format = "0.0%"
    if targets is not None:
        sheet = _table_sheet(book, UNIT_TARGETS_SHEET, TARGET_COLUMNS, targets, total=False)
        sheet.column_dimensions["B"].width = 50
    if findings is not None:
        sheet = _table_sheet(book, FINDINGS_SHEET, FINDING_COLUMNS, finding_rows(findings), total=False)
        sheet.column_dimensions["E"].width = 80
    return to_bytes(book)


def _table_sheet(book: Any, title: str, columns: Any, rows: list[dict[str, Any]], total: bool = True) -> Any:
    from openpyxl.styles import Font

    sheet = book.create_sheet(title)
    sheet.append([header for _, header in columns])
    for row in rows:
        sheet.append([_cell(row[key]) for key, _ in columns])
    for cell in (*sheet[1], *(sheet[sheet.max_row] if total else ())):
        cell.font = Font(bold=True)
    for cell in sheet.iter_rows():  # every text a string, never a formula (a name may start with "=")
        for item in cell:
            if isinstance(item.value, str):
                item.data_type = "s"
    sheet.column_dimensions["A"].width = 32
    sheet.freeze_panes = "B2"
    return sheet


def _cell(value: Any) -> Any:
    if value == "":
        return None  # an empty cell, not an empty string
    return float(value) if isinstance(value, Decimal) else value
