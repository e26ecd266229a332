"""The areas of CCHC work: the six of Nghị quyết 76/NQ-CP, and the seven task groups I–VII of a
commune plan's appendix (the six plus "chỉ đạo, điều hành"). Source: docs/report-outline.md.
Also the level a commune reports to, which changed on 01/7/2025.
"""

from __future__ import annotations

import datetime as dt

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

# From 01/7/2025 a commune reports to the province (docs/local-government-2025.md §1, §3): for a
# year any part of which falls after that day, `cchc init` names the province and Sở Nội vụ.
TWO_LEVEL_START = dt.date(2025, 7, 1)
PROVINCE_SUPERIOR = "UBND tỉnh"
PROVINCE_RECIPIENTS = ("UBND tỉnh (b/c)", "Sở Nội vụ (b/c)")


def default_addressee(year: int, superior: str = "", province: str = "") -> str:
    """The "Kính gửi" a report of ``year`` is given by default (#23): Sở Nội vụ of the province
    from the second half of 2025 on ("Sở Nội vụ tỉnh/thành phố …" until the profile names the
    province), the unit's superior before (a huyện: "UBND huyện Phú Lộc")."""
    if not reports_to_province(year):
        return superior
    if not province:
        return "Sở Nội vụ tỉnh/thành phố …"
    named = province if province.lower().startswith(("tỉnh ", "thành phố ")) else f"tỉnh {province}"
    return f"Sở Nội vụ {named}"


def reports_to_province(year: int) -> bool:
    """True when a unit's reports of ``year`` go (at least partly) to UBND tỉnh / Sở Nội vụ."""
    return dt.date(year, 12, 31) >= TWO_LEVEL_START
