"""A receiving office's folder of reports for Q1/2022, as units send them (``cchc tong-hop``).

Some are made by cchc from copies of the Lộc Thủy example with another unit's name, figures and
date; others are typed the way other offices do, with python-docx (``OfficeReport``): Biểu 06
with its columns in another order, with or without the row numbering them, with a one-row
header of full names, split over two tables; the task table's columns in another order.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from pathlib import Path

import docx
import openpyxl
from docx.document import Document
from docx.table import Table

from generator.domain import form06
from generator.domain.kinds import DocumentKind
from generator.workflows.request import Request, make
from tests.conftest import WORD_EXAMPLE
from tests.handmade import CENTER, text

# Lộc Thủy's TTHC sheet (inputs/loc_thuy/tien_do_q1_2022.xlsx): online, in person, carried,
# early, on time, late, pending in time, pending late.
LOC_THUY = {
    "Hộ tịch": (64, 54, 2, 35, 82, 0, 3, 0),
    "Chứng thực": (38, 167, 0, 70, 135, 0, 0, 0),
    "Đất đai": (4, 22, 3, 6, 17, 2, 2, 2),
    "Lao động - Thương binh và Xã hội": (11, 21, 1, 9, 21, 0, 3, 0),
    "Khiếu nại, tố cáo": (0, 3, 0, 1, 1, 0, 1, 0),
}


def cchc_report(folder: Path, name: str, *, unit: str, factor: int, issued: str) -> Path:
    """``cchc report`` Q1/2022 on a copy of the example: unit "XÃ ``unit``", every TTHC figure
    times ``factor``, dated ``issued`` (dd/mm/yyyy)."""
    work = folder.parent / f"src_{name}"
    shutil.copytree(WORD_EXAMPLE, work)
    plan = openpyxl.load_workbook(work / "ke_hoach.xlsx")
    plan["Đơn vị"]["B2"] = f"ỦY BAN NHÂN DÂN\nXÃ {unit.upper()}"
    plan["Đơn vị"]["B6"] = unit
    plan.save(work / "ke_hoach.xlsx")
    progress = openpyxl.load_workbook(work / "tien_do_q1_2022.xlsx")
    for row in progress["TTHC"].iter_rows(min_row=2):
        for cell in row[1:]:
            cell.value = cell.value * factor if isinstance(cell.value, int) else cell.value
    progress["Báo cáo"]["B3"] = issued
    progress.save(work / "tien_do_q1_2022.xlsx")
    target = folder / f"{name}.docx"
    make(Request(DocumentKind.REPORT, (work,), target, period="Q1", year=2022))
    shutil.rmtree(work)
    return target


Figures = tuple[int, ...]  # the eight parts, as LOC_THUY


@dataclass
class OfficeReport:
    """A report typed in another office's Word: its header, trích yếu, Phụ lục I and II."""

    unit: tuple[str, ...]  # agency lines
    place: str
    date: str  # "ngày 12 tháng 3 năm 2022"
    period: str = "quý I năm 2022"
    tasks: list[tuple[str, str, str]] = field(default_factory=list)  # group or "", task, state
    task_columns: tuple[str, ...] = ("STT", "NHIỆM VỤ", "TRẠNG THÁI", "CƠ QUAN CHỦ TRÌ", "KẾT QUẢ")
    fields: dict[str, Figures] = field(default_factory=dict)
    order: tuple[int, ...] = tuple(range(1, 14))  # the form's columns, by number, as printed
    header: str = "numbered"  # numbered (3 rows + "(1)…"), titled (3 rows), flat (one row of names)
    split: int = 0  # lĩnh vực rows in a first table; the rest in a second one
    repeat_header: bool = True  # the second table repeats the header (or only continues the rows)
    totals: dict[str, dict[int, int]] = field(default_factory=dict)  # a total typed wrong, by column
    targets: list[tuple[str, str, str]] = field(default_factory=list)  # Nội dung, Kết quả, Đánh giá
    level: str = ""  # a level's row ("Cấp xã") before the lĩnh vực, numbered "I", with its subtotals
    total_row: bool = False  # a last row "Tổng cộng" merged over STT and the lĩnh vực column

    def save(self, path: Path) -> Path:
        document = docx.Document()
        head = document.add_table(rows=2, cols=2)
        for line in self.unit:
            text(head.cell(0, 0).add_paragraph(), line, 12, bold=True, align=CENTER)
        text(head.cell(0, 1).paragraphs[0], "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 12, bold=True, align=CENTER)
        text(head.cell(0, 1).add_paragraph(), "Độc lập - Tự do - Hạnh phúc", 13, bold=True, align=CENTER)
        text(head.cell(1, 0).paragraphs[0], "Số: 12/BC-UBND", 13, align=CENTER)
        text(head.cell(1, 1).paragraphs[0], f"{self.place}, {self.date}", 13, italic=True, align=CENTER)
        text(document.add_paragraph(), "BÁO CÁO", 14, bold=True, align=CENTER)
        summary = f"Kết quả thực hiện công tác cải cách hành chính {self.period}"
        text(document.add_paragraph(), summary, 14, bold=True, align=CENTER)
        text(document.add_paragraph(), "I. KẾT QUẢ", 14, bold=True)
        if self.targets:
            text(document.add_paragraph(), "Kết quả các chỉ tiêu:", 14)
            table = document.add_table(rows=1, cols=4)
            _fill(table.rows[0].cells, ("STT", "Nội dung", "Kết quả thực hiện", "Đánh giá"))
            for number, row in enumerate(self.targets, start=1):
                _fill(table.add_row().cells, (str(number), *row))
        text(document.add_paragraph(), "Các nhiệm vụ được triển khai theo kế hoạch./.", 14)
        closing = document.add_table(rows=1, cols=2)
        text(closing.cell(0, 0).paragraphs[0], "Nơi nhận:", 12, bold=True)
        text(closing.cell(0, 1).paragraphs[0], "CHỦ TỊCH", 14, bold=True, align=CENTER)
        self._tasks(document)
        self._form(document)
        document.save(str(path))
        return path

    def _tasks(self, document: Document) -> None:
        text(document.add_paragraph(), "PHỤ LỤC I", 14, bold=True, align=CENTER)
        text(document.add_paragraph(), "TÌNH HÌNH THỰC HIỆN NHIỆM VỤ", 14, bold=True, align=CENTER)
        table = document.add_table(rows=1, cols=len(self.task_columns))
        _fill(table.rows[0].cells, self.task_columns)
        number = 0
        for group, task, state in self.tasks:
            if group:
                number = 0
                row = table.add_row().cells
                row[0].text, row[1].text = group, task
                continue
            number += 1
            values = {"STT": str(number), "NHIỆM VỤ": task, "TRẠNG THÁI": state}
            _fill(table.add_row().cells, [values.get(c, "") for c in self.task_columns])

    def _form(self, document: Document) -> None:
        text(document.add_paragraph(), "PHỤ LỤC II", 14, bold=True, align=CENTER)
        text(document.add_paragraph(), form06.TITLE, 13, bold=True, align=CENTER)
        rows = [self._row(i, name, parts) for i, (name, parts) in enumerate(self.fields.items(), start=1)]
        if self.level:
            subtotal = {n: str(sum(int(r[n]) for r in rows)) for n in range(3, 14)}
            rows.insert(0, {1: "I", 2: self.level, **subtotal})
        first, rest = (rows[: self.split], rows[self.split :]) if self.split else (rows, [])
        self._form_table(document, first)
        if rest:
            document.add_paragraph()
            self._form_table(document, rest, header=self.repeat_header)

    def _row(self, number: int, name: str, parts: Figures) -> dict[int, str]:
        online, direct, carried, early, on_time, late, in_time, pending_late = parts
        values = {1: number, 3: online + direct + carried, 4: online, 5: direct, 6: carried,
                  7: early + on_time + late, 8: early, 9: on_time, 10: late,
                  11: in_time + pending_late, 12: in_time, 13: pending_late}  # fmt: skip
        values.update(self.totals.get(name, {}))
        return {n: str(v) for n, v in values.items()} | {2: name}

    def _form_table(self, document: Document, rows: list[dict[int, str]], *, header: bool = True) -> None:
        columns = [form06.BY_NUMBER[n] for n in self.order]
        if not header:
            table = document.add_table(rows=0, cols=len(columns))
        elif self.header == "flat":
            table = document.add_table(rows=1, cols=len(columns))
            names = [c.title if c.number < 3 else c.name[:1].upper() + c.name[1:] for c in columns]
            _fill(table.rows[0].cells, names)
        else:
            table = document.add_table(rows=3, cols=len(columns))
            _merged_header(table, columns)
            if self.header == "numbered":
                _fill(table.add_row().cells, [f"({c.number})" for c in columns])
        for values in rows:
            _fill(table.add_row().cells, [values[c.number] for c in columns])
        if self.total_row and rows and rows[-1][2] == list(self.fields)[-1]:
            figures = {
                n: str(sum(int(self._row(0, k, v)[n]) for k, v in self.fields.items())) for n in range(3, 14)
            }
            cells = table.add_row().cells
            _fill(cells, ["Tổng cộng", "", *(figures[c.number] for c in columns[2:])])
            cells[0].merge(cells[1])


def _merged_header(table: Table, columns: list[form06.FormColumn]) -> None:
    """The form's three header rows for columns in any order (a group's columns side by side)."""
    for index, column in enumerate(columns):
        if not column.group:
            table.cell(0, index).merge(table.cell(2, index)).text = column.title
            continue
        run = [i for i, c in enumerate(columns) if c.group == column.group]
        if index == run[0]:
            table.cell(0, run[0]).merge(table.cell(0, run[-1])).text = column.group
        if column.within:
            within = [i for i in run if columns[i].within]
            if index == within[0]:
                table.cell(1, within[0]).merge(table.cell(1, within[-1])).text = form06.IN_WHICH
            table.cell(2, index).text = column.title
        else:
            table.cell(1, index).merge(table.cell(2, index)).text = column.title


def _fill(cells: tuple[object, ...] | list[object], values: list[str] | tuple[str, ...]) -> None:
    for cell, value in zip(cells, values, strict=True):
        cell.text = value  # type: ignore[attr-defined]
