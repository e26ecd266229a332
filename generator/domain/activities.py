"""The counts a report states in sections I and II besides the TTHC files and the targets.

Reviewers look for them (docs/report-outline.md §5): inspections, communication, initiatives,
surveys, legal documents, TTHC published, reviewed and simplified, petitions, digitisation …
Staff type them on the "Kết quả CCHC" sheet of the progress workbook, one row per code; each
code belongs to one slot of the outline (``domain.outline``), where its phrase joins a
sentence. The list is fixed so that every unit reports the same things the same way; the
table in docs/bao-cao.md lists every code.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.domain.formatting import vn_number


@dataclass(frozen=True)
class Activity:
    """One count: the outline slot its phrase goes to, its name on the sheet, its phrase."""

    slot: str
    label: str
    phrase: str  # "{}" is the count


ACTIVITIES: dict[str, Activity] = {
    "van_ban_chi_dao": Activity("chi_dao", "Văn bản chỉ đạo, điều hành CCHC đã ban hành",
                                "ban hành {} văn bản chỉ đạo, điều hành công tác cải cách hành chính"),
    "kiem_tra_don_vi": Activity("chi_dao", "Cơ quan, đơn vị, bộ phận được kiểm tra công tác CCHC",
                                "kiểm tra công tác cải cách hành chính tại {} cơ quan, đơn vị, bộ phận"),
    "kiem_tra_ton_tai": Activity("chi_dao", "Tồn tại, hạn chế phát hiện qua kiểm tra",
                                 "qua kiểm tra phát hiện {} tồn tại, hạn chế"),
    "kiem_tra_khac_phuc": Activity("chi_dao", "Tồn tại, hạn chế đã khắc phục",
                                   "đã khắc phục {} tồn tại, hạn chế sau kiểm tra"),
    "tuyen_truyen": Activity("chi_dao", "Hoạt động tuyên truyền về CCHC",
                             "tổ chức {} hoạt động tuyên truyền về cải cách hành chính"),
    "sang_kien": Activity("chi_dao", "Sáng kiến, mô hình mới về CCHC",
                          "triển khai {} sáng kiến, mô hình mới về cải cách hành chính"),
    "khao_sat": Activity("chi_dao", "Cuộc khảo sát mức độ hài lòng",
                         "tổ chức {} cuộc khảo sát mức độ hài lòng của người dân, tổ chức"),
    "khao_sat_phieu": Activity("chi_dao", "Phiếu khảo sát thu về", "thu về {} phiếu khảo sát"),
    "vbqppl_ban_hanh": Activity("the_che", "VBQPPL đã ban hành", "ban hành {} văn bản quy phạm pháp luật"),
    "vbqppl_kiem_tra": Activity("the_che", "VBQPPL đã tự kiểm tra", "tự kiểm tra {} văn bản quy phạm pháp luật"),
    "vbqppl_ra_soat": Activity("the_che", "VBQPPL đã rà soát", "rà soát {} văn bản quy phạm pháp luật"),
    "vbqppl_kien_nghi": Activity("the_che", "VBQPPL kiến nghị sửa đổi, bổ sung, thay thế, bãi bỏ",
                                 "kiến nghị sửa đổi, bổ sung, thay thế hoặc bãi bỏ {} văn bản"),
    "tthc_cong_bo": Activity("kiem_soat_tthc", "TTHC đã cập nhật, niêm yết công khai theo quyết định công bố",
                             "cập nhật, niêm yết công khai {} thủ tục hành chính đã được công bố"),
    "tthc_ra_soat": Activity("kiem_soat_tthc", "TTHC đã rà soát", "rà soát {} thủ tục hành chính"),
    "tthc_don_gian_hoa": Activity("kiem_soat_tthc", "TTHC kiến nghị đơn giản hóa",
                                  "kiến nghị đơn giản hóa {} thủ tục hành chính"),
    "pakn_tiep_nhan": Activity("kiem_soat_tthc", "Phản ánh, kiến nghị về quy định hành chính tiếp nhận",
                               "tiếp nhận {} phản ánh, kiến nghị về quy định hành chính"),
    "pakn_xu_ly": Activity("kiem_soat_tthc", "Phản ánh, kiến nghị đã xử lý", "đã xử lý {} phản ánh, kiến nghị"),
    "so_hoa_ho_so": Activity("kiem_soat_tthc", "Hồ sơ TTHC đã số hóa", "số hóa {} hồ sơ thủ tục hành chính"),
    "so_hoa_ket_qua": Activity("kiem_soat_tthc", "Kết quả giải quyết TTHC đã số hóa",
                               "số hóa {} kết quả giải quyết thủ tục hành chính"),
    "kien_toan_to_chuc": Activity("bo_may", "Tổ chức, bộ phận được sắp xếp, kiện toàn",
                                  "sắp xếp, kiện toàn {} tổ chức, bộ phận"),
    "dao_tao_luot": Activity("cong_vu", "Lượt CBCC được cử đào tạo, bồi dưỡng",
                             "cử {} lượt cán bộ, công chức tham gia đào tạo, bồi dưỡng"),
    "ky_luat": Activity("cong_vu", "CBCC bị xử lý kỷ luật", "xử lý kỷ luật {} cán bộ, công chức"),
    "cong_khai_ngan_sach": Activity("tai_chinh_cong", "Lần công khai ngân sách, tài chính",
                                    "thực hiện {} lần công khai ngân sách, tài chính theo quy định"),
    "van_ban_ky_so": Activity("chinh_quyen_so", "Văn bản điện tử có chữ ký số đã phát hành",
                              "phát hành {} văn bản điện tử có chữ ký số"),
    "tai_khoan_dvc": Activity("chinh_quyen_so", "Tài khoản dịch vụ công được hướng dẫn tạo",
                              "hướng dẫn người dân, tổ chức tạo {} tài khoản trên Cổng Dịch vụ công"),
}  # fmt: skip
# A part that cannot exceed its whole: (part, whole).
PARTS_OF = (("kiem_tra_khac_phuc", "kiem_tra_ton_tai"), ("pakn_xu_ly", "pakn_tiep_nhan"))


def phrases(counts: dict[str, int], slot: str) -> list[str]:
    """The phrases of ``slot`` for the counts given, in the list's order; a 0 says nothing."""
    return [
        activity.phrase.format(vn_number(counts[code]))
        for code, activity in ACTIVITIES.items()
        if activity.slot == slot and counts.get(code)
    ]
