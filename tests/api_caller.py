"""A caller's script of cchc's Python API, as docs/python-api.md shows it.

tests/test_public_api.py runs ``mypy --strict`` on this file and runs ``main`` on the example.
"""

from __future__ import annotations

import sys
from pathlib import Path

import generator


def main(folder: Path, out: Path) -> int:
    """Plan and quarter I report of ``folder`` into ``out``, each checked against ND 30."""
    try:
        plan = generator.read_plan(folder)
        print(f"Kế hoạch {plan.summary}: {len(plan.tasks)} nhiệm vụ")
        outcomes = [generator.make_plan(folder, out), generator.make_report(folder, "Q1", plan.year, out)]
    except generator.InputError as error:  # bad data: every problem, each with its file and place
        print(*error.problems, sep="\n", file=sys.stderr)
        return 1
    except generator.GeneratorError as error:  # a template or an output that cannot be written
        print(f"Lỗi: {error}", file=sys.stderr)
        return 1
    for outcome in outcomes:
        for warning in outcome.warnings:
            print(f"Cảnh báo: {warning}")
        report = generator.check_document(outcome.path)
        errors = [f for f in report.findings if f.severity is generator.Severity.ERROR]
        print(f"Đã ghi {outcome.path}: {len(errors)} lỗi thể thức")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), Path(sys.argv[2])))
