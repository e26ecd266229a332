"""A report and its computed figures → the context of ``templates/bao_cao_quy.docx``.

The outline follows docs/report-outline.md §4: I. chỉ đạo, điều hành; II. results by area
(and the plan's targets measured); III. đánh giá chung; IV. phương hướng; V. kiến nghị. The
narrative comes from the user; every figure and sentence with a figure is computed here.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from generator.domain.areas import AREAS
from generator.domain.figures import Measure, ReportFigures, TargetLine, on_time_ratio, online_ratio
from generator.domain.formatting import document_number, short_date, vn_number, vn_percent
from generator.domain.indicators import DONE, NOT_STARTED, ONGOING, OVERDUE, STATES, rate
from generator.domain.models import FieldStats, Paragraph, Report, Section
from generator.render.plan_context import appendix_reference, body_items, common_context

_WORDING = {">=": "tối thiểu {}", ">": "trên {}", "<=": "tối đa {}", "<": "dưới {}", "=": "{}"}


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
    context["ky_bao_cao"] = {"ten": period.name, "tu_ngay": period.start, "den_ngay": period.end}
    first, rest = _outline(report, figures)
    context["than"] = [{"kieu": "doan", "noi_dung": _opening(report)}, *body_items(first)]
    context["than_tiep"] = body_items(rest, start=3)
    context["chi_tieu"] = [_target_row(i, line) for i, line in enumerate(figures.targets, start=1)]
    reference = appendix_reference(
        "Báo cáo", report.number, context["ky_hieu"], report.issue_date, report.issue_year, unit.short_name
    )
    context["phu_luc_1"] = _task_appendix(report, figures, reference)
    context["phu_luc_2"] = _tthc_appendix(report, figures, reference)
    return context


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
    return (
        f"Thực hiện Kế hoạch số {document_number(report.plan_number)}/KH-{unit.abbreviation}{dated} "
        f"của {unit.short_name} về {report.plan.summary}, {unit.short_name} báo cáo kết quả thực hiện "
        f"công tác cải cách hành chính {period.name} (số liệu tính từ ngày {short_date(period.start)} "
        f"đến ngày {short_date(period.end)}) như sau:"
    )


def _outline(report: Report, figures: ReportFigures) -> tuple[tuple[Section, ...], tuple[Section, ...]]:
    text, period = report.text, report.period
    areas = []
    for key, title in AREAS:
        extra = (Paragraph(_tthc_sentence(figures.total_field)),) if key == "thu_tuc_hanh_chinh" else ()
        areas.append(Section(title, (*text.areas[key], *extra)))
    measured = "Kết quả đo các chỉ tiêu của Kế hoạch đến ngày chốt số liệu như sau:"
    areas.append(Section("Kết quả thực hiện các chỉ tiêu của Kế hoạch", (Paragraph(measured),)))
    first = (
        Section("CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH",
                (*text.leadership, Paragraph(_task_sentence(report, figures.total_counts)))),
        Section("KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH", tuple(areas)),
    )  # fmt: skip
    closing = text.closing or (
        Paragraph(f"Trên đây là báo cáo kết quả thực hiện công tác cải cách hành chính {period.name} "
                  f"của {report.plan.unit.short_name}./."),
    )  # fmt: skip
    rest = (
        Section("ĐÁNH GIÁ CHUNG", (Section("Ưu điểm", text.strengths),
                                   Section("Tồn tại, hạn chế và nguyên nhân", text.weaknesses))),
        Section(f"PHƯƠNG HƯỚNG, NHIỆM VỤ TRỌNG TÂM {period.next_name.upper()}", text.outlook),
        Section("ĐỀ XUẤT, KIẾN NGHỊ", (*text.proposals, *closing)),
    )  # fmt: skip
    return first, rest


def _task_sentence(report: Report, counts: Counter[str]) -> str:
    total = sum(counts[s] for s in STATES)
    done = counts[DONE]
    share = vn_percent(rate(done, total))
    return (
        f"Kế hoạch cải cách hành chính năm {report.plan.year} có {total} nhiệm vụ; đến ngày "
        f"{short_date(report.period.end)} đã hoàn thành {done} nhiệm vụ ({share}), đang thực hiện "
        f"{counts[ONGOING]}, chưa thực hiện {counts[NOT_STARTED]}, quá hạn {counts[OVERDUE]} "
        "(chi tiết tại Phụ lục I)."
    )


def _tthc_sentence(total: FieldStats) -> str:
    return (
        f"Trong kỳ, tiếp nhận {vn_number(total.received)} hồ sơ thủ tục hành chính (trực tuyến "
        f"{vn_number(total.online)} hồ sơ, đạt {vn_percent(online_ratio(total))}); đã giải quyết "
        f"{vn_number(total.resolved)} hồ sơ, trong đó trước hạn {vn_number(total.early)}, đúng hạn "
        f"{vn_number(total.on_time)}, trễ hạn {vn_number(total.late)}; tỷ lệ giải quyết đúng hạn "
        f"{vn_percent(on_time_ratio(total))}; đang giải quyết {vn_number(total.pending)} hồ sơ "
        "(chi tiết tại Phụ lục II)."
    )


def _target_row(number: int, line: TargetLine) -> dict[str, str]:
    target = line.target
    wording = _WORDING[target.comparison].format(vn_percent(target.value / 100))
    scope = " (từng lĩnh vực)" if "*" in target.per_field else ""
    return {
        "stt": str(number),
        "ten": target.label + scope,
        "so_lieu": "\n".join(_count_text(m) for m in line.measures) or "chưa có số liệu",
        "ket_qua": "\n".join(_labelled(m, vn_percent(m.ratio)) for m in line.measures) or "—",
        "muc_tieu": wording,
        "danh_gia": line.verdict or "—",
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
                    "trang_thai": line.state.capitalize(),
                    "ket_qua": line.progress.result,
                    "ngay_hoan_thanh": short_date(line.progress.completed) if line.progress.completed else "",
                }
                for line in lines
            ],
        })  # fmt: skip
    summary = [_count_row(g.numeral, g.title, figures.counts[g.numeral]) for g in report.plan.groups]
    return {
        "tieu_de": f"TÌNH HÌNH THỰC HIỆN NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH {report.period.name.upper()}",
        "kem_theo": reference,
        "nhom": groups,
        "tong_hop": summary,
        "tong": _count_row("", "Tổng cộng", figures.total_counts),
    }


def _count_row(numeral: str, title: str, counts: Counter[str]) -> dict[str, Any]:
    return {
        "so": numeral,
        "ten": title,
        "tong": sum(counts[s] for s in STATES),
        "hoan_thanh": counts[DONE],
        "dang_thuc_hien": counts[ONGOING],
        "chua_thuc_hien": counts[NOT_STARTED],
        "qua_han": counts[OVERDUE],
    }


def _tthc_appendix(report: Report, figures: ReportFigures, reference: str) -> dict[str, Any]:
    return {
        "tieu_de": f"TÌNH HÌNH GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH {report.period.name.upper()}",
        "kem_theo": reference,
        "linh_vuc": [_field_row(str(i), f) for i, f in enumerate(figures.fields, start=1)],
        "tong": _field_row("", figures.total_field),
    }


def _field_row(number: str, field: FieldStats) -> dict[str, Any]:
    return {
        "stt": number,
        "ten": field.field,
        "tiep_nhan": field.received,
        "truc_tuyen": field.online,
        "ky_truoc": field.carried,
        "da_giai_quyet": field.resolved,
        "truoc_han": field.early,
        "dung_han": field.on_time,
        "tre_han": field.late,
        "dang_giai_quyet": field.pending,
        "ty_le_dung_han": on_time_ratio(field),
        "ty_le_truc_tuyen": online_ratio(field),
    }
