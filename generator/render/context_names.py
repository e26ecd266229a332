"""The names a template can use: those docs/mau-rieng.md documents for plans and reports, or those a
real context holds. A name is a dotted path; ``[]`` steps into a list's items
(``phu_luc.nhom[].nhiem_vu[].ma``). tests/test_template_check.py keeps these lists equal to
what ``plan_context`` and ``report_context`` build.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

ITEM = "[]"
_COMMON = (
    "co_quan.chu_quan", "co_quan.ten", "co_quan.ten_goi_tat", "co_quan.viet_tat", "ky_hieu", "so",
    "dia_danh", "ngay_ban_hanh", "nam_ban_hanh", "trich_yeu", "nguoi_ky.chuc_danh[]",
    "nguoi_ky.ho_ten", "noi_nhan[]", "luu", "duong_ke.co_quan", "duong_ke.trich_yeu",
    "duong_ke.phu_luc", "than[].kieu", "than[].so", "than[].tieu_de", "than[].noi_dung",
)  # fmt: skip
_COUNTS = (
    "so", "ten", "tong", "hoan_thanh", "hoan_thanh_qua_han", "dang_thuc_hien", "chua_thuc_hien", "qua_han",
)  # fmt: skip
_FIELDS = (
    "stt", "ten", "tong_nhan", "truc_tuyen", "truc_tiep", "ky_truoc", "da_giai_quyet", "truoc_han", "dung_han",
    "qua_han", "dang_giai_quyet", "dang_trong_han", "dang_qua_han", "toan_trinh", "mot_phan", "thanh_toan",
    "thu_xin_loi", "co_phi", "tiep_nhan", "tre_han", "ty_le_dung_han", "ty_le_truc_tuyen",
)  # fmt: skip
PLAN = (
    *_COMMON, "nam", "phu_luc.tieu_de", "phu_luc.kem_theo", "phu_luc.nhom[].so", "phu_luc.nhom[].ten",
    *(f"phu_luc.nhom[].nhiem_vu[].{key}" for key in (
        "ma", "stt", "nhiem_vu", "san_pham", "chu_tri", "phoi_hop", "thoi_gian", "kinh_phi", "them[]")),
    "phu_luc.cot_them[]",
)  # fmt: skip
REPORT = (
    *_COMMON, "kinh_gui", "kinh_gui_nhieu[].dau", "kinh_gui_nhieu[].ten", "ky_bao_cao.ten", "ky_bao_cao.tu_ngay", "ky_bao_cao.den_ngay",
    *(f"than_tiep[].{key}" for key in ("kieu", "so", "tieu_de", "noi_dung")), "bang_chi_tieu",
    *(f"chi_tieu[].{key}" for key in ("stt", "ten", "so_lieu", "ket_qua", "muc_tieu", "danh_gia")),
    "phu_luc_1.tieu_de", "phu_luc_1.kem_theo", "phu_luc_1.nhom[].so", "phu_luc_1.nhom[].ten",
    *(f"phu_luc_1.nhom[].nhiem_vu[].{key}" for key in (
        "stt", "nhiem_vu", "chu_tri", "thoi_han", "trang_thai", "ket_qua", "ngay_hoan_thanh")),
    *(f"phu_luc_1.tong_hop[].{key}" for key in _COUNTS), *(f"phu_luc_1.tong.{key}" for key in _COUNTS),
    "phu_luc_2.tieu_de", "phu_luc_2.thoi_gian", "phu_luc_2.kem_theo",
    *(f"phu_luc_2.bieu.{key}" for key in (
        "so_hieu", "ban_hanh", "tieu_de", "ky", "thoi_gian", "don_vi_bao_cao", "don_vi_nhan", "don_vi_tinh")),
    *(f"phu_luc_2.them[].{key}" for key in ("stt", "ten", "so_ho_so", "ty_le")),
    *(f"phu_luc_2.linh_vuc[].{key}" for key in _FIELDS), *(f"phu_luc_2.tong.{key}" for key in _FIELDS),
)  # fmt: skip


def paths_of(context: Mapping[str, Any]) -> set[str]:
    """Every dotted path in a real context (lists: the union over their items)."""
    found: set[str] = set()
    _collect(context, "", found)
    return found


def _collect(value: Any, prefix: str, found: set[str]) -> None:
    if isinstance(value, Mapping):
        for key, item in value.items():
            path = f"{prefix}.{key}" if prefix else str(key)
            found.add(path)
            _collect(item, path, found)
    elif isinstance(value, list | tuple):
        found.add(prefix + ITEM)
        for item in value:
            _collect(item, prefix + ITEM, found)


def with_prefixes(paths: Iterable[str]) -> set[str]:
    """``paths`` and every path they extend (``a.b[].c`` → ``a``, ``a.b``, ``a.b[]``, ``a.b[].c``)."""
    found: set[str] = set()
    for path in paths:
        steps = path.replace(ITEM, "." + ITEM).split(".")
        for end in range(1, len(steps) + 1):
            found.add(".".join(steps[:end]).replace("." + ITEM, ITEM))
    return found
