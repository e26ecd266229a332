"""Uploaded files onto the server's disk: plain safe names, ZIPs unpacked within limits, and each
refused file named with the reason.

Names are reduced to a plain file name (``safe_name``); ZIP members are extracted by that name
only (no folders, so no zip-slip), or, for a batch of units, under one folder level whose name
is reduced the same way. Sizes are bounded before anything is kept.
"""

from __future__ import annotations

import errno
import io
import unicodedata
import zipfile
import zlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from generator.errors import GeneratorError
from generator.inputs.formats import SAVE_AS_DOCX
from generator.workflows.change_list import CHANGE_LIST
from generator.workflows.launcher import OTHERS, WINDOWS

DATA_SUFFIXES = (".docx", ".xlsx", ".yaml", ".yml")
MAX_MEMBERS = 200
MAX_UNPACKED = 50 * 1024 * 1024
NAME_LIMIT = 120  # characters
NAME_BYTES = 180  # bytes in UTF-8: most file systems allow 255 (84 Vietnamese letters are 252)
ACCEPTED = "cchc nhận tệp Word .docx, Excel .xlsx, .yaml hoặc một tệp .zip chứa chúng"
# Why a file that is not one cchc reads is left out, by its extension.
_REASONS = {
    ".xls": "tệp Excel 97–2003 (.xls): hãy mở bằng Excel và lưu lại dạng .xlsx (Tệp › Lưu thành › Sổ làm việc Excel)",
    ".xlsm": "tệp Excel có macro (.xlsm): hãy lưu lại dạng .xlsx (Sổ làm việc Excel, không macro)",
    ".xlsb": "tệp Excel dạng nhị phân (.xlsb): hãy lưu lại dạng .xlsx",
    ".ods": "bảng tính LibreOffice (.ods): hãy lưu lại dạng .xlsx",
    ".csv": "tệp .csv không có các trang cchc cần: hãy dùng bảng Excel .xlsx",
    ".doc": f"tệp Word 97–2003 (.doc): {SAVE_AS_DOCX}",
    ".odt": f"văn bản LibreOffice (.odt): {SAVE_AS_DOCX}",
    ".rtf": f"tệp .rtf: {SAVE_AS_DOCX}",
    ".pdf": "tệp PDF không lấy được dữ liệu: cần tệp Word .docx hoặc Excel .xlsx gốc",
}
# Names Windows gives to devices, whatever the extension; COM0 and LPT0 are reserved too, and
# Windows reads the superscript digits (COM¹) as plain ones (NFKC folds them for the check).
_WINDOWS_DEVICES = {
    "CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$", "CLOCK$",
    *(f"{d}{i}" for d in ("COM", "LPT") for i in range(10)),
}  # fmt: skip


class RequestError(GeneratorError):
    """A request the server refuses (an upload, a folder, a choice); the message says why, in
    Vietnamese, and ``details`` add a line each (the files refused, with their reasons)."""

    def __init__(self, message: str, details: Iterable[str] = ()) -> None:
        super().__init__(message)
        self.details = list(details)

    def lines(self) -> list[str]:
        return [str(self), *self.details]


@dataclass
class Received:
    """What one upload put on disk, and each file left out with the reason ("x.xls: …")."""

    saved: list[Path] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)


def safe_name(raw: str) -> str | None:
    """A plain file name for an uploaded ``raw`` name, or None when nothing usable is left.

    Folders are dropped ("../../x.yaml" → "x.yaml"), anything but letters (Vietnamese
    included), digits and ``._-() `` becomes "_", and leading dots go, so the name can
    neither leave its folder nor be hidden; Windows device names ("CON", "COM¹.yaml",
    "COM1 .yaml") get a "_" in front; a long name is cut to ``NAME_LIMIT`` characters and
    ``NAME_BYTES`` bytes, its extension kept.
    """
    base = unicodedata.normalize("NFC", raw).replace("\\", "/").rsplit("/", 1)[-1]
    cleaned = "".join(ch if ch.isalnum() or ch in "._-() " else "_" for ch in base)
    cleaned = cleaned.strip(" ").lstrip(".").rstrip(". ")
    if not cleaned:
        return None
    stem, dot, suffix = cleaned.rpartition(".")
    if not dot:
        stem, suffix = cleaned, ""
    if _is_device(stem):
        cleaned, stem = "_" + cleaned, "_" + stem
    return _shortened(cleaned, stem, suffix)


def _is_device(stem: str) -> bool:
    """Whether Windows takes a file named ``stem`` (before its last dot) for a device."""
    first = unicodedata.normalize("NFKC", stem).split(".")[0].rstrip(" .")
    return first.upper() in _WINDOWS_DEVICES


def _shortened(name: str, stem: str, suffix: str) -> str:
    """``name`` within NAME_LIMIT characters and NAME_BYTES bytes, cut in its stem."""
    if len(name) <= NAME_LIMIT and len(name.encode("utf-8")) <= NAME_BYTES:
        return name
    tail = f".{suffix}" if suffix else ""
    room = NAME_BYTES - len(tail.encode("utf-8"))
    cut = stem[: NAME_LIMIT - len(tail)]
    while len(cut.encode("utf-8")) > room:
        cut = cut[:-1]
    return cut.rstrip(" .") + tail


def refusal(raw_name: str, accept: tuple[str, ...]) -> str | None:
    """Why a file named ``raw_name`` is not kept, or None when its kind is one of ``accept``."""
    base = raw_name.replace("\\", "/").rsplit("/", 1)[-1]
    if base.startswith("~$"):
        return "tệp tạm Word/Excel tạo khi đang mở một tệp (~$…), không phải dữ liệu"
    name = safe_name(raw_name)
    if name is None or base.startswith("."):
        return "tệp ẩn hoặc tên không dùng được"
    suffix = Path(name).suffix.lower()
    if suffix in accept:
        return None
    return _REASONS.get(suffix, f"không phải tệp cchc đọc được ({ACCEPTED})")


def _companion(raw_name: str) -> bool:
    """cchc's own files that are not data: a draft's change list, the page's launchers."""
    base = raw_name.replace("\\", "/").rsplit("/", 1)[-1]
    before, after = CHANGE_LIST.split("{year}")
    year = base.removeprefix(before).removesuffix(after)
    return base in (WINDOWS, OTHERS) or (
        base == before + year + after and year.isdecimal() and len(year) == 4
    )


def receive(
    uploads: Iterable[tuple[str, IO[bytes]]], folder: Path, accept: tuple[str, ...], *, units: bool = False
) -> Received:
    """Save the ``accept``-ed files of ``uploads`` into ``folder``; ZIPs are unpacked.

    ``units``: a ZIP keeps one folder level (a batch: one folder per unit).
    """
    received = Received()
    for raw_name, stream in uploads:
        if raw_name.lower().endswith(".zip"):
            _extract(raw_name, stream, folder, accept, received, units)
        else:
            save(raw_name, stream.read(MAX_UNPACKED + 1), folder, accept, received)
    return received


def save(raw_name: str, data: bytes, folder: Path, accept: tuple[str, ...], received: Received) -> None:
    """Save one file under its safe name, or note why not in ``received``; a file cchc itself puts
    beside the data (the change list of a draft, the launchers) is passed over without a word."""
    if _companion(raw_name):
        return
    reason = refusal(raw_name, accept)
    name = safe_name(raw_name)
    if reason is None and name is not None and (folder / name).exists():
        reason = (
            f"trùng tên với tệp {name} đã nhận; để thay tệp đó, dùng nút “Thay” cạnh {name} ở mục “Các tệp”"
        )
    if reason is None and len(data) > MAX_UNPACKED:
        reason = f"quá lớn (tối đa {MAX_UNPACKED // 2**20} MB)"
    if reason is not None or name is None:
        received.refused.append(f"{raw_name}: {reason}")
        return
    folder.mkdir(parents=True, exist_ok=True)
    try:
        (folder / name).write_bytes(data)
    except OSError as exc:
        full = exc.errno == errno.ENOSPC
        why = "ổ đĩa của máy đã đầy" if full else "máy không ghi được tệp tạm"
        raise RequestError(f"{raw_name}: không lưu được tệp tải lên ({why})") from exc
    received.saved.append(folder / name)


def _extract(
    raw_name: str, stream: IO[bytes], folder: Path, accept: tuple[str, ...], received: Received, units: bool
) -> None:
    """Save each file of a ZIP under its plain name (or unit folder); never a path from the archive."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(stream.read(MAX_UNPACKED + 1)))
    except zipfile.BadZipFile as exc:
        raise RequestError(f"{raw_name}: không phải tệp .zip hợp lệ") from exc
    with archive:
        members = [m for m in archive.infolist() if not m.is_dir() and "__MACOSX/" not in m.filename]
        if len(members) > MAX_MEMBERS:
            raise RequestError(
                f"{raw_name}: tệp .zip có quá nhiều tệp ({len(members)}; tối đa {MAX_MEMBERS})"
            )
        places = _unit_places([m.filename for m in members]) if units else {}
        unpacked = 0
        for member in members:
            data = _read_member(archive, member, MAX_UNPACKED + 1 - unpacked, raw_name)
            unpacked += len(data)
            if unpacked > MAX_UNPACKED:
                raise RequestError(
                    f"{raw_name}: nội dung giải nén quá lớn (tối đa {MAX_UNPACKED // 2**20} MB)"
                )
            unit = places.get(member.filename, "")
            save(member.filename, data, folder / unit if unit else folder, accept, received)


def _unit_places(names: list[str]) -> dict[str, str]:
    """The unit folder of each member of a batch ZIP, by a safe name ("": the top): the folder
    that holds the file ("cac_xa/xa_a/ke_hoach.docx" → "xa_a"), whatever lies above it."""
    places = {}
    for name in names:
        parts = [p for p in name.replace("\\", "/").split("/") if p not in ("", ".", "..")]
        places[name] = (safe_name(parts[-2]) or "") if len(parts) > 1 else ""
    return places


def _read_member(archive: zipfile.ZipFile, member: zipfile.ZipInfo, limit: int, raw_name: str) -> bytes:
    """At most ``limit`` bytes of ``member``: the size its header states may be a lie."""
    try:
        with archive.open(member) as opened:
            return opened.read(limit)
    except (zipfile.BadZipFile, RuntimeError, NotImplementedError, zlib.error, EOFError) as exc:
        raise RequestError(
            f"{raw_name}: không đọc được {member.filename} trong tệp .zip (hỏng hoặc có mật khẩu)"
        ) from exc
