"""The ``cchc`` command line: click only; options → one library call → messages and exit codes."""

from generator.cli.commands import cli, main

__all__ = ["cli", "main"]
