"""Files to double-click in a working folder: they open the cchc page on that folder.

``cchc init`` writes two: ``Mo_trang_cchc.cmd`` for Windows (a batch file: Windows runs it on a
double-click, with no association to set up) and ``Mo_trang_cchc.command`` for macOS (Finder
runs a ``.command`` in Terminal; on Linux, a file manager offers to run it). Each one runs
``cchc serve`` on its own folder with, in order: the Python that wrote it (the usual case:
the same computer), a ``cchc`` on the PATH, or a Python that has cchc installed. When none has
cchc, it says so and, if a cchc wheel (``cchc-*.whl``) was put beside it, offers to install
that with ``pip install --user`` (which needs the network for cchc's libraries); nothing is
installed without the person pressing a key first.
"""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

from generator.errors import OutputError, os_reason
from generator.files import write_atomic

WINDOWS = "Mo_trang_cchc.cmd"
OTHERS = "Mo_trang_cchc.command"
_WINDOWS_TEXT = r"""@echo off
rem Nhap dup tep nay de mo trang cchc cho thu muc nay (tep do cchc init tao).
chcp 65001 >nul
setlocal
set "CCHC_PYTHON={python}"
set "HERE=%~dp0."
if exist "%CCHC_PYTHON%" (
  "%CCHC_PYTHON%" -m generator --version 2>nul | findstr /b "cchc" >nul && (
    "%CCHC_PYTHON%" -m generator serve "%HERE%" %*
    goto :done
  )
)
where cchc >nul 2>nul && (
  cchc serve "%HERE%" %*
  goto :done
)
py -m generator --version 2>nul | findstr /b "cchc" >nul && (
  py -m generator serve "%HERE%" %*
  goto :done
)
echo cchc chưa được cài trên máy này.
for %%W in ("%~dp0cchc-*.whl") do (
  echo Tìm thấy tệp cài đặt %%~nxW. Nhấn phím bất kỳ để cài bằng lệnh:
  echo   py -m pip install --user "%%~fW"
  echo ^(cần mạng Internet để tải các thư viện đi kèm; đóng cửa sổ này nếu không muốn cài^)
  pause >nul
  py -m pip install --user "%%~fW" && (
    py -m generator serve "%HERE%" %*
    goto :done
  )
)
echo Cách cài: cài Python 3.11 trở lên từ python.org (đánh dấu "Add python.exe to PATH"), chép tệp
echo cài đặt cchc-....whl vào thư mục này rồi nhấp đúp lại tệp này; xem README của cchc.
echo.
echo Nhấn phím bất kỳ để đóng cửa sổ này.
pause >nul
exit /b 1
:done
echo.
echo Trang cchc đã tắt. Nhấn phím bất kỳ để đóng cửa sổ này.
pause >nul
"""
_OTHERS_TEXT = """#!/bin/sh
# Nhấp đúp tệp này để mở trang cchc cho thư mục này (tệp do cchc init tạo).
cd "$(dirname "$0")" || exit 1
CCHC_PYTHON='{python}'
is_cchc() {{ "$@" -m generator --version 2>/dev/null | grep -q '^cchc'; }}
if [ -x "$CCHC_PYTHON" ] && is_cchc "$CCHC_PYTHON"; then
  "$CCHC_PYTHON" -m generator serve . "$@"
elif command -v cchc >/dev/null 2>&1; then
  cchc serve . "$@"
elif is_cchc python3; then
  python3 -m generator serve . "$@"
else
  echo "cchc chưa được cài trên máy này."
  for wheel in ./cchc-*.whl; do
    [ -f "$wheel" ] || continue
    echo "Tìm thấy tệp cài đặt $wheel. Nhấn Enter để cài bằng lệnh:"
    echo "  python3 -m pip install --user $wheel"
    echo "(cần mạng Internet để tải các thư viện đi kèm; đóng cửa sổ này nếu không muốn cài)"
    read -r _
    python3 -m pip install --user "$wheel" && python3 -m generator serve . "$@"
    exit
  done
  echo "Cách cài: cài Python 3.11 trở lên, chép tệp cài đặt cchc-....whl vào thư mục này rồi"
  echo "nhấp đúp lại tệp này; xem README của cchc."
  printf 'Nhấn Enter để đóng.'
  read -r _
fi
"""


def write_launchers(folder: Path, python: str | None = None) -> list[Path]:
    """Write both launchers into ``folder`` (replacing older ones); the paths written.

    ``python`` is the interpreter they try first (default: the one running now).
    """
    python = python or sys.executable
    windows, others = folder / WINDOWS, folder / OTHERS
    text = _WINDOWS_TEXT.format(python=python.replace("%", "%%")).replace("\n", "\r\n")
    write_atomic(windows, text.encode("utf-8"))
    write_atomic(others, _OTHERS_TEXT.format(python=python.replace("'", "'\\''")).encode("utf-8"))
    if os.name == "posix":  # runnable, for whoever may read it
        mode = stat.S_IMODE(others.stat().st_mode)
        others.chmod(mode | ((mode & 0o444) >> 2))
    return [windows, others]


def save_folder(files: list[Path], target: Path) -> list[Path]:
    """A new working folder ``target`` holding copies of ``files`` and the launchers (next year's
    data, saved beside this year's); an ``OutputError`` when ``target`` exists: nothing is
    overwritten."""
    try:
        target.mkdir()
    except OSError as exc:
        reason = (
            "đã có thư mục này; đổi tên hoặc xóa thư mục đó rồi làm lại"
            if target.exists()
            else os_reason(exc)
        )
        raise OutputError(f"{target}: không tạo được thư mục ({reason})") from exc
    written = []
    for path in files:
        write_atomic(target / path.name, path.read_bytes())
        written.append(target / path.name)
    return written + write_launchers(target)
