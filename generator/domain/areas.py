"""The areas of CCHC work: the six of Nghị quyết 76/NQ-CP, and the seven task groups I–VII of a
commune plan's appendix (the six plus "chỉ đạo, điều hành"). Source: docs/report-outline.md.
"""

from __future__ import annotations

# Key used by data (``ket_qua.the_che``), and the area's name in a report heading.
AREAS = (
    ("the_che", "Cải cách thể chế"),
    ("thu_tuc_hanh_chinh", "Cải cách thủ tục hành chính"),
    ("to_chuc_bo_may", "Cải cách tổ chức bộ máy hành chính nhà nước"),
    ("che_do_cong_vu", "Cải cách chế độ công vụ"),
    ("tai_chinh_cong", "Cải cách tài chính công"),
    ("chinh_quyen_so", "Xây dựng và phát triển chính quyền điện tử, chính quyền số"),
)

# Appendix groups of a plan, by Roman numeral; a plan may rename them (``phu_luc.nhom``).
DEFAULT_GROUPS = {
    "I": "Cải cách thể chế",
    "II": "Cải cách thủ tục hành chính",
    "III": "Cải cách tổ chức bộ máy hành chính nhà nước",
    "IV": "Cải cách chế độ công vụ",
    "V": "Cải cách tài chính công",
    "VI": "Xây dựng và phát triển chính quyền điện tử, chính quyền số",
    "VII": "Công tác chỉ đạo, điều hành",
}
