"""Models → the template context: the names a template uses, documented in docs/mau-rieng.md.

Values stay typed (dates, numbers) where a template filter formats them (``ngay``,
``so_van_ban``, ``phan_tram``), so a user's own template decides how they are shown.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from markupsafe import Markup

from generator.domain import nd30
from generator.domain.formatting import document_number, vn_date
from generator.domain.models import Paragraph, Plan, Section, Signer, Unit
from generator.domain.unit_names import full_name
from generator.ooxml.writing import line_paragraph

_KINDS = ("muc", "khoan", "diem")


def common_context(
    unit: Unit,
    *,
    kind_code: str,
    number: str,
    issue_date: dt.date | None,
    issue_year: int,
    summary: str,
    signer: Signer,
    recipients: tuple[str, ...],
) -> dict[str, Any]:
    """Header, title, signature and Nơi nhận: the parts every ND 30 document shares."""
    return {
        "co_quan": {
            "chu_quan": unit.parent,
            "ten": "\n".join(unit.name_lines),
            "ten_goi_tat": unit.short_name,
            "viet_tat": unit.abbreviation,
        },
        "ky_hieu": f"{kind_code}-{unit.abbreviation}",
        "so": number,
        "dia_danh": unit.place,
        "ngay_ban_hanh": issue_date,
        "nam_ban_hanh": issue_year,
        "trich_yeu": summary,
        "nguoi_ky": {"chuc_danh": list(signer.title_lines), "ho_ten": signer.name},
        "noi_nhan": list(recipients),
        "luu": unit.archive,
        "duong_ke": {
            "co_quan": _line(unit.name_lines, nd30.SIZE_AGENCY, nd30.LEFT_ROOM),
            "trich_yeu": _line([summary], nd30.SIZE_TITLE, nd30.TEXT_WIDTH),
            "phu_luc": appendix_line(),
        },
    }


def appendix_line() -> Markup:
    """The short line under an appendix heading (ND 30 Mẫu 2.1)."""
    return Markup(line_paragraph(1200, nd30.LANDSCAPE_TEXT_WIDTH))


def _line(lines: list[str] | tuple[str, ...], size: int, room: int) -> Markup:
    length = nd30.line_length(lines, size, True, nd30.SHORT_LINE_RATIO, room)
    return Markup(line_paragraph(length, room))


def body_items(
    content: tuple[Section | Paragraph, ...], depth: int = 0, start: int = 1
) -> list[dict[str, Any]]:
    """Flatten headings and paragraphs into the ``than`` list, numbering headings by depth.

    ``start`` is the first heading's number. A slot of a report's outline (a paragraph with
    ``slot``) becomes ``{"cho": slot}``, for the report's context to replace.
    """
    items: list[dict[str, Any]] = []
    number = start - 1
    for item in content:
        if isinstance(item, Paragraph):
            items.append({"cho": item.slot} if item.slot else {"kieu": "doan", "noi_dung": item.text})
            continue
        number += 1
        items.append({"kieu": _KINDS[min(depth, 2)], "so": number, "tieu_de": item.title})
        items.extend(body_items(item.content, depth + 1))
    return items


def appendix_reference(
    document: str, number: str, code: str, issue_date: dt.date | None, year: int, issuer: str
) -> str:
    """ "(Kèm theo Kế hoạch số      /KH-UBND ngày 07 tháng 01 năm 2022 của UBND xã Lộc Thủy)": the
    issuer in full (ND 30 Phụ lục I, III.1.c; docs/nd30-format.md)."""
    return (
        f"(Kèm theo {document} số {document_number(number)}/{code} {vn_date(issue_date, year)} của {issuer})"
    )


def plan_context(plan: Plan) -> dict[str, Any]:
    """Everything ``templates/ke_hoach.docx`` uses."""
    context = common_context(
        plan.unit,
        kind_code="KH",
        number=plan.number,
        issue_date=plan.issue_date,
        issue_year=plan.issue_year,
        summary=plan.summary,
        signer=plan.signer,
        recipients=plan.recipients,
    )
    context["nam"] = plan.year
    context["than"] = [
        *({"kieu": "doan", "noi_dung": p.text} for p in plan.opening),
        *body_items(plan.body),
        *({"kieu": "doan", "noi_dung": p.text} for p in plan.closing),
    ]
    context["phu_luc"] = {
        "tieu_de": plan.appendix_title,
        "kem_theo": appendix_reference(
            "Kế hoạch",
            plan.number,
            context["ky_hieu"],
            plan.issue_date,
            plan.issue_year,
            full_name(plan.unit),
        ),
        "nhom": [
            {
                "so": group.numeral,
                "ten": group.title,
                "nhiem_vu": [
                    {
                        "ma": task.code,
                        "stt": "" if task.number is None else str(task.number),
                        "nhiem_vu": task.text,
                        "san_pham": task.product,
                        "chu_tri": task.lead,
                        "phoi_hop": task.partners,
                        "thoi_gian": task.deadline,
                        "kinh_phi": task.budget,
                        "them": [text for _, text in task.extra],
                    }
                    for task in group.tasks
                ],
            }
            for group in plan.groups
        ],
        "cot_them": [header for header, _ in plan.tasks[0].extra] if plan.tasks else [],
    }
    return context
