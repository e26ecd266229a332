"""The sentences cchc writes into a report's slots (``domain.outline``): tasks, TTHC files,
the counts of the "Kết quả CCHC" sheet, and the words before the targets table.

Every figure in them is computed (``domain.figures``); the wording follows the form's terms
(docs/tthc-form-06.md: "quá hạn", "từ kỳ trước") and the task states of
docs/targets-and-indicators.md §4.
"""

from __future__ import annotations

from generator.domain.activities import phrases
from generator.domain.figures import ReportFigures, on_time_ratio, online_ratio
from generator.domain.formatting import short_date, vn_number, vn_percent
from generator.domain.indicators import DONE_LATE, FINISHED, NOT_STARTED, ONGOING, OVERDUE, STATES, rate
from generator.domain.models import FieldStats, Report
from generator.domain.periods import Period


def targets_intro(period: Period) -> str:
    """The words before the targets table, saying which window its figures cover: from the
    start of the year, or this period alone (a quý III figure is not the year's so far)."""
    if period.from_year_start:
        window = f"lũy kế từ đầu năm đến ngày {short_date(period.end)}"
    else:
        window = f"trong kỳ (từ ngày {short_date(period.start)} đến ngày {short_date(period.end)})"
    return f"Kết quả thực hiện các chỉ tiêu của Kế hoạch {window} như sau:"


def slot_sentences(key: str, report: Report, figures: ReportFigures) -> list[str]:
    """The paragraphs of slot ``key`` (none when the slot has nothing to say)."""
    if key == "nhiem_vu":
        return [task_sentence(report, figures)]
    if key == "tthc":
        return tthc_sentences(figures.total_field, report.period.from_year_start)
    if key == "chi_tieu":
        return [targets_intro(report.period)]
    found = phrases(report.progress.activities, key)
    if not found:
        return []
    lead = "Lũy kế từ đầu năm" if report.period.from_year_start else "Trong kỳ"
    return [f"{lead}, {report.plan.unit.short_name} {'; '.join(found)}."]


def task_sentence(report: Report, figures: ReportFigures) -> str:
    """The plan's tasks by state at the cut-off date, and those that fell due in the period."""
    counts = figures.total_counts
    total = sum(counts[s] for s in STATES)
    done = sum(counts[s] for s in FINISHED)
    late = f", trong đó {counts[DONE_LATE]} nhiệm vụ hoàn thành quá hạn" if counts[DONE_LATE] else ""
    # A report closing the year counts every task due up to the year's end (#23), and says what is
    # still unfinished at its cut-off.
    phrase = f"có thời hạn đến hết năm {report.plan.year}" if figures.closes_year else "đến hạn trong kỳ"
    due = (
        f"Có {figures.fell_due} nhiệm vụ {phrase}, trong đó {figures.done_on_time} nhiệm vụ hoàn thành đúng hạn"
        if figures.fell_due
        else f"Không có nhiệm vụ nào {phrase}"
    )
    if figures.closes_year:
        cut_off = short_date(report.period.end)
        due += (
            f"; đến ngày {cut_off} còn {figures.unfinished} nhiệm vụ chưa hoàn thành"
            if figures.unfinished
            else f"; đến ngày {cut_off} các nhiệm vụ này đều đã hoàn thành"
        )
    return (
        f"Kế hoạch cải cách hành chính năm {report.plan.year} có {total} nhiệm vụ; đến ngày "
        f"{short_date(report.period.end)} đã hoàn thành {done} nhiệm vụ ({vn_percent(rate(done, total))}){late}; "
        f"đang thực hiện {counts[ONGOING]}, chưa thực hiện {counts[NOT_STARTED]}, quá hạn {counts[OVERDUE]}. "
        f"{due} (chi tiết tại Phụ lục I)."
    )


def tthc_sentences(total: FieldStats, from_year_start: bool) -> list[str]:
    """The files of Biểu 06 in words: received, resolved, pending; then online filing and the
    optional figures the workbook gives."""
    n = vn_number
    pending = f"đang giải quyết {n(total.pending)} hồ sơ"
    if total.pending_in_time is not None and total.pending_late is not None:
        pending += f" (trong hạn {n(total.pending_in_time)}, quá hạn {n(total.pending_late)})"
    lead = "Lũy kế từ đầu năm" if from_year_start else "Trong kỳ"
    files = (
        f"{lead}, tổng số hồ sơ thủ tục hành chính nhận giải quyết là {n(total.received_total)} hồ sơ (trực "
        f"tuyến {n(total.online)}, trực tiếp và qua dịch vụ bưu chính công ích {n(total.direct)}, từ kỳ trước "
        f"chuyển sang {n(total.carried)}); đã giải quyết {n(total.resolved)} hồ sơ (trước hạn {n(total.early)}, "
        f"đúng hạn {n(total.on_time)}, quá hạn {n(total.late)}), tỷ lệ giải quyết đúng hạn "
        f"{vn_percent(on_time_ratio(total))}; {pending}."
    )
    online = f"Tỷ lệ hồ sơ tiếp nhận trực tuyến {vn_percent(online_ratio(total))}"
    kinds = [f"{name} {n(value)}" for name, value in (("toàn trình", total.online_full),
             ("một phần", total.online_partial)) if value is not None]  # fmt: skip
    online += f" ({', '.join(kinds)})" if kinds else ""
    if total.paid_online is not None:
        online += f"; {n(total.paid_online)} hồ sơ thanh toán phí, lệ phí trực tuyến"
    if total.late_apology is not None:
        online += f"; {n(total.late_apology)} hồ sơ quá hạn đã có thư xin lỗi"
    return [files, online + " (chi tiết tại Phụ lục II)."]
