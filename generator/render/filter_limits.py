"""Jinja's built-in filters that can make a value much larger than their input, each checking
the size of its result before making it (see ``render.limits``)."""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from typing import Any

from generator.render.limits import MAX_RANGE, LimitError, check_format, check_size, current, weight

Arguments = dict[str, Any]


def _number(value: Any) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else 0


def _lines(text: Any) -> int:
    return str(text).count("\n") + 1 if isinstance(text, str) else 1


def _text_size(value: Any) -> int:
    return weight(value) if isinstance(value, str | bytes | list | tuple) else len(str(value))


def _indent(a: Arguments) -> int:
    width = a["width"]
    step = len(width) if isinstance(width, str) else _number(width)
    return weight(a["s"]) + _lines(a["s"]) * step


def _replace(a: Arguments) -> int:
    text, old = str(a["s"]), str(a["old"])
    pieces = text.count(old) + 1 if old else len(text) + 1
    return len(text) + pieces * len(str(a["new"]))


def _join(a: Arguments) -> int:
    items = a["value"]
    return sum(_text_size(item) for item in items) + len(items) * len(str(a["d"]))


def _sum(a: Arguments) -> int:
    items, start = a["iterable"], a["start"]
    if isinstance(start, int | float) and all(isinstance(i, int | float) for i in items):
        return 0
    return len(items) * (weight(start) + sum(weight(i) for i in items))  # each step copies


def _batch(a: Arguments) -> int:
    if _number(a["linecount"]) > MAX_RANGE:
        raise LimitError(f"bộ lọc batch: mỗi nhóm tối đa {MAX_RANGE} phần tử")
    return 0


def _format(a: Arguments) -> int:
    check_format(str(a["value"]), a["args"] or a["kwargs"])
    return 0


# Ordering takes n log n steps in one filter call: past this many items one call alone could run
# for seconds, longer than the render's clock can notice in time (#25 item 8).
MAX_ORDERED = 200_000


def _ordered(name: str) -> Callable[[Arguments], int]:
    def count(a: Arguments) -> int:
        items = a["value"]
        if len(items) > MAX_ORDERED:
            raise LimitError(f"bộ lọc {name}: tối đa {MAX_ORDERED:,} phần tử".replace(",", "."))
        return 0

    return count


# filter → (estimated size of its result, arguments turned into lists before the estimate)
_ESTIMATES: dict[str, tuple[Callable[[Arguments], int], tuple[str, ...]]] = {
    "center": (lambda a: max(weight(a["value"]), _number(a["width"])), ()),
    "indent": (_indent, ()),
    "wordwrap": (lambda a: weight(a["s"]) * (1 + len(str(a["wrapstring"] or "\n"))), ()),
    "replace": (_replace, ()),
    "join": (_join, ("value",)),
    "sum": (_sum, ("iterable",)),
    "batch": (_batch, ()),
    "format": (_format, ()),
    "tojson": (lambda a: _number(a["indent"]) * 10_000, ()),
    **{name: (_ordered(name), ("value",)) for name in ("sort", "unique", "groupby")},
    "dictsort": (_ordered("dictsort"), ()),
}


def guarded(filters: dict[str, Callable[..., Any]]) -> dict[str, Callable[..., Any]]:
    """The filters of ``_ESTIMATES`` found in ``filters``, wrapped with their size check."""
    return {name: _guard(name, filters[name]) for name in _ESTIMATES if name in filters}


def _guard(name: str, original: Callable[..., Any]) -> Callable[..., Any]:
    signature = inspect.signature(original)
    estimate, listed = _ESTIMATES[name]

    @functools.wraps(original)  # keeps jinja_pass_arg: the filter gets the same first argument
    def checked(*args: Any, **kwargs: Any) -> Any:
        bound = signature.bind(*args, **kwargs)
        bound.apply_defaults()
        for argument in listed:
            bound.arguments[argument] = list(bound.arguments[argument])
        check_size(estimate(bound.arguments), f"bộ lọc {name}")
        result = original(*bound.args, **bound.kwargs)
        budget = current()
        if budget is not None:  # one filter call may run long: read the clock after it
            budget.in_time()
        return result

    return checked
