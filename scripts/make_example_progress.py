"""Write inputs/loc_thuy_yaml/tien_do_q1_2022.xlsx and tien_do_nam_2022.xlsx: INVENTED progress
figures for the example reports of quý I and năm 2022.

Nothing here is real data: task states, TTHC counts and indicator figures are made up to
show every case a report meets (done on time and late, ongoing, not started, overdue; targets
met, missed, and — in quý I — not yet due). Run: python scripts/make_example_progress.py
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from generator.inputs.parts.activities import ACTIVITY_COLUMNS, ACTIVITY_SHEET, activity_rows
from generator.inputs.parts.progress import FIGURES_COLUMNS, FIGURES_SHEET, PROGRESS_COLUMNS, PROGRESS_SHEET
from generator.inputs.parts.tthc import TTHC_SHEET, TTHC_WRITTEN
from generator.workflows.workbooks import fill_rows, new_workbook, save
from generator.workflows.workspace import progress_sheets

FOLDER = Path(__file__).resolve().parent.parent / "inputs" / "loc_thuy_yaml"
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
    # lĩnh vực, trực tuyến, trực tiếp/bưu chính, từ kỳ trước, trước hạn, đúng hạn, quá hạn,
    # đang giải quyết trong hạn, quá hạn; trực tuyến toàn trình, một phần; thanh toán trực tuyến;
    # quá hạn có thư xin lỗi
    ("Hộ tịch", 64, 54, 2, 35, 82, 0, 3, 0, 40, 24, 20, 0),
    ("Chứng thực", 38, 167, 0, 70, 135, 0, 0, 0, 30, 8, 25, 0),
    ("Đất đai", 4, 22, 3, 6, 17, 2, 2, 2, 0, 4, 2, 2),
    ("Lao động - Thương binh và Xã hội", 11, 21, 1, 9, 21, 0, 3, 0, 6, 5, 0, 0),
    ("Khiếu nại, tố cáo", 0, 3, 0, 1, 1, 0, 1, 0, 0, 0, 0, 0),
]
ACTIVITIES = {
    # mã số liệu: số lượng (trang "Kết quả CCHC"); để trống những mục không có
    "van_ban_chi_dao": 4,
    "kiem_tra_don_vi": 2,
    "kiem_tra_ton_tai": 3,
    "kiem_tra_khac_phuc": 2,
    "tuyen_truyen": 5,
    "vbqppl_ban_hanh": 1,
    "vbqppl_ra_soat": 4,
    "tthc_cong_bo": 135,
    "pakn_tiep_nhan": 4,
    "pakn_xu_ly": 4,
    "so_hoa_ho_so": 384,
    "dao_tao_luot": 6,
    "van_ban_ky_so": 412,
}
FIGURES = [
    # mã chỉ số, nội dung, số đạt, tổng số, tỷ lệ (%)
    ("ty_le_vbqppl_dung_quy_dinh", "VBQPPL ban hành đúng quy định", 1, 1, None),
    ("ty_le_vbqppl_ra_soat", "VBQPPL của HĐND xã được rà soát", 3, 4, None),
    ("ty_le_cong_khai_tthc", "Quyết định công bố TTHC được công khai kịp thời", 2, 2, None),
    ("ty_le_mot_cua", "TTHC giải quyết theo cơ chế một cửa, một cửa liên thông", 135, 135, None),
    ("ty_le_4_tai_cho", "TTHC giải quyết theo phương châm “4 tại chỗ”", 72, 135, None),
    ("ty_le_so_hoa_ket_qua", "Kết quả giải quyết TTHC được số hóa", 150, 379, None),  # of the 379 resolved
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


YEAR_TASKS = [
    ("I.1", "Hoàn thành", D(2022, 11, 30), "Nghị quyết của HĐND xã về các lĩnh vực được giao"),
    ("I.1.1", "Hoàn thành", D(2022, 7, 15), "02 nghị quyết QPPL của HĐND xã"),
    ("I.2", "Hoàn thành", D(2022, 11, 25), "Báo cáo kết quả tự kiểm tra văn bản QPPL năm 2022"),
    ("I.3", "Hoàn thành", D(2022, 1, 12), "Báo cáo kết quả rà soát, hệ thống hóa văn bản QPPL năm 2021"),
    ("I.4", "Hoàn thành", D(2022, 12, 10), "Báo cáo theo dõi tình hình thi hành pháp luật năm 2022"),
    ("II.1", "Hoàn thành", D(2021, 12, 28), "Kế hoạch kiểm soát TTHC năm 2022"),
    ("II.2", "Hoàn thành", D(2022, 4, 20), "Kế hoạch rà soát, đánh giá TTHC năm 2022"),
    ("II.3", "Hoàn thành", D(2022, 11, 30), "Báo cáo kết quả rà soát TTHC"),
    ("II.4", "Đang thực hiện", None, "Bộ phận Một cửa tiếp nhận hồ sơ trên Hệ thống một cửa điện tử"),
    ("II.5", "Hoàn thành", D(2022, 12, 5), "Không có hồ sơ quá hạn do lỗi của công chức"),
    (
        "II.6",
        "Hoàn thành",
        D(2022, 1, 20),
        "Niêm yết, công khai TTHC tại Bộ phận Một cửa và trên Trang thông tin điện tử xã",
    ),
    (
        "III.1",
        "Hoàn thành",
        D(2022, 6, 15),
        "Quyết định quy định chức năng, nhiệm vụ của công chức chuyên môn",
    ),
    ("III.2", "Đang thực hiện", None, "Chờ hướng dẫn sắp xếp của cấp trên"),
    ("III.3", "Hoàn thành", D(2022, 11, 30), "Báo cáo kết quả khảo sát mức độ hài lòng năm 2022"),
    ("IV.1", "Hoàn thành", D(2021, 12, 30), "Kế hoạch đào tạo, bồi dưỡng cán bộ, công chức năm 2022"),
    ("IV.2", "Hoàn thành", D(2022, 9, 30), "Đề án vị trí việc làm được bổ sung"),
    ("IV.3", "Hoàn thành", D(2022, 8, 31), "Quyết định chuyển đổi vị trí công tác"),
    ("IV.4", "Hoàn thành", D(2022, 2, 25), "Kế hoạch phát động phong trào thi đua thực hiện văn hóa công vụ"),
    ("V.1", "Hoàn thành", D(2022, 10, 28), "Báo cáo kiểm tra quản lý tài sản công"),
    ("V.2", "Hoàn thành", D(2022, 11, 30), "03 kiến nghị đã thực hiện xong"),
    ("V.3", "Chưa thực hiện", None, ""),
    ("V.4", "Hoàn thành", D(2022, 6, 30), "Quy chế chi tiêu nội bộ năm 2022"),
    ("VI.1", "Đang thực hiện", None, "Đang số hóa dữ liệu hộ tịch"),
    ("VI.2", "Đang thực hiện", None, ""),
    ("VI.3", "Hoàn thành", D(2022, 10, 15), "Hướng dẫn người dân nộp hồ sơ, thanh toán trực tuyến"),
    ("VII.1", "Hoàn thành", D(2022, 1, 7), "Kế hoạch cải cách hành chính năm 2022"),
    ("VII.2", "Hoàn thành", D(2022, 1, 10), "Kế hoạch kiểm tra CCHC năm 2022"),
    ("VII.3", "Đang thực hiện", None, "Đang dự thảo kế hoạch"),
    ("VII.4", "Hoàn thành", D(2021, 12, 30), "Kế hoạch ứng dụng CNTT năm 2022"),
    ("VII.5", "Hoàn thành", D(2022, 6, 30), "Chuyên mục CCHC trên Trang thông tin điện tử xã"),
]
YEAR_FIELDS = [  # columns as in FIELDS
    ("Hộ tịch", 290, 215, 2, 160, 342, 0, 5, 0, 200, 90, 95, 0),
    ("Chứng thực", 180, 690, 0, 300, 568, 0, 2, 0, 150, 30, 120, 0),
    ("Đất đai", 20, 95, 3, 25, 82, 3, 6, 2, 0, 20, 10, 5),
    ("Lao động - Thương binh và Xã hội", 52, 88, 1, 40, 96, 1, 4, 0, 30, 22, 0, 1),
    ("Khiếu nại, tố cáo", 0, 12, 0, 3, 8, 0, 1, 0, 0, 0, 0, 0),
]
YEAR_FIGURES = [
    ("ty_le_vbqppl_dung_quy_dinh", "VBQPPL ban hành đúng quy định", 2, 2, None),
    ("ty_le_vbqppl_ra_soat", "VBQPPL của HĐND xã được rà soát", 4, 4, None),
    ("ty_le_cong_khai_tthc", "Quyết định công bố TTHC được công khai kịp thời", 6, 6, None),
    ("ty_le_mot_cua", "TTHC giải quyết theo cơ chế một cửa, một cửa liên thông", 135, 135, None),
    ("ty_le_4_tai_cho", "TTHC giải quyết theo phương châm “4 tại chỗ”", 75, 135, None),
    ("ty_le_so_hoa_ket_qua", "Kết quả giải quyết TTHC được số hóa", 520, 1300, None),
    ("ty_le_so_hoa_ho_so", "Hồ sơ TTHC được số hóa", 1642, 1642, None),
    ("ty_le_hai_long_tthc", "Khảo sát mức độ hài lòng về giải quyết TTHC", None, None, "96,8%"),
    ("ty_le_pakn_xu_ly", "Phản ánh, kiến nghị được xử lý dứt điểm", 10, 10, None),
    ("ty_le_khong_cung_cap_lai", "Không phải cung cấp lại giấy tờ đã có", None, None, "84%"),
    ("ty_le_cbcc_hoan_thanh_tot", "CBCC hoàn thành tốt nhiệm vụ trở lên (năm 2022)", 19, 20, None),
    ("ty_le_hai_long_phuc_vu", "Khảo sát mức độ hài lòng về sự phục vụ", None, None, "98,4%"),
    ("ty_le_bo_tri_dung_vi_tri", "CBCC bố trí đúng vị trí việc làm", 20, 20, None),
    ("ty_le_giai_ngan", "Vốn đầu tư công đã giải ngân", 8, 8, None),
    ("ty_le_kien_nghi_tai_chinh", "Kiến nghị thanh tra, kiểm toán đã xử lý", 3, 3, None),
    ("ty_le_hai_long_dvc_truc_tuyen", "Hài lòng khi dùng dịch vụ công trực tuyến", None, None, "86%"),
    ("ty_le_van_ban_dien_tu", "Văn bản trao đổi dưới dạng điện tử", 1652, 1670, None),
    ("ty_le_ho_so_mot_cua_dien_tu", "Hồ sơ qua Hệ thống thông tin một cửa điện tử", 1642, 1642, None),
    ("ty_le_iso", "Quy trình giải quyết TTHC theo ISO 9001:2015", 135, 135, None),
    ("ty_le_quyet_dinh_thuc_hien", "Quyết định, kết luận có hiệu lực đã thực hiện xong", 10, 11, None),
    ("ty_le_don_thu_dung_han", "Đơn thư giải quyết đúng thời hạn", 18, 19, None),
]
YEAR_ACTIVITIES = {
    "van_ban_chi_dao": 12,
    "kiem_tra_don_vi": 6,
    "kiem_tra_ton_tai": 9,
    "kiem_tra_khac_phuc": 8,
    "tuyen_truyen": 18,
    "sang_kien": 1,
    "khao_sat": 1,
    "khao_sat_phieu": 150,
    "vbqppl_ban_hanh": 2,
    "vbqppl_kiem_tra": 2,
    "vbqppl_ra_soat": 4,
    "tthc_cong_bo": 135,
    "tthc_ra_soat": 20,
    "tthc_don_gian_hoa": 2,
    "pakn_tiep_nhan": 10,
    "pakn_xu_ly": 10,
    "so_hoa_ho_so": 1642,
    "so_hoa_ket_qua": 520,
    "dao_tao_luot": 24,
    "cong_khai_ngan_sach": 4,
    "van_ban_ky_so": 1652,
    "tai_khoan_dvc": 350,
}
EXAMPLES = {  # file name → (what it is, tasks, TTHC rows, figures, counts)
    "tien_do_q1_2022.xlsx": ("quý I năm 2022", TASKS, FIELDS, FIGURES, ACTIVITIES),
    "tien_do_nam_2022.xlsx": ("năm 2022", YEAR_TASKS, YEAR_FIELDS, YEAR_FIGURES, YEAR_ACTIVITIES),
}


def write(name: str) -> Path:
    period, tasks, fields, figures, counts = EXAMPLES[name]
    book = new_workbook(
        progress_sheets(),
        [
            f"DỮ LIỆU VÍ DỤ — SỐ LIỆU GIẢ ĐỊNH để minh họa báo cáo CCHC {period} của xã Lộc Thủy.",
            "Không phải số liệu thật của địa phương.",
        ],
    )
    keys = [c.key for c in TTHC_WRITTEN if c.key != "co_phi"]  # the example does not count files with a fee
    fill_rows(book[PROGRESS_SHEET], PROGRESS_COLUMNS,
              [{"ma": c, "trang_thai": s, "ngay": d, "ket_qua": r} for c, s, d, r in tasks])  # fmt: skip
    fill_rows(book[TTHC_SHEET], TTHC_WRITTEN, [dict(zip(keys, row, strict=True)) for row in fields])
    fill_rows(book[FIGURES_SHEET], FIGURES_COLUMNS,
              [{"chi_so": m, "noi_dung": n, "so_dat": a, "tong_so": t, "ty_le": p} for m, n, a, t, p in figures])  # fmt: skip
    fill_rows(book[ACTIVITY_SHEET], ACTIVITY_COLUMNS,
              [{**row, "so_luong": counts.get(str(row["ma"]))} for row in activity_rows()])  # fmt: skip
    for row in range(2, len(tasks) + 2):
        book[PROGRESS_SHEET][f"D{row}"].number_format = "DD/MM/YYYY"
    save(book, FOLDER / name)
    return FOLDER / name


def main() -> None:
    for name in EXAMPLES:
        print(write(name))


if __name__ == "__main__":
    main()
