"""``cchc batch``: many units and periods in one run, one document at a time.

A batch is a folder of unit folders (each a working folder as ``cchc init`` makes it), a
single working folder (all its periods), or a manifest (``danh_sach:`` in YAML). Every job
goes through the same pipeline as ``cchc plan``/``cchc report``; one unit's bad data is
recorded and the others go on. Documents are written one by one; only small summaries are
kept for the consolidated tables, so memory stays flat as units are added.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from generator.domain.kinds import DocumentKind
from generator.domain.periods import chronological, parse_reference
from generator.domain.sheets import PLAN_SHEET
from generator.errors import GeneratorError, Problem, Problems
from generator.inputs.folders import collect, expand, period_of, role_sheets
from generator.inputs.formats import Fields, load_yaml, top_level_keys
from generator.render.consolidated_context import UnitSummary
from generator.workflows.consolidate import write_consolidated
from generator.workflows.documents import Outcome, Rename
from generator.workflows.request import Request, make

PLAN, REPORT = DocumentKind.PLAN, DocumentKind.REPORT


@dataclass(frozen=True)
class Job:
    """One document of one unit."""

    unit: str  # the unit's folder name, for the summary
    inputs: tuple[Path, ...]
    kind: DocumentKind  # PLAN or REPORT
    period: tuple[str, int] | None = None

    def request(self, out: Path, rename: Rename | None) -> Request:
        code, year = self.period or (None, None)
        return Request(self.kind, self.inputs, out, period=code, year=year, rename=rename)

    @property
    def label(self) -> str:
        what = f"báo cáo {self.period[0]}/{self.period[1]}" if self.period else self.kind.label
        return f"{self.unit}: {what}"


@dataclass(frozen=True)
class Batch:
    jobs: tuple[Job, ...]
    consolidate: tuple[tuple[str, int], ...] = ()
    reference: str = ""  # "(Kèm theo …)" line of the consolidated tables


@dataclass
class BatchResult:
    written: list[tuple[Job, Outcome]] = field(default_factory=list)
    failed: list[tuple[Job, list[str]]] = field(default_factory=list)
    consolidated: list[Path] = field(default_factory=list)


class UniqueNames:
    """Two units with the same name never overwrite each other: the later gets _2, _3 …"""

    def __init__(self) -> None:
        self.used: set[str] = set()

    def __call__(self, name: str) -> str:
        stem, dot, suffix = name.rpartition(".")
        candidate, number = name, 1
        while candidate.casefold() in self.used:
            number += 1
            candidate = f"{stem}_{number}{dot}{suffix}"
        self.used.add(candidate.casefold())
        return candidate


def discover(source: Path) -> Batch:
    """The jobs of a folder of units, of one working folder, or of a manifest file."""
    if source.is_file():
        return read_manifest(source)
    if not source.is_dir():
        raise GeneratorError(f"{source}: không tìm thấy thư mục hoặc tệp danh sách")
    units = [d for d in sorted(source.iterdir()) if d.is_dir() and _data_files(d)] or [source]
    jobs = [job for unit in units for job in unit_jobs(unit)]
    if not jobs:
        raise GeneratorError(
            f"{source}: không có thư mục đơn vị nào có dữ liệu (tệp .docx, .xlsx hoặc .yaml)"
        )
    periods = sorted({j.period for j in jobs if j.period}, key=chronological)
    return Batch(tuple(jobs), tuple(p for p in periods if _units_with(jobs, p) >= 2))


def unit_jobs(folder: Path, name: str | None = None) -> list[Job]:
    """The plan, and a report for each period named by a ``bao_cao_<kỳ>_<năm>`` file (.docx or .yaml)."""
    label = name or folder.name
    jobs = [Job(label, (folder,), PLAN)] if _has_plan(folder) else []
    periods = {period_of(p) for p in _data_files(folder) if p.stem.startswith(REPORT)}
    jobs += [Job(label, (folder,), REPORT, p) for p in sorted(p for p in periods if p)]
    return jobs


def run(
    batch: Batch, out: Path, *, on_job: Callable[[Job], None] | None = None, workers: int = 1
) -> BatchResult:
    """Run every job; failures are collected, never raised; then the consolidated tables.

    With ``workers`` above 1 the units are shared among that many processes (``batch_pool``):
    the documents, their names and the result's order are those of a serial run.
    """
    result = BatchResult()
    summaries: dict[tuple[str, int], list[UnitSummary]] = {p: [] for p in batch.consolidate}
    summarised = [job.period in summaries for job in batch.jobs]
    if workers > 1 and len({job.inputs for job in batch.jobs}) > 1:  # one unit: no process to start
        from generator.workflows import batch_pool

        attempts: Iterable[Done | list[str]] = batch_pool.run_units(
            batch.jobs, summarised, out, workers, attempt, UniqueNames(), on_job
        )
    else:
        attempts = _serial(batch.jobs, summarised, out, on_job)
    for job, done in zip(batch.jobs, attempts, strict=True):
        if isinstance(done, list):
            result.failed.append((job, done))
            continue
        if job.period is not None and done.summary is not None:
            summaries[job.period].append(done.summary)
        result.written.append((job, Outcome(done.path, done.warnings)))
    for (code, year), found in summaries.items():
        if not found:
            continue
        try:
            result.consolidated += write_consolidated(found, code, year, out, batch.reference)
        except GeneratorError as exc:
            result.failed.append((Job("tổng hợp", (), REPORT, (code, year)), exc.lines()))
    return result


@dataclass(frozen=True)
class Done:
    """What a job wrote, and no more (memory stays flat with units): the document, the notices,
    and the unit's line of the consolidated tables when its period has them."""

    path: Path
    warnings: list[Problem]
    summary: UnitSummary | None = None


def attempt(job: Job, out: Path, rename: Rename | None, summarise: bool) -> Done | list[str]:
    """Make ``job``'s document in ``out``; the lines of its error instead when its data is bad."""
    try:
        outcome = make(job.request(out, rename))
    except GeneratorError as exc:
        return exc.lines()
    summary = (
        UnitSummary.of(outcome.unit, outcome.figures)
        if summarise and outcome.unit and outcome.figures
        else None
    )
    return Done(outcome.path, outcome.warnings, summary)


def _serial(
    jobs: Sequence[Job], summarised: Sequence[bool], out: Path, on_job: Callable[[Job], None] | None
) -> Iterator[Done | list[str]]:
    names = UniqueNames()
    for job, summarise in zip(jobs, summarised, strict=True):
        yield attempt(job, out, names, summarise)
        if on_job:
            on_job(job)


def read_manifest(path: Path) -> Batch:
    """``danh_sach: {don_vi: [{thu_muc, van_ban}], tong_hop: {ky, kem_theo}}``."""
    problems = Problems()
    document = load_yaml(path, problems)
    problems.raise_if_any()
    if document is None:
        raise GeneratorError(f"{path}: không đọc được tệp danh sách")
    fields = Fields(document, problems)
    root = fields.mapping((document.data or {}).get("danh_sach"), "danh_sach") or {}
    fields.check_keys(root, ("don_vi", "tong_hop"), "danh_sach")
    jobs = list(_manifest_jobs(fields, root.get("don_vi"), path.parent))
    summary = fields.mapping(root["tong_hop"], "danh_sach.tong_hop") if root.get("tong_hop") else {}
    consolidate = [_period(fields, v, f"danh_sach.tong_hop.ky[{i}]")
                   for i, v in enumerate(fields.text_list(summary or {}, "ky", "danh_sach.tong_hop", required=False), 1)]  # fmt: skip
    problems.raise_if_any()
    reference = fields.text(summary or {}, "kem_theo", "danh_sach.tong_hop", required=False)
    return Batch(tuple(jobs), tuple(p for p in consolidate if p), reference)


def _manifest_jobs(fields: Fields, value: object, base: Path) -> Iterator[Job]:
    items = value if isinstance(value, list) else []
    if not items:
        fields.problem("danh_sach.don_vi", "cần danh sách đơn vị (thu_muc, van_ban)")
    for index, item in enumerate(items, start=1):
        path = f"danh_sach.don_vi[{index}]"
        data = fields.mapping(item, path) or {}
        fields.check_keys(data, ("thu_muc", "van_ban"), path)
        folder = base / fields.text(data, "thu_muc", path)
        if not folder.is_dir():
            fields.problem(f"{path}.thu_muc", f"không tìm thấy thư mục {folder}")
            continue
        wanted = fields.text_list(data, "van_ban", path, required=False)
        if not wanted:
            yield from unit_jobs(folder)
        for number, text in enumerate(wanted, start=1):
            if text.strip().lower() in (PLAN.value, PLAN.label):
                yield Job(folder.name, (folder,), PLAN)
            elif period := _period(fields, text, f"{path}.van_ban[{number}]"):
                yield Job(folder.name, (folder,), REPORT, period)


def _period(fields: Fields, text: str, path: str) -> tuple[str, int] | None:
    """ "Q1/2022" → ("Q1", 2022)."""
    found = parse_reference(text)
    if found is not None:
        return found
    fields.problem(path, f'"{text}" không phải kỳ báo cáo (ví dụ: ke_hoach, Q1/2022, 6T/2022, NAM/2022)')
    return None


def _data_files(folder: Path) -> list[Path]:
    """The files that may hold a unit's words: YAML, and Word files that are not Word's lock files."""
    return sorted(
        p for p in folder.iterdir()
        if p.suffix.lower() in (".yaml", ".yml", ".docx") and p.is_file() and not p.name.startswith("~$")
    )  # fmt: skip


def _has_plan(folder: Path) -> bool:
    """A plan's words and header are there, in YAML or in Word and Excel.

    The cheap facts are asked first, and the files are not built: a YAML plan is found by its
    top-level key alone (parsed, never built), a workbook's "Kế hoạch" sheet by the workbook's
    sheet titles; only a folder with neither has its Word files read (for plan words). Reading
    every unit's files here filled the memories of parsed files with all units before any job
    ran, so each unit's files were read twice in a batch of more than a few units.
    """
    yaml_files = (
        p for p in _data_files(folder) if p.suffix.lower() in (".yaml", ".yml") and period_of(p) is None
    )
    if any(PLAN in top_level_keys(p, PLAN) for p in yaml_files):
        return True
    if any(PLAN_SHEET in role_sheets(book) for book in expand([folder], Problems()).books):
        return True
    inputs = collect([folder], Problems())
    return PLAN in inputs.parts or PLAN in inputs.words or PLAN_SHEET in inputs.sheets


def _units_with(jobs: list[Job], period: tuple[str, int]) -> int:
    return len({j.unit for j in jobs if j.period == period})
