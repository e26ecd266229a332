"""DOCX → PDF through LibreOffice, all files of a run in one LibreOffice process.

LibreOffice takes seconds to start, so every file of a run goes into one ``soffice
--convert-to pdf`` call. Each call gets a private profile folder
(``-env:UserInstallation``) so two runs, or a user's open LibreOffice, never collide. That
profile has macros off, links never updated, links from documents blocked, and every internet
address sent to a closed proxy, so a document's linked picture is not fetched while it is
converted (docs/security.md §7).
Vietnamese needs fonts with every letter: Debian's ``fonts-liberation2`` (metric twin of
Times New Roman); the older ``fonts-liberation`` lacks letters such as ộ, ữ, ầ.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator import scratch
from generator.errors import OutputError
from generator.files import write_atomic

INSTALL_HINT = (
    "không tìm thấy LibreOffice (lệnh soffice). Cài đặt: Windows/macOS tải tại "
    "https://www.libreoffice.org/download/ ; Debian/Ubuntu: "
    "sudo apt install libreoffice-writer-nogui fonts-liberation2"
)
_CANDIDATES = (
    "soffice",
    "libreoffice",
    r"C:\Program Files\LibreOffice\program\soffice.exe",
    r"C:\Program Files (x86)\LibreOffice\program\soffice.exe",
    "/Applications/LibreOffice.app/Contents/MacOS/soffice",
)
_CLOSED_PROXY = ("127.0.0.1", 9)  # the discard port: nothing answers a request for a document's link
_SETTINGS = {
    "/org.openoffice.Office.Common/Security/Scripting": {
        "MacroSecurityLevel": "3", "DisableMacrosExecution": "true", "BlockUntrustedRefererLinks": "true",
    },
    "/org.openoffice.Office.Writer/Content/Update": {"Link": "2"},  # never
    "/org.openoffice.Office.Calc/Content/Update": {"Link": "2"},
    "/org.openoffice.Inet/Settings": {
        "ooInetProxyType": "1", "ooInetNoProxy": "",
        **{f"ooInet{kind}Proxy{part}": value for kind in ("HTTP", "HTTPS", "FTP")
           for part, value in (("Name", _CLOSED_PROXY[0]), ("Port", str(_CLOSED_PROXY[1])))},
    },
}  # fmt: skip
BASE_TIMEOUT = 60  # seconds: LibreOffice's start
TIMEOUT_PER_FILE = 60


def find_soffice() -> str | None:
    """The LibreOffice executable: $CCHC_SOFFICE, the PATH, or the usual install folders."""
    configured = os.environ.get("CCHC_SOFFICE")
    if configured:
        return configured if Path(configured).exists() or shutil.which(configured) else None
    for candidate in _CANDIDATES:
        found = shutil.which(candidate) or (candidate if Path(candidate).is_file() else None)
        if found:
            return found
    return None


def convert(documents: Sequence[Path], out_dir: Path | None = None) -> list[Path]:
    """Convert ``documents`` to PDF in one LibreOffice run; PDFs go next to each file by default.

    Files are converted into a private temporary folder and then moved into place, so an
    existing PDF is replaced only by a complete new one.
    """
    return _convert(documents, out_dir, PDF)


def to_docx(documents: Sequence[Path], out_dir: Path) -> list[Path]:
    """Convert Word 97–2003 (.doc), .odt or .rtf files to .docx in ``out_dir`` (``cchc import``)."""
    return _convert(documents, out_dir, DOCX)


@dataclass(frozen=True)
class _Target:
    filter: str  # LibreOffice's --convert-to argument
    suffix: str
    name: str  # in messages: "PDF", "Word .docx"
    hint: str = "tệp hỏng?"


PDF = _Target("pdf:writer_pdf_Export", ".pdf", "PDF")
DOCX = _Target("docx:MS Word 2007 XML", ".docx", "Word .docx", "tệp hỏng hoặc có mật khẩu?")


def _convert(documents: Sequence[Path], out_dir: Path | None, target: _Target) -> list[Path]:
    if not documents:
        return []
    soffice = find_soffice()
    if soffice is None:
        raise OutputError(INSTALL_HINT)
    with scratch.folder("pdf") as work:
        profile = work / "profile"
        _lock_down(profile)
        staging = work / "out"
        command = [
            soffice,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--norestore",
            "--nolockcheck",
            "--convert-to",
            target.filter,
            "--outdir",
            str(staging),
            *(str(d.resolve()) for d in documents),
        ]
        timeout = BASE_TIMEOUT + TIMEOUT_PER_FILE * len(documents)
        finished, said = _run(command, timeout, _private_temp(work / "tmp"))
        said = said.replace(str(work), "…")
        if not finished:
            raise OutputError(
                f"LibreOffice không chuyển xong sang {target.name} trong {timeout:.0f} giây; đã dừng "
                f"LibreOffice{_quoted(said)}"
            )
        return [_place(staging, document, out_dir, target, said) for document in documents]


def _lock_down(profile: Path) -> None:
    """The settings of a new LibreOffice profile: no macros, no links followed, no internet."""
    items = [
        f'<item oor:path="{path}"><prop oor:name="{name}" oor:op="fuse"><value>{value}</value></prop></item>'
        for path, props in _SETTINGS.items()
        for name, value in props.items()
    ]
    (profile / "user").mkdir(parents=True)
    (profile / "user" / "registrymodifications.xcu").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<oor:items xmlns:oor="http://openoffice.org/2001/registry" '
        'xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n'
        + "\n".join(items)
        + "\n</oor:items>\n",
        encoding="utf-8",
    )


def _private_temp(folder: Path) -> dict[str, str]:
    """The environment with the temp folder inside ``folder`` (LibreOffice's own ``lu*.tmp``
    folders, which a killed LibreOffice leaves, go with cchc's work folder) and every proxy
    variable on the closed proxy (what LibreOffice's internet access also reads)."""
    folder.mkdir()
    proxy = "http://{}:{}".format(*_CLOSED_PROXY)
    proxies = dict.fromkeys(("http_proxy", "https_proxy", "ftp_proxy", "all_proxy"), proxy)
    proxies |= {name.upper(): value for name, value in proxies.items()}
    empty = {"no_proxy": "", "NO_PROXY": ""}
    return {**os.environ, **proxies, **empty, "TMPDIR": str(folder), "TMP": str(folder), "TEMP": str(folder)}


def _run(command: list[str], timeout: float, env: dict[str, str] | None = None) -> tuple[bool, str]:
    """Run ``command`` in a process group of its own: whether it finished in time, and its stderr.

    ``soffice`` starts ``soffice.bin`` (and on Debian a shell script starts ``soffice``):
    killing the direct child alone left the converter running. So the whole group is ended
    on a timeout, on Ctrl+C or SIGTERM, and after a normal exit in case something lingers.
    """
    process = subprocess.Popen(
        command,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=env,
        **_OWN_GROUP,
    )
    try:
        _, err = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        _end_group(process)
        try:
            _, err = process.communicate(timeout=5)
        except subprocess.TimeoutExpired:  # a process that left the group still holds the pipe
            err = b""
        return False, err.decode("utf-8", "replace")
    finally:
        _end_group(process)
    return True, err.decode("utf-8", "replace")


_OWN_GROUP: dict[str, Any] = (
    {"start_new_session": True}
    if os.name == "posix"
    else {"creationflags": getattr(subprocess, "CREATE_NEW_PROCESS_GROUP", 0)}
)


def _end_group(process: subprocess.Popen[bytes]) -> None:
    """Kill every process of ``process``'s group (Windows: its process tree)."""
    if os.name == "posix":
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(process.pid, signal.SIGKILL)
    elif process.poll() is None:
        subprocess.run(["taskkill", "/F", "/T", "/PID", str(process.pid)], capture_output=True, check=False)
    if process.poll() is None:
        with contextlib.suppress(subprocess.TimeoutExpired):
            process.wait(5)


def _quoted(said: str) -> str:
    """ "; LibreOffice báo: …" with the last lines LibreOffice wrote, or nothing."""
    lines = [line.strip() for line in said.splitlines() if line.strip()]
    return f"; LibreOffice báo: {' / '.join(lines[-3:])[:300]}" if lines else ""


def _place(staging: Path, document: Path, out_dir: Path | None, target: _Target, said: str) -> Path:
    produced = staging / (document.stem + target.suffix)
    if not produced.is_file() or produced.stat().st_size == 0:
        raise OutputError(
            f"{document}: LibreOffice không chuyển được sang {target.name} ({target.hint}){_quoted(said)}"
        )
    placed = (out_dir or document.parent) / produced.name
    write_atomic(placed, produced.read_bytes())
    return placed
