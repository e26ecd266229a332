"""Find the user's input files: folders and files given on the command line → roles.

A file's role comes from what it holds, so files may be named freely:
- a YAML file by its top-level keys (``don_vi:``, ``ke_hoach:``, ``bao_cao:``); one file may
  hold several parts;
- a workbook by its sheets: "Đơn vị" (the unit profile), "Kế hoạch" and "Chỉ tiêu" (the plan's
  header and targets), "Nhiệm vụ" (its tasks), "Báo cáo" (a report's header), "Tiến độ"…;
- a Word file by its headings: the report outline's (I. chỉ đạo, II. kết quả, …) make it a
  report's words, any other outline the plan's words. A whole document (with a Quốc hiệu: a
  document cchc wrote, or last year's plan) is not an input and is passed over in folders.

Each role comes from one source: the same part in two files is an error naming both. In a
folder, every ``*.yaml``/``*.yml``, workbook (``*.xlsx``, ``*.xlsm``, ``*.xls``, ``*.ods``) and
``*.docx`` is considered; files named for a
period (``tien_do_q1_2022.xlsx``, ``bao_cao_q1_2022.docx``) are used for that period only.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from generator.domain.periods import period_in_name, period_label
from generator.domain.sheets import (
    PLAN_SHEET,
    PROGRESS_SHEET,
    REPORT_SHEET,
    TARGET_SHEET,
    TASK_SHEET,
    UNIT_SHEET,
)
from generator.errors import Location, Problem, Problems
from generator.inputs.formats.docx_file import SAVE_AS_DOCX, WordFile, is_complete_document, load_words
from generator.inputs.formats.excel import Workbook
from generator.inputs.formats.spreadsheet import SUFFIXES as WORKBOOK_SUFFIXES
from generator.inputs.formats.words import read_words
from generator.inputs.parts.report_words import is_report_words
from generator.ooxml.places import Block

if TYPE_CHECKING:  # YAML's modules are imported only where a YAML file is read
    from generator.inputs.formats.yaml_file import YamlDocument

YAML_ROLES = ("don_vi", "ke_hoach", "bao_cao")
# Sheets that give a role; a second workbook with one of them is an error, not a silent choice.
ROLE_SHEETS = (UNIT_SHEET, PLAN_SHEET, TARGET_SHEET, TASK_SHEET, REPORT_SHEET, PROGRESS_SHEET)
# The sheet (or Word file) that gives each YAML part's role in a Word and Excel folder.
ROLE_SOURCES = {"don_vi": UNIT_SHEET, "ke_hoach": PLAN_SHEET, "bao_cao": REPORT_SHEET}
_ROLE_SUFFIXES = (".yaml", ".yml", *WORKBOOK_SUFFIXES, ".docx")  # what a folder is read for
NO_HEADINGS = (
    "không có đề mục nào (dòng đánh số I., 1., a) hoặc kiểu Heading), nên không rõ là lời văn kế hoạch hay "
    "lời văn báo cáo: viết lời văn báo cáo dưới các đề mục I–V của tệp “Tải lời văn báo cáo để điền” trên "
    "trang cchc (bao_cao_<kỳ>_<năm>.docx), lời văn kế hoạch dưới các đề mục I., 1., a) của ke_hoach.docx"
)
IMPORT_HINT = "dùng cchc import {name} --out <thư mục> để lấy dữ liệu từ văn bản này"


@dataclass
class InputSet:
    """The inputs of one unit by role: YAML parts, Word words, role sheets, candidate workbooks."""

    parts: dict[str, YamlDocument] = field(default_factory=dict)
    workbooks: list[Path] = field(default_factory=list)
    words: dict[str, WordFile] = field(default_factory=dict)  # "ke_hoach", "bao_cao"
    sheets: dict[str, Path] = field(default_factory=dict)  # a ROLE_SHEETS title → its workbook
    unreadable: bool = False  # a path was missing or a file could not be read
    unreadable_words: bool = False  # a Word file could not be read (it may have held the words)
    broken: dict[Path, Problem] = field(default_factory=dict)  # a workbook that cannot be read → why
    named: list[Path] = field(default_factory=list)  # files in folders named for the period asked
    elsewhere: list[Path] = field(default_factory=list)  # … and named for another one, passed over

    def part(self, role: str, problems: Problems, where: str) -> YamlDocument | None:
        """The YAML document holding ``role``; a problem naming ``where`` when there is none.

        When an input could not be read, its error already explains a missing part.
        """
        document = self.parts.get(role)
        if document is None and not self.unreadable:
            problems.add(Location(where), f'không tìm thấy phần "{role}:" trong các tệp YAML đầu vào')
        return document

    def missing(self, role: str, problems: Problems, where: str, what: str) -> None:
        """Say that ``role`` has no source, in the words of the kind of folder the user keeps; when a
        workbook cannot be read, why instead (the sheet may be in it)."""
        if self.broken:
            self.report_broken(problems)
            return
        if self.unreadable:
            return
        if self.parts:
            self.part(role, problems, where)
            return
        hint = {"don_vi": f'trang "{UNIT_SHEET}" trong tệp Excel (ke_hoach.xlsx)',
                "ke_hoach": f'lời văn ke_hoach.docx và trang "{PLAN_SHEET}" trong tệp Excel',
                "bao_cao": "tệp lời văn báo cáo bao_cao_<kỳ>_<năm>.docx"}[role]  # fmt: skip
        problems.add(
            Location(where), f'không tìm thấy {what}: cần {hint} (hoặc phần "{role}:" trong tệp YAML)'
        )

    def report_broken(self, problems: Problems) -> None:
        """Why each workbook that cannot be read is refused, once."""
        problems.items.extend(p for p in self.broken.values() if p not in problems.items)


@dataclass
class _Found:
    yamls: list[Path] = field(default_factory=list)
    books: list[Path] = field(default_factory=list)
    docs: list[tuple[Path, bool]] = field(default_factory=list)  # (path, named explicitly)
    named: list[Path] = field(default_factory=list)
    elsewhere: list[Path] = field(default_factory=list)


def expand(paths: Sequence[Path], problems: Problems, period: tuple[str, int] | None = None) -> _Found:
    """Split the given paths into YAML files, workbooks and Word files; folders are listed.

    In a folder, a file whose name ends with a period (``_q1_2022``) is taken only for
    that period, and Word's lock files (``~$…``) are passed over; files named explicitly are
    always taken.
    """
    found = _Found()
    for path in paths:
        if path.is_dir():
            files = sorted(p for p in path.iterdir() if p.is_file() and not p.name.startswith((".", "~$")))
            listed = [p for p in files if period_of(p) in (None, period)]
            found.named += [p for p in listed if period is not None and period_of(p) == period]
            found.elsewhere += [
                p for p in files if period_of(p) not in (None, period) and p.suffix.lower() in _ROLE_SUFFIXES
            ]
            found.yamls.extend(p for p in listed if p.suffix.lower() in (".yaml", ".yml"))
            found.books.extend(p for p in listed if p.suffix.lower() in WORKBOOK_SUFFIXES)
            found.docs.extend((p, False) for p in listed if p.suffix.lower() == ".docx")
        elif not path.exists():
            problems.add(Location(str(path)), "không tìm thấy tệp hoặc thư mục")
        elif path.suffix.lower() in (".yaml", ".yml"):
            found.yamls.append(path)
        elif path.suffix.lower() in (*WORKBOOK_SUFFIXES, ".csv"):
            found.books.append(path)
        elif path.suffix.lower() in (".docx", ".doc"):
            found.docs.append((path, True))
        else:
            problems.add(Location(str(path)), "không rõ loại tệp (cần .yaml, .xlsx hoặc .docx)")
    return found


def collect(paths: Sequence[Path], problems: Problems, period: tuple[str, int] | None = None) -> InputSet:
    """Read every input far enough to know its role; assign each role to its one source."""
    before = len(problems.errors)
    found = expand(paths, problems, period)
    inputs = InputSet(workbooks=found.books, named=found.named, elsewhere=found.elsewhere)
    if found.yamls:  # a Word and Excel folder needs no YAML parser: not imported for it
        from generator.inputs.formats import yaml_memo
    for path in found.yamls:
        document = yaml_memo.load(path, problems)
        if document is None:
            continue
        if not isinstance(document.data, dict):
            problems.add(Location(str(path), line=1), "tệp cần các phần dạng khóa: giá trị")
            continue
        _assign(inputs, document, problems)
    _index_sheets(inputs, problems)
    for path, explicit in found.docs:
        _assign_words(inputs, path, explicit, problems)
    _check_sources(inputs, problems)
    inputs.unreadable = len(problems.errors) > before
    return inputs


def _assign(inputs: InputSet, document: YamlDocument, problems: Problems) -> None:
    roles = [key for key in document.data if key in YAML_ROLES]
    if not roles:
        keys = ", ".join(f"{r}:" for r in YAML_ROLES)
        problems.add(document.location(""), f"tệp không có phần nào cchc dùng (cần một trong: {keys})")
    for role in roles:
        if role in inputs.parts:
            other = inputs.parts[role].path
            problems.add(document.location(role), f'phần "{role}:" đã có trong tệp {other}')
            continue
        inputs.parts[role] = document


def _index_sheets(inputs: InputSet, problems: Problems) -> None:
    """Which workbook holds each role sheet; two workbooks with the same one is an error."""
    for path in inputs.workbooks:
        titles, broken = read_role_sheets(path)
        if broken is not None:
            # A workbook that cannot be read (damaged, a password, a bomb) is noted: where a sheet
            # it may hold is missing, its reason is reported instead (``missing``, ``find_sheet``).
            inputs.broken[path] = broken
        for title in titles:
            if title in inputs.sheets:
                problems.add(Location(str(path)), _twice(title, inputs.sheets[title], path))
            else:
                inputs.sheets[title] = path


def role_sheets(path: Path) -> list[str]:
    """The ``ROLE_SHEETS`` the workbook at ``path`` holds (an unreadable one is reported where it is used)."""
    return read_role_sheets(path)[0]


def read_role_sheets(path: Path) -> tuple[list[str], Problem | None]:
    """The ``ROLE_SHEETS`` of the workbook at ``path``, and why it cannot be read, if it cannot."""
    scratch = Problems()
    book = Workbook(path, scratch)
    try:
        titles = [title for title in ROLE_SHEETS if book.find_title(title) is not None]
    finally:
        book.close()
    return titles, (scratch.errors[0] if scratch.errors else None)


def _twice(title: str, first: Path, second: Path) -> str:
    """Two workbooks with the sheet ``title``; two progress workbooks of one period (a browser's
    second download, "tien_do_q1_2023 (1).xlsx") say so in the words of the page."""
    period = period_of(first)
    if title == PROGRESS_SHEET and period is not None and period == period_of(second):
        return f"hai bảng tiến độ cho {period_label(*period)}: {first.name} và {second.name} — bỏ một tệp"
    return f'trang "{title}" đã có trong tệp {first}; chỉ giữ một tệp'


def _assign_words(inputs: InputSet, path: Path, explicit: bool, problems: Problems) -> None:
    if path.suffix.lower() == ".doc" or is_complete_document(path):
        if explicit and path.suffix.lower() == ".doc":
            problems.add(Location(str(path)), f"tệp Word 97–2003 (.doc): {SAVE_AS_DOCX}")
        elif explicit:
            problems.add(Location(str(path)), "là văn bản hoàn chỉnh (có Quốc hiệu), không phải tệp lời văn; "
                         + IMPORT_HINT.format(name=path.name))  # fmt: skip
        return
    words = load_words(path, problems)
    if words is None:
        inputs.unreadable_words = True
        return
    if not _has_headings(words.blocks):  # neither a plan's nor a report's words
        problems.add(Location(str(path)), NO_HEADINGS)
        inputs.unreadable_words = True  # its one message says why the words are missing
        return
    role = "bao_cao" if _is_report(words.blocks) else "ke_hoach"
    if role in inputs.words:
        first = inputs.words[role].path
        what = "lời văn báo cáo" if role == "bao_cao" else "lời văn kế hoạch"
        problems.add(Location(str(path)), f"{what} đã có trong tệp {first}; chỉ giữ một tệp")
        return
    inputs.words[role] = words


@functools.lru_cache(maxsize=8)  # the role of a file read lately: a batch asks for it per document
def _is_report(blocks: tuple[Block, ...]) -> bool:
    return is_report_words(blocks)


@functools.lru_cache(maxsize=8)
def _has_headings(blocks: tuple[Block, ...]) -> bool:
    return bool(read_words(Path(), blocks, Problems()).sections)


def _check_sources(inputs: InputSet, problems: Problems) -> None:
    """A role from YAML and from Word or Excel at once is ambiguous: name both."""
    for role, sheet in ROLE_SOURCES.items():
        document = inputs.parts.get(role)
        other = inputs.words.get(role)
        others = [str(other.path)] if other is not None else []
        others += [str(inputs.sheets[sheet])] if sheet in inputs.sheets else []
        if document is not None and others:
            problems.add(
                document.location(role),
                f'phần "{role}:" đã có trong {", ".join(dict.fromkeys(others))}; chỉ giữ một nguồn',
            )


def period_of(path: Path) -> tuple[str, int] | None:
    """ "tien_do_q1_2022.xlsx" → ("Q1", 2022); None when the name names no period."""
    return period_in_name(path.stem)
