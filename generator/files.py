"""Files cchc writes: always through a temporary file renamed into place, so a failure never
leaves a half-written document where an older one was."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from generator.errors import OutputError


def write_atomic(target: Path, data: bytes) -> None:
    """Write ``data`` to ``target`` through a temporary file, so a failure leaves it intact."""
    folder = target.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"{folder}: không tạo được thư mục đầu ra ({exc.strerror})") from exc
    if target.is_dir():
        raise OutputError(f"{target}: đường dẫn đầu ra là một thư mục, không phải tệp")
    try:
        handle, temp_name = tempfile.mkstemp(dir=folder, prefix=".cchc-", suffix=".tmp")
    except OSError as exc:
        raise OutputError(f"{folder}: không ghi được vào thư mục đầu ra ({exc.strerror})") from exc
    temp = Path(temp_name)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temp, target)
    except OSError as exc:
        with contextlib.suppress(OSError):
            temp.unlink()
        hint = (
            " (tệp đang mở trong Word? hãy đóng lại rồi chạy lại)" if isinstance(exc, PermissionError) else ""
        )
        raise OutputError(f"{target}: không ghi được tệp ({exc.strerror}){hint}") from exc
