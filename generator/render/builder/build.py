"""Build the committed templates reproducibly: ``python -m generator.render.builder.build``.

The .docx files under ``templates/`` are outputs of this module, byte for byte (fixed ZIP
dates, fixed part order), so a test can prove the committed files match it and a diff of
this module is a review of the format.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from lxml import etree

from generator.domain import form06, nd30
from generator.ooxml.package import Entry, assemble
from generator.ooxml.writing import cell, paragraph, row, table, tag_paragraph
from generator.render.builder import blocks
from generator.render.builder.extras import Extras
from generator.render.builder.styles import styles_xml
from generator.render.bundled import SOURCE_TEMPLATES

TEMPLATE_DIR = SOURCE_TEMPLATES
BUILD_DATE = (2026, 1, 1, 0, 0, 0)
_DOC_OPEN = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>'
)
_DOC_CLOSE = "</w:body></w:document>"
WIDE = nd30.LANDSCAPE_TEXT_WIDTH
C = blocks.Column
PLAN_TASKS = blocks.fit([
    C("STT", 760, "t.stt", "BangSo"), C("NHIỆM VỤ CỤ THỂ", 4040, "t.nhiem_vu"),
    C("SẢN PHẨM", 2300, "t.san_pham"), C("CƠ QUAN CHỦ TRÌ", 1800, "t.chu_tri"),
    C("CƠ QUAN PHỐI HỢP", 1800, "t.phoi_hop"), C("THỜI GIAN HOÀN THÀNH", 1750, "t.thoi_gian"),
    C("KINH PHÍ THỰC HIỆN", 0, "t.kinh_phi"),
], WIDE)  # fmt: skip
PLAN_EXTRAS = Extras("phu_luc.cot_them", "t.them")  # the plan's own columns ("Ghi chú"), #24
REPORT_TARGETS = blocks.fit([
    C("STT", 760, "r.stt", "BangSo"), C("Chỉ tiêu", 2900, "r.ten"), C("Số liệu", 1650, "r.so_lieu"),
    C("Kết quả", 1450, "r.ket_qua"), C("Chỉ tiêu kế hoạch", 1354, "r.muc_tieu"),
    C("Đánh giá", 0, "r.danh_gia", "BangSo"),
], nd30.TEXT_WIDTH)  # fmt: skip
REPORT_TASKS = blocks.fit([
    C("STT", 760, "t.stt", "BangSo"), C("NHIỆM VỤ", 4140, "t.nhiem_vu"),
    C("CƠ QUAN CHỦ TRÌ", 1800, "t.chu_tri"), C("THỜI HẠN", 1700, "t.thoi_han"),
    C("TRẠNG THÁI", 1500, "t.trang_thai"), C("KẾT QUẢ", 3000, "t.ket_qua"),
    C("NGÀY HOÀN THÀNH", 0, "t.ngay_hoan_thanh", "BangSo"),
], WIDE)  # fmt: skip
STATE_COUNTS = blocks.fit([
    C("NHÓM", 1100, "t.so", "BangSo"), C("NỘI DUNG", 3600, "t.ten"), C("TỔNG SỐ", 1500, "t.tong|so", "BangSo"),
    C("HOÀN THÀNH ĐÚNG HẠN", 1500, "t.hoan_thanh|so", "BangSo"),
    C("HOÀN THÀNH QUÁ HẠN", 1600, "t.hoan_thanh_qua_han|so", "BangSo"),
    C("ĐANG THỰC HIỆN", 1600, "t.dang_thuc_hien|so", "BangSo"),
    C("CHƯA THỰC HIỆN", 1600, "t.chua_thuc_hien|so", "BangSo"),
    C("QUÁ HẠN", 0, "t.qua_han|so", "BangSo"),
], WIDE)  # fmt: skip
# Biểu số 06/VPCP/KSTT (docs/tthc-form-06.md §1, §2): every title and number from ``domain.form06``.
_NUMBER_WIDTH = (WIDE - 760 - 2700) // 11
BIEU_06 = blocks.fit([
    C(c.title, 760 if c.number == 1 else 2700 if c.number == 2 else _NUMBER_WIDTH,
      f"t.{c.key}" if c.number <= 2 else f"t.{c.key}|so", "BangChu" if c.number == 2 else "BangSo")
    for c in form06.COLUMNS
], WIDE)  # fmt: skip
H = blocks.Head


def bieu_06_header(second: str) -> list[list[blocks.Head]]:
    """The form's three merged header rows, then the row numbering its columns (1)…(13)."""
    rows = [[H(c.title, c.span, c.merge) for c in cells] for cells in form06.header_rows(second)]
    return [*rows, [H(number) for number in form06.number_row()]]


def form_top(reference: str) -> str:
    """A reporting form's top block, as provincial systems print Biểu 06 (docs/tthc-form-06.md
    §1): its number and issuing act at the left, its title, period and window in the middle, the
    reporting and receiving units at the right; the unit of count above the table's right edge."""
    form = f"{reference}.bieu"
    widths = [3000, WIDE - 3000 - 4400, 4400]

    def lines(style: str, *expressions: str) -> str:
        return "".join(paragraph(f"{{{{ {form}.{e} }}}}", style) for e in expressions)

    left = lines("BieuSo", "so_hieu") + lines("BieuBanHanh", "ban_hanh")
    middle = lines("BieuTieuDe", "tieu_de") + lines("BieuKy", "ky", "thoi_gian")
    right = lines("BieuDonVi", "don_vi_bao_cao", "don_vi_nhan")
    cells = [cell(text, width) for text, width in zip((left, middle, right), widths, strict=True)]
    return table(widths, [row(cells)], borders=False) + lines("DonViTinh", "don_vi_tinh")


TTHC_EXTRAS = blocks.fit([
    C("STT", 760, "t.stt", "BangSoGiu"), C("Nội dung", 7000, "t.ten", "BangChuGiu"),
    C("Số hồ sơ", 2200, "t.so_ho_so|so", "BangSoGiu"), C("Tỷ lệ", 0, "t.ty_le", "BangChuGiu"),
], WIDE)  # fmt: skip


CONSOLIDATED_TASKS = [C("STT", 900, "t.stt", "BangSo"), C("ĐƠN VỊ", 3800, "t.ten"), *STATE_COUNTS[2:]]


def plan_document() -> str:
    """templates/ke_hoach.docx: the Kế hoạch CCHC with its task appendix."""
    body = (
        blocks.header_block()
        + blocks.title_block("KẾ HOẠCH")
        + blocks.body_block()
        + blocks.signature_block()
        + blocks.section_break(landscape=False, restart=False)
        + blocks.appendix_heading("", "phu_luc")
        + blocks.data_table(
            PLAN_TASKS, blocks.grouped_rows(PLAN_TASKS, "phu_luc.nhom", "nhiem_vu", PLAN_EXTRAS), PLAN_EXTRAS
        )
        + blocks.table_end()
        + blocks.section_end(landscape=True, restart=True)
    )
    return _DOC_OPEN + body + _DOC_CLOSE


def report_document() -> str:
    """templates/bao_cao_quy.docx: the periodic Báo cáo CCHC with Phụ lục I (tasks) and II (TTHC)."""
    targets = (
        tag_paragraph("{%p if bang_chi_tieu %}")
        + blocks.data_table(REPORT_TARGETS, blocks.loop_rows(REPORT_TARGETS, "for r in chi_tieu"))
        + tag_paragraph("{%p endif %}")
    )
    tasks = blocks.data_table(REPORT_TASKS, blocks.grouped_rows(REPORT_TASKS, "phu_luc_1.nhom", "nhiem_vu"))
    counts = blocks.totals_table(STATE_COUNTS, "for t in phu_luc_1.tong_hop", "phu_luc_1.tong")
    body = (
        blocks.header_block()
        + blocks.title_block("BÁO CÁO")
        + blocks.recipient_block()
        + blocks.body_block("than")  # its last paragraph (the words before the table) keeps with it
        + targets
        + blocks.body_block("than_tiep")
        + blocks.signature_block()
        + blocks.section_break(landscape=False, restart=False)
        + blocks.appendix_heading("I", "phu_luc_1")
        + tasks
        + paragraph("Tổng hợp theo nhóm nhiệm vụ", "TenBang")
        + counts
        + blocks.table_end()
        + blocks.section_break(landscape=True, restart=True)
        + tthc_appendix()
        + blocks.section_end(landscape=True, restart=True)
    )
    return _DOC_OPEN + body + _DOC_CLOSE


def tthc_appendix() -> str:
    """Phụ lục II: Biểu 06/VPCP/KSTT with its top block, then, in a table of its own under its
    own title, the optional figures the form has no column for (docs/tthc-form-06.md §5)."""
    form = blocks.form_table(BIEU_06, bieu_06_header(form06.FIELD_TITLE),
                             "for t in phu_luc_2.linh_vuc", "phu_luc_2.tong")  # fmt: skip
    return (
        blocks.appendix_heading("II", "phu_luc_2", titled=False)
        + form_top("phu_luc_2")
        + form
        + tag_paragraph("{%p if phu_luc_2.them %}")
        + paragraph(form06.EXTRAS_TITLE, "TenBang")
        + blocks.data_table(
            TTHC_EXTRAS,
            blocks.loop_rows(TTHC_EXTRAS, "for t in phu_luc_2.them"),
            header_style="BangTieuDeGiu",
        )
        + tag_paragraph("{%p endif %}")
        + blocks.table_end()
    )


def package(document_xml: str, title: str) -> bytes:
    """A complete, minimal .docx around ``document_xml`` (slim styles, two headers)."""
    parts = {
        "[Content_Types].xml": _CONTENT_TYPES,
        "_rels/.rels": _ROOT_RELS,
        "docProps/core.xml": _core(title),
        "docProps/app.xml": _APP,
        "word/document.xml": document_xml,
        "word/styles.xml": styles_xml(),
        "word/settings.xml": _SETTINGS,
        "word/fontTable.xml": _FONTS,
        "word/header1.xml": blocks.page_number_header(),
        "word/header2.xml": blocks.empty_header(),
        "word/_rels/document.xml.rels": _DOCUMENT_RELS,
    }
    for name, xml in parts.items():
        try:
            etree.fromstring(xml.encode("utf-8"))
        except etree.XMLSyntaxError as exc:  # a builder bug, caught before a file is written
            raise ValueError(f"{name}: {exc}") from exc
    return assemble([Entry.of(name, xml.encode("utf-8")) for name, xml in parts.items()], BUILD_DATE)


def consolidated_document() -> str:
    """templates/tong_hop.docx: one row per unit for a period, with totals, then Biểu 06 per
    lĩnh vực and the tasks per group summed over units (``cchc batch``, ``cchc tong-hop``)."""
    tthc = blocks.form_table(BIEU_06, bieu_06_header(form06.UNIT_TITLE), "for t in tthc", "tong_tthc")
    tasks = blocks.totals_table(CONSOLIDATED_TASKS, "for t in nhiem_vu", "tong_nhiem_vu")
    fields = blocks.form_table(BIEU_06, bieu_06_header(form06.FIELD_TITLE), "for t in linh_vuc", "tong_tthc")
    groups = blocks.totals_table(STATE_COUNTS, "for t in nhom", "tong_nhom")
    body = (
        blocks.appendix_heading("", "tong_hop")
        + paragraph("1. Giải quyết thủ tục hành chính", "Khoan")
        + form_top("tong_hop")
        + tthc
        + paragraph("2. Thực hiện nhiệm vụ của kế hoạch cải cách hành chính", "Khoan")
        + tasks
        + paragraph("3. Giải quyết thủ tục hành chính theo lĩnh vực (cộng các đơn vị)", "Khoan")
        + paragraph("{{ tong_hop.bieu.don_vi_tinh }}", "DonViTinh")
        + fields
        + paragraph("4. Thực hiện nhiệm vụ theo nhóm (cộng các đơn vị)", "Khoan")
        + groups
        + blocks.table_end()
        + blocks.section_end(landscape=True, restart=False)
    )
    return _DOC_OPEN + body + _DOC_CLOSE


TEMPLATES: dict[str, tuple[Callable[[], str], str]] = {
    "ke_hoach.docx": (plan_document, "Mẫu kế hoạch cải cách hành chính (cchc)"),
    "bao_cao_quy.docx": (report_document, "Mẫu báo cáo cải cách hành chính định kỳ (cchc)"),
    "tong_hop.docx": (consolidated_document, "Mẫu phụ lục tổng hợp nhiều đơn vị (cchc)"),
}


def build(name: str) -> bytes:
    maker, title = TEMPLATES[name]
    return package(maker(), title)


def main(argv: list[str] | None = None) -> int:
    target = Path(argv[0]) if argv else TEMPLATE_DIR
    target.mkdir(parents=True, exist_ok=True)
    for name in TEMPLATES:
        (target / name).write_bytes(build(name))
        print(target / name)
    return 0


_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>'
    '<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>'
    '<Override PartName="/word/fontTable.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml"/>'
    '<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>'
    '<Override PartName="/word/header2.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>'
    '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
    '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>'
    "</Types>"
)
_ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>'
    '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>'
    "</Relationships>"
)
_DOCUMENT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
    '<Relationship Id="rIdSettings" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>'
    '<Relationship Id="rIdFonts" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable" Target="fontTable.xml"/>'
    '<Relationship Id="rIdHeaderPage" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>'
    '<Relationship Id="rIdHeaderFirst" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header2.xml"/>'
    "</Relationships>"
)
_SETTINGS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    '<w:defaultTabStop w:val="720"/><w:characterSpacingControl w:val="doNotCompress"/>'
    '<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>'
    '<w:themeFontLang w:val="vi-VN"/>'
    "</w:settings>"
)
_FONTS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    '<w:font w:name="' + nd30.FONT + '"><w:panose1 w:val="02020603050405020304"/><w:charset w:val="00"/>'
    '<w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>'
    "</w:fonts>"
)
_APP = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
    "<Application>cchc</Application><DocSecurity>0</DocSecurity></Properties>"
)


def _core(title: str) -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"<dc:title>{title}</dc:title><dc:creator>cchc</dc:creator>"
        '<dcterms:created xsi:type="dcterms:W3CDTF">2026-01-01T00:00:00Z</dcterms:created>'
        "</cp:coreProperties>"
    )


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
