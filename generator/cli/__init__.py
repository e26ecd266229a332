"""The ``cchc`` command line: click only; options → one library call → messages and exit codes."""

from generator.cli import documents, receiving, template, tools  # noqa: F401  (each module registers its commands)
from generator.cli.app import cli, main

__all__ = ["cli", "main"]
