"""Write inputs/loc_thuy_yaml/tien_do_q1_2022.xlsx: INVENTED progress figures for the example report.

Nothing here is real data: task states, TTHC counts and indicator figures are made up to
show every case a quarterly report meets (done, ongoing, not started, overdue; targets met
and missed). Run: python scripts/make_example_progress.py
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from generator.inputs.progress import (
    FIGURES_COLUMNS,
    FIGURES_SHEET,
    PROGRESS_COLUMNS,
    PROGRESS_SHEET,
    TTHC_COLUMNS,
    TTHC_SHEET,
)
from generator.workflows.workbooks import fill_rows, new_workbook, save
from generator.workflows.workspace import progress_sheets

TARGET = Path(__file__).resolve().parent.parent / "inputs" / "loc_thuy_yaml" / "tien_do_q1_2022.xlsx"
D = dt.datetime
TASKS = [
    ("I.1", "Đang thực hiện", None, "Đã ban hành kế hoạch; đang triển khai"),
    ("I.1.1", "Chưa thực hiện", None, ""),
    ("I.2", "Đang thực hiện", None, "Đã ban hành Kế hoạch kiểm tra văn bản QPPL năm 2022"),
    ("I.3", "Hoàn thành", D(2022, 1, 12), "Báo cáo kết quả rà soát, hệ thống hóa văn bản QPPL năm 2021"),
    ("I.4", "Đang thực hiện", None, "Đã ban hành Kế hoạch theo dõi thi hành pháp luật năm 2022"),
    ("II.1", "Hoàn thành", D(2021, 12, 28), "Kế hoạch kiểm soát TTHC năm 2022"),
    ("II.2", "Đang thực hiện", None, "Đang dự thảo kế hoạch"),
    ("II.3", "Đang thực hiện", None, ""),
    ("II.4", "Đang thực hiện", None, "Bộ phận Một cửa tiếp nhận hồ sơ trên Hệ thống một cửa điện tử"),
    ("II.5", "Đang thực hiện", None, ""),
    (
        "II.6",
        "Hoàn thành",
        D(2022, 1, 20),
        "Niêm yết, công khai TTHC tại Bộ phận Một cửa và trên Trang thông tin điện tử xã",
    ),
    ("III.1", "Chưa thực hiện", None, ""),
    ("III.2", "Đang thực hiện", None, "Đang rà soát theo hướng dẫn của huyện"),
    ("III.3", "Chưa thực hiện", None, ""),
    ("IV.1", "Hoàn thành", D(2021, 12, 30), "Kế hoạch đào tạo, bồi dưỡng cán bộ, công chức năm 2022"),
    ("IV.2", "Đang thực hiện", None, ""),
    ("IV.3", "Đang thực hiện", None, "Đã ban hành kế hoạch chuyển đổi vị trí công tác"),
    ("IV.4", "Hoàn thành", D(2022, 2, 25), "Kế hoạch phát động phong trào thi đua thực hiện văn hóa công vụ"),
    ("V.1", "Đang thực hiện", None, ""),
    ("V.2", "Chưa thực hiện", None, ""),
    ("V.3", "Chưa thực hiện", None, ""),
    ("V.4", "Đang thực hiện", None, "Đã xây dựng dự toán theo cơ chế tự chủ"),
    ("VI.1", "Đang thực hiện", None, ""),
    ("VI.2", "Đang thực hiện", None, ""),
    ("VI.3", "Đang thực hiện", None, "Hướng dẫn người dân tạo tài khoản trên Cổng Dịch vụ công"),
    ("VII.1", "Hoàn thành", D(2022, 1, 7), "Kế hoạch cải cách hành chính năm 2022"),
    ("VII.2", "Hoàn thành", D(2022, 1, 10), "Kế hoạch kiểm tra CCHC năm 2022"),
    ("VII.3", "Chưa thực hiện", None, ""),
    ("VII.4", "Hoàn thành", D(2021, 12, 30), "Kế hoạch ứng dụng CNTT năm 2022"),
    ("VII.5", "Đang thực hiện", None, ""),
]
FIELDS = [
    # lĩnh vực, tiếp nhận, trực tuyến, kỳ trước, trước hạn, đúng hạn, trễ hạn, đang giải quyết
    ("Hộ tịch", 118, 64, 2, 35, 82, 0, 3),
    ("Chứng thực", 205, 38, 0, 70, 135, 0, 0),
    ("Đất đai", 26, 4, 3, 6, 17, 2, 4),
    ("Lao động - Thương binh và Xã hội", 32, 11, 1, 9, 21, 0, 3),
    ("Khiếu nại, tố cáo", 3, 0, 0, 1, 1, 0, 1),
]
FIGURES = [
    # mã chỉ số, nội dung, số đạt, tổng số, tỷ lệ (%)
    ("ty_le_vbqppl_dung_quy_dinh", "VBQPPL ban hành đúng quy định", 1, 1, None),
    ("ty_le_vbqppl_ra_soat", "VBQPPL của HĐND xã được rà soát", 3, 4, None),
    ("ty_le_cong_khai_tthc", "Quyết định công bố TTHC được công khai kịp thời", 2, 2, None),
    ("ty_le_mot_cua", "TTHC giải quyết theo cơ chế một cửa, một cửa liên thông", 135, 135, None),
    ("ty_le_4_tai_cho", "TTHC giải quyết theo phương châm “4 tại chỗ”", 72, 135, None),
    ("ty_le_so_hoa_ket_qua", "Kết quả giải quyết TTHC được số hóa", 150, 384, None),
    ("ty_le_so_hoa_ho_so", "Hồ sơ TTHC được số hóa", 384, 384, None),
    ("ty_le_hai_long_tthc", "Khảo sát mức độ hài lòng về giải quyết TTHC", None, None, "97,5%"),
    ("ty_le_pakn_xu_ly", "Phản ánh, kiến nghị được xử lý dứt điểm", 4, 4, None),
    ("ty_le_khong_cung_cap_lai", "Không phải cung cấp lại giấy tờ đã có", None, None, "82%"),
    ("ty_le_cbcc_hoan_thanh_tot", "CBCC hoàn thành tốt nhiệm vụ trở lên (năm 2021)", 19, 20, None),
    ("ty_le_hai_long_phuc_vu", "Khảo sát mức độ hài lòng về sự phục vụ", None, None, "98,2%"),
    ("ty_le_bo_tri_dung_vi_tri", "CBCC bố trí đúng vị trí việc làm", 20, 20, None),
    ("ty_le_giai_ngan", "Vốn đầu tư công đã phân bổ", 2, 8, None),
    ("ty_le_kien_nghi_tai_chinh", "Kiến nghị thanh tra, kiểm toán đã xử lý", 3, 3, None),
    ("ty_le_hai_long_dvc_truc_tuyen", "Hài lòng khi dùng dịch vụ công trực tuyến", None, None, "85%"),
    ("ty_le_van_ban_dien_tu", "Văn bản trao đổi dưới dạng điện tử", 412, 418, None),
    ("ty_le_ho_so_mot_cua_dien_tu", "Hồ sơ qua Hệ thống thông tin một cửa điện tử", 384, 384, None),
    ("ty_le_iso", "Quy trình giải quyết TTHC theo ISO 9001:2015", 135, 135, None),
    ("ty_le_quyet_dinh_thuc_hien", "Quyết định, kết luận có hiệu lực đã thực hiện xong", 9, 10, None),
    ("ty_le_don_thu_dung_han", "Đơn thư giải quyết đúng thời hạn", 6, 6, None),
]


def main() -> None:
    book = new_workbook(
        progress_sheets(),
        [
            "DỮ LIỆU VÍ DỤ — SỐ LIỆU GIẢ ĐỊNH để minh họa báo cáo CCHC quý I năm 2022 của xã Lộc Thủy.",
            "Không phải số liệu thật của địa phương.",
        ],
    )
    keys = [c.key for c in TTHC_COLUMNS]
    fill_rows(book[PROGRESS_SHEET], PROGRESS_COLUMNS,
              [{"ma": c, "trang_thai": s, "ngay": d, "ket_qua": r} for c, s, d, r in TASKS])  # fmt: skip
    fill_rows(book[TTHC_SHEET], TTHC_COLUMNS, [dict(zip(keys, row, strict=True)) for row in FIELDS])
    fill_rows(book[FIGURES_SHEET], FIGURES_COLUMNS,
              [{"chi_so": m, "noi_dung": n, "so_dat": a, "tong_so": t, "ty_le": p} for m, n, a, t, p in FIGURES])  # fmt: skip
    for row in range(2, len(TASKS) + 2):
        book[PROGRESS_SHEET][f"D{row}"].number_format = "DD/MM/YYYY"
    save(book, TARGET)
    print(TARGET)


if __name__ == "__main__":
    main()
