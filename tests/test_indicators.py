"""Rates in Decimal, rounded once; targets compared with their operator."""

from __future__ import annotations

from decimal import Decimal

import pytest

from generator.domain.formatting import vn_percent
from generator.domain.indicators import FAIL, PASS, compare, rate, verdict


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
