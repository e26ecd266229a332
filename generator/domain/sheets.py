"""The sheets of the workbooks cchc reads and writes, once: their names and their columns.

The plan workbook (ke_hoach.xlsx: "Đơn vị", "Kế hoạch", "Nhiệm vụ", "Chỉ tiêu", "Chỉ số riêng")
and the progress workbook (tien_do_….xlsx: "Báo cáo", "Tiến độ", "TTHC", "Số liệu", "Kết quả
CCHC"). The readers (``inputs``), the writers (``workflows``), the page and the docs derive from
these tables; a test fails when a sheet name is written as a literal elsewhere. The "TTHC"
sheet holds the columns of Biểu 06 (``domain.form06``, docs/tthc-form-06.md §7).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from generator.domain import form06
from generator.domain.activities import ACTIVITIES
from generator.domain.areas import DEFAULT_GROUPS
from generator.domain.indicators import ENTERED_STATES, METRICS
from generator.domain.models import COMPARISONS
from generator.domain.text import normalise_header

UNIT_SHEET = "Đơn vị"
PLAN_SHEET = "Kế hoạch"
TASK_SHEET = "Nhiệm vụ"
TARGET_SHEET = "Chỉ tiêu"
CUSTOM_SHEET = "Chỉ số riêng"
REPORT_SHEET = "Báo cáo"
PROGRESS_SHEET = "Tiến độ"
TTHC_SHEET = "TTHC"
FIGURES_SHEET = "Số liệu"
ACTIVITY_SHEET = "Kết quả CCHC"
LIST_SHEET = "Danh mục"  # the hidden sheet of drop-down lists in workbooks cchc writes
UNPLACED_SHEET = "Chưa xếp"  # what ``cchc import`` could not place
# The consolidated workbook (``cchc batch``, ``cchc tong-hop``) adds, after "TTHC" and "Nhiệm vụ":
FIELD_TOTAL_SHEET = "TTHC theo lĩnh vực"
GROUP_TOTAL_SHEET = "Nhiệm vụ theo nhóm"
UNIT_TARGETS_SHEET = "Chỉ tiêu các đơn vị"  # each counted report's targets table, as typed
FINDINGS_SHEET = "Cần xử lý"  # the receiving office's list of reports to act on
PLAN_SHEETS = (UNIT_SHEET, PLAN_SHEET, TASK_SHEET, TARGET_SHEET, CUSTOM_SHEET)
PROGRESS_SHEETS = (REPORT_SHEET, PROGRESS_SHEET, TTHC_SHEET, FIGURES_SHEET, ACTIVITY_SHEET)


@dataclass(frozen=True)
class Column:
    """An expected column: its key in code, its header as staff read it, other accepted headers."""

    key: str
    header: str
    required: bool = True
    aliases: tuple[str, ...] = ()
    width: int = 16  # for workbooks cchc writes (``cchc init``)
    choices: tuple[str, ...] = ()  # drop-down list in workbooks cchc writes
    open_list: bool = False  # the drop-down only suggests: a unit's own codes ("Chỉ số riêng") may be typed
    note: str = ""  # what to type, shown as the header cell's comment

    def names(self) -> frozenset[str]:
        return _names(self.header, self.aliases)


@functools.cache
def _names(header: str, aliases: tuple[str, ...]) -> frozenset[str]:
    """Normalised once per column: header matching asks for them for every cell it checks."""
    return frozenset(normalise_header(name) for name in (header, *aliases))


def column(columns: tuple[Column, ...], key: str) -> Column:
    return next(c for c in columns if c.key == key)


# Form sheets ("Đơn vị", "Kế hoạch", "Báo cáo"): one labelled row per item.
LABEL_COLUMNS = (
    Column("muc", "Mục", aliases=("Nội dung", "Thông tin"), width=34),
    Column("gia_tri", "Giá trị", width=48),
    Column("huong_dan", "Hướng dẫn", required=False, aliases=("Ghi chú",), width=70),
)

# Plan workbook.
TASK_COLUMNS = (
    Column(
        "nhom",
        "Nhóm",
        aliases=("Lĩnh vực", "Nhóm nhiệm vụ"),
        width=8,
        choices=tuple(DEFAULT_GROUPS),
        note="I đến VII: nhóm nhiệm vụ của phụ lục",
    ),
    Column(
        "ma",
        "Mã",
        required=False,
        aliases=("Mã nhiệm vụ",),
        width=9,
        note="Để trống: cchc tự đặt (I.1, I.2…); báo cáo tiến độ dùng mã này",
    ),
    # Other offices' header words (#24): the one list of names the Word appendix reader matches too.
    Column(
        "nhiem_vu",
        "Nhiệm vụ cụ thể",
        aliases=(
            "Nhiệm vụ",
            "Nội dung",
            "Nội dung nhiệm vụ",
            "Nội dung công việc",
            "Tên nhiệm vụ",
            "Công việc",
            "Nhiệm vụ, giải pháp",
            "Nội dung thực hiện",
            "Hoạt động",
        ),
        width=50,
    ),
    Column(
        "san_pham",
        "Sản phẩm",
        required=False,
        aliases=("Sản phẩm dự kiến", "Sản phẩm đầu ra", "Hình thức sản phẩm"),
        width=28,
        note="Nhiều sản phẩm: xuống dòng trong ô (Alt+Enter)",
    ),
    Column(
        "chu_tri",
        "Cơ quan chủ trì",
        required=False,
        aliases=(
            "Chủ trì",
            "Đơn vị chủ trì",
            "Cơ quan thực hiện",
            "Đơn vị thực hiện",
            "Cơ quan, đơn vị chủ trì",
            "Chủ trì thực hiện",
            "Cơ quan chủ trì thực hiện",
        ),
        width=22,
    ),
    Column(
        "phoi_hop",
        "Cơ quan phối hợp",
        required=False,
        aliases=("Phối hợp", "Đơn vị phối hợp", "Cơ quan, đơn vị phối hợp", "Phối hợp thực hiện"),
        width=22,
    ),
    Column(
        "thoi_gian",
        "Thời gian hoàn thành",
        required=False,
        aliases=(
            "Thời hạn",
            "Thời gian",
            "Thời gian thực hiện",
            "Thời hạn hoàn thành",
            "Thời hạn thực hiện",
            "Thời gian triển khai",
            "Hạn hoàn thành",
        ),
        width=22,
        note="Ví dụ: Tháng 12/2021; Quý I/2022; Năm 2022; Trước ngày 15/01/2022; Thường xuyên",
    ),
    Column(
        "kinh_phi",
        "Kinh phí thực hiện",
        required=False,
        aliases=("Kinh phí", "Nguồn kinh phí", "Dự toán kinh phí"),
        width=22,
    ),
    Column(
        "dong_con",
        "Dòng con",
        required=False,
        width=9,
        choices=("x",),
        note="Đánh x nếu dòng này là nội dung con của nhiệm vụ ngay trên (không có STT)",
    ),
)
TARGET_COLUMNS = (
    Column("cau", "Câu trong kế hoạch", aliases=("Câu", "Nội dung"), width=60,
           note="Chép câu (hoặc đủ vài chữ để tìm thấy một lần) trong ke_hoach.docx có chỉ tiêu này"),
    Column("chi_so", "Chỉ số", required=False, aliases=("Mã chỉ số",), width=30, choices=tuple(METRICS),
           open_list=True, note="Chọn mã chỉ số để báo cáo tự tính và so sánh (hoặc mã ở trang Chỉ số riêng); "
           "để trống nếu chỉ tiêu không đo được"),
    Column("so_sanh", "So sánh", required=False, width=10, choices=COMPARISONS,
           note=">= tối thiểu, > trên, <= tối đa, < dưới, = bằng"),
    Column("muc", "Mức (%)", required=False, aliases=("Mức",), width=10, note="Phần trăm, ví dụ 98"),
    Column("ky_danh_gia", "Kỳ đánh giá", required=False, width=14, choices=("Năm", "Mỗi kỳ"),
           note="Năm: chỉ đánh giá ở báo cáo năm; Mỗi kỳ: đánh giá ở mọi báo cáo"),
    Column("linh_vuc", "Lĩnh vực", required=False, width=24,
           note="Để trống: tính chung; * : từng lĩnh vực; hoặc tên lĩnh vực, mỗi dòng một lĩnh vực"),
    Column("ten", "Tên chỉ tiêu", required=False, width=30, note="Tên ngắn trong bảng của báo cáo (không bắt buộc)"),
)  # fmt: skip
CUSTOM_COLUMNS = (
    Column("ma", "Mã", aliases=("Mã chỉ số",), width=32,
           note="Mã tự đặt: chữ không dấu, chữ số, dấu gạch dưới (ví dụ ty_le_ho_co_tai_khoan_dvc); "
                "không trùng mã có sẵn của cchc"),
    Column("ten", "Tên chỉ số", width=50, note="Tên đầy đủ, in trong bảng chỉ tiêu của báo cáo"),
    Column("tu_so", "Tử số", required=False, width=30, note="Đếm cái gì (số đạt), ví dụ: Số hộ có tài khoản"),
    Column("mau_so", "Mẫu số", required=False, width=30, note="Trên tổng số nào, ví dụ: Tổng số hộ"),
    Column("ky_danh_gia", "Kỳ đánh giá", required=False, width=14, choices=("Năm", "Mỗi kỳ"),
           note="Năm (mặc định): chỉ đánh giá ở báo cáo năm; Mỗi kỳ: đánh giá ở mọi báo cáo"),
)  # fmt: skip

# Progress workbook.
STATE_CHOICES = tuple(s.capitalize() for s in ENTERED_STATES)
PROGRESS_COLUMNS = (
    Column("ma", "Mã", aliases=("Mã nhiệm vụ",), width=9, note="Mã nhiệm vụ trong phụ lục kế hoạch (I.1, II.3…)"),
    Column("nhiem_vu", "Nhiệm vụ", required=False, width=50, note="Chỉ để đối chiếu; cchc lấy tên từ kế hoạch"),
    Column("trang_thai", "Trạng thái", width=18, choices=STATE_CHOICES,
           note="Hoàn thành / Đang thực hiện / Chưa thực hiện (quá hạn, hoàn thành quá hạn do cchc tự tính)"),
    Column("ngay", "Ngày hoàn thành", required=False, width=16, note="dd/mm/yyyy, khi đã hoàn thành (cchc so với thời hạn)"),
    Column("ket_qua", "Kết quả", required=False, width=45, note="Sản phẩm, văn bản đã ban hành…"),
)  # fmt: skip
FIGURES_COLUMNS = (
    Column("chi_so", "Mã chỉ số", width=30, choices=tuple(METRICS), open_list=True,
           note="Mã chỉ số như trong kế hoạch (chi_so), kể cả mã ở trang Chỉ số riêng"),
    Column("noi_dung", "Nội dung", required=False, width=50),
    Column("so_dat", "Số đạt", required=False, width=12, note="Tử số: số đạt yêu cầu"),
    Column("tong_so", "Tổng số", required=False, width=12, note="Mẫu số: tổng số"),
    Column("ty_le", "Tỷ lệ (%)", required=False, width=12, note="Chỉ ghi khi không có số đạt/tổng số (ví dụ khảo sát)"),
)  # fmt: skip
ACTIVITY_COLUMNS = (
    Column("ma", "Mã", aliases=("Mã số liệu",), width=24, choices=tuple(ACTIVITIES),
           note="Mã số liệu (xem cột Nội dung); mỗi mã một dòng"),
    Column("noi_dung", "Nội dung", required=False, width=60, note="Chỉ để đọc; cchc lấy câu theo mã"),
    Column("so_luong", "Số lượng", aliases=("Số",), width=12,
           note="Số nguyên; để trống hoặc 0: báo cáo không nhắc đến mục này"),
)  # fmt: skip

# The "TTHC" sheet: Biểu 06's counted columns (docs/tthc-form-06.md §7) and the optional figures.
_NOTE_TOTAL = "Không bắt buộc: nếu ghi, cchc kiểm tra "
TTHC_COLUMNS = (
    Column("linh_vuc", "Lĩnh vực", aliases=(form06.FIELD_TITLE,), width=30),
    Column("tong_nhan", "Tổng số nhận", required=False, width=12,
           aliases=("Tổng số hồ sơ nhận giải quyết", "Số hồ sơ nhận giải quyết tổng số", form06.RECEIVED),
           note=_NOTE_TOTAL + "= trực tuyến + trực tiếp, bưu chính + từ kỳ trước"),
    Column("truc_tuyen", "Trực tuyến", width=12,
           aliases=("Tiếp nhận trực tuyến", "Trong đó trực tuyến", "Số hồ sơ nhận giải quyết trực tuyến"),
           note="Hồ sơ tiếp nhận trực tuyến trong kỳ"),
    Column("truc_tiep", "Trực tiếp, bưu chính", required=False, width=14,
           aliases=("Trực tiếp, dịch vụ bưu chính", "Trực tiếp/dịch vụ bưu chính", "Trực tiếp/BCCI",
                    "Trực tiếp, BCCI", "Trực tiếp và qua dịch vụ bưu chính công ích", "Trực tiếp"),
           note="Hồ sơ tiếp nhận trực tiếp hoặc qua dịch vụ bưu chính công ích trong kỳ"),
    Column("tiep_nhan", "Tiếp nhận", required=False, width=12,
           aliases=("Số hồ sơ tiếp nhận", "Tiếp nhận mới", "Tiếp nhận trong kỳ"),
           note="Cột cũ, thay cho Trực tiếp, bưu chính: số hồ sơ tiếp nhận trong kỳ, kể cả trực tuyến"),
    Column("ky_truoc", "Từ kỳ trước", required=False, width=12,
           aliases=("Kỳ trước chuyển sang", "Tồn kỳ trước", "Số hồ sơ nhận giải quyết từ kỳ trước"),
           note="Hồ sơ đang giải quyết ở cuối kỳ trước, chuyển sang kỳ này"),
    Column("da_giai_quyet", "Đã giải quyết", required=False, width=12,
           aliases=("Tổng số đã giải quyết", form06.RESOLVED, "Số hồ sơ đã giải quyết tổng số"),
           note=_NOTE_TOTAL + "= trước hạn + đúng hạn + quá hạn"),
    Column("truoc_han", "Trước hạn", aliases=("Giải quyết trước hạn", "Số hồ sơ đã giải quyết trước hạn"),
           width=12),
    Column("dung_han", "Đúng hạn", aliases=("Giải quyết đúng hạn", "Số hồ sơ đã giải quyết đúng hạn"),
           width=12),
    Column("qua_han", "Quá hạn", width=12,
           aliases=("Trễ hạn", "Giải quyết trễ hạn", "Giải quyết quá hạn", "Đã giải quyết quá hạn",
                    "Số hồ sơ đã giải quyết quá hạn"),
           note="Hồ sơ đã giải quyết nhưng quá hạn"),
    Column("dang_giai_quyet", "Đang giải quyết", required=False, width=14,
           aliases=("Chưa giải quyết", form06.PENDING, "Số lượng hồ sơ đang giải quyết tổng số",
                    "Số hồ sơ đang giải quyết"),
           note=_NOTE_TOTAL + "= trong hạn + quá hạn, và tổng số nhận = đã giải quyết + đang giải quyết"),
    Column("dang_trong_han", "Đang giải quyết trong hạn", required=False, width=14,
           aliases=("Số lượng hồ sơ đang giải quyết trong hạn", "Trong hạn")),
    Column("dang_qua_han", "Đang giải quyết quá hạn", required=False, width=14,
           aliases=("Số lượng hồ sơ đang giải quyết quá hạn",)),
    Column("toan_trinh", "Trực tuyến toàn trình", required=False, width=14, aliases=("Toàn trình",),
           note="Không bắt buộc (Nghị định 42/2022/NĐ-CP): hồ sơ trực tuyến toàn trình"),
    Column("mot_phan", "Trực tuyến một phần", required=False, width=14, aliases=("Một phần",),
           note="Không bắt buộc: hồ sơ trực tuyến một phần"),
    Column("co_phi", "Hồ sơ có phí, lệ phí", required=False, width=14,
           aliases=("Có phí, lệ phí", "Hồ sơ có thu phí, lệ phí", "Hồ sơ phải nộp phí, lệ phí"),
           note="Không bắt buộc: hồ sơ phải nộp phí, lệ phí; là mẫu số của tỷ lệ thanh toán trực tuyến"),
    Column("thanh_toan", "Thanh toán trực tuyến", required=False, width=14,
           note="Không bắt buộc: hồ sơ đã nộp phí, lệ phí trực tuyến"),
    Column("thu_xin_loi", "Quá hạn có thư xin lỗi", required=False, width=14,
           aliases=("Quá hạn đã có thư xin lỗi", "Đã có thư xin lỗi", "Có thư xin lỗi", "Thư xin lỗi"),
           note="Không bắt buộc: hồ sơ quá hạn đã gửi thư xin lỗi, hẹn lại ngày trả kết quả"),
)  # fmt: skip
# The columns of the sheet cchc writes, in the form's order: no totals (cchc adds them up), no
# old "Tiếp nhận"; staff who copy a portal export may add the total columns (same names).
WRITTEN = ("linh_vuc", "truc_tuyen", "truc_tiep", "ky_truoc", "truoc_han", "dung_han", "qua_han",
           "dang_trong_han", "dang_qua_han", "toan_trinh", "mot_phan", "co_phi", "thanh_toan", "thu_xin_loi")  # fmt: skip
TTHC_WRITTEN = tuple(next(c for c in TTHC_COLUMNS if c.key == key) for key in WRITTEN)
