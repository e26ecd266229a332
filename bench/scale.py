"""(h) Scale: reading grows linearly with task rows; a huge table is rendered in bounded memory.

- 10,000 and 100,000 task rows (sheet "Nhiệm vụ", written by openpyxl, 7 groups, every row
  distinct) read and numbered by ``read_tasks`` with the cache off: the larger must take
  less than 12× the smaller's time. The workbook's size, unpacked size and compression ratio
  are printed beside it: the bounds of ``generator.inputs.formats.spreadsheet`` must let it through.
- A plan whose appendix has 50,000 rows rendered under tracemalloc: the peak must stay well
  under three times the rendered document.xml (held once, as bytes; tests/test_render_memory.py).
"""

from __future__ import annotations

import os
import time
import tracemalloc
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


def task_workbook(path: Path, rows: int) -> Path:
    """``rows`` distinct tasks over the seven groups, as ``cchc init`` lays the sheet out."""
    import openpyxl

    from generator.domain.areas import DEFAULT_GROUPS
    from generator.inputs.parts.tasks import TASK_COLUMNS, TASK_SHEET

    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet(TASK_SHEET)
    sheet.append([column.header for column in TASK_COLUMNS])
    groups = list(DEFAULT_GROUPS)
    for index in range(rows):
        group = index * 7 // rows
        sub = "x" if index % 5 == 4 and (index - 1) * 7 // rows == group else None  # under the row above
        sheet.append([groups[group], None, f"Nhiệm vụ thứ {index + 1}: rà soát, cập nhật thủ tục hành chính",
                      "Kế hoạch\nBáo cáo", "Văn phòng - Thống kê", "Các bộ phận chuyên môn", "Quý IV/2022",
                      "Theo dự toán ngân sách", sub])  # fmt: skip
    book.save(path)
    return path


def read_seconds(path: Path) -> float:
    from generator.domain.areas import DEFAULT_GROUPS
    from generator.errors import Problems
    from generator.inputs.parts.tasks import read_tasks

    problems = Problems()
    start = time.perf_counter()
    groups = read_tasks([path], dict(DEFAULT_GROUPS), problems, year=2022)
    seconds = time.perf_counter() - start
    assert groups is not None, problems.items[:3]
    return seconds


def case_scale(out: Path, quick: bool, big_plan_context: Callable[[int], dict[str, Any]]) -> None:
    print("\n(h) scale: task rows read and numbered (cache off); a 50,000-row table rendered")
    cached = os.environ.get("CCHC_CACHE_DIR")
    os.environ["CCHC_CACHE_DIR"] = ""
    try:
        sizes = (1_000, 10_000) if quick else (10_000, 100_000)
        times = {}
        for rows in sizes:
            path = task_workbook(out / f"tasks_{rows}.xlsx", rows)
            copy = out / f"tasks_{rows}_copy.xlsx"  # another file: nothing read from the first is reused
            copy.write_bytes(path.read_bytes())
            times[rows] = min(read_seconds(path), read_seconds(copy))
            with zipfile.ZipFile(path) as archive:
                sheet = max(archive.infolist(), key=lambda i: i.file_size)
            print(f"  {rows:>7} rows: {times[rows]:6.2f} s  (file {path.stat().st_size / 2**20:.1f} MiB, "
                  f"sheet {sheet.file_size / 2**20:.1f} MiB unpacked, ratio {sheet.file_size / sheet.compress_size:.0f})")  # fmt: skip
        small, large = sizes
        print(
            f"  → {large:,} rows take {times[large] / times[small]:.1f}× the time of {small:,} (target < 12×)"
        )
    finally:
        if cached is None:
            del os.environ["CCHC_CACHE_DIR"]
        else:
            os.environ["CCHC_CACHE_DIR"] = cached
    table_memory(big_plan_context(5_000 if quick else 50_000))


def table_memory(context: dict[str, Any]) -> None:
    from generator.render.engine import PreparedTemplate

    prepared = PreparedTemplate(ROOT / "templates" / "ke_hoach.docx")
    rows = sum(len(group["nhiem_vu"]) for group in context["phu_luc"]["nhom"])
    template = prepared.templates["word/document.xml"]
    part = len(template.render(context).encode("utf-8"))
    tracemalloc.start()
    prepared.render(context)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"  {rows:,}-row table: document.xml {part / 2**20:.0f} MiB, render peak {peak / 2**20:.0f} MiB "
          f"= {peak / part:.2f}× the part (target: well under 3×)")  # fmt: skip
