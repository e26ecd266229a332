"""The ``cchc`` group: the one place where errors become "Lỗi: …" lines and exit codes.

Exit codes: 0 success; 1 bad data, bad template or failed output (``GeneratorError``);
2 wrong usage of the command line (click's usage errors, shown in Vietnamese).
"""

from __future__ import annotations

import datetime as dt
import signal
import sys
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import click

from generator import __version__
from generator.cli import messages
from generator.errors import GeneratorError, Problem, os_reason


class _Vietnamese(click.Command):
    """Vietnamese usage line, headings and help option."""

    context_class = messages.Context

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("options_metavar", "[TÙY CHỌN]")
        super().__init__(*args, **kwargs)

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        option = super().get_help_option(ctx)
        if option is not None:
            option.help = messages.HELP
        return option


class Command(_Vietnamese):
    """A cchc command."""


class Group(_Vietnamese, click.Group):
    """The cchc group: runs a command, and shows every error it knows of in Vietnamese."""

    command_class = Command

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except GeneratorError as exc:
            for line in exc.lines():
                click.echo(f"Lỗi: {line}", err=True)
            ctx.exit(exc.exit_code)
        except OSError as exc:  # a path the system refuses where no step expected it (a name too long)
            where = f"{exc.filename}: " if exc.filename else ""
            click.echo(f"Lỗi: {where}{os_reason(exc)}", err=True)
            ctx.exit(1)

    def main(  # type: ignore[override]
        self, args: Sequence[str] | None = None, prog_name: str | None = None, **extra: Any
    ) -> Any:
        """click's main, with usage errors printed here in Vietnamese (exit code 2)."""
        standalone = extra.pop("standalone_mode", True)
        try:
            code = super().main(args, prog_name, standalone_mode=False, **extra)
        except click.UsageError as exc:
            _show_usage_error(exc)
            code = exc.exit_code
        except click.ClickException as exc:
            click.echo(f"Lỗi: {messages.translate(exc.format_message())}", err=True)
            code = exc.exit_code
        except click.Abort:
            click.echo(messages.ABORTED, err=True)
            code = 1
        if not standalone:
            return code
        sys.exit(code if isinstance(code, int) else 0)


def _show_usage_error(exc: click.UsageError) -> None:
    if exc.ctx is not None:
        click.echo(exc.ctx.get_usage(), err=True)
        option = exc.ctx.help_option_names[0] if exc.ctx.help_option_names else "--help"
        click.echo(f"Gõ '{exc.ctx.command_path} {option}' để xem hướng dẫn.", err=True)
        click.echo(err=True)
    click.echo(f"Lỗi: {messages.usage_error(exc)}", err=True)


@click.group(
    name="cchc",
    cls=Group,
    context_settings={"help_option_names": ["-h", "--help"]},
    options_metavar="[TÙY CHỌN]",
    subcommand_metavar="LỆNH [ĐỐI SỐ]...",
    invoke_without_command=True,
)
@click.version_option(__version__, message="cchc %(version)s", help=messages.VERSION_HELP)
@click.pass_context
def cli(ctx: click.Context) -> None:
    """cchc — soạn kế hoạch, báo cáo cải cách hành chính đúng thể thức Nghị định 30/2020/NĐ-CP.

    Chạy cchc không kèm lệnh nào (như khi nhấp đúp) thì mở trang web trên máy này, với thư mục
    làm việc "cchc" trong thư mục Tài liệu (Documents) của người dùng; lần đầu cchc tạo thư mục
    đó cùng các tệp để điền (như cchc init).
    """
    if ctx.invoked_subcommand is None:  # a double-click, or "cchc" typed alone: the page, on a folder
        serve = cli.get_command(ctx, "serve")
        assert serve is not None  # registered by generator.cli.tools
        ctx.invoke(serve, folder=_start_folder())


def this_year() -> int:
    return dt.datetime.now().astimezone().year


def _start_folder() -> Path | None:
    """The working folder of a start with no command, made ready; None (the first page) when it
    cannot be made, so a double-click still opens the page."""
    from generator.workflows.start_folder import default_folder, prepare

    folder = default_folder()
    try:
        written = prepare(folder, this_year())
    except GeneratorError as exc:
        for line in exc.lines():
            click.echo(f"Cảnh báo: {line}; mở trang không kèm thư mục làm việc.", err=True)
        return None
    for path in written:
        click.echo(f"Đã tạo: {path}")
    click.echo(f"Mở trang cchc với thư mục làm việc {folder} (gõ cchc --help để xem các lệnh).")
    return folder


def show(warnings: Sequence[Problem]) -> None:
    """Notices the user should read, on stderr."""
    for warning in warnings:
        click.echo(f"Cảnh báo: {warning}", err=True)


def _utf8_console() -> None:
    """Vietnamese must print on a Windows console or a redirected stream too."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        encoding = (getattr(stream, "encoding", "") or "").lower().replace("-", "")
        if reconfigure is not None and encoding != "utf8":
            reconfigure(encoding="utf-8", errors="replace")


def _sigterm_as_ctrl_c() -> None:
    """SIGTERM (a service manager, ``kill``) stops cchc as Ctrl+C does: temporary folders are
    deleted and LibreOffice is ended, where the default action would leave both behind."""
    if hasattr(signal, "SIGTERM") and threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, signal.default_int_handler)


def main(argv: Sequence[str] | None = None) -> None:
    """The ``cchc`` entry point (also ``python -m generator``)."""
    _utf8_console()
    _sigterm_as_ctrl_c()
    cli.main(args=list(argv) if argv is not None else None, prog_name="cchc")
