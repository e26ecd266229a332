"""Write inputs/loc_thuy (the Word and Excel example) from inputs/loc_thuy_yaml (the YAML one).

Both describe the same plan and the quý I and năm 2022 reports, so `make demo` writes the
same documents from either (tests/test_word_example.py compares them). The Word folder is
written by the same code as `cchc import` and `cchc init`: ke_hoach.docx and ke_hoach.xlsx
from the plan, bao_cao_<kỳ>_2022.docx from each report's words (the default outline with its
markers), and tien_do_<kỳ>_2022.xlsx as the YAML example's workbook with the report's header in
a "Báo cáo" sheet.
Run: python scripts/make_example_word.py
"""

from __future__ import annotations

import shutil
from pathlib import Path

from openpyxl import load_workbook

from generator.domain.models import Unit
from generator.errors import Problems
from generator.files import write_atomic
from generator.inputs.folders.files import collect
from generator.inputs.folders.sources import read_plan_from, read_report_from, read_unit_from
from generator.workflows.folder import folder_from_plan, write_plan_folder
from generator.workflows.report_files import add_report_sheet, report_values, report_words_docx
from generator.workflows.workbooks import to_bytes

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "inputs" / "loc_thuy_yaml"
TARGET = ROOT / "inputs" / "loc_thuy"
PERIODS = (("Q1", 2022), ("NAM", 2022))


def main() -> None:
    problems = Problems()
    inputs = collect([SOURCE], problems, PERIODS[0])
    unit = read_unit_from(inputs, problems, str(SOURCE))
    plan = read_plan_from(inputs, unit, problems, str(SOURCE))
    problems.raise_if_any()
    assert plan is not None
    if TARGET.exists():
        shutil.rmtree(TARGET)
    for path in write_plan_folder(folder_from_plan(plan), TARGET):
        print(f"Đã ghi: {path.relative_to(ROOT)}")
    for code, year in PERIODS:
        for path in write_report(code, year, unit):
            print(f"Đã ghi: {path.relative_to(ROOT)}")


def write_report(code: str, year: int, unit: Unit | None) -> list[Path]:
    """bao_cao_<kỳ>_<năm>.docx and tien_do_<kỳ>_<năm>.xlsx of one period, from the YAML example."""
    problems = Problems()
    words = read_report_from(collect([SOURCE], problems, (code, year)), unit, problems, str(SOURCE))
    problems.raise_if_any()
    assert words is not None
    header, text = words
    stem = f"{code.lower()}_{year}"
    report = TARGET / f"bao_cao_{stem}.docx"
    write_atomic(report, report_words_docx(text))
    book = load_workbook(SOURCE / f"tien_do_{stem}.xlsx")
    add_report_sheet(book, report_values(header))
    progress = TARGET / f"tien_do_{stem}.xlsx"
    write_atomic(progress, to_bytes(book))
    return [report, progress]


if __name__ == "__main__":
    main()
