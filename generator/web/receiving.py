"""The page's "Tổng hợp báo cáo đơn vị gửi về" (``cchc tong-hop``, docs/tong-hop.md): the Word
reports units sent (or a .zip of them), the period, and optionally the workbook listing the units
→ the consolidated tables as a .zip, and the list to act on shown on the page."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

from flask import Response, abort, render_template, request, send_from_directory

from generator.domain.periods import PERIODS, valid_year
from generator.errors import GeneratorError
from generator.web.common import site, uploaded, zipped
from generator.web.start import index
from generator.web.store import OUTPUTS
from generator.web.uploads import RequestError, receive

RESULTS = "tong_hop.zip"
REPORTS = (".docx", ".doc", ".odt", ".rtf")
UNIT_LISTS = (".xlsx", ".xlsm", ".xls", ".ods")


def receive_reports() -> str | tuple[str, int]:
    """The reports of the form's files → the tables (kept for download) and the list."""
    from generator.workflows.receiving import receive as consolidate

    work = site().store.scratch()
    reports, lists = work / "bao_cao", work / "danh_sach"
    try:
        period = _period()
        received = receive(uploaded("bao_cao"), reports, REPORTS)
        if not received.saved:
            raise RequestError("cần các tệp báo cáo Word (.docx, .doc, .odt) hoặc một tệp .zip chứa chúng",
                               received.refused)  # fmt: skip
        units = receive(uploaded("don_vi"), lists, UNIT_LISTS)
        result = consolidate(
            reports, period, work / "tong_hop", units=units.saved[0] if units.saved else None
        )
    except RequestError as exc:
        shutil.rmtree(work, ignore_errors=True)
        return index(form_errors=_hidden(work, exc.lines())), 400
    except GeneratorError as exc:
        shutil.rmtree(work, ignore_errors=True)
        return index(errors=_hidden(work, exc.lines())), 422
    (work / RESULTS).write_bytes(zipped(result.files, "cchc_tong_hop"))
    shutil.rmtree(reports, ignore_errors=True)
    return render_template(
        "tong_hop.html", key=work.name, files=[p.name for p in result.files], reports=result.reports,
        counted=result.counted, findings=result.findings, refused=[*received.refused, *units.refused],
    )  # fmt: skip


def results(key: str) -> Response:
    folder = site().store.root / key
    if not key.startswith("viec-") or not (folder / RESULTS).is_file():
        abort(404)
    return send_from_directory(folder, RESULTS, as_attachment=True, download_name="cchc_tong_hop.zip")


def _period() -> tuple[str, int]:
    code = request.form.get("ky", "").upper()
    year = request.form.get("nam", type=int)
    if code not in PERIODS or year is None or not valid_year(year):
        raise RequestError("cần chọn kỳ báo cáo và năm để tổng hợp")
    return code, year


def _hidden(folder: Path, lines: list[str]) -> list[str]:
    text = str(folder)
    return site().store.hidden(line.replace(text + "/", "").replace(text, OUTPUTS) for line in lines)


ROUTES: tuple[tuple[str, Callable[..., Any], str], ...] = (
    ("/tong-hop", receive_reports, "POST"),
    ("/tong-hop/<key>/ket-qua.zip", results, "GET"),
)
