"""Find the user's input files: folders and files given on the command line → roles.

A YAML file's role is its top-level key (``don_vi:``, ``ke_hoach:``, ``bao_cao:``), so
files may be named freely and one file may hold several parts. A workbook's role is the
sheets it has. In a folder, every ``*.yaml``/``*.yml`` and workbook (``*.xlsx``, ``*.xlsm``,
``*.xls``, ``*.ods``) is considered;
workbooks named for a period (``tien_do_q1_2022.xlsx``) are used for that period only.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from generator.domain.periods import period_in_name
from generator.errors import Location, Problems
from generator.inputs import yaml_memo
from generator.inputs.spreadsheet import SUFFIXES as WORKBOOK_SUFFIXES
from generator.inputs.yaml_file import YamlDocument

YAML_ROLES = ("don_vi", "ke_hoach", "bao_cao")


@dataclass
class InputSet:
    """The YAML parts by role and the candidate workbooks of one unit."""

    parts: dict[str, YamlDocument] = field(default_factory=dict)
    workbooks: list[Path] = field(default_factory=list)
    unreadable: bool = False  # a path was missing or a YAML file could not be read

    def part(self, role: str, problems: Problems, where: str) -> YamlDocument | None:
        """The document holding ``role``; a problem naming ``where`` when there is none.

        When an input could not be read, its error already explains a missing part.
        """
        document = self.parts.get(role)
        if document is None and not self.unreadable:
            problems.add(Location(where), f'không tìm thấy phần "{role}:" trong các tệp YAML đầu vào')
        return document


def expand(
    paths: Sequence[Path], problems: Problems, period: tuple[str, int] | None = None
) -> tuple[list[Path], list[Path]]:
    """Split the given paths into YAML files and workbooks; folders are listed.

    In a folder, a file whose name ends with a period (``_q1_2022``) is taken only for
    that period; files named explicitly are always taken.
    """
    yamls: list[Path] = []
    books: list[Path] = []
    for path in paths:
        if path.is_dir():
            found = sorted(
                p for p in path.iterdir()
                if p.is_file() and not p.name.startswith((".", "~$"))
                and period_of(p) in (None, period)
            )  # fmt: skip
            yamls.extend(p for p in found if p.suffix.lower() in (".yaml", ".yml"))
            books.extend(p for p in found if p.suffix.lower() in WORKBOOK_SUFFIXES)
        elif not path.exists():
            problems.add(Location(str(path)), "không tìm thấy tệp hoặc thư mục")
        elif path.suffix.lower() in (".yaml", ".yml"):
            yamls.append(path)
        elif path.suffix.lower() in (*WORKBOOK_SUFFIXES, ".csv"):
            books.append(path)
        else:
            problems.add(Location(str(path)), "không rõ loại tệp (cần .yaml hoặc .xlsx)")
    return yamls, books


def collect(paths: Sequence[Path], problems: Problems, period: tuple[str, int] | None = None) -> InputSet:
    """Load every YAML file and assign each top-level part to its role."""
    before = len(problems.errors)
    yamls, books = expand(paths, problems, period)
    inputs = InputSet(workbooks=books)
    for path in yamls:
        document = yaml_memo.load(path, problems)
        if document is None:
            continue
        if not isinstance(document.data, dict):
            problems.add(Location(str(path), line=1), "tệp cần các phần dạng khóa: giá trị")
            continue
        _assign(inputs, document, problems)
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


def period_of(path: Path) -> tuple[str, int] | None:
    """ "tien_do_q1_2022.xlsx" → ("Q1", 2022); None when the name names no period."""
    return period_in_name(path.stem)
