"""Deadline phrases of the appendix → due dates; overdue decisions; whole-year shifts."""

from __future__ import annotations

import datetime as dt

import pytest

from generator.domain.deadlines import (
    DeadlineError,
    UndatedError,
    accepted_forms,
    final_due,
    parse_cell,
    parse_deadline,
    read_cell,
    shift_deadline,
    split_phrases,
    year_notices,
)
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


@pytest.mark.parametrize("phrase", ["Sớm nhất có thể", "Cơ quan soạn thảo văn bản QPPL", "2022"])
def test_unknown_phrase_is_an_error_not_a_guess(phrase: str) -> None:
    with pytest.raises(DeadlineError) as caught:
        parse_deadline(phrase, 2022)
    assert str(caught.value).startswith(f'không hiểu thời hạn "{phrase}"')


@pytest.mark.parametrize(
    ("phrase", "reason"),
    [
        ("Trước ngày 31/02/2022", "tháng 2 năm 2022 không có ngày 31 (chỉ có 28 ngày)"),
        ("Đến ngày 31/4/2022", "tháng 4 năm 2022 không có ngày 31 (chỉ có 30 ngày)"),
        ("Tháng 13/2022", "không có tháng 13"),
        ("Quý V/2022", "không có quý V (chỉ có quý I đến IV)"),
        (
            "31/02/2027",
            "tháng 2 năm 2027 không có ngày 31 (chỉ có 28 ngày)",
        ),  # a bare date, as offices type it
        ("Trước ngày 29/02 hàng năm", "tháng 2 năm 2022 không có ngày 29 (chỉ có 28 ngày)"),
    ],
)
def test_impossible_dates_say_why(phrase: str, reason: str) -> None:
    with pytest.raises(DeadlineError) as caught:
        parse_deadline(phrase, 2022)
    assert str(caught.value) == f'thời hạn "{phrase}": {reason}'


def test_an_unknown_phrase_lists_every_accepted_form_for_the_plan_year() -> None:
    with pytest.raises(DeadlineError) as caught:
        parse_deadline("Sớm nhất có thể", 2027)
    assert str(caught.value) == (
        'không hiểu thời hạn "Sớm nhất có thể"; cách ghi được nhận: Tháng 12/2027; Quý I/2027 (đến Quý '
        "IV/2027); 6 tháng đầu năm 2027, 6 tháng cuối năm 2027; Năm 2027; Trước ngày 15/01/2027; Đến ngày "
        "30/6/2027; Trước ngày 15/01 hàng năm; Thường xuyên, Hàng quý, Hàng tháng, Định kỳ; nhiều thời hạn "
        "thì mỗi thời hạn một dòng"
    )
    for form in accepted_forms(2027).replace(" (đến ", "; ").replace(", ", "; ").split("; "):
        phrase = form.rstrip(")")
        if "thời hạn" not in phrase:  # every example given is one cchc reads
            parse_deadline(phrase, 2027)


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


@pytest.mark.parametrize(
    ("line", "pieces"),
    [
        ("Quý I/2022 Năm 2022", ["Quý I/2022", "Năm 2022"]),
        ("Trước ngày 15/01/2022  Thường xuyên", ["Trước ngày 15/01/2022", "Thường xuyên"]),
        ("Tháng 3/2022 Tháng 6/2022 Năm 2022", ["Tháng 3/2022", "Tháng 6/2022", "Năm 2022"]),
        ("Năm 2022", None),  # one phrase: nothing to split
        ("Quý I/2022 và Năm 2022", None),  # a word between: not guessed
        ("Sớm nhất có thể", None),
    ],
)
def test_whole_phrases_typed_on_one_line_are_found(line: str, pieces: list[str] | None) -> None:
    assert split_phrases(line, 2022) == pieces


def test_a_month_without_a_year_is_of_the_plan_year() -> None:
    deadline = parse_deadline("Tháng 10", 2024)
    assert (deadline.kind, deadline.due) == ("plan_month", D(2024, 10, 31))
    assert year_notices([deadline], 2024) == [
        "thời hạn “Tháng 10” không ghi năm: hiểu là tháng 10/2024 (năm kế hoạch); hãy ghi rõ năm nếu không phải"
    ]


def test_a_cell_keeps_apart_what_names_no_date_and_refuses_what_cannot_exist() -> None:
    dated, undated = read_cell("Quý I/2022\nTheo tiến độ của cơ quan soạn thảo", 2022)
    assert [d.due for d in dated] == [D(2022, 3, 31)]
    assert undated == ["Theo tiến độ của cơ quan soạn thảo"]
    with pytest.raises(DeadlineError) as caught:
        read_cell("Trước ngày 31/02/2027\nTheo tiến độ", 2027)
    assert not isinstance(caught.value, UndatedError)


@pytest.mark.parametrize(
    ("phrase", "due"),
    [
        ("30/06/2022", D(2022, 6, 30)),
        ("Ngày 30/6/2022", D(2022, 6, 30)),
        ("Đến ngày 30/06/2022", D(2022, 6, 30)),
    ],
)
def test_a_bare_date_is_a_deadline(phrase: str, due: D) -> None:
    """Offices write a date alone in the deadline column: it is that day, not free text."""
    assert parse_deadline(phrase, 2022).due == due
