"""``cchc import``: last year's plan typed in Word → a working folder cchc renders back.

The folder is ke_hoach.docx (the words) and ke_hoach.xlsx (Đơn vị, Kế hoạch, Chỉ tiêu,
Nhiệm vụ, and "Chưa xếp" for rows that could not be placed). A periodic report gives instead
its progress workbook, tien_do_<kỳ>_<năm>.xlsx, from its Phụ lục I (``inputs.report_document``). A .doc (Word 97–2003), .odt or
.rtf is first converted with LibreOffice when it is installed. Every notice names its place in
the source file; only a file that is not a plan (or cannot be opened) is an error.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from generator import scratch
from generator.domain.deadlines import DeadlineError, read_cell, split_phrases, undated_notice, year_notices
from generator.domain.models import Paragraph
from generator.domain.sheets import TARGET_SHEET, TASK_COLUMNS, TASK_SHEET
from generator.errors import GeneratorError, Location, Problem, Problems
from generator.files import write_atomic
from generator.inputs.documents import (
    ImportedPlan,
    ReportProgress,
    open_outline,
    read_plan_document,
    read_report_progress,
)
from generator.inputs.formats import SAVE_AS_DOCX, refusal
from generator.inputs.parts import LEAP_YEAR
from generator.workflows.folder import UNPLACED_SHEET, PlanFolder, check_free, target_rows, write_plan_folder

CONVERTIBLE = (".doc", ".odt", ".rtf", ".docm", ".dotx", ".dot")


@dataclass
class Imported:
    """What ``import_plan`` wrote and what the person should look at."""

    files: list[Path]
    warnings: list[Problem] = field(default_factory=list)
    paragraphs: int = 0
    tasks: int = 0
    targets: int = 0


def import_document(source: Path, out: Path, *, overwrite: bool = False) -> Imported:
    """Read the plan (or periodic report) ``source`` and write its working files into ``out``."""
    problems = Problems()
    with scratch.folder("import") as work:  # what a killed import left is swept by the next
        view, outline, kind = open_outline(as_docx(source, work), problems)
        if kind == "BÁO CÁO":
            progress = read_report_progress(view, outline, str(source), problems, f"trang “{UNPLACED_SHEET}”")
            return _write_progress(progress, out, overwrite, problems)
        imported = read_plan_document(view, outline, str(source), problems)
    return _write_plan(imported, out, overwrite, problems)


def _write_plan(imported: ImportedPlan, out: Path, overwrite: bool, problems: Problems) -> Imported:
    text = imported.text
    paragraphs = list(text.paragraphs())
    targets = [row for p in paragraphs for row in target_rows(Paragraph(p.text))]
    folder = PlanFolder(
        unit=imported.unit,
        plan=imported.plan,
        targets=targets,
        tasks=imported.appendix.tasks,
        opening=tuple(p.freeze() for p in text.opening),
        sections=tuple(s.freeze() for s in text.sections),
        closing=tuple(p.freeze() for p in text.closing),
        unplaced=imported.appendix.unplaced,
        extra_columns=imported.appendix.extras,
    )
    if targets:
        problems.warn(
            Location(str(out / "ke_hoach.xlsx"), sheet=TARGET_SHEET),
            f"có {len(targets)} chỉ tiêu dạng phần trăm; chọn Chỉ số cho những chỉ tiêu muốn báo cáo tự tính "
            "và so sánh (để trống nếu không đo được)",
        )
    _check_deadlines(imported, out / "ke_hoach.xlsx", problems)
    files = write_plan_folder(folder, out, overwrite=overwrite)
    return Imported(files, problems.warnings, len(paragraphs), len(folder.tasks), len(targets))


def _check_deadlines(imported: ImportedPlan, book: Path, problems: Problems) -> None:
    """Each deadline as ``cchc plan`` will read it, noted at its place in the source with the cell of
    the written "Nhiệm vụ" sheet (rows in the appendix's order, under the header).

    A line that is several whole phrases typed without a break ("Quý I/2022 Năm 2022") is split
    into lines. Anything else unreadable is only noted: an old plan holds what was signed ("Sớm
    nhất có thể"), the workbook is where the person corrects it, and refusing the import would
    leave nothing to correct.
    """
    year = imported.plan.get("nam")
    year = year if isinstance(year, int) else LEAP_YEAR
    column = next(index for index, c in enumerate(TASK_COLUMNS, start=1) if c.key == "thoi_gian")
    for number, row in enumerate(imported.appendix.tasks, start=2):
        cell = Location(book.name, sheet=TASK_SHEET, row=number, column=column)
        lines = []
        for line in str(row.get("thoi_gian", "")).splitlines():
            lines += _deadline_lines(line, year, row["noi"], cell, problems)
        row["thoi_gian"] = "\n".join(lines)


def _deadline_lines(line: str, year: int, where: Location, cell: Location, problems: Problems) -> list[str]:
    at = f"ô {cell.cell} trang “{TASK_SHEET}” của {cell.file}"
    try:
        dated, undated = read_cell(line, year)
    except DeadlineError as exc:  # a date that cannot exist: cchc plan refuses it
        problems.warn(where, f"{exc} — cchc plan, cchc rollover sẽ báo lỗi cho tới khi sửa {at}")
        return [line]
    if undated:
        pieces = split_phrases(line, year)
        if pieces is None:
            problems.warn(where, f"{undated_notice(undated)}; nếu đó là một thời hạn, hãy sửa ở {at}")
            return [line]
        problems.warn(where, f"thời hạn “{line.strip()}” là {len(pieces)} thời hạn viết liền: đã tách mỗi thời hạn "
                      f"một dòng ở {at}, hãy xem lại")  # fmt: skip
        return pieces
    for notice in year_notices(dated, year):
        problems.warn(where, notice)
    return [line]


def _write_progress(progress: ReportProgress, out: Path, overwrite: bool, problems: Problems) -> Imported:
    """tien_do_<kỳ>_<năm>.xlsx: the report's header and its Phụ lục I as the "Tiến độ" sheet."""
    from generator.workflows.report_files import add_report_sheet
    from generator.workflows.workbooks import fill_rows, to_bytes
    from generator.workflows.workspace import progress_book, progress_sheets

    code, year = progress.period
    target = out / f"tien_do_{code.lower()}_{year}.xlsx"
    check_free(out, [target], overwrite)
    specs = progress_sheets()
    book = progress_book(year)
    fill_rows(book[specs[0].title], specs[0].columns, progress.rows)
    add_report_sheet(book, progress.header)
    if progress.unplaced:
        sheet = book.create_sheet(UNPLACED_SHEET)
        for row in progress.unplaced:
            sheet.append(row)
    write_atomic(target, to_bytes(book))
    return Imported([target], problems.warnings, tasks=len(progress.rows))


def as_docx(source: Path, work: Path) -> Path:
    """``source`` itself, or its conversion to .docx by LibreOffice; refusals explain what to do."""
    if not source.is_file():
        raise GeneratorError(f"{source}: không tìm thấy tệp")
    suffix = source.suffix.lower()
    if suffix in CONVERTIBLE:
        return _converted(source, work)
    if suffix != ".docx":
        raise GeneratorError(
            f"{source}: cần tệp Word .docx (hoặc .doc), không phải “{suffix or 'không đuôi'}”"
        )
    reason = refusal(source)
    if reason is not None:
        raise GeneratorError(f"{source}: {reason}")
    return source


def _converted(source: Path, work: Path) -> Path:
    from generator.workflows import pdf

    if pdf.find_soffice() is None:
        raise GeneratorError(f"{source}: tệp {source.suffix} cần chuyển sang .docx: {SAVE_AS_DOCX} "
                             "(hoặc cài LibreOffice để cchc tự chuyển)")  # fmt: skip
    reason = refusal(source, converted=True)  # what makes it no .docx is why it is converted
    if reason is not None:
        raise GeneratorError(f"{source}: {reason}")
    (converted,) = pdf.to_docx([source], work)
    return converted
