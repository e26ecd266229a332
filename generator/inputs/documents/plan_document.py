"""A whole plan typed in Word (last year's Kế hoạch CCHC) → the values of a working folder.

The document is read with the same view and outline as ``cchc check`` (docs/nd30-format.md
§3–§9): the header block (agency lines, số/ký hiệu, place and date — a borderless table or
plain paragraphs), the tên loại and trích yếu, the body (read by ``inputs.words``, as the
working folder's ke_hoach.docx is), the closing (Nơi nhận, quyền hạn, chức vụ, họ tên) and the
appendix tables (``inputs.appendix_table``). Nothing is guessed silently: what cannot be
placed is kept and reported with its place; only a file that is not a plan is refused.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.document.outline import Outline, read_outline
from generator.domain.areas import DEFAULT_GROUPS
from generator.domain.models import Signer
from generator.domain.nd30_patterns import (
    authority_of,
    document_type,
    fold,
    is_caps,
    is_date_line,
    is_motto,
    is_national_title,
    is_number_line,
    is_recipients_heading,
    parse_date_line,
    parse_number_line,
)
from generator.domain.superior import read_superior
from generator.errors import GeneratorError, Location, Problems
from generator.inputs.documents.appendix_table import AppendixRows, read_appendix, task_table_score
from generator.inputs.formats.docx_file import open_document
from generator.inputs.formats.words import WordText, read_words
from generator.inputs.parts.profile import clean_recipient, signer_lines, signer_parts
from generator.ooxml.blocks import read_blocks
from generator.ooxml.view import DocumentView, Piece, read_view

_DRAWN = re.compile(r"^[-_–—.=*\s]+$")  # a line typed as dashes under the agency or the Tiêu ngữ
_SIGNED = re.compile(
    r"^[\[(]?\s*(?:đã ký|ký tên|ký, đóng dấu|ký và đóng dấu|chữ ký)[^\])]*[\])]?$", re.IGNORECASE
)
_SLASHED = {"T/M": "TM", "K/T": "KT", "T/L": "TL"}
_LEVELS = ("thị trấn", "thị xã", "thành phố", "phường", "xã", "huyện", "tỉnh", "quận")


@dataclass
class ImportedPlan:
    """The values a plan's working folder gets from a Word plan, and the words themselves."""

    unit: dict[str, Any] = field(default_factory=dict)
    plan: dict[str, Any] = field(default_factory=dict)
    text: WordText = field(default_factory=lambda: WordText(Path()))
    appendix: AppendixRows = field(default_factory=AppendixRows)


def open_outline(path: Path, problems: Problems) -> tuple[DocumentView, Outline, str | None]:
    """The document at ``path`` read for its parts, and its tên loại ("KẾ HOẠCH", "BÁO CÁO"…)."""
    document = open_document(path, problems)
    if document is None:
        raise GeneratorError("; ".join(str(p) for p in problems.errors))
    view = read_view(document)
    outline = read_outline(view)
    return view, outline, document_type(outline.title.text) if outline.title is not None else None


def read_plan_document(view: DocumentView, outline: Outline, where: str, problems: Problems) -> ImportedPlan:
    """Read the plan of ``view`` (named ``where`` in messages); ``GeneratorError`` when it is not one."""
    _require_plan(outline, where)
    imported = ImportedPlan()
    imported.unit, imported.plan = header_values(outline, where, problems)
    imported.plan.update(_title(outline))
    imported.text = _body(view, outline, where, problems)
    imported.unit.update(_closing(outline, where, problems))
    imported.appendix = _appendix(view, outline, where, problems)
    imported.plan.update(_group_titles(imported.appendix))
    _appendix_title(view, outline, imported)
    _fill_gaps(imported, where, problems)
    return imported


def _require_plan(outline: Outline, where: str) -> None:
    kind = document_type(outline.title.text) if outline.title is not None else None
    if kind is None:
        raise GeneratorError(f"{where}: không phải một kế hoạch: không tìm thấy tên loại văn bản "
                             "“KẾ HOẠCH” (dòng in hoa, đậm, căn giữa trên trích yếu)")  # fmt: skip
    if kind != "KẾ HOẠCH":
        raise GeneratorError(f"{where}: không phải một kế hoạch: văn bản là {kind}")
    if not outline.body:
        raise GeneratorError(f"{where}: không phải một kế hoạch: không tìm thấy phần nội dung")


def header_values(outline: Outline, where: str, problems: Problems) -> tuple[dict[str, Any], dict[str, Any]]:
    """The unit's items (agency lines, ký hiệu, địa danh) and the document's (số, ngày) in its header."""
    unit: dict[str, Any] = {}
    plan: dict[str, Any] = {}
    agency: list[Piece] = []
    for piece in outline.header:
        text = piece.text
        if is_national_title(text) or is_motto(text) or _DRAWN.match(text):
            continue
        if is_number_line(text):
            parsed = parse_number_line(text)
            if parsed is not None:
                plan["so"] = parsed[0]
                unit["viet_tat"] = parsed[1].split("-", 1)[1] if "-" in parsed[1] else ""
        elif is_date_line(text):
            date = parse_date_line(text)
            if date is None:
                problems.warn(_at(where, piece), "không đọc được dòng địa danh, ngày tháng")
                continue
            unit["dia_danh"] = date.place
            if date.day and date.month:
                plan["ngay_ban_hanh"] = f"{date.day:02d}/{date.month:02d}/{date.year}"
            plan["nam_ban_hanh"] = date.year
        else:
            agency.append(piece)
    parent = [p for p in agency[:1] if len(agency) > 2 and not all(f.bold for f in p.formats())]
    unit["co_quan_chu_quan"] = " ".join(p.text for p in parent)
    unit["ten"] = "\n".join(p.text.upper() for p in agency[len(parent) :])
    return unit, plan


def _title(outline: Outline) -> dict[str, Any]:
    """Trích yếu, and the plan year it names ("… năm 2022")."""
    title = outline.title
    pieces = title.item.pieces() if title is not None else []
    summary = " ".join(p.text for p in pieces[1:]) if len(pieces) > 1 else ""
    if not summary and outline.summary is not None:
        summary = outline.summary.text
    years = re.findall(r"năm\s+(\d{4})", summary, re.IGNORECASE)
    return {"trich_yeu": summary, **({"nam": int(years[-1])} if years else {})}


def _body(view: DocumentView, outline: Outline, where: str, problems: Problems) -> WordText:
    first, last = outline.body[0].index, outline.body[-1].index
    blocks = [b for b in read_blocks(view) if first <= b.index <= last]
    for item in view.items[first : last + 1]:
        if item.place.text_box is not None and item.text.strip():
            problems.warn(Location(where, excerpt=item.text[:60]), f"{item.place}: chữ trong khung chữ "
                          "(text box) không được lấy; hãy chép vào ke_hoach.docx nếu cần")  # fmt: skip
    return read_words(Path(where), blocks, problems)


def _closing(outline: Outline, where: str, problems: Problems) -> dict[str, Any]:
    recipients: list[str] = []
    lines: list[str] = []
    values: dict[str, Any] = {}
    for piece in outline.closing:
        text = fold(piece.text)
        if is_recipients_heading(text) or _SIGNED.match(text):
            continue
        if text.startswith(("-", "–", "+", "•")) or (not lines and text.endswith(";")):
            item = clean_recipient(text)
            if item.casefold().startswith("lưu"):
                values["luu"] = item.split(":", 1)[1].strip() if ":" in item else item[3:].strip()
            else:
                recipients.append(item)
        elif is_caps(text) and "ho_ten" not in values:
            lines.append(_authority_form(text))
        elif lines and "ho_ten" not in values and any(ch.isalpha() for ch in text):
            values["ho_ten"] = text
        else:
            problems.warn(_at(where, piece), "không xếp được dòng này ở phần nơi nhận, chữ ký; hãy xem lại "
                          "trang Đơn vị của ke_hoach.xlsx")  # fmt: skip
    values["noi_nhan"] = "\n".join(recipients)
    values.update(_signer(lines, values.get("ho_ten", ""), where, problems))
    return values


def _authority_form(line: str) -> str:
    """ "T/M ỦY BAN" → "TM. ỦY BAN", "KT CHỦ TỊCH" → "KT. CHỦ TỊCH" (how ``signer_lines`` writes them)."""
    for slashed, plain in _SLASHED.items():
        if line.startswith(slashed):
            line = plain + line[len(slashed) :]
    authority = authority_of(line)
    return re.sub(r"^[A-Z]+[./]?\s*", f"{authority}. ", line, count=1) if authority else line


def _signer(lines: list[str], name: str, where: str, problems: Problems) -> dict[str, str]:
    if not lines:
        problems.warn(Location(where), "không tìm thấy khối chữ ký (quyền hạn, chức vụ, họ tên)")
        return {}
    authority = authority_of(lines[0]) or ""
    parts = signer_parts(Signer(authority, tuple(lines), name))
    again, _ = signer_lines(
        authority, parts.get("tap_the", ""), parts["chuc_vu"], parts.get("chuc_vu_cap_truong", "")
    )
    if list(again) != lines:
        problems.warn(Location(where), f"khối chữ ký “{' / '.join(lines)}” không đọc chắc được; hãy xem lại "
                      "quyền hạn, chức vụ ở trang Đơn vị")  # fmt: skip
    return parts


def _appendix(view: DocumentView, outline: Outline, where: str, problems: Problems) -> AppendixRows:
    """The tables after the "PHỤ LỤC" heading (without one: from the first task table on); when
    no task comes of them, a notice naming the tables seen and why none was taken."""
    tables = [(number, table) for number, (table, _) in enumerate(view.tables, start=1)]
    if outline.appendices:
        start = outline.appendices[0].index
        numbers = {i.place.table for i in view.items if i.place.table is not None and i.index > start}
        tables = [(number, table) for number, table in tables if number in numbers]
    else:
        scores = {number: task_table_score(table) for number, table in tables}
        first = max(scores, key=lambda n: (scores[n], -n)) if any(scores.values()) else None
        tables = [(number, table) for number, table in tables if first is not None and number >= first]
        if first is not None:
            problems.warn(Location(where, table=first), "không có đề mục “PHỤ LỤC”: bảng này được đọc là phụ lục "
                          "nhiệm vụ, hãy xem lại trang Nhiệm vụ")  # fmt: skip
    rows = read_appendix(tables, where, problems)
    if not rows.tasks:
        problems.warn(Location(where), f"không lấy được nhiệm vụ nào: {_why_no_tasks(view, tables, rows, where)}; "
                      "trang Nhiệm vụ để trống, hãy điền")  # fmt: skip
    return rows


def _why_no_tasks(view: DocumentView, tables: list[tuple[int, Any]], rows: AppendixRows, where: str) -> str:
    if tables:
        return "; ".join(rows.seen) or f"bảng {', '.join(str(n) for n, _ in tables)} không có dòng nhiệm vụ"
    why = f"văn bản có {len(view.tables)} bảng, không bảng nào sau đề mục “PHỤ LỤC” hoặc có dòng tiêu đề " \
          "STT, Nhiệm vụ…" if view.tables else "văn bản không có bảng nào"  # fmt: skip
    converted = Path(where).suffix.lower() in (".doc", ".rtf", ".odt")
    return why + ("; bảng có thể đã mất khi chuyển tệp sang .docx: hãy mở tệp bằng Word và lưu lại dạng "
                  ".docx rồi nhập lại" if converted else "")  # fmt: skip


def _group_titles(appendix: AppendixRows) -> dict[str, str]:
    """The "Tên nhóm …" items of the groups the appendix names otherwise than the national seven."""
    return {
        f"nhom_{numeral}": title
        for numeral, title in appendix.groups.items()
        if title and title != DEFAULT_GROUPS.get(numeral)
    }


def _appendix_title(view: DocumentView, outline: Outline, imported: ImportedPlan) -> None:
    """The appendix title under "PHỤ LỤC", and the unit's short name from "(Kèm theo … của UBND xã)"."""
    if not outline.appendices:
        return
    heading = outline.appendices[0]
    lines = [p.text for p in heading.pieces()[1:]]
    for item in view.items[heading.index + 1 :]:
        if not item.top_level:
            break
        lines += [p.text for p in item.pieces()]
    attached = [line for line in lines if fold(line).startswith("(Kèm theo")]
    title = [line for line in lines if line not in attached]
    if title:
        imported.plan["phu_luc"] = " ".join(title)
    issuer = re.search(r"của\s+(.+?)\)?\s*$", attached[0]) if attached else None
    if issuer:
        imported.unit["ten_goi_tat"] = issuer.group(1).strip()


def _fill_gaps(imported: ImportedPlan, where: str, problems: Problems) -> None:
    """The items a plan document does not state: derived where the document says them elsewhere."""
    plan, unit = imported.plan, imported.unit
    if "nam" not in plan:
        if "nam_ban_hanh" in plan:
            plan["nam"] = plan["nam_ban_hanh"]
        problems.warn(
            Location(where), "trích yếu không ghi “năm …”: hãy xem lại Năm kế hoạch ở trang Kế hoạch"
        )
    if plan.get("nam_ban_hanh") == plan.get("nam") or plan.get("ngay_ban_hanh"):
        plan.pop("nam_ban_hanh", None)
    names = unit.get("ten", "").splitlines()
    unit.setdefault("ten_goi_tat", _short_name(names))
    unit.setdefault("cap_tren", read_superior((p.text for p in imported.text.paragraphs()), names))
    for key, label in (
        ("viet_tat", "số, ký hiệu"),
        ("dia_danh", "địa danh, ngày tháng"),
        ("ten", "tên cơ quan"),
    ):
        if not unit.get(key):
            problems.warn(
                Location(where), f"không tìm thấy {label} ở phần đầu văn bản: hãy điền ở trang Đơn vị"
            )


def _short_name(names: list[str]) -> str:
    """("ỦY BAN NHÂN DÂN", "XÃ LỘC THỦY") → "UBND xã" (how the text names its own unit)."""
    if len(names) < 2 or fold(names[0]).upper() not in ("ỦY BAN NHÂN DÂN", "UỶ BAN NHÂN DÂN", "UBND"):
        return ""
    rest = fold(names[1]).lower()
    return next((f"UBND {level}" for level in _LEVELS if rest.startswith(level)), "")


def _at(where: str, piece: Piece) -> Location:
    place = piece.item.place
    return Location(
        where, paragraph=place.paragraph, table=place.table, row=place.row, excerpt=piece.text[:60]
    )
