"""Bounds on what a template can make: value sizes, loop steps, output and time.

A user's own template runs in Jinja's sandbox, which keeps it away from Python internals but
not from exhausting the machine: ``{{ 'x' * 10**10 }}`` asks for 10 GB and two nested
``range`` loops never end. So every render carries a ``Budget``:

- operators and filters that can make a value much larger than their operands (``*``,
  ``**``, ``+``, ``%``, ``~``, ``center``, ``indent``, ``join`` …) check the size of the
  result *before* making it (``MAX_SIZE``);
- every loop iteration and every call counts as a step (``MAX_STEPS``), and the clock is
  read every ``_CLOCK_EVERY`` steps (``MAX_SECONDS``);
- the characters a render produces are counted (``MAX_OUTPUT``): each loop iteration by an
  estimate (its literal text and a bound per short value), long values and each macro's
  result by their length. Without loops or macros, output is bounded by the template itself.

Exceeding a bound raises ``LimitError`` with a Vietnamese message; the engine turns it into
a ``RenderError`` naming the template. The bounds are far above what a real document needs
(the 2,000-row plan of ``bench/`` takes about 2,000 steps and 2.7 million characters; its
50,000-row table about 150 million estimated characters).
"""

from __future__ import annotations

import contextvars
import re
import time
from collections.abc import Iterable, Iterator
from typing import Any

MAX_SIZE = 10_000_000  # characters (or items) in one value a template makes
# Characters one render may produce, as estimated: the estimate is about twice the real output
# (a 10,000-row plan table: 29.7 million estimated, 13.6 million real), and the 50,000-row
# table of bench case (h), 68 million real characters, must still render (issue 17 item 5).
MAX_OUTPUT = 300_000_000
MAX_STEPS = 1_000_000  # loop iterations plus calls in one render
MACRO_STEPS = 25  # a macro call costs about as much time as this many loop iterations
MAX_SECONDS = 60.0  # wall-clock time of one render
MAX_RANGE = 100_000  # items in one range(), as Jinja's sandbox allows
MAX_INT_BITS = 1_000_000  # size of an integer a template computes (about 300,000 digits)
MAX_HELD = 50_000_000  # characters and items a render adds to lists, dicts and sets (append …)
_GROWING = frozenset({"append", "extend", "insert", "update", "setdefault", "add", "__setitem__"})
_CLOCK_EVERY = 1024
_FORMAT_WIDTH = re.compile(r"%[-+ #0]*(\*|\d+)?(?:\.(\*|\d+))?|\{[^{}]*?[:!][^{}]*?(\d+)[^{}]*\}")


class LimitError(Exception):
    """A template went past one of the bounds; the message is Vietnamese."""


class Budget:
    """What one render has used so far."""

    __slots__ = ("clock", "deadline", "held", "output", "steps")

    def __init__(self) -> None:
        self.steps = 0
        self.output = 0
        self.held = 0
        self.clock = _CLOCK_EVERY
        self.deadline = time.monotonic() + MAX_SECONDS

    def in_time(self) -> None:
        """Read the clock now: after a call, which may have run long (a sort of millions of items)."""
        if time.monotonic() > self.deadline:
            raise LimitError(f"điền mẫu quá {MAX_SECONDS:g} giây (vòng lặp quá lớn?)")

    def hold(self, size: int) -> None:
        """``size`` more characters or items kept in a container the template fills."""
        self.held += size
        if self.held > MAX_HELD:
            raise LimitError(
                f"mẫu đưa quá {MAX_HELD // 1_000_000} triệu ký tự vào danh sách hoặc từ điển (append, update …)"
            )

    def step(self, output: int = 0, cost: int = 1) -> None:
        """One loop iteration or call (``cost`` steps), estimated to produce ``output`` characters."""
        self.steps += cost
        if output:
            self.produced(output)
        self.clock -= 1
        if self.clock <= 0:
            self.clock = _CLOCK_EVERY
            if self.steps > MAX_STEPS:
                raise LimitError(f"mẫu lặp hoặc gọi quá {MAX_STEPS:,} lần".replace(",", "."))
            self.in_time()

    def produced(self, characters: int) -> None:
        self.output += characters
        if self.output > MAX_OUTPUT:
            raise LimitError(f"mẫu tạo ra quá {MAX_OUTPUT // 1_000_000} triệu ký tự")


_BUDGET: contextvars.ContextVar[Budget | None] = contextvars.ContextVar("cchc_budget", default=None)


def current() -> Budget | None:
    """The budget of the render running in this thread, if any."""
    return _BUDGET.get()


def start() -> contextvars.Token[Budget | None]:
    """Give the render about to run in this thread a fresh budget; ``finish`` the token after."""
    return _BUDGET.set(Budget())


def finish(token: contextvars.Token[Budget | None]) -> None:
    _BUDGET.reset(token)


class Counted:
    """An iterable whose every item is one step of the budget (a loop's iterable);
    ``output`` is the estimated output of one iteration."""

    __slots__ = ("budget", "iterable", "output")

    def __init__(self, iterable: Iterable[Any], output: int) -> None:
        self.iterable = iterable
        self.output = output
        self.budget = _BUDGET.get()

    def __len__(self) -> int:  # for loop.length; a TypeError tells Jinja to count items itself
        return len(self.iterable)  # type: ignore[arg-type]

    def __iter__(self) -> Iterator[Any]:
        budget, output = self.budget, self.output
        if budget is None:
            yield from self.iterable
            return
        for item in self.iterable:
            budget.step(output)
            yield item


def bounded_range(*args: int) -> range:
    """``range`` for templates: at most ``MAX_RANGE`` items."""
    numbers = range(*args)
    if len(numbers) > MAX_RANGE:
        raise LimitError(
            f"range() quá lớn: {len(numbers):,} phần tử (tối đa {MAX_RANGE:,})".replace(",", ".")
        )
    return numbers


def weight(value: Any, limit: int = MAX_SIZE) -> int:
    """Characters and items in ``value`` (strings, nested lists, tuples, sets and dicts' keys and
    values), counted up to ``limit``."""
    if isinstance(value, str | bytes):
        return len(value)
    if isinstance(value, dict):
        value = [*value.keys(), *value.values()]
    elif isinstance(value, set | frozenset):
        value = list(value)
    if not isinstance(value, list | tuple):
        return 1
    total = len(value)
    for item in value:
        if total > limit:
            break
        total += weight(item, limit - total) if isinstance(item, str | bytes | list | tuple) else 0
    return total


def check_size(size: int, what: str) -> None:
    if size > MAX_SIZE:
        raise LimitError(f"{what} tạo ra giá trị quá lớn (hơn {MAX_SIZE // 1_000_000} triệu ký tự)")


def check_binop(operator: str, left: Any, right: Any) -> None:
    """Refuse ``left operator right`` before computing it when the result would be too large."""
    sized = (str, bytes, list, tuple)
    if operator == "*":
        if isinstance(left, int) and isinstance(right, sized):
            left, right = right, left
        if isinstance(left, sized) and isinstance(right, int):
            check_size(weight(left) * max(right, 0), "phép nhân *")
        elif _is_int(left) and _is_int(right):
            _check_bits(left.bit_length() + right.bit_length(), "phép nhân *")
    elif operator == "**" and _is_int(left) and _is_int(right) and right > 0 and abs(left) > 1:
        _check_bits(right * left.bit_length(), "phép lũy thừa **")
    elif operator == "+" and isinstance(left, sized) and isinstance(right, sized):
        check_size(weight(left) + weight(right), "phép cộng +")
    elif operator == "%" and isinstance(left, str):
        check_format(left, right)


def check_format(pattern: str, arguments: Any = ()) -> None:
    """A ``%`` or ``format`` pattern must not ask for widths beyond ``MAX_SIZE``."""
    widths = [int(w) for match in _FORMAT_WIDTH.finditer(pattern) for w in match.groups() if w and w != "*"]
    if "*" in pattern and any(_is_int(a) and a > MAX_SIZE for a in _as_tuple(arguments)):
        widths.append(MAX_SIZE + 1)
    check_size(len(pattern) + sum(widths), "chuỗi định dạng")


def check_call(function: Any, args: tuple[Any, ...]) -> None:
    """Methods of strings and lists called from a template with sizes beyond the bounds."""
    owner = getattr(function, "__self__", None)
    name = getattr(function, "__name__", "")
    if isinstance(owner, list | dict | set) and name in _GROWING:
        budget = _BUDGET.get()
        if budget is not None:
            budget.hold(sum(weight(a) for a in args))
    if not isinstance(owner, str | bytes | list | tuple):
        return
    if any(_is_int(a) and a > MAX_SIZE for a in args):
        check_size(max(a for a in args if _is_int(a)), f"hàm {name}()")
    if name in ("format", "format_map") and isinstance(owner, str):
        check_format(owner)
    elif name == "replace" and isinstance(owner, str) and len(args) >= 2 and isinstance(args[0], str):
        pieces = owner.count(args[0]) + 1 if args[0] else len(owner) + 1
        check_size(len(owner) + pieces * weight(args[1]), "hàm replace()")
    elif name == "join":
        items = args[0] if args and isinstance(args[0], list | tuple) else ()
        check_size(weight(owner) * len(items) + sum(weight(i) for i in items), "hàm join()")
    elif name == "expandtabs" and isinstance(owner, str):
        check_size(
            len(owner) + owner.count("\t") * (args[0] if args and _is_int(args[0]) else 8), "hàm expandtabs()"
        )


def _check_bits(bits: int, what: str) -> None:
    if bits > MAX_INT_BITS:
        raise LimitError(f"{what} tạo ra số quá lớn (hơn {MAX_INT_BITS // 1000}.000 bit)")


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _as_tuple(value: Any) -> tuple[Any, ...]:
    return value if isinstance(value, tuple) else (value,)
