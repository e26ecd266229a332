"""The README is what a clerk reads in one screen; the rest is in docs/, and every page links
back to it (issue 22). Links between the pages lead to a file and, with ``#``, to a heading."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import ROOT

README = ROOT / "README.md"
PAGES = sorted([*(ROOT / "docs").glob("*.md"), ROOT / "bench" / "README.md", ROOT / "CONTRIBUTING.md"])
LINK = re.compile(r"\]\(([^)\s]+)\)")


def text(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def anchors(path: Path) -> set[str]:
    """The ids GitHub gives the headings of ``path``: lower case, punctuation dropped, spaces → -."""
    found: set[str] = set()
    fenced = False
    for line in text(path).splitlines():
        fenced ^= line.startswith("```")
        heading = re.match(r"#+ (.*)", line)
        if heading and not fenced:
            slug = re.sub(r"[^\w\- ]", "", heading[1].strip().lower()).replace(" ", "-")
            found.add(slug if slug not in found else f"{slug}-1")
    return found


def test_the_readme_is_under_200_lines() -> None:
    assert len(text(README).splitlines()) < 200


def test_the_developers_start_is_make_demo_then_make_test() -> None:
    section = text(README).split("## Cho người phát triển", 1)[1]
    block = re.search(r"```bash\n(.*?)```", section, re.DOTALL)
    assert block is not None
    assert block[1].splitlines() == ["make demo", "make test"]
    makefile = text(ROOT / "Makefile")
    assert "\ndemo: " in makefile
    assert "\ntest: " in makefile


def test_yaml_is_not_on_the_readmes_first_screen() -> None:
    """YAML is for scripts and tests (docs/yaml.md), never what office staff meet first."""
    before_the_docs = text(README).split("## Tài liệu", 1)[0]
    assert "yaml" not in before_the_docs.casefold()


def test_the_readme_shows_a_page_of_a_plan() -> None:
    image = ROOT / "docs" / "images" / "ke_hoach_trang_1.png"
    assert "](docs/images/ke_hoach_trang_1.png)" in text(README)
    assert image.read_bytes().startswith(b"\x89PNG")
    assert image.stat().st_size < 200_000


@pytest.mark.parametrize("page", PAGES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_page_links_back_to_the_readme(page: Path) -> None:
    back = Path("..") / "README.md" if page.parent != ROOT else Path("README.md")
    assert f"]({back.as_posix()})" in text(page)


def links() -> list[tuple[Path, str]]:
    return [
        (page, target)
        for page in [README, *PAGES]
        for target in LINK.findall(text(page))
        if not target.startswith(("http://", "https://", "mailto:"))
    ]


def test_pages_link_to_each_other() -> None:
    assert len(links()) > 50  # the pattern still finds the links


@pytest.mark.parametrize(("page", "target"), links(), ids=lambda x: str(x).replace(str(ROOT) + "/", ""))
def test_a_link_leads_to_a_file_and_heading(page: Path, target: str) -> None:
    name, _, anchor = target.partition("#")
    linked = (page.parent / name).resolve() if name else page
    assert linked.exists(), f"{page.name}: no {name}"
    if anchor:
        assert linked.suffix == ".md"
        assert anchor in anchors(linked), f"{page.name}: {linked.name} has no heading #{anchor}"
