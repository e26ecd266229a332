"""``cchc init``: a ready-to-fill working folder (profile, plan and report YAML, workbooks).

The YAML files are commented in Vietnamese (``generator/skeletons``); the workbooks have
the columns the readers expect, drop-down lists and an instructions sheet. Existing files
are never overwritten unless asked.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from generator.errors import OutputError
from generator.files import write_atomic
from generator.inputs.progress import (
    FIGURES_COLUMNS,
    FIGURES_SHEET,
    PROGRESS_COLUMNS,
    PROGRESS_SHEET,
    TTHC_COLUMNS,
    TTHC_SHEET,
)
from generator.inputs.tasks import TASK_COLUMNS, TASK_SHEET
from generator.workflows.workbooks import SheetSpec, new_workbook, to_bytes

TASKS_BOOK = "nhiem_vu.xlsx"
PROGRESS_BOOK = "tien_do.xlsx"
YAML_FILES = ("don_vi.yaml", "ke_hoach.yaml", "bao_cao.yaml")
GUIDE = (
    "Điền dữ liệu từ dòng 2; không đổi tên trang và tên cột (có thể thêm cột riêng: cchc bỏ qua).",
    "Ô có nhiều dòng: Alt+Enter. Ngày ghi dạng dd/mm/yyyy hoặc dùng ô ngày của Excel.",
    "Sau khi điền: cchc plan <thư mục> (kế hoạch) hoặc cchc report --period Q1 --year <năm> <thư mục>.",
)


def init_folder(target: Path, year: int, *, overwrite: bool = False) -> list[Path]:
    """Create the working folder ``target`` for plan year ``year``; returns the files written."""
    names = [*YAML_FILES, TASKS_BOOK, PROGRESS_BOOK]
    existing = [target / name for name in names if (target / name).exists()]
    if existing and not overwrite:
        listed = ", ".join(p.name for p in existing)
        raise OutputError(f"{target}: đã có tệp {listed}; không ghi đè (dùng --force nếu muốn thay)")
    if target.exists() and not target.is_dir():
        raise OutputError(f"{target}: đã có một tệp cùng tên, không phải thư mục")
    written = []
    for name in YAML_FILES:
        text = resources.files("generator.workflows.skeletons").joinpath(name).read_text(encoding="utf-8")
        written.append(_write(target / name, text.replace("{nam}", str(year)).encode("utf-8")))
    written.append(_workbook(target / TASKS_BOOK, [task_sheet()]))
    written.append(_workbook(target / PROGRESS_BOOK, progress_sheets()))
    return written


def task_sheet() -> SheetSpec:
    return SheetSpec(TASK_SHEET, TASK_COLUMNS, "các nhiệm vụ cụ thể của phụ lục kế hoạch, nhóm I–VII")


def progress_sheets() -> list[SheetSpec]:
    return [
        SheetSpec(
            PROGRESS_SHEET, PROGRESS_COLUMNS, "trạng thái từng nhiệm vụ của kế hoạch tại ngày chốt số liệu"
        ),
        SheetSpec(TTHC_SHEET, TTHC_COLUMNS, "số hồ sơ thủ tục hành chính theo lĩnh vực trong kỳ"),
        SheetSpec(FIGURES_SHEET, FIGURES_COLUMNS, "số liệu các chỉ tiêu khác của kế hoạch"),
    ]


def _write(path: Path, data: bytes) -> Path:
    write_atomic(path, data)
    return path


def _workbook(path: Path, specs: list[SheetSpec]) -> Path:
    return _write(path, to_bytes(new_workbook(specs, GUIDE)))
