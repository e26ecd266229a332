"""The unit profile (``don_vi:`` in YAML) → ``Unit``; also the signer and recipient readers."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from generator.domain import form06
from generator.domain.models import AUTHORITIES, DEADLINE_DAY, NOT_DUE, Signer, Unit
from generator.domain.nd30_patterns import ARCHIVE_WARNING, archive_lacks_office
from generator.domain.periods import PERIODS, parse_day_month
from generator.domain.text import ascii_slug
from generator.errors import Problems
from generator.inputs.formats.fields import Fields

if TYPE_CHECKING:  # YAML's modules are imported only where a YAML file is read
    from generator.inputs.formats.yaml_file import YamlDocument

PROFILE_KEYS = (
    "ten", "co_quan_chu_quan", "viet_tat", "ten_goi_tat", "dia_danh", "cap_tren", "ma",
    "nguoi_ky", "noi_nhan", "luu", "ky_bao_cao", "han_truoc_ngay", "han_gui_bao_cao", "chua_den_ky",
    "tinh", "bieu_tthc", "bieu_tthc_ban_hanh",
)  # fmt: skip
BEFORE_RULES = {"ngay_truoc": True, "chinh_ngay": False}
SIGNER_KEYS = ("quyen_han", "tap_the", "chuc_vu", "chuc_vu_cap_truong", "ho_ten")


def read_unit(document: YamlDocument, problems: Problems) -> Unit | None:
    """Build the ``Unit`` from ``document["don_vi"]``; None when it has errors."""
    fields = Fields(document, problems)
    root = fields.mapping((document.data or {}).get("don_vi"), "don_vi")
    if root is None:
        return None
    fields.check_keys(root, PROFILE_KEYS, "don_vi")
    name_lines = tuple(line.upper() for line in fields.text_list(root, "ten", "don_vi"))
    signer = read_signer(fields, root.get("nguoi_ky"), "don_vi.nguoi_ky")
    recipients = read_recipients(fields, root, "don_vi")
    slug = fields.text(root, "ma", "don_vi", required=False)
    unit = Unit(
        name_lines=name_lines,
        parent=fields.text(root, "co_quan_chu_quan", "don_vi", required=False).upper(),
        abbreviation=fields.text(root, "viet_tat", "don_vi"),
        short_name=fields.text(root, "ten_goi_tat", "don_vi"),
        place=fields.text(root, "dia_danh", "don_vi"),
        superior=fields.text(root, "cap_tren", "don_vi", required=False),
        signer=signer or Signer("", (), ""),
        recipients=recipients,
        archive=archive_line(fields.text(root, "luu", "don_vi", required=False)),
        slug=ascii_slug(slug) if slug else unit_slug(name_lines),
        window_rules=read_window_rules(fields, root.get("ky_bao_cao"), "don_vi.ky_bao_cao"),
        before_is_day_before=BEFORE_RULES.get(
            fields.choice(root, "han_truoc_ngay", "don_vi", BEFORE_RULES, "cách tính hạn") or "ngay_truoc",
            True,
        ),
        not_due=fields.text(root, "chua_den_ky", "don_vi", required=False) or NOT_DUE,
        deadline_day=_deadline_day(fields, root),
        province=fields.text(root, "tinh", "don_vi", required=False),
        form_number=fields.text(root, "bieu_tthc", "don_vi", required=False) or form06.FORM_NUMBER,
        form_act=fields.text(root, "bieu_tthc_ban_hanh", "don_vi", required=False) or form06.FORM_ACT,
    )
    if archive_lacks_office(unit.archive):
        problems.warn(fields.at("don_vi.luu"), f'"Lưu: {unit.archive}.": {ARCHIVE_WARNING}')
    return unit if signer is not None else None


def _deadline_day(fields: Fields, root: dict[str, Any]) -> int:
    """The day of the window's last month a report is due by (docs/reporting-periods.md §5)."""
    if root.get("han_gui_bao_cao") in (None, ""):
        return DEADLINE_DAY
    return fields.integer(root, "han_gui_bao_cao", "don_vi", low=1, high=31) or DEADLINE_DAY


def unit_slug(name_lines: tuple[str, ...]) -> str:
    """("ỦY BAN NHÂN DÂN", "XÃ LỘC THỦY") → "xa_loc_thuy"."""
    slug = ascii_slug(" ".join(name_lines))
    slug = re.sub(r"^(uy_ban_nhan_dan|ubnd)_", "", slug)
    return slug or "don_vi"


def read_signer(fields: Fields, value: Any, path: str) -> Signer | None:
    """Người ký → the title lines of docs/nd30-format.md §8 (TM., KT., TL., TUQ., Q.)."""
    data = fields.mapping(value, path)
    if data is None:
        return None
    fields.check_keys(data, SIGNER_KEYS, path)
    authority = fields.choice(data, "quyen_han", path, AUTHORITIES, "quyền hạn ký")
    title = fields.text(data, "chuc_vu", path)
    head = fields.text(data, "chuc_vu_cap_truong", path, required=False)
    name = fields.text(data, "ho_ten", path)
    if authority is None:
        return None
    lines, missing = signer_lines(authority, fields.text(data, "tap_the", path) if authority == "TM" else "",
                                  title, head)  # fmt: skip
    if missing == "chuc_vu_cap_truong":
        fields.problem(f"{path}.chuc_vu_cap_truong", f"cần chức vụ người đứng đầu khi ký {authority}.")
    return Signer(authority, lines, name)


def signer_lines(
    authority: str, collective: str, title: str, head: str
) -> tuple[tuple[str, ...], str | None]:
    """The title lines above the name, in capitals, and the item the authority needs but lacks.

    TM. needs the collective (``tap_the``); KT., TL., TUQ. need the head's title
    (``chuc_vu_cap_truong``); with TM., a head's title adds "KT. …" (a deputy signs).
    """
    title, head, collective = title.upper(), head.upper(), collective.upper()
    if authority == "TM":
        lines = ["TM. " + collective, *(["KT. " + head] if head else []), title]
        return tuple(lines), None if collective else "tap_the"
    if authority == "Q":
        return ("Q. " + title,), None
    if authority:
        return (f"{authority}. {head}", title), None if head else "chuc_vu_cap_truong"
    return (title,), None


def signer_parts(signer: Signer) -> dict[str, str]:
    """The items ``signer_lines`` was given, read back from a signer's lines (the inverse)."""
    lines, authority = list(signer.title_lines), signer.authority
    parts = {"quyen_han": authority, "ho_ten": signer.name, "chuc_vu": lines[-1] if lines else ""}
    if authority == "TM" and lines:
        parts["tap_the"] = lines[0].removeprefix("TM.").strip()
        if len(lines) > 2:
            parts["chuc_vu_cap_truong"] = lines[1].removeprefix("KT.").strip()
    elif authority == "Q" and lines:
        parts["chuc_vu"] = lines[0].removeprefix("Q.").strip()
    elif authority and len(lines) > 1:
        parts["chuc_vu_cap_truong"] = lines[0].removeprefix(f"{authority}.").strip()
    return parts


def read_recipients(fields: Fields, data: dict[str, Any], path: str) -> tuple[str, ...]:
    """Nơi nhận without the "- " and ";" staff often type: the template adds them."""
    return tuple(clean_recipient(item) for item in fields.text_list(data, "noi_nhan", path))


def clean_recipient(item: str) -> str:
    """ "- UBND huyện;" → "UBND huyện"."""
    return item.lstrip("-–• ").rstrip(";.,").strip()


def archive_line(text: str) -> str:
    """ "VT, VP" → "VT, VP"; blank → "VT" (văn thư keeps the original)."""
    cleaned = text.removeprefix("Lưu:").strip().rstrip(".;")
    return cleaned or "VT"


def read_window_rules(fields: Fields, value: Any, path: str) -> dict[str, tuple[str, str]]:
    """Per-province override of data cut-off windows: ``{Q1: [15/12, 14/03], …}``."""
    if value is None:
        return {}
    data = fields.mapping(value, path)
    rules: dict[str, tuple[str, str]] = {}
    for code, window in (data or {}).items():
        child = f"{path}.{code}"
        if str(code).upper() not in PERIODS:
            fields.problem(child, f'kỳ báo cáo "{code}" không hợp lệ (cần một trong: {", ".join(PERIODS)})')
        elif (
            isinstance(window, list) and len(window) == 2 and all(parse_day_month(str(day)) for day in window)
        ):
            rules[str(code).upper()] = (str(window[0]).strip(), str(window[1]).strip())
        else:
            fields.problem(child, "cần hai mốc [từ ngày, đến ngày] dạng dd/mm, ví dụ [15/12, 14/03]")
    return rules
