"""A report's words in Word and its header sheet, as cchc writes them for staff to fill.

bao_cao_<kỳ>_<năm>.docx holds the report outline's headings (docs/report-outline.md §4) with
the unit's own words under them; the "Báo cáo" sheet of the period's progress workbook holds
số, ngày, kính gửi and the plan quoted. ``inputs.report_words`` reads both back.
"""

from __future__ import annotations

from typing import Any

from generator.domain.areas import AREAS
from generator.domain.models import Paragraph, ReportText, Section
from generator.inputs.report_text import ReportHeader
from generator.inputs.report_words import ASSESSMENT, PARTS, REPORT_ITEMS, REPORT_SHEET
from generator.workflows.words_docx import guidance, words_docx

WORDS_GUIDE = (
    "lời văn báo cáo. Giữ các đề mục I–V và các mục con của II, III; viết dưới mỗi đề mục. "
    "Số liệu (nhiệm vụ, thủ tục hành chính, chỉ tiêu) do cchc tự tính từ bảng tiến độ, không cần chép vào đây. "
    "Đoạn kết “Trên đây là …” ở cuối là không bắt buộc."
)
# What to write under each part, for a folder made by ``cchc init``.
HINTS = {
    "leadership": "việc ban hành kế hoạch, phân công, tuyên truyền, kiểm tra công tác CCHC trong kỳ.",
    "strengths": "những kết quả nổi bật của kỳ.",
    "weaknesses": "những việc chưa làm được, vì sao.",
    "outlook": "các nhiệm vụ trọng tâm kỳ tới (mỗi nhiệm vụ một đoạn, có thể bắt đầu bằng - ).",
    "proposals": "đề xuất với cấp trên; không có thì ghi “Không có.”",
}


def _title(heading: str) -> str:
    return heading.split(" ", 1)[1]


def report_sections(text: ReportText) -> tuple[Section, ...]:
    """The outline of the words file, filled with ``text``."""
    titles = {key: _title(heading) for key, _, heading in PARTS}
    assessment = {key: _title(heading) for key, _, heading in ASSESSMENT}
    return (
        Section(titles["leadership"], text.leadership),
        Section(titles["areas"], tuple(Section(title, text.areas[key]) for key, title in AREAS)),
        Section(
            titles["assessment"],
            (
                Section(assessment["strengths"], text.strengths),
                Section(assessment["weaknesses"], text.weaknesses),
            ),
        ),
        Section(titles["outlook"], text.outlook),
        Section(titles["proposals"], text.proposals),
    )


def report_words_docx(text: ReportText) -> bytes:
    return words_docx((), report_sections(text), text.closing, WORDS_GUIDE)


def blank_report_text() -> ReportText:
    """Headings with a line of guidance under each: what ``cchc init`` writes."""
    areas: dict[str, tuple[Section | Paragraph, ...]] = {
        key: (guidance(f"kết quả thực hiện về {title.lower()} trong kỳ."),) for key, title in AREAS
    }
    return ReportText(
        leadership=(guidance(HINTS["leadership"]),),
        areas=areas,
        strengths=(guidance(HINTS["strengths"]),),
        weaknesses=(guidance(HINTS["weaknesses"]),),
        outlook=(guidance(HINTS["outlook"]),),
        proposals=(Paragraph("Không có."), guidance(HINTS["proposals"])),
        closing=(),
    )


def report_values(header: ReportHeader) -> dict[str, Any]:
    """The "Báo cáo" items of ``header``."""
    return {
        "so": header.number,
        "ngay_ban_hanh": header.issue_date.strftime("%d/%m/%Y") if header.issue_date else "",
        "nam_ban_hanh": header.issue_year if header.issue_year and not header.issue_date else "",
        "kinh_gui": "\n".join(header.addressees),
        "ke_hoach_so": header.plan_number or "",
        "ke_hoach_ngay": header.plan_date.strftime("%d/%m/%Y") if header.plan_date else "",
    }


def add_report_sheet(book: Any, values: dict[str, Any]) -> Any:
    """Add the "Báo cáo" form sheet to ``book`` (an openpyxl workbook), first in order."""
    from generator.workflows.workbooks import add_form

    sheet = add_form(book, REPORT_SHEET, REPORT_ITEMS, values)
    book.move_sheet(REPORT_SHEET, -book.sheetnames.index(REPORT_SHEET))
    return sheet
