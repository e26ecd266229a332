"""Reading whole Word documents made by any office or tool: a plan, a report, a received report
(``cchc import``, ``cchc tong-hop``).

The room's front door: what other rooms use of it (``generator.inputs.front_door``);
tests/test_architecture.py keeps other rooms to these names.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from generator.inputs import front_door

if TYPE_CHECKING:
    from generator.inputs.documents.plan_document import ImportedPlan as ImportedPlan
    from generator.inputs.documents.plan_document import open_outline as open_outline
    from generator.inputs.documents.plan_document import read_plan_document as read_plan_document
    from generator.inputs.documents.received_report import read_received_report as read_received_report
    from generator.inputs.documents.report_document import ReportProgress as ReportProgress
    from generator.inputs.documents.report_document import read_report_progress as read_report_progress

_WHERE = {
    "ImportedPlan": "plan_document",
    "ReportProgress": "report_document",
    "open_outline": "plan_document",
    "read_plan_document": "plan_document",
    "read_received_report": "received_report",
    "read_report_progress": "report_document",
}
__all__ = sorted(_WHERE)

__getattr__ = front_door(__name__, _WHERE)
