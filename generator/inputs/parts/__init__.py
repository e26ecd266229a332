"""Reading each part of a unit's data (profile, plan words and tasks, targets, progress, TTHC,
figures) into the validated models of ``generator.domain``.

The room's front door: what other rooms use of it (``generator.inputs.front_door``);
tests/test_architecture.py keeps other rooms to these names.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from generator.inputs import front_door

if TYPE_CHECKING:
    from generator.inputs.parts.activities import activity_rows as activity_rows
    from generator.inputs.parts.plan_word import PLAN_ITEMS as PLAN_ITEMS
    from generator.inputs.parts.plan_word import plan_items as plan_items
    from generator.inputs.parts.profile import signer_parts as signer_parts
    from generator.inputs.parts.profile import unit_slug as unit_slug
    from generator.inputs.parts.progress import read_progress as read_progress
    from generator.inputs.parts.progress import read_task_states as read_task_states
    from generator.inputs.parts.report_text import ReportHeader as ReportHeader
    from generator.inputs.parts.report_text import ReportWords as ReportWords
    from generator.inputs.parts.report_words import REPORT_ITEMS as REPORT_ITEMS
    from generator.inputs.parts.tasks import LEAP_YEAR as LEAP_YEAR
    from generator.inputs.parts.tasks import find_sheet as find_sheet
    from generator.inputs.parts.tthc import read_fields_of as read_fields_of
    from generator.inputs.parts.unit_list import read_unit_list as read_unit_list
    from generator.inputs.parts.unit_sheet import UNIT_ITEMS as UNIT_ITEMS

_WHERE = {
    "LEAP_YEAR": "tasks",
    "PLAN_ITEMS": "plan_word",
    "REPORT_ITEMS": "report_words",
    "ReportHeader": "report_text",
    "ReportWords": "report_text",
    "UNIT_ITEMS": "unit_sheet",
    "activity_rows": "activities",
    "find_sheet": "tasks",
    "plan_items": "plan_word",
    "read_fields_of": "tthc",
    "read_progress": "progress",
    "read_task_states": "progress",
    "read_unit_list": "unit_list",
    "signer_parts": "profile",
    "unit_slug": "profile",
}
__all__ = sorted(_WHERE)

__getattr__ = front_door(__name__, _WHERE)
