"""``cchc check``: any Word file against the rules of ND 30/2020 that can be checked mechanically.

``check_files`` opens each file, runs every rule and returns the findings as data; the CLI
prints them (one line each, or JSON). A file that cannot be opened is reported, the others
are still checked. Rules and their ids are listed in ``RULES``.

The rules themselves, with their sources: docs/nd30-format.md.
"""

from __future__ import annotations

import json
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import docx
from docx.document import Document
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import qn
from lxml.etree import XMLSyntaxError

from generator.check.body import body_findings
from generator.check.closing import appendix_findings, closing_findings
from generator.check.findings import NOWHERE, Finding, Severity, bounds, collapse, warning
from generator.check.header import header_findings, title_findings
from generator.check.limits import too_large, too_many_paragraphs
from generator.check.page import page_findings, page_number_findings
from generator.check.review import review_findings
from generator.check.text import text_findings
from generator.check.values import BadValue, repair
from generator.document.outline import Outline, read_outline
from generator.domain import form06, nd30
from generator.ooxml.view import DocumentView, read_view

RULES = {
    "kho_giay": "khổ giấy A4",
    "huong_giay": "khổ dọc (khổ ngang chỉ cho phần có bảng)",
    "le_trang": f"lề trên, dưới {bounds(nd30.LE_TREN)}; trái {bounds(nd30.LE_TRAI)}; phải {bounds(nd30.LE_PHAI)}",
    "phong_chu": f"phông {nd30.FONT}",
    "unicode_nfc": "chữ Unicode dựng sẵn (NFC)",
    "ma_cu": "không còn chữ gõ bằng bảng mã TCVN3, VNI",
    "the_mau": "không còn thẻ mẫu {{ }}, {% %}, {# #}",
    "quoc_hieu": f"Quốc hiệu in hoa, đậm, {bounds(nd30.QUOC_HIEU)}",
    "tieu_ngu": f"Tiêu ngữ đúng chữ, đậm, {bounds(nd30.TIEU_NGU)}",
    "duong_ke_tieu_ngu": "đường kẻ liền dưới Tiêu ngữ, dài bằng dòng chữ",
    "co_quan": f"tên cơ quan in hoa, {bounds(nd30.CO_QUAN)}, tên cơ quan ban hành in đậm",
    "so_ky_hieu": "Số: 05/KH-UBND (số nhỏ hơn 10 có số 0; để trống được)",
    "ngay_thang": f"<Địa danh>, ngày dd tháng m năm yyyy, nghiêng, {bounds(nd30.NGAY_THANG)}",
    "ten_loai": f"tên loại văn bản in hoa, đậm, căn giữa, {bounds(nd30.TEN_LOAI)}",
    "trich_yeu": f"trích yếu đậm, căn giữa, {bounds(nd30.TEN_LOAI)}",
    "noi_dung_co_chu": f"nội dung {bounds(nd30.NOI_DUNG)}",
    "noi_dung_can_le": "nội dung căn đều hai bên",
    "noi_dung_lui_dau_dong": f"lùi đầu dòng {bounds(nd30.LUI_DAU_DONG)}",
    "noi_dung_cach_doan": f"cách đoạn {bounds(nd30.CACH_DOAN)}",
    "noi_dung_gian_dong": "giãn dòng từ 1 đến 1,5 dòng",
    "chu_ky": "có khối chữ ký",
    "quyen_han": f"quyền hạn (TM., KT., TL., TUQ., Q.) và chức vụ in hoa, đậm, {bounds(nd30.NGUOI_KY)}",
    "ho_ten_nguoi_ky": "họ tên người ký đậm, không ghi học hàm, học vị",
    "noi_nhan": '"Nơi nhận:" đậm nghiêng 12 pt; dòng 11 pt "- …;", dòng cuối "- Lưu: …."',
    "so_trang": f"số trang ở giữa lề trên, {bounds(nd30.SO_TRANG)}, không hiện ở trang 1",
    "phu_luc": "tiêu đề phụ lục đậm, căn giữa; hàng tiêu đề bảng lặp lại mỗi trang",
    "phu_luc_chu": "tiêu đề “Phụ lục” viết chữ thường (không “PHỤ LỤC”)",
    "kem_theo": "dòng “(Kèm theo …)” ghi đủ tên cơ quan ban hành",
    "luu_vt": "dòng cuối nơi nhận “- Lưu: VT, …”",
    "ngay_truoc_ky": "báo cáo không đề ngày trước ngày chốt số liệu (hoặc ghi rõ số liệu ước)",
    "trang_trang": "không có trang trắng do ngắt phần sau bảng",
    "bieu_06": "Biểu 06: “Từ kỳ trước” là cột riêng; mỗi dòng đúng "
    + "; ".join(form06.identity_text(total, parts) for total, parts in form06.IDENTITIES),
    "gia_tri": "giá trị định dạng đúng kiểu Word đọc được (số, từ khóa)",
}
PRINTED = 100  # findings printed per file; a 300,000-paragraph file gave 600,000 lines
COLLAPSED = {"phong_chu", "unicode_nfc", "ma_cu"} | {r for r in RULES if r.startswith("noi_dung_")}


def _document_rules(view: DocumentView, outline: Outline) -> list[tuple[str, Callable[[], list[Finding]]]]:
    """Each group of rules, in the order findings are listed."""
    return [
        ("kho_giay", lambda: page_findings(view)),
        ("phong_chu", lambda: text_findings(view)),
        ("quoc_hieu", lambda: header_findings(view, outline)),
        ("ten_loai", lambda: title_findings(outline)),
        ("noi_dung_co_chu", lambda: body_findings(outline.body)),
        ("chu_ky", lambda: closing_findings(outline)),
        ("phu_luc", lambda: appendix_findings(view, outline)),
        ("so_trang", lambda: page_number_findings(view)),
        ("bieu_06", lambda: review_findings(view, outline)),
    ]


def check_document(document: Document) -> list[Finding]:
    """Every finding for ``document``; a rule that fails on an unusual file becomes a warning.

    Values python-docx cannot read are reported and dropped first (``values``).
    """
    bad = repair(document)
    view = read_view(document)
    outline = read_outline(view)
    findings = value_findings(bad, view)
    for rule, run in _document_rules(view, outline):
        try:
            findings += run()
        except Exception as exc:  # a hand-made file can hold anything; report, do not crash
            findings.append(warning(rule, f"không kiểm tra được nhóm quy tắc này ({type(exc).__name__})"))
    return collapse(findings, COLLAPSED)


def open_document(path: Path) -> Document | str:
    """The document at ``path``, or the Vietnamese reason it cannot be read."""
    if not path.exists():
        return "không tìm thấy tệp"
    if path.is_dir():
        return "là thư mục, cần tệp .docx"
    suffix = path.suffix.lower()
    if suffix == ".doc":
        return "tệp Word 97–2003 (.doc) không kiểm tra được; hãy mở bằng Word và lưu lại dạng .docx"
    if suffix != ".docx":
        return f"không phải tệp Word .docx (đuôi {suffix or 'trống'})"
    if not zipfile.is_zipfile(path):
        return "tệp hỏng hoặc không phải tệp Word .docx"
    try:
        with zipfile.ZipFile(path) as archive:
            refused = too_large(archive, path.stat().st_size)
        if refused is not None:
            return refused
        document = docx.Document(str(path))
    except (PackageNotFoundError, ValueError, KeyError, zipfile.BadZipFile, XMLSyntaxError, OSError):
        return "không mở được: tệp hỏng hoặc không phải văn bản Word .docx"
    paragraphs = sum(1 for _ in document.element.body.iter(qn("w:p")))
    return too_many_paragraphs(paragraphs) or document


@dataclass(frozen=True)
class FileReport:
    """The findings for one file, or why it could not be read."""

    name: str
    findings: list[Finding] = field(default_factory=list)
    problem: str | None = None

    def count(self, severity: Severity) -> int:
        return sum(1 for f in self.findings if f.severity is severity)

    def summary(self) -> str:
        errors, warnings = self.count(Severity.ERROR), self.count(Severity.WARNING)
        if self.problem is not None:
            return f"{self.name}: không kiểm tra được"
        if not errors and not warnings:
            return f"{self.name}: đúng thể thức, không có lỗi"
        return f"{self.name}: {errors} lỗi, {warnings} cảnh báo"

    def to_dict(self) -> dict[str, object]:
        return {
            "tep": self.name,
            "loi_mo_tep": self.problem,
            "so_loi": self.count(Severity.ERROR),
            "so_canh_bao": self.count(Severity.WARNING),
            "ket_qua": [f.to_dict() for f in self.findings],
        }


@dataclass(frozen=True)
class CheckOutcome:
    """All files checked by one ``cchc check``."""

    reports: list[FileReport]

    @property
    def failed(self) -> bool:
        """True when a rule is broken in some file, or a file could not be read (exit code 1)."""
        return any(r.problem is not None or r.count(Severity.ERROR) for r in self.reports)

    def lines(self) -> list[str]:
        """One line per finding (the first ``PRINTED`` of a file, then how many more), then a
        summary line per file (unreadable files: see ``problems``). ``to_json`` has them all."""
        lines = []
        for report in self.reports:
            shown = report.findings[:PRINTED]
            lines += [f"{report.name}: {finding}" for finding in shown]
            if len(report.findings) > len(shown):
                lines.append(f"{report.name}: {_rest(report.findings[len(shown) :])}")
            if report.problem is None:
                lines.append(report.summary())
        return lines

    def problems(self) -> list[str]:
        """ "file: reason" for each file that could not be read."""
        return [f"{r.name}: {r.problem}" for r in self.reports if r.problem is not None]

    def to_json(self) -> str:
        return json.dumps([r.to_dict() for r in self.reports], ensure_ascii=False, indent=2)


def _rest(hidden: list[Finding]) -> str:
    """ "… và 12 lỗi, 3 cảnh báo khác (in đủ bằng --json)"."""
    errors = sum(1 for f in hidden if f.severity is Severity.ERROR)
    counts = [f"{n} {word}" for n, word in ((errors, "lỗi"), (len(hidden) - errors, "cảnh báo")) if n]
    return f"… và {', '.join(counts)} khác (in đủ bằng --json)"


def check_file(path: Path) -> FileReport:
    opened = open_document(path)
    if isinstance(opened, str):
        return FileReport(str(path), problem=opened)
    try:
        return FileReport(str(path), check_document(opened))
    except Exception:  # a damaged file can hold anything: say so, check the other files
        return FileReport(str(path), problem="không đọc được nội dung tệp Word: tệp hỏng hoặc có cấu trúc lạ")


def value_findings(bad: list[BadValue], view: DocumentView) -> list[Finding]:
    """A warning per dropped value, at its paragraph when it is in one."""
    places = {item.paragraph._p: item.place for item in view.items + view.page_items}
    return [warning("gia_tri", value.describe(), places.get(value.paragraph, NOWHERE)) for value in bad]


def check_files(paths: Sequence[Path]) -> CheckOutcome:
    """Check each of ``paths`` (.docx files) against ND 30; never raises for a bad file."""
    return CheckOutcome([check_file(path) for path in paths])
