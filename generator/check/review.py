"""What a Sở Nội vụ reviewer checks beyond the layout rules (#23): the appendix heading's case,
the issuer in "(Kèm theo …)", the archive line, a report dated before its window ends, a page
left blank by a section break, and Biểu 06's header and identities.

Each rule rests on the same definitions the writer uses: ``domain.nd30_patterns`` (archive line),
``domain.form06`` (the form). Sources: docs/nd30-format.md §9, §10; docs/tthc-form-06.md §2–§3.
These are warnings: a reviewer sends the document back, but it is still a valid ND 30 document.
"""

from __future__ import annotations

import datetime as dt
import re

from docx.oxml.ns import qn

from generator.check.findings import Finding, warning
from generator.document.outline import Outline
from generator.domain import form06
from generator.domain.nd30_patterns import archive_lacks_office, fold, is_caps, parse_date_line
from generator.domain.unit_names import UNIT_NOUNS
from generator.ooxml.places import Place
from generator.ooxml.view import DocumentView

_SHORT_ISSUER = re.compile(
    r"của\s+(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân)\s+(?:" + "|".join(UNIT_NOUNS) + r")\)?\.?$",
    re.IGNORECASE,
)
_WINDOW_END = re.compile(
    r"(?:số liệu tính |\()?từ ngày (\d{1,2})/(\d{1,2})/(\d{4}),? (?:ước )?đến ngày (\d{1,2})/(\d{1,2})/(\d{4})"
)


def review_findings(view: DocumentView, outline: Outline) -> list[Finding]:
    """Every reviewer's point this module knows, in the order of the document."""
    return [
        *_appendix_case(outline),
        *_attached_to(view),
        *_archive(outline),
        *_dated_before_window(view, outline),
        *_blank_pages(view),
        *_form_06(view),
    ]


def _appendix_case(outline: Outline) -> list[Finding]:
    """ND 30 Phụ lục I, III.1.b: "Phụ lục" in lower case, not "PHỤ LỤC"."""
    return [
        warning(
            "phu_luc_chu",
            'tiêu đề phụ lục viết "Phụ lục" (chữ thường, đậm), không viết hoa cả chữ',
            item.place,
        )
        for item in outline.appendices
        if is_caps(item.text.split("\n")[0])
    ]


def _attached_to(view: DocumentView) -> list[Finding]:
    """ND 30 Phụ lục I, III.1.c: "(Kèm theo …)" names the issuing body in full."""
    findings = []
    for item in view.items:
        text = fold(item.text)
        if text.startswith("(Kèm theo") and _SHORT_ISSUER.search(text):
            message = 'dòng "Kèm theo" cần ghi đủ tên cơ quan ban hành (ví dụ "của UBND xã Lộc Thủy")'
            findings.append(warning("kem_theo", message, item.place))
    return findings


def _archive(outline: Outline) -> list[Finding]:
    """ND 30 Phụ lục I, II.9: the last Nơi nhận line is "- Lưu: VT, …"."""
    last = next((p for p in reversed(outline.closing) if fold(p.text).lstrip("- ").startswith("Lưu")), None)
    if last is None or not archive_lacks_office(last.text):
        return []
    return [warning("luu_vt", 'dòng "Lưu:" bắt đầu bằng VT (văn thư), ví dụ "- Lưu: VT, VP."', last.place)]


def _dated_before_window(view: DocumentView, outline: Outline) -> list[Finding]:
    """A BÁO CÁO dated before its data window ends reports figures that did not exist yet."""
    if outline.title is None or fold(outline.title.text).upper() != "BÁO CÁO":
        return []
    issued = next((d for d in (parse_date_line(p.text) for p in outline.header) if d is not None), None)
    if issued is None or issued.day is None or issued.month is None:
        return []
    try:
        day = dt.date(issued.year, issued.month, issued.day)
    except ValueError:
        return []
    for item in outline.body[:3]:
        text = fold(item.text)
        match = _WINDOW_END.search(text)
        if match is None:
            continue
        start = dt.date(int(match[3]), int(match[2]), int(match[1]))
        end = dt.date(int(match[6]), int(match[5]), int(match[4]))
        if day < start:
            message = (f"báo cáo đề ngày {day:%d/%m/%Y}, trước cả ngày đầu kỳ {start:%d/%m/%Y}: có lẽ chép từ báo cáo "
                       "kỳ khác")  # fmt: skip
            return [warning("ngay_truoc_ky", message, item.place)]
        if day < end and "ước" not in text:
            message = (f"báo cáo đề ngày {day:%d/%m/%Y}, trước ngày chốt số liệu {end:%d/%m/%Y}: "
                       "số liệu đến ngày chốt là số liệu ước, cần ghi rõ")  # fmt: skip
            return [warning("ngay_truoc_ky", message, item.place)]
        return []
    return []


def _blank_pages(view: DocumentView) -> list[Finding]:
    """A paragraph holding a section break right after a table, with room for a line: when the
    table ends at the foot of a page, that paragraph alone makes a page [practice]."""
    findings = []
    body = view.document.element.body
    for element in body.iterchildren(qn("w:p")):
        properties = element.pPr
        if properties is None or properties.find(qn("w:sectPr")) is None:
            continue
        previous = element.getprevious()
        if previous is None or previous.tag != qn("w:tbl") or "".join(element.itertext()).strip():
            continue
        spacing = properties.find(qn("w:spacing"))
        exact = spacing is not None and spacing.get(qn("w:lineRule")) == "exact"
        if not (exact and int(spacing.get(qn("w:line"), "240")) <= 40):
            index = list(body.iterchildren(qn("w:tbl"))).index(previous) + 1
            message = ("ngắt phần ngay sau bảng nằm trong một đoạn trống đủ cao một dòng: khi bảng kết thúc ở cuối "
                       "trang, đoạn này tạo ra một trang trắng")  # fmt: skip
            findings.append(
                warning("trang_trang", message, Place(table=index, row=len(previous.findall(qn("w:tr")))))
            )
    return findings


def _form_06(view: DocumentView) -> list[Finding]:
    """Biểu 06 (docs/tthc-form-06.md §2–§3): "Từ kỳ trước" beside "Trong đó", and every row's
    figures keep the form's identities."""
    findings: list[Finding] = []
    for number, (table, _) in enumerate(view.tables, start=1):
        # Each row's own cells (a merged cell's continuation is empty), not python-docx's grid.
        rows = [
            [fold("".join(t.text or "" for t in tc.iter(qn("w:t")))) for tc in row._tr.tc_lst]
            for row in table.rows
        ]
        if not rows or form06.RECEIVED not in rows[0]:
            continue
        findings += _form_header(number, rows)
        findings += _form_rows(number, rows)
    return findings


def _form_header(number: int, rows: list[list[str]]) -> list[Finding]:
    carried = form06.BY_KEY["ky_truoc"].title
    if len(rows) > 1 and carried not in rows[1] and any(carried in row for row in rows[2:4]):
        message = f'"{carried}" là một cột riêng bên cạnh "{form06.IN_WHICH}" (cột (6)), không nằm dưới "{form06.IN_WHICH}"'
        return [warning("bieu_06", message, Place(table=number, row=2))]
    return []


def _form_rows(number: int, rows: list[list[str]]) -> list[Finding]:
    findings = []
    keys = [c.key for c in form06.COLUMNS]
    for index, cells in enumerate(rows, start=1):
        if len(cells) != len(keys) or not _figure(cells[2]):
            continue
        values = {
            key: _figure(text) for key, text in zip(keys, cells, strict=True) if key in form06.FIGURE_KEYS
        }
        for total, parts, given, summed in form06.broken_identities(values):
            message = (f"{form06.identity_text(total, parts)} không đúng: ({total}) = {given}, tổng các cột là "
                       f"{summed}")  # fmt: skip
            findings.append(warning("bieu_06", message, Place(table=number, row=index).with_text(cells[1])))
    return findings


def _figure(text: str) -> int | None:
    digits = text.replace(".", "").replace(" ", "")
    return int(digits) if digits.isdecimal() else None
