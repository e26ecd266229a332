"""The template sandbox bounds what a template holds and how long one step runs, not only what it prints.

`str.format` with a width of 4,000,000,000 reached 3.85 GB (Jinja wraps `str.format` when it is
read, so the width check on calls never saw it); `list.append` and `dict.update` of 9 MB values
filled 6 GB; the clock, read every 1,024 steps, let a render that sorts a million items per step
run far past its 60 seconds. Each template here is rendered as a user's template is.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.errors import RenderError
from generator.render import limits
from generator.render.engine import PreparedTemplate
from tests.test_render import make_template


def refusal(tmp_path: Path, text: str) -> str:
    template = make_template(tmp_path / "mau.docx", text)
    with pytest.raises(RenderError) as refused:
        PreparedTemplate(template).render({})
    return str(refused.value)


@pytest.mark.parametrize(
    "text",
    [
        "{{ '{:>40000000}'.format(1) }}",
        "{{ '{:>{}}'.format(1, 40000000) }}",
        "{{ '{0:>40000000}'.format_map({}) }}",
    ],
    ids=["width", "nested-width", "format-map"],
)
def test_str_format_widths_are_checked(tmp_path: Path, text: str) -> None:
    message = refusal(tmp_path, text)
    assert (
        "chuỗi định dạng tạo ra giá trị quá lớn" in message
        or "hàm format() tạo ra giá trị quá lớn" in message
    )


@pytest.mark.parametrize(
    "text",
    [
        "{% set kept = [] %}{% for i in range(30) %}{% set _ = kept.append('x' * 5000000 ~ i) %}{% endfor %}",
        "{% set kept = {} %}{% for i in range(30) %}{% set _ = kept.update({i: 'x' * 5000000 ~ i}) %}{% endfor %}",
        "{% set kept = [] %}{% for i in range(30) %}{% set _ = kept.extend(['x' * 5000000 ~ i]) %}{% endfor %}",
    ],
    ids=["append", "update", "extend"],
)
def test_what_containers_hold_is_bounded(tmp_path: Path, text: str) -> None:
    assert "mẫu đưa quá 50 triệu ký tự vào danh sách hoặc từ điển" in refusal(tmp_path, text)


def test_the_clock_is_read_after_each_call(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "MAX_SECONDS", 0.5)
    text = (
        "{% set big = (range(100000)|list) * 10 %}"
        "{% for i in range(200) %}{% set _ = big.sort(reverse=(i % 2 == 0)) %}{% endfor %}"
    )
    assert "điền mẫu quá 0.5 giây" in refusal(tmp_path, text)


def test_a_filter_that_orders_millions_of_items_is_refused(tmp_path: Path) -> None:
    """`('ba' * 4000000) | sort` ran for seconds in one filter call, twenty of them past 160 s."""
    assert "bộ lọc sort: tối đa 200.000 phần tử" in refusal(
        tmp_path, "{{ ('ba' * 4000000) | sort | length }}"
    )


def test_the_clock_is_read_after_each_filter(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "MAX_SECONDS", 0.3)
    text = "{% for i in range(100000) %}{{ ((range(90000)|list) * 2) | sort | length }}{% endfor %}"
    assert "điền mẫu quá 0.3 giây" in refusal(tmp_path, text)


def test_ordering_a_table_still_works(tmp_path: Path) -> None:
    template = make_template(tmp_path / "mau.docx", "{{ [3, 1, 2] | sort | join(',') }}")
    PreparedTemplate(template).render({})
