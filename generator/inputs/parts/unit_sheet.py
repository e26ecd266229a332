"""The unit profile as a sheet ("Đơn vị"): the same ``Unit`` the ``don_vi:`` YAML part gives.

One row per item, as ``cchc init`` and ``cchc import`` write it: agency lines (one per line of
the cell, Alt+Enter), signer (quyền hạn from a drop-down), Nơi nhận (one per line), …
"""

from __future__ import annotations

import re

from generator.domain import form06
from generator.domain.models import AUTHORITIES, DEADLINE_DAY, NOT_DUE, Signer, Unit
from generator.domain.nd30_patterns import ARCHIVE_WARNING, archive_lacks_office
from generator.domain.periods import PERIODS, parse_day_month
from generator.domain.sheets import UNIT_SHEET as UNIT_SHEET
from generator.domain.text import ascii_slug
from generator.errors import Problems
from generator.inputs.formats.excel import Workbook
from generator.inputs.formats.labelled import Form, Item, read_form
from generator.inputs.parts.profile import archive_line, clean_recipient, signer_lines, unit_slug

BEFORE_CHOICES = {"ngày trước đó": True, "chính ngày đó": False}
UNIT_ITEMS = (
    Item("ten", "Tên cơ quan ban hành", True, ("Tên cơ quan",),
         note="Mỗi dòng in ra một dòng (xuống dòng trong ô: Alt+Enter), ví dụ ỦY BAN NHÂN DÂN ⏎ XÃ LỘC THỦY"),
    Item("co_quan_chu_quan", "Cơ quan chủ quản",
         note="Dòng trên tên cơ quan, không in đậm (ví dụ UBND TỈNH …); để trống nếu không ghi"),
    Item("viet_tat", "Chữ viết tắt trong ký hiệu", True, ("Viết tắt",),
         note="UBND → ký hiệu KH-UBND, BC-UBND"),
    Item("ten_goi_tat", "Tên gọi tắt trong văn bản", True, ("Tên gọi tắt",),
         note='Cách văn bản gọi đơn vị: "UBND xã" (… của UBND xã)'),
    Item("dia_danh", "Địa danh", True, note="Ở dòng ngày tháng: Lộc Thủy, ngày … tháng … năm …"),
    Item("cap_tren", "Cơ quan cấp trên", note="Cơ quan nhận báo cáo (cấp trên trực tiếp), ví dụ UBND tỉnh …"),
    Item("ma", "Tên ngắn đặt tên tệp", note="Chữ không dấu; để trống: lấy từ tên cơ quan (xa_loc_thuy)"),
    Item("quyen_han", "Quyền hạn ký", choices=AUTHORITIES,
         note="TM, KT, TL, TUQ, Q (chọn trong danh sách); để trống khi người đứng đầu ký"),
    Item("tap_the", "Tập thể (khi ký TM)", note="Ủy ban nhân dân → TM. ỦY BAN NHÂN DÂN"),
    Item("chuc_vu", "Chức vụ người ký", True, note="Chủ tịch, Phó Chủ tịch …"),
    Item("chuc_vu_cap_truong", "Chức vụ người đứng đầu", aliases=("Chức vụ cấp trưởng",),
         note="Khi ký KT, TL, TUQ (và TM khi cấp phó ký thay): Chủ tịch"),
    Item("ho_ten", "Họ tên người ký", True, note="Không ghi học hàm, học vị"),
    Item("noi_nhan", "Nơi nhận", True, note="Mỗi nơi một dòng (Alt+Enter); cchc tự thêm - và ;"),
    Item("luu", "Lưu", note="Dòng cuối - Lưu: …; ví dụ VT, VP (mặc định VT)"),
    Item("han_truoc_ngay", "Hạn “Trước ngày …” là", choices=tuple(BEFORE_CHOICES),
         note="“Trước ngày 15/01” là hạn 14/01 (ngày trước đó, mặc định) hay chính ngày 15/01"),
    Item("ky_bao_cao", "Kỳ chốt số liệu riêng", aliases=("Kỳ báo cáo riêng",),
         note="Chỉ khi tỉnh quy định khác Nghị định 09/2019: mỗi dòng một kỳ, ví dụ Q1: 20/12 - 19/03"),
    Item("han_gui_bao_cao", "Hạn gửi báo cáo (ngày)", aliases=("Hạn gửi báo cáo",),
         note="Ngày trong tháng cuối của kỳ; để trống: ngày 20 (Bộ Nội vụ). Tỉnh quy định sớm hơn thì ghi, ví dụ 18"),
    Item("chua_den_ky", "Chỉ tiêu chưa đến kỳ đánh giá ghi là",
         note="Cột Đánh giá của chỉ tiêu năm trong báo cáo quý, 6 tháng; để trống: Chưa đến kỳ đánh giá"),
    Item("tinh", "Tỉnh, thành phố", aliases=("Tỉnh",),
         note="Tên tỉnh hoặc thành phố trực thuộc trung ương, ví dụ Thừa Thiên Huế (Kính gửi: Sở Nội vụ …)"),
    Item("bieu_tthc", "Số hiệu biểu TTHC",
         note=f"Phụ lục II in theo biểu này; để trống: {form06.FORM_NUMBER}"),
    Item("bieu_tthc_ban_hanh", "Văn bản ban hành biểu TTHC",
         note=f"Dòng dưới số hiệu biểu; để trống: {form06.FORM_ACT}"),
)  # fmt: skip
_WINDOW = re.compile(
    r"^(?P<code>\w+)\s*:\s*(?P<start>\d{1,2}/\d{1,2})\s*(?:-|–|đến)\s*(?P<end>\d{1,2}/\d{1,2})$"
)


def read_unit_sheet(book: Workbook, problems: Problems) -> Unit | None:
    """The ``Unit`` of the "Đơn vị" sheet of ``book``; None when it has errors."""
    before = len(problems.errors)
    form = read_form(book, UNIT_SHEET, UNIT_ITEMS, problems)
    if form is None:
        return None
    name_lines = tuple(line.upper() for line in form.lines("ten"))
    signer = _signer(form, problems)
    before_rule = form.reader.choice(
        form.cell("han_truoc_ngay"), BEFORE_CHOICES, "cách tính hạn", required=False
    )
    slug = form.text("ma")
    unit = Unit(
        name_lines=name_lines,
        parent=form.text("co_quan_chu_quan").upper(),
        abbreviation=form.text("viet_tat"),
        short_name=form.text("ten_goi_tat"),
        place=form.text("dia_danh"),
        superior=form.text("cap_tren"),
        signer=signer,
        recipients=tuple(clean_recipient(item) for item in form.lines("noi_nhan")),
        archive=archive_line(form.text("luu")),
        slug=ascii_slug(slug) if slug else unit_slug(name_lines),
        window_rules=window_rules(form, problems),
        before_is_day_before=BEFORE_CHOICES.get((before_rule or "").casefold(), True),
        not_due=form.text("chua_den_ky") or NOT_DUE,
        deadline_day=_deadline_day(form),
        province=form.text("tinh"),
        form_number=form.text("bieu_tthc") or form06.FORM_NUMBER,
        form_act=form.text("bieu_tthc_ban_hanh") or form06.FORM_ACT,
    )
    if archive_lacks_office(unit.archive):
        problems.warn(form.cell("luu").location, f'"Lưu: {unit.archive}.": {ARCHIVE_WARNING}')
    return unit if len(problems.errors) == before else None


def _signer(form: Form, problems: Problems) -> Signer:
    authority = form.reader.choice(form.cell("quyen_han"), AUTHORITIES, "quyền hạn ký", required=False) or ""
    lines, missing = signer_lines(authority, form.text("tap_the"), form.text("chuc_vu"),
                                  form.text("chuc_vu_cap_truong"))  # fmt: skip
    if missing == "tap_the":
        problems.add(form.cell("tap_the").location, "cần tên tập thể khi ký TM. (ví dụ Ủy ban nhân dân)")
    elif missing:
        problems.add(form.cell(missing).location, f"cần chức vụ người đứng đầu khi ký {authority}.")
    return Signer(authority, lines, form.text("ho_ten"))


def window_rules(form: Form, problems: Problems) -> dict[str, tuple[str, str]]:
    """The "Kỳ chốt số liệu riêng" item: the province's own cut-off windows by period code."""
    rules: dict[str, tuple[str, str]] = {}
    for line in form.lines("ky_bao_cao"):
        match = _WINDOW.match(" ".join(line.split()))
        code = match["code"].upper() if match else ""
        if match is None or not (parse_day_month(match["start"]) and parse_day_month(match["end"])):
            problems.add(form.cell("ky_bao_cao").location,
                         f'"{line}": cần dạng Q1: 20/12 - 19/03 (mã kỳ, từ ngày - đến ngày)')  # fmt: skip
        elif code not in PERIODS:
            problems.add(form.cell("ky_bao_cao").location,
                         f'kỳ báo cáo "{match["code"]}" không hợp lệ (cần một trong: {", ".join(PERIODS)})')  # fmt: skip
        else:
            rules[code] = (match["start"], match["end"])
    return rules


def _deadline_day(form: Form) -> int:
    cell = form.cell("han_gui_bao_cao")
    if cell.blank:
        return DEADLINE_DAY
    day = form.reader.count(cell)
    if day is not None and not 1 <= day <= 31:
        form.reader.problems.add(
            cell.location, f"hạn gửi báo cáo là một ngày trong tháng (1–31), không phải {day}"
        )
    return day if day is not None and 1 <= day <= 31 else DEADLINE_DAY
