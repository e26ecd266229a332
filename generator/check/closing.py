"""Closing rules of ND 30 (ô 7, 9b) and the appendix (Phụ lục I Mục III, Mẫu 2.1).

Signature: quyền hạn and chức vụ in caps and bold ("TM.", "KT.", "TL.", "TUQ.", "Q."), the
name bold with no học hàm, học vị. Nơi nhận: the heading bold italic 12 pt, items 11 pt
starting "- " and ending ";", the last one "- Lưu: …." Appendix: heading bold and centred,
the table's first row repeated on every page.

Rules and sources: docs/nd30-format.md §8, §9 and §11.
"""

from __future__ import annotations

from docx.oxml.ns import qn
from docx.table import Table

from generator.check.findings import Finding, error, warning
from generator.check.lines import TYPED_LINE
from generator.check.patterns import (
    authority_problems,
    fold,
    is_caps,
    is_recipients_heading,
    recipient_problems,
    recipients_heading_problems,
    signer_name_problems,
)
from generator.check.style import Expected, style_findings
from generator.document.outline import Outline
from generator.domain import nd30
from generator.ooxml.view import DocumentView, Piece

SIGNER = Expected(bold=True, sizes=nd30.NGUOI_KY.accepted)
_ITEM_START = ("-", "–", "—", "+", "•")


def closing_findings(outline: Outline) -> list[Finding]:
    """The signature block and the Nơi nhận list, told apart wherever they are."""
    pieces = outline.closing
    at = next((i for i, p in enumerate(pieces) if is_recipients_heading(p.text)), None)
    heading = pieces[at] if at is not None else None
    recipients = _recipient_pieces(pieces, at) if at is not None else []
    taken = [heading, *recipients]
    signer = [
        p
        for p in pieces
        if not any(p is t for t in taken) and not p.text.startswith("(") and not TYPED_LINE.match(p.text)
    ]
    return _signature(signer) + _recipients(heading, recipients, addressed=outline.addressed)


def _recipient_pieces(pieces: list[Piece], at: int) -> list[Piece]:
    """The list under "Nơi nhận:": the rest of its table cell, or the following "- …" paragraphs."""
    heading = pieces[at]
    if not heading.item.top_level:
        return [p for p in pieces[at + 1 :] if p.item.container is heading.item.container]
    found = []
    previous = heading.item
    for piece in pieces[at + 1 :]:
        if piece.item is previous:
            continue  # a later column of the same line (tabs): the signature side
        previous = piece.item
        if not (
            piece.text.startswith(_ITEM_START) or fold(piece.text).lower().startswith(("lưu", "như trên"))
        ):
            break
        found.append(piece)
    return found


def _signature(signer: list[Piece]) -> list[Finding]:
    if not signer:
        return [warning("chu_ky", "không tìm thấy khối chữ ký (quyền hạn, chức vụ, họ tên người ký)")]
    last = signer[-1]
    titles: list[Piece] = signer[:-1]
    name: Piece | None = last
    spaced = len(signer) > 1 and last.item.index - signer[-2].item.index > 1  # room for the signature
    findings: list[Finding] = []
    if is_caps(last.text) and not spaced:
        titles, name = signer, None
        findings.append(warning("ho_ten_nguoi_ky", "không tìm thấy họ tên người ký", last.place))
    if not titles:
        findings.append(warning("quyen_han", "không tìm thấy quyền hạn, chức vụ người ký"))
    for piece in titles:
        findings += [error("quyen_han", message, piece.place) for message in authority_problems(piece.text)]
        findings += style_findings("quyen_han", "quyền hạn, chức vụ người ký", piece, SIGNER)
    if name is not None:
        problems = signer_name_problems(name.text)
        findings += [error("ho_ten_nguoi_ky", message, name.place) for message in problems]
        findings += style_findings("ho_ten_nguoi_ky", "họ tên người ký", name, SIGNER)
    return findings


def _recipients(heading: Piece | None, items: list[Piece], *, addressed: bool) -> list[Finding]:
    if heading is None:
        return [warning("noi_nhan", 'không tìm thấy phần "Nơi nhận:"')]
    findings = [
        error("noi_nhan", message, heading.place) for message in recipients_heading_problems(heading.text)
    ]
    expected = Expected(bold=True, italic=True, sizes=nd30.NOI_NHAN_TIEU_DE.accepted)
    findings += style_findings("noi_nhan", 'tiêu đề "Nơi nhận:"', heading, expected)
    if not items:
        return [*findings, warning("noi_nhan", "không tìm thấy danh sách nơi nhận", heading.place)]
    for index, message in recipient_problems([p.text for p in items], addressed=addressed):
        findings.append(error("noi_nhan", message, items[index].place))
    for piece in items:
        findings += style_findings("noi_nhan", "dòng nơi nhận", piece, Expected(sizes=nd30.NOI_NHAN.accepted))
    return findings


def appendix_findings(view: DocumentView, outline: Outline) -> list[Finding]:
    """Each "PHỤ LỤC" heading bold and centred; the first row of its table repeats on every page."""
    findings: list[Finding] = []
    headings = outline.appendices
    for position, heading in enumerate(headings):
        piece = heading.pieces()[0]
        findings += style_findings(
            "phu_luc", "tiêu đề phụ lục", piece, Expected(bold=True, alignment="center")
        )
        end = headings[position + 1].index if position + 1 < len(headings) else len(view.items)
        # The first table of several rows: a one-row table is a layout block (a form's top block).
        first_cell = next(
            (i for i in view.items[heading.index + 1 : end]
             if i.place.table is not None and len(view.tables[i.place.table - 1][0].rows) > 1),
            None,
        )  # fmt: skip
        if first_cell is None or first_cell.place.table is None:
            continue
        table = view.tables[first_cell.place.table - 1][0]
        if not repeats_header(table):
            message = "hàng tiêu đề của bảng phụ lục chưa lặp lại ở đầu mỗi trang (Lặp lại hàng tiêu đề)"
            findings.append(error("phu_luc", message, first_cell.place))
    return findings


def repeats_header(table: Table) -> bool:
    """True when the table's first row is marked to repeat at the top of each page (``w:tblHeader``)."""
    if not table.rows:
        return True
    properties = table.rows[0]._tr.trPr
    marker = properties.find(qn("w:tblHeader")) if properties is not None else None
    return marker is not None and marker.get(qn("w:val"), "true") not in ("0", "false", "off")
