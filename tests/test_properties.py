"""Property-based tests: formatting and deadline parsing never crash and round-trip."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.domain.dates import parse_day_first
from generator.domain.deadlines import DeadlineError, parse_deadline, shift_deadline
from generator.domain.formatting import roman, short_date, vn_date, vn_letter, vn_number, vn_percent
from generator.domain.legacy_encoding import detect_legacy, to_unicode
from generator.domain.text import ascii_slug

DATES = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2100, 12, 31))
_VN_DATE = re.compile(r"^ngày (\d\d) tháng (\d\d?) năm (\d{4})$")
_ROMAN = {"M": 1000, "D": 500, "C": 100, "L": 50, "X": 10, "V": 5, "I": 1}


@given(DATES)
def test_vn_date_round_trips_and_keeps_the_zero_rule(day: dt.date) -> None:
    match = _VN_DATE.match(vn_date(day))
    assert match is not None
    assert dt.date(int(match[3]), int(match[2]), int(match[1])) == day
    assert (len(match[2]) == 2) == (day.month <= 2 or day.month >= 10)


@given(DATES)
def test_short_date_round_trips(day: dt.date) -> None:
    assert parse_day_first(short_date(day)) == day


@given(st.decimals(min_value=-(10**12), max_value=10**12, places=3, allow_nan=False), st.integers(0, 3))
def test_vn_number_round_trips(value: Decimal, places: int) -> None:
    text = vn_number(value, places)
    back = Decimal(text.replace(".", "").replace(",", "."))
    assert abs(back - value) <= Decimal(1).scaleb(-places) / 2
    assert "," not in text or len(text.rsplit(",", 1)[1]) == places


@given(st.one_of(st.none(), st.decimals(min_value=0, max_value=10, allow_nan=False, allow_infinity=False)))
def test_vn_percent_never_crashes(ratio: Decimal | None) -> None:
    text = vn_percent(ratio)
    assert text == "không phát sinh" if ratio is None else text.endswith("%")


@given(st.integers(1, 3999))
def test_roman_round_trips(number: int) -> None:
    text = roman(number)
    values = [_ROMAN[ch] for ch in text]
    total = sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))
    assert total == number


@given(st.integers(1, 23))
def test_letters_are_single_vietnamese_letters(number: int) -> None:
    assert vn_letter(number) in "abcdđeghiklmnopqrstuvxy"


@settings(max_examples=300)
@given(st.text(max_size=60))
def test_deadline_parser_never_crashes(text: str) -> None:
    try:
        kind = parse_deadline(text, 2022).kind
    except DeadlineError as exc:
        kind = str(exc)[:5]  # a Vietnamese message, never another exception
    assert kind


PHRASES = st.one_of(
    st.builds(lambda m, y: f"Tháng {m}/{y}", st.integers(1, 12), st.integers(2000, 2090)),
    st.builds(
        lambda q, y: f"Quý {q}/{y}",
        st.sampled_from(["I", "II", "III", "IV", "1", "4"]),
        st.integers(2000, 2090),
    ),
    st.builds(lambda h, y: f"6 tháng {h} năm {y}", st.sampled_from(["đầu", "cuối"]), st.integers(2000, 2090)),
    st.builds(lambda y: f"Năm {y}", st.integers(2000, 2090)),
    st.builds(lambda d: f"Trước ngày {d:%d/%m/%Y}", DATES.filter(lambda d: d.year <= 2090)),
)


@given(PHRASES, st.integers(1, 5))
def test_shifting_moves_the_due_date_by_whole_years(phrase: str, years: int) -> None:
    before = parse_deadline(phrase, 2022).due
    after = parse_deadline(shift_deadline(phrase, years, 2022), 2022).due
    assert before is not None
    assert after is not None
    assert after.year == before.year + years
    assert after.month == before.month
    assert abs(after.day - before.day) <= 1  # 29/02 ↔ 28/02, month ends stay month ends


@given(st.text(max_size=80))
def test_legacy_detection_never_crashes(text: str) -> None:
    encoding = detect_legacy(text)
    if encoding is not None:
        converted = to_unicode(text, encoding)
        assert converted is None or isinstance(converted, str)


@given(st.text(max_size=300))
def test_slugs_are_safe_file_name_parts(text: str) -> None:
    slug = ascii_slug(text)
    assert re.fullmatch(r"[a-z0-9_]*", slug)
    assert len(slug) <= 80
    assert not slug.startswith("_")
    assert not slug.endswith("_")
