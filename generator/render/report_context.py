"""A report and its computed figures → the context of ``templates/bao_cao_quy.docx``.

The body is the report's outline (``Report.body``: the default of docs/report-outline.md §4,
or the province's own): the unit's words as written, each slot replaced by the block cchc
computes (``render.report_sentences``), the body split around the targets table where the
"[Bảng: chỉ tiêu]" slot stands. Phụ lục I lists the tasks by state; Phụ lục II is Biểu
06/VPCP/KSTT (docs/tthc-form-06.md).
"""

from __future__ import annotations

from typing import Any

from generator.domain.figures import Measure, ReportFigures, TargetLine, TaskLine
from generator.domain.formatting import document_number, short_date, vn_number, vn_percent
from generator.domain.indicators import wording, year_end_text
from generator.domain.models import Paragraph, Report, Section
from generator.domain.outline import fill_heading
from generator.domain.unit_names import full_name
from generator.render.plan_context import appendix_reference, body_items, common_context
from generator.render.report_sentences import slot_sentences
from generator.render.report_tables import count_row, extra_rows, field_row, form_block


def report_summary(report: Report) -> str:
    """Trích yếu: "Kết quả thực hiện công tác cải cách hành chính quý I năm 2022" (+ phương hướng)."""
    period = report.period
    text = f"Kết quả thực hiện công tác cải cách hành chính {period.name}"
    return f"{text} và phương hướng, nhiệm vụ {period.next_name}" if period.has_outlook else text


def report_context(report: Report, figures: ReportFigures) -> dict[str, Any]:
    """Everything ``templates/bao_cao_quy.docx`` uses."""
    unit = report.plan.unit
    recipients = report.recipients
    if report.addressees:
        recipients = ("Như trên", *recipients)
    context = common_context(
        unit,
        kind_code="BC",
        number=report.number,
        issue_date=report.issue_date,
        issue_year=report.issue_year,
        summary=report_summary(report),
        signer=report.signer,
        recipients=recipients,
    )
    period = report.period
    context["kinh_gui"] = _addressees(report.addressees)
    context["kinh_gui_nhieu"] = _addressee_lines(report.addressees)
    context["ky_bao_cao"] = {"ten": period.name, "tu_ngay": period.start, "den_ngay": period.end}
    before, after = _body(report, figures)
    context["than"], context["than_tiep"], context["bang_chi_tieu"] = before or [], after, before is not None
    context["chi_tieu"] = [
        _target_row(i, line, unit.not_due) for i, line in enumerate(figures.targets, start=1)
    ]
    reference = appendix_reference(
        "Báo cáo", report.number, context["ky_hieu"], report.issue_date, report.issue_year, full_name(unit)
    )
    context["phu_luc_1"] = _task_appendix(report, figures, reference)
    context["phu_luc_2"] = _tthc_appendix(report, figures, reference)
    return context


def _body(report: Report, figures: ReportFigures) -> tuple[list[dict[str, Any]] | None, list[dict[str, Any]]]:
    """The body's items before and after the targets table (None before: the outline has none)."""
    closing = report.closing or (
        Paragraph(f"Trên đây là báo cáo kết quả thực hiện công tác cải cách hành chính {report.period.name} "
                  f"của {report.plan.unit.short_name}./."),
    )  # fmt: skip
    content = _resolve(report.body, report, figures)
    items = [{"kieu": "doan", "noi_dung": _opening(report)}, *body_items(content), *body_items(closing)]
    table = next((i for i, item in enumerate(items) if item.get("cho") == "chi_tieu"), None)
    if table is None:
        return None, items
    return items[:table], items[table + 1 :]


def _resolve(
    content: tuple[Section | Paragraph, ...], report: Report, figures: ReportFigures
) -> tuple[Section | Paragraph, ...]:
    """The outline with its period words filled in and each slot replaced by its sentences."""
    period = report.period
    resolved: list[Section | Paragraph] = []
    for item in content:
        if isinstance(item, Section):
            title = fill_heading(item.title, period.name, period.next_name)
            resolved.append(Section(title, _resolve(item.content, report, figures)))
        elif item.slot:
            resolved.extend(Paragraph(text) for text in slot_sentences(item.slot, report, figures))
            if item.slot == "chi_tieu":
                resolved.append(item)  # where the table goes
        else:
            resolved.append(item)
    return tuple(resolved)


def _addressee_lines(names: tuple[str, ...]) -> list[dict[str, str]]:
    """The recipients as lines (ND 30 ô 9a): with several, "Kính gửi:" then one "- …;" a line, the
    dashes aligned under each other, the last ending with "."; one recipient stands on the line."""
    lines = _addressees(names).split("\n") if names else []
    return [{"dau": "Kính gửi:" if i == 0 else "", "ten": line} for i, line in enumerate(lines)]


def _addressees(names: tuple[str, ...]) -> str:
    """ND 30 ô 9a: one recipient on the line; several as "- …;" lines, the last ending with "."."""
    if len(names) == 1:
        return names[0].rstrip(".;") + "."
    lines = [f"- {name.rstrip('.;')};" for name in names]
    if lines:
        lines[-1] = lines[-1][:-1] + "."
    return "\n".join(lines)


def _opening(report: Report) -> str:
    unit, period = report.plan.unit, report.period
    dated = f" ngày {short_date(report.plan_date)}" if report.plan_date else ""
    end = short_date(period.end)
    # Dated before its own cut-off, the figures are estimates up to the cut-off (#23 item 5).
    upto = (
        f"ước đến ngày {end}" if report.issue_date and report.issue_date < period.end else f"đến ngày {end}"
    )
    return (
        f"Thực hiện Kế hoạch số {document_number(report.plan_number)}/KH-{unit.abbreviation}{dated} "
        f"của {unit.short_name} về {report.plan.summary}, {unit.short_name} báo cáo kết quả thực hiện "
        f"công tác cải cách hành chính {period.name} (số liệu tính từ ngày {short_date(period.start)} "
        f"{upto}) như sau:"
    )


def _target_row(number: int, line: TargetLine, not_due: str) -> dict[str, str]:
    target = line.target
    scope = " (từng lĩnh vực)" if "*" in target.per_field else ""
    return {
        "stt": str(number),
        "ten": target.label + scope,
        "so_lieu": "\n".join(_count_text(m) for m in line.measures)
        or ("chưa có số liệu" if line.due else "—"),
        "ket_qua": "\n".join(_labelled(m, vn_percent(m.ratio)) for m in line.measures) or "—",
        "muc_tieu": wording(target),
        "danh_gia": (line.verdict or "—") if line.due else not_due,
    }


def _count_text(measure: Measure) -> str:
    if measure.achieved is None or measure.total is None:
        return _labelled(measure, "khảo sát")
    return _labelled(measure, f"{vn_number(measure.achieved)}/{vn_number(measure.total)}")


def _labelled(measure: Measure, text: str) -> str:
    return f"{measure.scope}: {text}" if measure.scope else text


def _task_appendix(report: Report, figures: ReportFigures, reference: str) -> dict[str, Any]:
    groups = []
    for group in report.plan.groups:
        lines = [line for line in figures.tasks if line.task.group == group.numeral]
        groups.append({
            "so": group.numeral,
            "ten": group.title,
            "nhiem_vu": [
                {
                    "stt": "" if line.task.number is None else str(line.task.number),
                    "nhiem_vu": line.task.text,
                    "chu_tri": line.task.lead,
                    "thoi_han": line.task.deadline,
                    "trang_thai": _state_text(line),
                    "ket_qua": line.progress.result,
                    "ngay_hoan_thanh": short_date(line.progress.completed) if line.progress.completed else "",
                }
                for line in lines
            ],
        })  # fmt: skip
    summary = [count_row(g.numeral, g.title, figures.counts[g.numeral]) for g in report.plan.groups]
    return {
        "tieu_de": f"TÌNH HÌNH THỰC HIỆN NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH {report.period.name.upper()}",
        "kem_theo": reference,
        "nhom": groups,
        "tong_hop": summary,
        "tong": count_row("", "Tổng cộng", figures.total_counts),
    }


def _state_text(line: TaskLine) -> str:
    """A task's state in Phụ lục I; in a report closing the plan's year, an unfinished task is
    "Chưa hoàn thành", with what staff said of it (#23)."""
    if line.unfinished_at_year_end:
        return year_end_text(line.state)
    return line.state.capitalize()


def _tthc_appendix(report: Report, figures: ReportFigures, reference: str) -> dict[str, Any]:
    """Phụ lục II: Biểu 06/VPCP/KSTT over the report's data window, then the optional figures."""
    unit = report.plan.unit
    receiving = report.addressees[0] if len(report.addressees) == 1 else unit.superior
    block = form_block(report.period, full_name(unit), receiving, unit.form_number, unit.form_act)
    return {
        "bieu": block,
        "tieu_de": block["tieu_de"],  # the names templates used before the top block
        "thoi_gian": block["thoi_gian"],
        "kem_theo": reference,
        "linh_vuc": [field_row(str(i), f) for i, f in enumerate(figures.fields, start=1)],
        "tong": field_row("", figures.total_field),
        "them": extra_rows(figures.total_field),
    }
