"""What a working folder holds, as a person asks before making anything: whose data, which plan
year, which periods have files, what is missing and which file would supply it.

``survey`` reads the folder through the same role finder and readers as the pipelines
(``inputs.files.collect``, ``inputs.sources``): the unit and the plan once, then, for each
period a file is named for (``tien_do_q1_2022.xlsx``), which files that period would use.
The web page shows it as its summary panel and takes its defaults (years, period) from it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from generator.domain.models import DEADLINE_DAY
from generator.domain.periods import (
    PERIOD_KINDS,
    Period,
    chronological,
    make_period,
    period_label,
    valid_year,
)
from generator.domain.periods import YEAR_END as YEAR_END
from generator.domain.sheets import (
    PLAN_SHEET,
    PROGRESS_SHEET,
    REPORT_SHEET,
    TARGET_SHEET,
    TASK_SHEET,
    UNIT_SHEET,
)
from generator.errors import Problems
from generator.inputs.folders import InputSet, collect, period_of, read_plan_from, read_unit_from
from generator.inputs.formats import MISSING, opened, read_form
from generator.inputs.parts import PLAN_ITEMS


@dataclass(frozen=True)
class Part:
    """One part of the inputs: the file that gives it (None: missing) and the file that would."""

    what: str  # "hồ sơ đơn vị"
    found: str | None  # "ke_hoach.xlsx"
    source: str  # 'trang "Đơn vị" của ke_hoach.xlsx'


@dataclass(frozen=True)
class PeriodFiles:
    """The files a report for ``code``/``year`` would use: its words and its progress workbook."""

    code: str
    year: int
    words: str | None
    progress: str | None

    @property
    def label(self) -> str:
        """ "quý I/2022", "6 tháng đầu năm 2022", "năm 2022"."""
        return period_label(self.code, self.year)

    @property
    def complete(self) -> bool:
        return self.words is not None and self.progress is not None


@dataclass
class FolderSurvey:
    """What ``survey`` found; ``problems`` are the errors met while reading the unit and plan."""

    unit: str | None = None
    plan_year: int | None = None
    tasks: int = 0
    yaml: bool = False  # the words are kept in YAML (don_vi.yaml, ke_hoach.yaml …)
    parts: list[Part] = field(default_factory=list)
    periods: list[PeriodFiles] = field(default_factory=list)  # periods named by a file, in order
    general: PeriodFiles | None = None  # report files named for no period (bao_cao.docx …)
    progress_books: list[tuple[str, tuple[str, int] | None]] = field(default_factory=list)
    roles: dict[str, list[str]] = field(default_factory=dict)  # file name → what cchc reads in it
    problems: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # what the documents would warn about
    window_rules: dict[str, tuple[str, str]] | None = None  # the unit's own data windows, if any
    deadline_day: int = DEADLINE_DAY  # the unit's day of the month to send a report by

    def period(self, code: str, year: int) -> Period:
        """The period ``code`` of ``year`` with the unit's windows."""
        return make_period(code, year, self.window_rules)

    @property
    def unfilled(self) -> bool:
        """A folder just made (``cchc init``, the blank set): no unit, no task, and nothing wrong
        but blank required cells. Not filled yet is not wrong."""
        blanks = bool(self.problems) and all(MISSING in line for line in self.problems)
        return not self.unit and not self.tasks and blanks

    @property
    def missing(self) -> list[Part]:
        return [part for part in self.parts if part.found is None]

    def report_files(self, code: str, year: int) -> PeriodFiles | None:
        """The files a report for ``code``/``year`` would use, or None when it has none."""
        named = next((p for p in self.periods if (p.code, p.year) == (code, year)), None)
        return named or self.general

    def default_period(self, this_year: int) -> tuple[str, int]:
        """The latest period of the plan's year with both files, else with any, else Q1."""
        year = self.plan_year or this_year
        for wanted in (lambda p: p.complete and p.year == year, lambda p: p.year == year, lambda p: True):
            chosen = [p for p in self.periods if wanted(p)]
            if chosen:
                return chosen[-1].code, chosen[-1].year
        return PERIOD_KINDS[0].code, year  # the year's first report


def survey(folder: Path) -> FolderSurvey:
    """What ``folder`` holds (see the module's docstring); never raises for bad data."""
    problems = Problems()
    inputs = collect([folder], problems)
    found = FolderSurvey(yaml=bool(inputs.parts))
    _read_plan(inputs, folder, problems, found)
    found.parts = _parts(inputs, found.yaml)
    if inputs.broken and any(p.found is None and 'trang "' in p.source for p in found.parts):
        inputs.report_broken(problems)  # a sheet missing may be in it: why it cannot be read, instead
        found.parts = [p for p in found.parts if p.found is not None or 'trang "' not in p.source]
    _note_roles(inputs, found.roles)
    general = _period_files(inputs, None, None)
    found.general = general if general.words or general.progress else None
    periods = sorted({p for path in folder.iterdir() if (p := period_of(path))}, key=chronological)
    for code, year in periods:
        noted = Problems()  # a file named for the period is read only here: its own errors are new
        named = collect([folder], noted, period=(code, year))
        problems.items.extend(p for p in noted.errors if p not in problems.items)
        _note_roles(named, found.roles)
        found.periods.append(_period_files(named, code, year))
    books: dict[str, tuple[str, int] | None] = {}
    books |= {f.progress: None for f in ([found.general] if found.general else []) if f.progress}
    books |= {p.progress: (p.code, p.year) for p in found.periods if p.progress}
    found.progress_books = list(books.items())
    found.problems = [str(problem) for problem in problems.errors]
    found.warnings = [str(problem) for problem in problems.warnings]
    return found


def _read_plan(inputs: InputSet, folder: Path, problems: Problems, found: FolderSurvey) -> None:
    """The unit and the plan, when their files are there (a missing one is a part, not an error)."""
    where = str(folder)
    has_unit = "don_vi" in inputs.parts or UNIT_SHEET in inputs.sheets
    unit = read_unit_from(inputs, problems, where) if has_unit else None
    if unit is not None:
        found.unit = " ".join(unit.name_lines)
        found.window_rules, found.deadline_day = unit.window_rules, unit.deadline_day
    if "ke_hoach" in inputs.parts or "ke_hoach" in inputs.words:
        plan = read_plan_from(inputs, unit, Problems() if unit is None else problems, where)
        if plan is not None:
            found.plan_year, found.tasks = plan.year, len(plan.tasks)
    if found.plan_year is None:  # a plan not yet complete (a folder just made) still has its year
        found.plan_year = _year_only(inputs)


def _year_only(inputs: InputSet) -> int | None:
    """The plan year as written (``ke_hoach.nam``, or "Năm kế hoạch" of the "Kế hoạch" sheet)."""
    if "ke_hoach" in inputs.parts:
        part = inputs.parts["ke_hoach"].data.get("ke_hoach")
        year = part.get("nam") if isinstance(part, dict) else None
        return year if isinstance(year, int) and valid_year(year) else None
    with opened(inputs.sheets.get(PLAN_SHEET), Problems()) as book:
        form = read_form(book, PLAN_SHEET, PLAN_ITEMS, Problems()) if book is not None else None
        value = form.reader.count(form.cell("nam"), required=False) if form is not None else None
    return value if value is not None and valid_year(value) else None


def _parts(inputs: InputSet, yaml: bool) -> list[Part]:
    def name(path: Path | None) -> str | None:
        return path.name if path is not None else None

    parts = inputs.parts
    unit = parts["don_vi"].path if "don_vi" in parts else inputs.sheets.get(UNIT_SHEET)
    if yaml:
        words = parts["ke_hoach"].path if "ke_hoach" in parts else None
        return [
            Part("hồ sơ đơn vị", name(unit), "don_vi.yaml (phần don_vi:)"),
            Part("lời văn kế hoạch", name(words), "ke_hoach.yaml (phần ke_hoach:)"),
            Part(
                "nhiệm vụ (phụ lục)",
                name(inputs.sheets.get(TASK_SHEET)),
                f'nhiem_vu.xlsx (trang "{TASK_SHEET}")',
            ),
        ]
    words_file = inputs.words.get("ke_hoach")
    return [
        Part("hồ sơ đơn vị", name(unit), f'trang "{UNIT_SHEET}" của ke_hoach.xlsx'),
        Part("lời văn kế hoạch", name(words_file.path if words_file else None), "ke_hoach.docx"),
        Part("năm, số, trích yếu của kế hoạch", name(inputs.sheets.get(PLAN_SHEET)), f'trang "{PLAN_SHEET}" của ke_hoach.xlsx'),
        Part("nhiệm vụ (phụ lục)", name(inputs.sheets.get(TASK_SHEET)), f'trang "{TASK_SHEET}" của ke_hoach.xlsx'),
    ]  # fmt: skip


def _period_files(inputs: InputSet, code: str | None, year: int | None) -> PeriodFiles:
    words = inputs.parts["bao_cao"].path if "bao_cao" in inputs.parts else None
    if words is None and "bao_cao" in inputs.words:
        words = inputs.words["bao_cao"].path
    progress = inputs.sheets.get(PROGRESS_SHEET)
    return PeriodFiles(
        code or "", year or 0, words.name if words else None, progress.name if progress else None
    )


_WORDS = {"ke_hoach": "lời văn kế hoạch", "bao_cao": "lời văn báo cáo"}
_YAML = {"don_vi": "hồ sơ đơn vị", "ke_hoach": "kế hoạch", "bao_cao": "lời văn báo cáo"}
_SHEETS = {UNIT_SHEET: "hồ sơ đơn vị", PLAN_SHEET: "thông tin kế hoạch", TARGET_SHEET: "chỉ tiêu",
           TASK_SHEET: "nhiệm vụ", REPORT_SHEET: "số, ngày của báo cáo", PROGRESS_SHEET: "tiến độ, số liệu của kỳ"}  # fmt: skip


def _note_roles(inputs: InputSet, roles: dict[str, list[str]]) -> None:
    """Add what each file of ``inputs`` gives, in words, to ``roles``."""
    given = [(d.path, _YAML[r]) for r, d in inputs.parts.items()]
    given += [(w.path, _WORDS[r]) for r, w in inputs.words.items()]
    given += [(p, _SHEETS[t]) for t, p in inputs.sheets.items() if t in _SHEETS]
    given += [(p, f"không đọc được: {problem.message}") for p, problem in inputs.broken.items()]
    for path, what in given:
        listed = roles.setdefault(path.name, [])
        if what not in listed:
            listed.append(what)
