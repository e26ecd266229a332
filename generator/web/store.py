"""The server's own working folder: uploaded input sets, folders the user points at, outputs.

Nothing outside this folder is written, and nothing outside it is read except a folder the
user names (read only: its documents are written here). Uploaded names are reduced to a
plain file name; ZIP members are extracted by that name only (no folders, so no zip-slip),
within limits on their number and unpacked size. ``close`` deletes everything.
"""

from __future__ import annotations

import errno
import io
import os
import secrets
import shutil
import threading
import unicodedata
import zipfile
import zlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from generator.errors import GeneratorError
from generator.workflows.documents import Outcome

INPUT_SUFFIXES = (".yaml", ".yml", ".xlsx")
MAX_MEMBERS = 200
MAX_UNPACKED = 50 * 1024 * 1024
NAME_LIMIT = 120  # characters
NAME_BYTES = 180  # bytes in UTF-8: most file systems allow 255 (84 Vietnamese letters are 252)
UPLOADED = "các tệp đã tải lên"  # how problem lines name the upload folder itself
OUTPUTS = "thư mục văn bản của trang"  # how problem lines name the server's own folders
# Names Windows gives to devices, whatever the extension; COM0 and LPT0 are reserved too, and
# Windows reads the superscript digits (COM¹) as plain ones (NFKC folds them for the check).
_WINDOWS_DEVICES = {
    "CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$", "CLOCK$",
    *(f"{d}{i}" for d in ("COM", "LPT") for i in range(10)),
}  # fmt: skip


class RequestError(GeneratorError):
    """A request the server refuses (an upload, a folder, a choice); the message says why, in Vietnamese."""


@dataclass
class DataSet:
    """One set of inputs: uploaded into the server's folder, or a folder of the user's (read only)."""

    key: str
    inputs: Path
    outputs: Path
    pointed: bool = False
    notices: list[str] = field(default_factory=list)
    results: dict[str, Outcome] = field(default_factory=dict)  # document file name → its run

    def files(self) -> list[str]:
        """The input files the pipeline will consider, by name (none once a folder is gone)."""
        if not self.inputs.is_dir():
            return []
        return sorted(
            p.name for p in self.inputs.iterdir() if p.is_file() and p.suffix.lower() in INPUT_SUFFIXES
        )

    def workbooks(self) -> list[str]:
        return [name for name in self.files() if name.lower().endswith(".xlsx")]

    def shown(self, lines: Iterable[str]) -> list[str]:
        """Problem lines as the user knows the files: uploaded files and written documents by
        their name alone, never by the server's temporary folder.

        A folder the user pointed at is named in full, as ``cchc`` on the command line would.
        """
        folders = [(str(self.outputs), OUTPUTS)] + ([] if self.pointed else [(str(self.inputs), UPLOADED)])
        shown = []
        for line in lines:
            for folder, name in folders:
                line = line.replace(folder + os.sep, "").replace(folder, name)
            shown.append(line)
        return shown


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


class Store:
    """Every data set of one server run, under ``root`` (created and later deleted by the server)."""

    def __init__(self, root: Path) -> None:
        self.root = root
        root.mkdir(parents=True, exist_ok=True)
        self._sets: dict[str, DataSet] = {}
        self._lock = threading.Lock()

    def get(self, key: str) -> DataSet | None:
        with self._lock:
            return self._sets.get(key)

    def add_upload(self, uploads: Iterable[tuple[str, IO[bytes]]]) -> DataSet:
        """Store uploaded files (``.yaml``, ``.xlsx``, or ``.zip`` of a working folder) as a new set."""
        dataset = self._new(None)
        try:
            for raw_name, stream in uploads:
                if raw_name.lower().endswith(".zip"):
                    _extract(raw_name, stream, dataset)
                else:
                    _save(raw_name, stream.read(MAX_UNPACKED + 1), dataset)
            if not dataset.files():
                raise RequestError(
                    "không có tệp dữ liệu nào (cần tệp .yaml, .xlsx hoặc một tệp .zip chứa chúng)"
                )
        except BaseException:  # whatever went wrong, no half-filled set stays on disk
            self._discard(dataset)
            raise
        return dataset

    def add_folder(self, text: str) -> DataSet:
        """Use the user's own folder ``text`` (read only) as a new set."""
        folder = Path(text.strip().strip('"')).expanduser()
        if not text.strip() or not folder.is_absolute():
            raise RequestError(f"{text}: cần đường dẫn đầy đủ của thư mục, ví dụ D:\\CCHC\\2022 hoặc /home/…")
        if not folder.is_dir():
            raise RequestError(f"{folder}: không tìm thấy thư mục")
        dataset = self._new(folder.resolve())
        if not dataset.files():
            self._discard(dataset)
            raise RequestError(f"{folder}: thư mục không có tệp .yaml hoặc .xlsx nào")
        return dataset

    def close(self) -> None:
        """Delete everything the server wrote (uploads and outputs)."""
        shutil.rmtree(self.root, ignore_errors=True)

    def hidden(self, lines: Iterable[str]) -> list[str]:
        """``lines`` without the server's own folder, which the page never shows."""
        root = str(self.root)
        return [line.replace(root + os.sep, "").replace(root, OUTPUTS) for line in lines]

    def _discard(self, dataset: DataSet) -> None:
        with self._lock:
            del self._sets[dataset.key]
        shutil.rmtree(self.root / dataset.key, ignore_errors=True)

    def _new(self, pointed: Path | None) -> DataSet:
        key = secrets.token_hex(8)
        home = self.root / key
        (home / "outputs").mkdir(parents=True)
        inputs = pointed or home / "inputs"
        inputs.mkdir(exist_ok=True)
        dataset = DataSet(key, inputs, home / "outputs", pointed=pointed is not None)
        with self._lock:
            self._sets[key] = dataset
        return dataset


def _save(raw_name: str, data: bytes, dataset: DataSet) -> None:
    base = raw_name.replace("\\", "/").rsplit("/", 1)[-1]
    name = safe_name(raw_name)
    if name is None or base.startswith(("~$", ".")) or Path(name).suffix.lower() not in INPUT_SUFFIXES:
        dataset.notices.append(f"{raw_name}: bỏ qua (chỉ nhận tệp .yaml, .yml, .xlsx hoặc .zip)")
        return
    target = dataset.inputs / name
    if target.exists():
        dataset.notices.append(f"{raw_name}: bỏ qua vì trùng tên với tệp {name} đã nhận")
        return
    if len(data) > MAX_UNPACKED:
        dataset.notices.append(f"{raw_name}: bỏ qua vì quá lớn")
        return
    try:
        target.write_bytes(data)
    except OSError as exc:
        full = exc.errno == errno.ENOSPC
        reason = "ổ đĩa của máy đã đầy" if full else "máy không ghi được tệp tạm"
        raise RequestError(f"{raw_name}: không lưu được tệp tải lên ({reason})") from exc


def _extract(raw_name: str, stream: IO[bytes], dataset: DataSet) -> None:
    """Save each data file of a ZIP under its plain name; never a path taken from the archive."""
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
        unpacked = 0
        for member in members:
            data = _read_member(archive, member, MAX_UNPACKED + 1 - unpacked, raw_name)
            unpacked += len(data)
            if unpacked > MAX_UNPACKED:
                raise RequestError(
                    f"{raw_name}: nội dung giải nén quá lớn (tối đa {MAX_UNPACKED // 2**20} MB)"
                )
            _save(member.filename, data, dataset)


def _read_member(archive: zipfile.ZipFile, member: zipfile.ZipInfo, limit: int, raw_name: str) -> bytes:
    """At most ``limit`` bytes of ``member``: the size its header states may be a lie."""
    try:
        with archive.open(member) as opened:
            return opened.read(limit)
    except (zipfile.BadZipFile, RuntimeError, NotImplementedError, zlib.error, EOFError) as exc:
        raise RequestError(
            f"{raw_name}: không đọc được {member.filename} trong tệp .zip (hỏng hoặc có mật khẩu)"
        ) from exc
