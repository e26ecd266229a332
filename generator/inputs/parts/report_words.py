"""The report's own words from Word (bao_cao_<kỳ>_<năm>.docx), under the outline's headings.

A file with marker paragraphs ("[Số liệu: TTHC]" …) is its own outline: see
``inputs.report_outline``. A file without follows the default outline (docs/report-outline.md §4): I. Công tác chỉ
đạo, điều hành; II. Kết quả thực hiện, with 1–6 the six areas; III. Đánh giá chung (1. Ưu
điểm, 2. Tồn tại, hạn chế); IV. Phương hướng; V. Đề xuất, kiến nghị; a closing "Trên đây …"
is optional. Headings are recognised by their words, not their numbers, so "II. KẾT QUẢ …"
and "2. Kết quả …" both read. Figures are cchc's: only the words come from here. The header
fields (số, ngày, kính gửi, the plan quoted) are an optional "Báo cáo" sheet of the workbook.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from generator.domain.models import Paragraph, ReportText, Section, Unit
from generator.domain.nd30_patterns import fold
from generator.domain.sheets import REPORT_SHEET as REPORT_SHEET
from generator.errors import Problems
from generator.inputs.documents.report_outline import has_markers, read_outline
from generator.inputs.formats.docx_file import WordFile
from generator.inputs.formats.excel import Workbook
from generator.inputs.formats.labelled import Form, Item, read_form
from generator.inputs.formats.words import WordParagraph, WordSection, WordText, empty_sections, read_words
from generator.inputs.parts.profile import clean_recipient
from generator.inputs.parts.report_text import ReportHeader, ReportWords
from generator.ooxml.places import Block

REPORT_ITEMS = (
    Item("so", "Số văn bản", aliases=("Số",), note="Để trống: văn thư ghi số sau khi ký (Số:      /BC-UBND)"),
    Item("ngay_ban_hanh", "Ngày ban hành", note="dd/mm/yyyy; để trống nếu chưa biết ngày ký"),
    Item("nam_ban_hanh", "Năm ở dòng ngày tháng", note="Khi chưa có ngày ban hành; mặc định là năm báo cáo"),
    Item("kinh_gui", "Kính gửi", note="Cơ quan nhận (mỗi nơi một dòng); có Kính gửi thì Nơi nhận bắt đầu bằng - Như trên;"),
    Item("noi_nhan", "Nơi nhận", note="Mỗi nơi một dòng; để trống: Nơi nhận của trang Đơn vị. Có Kính gửi thì cchc "
         "tự thêm - Như trên;"),
    Item("ke_hoach_so", "Số kế hoạch được dẫn", note="Số của Kế hoạch CCHC năm (mặc định lấy từ trang Kế hoạch)"),
    Item("ke_hoach_ngay", "Ngày kế hoạch được dẫn", note="dd/mm/yyyy (mặc định lấy từ trang Kế hoạch)"),
)  # fmt: skip
PARTS = (  # key, words that name the level-1 heading, the heading as cchc writes it
    ("leadership", ("chỉ đạo",), "I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH"),
    ("areas", ("kết quả",), "II. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH"),
    ("assessment", ("đánh giá",), "III. ĐÁNH GIÁ CHUNG"),
    ("outlook", ("phương hướng",), "IV. PHƯƠNG HƯỚNG, NHIỆM VỤ KỲ TỚI"),
    ("proposals", ("kiến nghị", "đề xuất"), "V. ĐỀ XUẤT, KIẾN NGHỊ"),
)
AREA_WORDS = {
    "the_che": ("thể chế",),
    "thu_tuc_hanh_chinh": ("thủ tục",),
    "to_chuc_bo_may": ("bộ máy",),
    "che_do_cong_vu": ("công vụ",),
    "tai_chinh_cong": ("tài chính",),
    "chinh_quyen_so": ("chính quyền", "chuyển đổi số", "điện tử"),
}
ASSESSMENT = (
    ("strengths", ("ưu điểm",), "1. Ưu điểm"),
    ("weaknesses", ("hạn chế", "tồn tại"), "2. Tồn tại, hạn chế và nguyên nhân"),
)


def _part(title: str, parts: Sequence[tuple[str, tuple[str, ...], str]]) -> str | None:
    words = fold(title).casefold()
    return next((key for key, names, _ in parts if any(name in words for name in names)), None)


def is_report_words(blocks: Sequence[Block]) -> bool:
    """True when the file places computed blocks (a marker paragraph), or when its level-1
    headings are those of the default report outline (three or more)."""
    text = read_words(Path(), blocks, Problems())
    return has_markers(text) or len({_part(s.title, PARTS) for s in text.sections} - {None}) >= 3


def read_report_words(
    words: WordFile, book: Workbook | None, unit: Unit | None, problems: Problems
) -> tuple[ReportHeader, ReportWords] | None:
    """The report's words and header; None when they have errors (they are in ``problems``).

    A file with markers is its own outline (``inputs.report_outline``); one without keeps the
    default outline's parts, recognised by their words.
    """
    before = len(problems.errors)
    form = read_form(book, REPORT_SHEET, REPORT_ITEMS, problems) if book is not None else None
    header = _header(form, unit)
    text = read_words(words.path, words.blocks, problems)
    for paragraph in text.opening:
        problems.add(paragraph.location, "đoạn trước mục I: cchc tự viết đoạn mở đầu của báo cáo; "
                     "hãy xóa đoạn này hoặc chuyển vào mục I")  # fmt: skip
    if has_markers(text):
        outline = read_outline(text, problems)
        return (header, outline) if len(problems.errors) == before else None
    empty_sections(text, problems)
    result = _default_parts(text, problems)
    return (header, ReportWords.of(result)) if len(problems.errors) == before else None


def _default_parts(text: WordText, problems: Problems) -> ReportText:
    """The parts of the default outline, found by their headings' words."""
    parts = _parts(text, problems)
    areas = _children(parts.get("areas"), AREA_WORDS, problems)
    assessment = _children(parts.get("assessment"), {key: words for key, words, _ in ASSESSMENT}, problems)
    for key, _, heading in PARTS:
        if key not in parts and key != "proposals":
            problems.add(text.at(), f"thiếu mục “{heading}”")
    return ReportText(
        leadership=_content(parts.get("leadership")),
        areas=areas,
        strengths=assessment["strengths"],
        weaknesses=assessment["weaknesses"],
        outlook=_content(parts.get("outlook")),
        proposals=_content(parts.get("proposals")) or (Paragraph("Không có."),),
        closing=tuple(p.freeze() for p in text.closing),
    )


def _parts(text: WordText, problems: Problems) -> dict[str, WordSection]:
    parts: dict[str, WordSection] = {}
    for section in text.sections:
        key = _part(section.title, PARTS)
        if key is None:
            names = "; ".join(heading for _, _, heading in PARTS)
            problems.add(section.location, f"mục không thuộc đề cương báo cáo (cần: {names})")
        elif key in parts:
            problems.add(section.location, f"mục này trùng với {parts[key].location}")
        else:
            parts[key] = section
    return parts


def _children(parent: WordSection | None, words: dict[str, tuple[str, ...]],
              problems: Problems) -> dict[str, tuple[Section | Paragraph, ...]]:  # fmt: skip
    """The content of each sub-heading of ``parent`` named by ``words``; errors for the rest."""
    if parent is None:
        return dict.fromkeys(words, ())
    table = [(key, names, "") for key, names in words.items()]
    found: dict[str, WordSection] = {}
    for item in parent.content:
        key = _part(item.title, table) if isinstance(item, WordSection) else None
        if isinstance(item, WordParagraph):
            problems.add(item.location, "đoạn này chưa thuộc mục con nào; hãy đặt dưới mục con phù hợp")
        elif key is None or key in found:
            problems.add(item.location, "mục con không thuộc đề cương báo cáo (hoặc bị lặp lại)")
        else:
            found[key] = item
    for key, names in words.items():
        if key not in found:
            problems.add(parent.location, f"thiếu mục con về “{names[0]}”")
    return {key: _content(found.get(key)) for key in words}


def _content(section: WordSection | None) -> tuple[Section | Paragraph, ...]:
    return tuple(item.freeze() for item in section.content) if section is not None else ()


def _header(form: Form | None, unit: Unit | None) -> ReportHeader:
    signer = unit.signer if unit else None
    if form is None:
        return ReportHeader("", None, None, (), None, None, signer, None)
    issue_date = form.reader.date(form.cell("ngay_ban_hanh"), required=False)
    year_cell = form.cell("nam_ban_hanh")
    year = None if year_cell.blank else form.reader.count(year_cell)
    return ReportHeader(
        number=form.text("so"),
        issue_date=issue_date,
        issue_year=issue_date.year if issue_date else year,
        addressees=form.lines("kinh_gui"),
        plan_number=form.text("ke_hoach_so") or None,
        plan_date=form.reader.date(form.cell("ke_hoach_ngay"), required=False),
        signer=signer,
        recipients=tuple(clean_recipient(line) for line in form.lines("noi_nhan")) or None,
        issue_date_at=form.cell("ngay_ban_hanh").location,
        plan_cited_at=form.cell("ke_hoach_so").location,
        plan_date_cited_at=form.cell("ke_hoach_ngay").location,
    )
