"""Rows of the report's tables: Biểu 06 (Phụ lục II and the consolidated table), the optional
online and apology figures, and the task-state counts (Phụ lục I).

The form's columns: docs/tthc-form-06.md §2; the task states: docs/targets-and-indicators.md §4.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from generator.domain import form06
from generator.domain.figures import on_time_ratio, online_ratio
from generator.domain.formatting import short_date, vn_percent
from generator.domain.indicators import DONE, DONE_LATE, NOT_STARTED, ONGOING, OVERDUE, STATES, rate
from generator.domain.models import FieldStats
from generator.domain.periods import Period


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
        "thu_xin_loi": stats.late_apology, "co_phi": stats.with_fee,
        "tiep_nhan": stats.received, "tre_han": stats.late,
        "ty_le_dung_han": on_time_ratio(stats), "ty_le_truc_tuyen": online_ratio(stats),
    }  # fmt: skip


def form_block(
    period: Period,
    reporting: str,
    receiving: str,
    number: str = form06.FORM_NUMBER,
    act: str = form06.FORM_ACT,
) -> dict[str, str]:
    """The top block of Biểu 06 (docs/tthc-form-06.md §1): the form's number and issuing act,
    its title, the period and its window, who reports and who receives (each line left out
    when not known)."""
    return {
        "so_hieu": number,
        "ban_hanh": act,
        "tieu_de": form06.TITLE,
        "ky": f"Kỳ báo cáo: {period.name[:1].upper()}{period.name[1:]}",
        "thoi_gian": f"(Từ ngày {short_date(period.start)} đến ngày {short_date(period.end)})",
        "don_vi_bao_cao": f"Đơn vị báo cáo: {reporting}" if reporting else "",
        "don_vi_nhan": f"Đơn vị nhận báo cáo: {receiving}" if receiving else "",
        "don_vi_tinh": form06.UNIT_OF_COUNT,
    }


def extra_rows(total: FieldStats) -> list[dict[str, Any]]:
    """The optional figures of docs/tthc-form-06.md §5 the workbook gives, each with its share
    of its base; the online-payment share only when the files with a fee are counted (#23)."""
    late = total.late + total.pending_late if total.pending_late is not None else None
    counts = {"toan_trinh": total.online_full, "mot_phan": total.online_partial,
              "thanh_toan": total.paid_online, "thu_xin_loi": total.late_apology}  # fmt: skip
    bases = {"toan_trinh": total.online, "mot_phan": total.online, "thanh_toan": total.with_fee,
             "thu_xin_loi": late}  # fmt: skip
    rows: list[dict[str, Any]] = []
    for extra in form06.EXTRAS:
        count, base = counts[extra.key], bases[extra.key]
        if count is None:
            continue
        ratio = rate(count, base) if base is not None else None
        share = f"{vn_percent(ratio)} {extra.base}" if ratio is not None else "—"
        rows.append({"stt": str(len(rows) + 1), "ten": extra.title, "so_ho_so": count, "ty_le": share})
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
