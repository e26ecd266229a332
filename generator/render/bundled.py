"""Where cchc's own templates are: the repository's templates/ folder, or the installed copy.

A source checkout (and an editable install) uses templates/ at the top of the repository,
where the template builder writes them. A regular install (a wheel) carries the same files
as the package ``generator.bundled_templates`` (pyproject.toml maps that package to
templates/), because the top-level folder is not installed.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

SOURCE_TEMPLATES = Path(__file__).resolve().parents[2] / "templates"


def template(name: str) -> Path:
    """The path of cchc's template ``name`` (for example "ke_hoach.docx")."""
    source = SOURCE_TEMPLATES / name
    if source.is_file():
        return source
    installed = resources.files("generator.bundled_templates").joinpath(name)
    return Path(str(installed))
