"""The ND 30 rules table: what cchc writes must be what cchc check accepts."""

from __future__ import annotations

import pytest

from generator.check.findings import bounds
from generator.domain import nd30

RULES = {name: value for name, value in vars(nd30).items() if isinstance(value, nd30.Rule)}


@pytest.mark.parametrize("name", sorted(RULES))
def test_written_value_is_inside_the_accepted_range(name: str) -> None:
    rule = RULES[name]
    assert rule.low <= rule.written <= rule.high
    assert rule.accepts(rule.written)


def test_stored_twips_stay_inside_the_millimetre_ranges() -> None:
    """20 mm is 1133.9 twips: rounding up keeps the stored margin at or above the minimum."""
    for twips, rule in ((nd30.MARGIN_TOP, nd30.LE_TREN), (nd30.MARGIN_LEFT, nd30.LE_TRAI),
                        (nd30.MARGIN_RIGHT, nd30.LE_PHAI), (nd30.MARGIN_BOTTOM, nd30.LE_DUOI)):  # fmt: skip
        assert rule.low <= twips / nd30.TWIPS_PER_MM <= rule.high


@pytest.mark.parametrize(
    ("rule", "text"),
    [(nd30.TIEU_NGU, "13–14 pt"), (nd30.NOI_NHAN, "11 pt"), (nd30.LUI_DAU_DONG, "1–1,27 cm"),
     (nd30.LE_TRAI, "30–35 mm")],
    ids=["range", "single", "decimal-comma", "mm"],
)  # fmt: skip
def test_bounds_as_messages_print_them(rule: nd30.Rule, text: str) -> None:
    assert bounds(rule) == text
