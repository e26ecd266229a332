"""The measurable indicators (chỉ số) that plan targets name and reports compute.

What each code means and what is divided by what: docs/targets-and-indicators.md §6; the
table of codes in docs/bao-cao.md is written from ``METRICS`` (tests/test_readme_tables.py).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import Decimal

from generator.domain.formatting import vn_percent
from generator.domain.models import Metric, Plan, Target

YEAR, EACH_PERIOD = "nam", "moi_ky"  # when a target is judged: docs/targets-and-indicators.md §2


def _m(label: str, source: str, numerator: str, denominator: str, evaluation: str = YEAR) -> Metric:
    return Metric(label, source, numerator, denominator, evaluation)


_SURVEY = "số ý kiến hài lòng (hoặc tỷ lệ khảo sát)"
METRICS: dict[str, Metric] = {
    "ty_le_dung_han": _m("Tỷ lệ hồ sơ TTHC giải quyết đúng hạn", "tthc",
                         "hồ sơ giải quyết trước hạn + đúng hạn", "hồ sơ đã giải quyết", EACH_PERIOD),
    "ty_le_tre_han": _m("Tỷ lệ hồ sơ TTHC giải quyết quá hạn", "tthc",
                        "hồ sơ giải quyết quá hạn", "hồ sơ đã giải quyết (không phải hồ sơ tiếp nhận)", EACH_PERIOD),
    "ty_le_truc_tuyen": _m("Tỷ lệ hồ sơ TTHC tiếp nhận trực tuyến", "tthc", "hồ sơ tiếp nhận trực tuyến",
                           "hồ sơ tiếp nhận trong kỳ (trực tuyến + trực tiếp, bưu chính; không tính hồ sơ "
                           "từ kỳ trước)", EACH_PERIOD),
    "ty_le_nhiem_vu_hoan_thanh": _m("Tỷ lệ nhiệm vụ trong kế hoạch đã hoàn thành", "nhiem_vu",
                                    "nhiệm vụ có số thứ tự đã hoàn thành (đúng hạn hoặc quá hạn)",
                                    "nhiệm vụ có số thứ tự của phụ lục kế hoạch (dòng con là sản phẩm "
                                    "của nhiệm vụ, không tính riêng)"),
    "ty_le_vbqppl_dung_quy_dinh": _m("Tỷ lệ VBQPPL ban hành đúng quy định", "so_lieu",
                                     "VBQPPL ban hành đúng quy định", "VBQPPL đã ban hành", EACH_PERIOD),
    "ty_le_vbqppl_ra_soat": _m("Tỷ lệ VBQPPL được rà soát", "so_lieu", "VBQPPL đã rà soát",
                               "VBQPPL phải rà soát"),
    "ty_le_cong_khai_tthc": _m("Tỷ lệ quyết định công bố TTHC được công khai kịp thời", "so_lieu",
                               "quyết định công khai kịp thời", "quyết định công bố TTHC", EACH_PERIOD),
    "ty_le_mot_cua": _m("Tỷ lệ TTHC giải quyết theo cơ chế một cửa, một cửa liên thông", "so_lieu",
                        "TTHC giải quyết theo cơ chế một cửa, một cửa liên thông", "TTHC thuộc thẩm quyền",
                        EACH_PERIOD),
    "ty_le_4_tai_cho": _m("Tỷ lệ TTHC giải quyết theo phương châm “4 tại chỗ”", "so_lieu",
                          "TTHC giải quyết theo “4 tại chỗ”", "TTHC thuộc thẩm quyền", EACH_PERIOD),
    "ty_le_so_hoa_ket_qua": _m("Tỷ lệ kết quả giải quyết TTHC được số hóa", "so_lieu",
                               "kết quả giải quyết TTHC đã số hóa", "kết quả giải quyết TTHC còn hiệu lực"),
    "ty_le_so_hoa_ho_so": _m("Tỷ lệ hồ sơ TTHC được số hóa", "so_lieu", "hồ sơ TTHC đã số hóa",
                             "hồ sơ TTHC tiếp nhận", EACH_PERIOD),
    "ty_le_hai_long_tthc": _m("Mức độ hài lòng về giải quyết TTHC", "so_lieu", _SURVEY, "số ý kiến được hỏi"),
    "ty_le_pakn_xu_ly": _m("Tỷ lệ phản ánh, kiến nghị được xử lý dứt điểm", "so_lieu",
                           "phản ánh, kiến nghị đã xử lý dứt điểm", "phản ánh, kiến nghị tiếp nhận", EACH_PERIOD),
    "ty_le_khong_cung_cap_lai": _m("Tỷ lệ không phải cung cấp lại giấy tờ đã có", "so_lieu",
                                   "hồ sơ không phải cung cấp lại giấy tờ đã có", "hồ sơ TTHC", EACH_PERIOD),
    "ty_le_cbcc_hoan_thanh_tot": _m("Tỷ lệ CBCC hoàn thành tốt nhiệm vụ trở lên", "so_lieu",
                                    "CBCC xếp loại hoàn thành tốt nhiệm vụ trở lên", "CBCC được đánh giá"),
    "ty_le_hai_long_phuc_vu": _m("Mức độ hài lòng về sự phục vụ của cơ quan hành chính", "so_lieu",
                                 _SURVEY, "số ý kiến được hỏi"),
    "ty_le_bo_tri_dung_vi_tri": _m("Tỷ lệ bố trí CBCC đúng vị trí việc làm", "so_lieu",
                                   "CBCC bố trí đúng vị trí việc làm", "CBCC"),
    "ty_le_giai_ngan": _m("Tỷ lệ giải ngân vốn đầu tư công", "so_lieu", "vốn đã giải ngân (hoặc tỷ lệ)",
                          "vốn được giao trong năm"),
    "ty_le_kien_nghi_tai_chinh": _m("Tỷ lệ kiến nghị thanh tra, kiểm toán tài chính được xử lý", "so_lieu",
                                    "kiến nghị đã xử lý", "kiến nghị sau thanh tra, kiểm tra, kiểm toán"),
    "ty_le_hai_long_dvc_truc_tuyen": _m("Tỷ lệ hài lòng khi sử dụng dịch vụ công trực tuyến", "so_lieu",
                                        _SURVEY, "số ý kiến được hỏi"),
    "ty_le_van_ban_dien_tu": _m("Tỷ lệ văn bản trao đổi dưới dạng điện tử", "so_lieu", "văn bản điện tử",
                                "văn bản trao đổi (trừ văn bản mật)", EACH_PERIOD),
    "ty_le_ho_so_mot_cua_dien_tu": _m("Tỷ lệ hồ sơ qua Hệ thống thông tin một cửa điện tử", "so_lieu",
                                      "hồ sơ xử lý trên Hệ thống một cửa điện tử", "hồ sơ TTHC", EACH_PERIOD),
    "ty_le_iso": _m("Tỷ lệ thực hiện quản lý chất lượng theo ISO 9001:2015", "so_lieu",
                    "quy trình áp dụng ISO 9001:2015", "quy trình phải áp dụng"),
    "ty_le_quyet_dinh_thuc_hien": _m("Tỷ lệ quyết định, kết luận có hiệu lực được thực hiện xong", "so_lieu",
                                     "quyết định, kết luận đã thực hiện xong", "quyết định, kết luận có hiệu lực"),
    "ty_le_don_thu_dung_han": _m("Tỷ lệ đơn thư giải quyết đúng thời hạn", "so_lieu",
                                 "đơn thư giải quyết đúng thời hạn", "đơn thư thuộc thẩm quyền", EACH_PERIOD),
}  # fmt: skip


_WORDING = {">=": "tối thiểu {}", ">": "trên {}", "<=": "tối đa {}", "<": "dưới {}", "=": "{}"}


# Indicators whose denominator counts TTHC files of the window: it cannot exceed the files of Biểu 06
# in the same window (resolved files for results, files received otherwise); #23 item 4.
FILE_BASES = {
    "ty_le_so_hoa_ket_qua": ("resolved", "hồ sơ đã giải quyết"),
    "ty_le_so_hoa_ho_so": ("received_total", "hồ sơ nhận giải quyết"),
    "ty_le_khong_cung_cap_lai": ("received_total", "hồ sơ nhận giải quyết"),
    "ty_le_ho_so_mot_cua_dien_tu": ("received_total", "hồ sơ nhận giải quyết"),
}


def wording(target: Target) -> str:
    """The target's level as a report says it: "tối thiểu 50%", "trên 98%"; a target of 100%
    is "100%" (nothing is above it, #23)."""
    comparison = "=" if target.comparison == ">=" and target.value == 100 else target.comparison
    return _WORDING[comparison].format(vn_percent(target.value / 100))


def metrics_of(plan: Plan | None) -> Mapping[str, Metric]:
    """The indicators ``plan``'s targets may name: cchc's ``METRICS`` and the plan's own
    ("Chỉ số riêng", docs/targets-and-indicators.md §7); cchc's alone without a plan."""
    if plan is None or not plan.custom_metrics:
        return METRICS
    return {**METRICS, **dict(plan.custom_metrics)}


def evaluation_of(target: Target, metrics: Mapping[str, Metric] = METRICS) -> str:
    """When ``target`` is judged: as the plan says, else its indicator's usual period
    (``metrics``: the plan's indicators, ``metrics_of``)."""
    return target.evaluation or metrics[target.metric].evaluation


DONE, ONGOING, NOT_STARTED, OVERDUE = "hoàn thành", "đang thực hiện", "chưa thực hiện", "quá hạn"
DONE_LATE = "hoàn thành quá hạn"
STATES = (DONE, DONE_LATE, ONGOING, NOT_STARTED, OVERDUE)  # docs/targets-and-indicators.md §4
FINISHED = (DONE, DONE_LATE)
ENTERED_STATES = (DONE, ONGOING, NOT_STARTED)  # what staff choose; the late states are computed
PASS, FAIL = "Đạt", "Không đạt"
UNFINISHED = "chưa hoàn thành"  # a task due in the plan year, not done when a report closes the year


def year_end_text(state: str) -> str:
    """Phụ lục I's state of an unfinished task in a report closing the year: "Chưa hoàn thành
    (đang thực hiện)" (docs/targets-and-indicators.md §4)."""
    return f"{UNFINISHED.capitalize()} ({state})"


def state_in_year_end_text(text: str) -> str:
    """ "Chưa hoàn thành (đang thực hiện)" → "đang thực hiện"; any other text as it is."""
    prefix = f"{UNFINISHED} ("
    folded = text.strip()
    if folded.casefold().startswith(prefix) and folded.endswith(")"):
        return folded[len(prefix) : -1].strip()
    return text


def rate(numerator: int, denominator: int) -> Decimal | None:
    """numerator / denominator as an exact Decimal ratio; None when nothing happened (0)."""
    if denominator == 0:
        return None
    return Decimal(numerator) / Decimal(denominator)


def task_state(entered: str, due: dt.date | None, cut_off: dt.date, completed: dt.date | None = None) -> str:
    """The state shown in the report (docs/targets-and-indicators.md §4).

    Work finished after its due date is "hoàn thành quá hạn"; unfinished work past its due
    date is "quá hạn". A task due on the cut-off day itself is not yet overdue.
    """
    if entered == DONE:
        return DONE_LATE if due is not None and completed is not None and completed > due else DONE
    if due is not None and due < cut_off:
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
