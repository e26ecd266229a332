"""Vietnamese for what click itself says: help headings, usage errors, parameter errors.

Nothing in click is patched, so other click programs in the same process keep their own
language: cchc's commands use their own formatter (help headings), context and parameter
types (messages built in Vietnamese), and the one place that prints usage errors
(``cli.app``) rewrites click's few remaining English sentences with the table below.
"""

from __future__ import annotations

import re
from typing import Any

import click

HEADINGS = {"Options": "Tùy chọn", "Commands": "Lệnh", "Positional arguments": "Đối số"}
USAGE = "Cách dùng: "
HELP = "Hiện hướng dẫn này rồi thoát."
VERSION_HELP = "Hiện phiên bản rồi thoát."
ABORTED = "Đã dừng."
# click's own sentences (click 8.2–8.x) that no parameter type of ours builds.
_SENTENCES = (
    (r"No such option '(.+)'\.", "Không có tùy chọn '{0}'."),
    (r"No such command '(.+)'\.", "Không có lệnh '{0}'."),
    (r"Missing command\.", "Thiếu lệnh."),
    (r"Got unexpected extra arguments? \((.+)\)", "Thừa đối số ({0})"),
    (r"Option '(.+)' requires an argument\.", "Tùy chọn '{0}' cần một giá trị."),
    (r"Option '(.+)' requires (\d+) arguments\.", "Tùy chọn '{0}' cần {1} giá trị."),
    (r"Option '(.+)' does not take a value\.", "Tùy chọn '{0}' không nhận giá trị."),
    (r"Argument '(.+)' takes (\d+) values\.", "Đối số '{0}' cần {1} giá trị."),
    (r"Did you mean (.+)\?", "Có phải ý bạn là {0}?"),
    (r"\(Did you mean one of: (.+)\?\)", "(Có phải ý bạn là một trong: {0}?)"),
)
_COMPILED = tuple((re.compile(pattern), text) for pattern, text in _SENTENCES)


def translate(sentence: str) -> str:
    """One of click's English sentences in Vietnamese; anything unknown is left as it is."""
    lines = []
    for line in sentence.split("\n"):
        for pattern, text in _COMPILED:
            match = pattern.fullmatch(line.strip())
            if match:
                line = text.format(*match.groups())
                break
        lines.append(line)
    return "\n".join(lines)


def usage_error(exc: click.UsageError) -> str:
    """The message of a usage error, built in Vietnamese from what the exception knows."""
    if isinstance(exc, click.MissingParameter) and exc.param is not None:
        kind = "đối số" if isinstance(exc.param, click.Argument) else "tùy chọn"
        return f"Thiếu {kind} {_hint(exc, exc.param)}."
    if isinstance(exc, click.BadParameter) and exc.param is not None:
        return f"Giá trị không hợp lệ cho {_hint(exc, exc.param)}: {translate(exc.message)}"
    return translate(exc.format_message())


def _hint(exc: click.UsageError, param: click.Parameter) -> str:
    return param.get_error_hint(exc.ctx) if exc.ctx is not None else repr(param.name)


_NOTE = re.compile(r"\[([^\[\]]*)\]$")


def help_extra(text: str) -> str:
    """An option's help line with click's bracketed note ("[default: x; required]") in Vietnamese."""
    return _NOTE.sub(lambda m: "[" + _note(m.group(1)) + "]", text)


def _note(note: str) -> str:
    parts = [part.strip() for part in note.split(";")]
    words = {"required": "bắt buộc"}
    return "; ".join(words.get(p, p.replace("default: ", "mặc định: ", 1)) for p in parts)


class Formatter(click.HelpFormatter):
    """click's help layout with Vietnamese headings."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, args, USAGE if prefix is None else prefix)

    def write_heading(self, heading: str) -> None:
        super().write_heading(HEADINGS.get(heading, heading))

    def write_dl(self, rows: Any, col_max: int = 30, col_spacing: int = 2) -> None:
        super().write_dl([(term, help_extra(text)) for term, text in rows], col_max, col_spacing)


class Context(click.Context):
    formatter_class = Formatter


class Choice(click.Choice):  # type: ignore[type-arg]
    """A choice whose error names the accepted values in Vietnamese."""

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        found = next((c for c in self.choices if str(c).casefold() == str(value).casefold()), None)
        if found is None:
            return self.fail(
                f"“{value}” không thuộc các giá trị: {', '.join(map(str, self.choices))}.", param, ctx
            )
        return found


class IntRange(click.IntRange):
    """A whole number in a range, with Vietnamese errors."""

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        text = str(value).strip()
        if isinstance(value, int) or (text.isdigit() and len(text) <= 9):
            number = int(value)
            if (self.min is None or number >= self.min) and (self.max is None or number <= self.max):
                return number
            self.fail(f"{number} nằm ngoài khoảng {self.min}–{self.max}.", param, ctx)
        return self.fail(f"“{value}” không phải một số nguyên.", param, ctx)
