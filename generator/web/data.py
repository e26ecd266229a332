"""The routes of one set of inputs: its page, adding, replacing and removing a file, its files as a
.zip, a progress workbook filled from its plan, and a template of the user's, checked first."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from flask import Response, abort, redirect, render_template, request, url_for
from werkzeug.wrappers import Response as BaseResponse

from generator.domain.periods import PERIODS, valid_year
from generator.errors import GeneratorError, Problems
from generator.inputs.folders import words_name
from generator.web.common import attachment, back_to_set, dataset_or_404, dataset_page, site, uploaded, zipped
from generator.web.uploads import RequestError, safe_name
from generator.workflows.survey import survey


def dataset_view(key: str) -> str:
    dataset = dataset_or_404(key)
    done, dataset.message = dataset.message, ""
    shown, dataset.pending = dataset.pending, {}
    return dataset_page(dataset, done=done, **shown)


def _changed(key: str, change: Callable[[], str]) -> BaseResponse:
    """Apply ``change`` to the set, then its page saying what was done; or why not."""
    dataset = dataset_or_404(key)
    try:
        dataset.message, dataset.pending = change(), {}
    except RequestError as exc:
        return back_to_set(dataset, form_errors=dataset.shown(exc.lines()))
    return redirect(url_for("dataset_view", key=key), 303)


def add_files(key: str) -> BaseResponse:
    def add() -> str:
        dataset = dataset_or_404(key)
        received = site().store.add_files(dataset, uploaded("tep"))
        dataset.refused = received.refused
        return "Đã thêm: " + ", ".join(p.name for p in received.saved)

    return _changed(key, add)


def replace_file(key: str, name: str) -> BaseResponse:
    def replace() -> str:
        files = uploaded("tep_moi")
        if len(files) != 1:
            raise RequestError(f"chưa chọn tệp mới để thay cho {name}")
        site().store.replace(dataset_or_404(key), name, files[0])
        return f"Đã thay {name} bằng {files[0][0]}; mỗi lần soạn, cchc đọc lại dữ liệu."

    return _changed(key, replace)


def remove_asked(key: str, name: str) -> str:
    """Before "Bỏ": the file the set loses (the person's own copy stays)."""
    dataset = dataset_or_404(key)
    if name not in dataset.files():
        abort(404)
    return render_template(
        "confirm.html",
        title=f"Bỏ {name}?",
        lost=[
            f"{name} ({', '.join(survey(dataset.inputs).roles.get(name, [])) or 'không dùng'}) khỏi bộ dữ liệu này"
        ],
        kept=["Tệp trên máy của bạn không đổi; muốn dùng lại thì thêm tệp đó lên."],
        action=url_for("remove_file", key=key, name=name),
        button=f"Bỏ {name}",
        back=url_for("dataset_view", key=key),
    )


def remove_file(key: str, name: str) -> BaseResponse:
    def remove() -> str:
        site().store.remove(dataset_or_404(key), name)
        return f"Đã bỏ {name}."

    return _changed(key, remove)


def inputs_zip(key: str) -> Response:
    """The set's input files as a working folder (after an import, the folder to keep)."""
    dataset = dataset_or_404(key)
    files = [dataset.inputs / name for name in dataset.files()]
    return Response(
        zipped(files, "cchc_du_lieu"), mimetype="application/zip", headers=attachment("cchc_du_lieu.zip")
    )


def _period_asked(what: str) -> tuple[str, int]:
    """The period and year the form chose (``?ky=Q1&nam=2023``); a ``RequestError`` naming ``what``."""
    code = request.args.get("ky", "").upper()
    year = request.args.get("nam", type=int)
    if code not in PERIODS or year is None or not valid_year(year):
        raise RequestError(f"cần chọn kỳ và năm báo cáo để tải {what}")
    return code, year


def report_words(key: str) -> Response | tuple[str, int]:
    """bao_cao_<kỳ>_<năm>.docx to fill: the report outline's headings, guidance under each, and the
    lines where cchc writes its figures (the file ``cchc init`` writes), named for the period asked."""
    dataset = dataset_or_404(key)
    try:
        code, year = _period_asked("lời văn báo cáo")
    except RequestError as exc:
        return dataset_page(dataset, form_errors=exc.lines()), 400
    from generator.workflows.report_files import blank_report_words, report_words_docx

    mimetype = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    name = words_name((code, year))
    return Response(report_words_docx(blank_report_words()), mimetype=mimetype, headers=attachment(name))


def progress_book(key: str) -> BaseResponse | tuple[str, int]:
    """A progress workbook for the period asked, its rows the plan's tasks (codes, names)."""
    dataset = dataset_or_404(key)
    try:
        code, year = _period_asked("bảng tiến độ")
    except RequestError as exc:
        return dataset_page(dataset, form_errors=exc.lines()), 400
    from generator.workflows.pipeline import load_plan
    from generator.workflows.workspace import earlier_states, progress_workbook

    problems = Problems()
    plan = load_plan([dataset.inputs], problems)
    if plan is None or problems.errors:
        return dataset_page(dataset, errors=dataset.shown(str(p) for p in problems.errors)), 422
    name = f"tien_do_{code.lower()}_{year}.xlsx"
    mimetype = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    found = survey(dataset.inputs)
    window = found.period(code, year).window_note(found.deadline_day)
    states = earlier_states(dataset.inputs, plan, (code, year))
    book = progress_workbook(plan, states, window)
    return Response(book, mimetype=mimetype, headers=attachment(name))


def template_upload(key: str) -> BaseResponse:
    """Check a template of the user's (``cchc template check`` against this set's data); keep it
    for its kind of document only when nothing is wrong."""
    dataset = dataset_or_404(key)
    files = uploaded("mau")
    name = safe_name(files[0][0]) if len(files) == 1 else None
    if name is None or Path(name).suffix.lower() != ".docx":
        return back_to_set(dataset, form_errors=["cần chọn một tệp mẫu Word .docx"])
    target = dataset.home / "mau" / name
    target.parent.mkdir(exist_ok=True)
    target.write_bytes(files[0][1].read())
    from generator.workflows.isolated import run_limited
    from generator.workflows.template_check import check_template

    try:  # the check renders it: in a child, as every render of a user's template on the page
        outcome = run_limited(check_template, target, dataset.inputs, template=name)
    except GeneratorError as exc:
        return back_to_set(dataset, errors=dataset.shown(exc.lines()))
    if outcome.findings:
        lines = [f"{name}, {f}" if f.place else f"{name}: {f}" for f in outcome.findings]
        return back_to_set(dataset, errors=lines)
    dataset.template = target
    report = outcome.data.startswith("báo cáo")
    dataset.template_kind = "bao_cao" if report else "ke_hoach"
    dataset.message = (
        f"Mẫu {name} không có lỗi (đối chiếu với dữ liệu {outcome.data}): từ nay dùng để soạn "
        f"{'báo cáo' if report else 'kế hoạch'}."
    )
    return redirect(url_for("dataset_view", key=key), 303)


def template_remove(key: str) -> BaseResponse:
    dataset = dataset_or_404(key)
    dataset.template, dataset.template_kind = None, ""
    return redirect(url_for("dataset_view", key=key), 303)


ROUTES: tuple[tuple[str, Callable[..., Any], str], ...] = (
    ("/bo/<key>", dataset_view, "GET"),
    ("/bo/<key>/them", add_files, "POST"),
    ("/bo/<key>/thay/<name>", replace_file, "POST"),
    ("/bo/<key>/bo-tep/<name>", remove_asked, "GET"),
    ("/bo/<key>/bo-tep/<name>", remove_file, "POST"),
    ("/bo/<key>/du-lieu.zip", inputs_zip, "GET"),
    ("/bo/<key>/bang-tien-do", progress_book, "GET"),
    ("/bo/<key>/loi-van-bao-cao", report_words, "GET"),
    ("/bo/<key>/mau", template_upload, "POST"),
    ("/bo/<key>/bo-mau", template_remove, "POST"),
)
