"""The measurable indicators (chỉ số) that plan targets name and reports compute.

What each code means and what is divided by what: docs/targets-and-indicators.md §6.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True)
class Metric:
    """A rate a report can compute; ``source`` says which input holds its figures."""

    label: str
    source: str  # "tthc": TTHC sheet; "nhiem_vu": task progress; "so_lieu": counts sheet


METRICS: dict[str, Metric] = {
    "ty_le_dung_han": Metric("Tỷ lệ hồ sơ TTHC giải quyết đúng hạn", "tthc"),
    "ty_le_tre_han": Metric("Tỷ lệ hồ sơ TTHC giải quyết trễ hạn", "tthc"),
    "ty_le_truc_tuyen": Metric("Tỷ lệ hồ sơ TTHC tiếp nhận trực tuyến", "tthc"),
    "ty_le_nhiem_vu_hoan_thanh": Metric("Tỷ lệ nhiệm vụ trong kế hoạch đã hoàn thành", "nhiem_vu"),
    "ty_le_vbqppl_dung_quy_dinh": Metric("Tỷ lệ VBQPPL ban hành đúng quy định", "so_lieu"),
    "ty_le_vbqppl_ra_soat": Metric("Tỷ lệ VBQPPL được rà soát", "so_lieu"),
    "ty_le_cong_khai_tthc": Metric("Tỷ lệ quyết định công bố TTHC được công khai kịp thời", "so_lieu"),
    "ty_le_mot_cua": Metric("Tỷ lệ TTHC giải quyết theo cơ chế một cửa, một cửa liên thông", "so_lieu"),
    "ty_le_4_tai_cho": Metric("Tỷ lệ TTHC giải quyết theo phương châm “4 tại chỗ”", "so_lieu"),
    "ty_le_so_hoa_ket_qua": Metric("Tỷ lệ kết quả giải quyết TTHC được số hóa", "so_lieu"),
    "ty_le_so_hoa_ho_so": Metric("Tỷ lệ hồ sơ TTHC được số hóa", "so_lieu"),
    "ty_le_hai_long_tthc": Metric("Mức độ hài lòng về giải quyết TTHC", "so_lieu"),
    "ty_le_pakn_xu_ly": Metric("Tỷ lệ phản ánh, kiến nghị được xử lý dứt điểm", "so_lieu"),
    "ty_le_khong_cung_cap_lai": Metric("Tỷ lệ không phải cung cấp lại giấy tờ đã có", "so_lieu"),
    "ty_le_cbcc_hoan_thanh_tot": Metric("Tỷ lệ CBCC hoàn thành tốt nhiệm vụ trở lên", "so_lieu"),
    "ty_le_hai_long_phuc_vu": Metric("Mức độ hài lòng về sự phục vụ của cơ quan hành chính", "so_lieu"),
    "ty_le_bo_tri_dung_vi_tri": Metric("Tỷ lệ bố trí CBCC đúng vị trí việc làm", "so_lieu"),
    "ty_le_giai_ngan": Metric("Tỷ lệ giải ngân vốn đầu tư công", "so_lieu"),
    "ty_le_kien_nghi_tai_chinh": Metric(
        "Tỷ lệ kiến nghị thanh tra, kiểm toán tài chính được xử lý", "so_lieu"
    ),
    "ty_le_hai_long_dvc_truc_tuyen": Metric("Tỷ lệ hài lòng khi sử dụng dịch vụ công trực tuyến", "so_lieu"),
    "ty_le_van_ban_dien_tu": Metric("Tỷ lệ văn bản trao đổi dưới dạng điện tử", "so_lieu"),
    "ty_le_ho_so_mot_cua_dien_tu": Metric("Tỷ lệ hồ sơ qua Hệ thống thông tin một cửa điện tử", "so_lieu"),
    "ty_le_iso": Metric("Tỷ lệ thực hiện quản lý chất lượng theo ISO 9001:2015", "so_lieu"),
    "ty_le_quyet_dinh_thuc_hien": Metric(
        "Tỷ lệ quyết định, kết luận có hiệu lực được thực hiện xong", "so_lieu"
    ),
    "ty_le_don_thu_dung_han": Metric("Tỷ lệ đơn thư giải quyết đúng thời hạn", "so_lieu"),
}

DONE, ONGOING, NOT_STARTED, OVERDUE = "hoàn thành", "đang thực hiện", "chưa thực hiện", "quá hạn"
STATES = (DONE, ONGOING, NOT_STARTED, OVERDUE)
ENTERED_STATES = (DONE, ONGOING, NOT_STARTED)  # what staff choose; "quá hạn" is computed
PASS, FAIL = "Đạt", "Không đạt"


def rate(numerator: int, denominator: int) -> Decimal | None:
    """numerator / denominator as an exact Decimal ratio; None when nothing happened (0)."""
    if denominator == 0:
        return None
    return Decimal(numerator) / Decimal(denominator)


def task_state(entered: str, due: dt.date | None, cut_off: dt.date) -> str:
    """The state shown in the report: unfinished work past its due date is "quá hạn".

    A task due on the cut-off day itself is not yet overdue.
    """
    if entered != DONE and due is not None and due < cut_off:
        return OVERDUE
    return entered


def compare(value: Decimal, comparison: str, target: Decimal) -> bool:
    """``value`` (percent) against the target with the plan's comparison operator."""
    checks = {
        ">=": value >= target,
        ">": value > target,
        "<=": value <= target,
        "<": value < target,
        "=": value == target,
    }
    return checks[comparison]


def verdict(ratio: Decimal | None, comparison: str, target: Decimal) -> str | None:
    """ "Đạt"/"Không đạt" for a ratio (0–1) against a target in percent; None without data."""
    if ratio is None:
        return None
    return PASS if compare(ratio * 100, comparison, target) else FAIL
