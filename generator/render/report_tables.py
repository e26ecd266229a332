"""Rows of the report's tables: Biểu 06 (Phụ lục II and the consolidated table), the optional
online and apology figures, and the task-state counts (Phụ lục I).

The form's columns: docs/tthc-form-06.md §2; the task states: docs/targets-and-indicators.md §4.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from generator.domain.figures import on_time_ratio, online_ratio
from generator.domain.formatting import vn_percent
from generator.domain.indicators import DONE, DONE_LATE, NOT_STARTED, ONGOING, OVERDUE, STATES, rate
from generator.domain.models import FieldStats


def field_row(number: str, stats: FieldStats) -> dict[str, Any]:
    """One row of Biểu 06 (13 columns); a figure the workbook does not give is None.

    ``tiep_nhan`` (files received in the period) and ``tre_han`` (= ``qua_han``) keep the
    names templates used before the form's columns.
    """
    return {
        "stt": number, "ten": stats.field,
        "tong_nhan": stats.received_total, "truc_tuyen": stats.online, "truc_tiep": stats.direct,
        "ky_truoc": stats.carried, "da_giai_quyet": stats.resolved, "truoc_han": stats.early,
        "dung_han": stats.on_time, "qua_han": stats.late, "dang_giai_quyet": stats.pending,
        "dang_trong_han": stats.pending_in_time, "dang_qua_han": stats.pending_late,
        "toan_trinh": stats.online_full, "mot_phan": stats.online_partial, "thanh_toan": stats.paid_online,
        "thu_xin_loi": stats.late_apology,
        "tiep_nhan": stats.received, "tre_han": stats.late,
        "ty_le_dung_han": on_time_ratio(stats), "ty_le_truc_tuyen": online_ratio(stats),
    }  # fmt: skip


def extra_rows(total: FieldStats) -> list[dict[str, Any]]:
    """The optional figures of docs/tthc-form-06.md §5 the workbook gives, each with its share."""
    late = total.late + total.pending_late if total.pending_late is not None else None
    candidates = (
        ("Hồ sơ trực tuyến toàn trình", total.online_full, total.online, "số hồ sơ trực tuyến"),
        ("Hồ sơ trực tuyến một phần", total.online_partial, total.online, "số hồ sơ trực tuyến"),
        ("Hồ sơ thanh toán phí, lệ phí trực tuyến", total.paid_online, total.received_total,
         "tổng số hồ sơ nhận giải quyết"),
        ("Hồ sơ quá hạn đã có thư xin lỗi", total.late_apology, late, "số hồ sơ quá hạn"),
    )  # fmt: skip
    rows: list[dict[str, Any]] = []
    for name, count, base, of_what in candidates:
        if count is None:
            continue
        ratio = rate(count, base) if base is not None else None
        share = f"{vn_percent(ratio)} {of_what}" if ratio is not None else "—"
        rows.append({"stt": str(len(rows) + 1), "ten": name, "so_ho_so": count, "ty_le": share})
    return rows


def count_row(numeral: str, title: str, counts: Counter[str]) -> dict[str, Any]:
    """Tasks by state, for one group (or a unit, or the total)."""
    return {
        "so": numeral,
        "ten": title,
        "tong": sum(counts[s] for s in STATES),
        "hoan_thanh": counts[DONE],
        "hoan_thanh_qua_han": counts[DONE_LATE],
        "dang_thuc_hien": counts[ONGOING],
        "chua_thuc_hien": counts[NOT_STARTED],
        "qua_han": counts[OVERDUE],
    }
