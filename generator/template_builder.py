"""Build the committed templates reproducibly: ``python -m generator.template_builder``.

The .docx files under ``templates/`` are outputs of this module, byte for byte (fixed ZIP
dates, fixed part order), so a test can prove the committed files match it and a diff of
this module is a review of the format.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from lxml import etree

from generator import layout
from generator import template_blocks as blocks
from generator.docx_package import Entry, assemble
from generator.ooxml import cell, paragraph, row, table
from generator.template_styles import styles_xml

TEMPLATE_DIR = Path(__file__).resolve().parent.parent / "templates"
BUILD_DATE = (2026, 1, 1, 0, 0, 0)
PLAN_COLUMNS = (
    ("STT", 760), ("NHIỆM VỤ CỤ THỂ", 4040), ("SẢN PHẨM", 2300), ("CƠ QUAN CHỦ TRÌ", 1800),
    ("CƠ QUAN PHỐI HỢP", 1800), ("THỜI GIAN HOÀN THÀNH", 1750), ("KINH PHÍ THỰC HIỆN", 0),
)  # fmt: skip
_DOC_OPEN = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>'
)
_DOC_CLOSE = "</w:body></w:document>"


def fit_columns(widths: list[int], total: int = layout.LANDSCAPE_TEXT_WIDTH) -> list[int]:
    """The last column takes what the others leave of the landscape text width."""
    return [*widths[:-1], total - sum(widths[:-1])]


def plan_document() -> str:
    """templates/ke_hoach.docx: the Kế hoạch CCHC with its task appendix."""
    widths = fit_columns([w for _, w in PLAN_COLUMNS])
    total = sum(widths)
    group_row = row([
        cell(paragraph("{{ g.so }}", "BangNhom"), widths[0]),
        cell(paragraph("{{ g.ten }}", "BangNhom"), total - widths[0], span=len(widths) - 1),
    ])  # fmt: skip
    task_cells = ("t.stt", "t.nhiem_vu", "t.san_pham", "t.chu_tri", "t.phoi_hop", "t.thoi_gian", "t.kinh_phi")
    task_row = row([
        cell(paragraph(f"{{{{ {name} }}}}", "BangSo" if name == "t.stt" else "BangChu"), width)
        for name, width in zip(task_cells, widths, strict=True)
    ])  # fmt: skip
    appendix = table(
        widths,
        [
            blocks.table_header([t for t, _ in PLAN_COLUMNS], widths),
            blocks.loop_row("{%tr for g in phu_luc.nhom %}", total, len(widths)),
            group_row,
            blocks.loop_row("{%tr for t in g.nhiem_vu %}", total, len(widths)),
            task_row,
            blocks.loop_row("{%tr endfor %}", total, len(widths)),
            blocks.loop_row("{%tr endfor %}", total, len(widths)),
        ],
        borders=True,
    )
    body = (
        blocks.header_block()
        + blocks.title_block("KẾ HOẠCH")
        + blocks.body_block()
        + blocks.signature_block()
        + blocks.section_break(landscape=False, restart=False)
        + blocks.appendix_heading("", "phu_luc")
        + appendix
        + paragraph()
        + blocks.section_end(landscape=True, restart=True)
    )
    return _DOC_OPEN + body + _DOC_CLOSE


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


TEMPLATES: dict[str, tuple[Callable[[], str], str]] = {
    "ke_hoach.docx": (plan_document, "Mẫu kế hoạch cải cách hành chính (cchc)"),
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
    '<w:font w:name="Times New Roman"><w:panose1 w:val="02020603050405020304"/><w:charset w:val="00"/>'
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
