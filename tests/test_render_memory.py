"""A large part is rendered in memory close to its own size (bench case (h) at test scale).

Jinja's output is encoded chunk by chunk as it comes (``render.engine._generate``), so a part is
held once, as UTF-8 bytes, never as Python text or as Jinja's list of pieces.

The bound, from a measurement (CPython 3.11, a 5,000-row appendix, document.xml 6.8 MiB): the
render's peak was 9.8 MiB, 1.44× the part: one copy of the part as bytes with about 15% of
buffer slack, its deflated copy, and about 2 MiB that does not grow with the table (the other
parts, Jinja's frames). Rendering to text first (``template.render(context).encode()``) or
joining Jinja's pieces measured 4.8×. The bound, 2×, leaves room for another Python's
allocator and fails on either of those.
"""

from __future__ import annotations

import tracemalloc
from typing import Any

import pytest

from generator.errors import Problems
from generator.render import engine
from generator.render.bundled import template
from generator.render.engine import PreparedTemplate
from generator.render.plan_context import plan_context
from generator.workflows.pipeline import load_plan
from tests.conftest import EXAMPLE

ROWS = 5_000
BOUND = 2.0


@pytest.fixture(scope="module")
def big_plan() -> dict[str, Any]:
    """The example plan's context with ``ROWS`` appendix rows spread over its groups."""
    plan = load_plan([EXAMPLE], Problems())
    assert plan is not None
    context = plan_context(plan)
    groups = context["phu_luc"]["nhom"]
    tasks = [task for group in groups for task in group["nhiem_vu"]]
    for group in groups:
        count = ROWS // len(groups)
        group["nhiem_vu"] = [dict(tasks[i % len(tasks)], stt=str(i + 1)) for i in range(count)]
    return context


def peak_and_part(context: dict[str, Any]) -> tuple[int, int]:
    """The render's peak of traced memory, and the size of the rendered document.xml."""
    prepared = PreparedTemplate(template("ke_hoach.docx"))
    part = len(prepared.templates["word/document.xml"].render(context).encode("utf-8"))
    tracemalloc.start()
    try:
        prepared.render(context)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return peak, part


def test_render_peak_stays_near_the_part_size(big_plan: dict[str, Any]) -> None:
    peak, part = peak_and_part(big_plan)
    assert part > 5 * 2**20  # the table dominates: the bound is about the part, not the rest
    assert peak < BOUND * part, f"peak {peak / 2**20:.1f} MiB for a {part / 2**20:.1f} MiB part"


def test_holding_the_part_as_text_breaks_the_bound(
    big_plan: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The check can fail: the plain Jinja way (text, then bytes) is over the bound."""
    monkeypatch.setattr(engine, "_generate", lambda part, context: part.render(context).encode())
    peak, part = peak_and_part(big_plan)
    assert peak > BOUND * part
