"""Code comments point to domain notes in docs/; every such pointer must lead somewhere."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
SOURCES = [
    path
    for folder in ("generator", "tests", "scripts", "bench")
    for path in sorted((ROOT / folder).rglob("*.py"))
    if path.name != Path(__file__).name
]
# A note, then the sections named after it on the same line, up to the next note:
# "docs/nd30-format.md §8", "docs/deadlines.md §1–§3", "docs/nd30-format.md (§2 page, §3 header)".
POINTER = re.compile(r"docs/(?P<note>[\w-]+\.md)(?P<sections>(?:(?!docs/).)*)")


def _sections(note: Path) -> set[str]:
    return set(re.findall(r"^## §(\d+) ", note.read_text(encoding="utf-8"), re.MULTILINE))


def _pointers() -> list[tuple[str, str, str]]:
    found: list[tuple[str, str, str]] = []
    for path in SOURCES:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            for match in POINTER.finditer(line):
                for section in re.findall(r"§(\d+)", match["sections"]) or [""]:
                    found.append((f"{path.relative_to(ROOT)}:{number}", match["note"], section))
    return found


def test_code_points_to_notes() -> None:
    assert len(_pointers()) >= 10  # the pattern still finds the pointers


@pytest.mark.parametrize(("where", "note", "section"), _pointers(), ids=str)
def test_pointer_leads_to_a_note_and_section(where: str, note: str, section: str) -> None:
    path = DOCS / note
    assert path.is_file(), f"{where}: no docs/{note}"
    if section:
        assert section in _sections(path), f"{where}: docs/{note} has no §{section}"


def test_no_pointer_to_notes_outside_the_repository() -> None:
    stale = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in SOURCES
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if "DOMAIN" in line
    ]
    assert stale == []
