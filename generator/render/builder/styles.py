"""The templates' styles part: a few named ND 30 styles instead of Word's hundreds.

Every size, indent and spacing of the documents is set here (and in ``layout``), so a user
restyles a document in Word by changing one style, and a reviewer reads the format in a diff.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.domain import nd30
from generator.ooxml.writing import attr


@dataclass(frozen=True)
class Style:
    style_id: str
    name: str  # what Word shows in its style list
    size: float
    bold: bool = False
    italic: bool = False
    align: str = "left"  # left, center, both (justified)
    first_line: int = 0
    left: int = 0  # left indent, twips
    tab: int = 0  # one left tab stop at this position, twips (0: none)
    after: int = 0
    before: int = 0
    line: int = 240  # 240 = single
    line_rule: str = "auto"
    keep_next: bool = False

    def xml(self) -> str:
        ppr = "<w:keepNext/>" if self.keep_next else ""
        if self.tab:
            ppr += f'<w:tabs><w:tab w:val="left" w:pos={attr(self.tab)}/></w:tabs>'
        ppr += (
            f"<w:spacing w:before={attr(self.before)} w:after={attr(self.after)} "
            f"w:line={attr(self.line)} w:lineRule={attr(self.line_rule)}/>"
        )
        if self.first_line or self.left:
            ppr += f"<w:ind w:left={attr(self.left)} w:firstLine={attr(self.first_line)}/>"
        ppr += f"<w:jc w:val={attr(self.align)}/>"
        half = round(self.size * 2)
        rpr = ("<w:b/><w:bCs/>" if self.bold else "") + ("<w:i/><w:iCs/>" if self.italic else "")
        rpr += f"<w:sz w:val={attr(half)}/><w:szCs w:val={attr(half)}/>"
        return (
            f'<w:style w:type="paragraph" w:customStyle="1" w:styleId={attr(self.style_id)}>'
            f'<w:name w:val={attr(self.name)}/><w:basedOn w:val="Normal"/><w:qFormat/>'
            f"<w:pPr>{ppr}</w:pPr><w:rPr>{rpr}</w:rPr></w:style>"
        )


def _body(style_id: str, name: str, *, bold: bool = False, before: int = 0) -> Style:
    """Body text and its headings: justified, first-line indent, 6 pt after, 1.15 lines."""
    return Style(
        style_id, name, nd30.SIZE_BODY, bold=bold, align="both", first_line=nd30.FIRST_LINE_INDENT,
        after=nd30.SPACE_AFTER, before=before, line=nd30.LINE_SPACING, keep_next=style_id != "NoiDung",
    )  # fmt: skip


STYLES = (
    Style("CoQuanChuQuan", "ND30 Cơ quan chủ quản", nd30.SIZE_AGENCY, align="center"),
    Style("CoQuan", "ND30 Cơ quan ban hành", nd30.SIZE_AGENCY, bold=True, align="center"),
    Style("QuocHieu", "ND30 Quốc hiệu", nd30.SIZE_MOTTO_TITLE, bold=True, align="center"),
    Style("TieuNgu", "ND30 Tiêu ngữ", nd30.SIZE_MOTTO, bold=True, align="center"),
    Style("DuongKe", "ND30 Đường kẻ", 2, before=80, line=80, line_rule="exact", align="center"),
    Style("SoKyHieu", "ND30 Số, ký hiệu", nd30.SIZE_NUMBER, align="center", before=60),
    Style("DiaDanhNgay", "ND30 Địa danh, ngày tháng", nd30.SIZE_DATE, italic=True, align="center", before=60),
    Style(
        "TenLoai",
        "ND30 Tên loại văn bản",
        nd30.SIZE_TITLE,
        bold=True,
        align="center",
        before=360,
        keep_next=True,
    ),
    Style("TrichYeu", "ND30 Trích yếu", nd30.SIZE_TITLE, bold=True, align="center", keep_next=True),
    Style("KinhGui", "ND30 Kính gửi", nd30.SIZE_BODY, align="center", before=120, after=120),
    # Several recipients: "Kính gửi:" then a tab, each "- …" at the same tab stop, one a line
    # (ND 30 ô 9a); the block starts a quarter of the text width in [practice].
    Style(
        "KinhGuiNhieu",
        "ND30 Kính gửi nhiều nơi",
        nd30.SIZE_BODY,
        left=nd30.TEXT_WIDTH // 4,
        tab=nd30.TEXT_WIDTH // 4 + nd30.text_width("Kính gửi: ", nd30.SIZE_BODY) + 60,
    ),
    _body("NoiDung", "ND30 Nội dung"),
    _body("NoiDungCuoi", "ND30 Nội dung - đoạn kết (liền với chữ ký)"),
    _body("Muc", "ND30 Mục (I.)", bold=True, before=120),
    _body("Khoan", "ND30 Khoản (1.)", bold=True),
    _body("Diem", "ND30 Điểm (a)"),
    Style("NoiNhanTieuDe", "ND30 Nơi nhận", nd30.SIZE_RECIPIENTS_HEADING, bold=True, italic=True, before=120),
    Style("NoiNhan", "ND30 Danh sách nơi nhận", nd30.SIZE_RECIPIENTS),
    Style(
        "ChucVuKy",
        "ND30 Quyền hạn, chức vụ người ký",
        nd30.SIZE_SIGNER,
        bold=True,
        align="center",
        keep_next=True,
    ),
    Style("KhoangKy", "ND30 Khoảng chữ ký", nd30.SIZE_SIGNER, align="center", keep_next=True),
    Style("HoTenKy", "ND30 Họ tên người ký", nd30.SIZE_SIGNER, bold=True, align="center"),
    Style("PhuLucSo", "ND30 Phụ lục", nd30.SIZE_TITLE, bold=True, align="center", keep_next=True),
    Style("PhuLucTieuDe", "ND30 Tên phụ lục", nd30.SIZE_TITLE, bold=True, align="center", keep_next=True),
    # The title of a second table in an appendix: a line's space above it, none wasted below.
    Style(
        "TenBang",
        "ND30 Tên bảng trong phụ lục",
        nd30.SIZE_TITLE,
        bold=True,
        align="center",
        before=200,
        after=60,
        keep_next=True,
    ),
    Style(
        "PhuLucKemTheo",
        "ND30 Kèm theo văn bản",
        nd30.SIZE_TITLE,
        italic=True,
        align="center",
        keep_next=True,
    ),
    Style(
        "BangTieuDe",
        "ND30 Bảng - tiêu đề cột",
        nd30.SIZE_TABLE,
        bold=True,
        align="center",
        before=40,
        after=40,
    ),
    # keep_next: a group row moves to the next page with its first task row (Word and LibreOffice
    # keep a table row with the next when its paragraphs are "keep with next").
    Style(
        "BangNhom", "ND30 Bảng - dòng nhóm", nd30.SIZE_TABLE, bold=True, before=40, after=40, keep_next=True
    ),
    Style(
        "DonViTinh",
        "ND30 Bảng - đơn vị tính",
        nd30.SIZE_TABLE,
        italic=True,
        align="right",
        after=60,
        keep_next=True,
    ),
    # A reporting form's top block (Biểu 06, docs/tthc-form-06.md §1).
    Style("BieuSo", "ND30 Biểu - số hiệu", nd30.SIZE_TABLE, bold=True, align="center", keep_next=True),
    Style(
        "BieuBanHanh",
        "ND30 Biểu - văn bản ban hành",
        nd30.SIZE_TABLE,
        italic=True,
        align="center",
        keep_next=True,
    ),
    Style("BieuTieuDe", "ND30 Biểu - tên biểu", nd30.SIZE_TABLE, bold=True, align="center", keep_next=True),
    Style("BieuKy", "ND30 Biểu - kỳ báo cáo", nd30.SIZE_TABLE, italic=True, align="center", keep_next=True),
    Style("BieuDonVi", "ND30 Biểu - đơn vị báo cáo, nhận báo cáo", nd30.SIZE_TABLE, keep_next=True),
    Style("BangChu", "ND30 Bảng - chữ", nd30.SIZE_TABLE, before=40, after=40),
    Style("BangSo", "ND30 Bảng - số", nd30.SIZE_TABLE, align="center", before=40, after=40),
    # A small table kept whole on one page with its title (the optional figures after Biểu 06):
    # every paragraph keeps with the next, so no row is left alone at the top of a page.
    Style(
        "BangTieuDeGiu",
        "ND30 Bảng nhỏ - tiêu đề cột",
        nd30.SIZE_TABLE,
        bold=True,
        align="center",
        before=40,
        after=40,
        keep_next=True,
    ),
    Style("BangChuGiu", "ND30 Bảng nhỏ - chữ", nd30.SIZE_TABLE, before=40, after=40, keep_next=True),
    Style(
        "BangSoGiu",
        "ND30 Bảng nhỏ - số",
        nd30.SIZE_TABLE,
        align="center",
        before=40,
        after=40,
        keep_next=True,
    ),
    Style("SoTrang", "ND30 Số trang", nd30.SIZE_PAGE_NUMBER, align="center"),
)

_DEFAULTS = (
    "<w:docDefaults><w:rPrDefault><w:rPr>"
    f'<w:rFonts w:ascii="{nd30.FONT}" w:hAnsi="{nd30.FONT}" w:eastAsia="{nd30.FONT}" w:cs="{nd30.FONT}"/>'
    f'<w:sz w:val="{nd30.SIZE_BODY * 2}"/><w:szCs w:val="{nd30.SIZE_BODY * 2}"/>'
    '<w:lang w:val="vi-VN" w:eastAsia="en-US" w:bidi="ar-SA"/>'
    "</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr>"
    '<w:spacing w:after="0" w:line="240" w:lineRule="auto"/>'
    "</w:pPr></w:pPrDefault></w:docDefaults>"
)
_BASE = (
    '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/>'
    "<w:qFormat/></w:style>"
    '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont">'
    '<w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/></w:style>'
    '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/>'
    '<w:semiHidden/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar>'
    f'<w:top w:w="0" w:type="dxa"/><w:left w:w="{nd30.CELL_MARGIN}" w:type="dxa"/>'
    f'<w:bottom w:w="0" w:type="dxa"/><w:right w:w="{nd30.CELL_MARGIN}" w:type="dxa"/>'
    "</w:tblCellMar></w:tblPr></w:style>"
)


def styles_xml() -> str:
    body = _DEFAULTS + _BASE + "".join(style.xml() for style in STYLES)
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        f"{body}</w:styles>"
    )
