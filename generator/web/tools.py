"""The page's other tools: several units at once (``cchc batch``), the ND 30 check of any Word file
(``cchc check``), and "Tắt", which stops the server (its files are deleted as on Ctrl+C)."""

from __future__ import annotations

import shutil
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from flask import (
    Response,
    abort,
    current_app,
    redirect,
    render_template,
    request,
    send_from_directory,
    url_for,
)
from werkzeug.wrappers import Response as BaseResponse

from generator.errors import GeneratorError
from generator.web.common import back_to_start, site, uploaded, zipped
from generator.web.guard import one_time_code
from generator.web.running import CODE_PATH
from generator.web.store import OUTPUTS
from generator.web.uploads import DATA_SUFFIXES, RequestError, receive

RESULTS = "ket_qua.zip"
STOP_DELAY = 0.5  # seconds: the page saying so reaches the browser before the server stops


def _hidden(folder: Path, lines: list[str]) -> list[str]:
    """Problem lines with the request's folder taken out (files by their path in the upload)."""
    text = str(folder)
    return site().store.hidden(line.replace(text + "/", "").replace(text + "\\", "").replace(text, OUTPUTS)
                               for line in lines)  # fmt: skip


def batch() -> BaseResponse:
    """A .zip of unit folders → every unit's documents and the consolidated tables, as a .zip."""
    from generator.workflows import batch as batches

    work = site().store.scratch()
    inputs, out = work / "don_vi", work / "van_ban"
    try:
        received = receive(uploaded("lo"), inputs, DATA_SUFFIXES, units=True)
        if not received.saved:
            raise RequestError("cần một tệp .zip chứa thư mục của từng đơn vị", received.refused)
        result = batches.run(batches.discover(inputs), out)
    except RequestError as exc:
        shutil.rmtree(work, ignore_errors=True)
        return back_to_start(form_errors=_hidden(inputs, exc.lines()))
    except GeneratorError as exc:
        shutil.rmtree(work, ignore_errors=True)
        return back_to_start(errors=_hidden(inputs, exc.lines()))
    written = [*(outcome.path for _, outcome in result.written), *result.consolidated]
    (work / RESULTS).write_bytes(zipped(written, "cchc_van_ban", base=out))
    shutil.rmtree(inputs, ignore_errors=True)
    return _shown(
        "batch.html",
        key=work.name,
        refused=received.refused,
        written=[(job.label, outcome.path.name) for job, outcome in result.written],
        consolidated=[path.name for path in result.consolidated],
        failed=[(job.label, _hidden(inputs, lines)) for job, lines in result.failed],
    )


def _shown(template: str, **context: Any) -> BaseResponse:
    """Post/Redirect/Get for a tool's result: kept for this run, shown at its own address."""
    key = site().store.keep({"template": template, "context": context})
    return redirect(url_for("tool_result", key=key), 303)


def tool_result(key: str) -> str:
    """The result page of a batch or a check, as often as it is reloaded."""
    kept = site().store.kept(key) or abort(404)
    return render_template(kept["template"], **kept["context"])


def batch_results(key: str) -> Response:
    folder = site().store.root / key
    if not key.startswith("viec-") or not (folder / RESULTS).is_file():
        abort(404)
    return send_from_directory(folder, RESULTS, as_attachment=True, download_name="cchc_van_ban.zip")


def check() -> BaseResponse:
    """``cchc check`` on uploaded Word files: every finding, with its place, per file."""
    from generator.check.checker import check_files
    from generator.check.findings import Severity

    work = site().store.scratch()
    try:
        received = receive(uploaded("kiem_tra"), work, (".docx",))
        if not received.saved:
            return back_to_start(form_errors=["cần chọn tệp Word .docx để kiểm tra", *received.refused])
        outcome = check_files(received.saved)
        reports = [
            {
                "summary": _hidden(work, [r.summary()])[0],
                "problem": r.problem,
                "findings": [(str(f), f.severity is Severity.ERROR) for f in r.findings],
            }
            for r in outcome.reports
        ]
        return _shown("check.html", reports=reports, refused=received.refused, failed=outcome.failed)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def browser_code() -> Response:
    """A one-time code for the page's address (``guard.one_time_code``), asked by a second launch
    of cchc (which holds this run's secret) for the browser it opens."""
    return Response(one_time_code(current_app), mimetype="text/plain")


def stop_asked() -> str:
    """Before "Tắt": what stopping deletes (uploads, documents not yet downloaded), and a button
    that stops."""
    sets = site().store.sets()
    uploads = sum(len(s.files()) for s in sets if not s.pointed)
    made = sum(len(s.results) for s in sets)
    lost = [f"{uploads} tệp đã tải lên trang"] if uploads else []
    lost += (
        [f"{made} văn bản đã soạn trên trang (tải về những văn bản cần giữ trước khi tắt)"] if made else []
    )
    return render_template(
        "confirm.html",
        title="Tắt cchc?",
        lost=lost,
        kept=[
            "Các thư mục trên máy mà trang chỉ đọc không bị động tới. Muốn dùng lại: nhấp đúp Mo_trang_cchc."
        ],
        action=url_for("stop"),
        button="Tắt cchc",
        back=request.referrer or url_for("index"),
    )


def stop() -> tuple[str, int]:
    """Stop the server (after this page is sent); its uploads and documents are deleted."""
    stopping = site().stop
    if stopping is None:
        return render_template("error.html", message="Trang này không tắt được từ trình duyệt."), 400
    timer = threading.Timer(STOP_DELAY, stopping)
    timer.daemon = True
    timer.start()
    return render_template("stopped.html"), 200


ROUTES: tuple[tuple[str, Callable[..., Any], str], ...] = (
    ("/lo", batch, "POST"),
    ("/lo/<key>/ket-qua.zip", batch_results, "GET"),
    ("/kiem-tra", check, "POST"),
    ("/ket-qua/<key>", tool_result, "GET"),
    (CODE_PATH, browser_code, "POST"),
    ("/tat", stop_asked, "GET"),
    ("/tat", stop, "POST"),
)
