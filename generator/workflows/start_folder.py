"""The working folder ``cchc`` opens when started with no command (a double-click on cchc itself).

A clerk's first start needs no ``cchc init`` typed in a terminal (#26): ``cchc`` alone opens the
page on the folder "cchc" in the user's documents folder (``platformdirs``: ``~/Documents`` on
Linux and macOS, the Documents known folder on Windows). The first time, the folder is made and
filled as ``cchc init`` fills one, launchers included, so the page starts on its two ways in
("Đã có kế hoạch năm trước bằng Word?", "Điền từ đầu"). A folder that has data is left as it is.
"""

from __future__ import annotations

from pathlib import Path

from generator.errors import OutputError, Problems, os_reason
from generator.inputs.folders import expand
from generator.workflows.launcher import write_launchers
from generator.workflows.workspace import init_word_folder

FOLDER_NAME = "cchc"


def default_folder() -> Path:
    """The folder "cchc" in the user's documents folder, whether or not it exists yet."""
    from platformdirs import user_documents_dir

    return Path(user_documents_dir()) / FOLDER_NAME


def prepare(folder: Path, year: int) -> list[Path]:
    """Make ``folder`` ready for the page: created when missing, and given the blank Word and
    Excel set for plan year ``year`` and its launchers when it holds no data file yet; the
    files written (none for a folder with data)."""
    if folder.exists() and not folder.is_dir():
        raise OutputError(f"{folder}: đã có một tệp cùng tên, không phải thư mục")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"{folder}: không tạo được thư mục ({os_reason(exc)})") from exc
    if _has_data(folder):
        return []
    return init_word_folder(folder, year) + write_launchers(folder)


def _has_data(folder: Path) -> bool:
    """Whether ``folder`` holds a file cchc reads (any period's, Word's lock files aside)."""
    found = expand([folder], Problems())
    return bool(found.yamls or found.books or found.docs or found.elsewhere)
