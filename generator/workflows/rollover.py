"""``cchc rollover``: next year's draft plan from this year's, as editable inputs and a document.

The plan's own files come back with the plan year moved (title, trích yếu, appendix heading,
every deadline phrase, "năm N" in the text), legal references untouched, the number and date
reset, and — with the year's progress — unfinished tasks carried over and, on request,
finished one-off tasks dropped. Everything that needs a person is listed in a change list.

How deadline phrases and years in the text move: docs/deadlines.md §3 and §4.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from generator.domain.deadlines import DeadlineError, parse_cell, shift_deadline
from generator.domain.indicators import DONE
from generator.domain.models import Plan, Task, TaskProgress
from generator.domain.periods import YEAR_CODE, make_period
from generator.errors import GeneratorError, Location, OutputError, Problems
from generator.files import write_atomic
from generator.inputs.folders import collect
from generator.inputs.formats import load_yaml, without_controls
from generator.inputs.parts import read_task_states
from generator.workflows.change_list import CHANGE_LIST, Changes, noted_shift, opening_review, short
from generator.workflows.documents import Draft, Outcome
from generator.workflows.pipeline import load_plan, make_plan
from generator.workflows.rollover_word import Shift, copy_words, plan_files, shift_sheets
from generator.workflows.workbooks import own_formulas, put, to_bytes
from generator.workflows.yaml_edit import YamlEditError, rewrite


def rollover(
    paths: Sequence[Path],
    year: int,
    out: Path,
    *,
    progress: Path | None = None,
    drop_done: bool = False,
    overwrite: bool = False,
) -> Outcome:
    """Write next year's inputs into folder ``out`` and render the draft plan from them."""
    problems = Problems()
    plan = load_plan(paths, problems)
    problems.raise_if_any()
    if plan is None:
        raise GeneratorError("không đọc được dữ liệu kế hoạch")
    if year <= plan.year:
        raise GeneratorError(f"năm mới ({year}) phải sau năm của kế hoạch ({plan.year})")
    states = _states(progress, plan, problems) if progress else {}
    problems.raise_if_any()
    changes = Changes()
    files = _next_year_files(paths, out, plan, year, (states, drop_done, overwrite), changes)
    changes.review.append("số và ngày ban hành đã để trống: văn thư ghi sau khi ký")
    text = changes.text(plan.year, year)
    change_list = out / CHANGE_LIST.format(year=year)
    write_atomic(change_list, text.encode("utf-8-sig"))
    drafted = make_plan([out], out)
    drafted.draft = Draft(out, [*files, change_list], text, year)
    return drafted


def _next_year_files(
    paths: Sequence[Path],
    out: Path,
    plan: Plan,
    year: int,
    options: tuple[dict[str, TaskProgress], bool, bool],
    changes: Changes,
) -> list[Path]:
    """Copy the plan's own files (YAML, or Word and Excel) into ``out``, moved to ``year``."""
    states, drop_done, overwrite = options
    found = plan_files(collect(paths, Problems()))
    _check_target(out, found.all(), overwrite)
    copies = [_copy_yaml(path, out, plan, year, changes) for path in found.yamls]
    for target, content in copies:  # written once every file is rewritten: none half done
        write_atomic(target, content)
    files = [target for target, _ in copies]

    def shift(value: str, where: str) -> str:
        return noted_shift(value, plan.year, year - plan.year, where, changes)

    if found.words is not None:
        files.append(copy_words(found.words, out, plan, year, shift, changes.review))
    for path in found.books:
        title = found.task_title if path == found.task_book else None
        files.append(_copy_workbook(path, title, out, plan, year, states, drop_done, changes, shift))
    return files


def _states(progress: Path, plan: Plan, problems: Problems) -> dict[str, TaskProgress]:
    year_end = make_period(YEAR_CODE, plan.year, plan.unit.window_rules)
    return read_task_states([progress], plan, year_end, problems) or {}


def _check_target(out: Path, sources: list[Path], overwrite: bool) -> None:
    if any(out.resolve() == path.resolve().parent for path in sources):
        raise OutputError(f"{out}: thư mục đầu ra trùng thư mục dữ liệu năm cũ; hãy chọn thư mục khác")
    existing = [p.name for p in (out / s.name for s in sources) if p.exists()]
    if existing and not overwrite:
        raise OutputError(
            f"{out}: đã có tệp {', '.join(existing)}; không ghi đè (dùng --force nếu muốn thay)"
        )


def _copy_yaml(path: Path, out: Path, plan: Plan, year: int, changes: Changes) -> tuple[Path, bytes]:
    years = year - plan.year
    lines = load_yaml(path, Problems())

    def where(key: str) -> str:
        line = lines.location(key).line if lines else None
        return str(Location(path.name, key_path=key, line=line))

    def change(key: str, value: Any) -> Any:
        if not key.startswith("ke_hoach."):
            return value
        if key == "ke_hoach.nam":
            return year
        if key == "ke_hoach.nam_ban_hanh" and isinstance(value, int):
            return value + years
        if key in ("ke_hoach.so", "ke_hoach.ngay_ban_hanh"):
            return "" if value not in (None, "") else value
        if not isinstance(value, str) or ".chi_tieu" in key:
            return value
        if key.startswith("ke_hoach.mo_dau"):
            changes.review.append(opening_review(where(key), year))
        return noted_shift(value, plan.year, years, where(key), changes)

    text = without_controls(path.read_text(encoding="utf-8-sig"))
    try:
        rewritten = rewrite(text, change)
    except YamlEditError as exc:  # the reader took the file; the round-trip writer did not
        place = Location(path.name, line=exc.line)
        raise GeneratorError(f"{place}: không ghi lại được tệp YAML cho năm {year}: {exc}") from exc
    return out / path.name, rewritten.encode("utf-8")


def _copy_workbook(
    source: Path,
    task_title: str | None,
    out: Path,
    plan: Plan,
    year: int,
    states: dict[str, TaskProgress],
    drop_done: bool,
    changes: Changes,
    shift: Shift,
) -> Path:
    """Copy a workbook of the plan into ``out``: its task sheet (``task_title``, as the reader
    matched it), "Kế hoạch" and "Chỉ tiêu" sheets moved to the new year."""
    from openpyxl import load_workbook

    book = load_workbook(source)
    kept = own_formulas(book)
    if task_title is not None:
        _tasks(book[task_title], plan, year, states, drop_done, changes)
    shift_sheets(book, source.name, plan, year, shift)
    target = out / source.name
    write_atomic(target, to_bytes(book, kept))
    return target


def _tasks(
    sheet: Any, plan: Plan, year: int, states: dict[str, TaskProgress], drop_done: bool, changes: Changes
) -> None:
    drop_rows: list[int] = []
    parent_dropped = False
    for task in plan.tasks:
        drop = _decide(task, states.get(task.code), plan, drop_done, parent_dropped, changes)
        parent_dropped = drop if task.number is not None else parent_dropped
        if drop:
            drop_rows.append(task.location.row or 0)
            continue
        _shift_row(sheet, task, plan.year, year - plan.year, changes)
    for row in sorted(drop_rows, reverse=True):
        sheet.delete_rows(row)


def _decide(
    task: Task,
    state: TaskProgress | None,
    plan: Plan,
    drop_done: bool,
    parent_dropped: bool,
    changes: Changes,
) -> bool:
    """True when the task leaves next year's plan; records carried-over and dropped tasks."""
    label = f"{task.code} {short(task.text, 60)}"
    if task.number is None and parent_dropped:
        changes.dropped.append(f"{label} (dòng con của nhiệm vụ đã bỏ)")
        return True
    if state is None:
        return False
    if state.state != DONE:
        changes.carried.append(f"{label}: {state.state} — giữ lại, thời hạn chuyển sang năm mới")
        return False
    if drop_done and not _recurring(task, plan.year):
        changes.dropped.append(label)
        return True
    return False


def _recurring(task: Task, plan_year: int) -> bool:
    try:
        return any(d.kind in ("recurring", "yearly") for d in parse_cell(task.deadline, plan_year))
    except DeadlineError:
        return True  # not understood: keep the task, the deadline is listed for review


def _shift_row(sheet: Any, task: Task, plan_year: int, years: int, changes: Changes) -> None:
    """Move the years of the task's text, product and deadline cells."""
    _shift_deadline_cell(sheet, task, plan_year, years, changes)
    for location in (task.location, task.product_location):
        cell = _cell(sheet, location)
        if (
            cell is not None
            and location is not None
            and isinstance(cell.value, str)
            and cell.data_type != "f"
        ):
            put(cell, noted_shift(cell.value, plan_year, years, _cell_name(location), changes))


def _cell(sheet: Any, location: Location | None) -> Any:
    """The openpyxl cell at ``location``, or None when the place is not a cell."""
    if location is None or location.row is None or location.column is None:
        return None
    return sheet.cell(row=location.row, column=location.column)


def _shift_deadline_cell(sheet: Any, task: Task, plan_year: int, years: int, changes: Changes) -> None:
    location = task.deadline_location
    cell = _cell(sheet, location)
    if cell is None or location is None or not task.deadline:
        return
    lines = task.deadline.splitlines()
    shifted = []
    for line in lines:
        try:
            shifted.append(shift_deadline(line, years, plan_year) if line.strip() else line)
        except DeadlineError:
            shifted.append(line)
            changes.review.append(f"{_cell_name(location)}: thời hạn không hiểu được, giữ nguyên: “{line}”")
    new = "\n".join(shifted)
    if new != task.deadline:
        put(cell, new)
        changes.shifted.append(f"{_cell_name(location)} ({task.code}): {short(task.deadline)} → {short(new)}")


def _cell_name(location: Location) -> str:
    """The place as the change list prints it: the file's name without its folder."""
    return str(replace(location, file=Path(location.file).name))
