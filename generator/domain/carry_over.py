""" "Từ kỳ trước" from the period before: the files still pending at its end (docs/tthc-form-06.md §3).

Column (6) of a period's Biểu 06 equals column (11) of the period before, per lĩnh vực. When the
working folder holds the previous period's progress workbook, cchc takes the figure from it, or,
when staff typed one too, warns where the two differ (#23 item 6).
"""

from __future__ import annotations

import datetime as dt

from generator.domain.models import FieldStats
from generator.domain.periods import Period
from generator.domain.text import normalise_header
from generator.errors import Problems


def follows(previous: Period, current: Period) -> bool:
    """``previous``'s window ends the day before ``current``'s starts."""
    return previous.end + dt.timedelta(days=1) == current.start


def pending_by_field(previous: tuple[FieldStats, ...]) -> dict[str, int]:
    """The previous period's pending files (11) by normalised lĩnh vực name: this period's (6)."""
    return {normalise_header(field.field): field.pending for field in previous}


def check_carried(
    current: tuple[FieldStats, ...], previous: tuple[FieldStats, ...], problems: Problems
) -> None:
    """A warning with both cells where staff typed a "Từ kỳ trước" other than the previous
    period's pending files."""
    before = {normalise_header(field.field): field for field in previous}
    for field in current:
        match = before.get(normalise_header(field.field))
        if match is not None and field.carried_location is not None and field.carried != match.pending:
            problems.warn(
                field.carried_location,
                f'"{field.field}": từ kỳ trước ghi {field.carried}, nhưng kỳ trước còn {match.pending} hồ sơ '
                f"đang giải quyết ({match.location}); hãy thống nhất hai số",
            )
