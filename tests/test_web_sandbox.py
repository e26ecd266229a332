"""A user's template on the page renders in a child process with memory and time limits: one
that exhausts them costs a message naming the template and the limit, and the page answers on
(issue #25 item 8, docs/security.md §8)."""

from __future__ import annotations

import io
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import docx
import pytest
from flask.testing import FlaskClient

from generator.domain.kinds import DocumentKind
from generator.errors import GeneratorError
from generator.web import documents
from generator.web.store import Store
from generator.workflows import isolated
from generator.workflows.request import Request
from generator.workflows.request import make as make_document
from tests.web_support import docx_text, make, problem_lines, refused, upload_folder

PLAN = "ke_hoach_cchc_2022_xa_loc_thuy.docx"
# Each value is within the render's bounds (under 10 million characters, no loop, nothing
# appended), yet the list holds 120 of them: about 1 GB.
MEMORY_HOG = "{% set a = 'x' * 9000000 %}{% set b = [" + ", ".join(f"a ~ {i}" for i in range(120)) + "] %}"
# Many sorts of 180,000 items, each under the render's own bounds: seconds in all.
SLOW = "{% for i in range(2000) %}{% set s = ((range(90000) | list) * 2) | sort | length %}{% endfor %}"


def template(folder: Path, text: str) -> Path:
    document = docx.Document()
    document.add_paragraph(f"KẾ HOẠCH NĂM {{{{ nam }}}}{text}")
    path = folder / "mau_rieng.docx"
    document.save(str(path))
    return path


def with_template(client: FlaskClient, store: Store, path: Path) -> str:
    """The example's set on the page, using the template ``path`` for its plan (as checked)."""
    page = upload_folder(client)
    dataset = store.get(page.rsplit("/", 1)[1])
    assert dataset is not None
    dataset.template, dataset.template_kind = path, "ke_hoach"
    return page


def still_answers(client: FlaskClient, page: str) -> None:
    assert client.get(page).status_code == 200


@pytest.mark.skipif(sys.platform == "win32", reason="Windows has no RLIMIT_AS: the time limit only")
def test_a_template_past_the_memory_limit_costs_a_message(
    client: FlaskClient, store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(isolated, "MEMORY_LIMIT", 400 * 2**20)
    page = with_template(client, store, template(tmp_path, MEMORY_HOG))
    answer = refused(client, make(client, page, loai="ke_hoach"))
    assert problem_lines(answer.text) == [
        "mau_rieng.docx: điền mẫu cần quá 400 MB bộ nhớ (giới hạn của trang); "
        "văn bản không được tạo; hãy bớt vòng lặp hoặc giá trị lớn trong mẫu"
    ]
    assert client.get(f"{page}/tai/{PLAN}").status_code == 404
    still_answers(client, page)


def test_a_template_past_the_time_limit_costs_a_message(
    client: FlaskClient, store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(isolated, "TIME_LIMIT", 1.0)
    page = with_template(client, store, template(tmp_path, SLOW))
    answer = refused(client, make(client, page, loai="ke_hoach"))
    assert problem_lines(answer.text) == [
        "mau_rieng.docx: điền mẫu quá 1 giây (giới hạn của trang); "
        "văn bản không được tạo; hãy bớt vòng lặp hoặc giá trị lớn trong mẫu"
    ]
    assert client.get(f"{page}/tai/{PLAN}").status_code == 404
    still_answers(client, page)


def test_the_template_check_on_upload_is_limited_too(
    client: FlaskClient, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(isolated, "TIME_LIMIT", 1.0)
    page = upload_folder(client)
    data = template(tmp_path, SLOW).read_bytes()
    answer = refused(client, client.post(f"{page}/mau", data={"mau": (io.BytesIO(data), "mau_rieng.docx")}))
    assert problem_lines(answer.text)[0].startswith(
        "mau_rieng.docx: điền mẫu quá 1 giây (giới hạn của trang)"
    )
    assert "từ nay dùng để soạn" not in answer.text
    still_answers(client, page)


def test_a_normal_template_renders_in_the_child_as_in_process(
    client: FlaskClient, store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[str] = []

    def counted(call: Callable[..., Any], *args: Any, template: str) -> Any:
        calls.append(template)
        return isolated.run_limited(call, *args, template=template)

    monkeypatch.setattr(documents, "run_limited", counted)
    path = template(tmp_path, "")
    page = with_template(client, store, path)
    made = make(client, page, loai="ke_hoach")
    on_page = docx_text(client.get(f"{page}/tai/{PLAN}").data)
    dataset = store.get(page.rsplit("/", 1)[1])
    assert dataset is not None
    here = make_document(Request(DocumentKind.PLAN, (dataset.inputs,), tmp_path / "here", template=path))
    assert made.status_code == 303
    assert calls == ["mau_rieng.docx"]
    assert on_page == docx_text(here.path.read_bytes()) == "KẾ HOẠCH NĂM 2022"


def test_cchc_own_templates_render_in_process(client: FlaskClient, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("a bundled template went to a child process")

    monkeypatch.setattr(documents, "run_limited", refuse)
    page = upload_folder(client)
    assert make(client, page, loai="ke_hoach").status_code == 303
    assert "KẾ HOẠCH" in docx_text(client.get(f"{page}/tai/{PLAN}").data)


def test_a_template_error_in_the_child_reads_as_in_process(
    client: FlaskClient, store: Store, tmp_path: Path
) -> None:
    path = template(tmp_path, " {{ ten_khong_co }}")
    page = with_template(client, store, path)
    answer = refused(client, make(client, page, loai="ke_hoach"))
    dataset = store.get(page.rsplit("/", 1)[1])
    assert dataset is not None
    with pytest.raises(GeneratorError) as raised:
        make_document(Request(DocumentKind.PLAN, (dataset.inputs,), tmp_path / "here", template=path))
    assert problem_lines(answer.text) == raised.value.lines()
    assert "ten_khong_co" in raised.value.lines()[0]
