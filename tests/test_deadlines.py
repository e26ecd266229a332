"""Deadline phrases of the appendix → due dates; overdue decisions; whole-year shifts."""

from __future__ import annotations

import datetime as dt

import pytest

from generator.domain.deadlines import DeadlineError, final_due, parse_cell, parse_deadline, shift_deadline
from generator.domain.indicators import DONE, NOT_STARTED, ONGOING, OVERDUE, task_state
from tests import seed

D = dt.date
# Every distinct phrase of the seed's appendix (one per line of a cell), with its due date.
SEED_PHRASES = {
    "Trước ngày 31/12/2021": D(2021, 12, 30),
    "Năm 2022": D(2022, 12, 31),
    "Trước ngày 31/12 hàng năm": D(2022, 12, 30),
    "Trước ngày 15/01/2022": D(2022, 1, 14),
    "Trước ngày 15/01 hàng năm": D(2022, 1, 14),
    "Tháng 12/2021": D(2021, 12, 31),
    "Quý IV/2021": D(2021, 12, 31),
    "Quý I/2022": D(2022, 3, 31),
}


def test_the_table_covers_every_seed_phrase() -> None:
    assert seed.deadline_phrases() == set(SEED_PHRASES)


@pytest.mark.parametrize(("phrase", "due"), SEED_PHRASES.items(), ids=list(SEED_PHRASES))
def test_seed_phrases(phrase: str, due: dt.date) -> None:
    assert parse_deadline(phrase, 2022).due == due


@pytest.mark.parametrize(
    ("phrase", "due"),
    [
        ("Quý 1/2022", D(2022, 3, 31)),
        ("quý II/2022", D(2022, 6, 30)),
        ("Quý III năm 2022", D(2022, 9, 30)),
        ("6 tháng đầu năm 2022", D(2022, 6, 30)),
        ("6 tháng cuối năm 2022", D(2022, 12, 31)),
        ("Tháng 2/2024", D(2024, 2, 29)),
        ("Tháng 02 năm 2023", D(2023, 2, 28)),
        ("Trong năm 2022", D(2022, 12, 31)),
        ("Trước 01/03/2022", D(2022, 2, 28)),
        ("Đến ngày 15/3/2022", D(2022, 3, 15)),
        ("  Năm   2022. ", D(2022, 12, 31)),
    ],
)
def test_other_phrases(phrase: str, due: dt.date) -> None:
    assert parse_deadline(phrase, 2022).due == due


@pytest.mark.parametrize("phrase", ["Thường xuyên", "Hàng quý", "hằng tháng", "Hàng năm"])
def test_recurring_phrases_have_no_due_date(phrase: str) -> None:
    deadline = parse_deadline(phrase, 2022)
    assert (deadline.kind, deadline.due) == ("recurring", None)


def test_before_can_mean_the_day_itself() -> None:
    assert parse_deadline("Trước ngày 15/01/2022", 2022, before_is_day_before=False).due == D(2022, 1, 15)


@pytest.mark.parametrize(
    "phrase", ["Sớm nhất có thể", "Quý V/2022", "Cơ quan soạn thảo văn bản QPPL", "2022"]
)
def test_unknown_phrase_is_an_error_not_a_guess(phrase: str) -> None:
    with pytest.raises(DeadlineError) as caught:
        parse_deadline(phrase, 2022)
    assert str(caught.value).startswith(f'không hiểu thời hạn "{phrase}"')


@pytest.mark.parametrize("phrase", ["Trước ngày 31/02/2022", "Tháng 13/2022"])
def test_impossible_dates_are_errors(phrase: str) -> None:
    with pytest.raises(DeadlineError, match="không hợp lệ"):
        parse_deadline(phrase, 2022)


def test_a_cell_with_two_products_is_due_at_its_last_deadline() -> None:
    deadlines = parse_cell("Trước ngày 31/12/2021\nNăm 2022", 2022)
    assert [d.due for d in deadlines] == [D(2021, 12, 30), D(2022, 12, 31)]
    assert final_due(deadlines) == D(2022, 12, 31)
    assert final_due(parse_cell("Thường xuyên", 2022)) is None
    assert final_due(parse_cell("", 2022)) is None


CUT_OFF = D(2022, 3, 14)  # the last day of the quý I 2022 window


@pytest.mark.parametrize(
    ("entered", "due", "state"),
    [
        (ONGOING, D(2022, 3, 13), OVERDUE),
        (ONGOING, D(2022, 3, 14), ONGOING),  # due on the cut-off day: not yet overdue
        (NOT_STARTED, D(2021, 12, 31), OVERDUE),
        (NOT_STARTED, D(2022, 3, 31), NOT_STARTED),
        (DONE, D(2021, 12, 31), DONE),
        (ONGOING, None, ONGOING),
    ],
    ids=["day-before", "cut-off-day", "long-past", "future", "done", "recurring"],
)
def test_overdue_at_the_window_end(entered: str, due: dt.date | None, state: str) -> None:
    assert task_state(entered, due, CUT_OFF) == state


@pytest.mark.parametrize(
    ("phrase", "shifted"),
    [
        ("Tháng 12/2021", "Tháng 12/2022"),
        ("Quý I/2022", "Quý I/2023"),
        ("Trước ngày 15/01/2022", "Trước ngày 15/01/2023"),
        ("Năm 2022", "Năm 2023"),
        ("6 tháng đầu năm 2022", "6 tháng đầu năm 2023"),
        ("Trước ngày 31/12 hàng năm", "Trước ngày 31/12 hàng năm"),
        ("Thường xuyên", "Thường xuyên"),
        ("Trước ngày 29/02/2024", "Trước ngày 28/02/2025"),
        ("Trước ngày 28/02/2023", "Trước ngày 29/02/2024"),
        ("Đến ngày 30/6/2022", "Đến ngày 30/6/2023"),
    ],
)
def test_shift_by_one_year(phrase: str, shifted: str) -> None:
    assert shift_deadline(phrase, 1, 2022) == shifted
