"""Rates in Decimal, rounded once; targets compared with their operator; task states."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from generator.domain.formatting import vn_percent
from generator.domain.indicators import (
    DONE,
    FAIL,
    NOT_STARTED,
    ONGOING,
    PASS,
    STATES,
    compare,
    rate,
    task_state,
    verdict,
)


@pytest.mark.parametrize(
    ("numerator", "denominator", "printed"),
    [(13, 16, "81,3%"), (377, 379, "99,5%"), (117, 384, "30,5%"), (0, 5, "0%"), (5, 5, "100%"), (1, 3, "33,3%"),
     (0, 0, "không phát sinh")],
    ids=["half-up", "on-time", "online", "none", "all", "third", "zero-denominator"],
)  # fmt: skip
def test_rate_printing(numerator: int, denominator: int, printed: str) -> None:
    assert vn_percent(rate(numerator, denominator)) == printed


def test_rate_is_exact_until_printed() -> None:
    assert rate(13, 16) == Decimal("0.8125")


@pytest.mark.parametrize(
    ("value", "comparison", "target", "expected"),
    [
        ("98", ">", "98", False), ("98.1", ">", "98", True), ("95", ">=", "95", True),
        ("94.99", ">=", "95", False), ("4.9", "<", "5", True), ("5", "<", "5", False),
        ("5", "<=", "5", True), ("100", "=", "100", True),
    ],
)  # fmt: skip
def test_compare(value: str, comparison: str, target: str, expected: bool) -> None:
    assert compare(Decimal(value), comparison, Decimal(target)) is expected


def test_verdict() -> None:
    assert verdict(Decimal("0.99"), ">", Decimal(98)) == PASS
    assert verdict(Decimal("0.92"), ">", Decimal(98)) == FAIL
    assert verdict(None, ">", Decimal(98)) is None


CUT_OFF = dt.date(2022, 3, 14)
DUE = dt.date(2021, 12, 31)


@pytest.mark.parametrize(
    ("entered", "due", "completed", "state"),
    [
        (DONE, DUE, dt.date(2021, 12, 28), "hoàn thành"),
        (DONE, DUE, DUE, "hoàn thành"),  # on the due day itself: on time
        (DONE, DUE, dt.date(2022, 1, 7), "hoàn thành quá hạn"),
        (DONE, DUE, None, "hoàn thành"),  # no date: not known late (the report warns)
        (DONE, None, dt.date(2022, 1, 7), "hoàn thành"),  # recurring deadline: never late
        (ONGOING, DUE, None, "quá hạn"),
        (NOT_STARTED, DUE, None, "quá hạn"),
        (ONGOING, CUT_OFF, None, "đang thực hiện"),  # due on the cut-off day: not yet late
        (NOT_STARTED, dt.date(2022, 3, 31), None, "chưa thực hiện"),
    ],
)
def test_task_states(entered: str, due: dt.date | None, completed: dt.date | None, state: str) -> None:
    assert task_state(entered, due, CUT_OFF, completed) == state
    assert state in STATES
