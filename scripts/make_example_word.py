"""Write inputs/loc_thuy (the Word and Excel example) from inputs/loc_thuy_yaml (the YAML one).

Both describe the same plan and quý I/2022 report, so `make demo` writes the same documents
from either (tests/test_word_example.py compares them). The Word folder is written by the
same code as `cchc import` and `cchc init`: ke_hoach.docx and ke_hoach.xlsx from the plan,
bao_cao_q1_2022.docx from the report's words, and tien_do_q1_2022.xlsx as the YAML example's
workbook with the report's header in a "Báo cáo" sheet.
Run: python scripts/make_example_word.py
"""

from __future__ import annotations

import shutil
from pathlib import Path

from openpyxl import load_workbook

from generator.errors import Problems
from generator.files import write_atomic
from generator.inputs.files import collect
from generator.inputs.sources import read_plan_from, read_report_from, read_unit_from
from generator.workflows.folder import folder_from_plan, write_plan_folder
from generator.workflows.report_files import add_report_sheet, report_values, report_words_docx
from generator.workflows.workbooks import to_bytes

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "inputs" / "loc_thuy_yaml"
TARGET = ROOT / "inputs" / "loc_thuy"
PERIOD = ("Q1", 2022)


def main() -> None:
    problems = Problems()
    inputs = collect([SOURCE], problems, PERIOD)
    unit = read_unit_from(inputs, problems, str(SOURCE))
    plan = read_plan_from(inputs, unit, problems, str(SOURCE))
    words = read_report_from(inputs, unit, problems, str(SOURCE))
    problems.raise_if_any()
    assert plan is not None
    assert words is not None
    if TARGET.exists():
        shutil.rmtree(TARGET)
    for path in write_plan_folder(folder_from_plan(plan), TARGET):
        print(f"Đã ghi: {path.relative_to(ROOT)}")
    header, text = words
    report = TARGET / "bao_cao_q1_2022.docx"
    write_atomic(report, report_words_docx(text))
    book = load_workbook(SOURCE / "tien_do_q1_2022.xlsx")
    add_report_sheet(book, report_values(header))
    progress = TARGET / "tien_do_q1_2022.xlsx"
    write_atomic(progress, to_bytes(book))
    for path in (report, progress):
        print(f"Đã ghi: {path.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
