"""The periodic report's outline as data: headings in order, the unit's words, and slots.

A slot is a place where cchc writes a block it computes (a sentence of figures, the targets
table). In a Word file a slot is a paragraph holding only its marker, "[Số liệu: TTHC]" or
"[Bảng: chỉ tiêu]"; a heading may hold "[kỳ báo cáo]" or "[kỳ tới]", which become the period's
name. So a province's own đề cương (section names, order, extra sections) is a Word file
staff edit, not code. The default is the outline of docs/report-outline.md §4; the markers
are listed in docs/bao-cao.md ("Đề cương báo cáo của tỉnh").
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from generator.domain.areas import AREAS
from generator.domain.models import Paragraph, ReportText, Section
from generator.domain.sheets import ACTIVITY_SHEET


@dataclass(frozen=True)
class SlotKind:
    """A computed block: its key, the marker cchc writes, the other names it accepts, what it is."""

    key: str
    marker: str
    aliases: tuple[str, ...]
    what: str
    always: bool = False  # it always prints something (a heading holding only it is not empty)


SLOTS: tuple[SlotKind, ...] = (
    SlotKind("nhiem_vu", "[Số liệu: nhiệm vụ]", ("nhiệm vụ kế hoạch",),
             "số nhiệm vụ của kế hoạch theo trạng thái, số đến hạn và hoàn thành đúng hạn (Phụ lục I)", True),
    SlotKind("tthc", "[Số liệu: TTHC]", ("hồ sơ TTHC", "thủ tục hành chính", "hồ sơ thủ tục hành chính"),
             "số hồ sơ thủ tục hành chính nhận, đã và đang giải quyết, tỷ lệ đúng hạn, trực tuyến (Phụ lục II)",
             True),
    SlotKind("chi_tieu", "[Bảng: chỉ tiêu]", ("chỉ tiêu kế hoạch",),
             "câu dẫn và bảng các chỉ tiêu của kế hoạch: số liệu, kết quả, mức, đánh giá", True),
    SlotKind("chi_dao", "[Số liệu: chỉ đạo, điều hành]", ("chỉ đạo",),
             f"văn bản chỉ đạo, kiểm tra, tuyên truyền, sáng kiến, khảo sát (trang “{ACTIVITY_SHEET}”)"),
    SlotKind("the_che", "[Số liệu: thể chế]", ("cải cách thể chế", "VBQPPL"),
             "văn bản quy phạm pháp luật ban hành, kiểm tra, rà soát"),
    SlotKind("kiem_soat_tthc", "[Số liệu: kiểm soát TTHC]", ("kiểm soát thủ tục hành chính",),
             "TTHC công bố, rà soát, đơn giản hóa; phản ánh, kiến nghị; số hóa"),
    SlotKind("bo_may", "[Số liệu: tổ chức bộ máy]", ("bộ máy",), "sắp xếp, kiện toàn tổ chức"),
    SlotKind("cong_vu", "[Số liệu: công vụ]", ("chế độ công vụ",), "đào tạo, bồi dưỡng; kỷ luật"),
    SlotKind("tai_chinh_cong", "[Số liệu: tài chính công]", ("tài chính",), "công khai ngân sách, tài chính"),
    SlotKind("chinh_quyen_so", "[Số liệu: chính quyền số]", ("chính quyền điện tử", "chuyển đổi số"),
             "văn bản ký số, tài khoản dịch vụ công"),
)  # fmt: skip
SLOT_KINDS = {kind.key: kind for kind in SLOTS}
# A heading's words that stand for the period: "[kỳ báo cáo]" (this one), "[kỳ tới]" (the next).
PERIOD_WORDS = {"kỳ báo cáo": "this", "kỳ tới": "next"}
_MARKER = re.compile(r"^\[\s*(?P<kind>số liệu|bảng)\s*:\s*(?P<name>[^\]]*?)\s*\]$")
_BRACKETS = re.compile(r"\[([^\]]*)\]")
_EMBEDDED = re.compile(r"\[\s*(?:số\s+liệu|bảng)\s*:[^\]]*\]", re.IGNORECASE)


def _fold(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


def _names() -> dict[tuple[str, str], str]:
    """(kind, name) as a marker reads, folded → slot key: "[Số liệu: TTHC]" → ("số liệu", "tthc")."""
    names = {}
    for kind in SLOTS:
        head, _, tail = kind.marker[1:-1].partition(":")
        for name in (tail, *kind.aliases):
            names[(_fold(head), _fold(name))] = kind.key
    return names


_NAMES = _names()


def looks_like_marker(text: str) -> bool:
    """True for a paragraph written as a marker ("[Số liệu: …]", "[Bảng: …]"), known or not."""
    return _MARKER.match(_fold(text)) is not None


def embedded_markers(text: str) -> list[str]:
    """Markers written inside a longer paragraph or a table row ("Kết quả: [Số liệu: TTHC] như
    sau"), where cchc cannot put a block: a person must give each its own paragraph."""
    if looks_like_marker(text):
        return []
    return [m.group(0) for m in _EMBEDDED.finditer(unicodedata.normalize("NFC", text))]


def slot_of(text: str) -> str | None:
    """The slot a marker paragraph names ("[Số liệu: TTHC]" → "tthc"); None when unknown."""
    match = _MARKER.match(_fold(text))
    return _NAMES.get((match["kind"], match["name"])) if match else None


def slot(key: str) -> Paragraph:
    """The paragraph standing for slot ``key`` in an outline."""
    return Paragraph(SLOT_KINDS[key].marker, slot=key)


def unknown_brackets(title: str) -> list[str]:
    """The "[…]" in a heading that are not a period word (a typo a person should fix)."""
    return [m.group(0) for m in _BRACKETS.finditer(title) if _fold(m.group(1)) not in PERIOD_WORDS]


def fill_heading(title: str, this: str, following: str) -> str:
    """A heading with its period words replaced: "[kỳ tới]" → "quý II năm 2022" (capitals kept)."""
    names = {"this": this, "next": following}

    def name(match: re.Match[str]) -> str:
        key = PERIOD_WORDS.get(_fold(match.group(1)))
        if key is None:
            return match.group(0)
        return names[key].upper() if match.group(1).isupper() else names[key]

    return _BRACKETS.sub(name, title)


def default_outline(text: ReportText) -> tuple[Section, ...]:
    """The Bộ Nội vụ outline I–V (docs/report-outline.md §4) around ``text``, with its slots."""
    area_slots = {
        "the_che": ("the_che",), "thu_tuc_hanh_chinh": ("kiem_soat_tthc", "tthc"), "to_chuc_bo_may": ("bo_may",),
        "che_do_cong_vu": ("cong_vu",), "tai_chinh_cong": ("tai_chinh_cong",), "chinh_quyen_so": ("chinh_quyen_so",),
    }  # fmt: skip
    areas = [Section(title, (*text.areas[key], *map(slot, area_slots[key]))) for key, title in AREAS]
    areas.append(Section(TARGETS_TITLE, (slot("chi_tieu"),)))
    return (
        Section("CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH",
                (*text.leadership, slot("chi_dao"), slot("nhiem_vu"))),
        Section("KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH", tuple(areas)),
        Section("ĐÁNH GIÁ CHUNG", (Section("Ưu điểm", text.strengths),
                                   Section("Tồn tại, hạn chế và nguyên nhân", text.weaknesses))),
        Section("PHƯƠNG HƯỚNG, NHIỆM VỤ TRỌNG TÂM [KỲ TỚI]", text.outlook),
        Section("ĐỀ XUẤT, KIẾN NGHỊ", text.proposals),
    )  # fmt: skip


TARGETS_TITLE = "Kết quả thực hiện các chỉ tiêu của Kế hoạch"
