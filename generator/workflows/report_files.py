"""A report's words in Word and its header sheet, as cchc writes them for staff to fill.

bao_cao_<kỳ>_<năm>.docx holds the report's outline — the default of docs/report-outline.md
§4, or the province's own — with the unit's words under its headings and a marker paragraph
where each computed block goes (``domain.outline``); the "Báo cáo" sheet of the period's
progress workbook holds số, ngày, kính gửi and the plan quoted. ``inputs.report_words``
reads both back.
"""

from __future__ import annotations

from typing import Any

from generator.domain.areas import AREAS
from generator.domain.models import Paragraph, ReportText, Section
from generator.domain.sheets import REPORT_SHEET
from generator.inputs.parts import REPORT_ITEMS, ReportHeader, ReportWords
from generator.workflows.words_docx import guidance, words_docx

WORDS_GUIDE = (
    "lời văn báo cáo theo đề cương. Các đề mục I., 1., a) có thể đổi tên, thêm, bớt, đổi thứ tự theo đề cương "
    "của tỉnh; cchc tự đánh số lại. Viết dưới mỗi đề mục. Mỗi dòng [Số liệu: …] hay [Bảng: chỉ tiêu] là chỗ cchc "
    "tự điền số liệu tính từ bảng tiến độ: giữ nguyên chữ trong ngoặc vuông, có thể chuyển cả dòng đến đề mục "
    "khác hoặc xóa dòng nếu không muốn in. [kỳ tới] trong đề mục được thay bằng tên kỳ sau. Đoạn kết "
    "“Trên đây là …” ở cuối là không bắt buộc."
)
# What to write under each part, for a folder made by ``cchc init``.
HINTS = {
    "leadership": "việc ban hành kế hoạch, phân công, tuyên truyền, kiểm tra công tác CCHC trong kỳ.",
    "strengths": "những kết quả nổi bật của kỳ.",
    "weaknesses": "những việc chưa làm được, vì sao.",
    "outlook": "các nhiệm vụ trọng tâm kỳ tới (mỗi nhiệm vụ một đoạn, có thể bắt đầu bằng - ).",
    "proposals": "đề xuất với cấp trên; không có thì ghi “Không có.”",
}


def report_words_docx(words: ReportWords) -> bytes:
    """bao_cao_<kỳ>_<năm>.docx: the outline's headings, the words under them, the markers."""
    return words_docx((), words.body, words.closing, WORDS_GUIDE)


def blank_report_words() -> ReportWords:
    """The default outline (Bộ Nội vụ I–V) with a line of guidance under each heading and the
    markers where cchc writes its figures: what ``cchc init`` writes."""
    areas: dict[str, tuple[Section | Paragraph, ...]] = {
        key: (guidance(f"kết quả thực hiện về {title.lower()} trong kỳ."),) for key, title in AREAS
    }
    return ReportWords.of(
        ReportText(
            leadership=(guidance(HINTS["leadership"]),),
            areas=areas,
            strengths=(guidance(HINTS["strengths"]),),
            weaknesses=(guidance(HINTS["weaknesses"]),),
            outlook=(guidance(HINTS["outlook"]),),
            proposals=(Paragraph("Không có."), guidance(HINTS["proposals"])),
            closing=(),
        )
    )


def report_values(header: ReportHeader) -> dict[str, Any]:
    """The "Báo cáo" items of ``header``."""
    return {
        "so": header.number,
        "ngay_ban_hanh": header.issue_date.strftime("%d/%m/%Y") if header.issue_date else "",
        "nam_ban_hanh": header.issue_year if header.issue_year and not header.issue_date else "",
        "kinh_gui": "\n".join(header.addressees),
        "noi_nhan": "\n".join(header.recipients or ()),
        "ke_hoach_so": header.plan_number or "",
        "ke_hoach_ngay": header.plan_date.strftime("%d/%m/%Y") if header.plan_date else "",
    }


def add_report_sheet(book: Any, values: dict[str, Any]) -> Any:
    """Add the "Báo cáo" form sheet to ``book`` (an openpyxl workbook), first in order."""
    from generator.workflows.workbooks import add_form

    sheet = add_form(book, REPORT_SHEET, REPORT_ITEMS, values)
    book.move_sheet(REPORT_SHEET, -book.sheetnames.index(REPORT_SHEET))
    return sheet
