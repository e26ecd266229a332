"""The server's own working folder: the sets of inputs the page works on, and what it wrote.

Nothing outside this folder is written, and nothing outside it is read except a folder the
user names (read only: its documents are written here) and cchc's own example. Uploads go
through ``uploads`` (safe names, limits, reasons for refused files). ``close`` deletes
everything.
"""

from __future__ import annotations

import os
import secrets
import shutil
import threading
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from generator.inputs.formats import is_complete_document
from generator.web.uploads import DATA_SUFFIXES, Received, RequestError, receive, save
from generator.workflows.documents import Outcome
from generator.workflows.template_check import example_folder

UPLOADED = "các tệp đã tải lên"  # how problem lines name the upload folder itself
OUTPUTS = "thư mục văn bản của trang"  # how problem lines name the server's own folders
WHOLE_DOCUMENT = (
    "là văn bản hoàn chỉnh (có Quốc hiệu), không phải tệp dữ liệu: để lấy dữ liệu từ một kế hoạch "
    "đã soạn bằng Word, dùng mục “Đã có kế hoạch năm trước bằng Word?” ở trang đầu"
)


@dataclass
class DataSet:
    """One set of inputs: uploaded into the server's folder, or a folder of the user's (read only)."""

    key: str
    inputs: Path
    outputs: Path
    pointed: bool = False
    refused: list[str] = field(default_factory=list)  # files left out, each with the reason
    notices: list[str] = field(default_factory=list)  # what the person should know (import …)
    results: dict[str, Outcome] = field(default_factory=dict)  # document file name → its run
    notes: dict[str, list[str]] = field(default_factory=dict)  # document file name → page's cautions
    template: Path | None = None  # a checked template of the user's, for ``template_kind``
    template_kind: str = ""  # "ke_hoach" or "bao_cao"
    message: str = ""  # what the last change did, said once on the next page
    pending: dict[str, Any] = field(default_factory=dict)  # what a refused POST shows once on the next page

    @property
    def home(self) -> Path:
        return self.outputs.parent

    def files(self) -> list[str]:
        """The input files the pipeline will consider, by name (none once a folder is gone)."""
        if not self.inputs.is_dir():
            return []
        return sorted(
            p.name for p in self.inputs.iterdir()
            if p.is_file() and p.suffix.lower() in DATA_SUFFIXES and not p.name.startswith((".", "~$"))
        )  # fmt: skip

    def shown(self, lines: Iterable[str]) -> list[str]:
        """Problem lines as the user knows the files: uploaded files and written documents by
        their name alone, never by the server's temporary folder.

        A folder the user pointed at is named in full, as ``cchc`` on the command line would.
        """
        folders = [(str(self.outputs), OUTPUTS), (str(self.home), OUTPUTS)]
        folders += [] if self.pointed else [(str(self.inputs), UPLOADED)]
        folders.sort(key=lambda pair: -len(pair[0]))  # home holds the others: last
        shown = []
        for line in lines:
            for folder, name in folders:
                line = line.replace(folder + os.sep, "").replace(folder, name)
            shown.append(line)
        return shown


class Store:
    """Every data set of one server run, under ``root`` (created and later deleted by the server)."""

    def __init__(self, root: Path) -> None:
        self.root = root
        root.mkdir(parents=True, exist_ok=True)
        self._sets: dict[str, DataSet] = {}
        self._pending: dict[str, dict[str, Any]] = {}
        self._lock = threading.Lock()

    def get(self, key: str) -> DataSet | None:
        with self._lock:
            return self._sets.get(key)

    def keep(self, shown: dict[str, Any]) -> str:
        """Keep what a refused POST on the first page shows (Post/Redirect/Get); its key."""
        key = secrets.token_hex(8)
        with self._lock:
            self._pending[key] = shown
        return key

    def take(self, key: str) -> dict[str, Any]:
        """What ``keep`` kept under ``key``, once."""
        with self._lock:
            return self._pending.pop(key, {})

    def kept(self, key: str) -> dict[str, Any] | None:
        """What ``keep`` kept under ``key`` (a result page, shown as often as it is reloaded)."""
        with self._lock:
            return self._pending.get(key)

    def sets(self) -> list[DataSet]:
        """Every set of this run, oldest first (the first page leads back to each)."""
        with self._lock:
            return list(self._sets.values())

    def add_upload(self, uploads: Iterable[tuple[str, IO[bytes]]]) -> DataSet:
        """Store uploaded files (``.docx``, ``.xlsx``, ``.yaml``, or ``.zip`` of a working folder) as a new set."""
        dataset = self._new(None)
        try:
            received = receive(uploads, dataset.inputs, DATA_SUFFIXES)
            _drop_whole_documents(received)
            dataset.refused = received.refused
            if not dataset.files():
                raise RequestError(f"không có tệp dữ liệu nào ({_accepted()})", received.refused)
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
        opened = next((s for s in self.sets() if s.pointed and s.inputs == folder.resolve()), None)
        if opened is not None:  # a second launch on the same folder: its set, with what was made
            return opened
        dataset = self._new(folder.resolve())
        if not dataset.files():
            self._discard(dataset)
            raise RequestError(f"{folder}: thư mục không có tệp dữ liệu nào (.docx, .xlsx, .yaml)")
        return dataset

    def add_paths(self, paths: Iterable[Path]) -> DataSet:
        """A new set holding copies of the data files among ``paths`` (next year's, from a draft)."""
        dataset = self._new(None)
        for path in paths:
            if path.suffix.lower() in DATA_SUFFIXES:
                shutil.copyfile(path, dataset.inputs / path.name)
        return dataset

    def add_example(self) -> DataSet:
        """A copy of cchc's example (never the example itself, which may be the repository's)."""
        dataset = self._new(None)
        for path in sorted(example_folder().iterdir()):
            if path.suffix.lower() in DATA_SUFFIXES:
                shutil.copyfile(path, dataset.inputs / path.name)
        return dataset

    def add_files(self, dataset: DataSet, uploads: Iterable[tuple[str, IO[bytes]]]) -> Received:
        """Add uploaded files to an uploaded set; a file with a name already there is refused."""
        _writable(dataset)
        received = receive(uploads, dataset.inputs, DATA_SUFFIXES)
        _drop_whole_documents(received)
        if not received.saved:
            raise RequestError(f"không thêm được tệp nào ({_accepted()})", received.refused)
        return received

    def replace(self, dataset: DataSet, name: str, upload: tuple[str, IO[bytes]]) -> None:
        """Replace the input ``name`` of an uploaded set by the uploaded file (kept under ``name``,
        which may name its period); the old file stays when the new one is refused."""
        _writable(dataset)
        old = self._input(dataset, name)
        raw_name, stream = upload
        if Path(raw_name).suffix.lower() != old.suffix.lower():
            raise RequestError(f"{raw_name}: cần một tệp {old.suffix} để thay cho {name}")
        staging = dataset.home / "thay"
        shutil.rmtree(staging, ignore_errors=True)
        received = Received()
        save(raw_name, stream.read(), staging, DATA_SUFFIXES, received)
        _drop_whole_documents(received)
        if not received.saved:
            raise RequestError(f"không thay được {name}", received.refused)
        os.replace(received.saved[0], old)
        shutil.rmtree(staging, ignore_errors=True)

    def remove(self, dataset: DataSet, name: str) -> None:
        _writable(dataset)
        self._input(dataset, name).unlink()

    def close(self) -> None:
        """Delete everything the server wrote (uploads and outputs)."""
        shutil.rmtree(self.root, ignore_errors=True)

    def hidden(self, lines: Iterable[str]) -> list[str]:
        """``lines`` without the server's own folder, which the page never shows."""
        root = str(self.root)
        return [line.replace(root + os.sep, "").replace(root, OUTPUTS) for line in lines]

    def scratch(self) -> Path:
        """A new private folder under the store, for one request's files (a check, a batch)."""
        folder = self.root / f"viec-{secrets.token_hex(8)}"
        folder.mkdir()
        return folder

    def _input(self, dataset: DataSet, name: str) -> Path:
        if name not in dataset.files():
            raise RequestError(f'không có tệp "{name}" trong dữ liệu đã nhận')
        return dataset.inputs / name

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

    def new_set(self) -> DataSet:
        """An empty uploaded set (for ``cchc import``'s working folder)."""
        return self._new(None)

    def discard(self, dataset: DataSet) -> None:
        self._discard(dataset)


def _accepted() -> str:
    return "cần tệp Word .docx, Excel .xlsx, .yaml hoặc một tệp .zip chứa chúng"


def _writable(dataset: DataSet) -> None:
    if dataset.pointed:
        raise RequestError(
            "thư mục trên máy này chỉ được đọc: hãy sửa, thêm hoặc bỏ tệp ngay trong thư mục rồi soạn lại"
        )


def _drop_whole_documents(received: Received) -> None:
    """A whole ND 30 document (a plan to import, a document cchc wrote) is not an input: say so."""
    for path in [p for p in received.saved if p.suffix.lower() == ".docx" and is_complete_document(p)]:
        path.unlink()
        received.saved.remove(path)
        received.refused.append(f"{path.name}: {WHOLE_DOCUMENT}")
