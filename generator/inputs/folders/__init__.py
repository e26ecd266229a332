"""Finding the inputs of a unit in a folder (which file gives which part) and reading them whole.

The room's front door: what other rooms use of it (``generator.inputs.front_door``);
tests/test_architecture.py keeps other rooms to these names.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from generator.inputs import front_door

if TYPE_CHECKING:
    from generator.inputs.folders.files import InputSet as InputSet
    from generator.inputs.folders.files import collect as collect
    from generator.inputs.folders.files import expand as expand
    from generator.inputs.folders.files import period_of as period_of
    from generator.inputs.folders.files import role_sheets as role_sheets
    from generator.inputs.folders.sources import plan_year_place as plan_year_place
    from generator.inputs.folders.sources import read_plan_from as read_plan_from
    from generator.inputs.folders.sources import read_report_from as read_report_from
    from generator.inputs.folders.sources import read_unit_from as read_unit_from
    from generator.inputs.folders.sources import read_windows_from as read_windows_from
    from generator.inputs.folders.sources import report_gap as report_gap
    from generator.inputs.folders.sources import words_name as words_name

_WHERE = {
    "InputSet": "files",
    "collect": "files",
    "expand": "files",
    "period_of": "files",
    "plan_year_place": "sources",
    "read_plan_from": "sources",
    "read_report_from": "sources",
    "read_unit_from": "sources",
    "read_windows_from": "sources",
    "report_gap": "sources",
    "role_sheets": "files",
    "words_name": "sources",
}
__all__ = sorted(_WHERE)

__getattr__ = front_door(__name__, _WHERE)
