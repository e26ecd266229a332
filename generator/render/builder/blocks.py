"""The ND 30 blocks shared by every cchc template: header, title, body loop, signature, appendix.

Each block is docxtpl template XML with Jinja tags; the tags name the context that
``context.common_context`` builds, so the plan and the report share both.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.domain import nd30
from generator.ooxml.writing import (
    cell,
    line_paragraph,
    page_number_field,
    paragraph,
    row,
    run,
    section,
    table,
    tag_paragraph,
)
from generator.render.builder.extras import Extras

MOTTO_LINE = line_paragraph(nd30.text_width(nd30.MOTTO, nd30.SIZE_MOTTO, bold=True), nd30.RIGHT_ROOM)
HEADERS = {"default": "rIdHeaderPage", "first": "rIdHeaderFirst"}


def header_block() -> str:
    """Ô 1–4: agency and Quốc hiệu side by side, then Số and the date line level with each other."""
    agency = (
        tag_paragraph("{%p if co_quan.chu_quan %}")
        + paragraph("{{ co_quan.chu_quan }}", "CoQuanChuQuan")
        + tag_paragraph("{%p endif %}")
        + paragraph("{{ co_quan.ten }}", "CoQuan")
        + paragraph("{{p duong_ke.co_quan }}")
    )
    motto = paragraph(nd30.NATIONAL_TITLE, "QuocHieu") + paragraph(nd30.MOTTO, "TieuNgu") + MOTTO_LINE
    number = paragraph("Số: {{ so|so_van_ban }}/{{ ky_hieu }}", "SoKyHieu")
    date = paragraph("{{ dia_danh }}, {{ ngay_ban_hanh|ngay(nam_ban_hanh) }}", "DiaDanhNgay")
    widths = [nd30.HEADER_LEFT, nd30.HEADER_RIGHT]
    rows = [
        row([cell(agency, widths[0]), cell(motto, widths[1])], cant_split=True),
        row([cell(number, widths[0]), cell(date, widths[1])], cant_split=True),
    ]
    return table(widths, rows, borders=False)


def title_block(document_type: str) -> str:
    """Ô 5a: tên loại and trích yếu, bold and centred, with the short line under them."""
    return (
        paragraph(document_type, "TenLoai")
        + paragraph("{{ trich_yeu }}", "TrichYeu")
        + paragraph("{{p duong_ke.trich_yeu }}")
    )


def recipient_block() -> str:
    """Ô 9a for reports sent upwards: "Kính gửi: …" (one or several recipients)."""
    several = paragraph(
        style="KinhGuiNhieu", runs=[run("{{ d.dau }}"), "<w:r><w:tab/></w:r>", run("{{ d.ten }}")]
    )
    return (
        tag_paragraph("{%p if kinh_gui_nhieu|length > 1 %}")
        + tag_paragraph("{%p for d in kinh_gui_nhieu %}")
        + several
        + tag_paragraph("{%p endfor %}")
        + tag_paragraph("{%p elif kinh_gui %}")
        + paragraph("Kính gửi: {{ kinh_gui }}", "KinhGui")
        + tag_paragraph("{%p endif %}")
    )


def body_block(items: str = "than", *, closing: bool = True) -> str:
    """Ô 6: headings numbered from the structure (I., 1., a)) and paragraphs, in order.

    With ``closing``, the body's last paragraph keeps with the block that follows, as a careful
    typist does: "Trên đây là …" with the signature, the words before a table with the table.
    """
    # Paragraphs come first: most blocks are paragraphs, so most take one test, not four.
    last = (
        tag_paragraph('{%p if b.kieu == "doan" and loop.last %}')
        + paragraph("{{ b.noi_dung }}", "NoiDungCuoi")
        + tag_paragraph('{%p elif b.kieu == "doan" %}')
        if closing
        else tag_paragraph('{%p if b.kieu == "doan" %}')
    )
    return (
        tag_paragraph(f"{{%p for b in {items} %}}")
        + last
        + paragraph("{{ b.noi_dung }}", "NoiDung")
        + tag_paragraph('{%p elif b.kieu == "muc" %}')
        + paragraph("{{ b.so|la_ma }}. {{ b.tieu_de }}", "Muc")
        + tag_paragraph('{%p elif b.kieu == "khoan" %}')
        + paragraph("{{ b.so }}. {{ b.tieu_de }}", "Khoan")
        + tag_paragraph("{%p else %}")
        + paragraph("{{ b.so|chu_cai }}) {{ b.tieu_de }}", "Diem")
        + tag_paragraph("{%p endif %}")
        + tag_paragraph("{%p endfor %}")
    )


def signature_block() -> str:
    """Ô 7 and 9b: Nơi nhận on the left, quyền hạn, chức vụ and name on the right."""
    recipients = (
        paragraph("Nơi nhận:", "NoiNhanTieuDe")
        + tag_paragraph("{%p for n in noi_nhan %}")
        + paragraph("- {{ n }};", "NoiNhan")
        + tag_paragraph("{%p endfor %}")
        + paragraph("- Lưu: {{ luu }}.", "NoiNhan")
    )
    signer = (
        tag_paragraph("{%p for d in nguoi_ky.chuc_danh %}")
        + paragraph("{{ d }}", "ChucVuKy")
        + tag_paragraph("{%p endfor %}")
        + "".join(paragraph("", "KhoangKy") for _ in range(4))
        + paragraph("{{ nguoi_ky.ho_ten }}", "HoTenKy")
    )
    left = round(nd30.TEXT_WIDTH * 0.45)
    widths = [left, nd30.TEXT_WIDTH - left]
    keep = paragraph(extra_ppr="<w:keepNext/>")  # the space between closing words and signature
    return keep + table(widths, [row([cell(recipients, widths[0]), cell(signer, widths[1])])], borders=False)


def section_end(*, landscape: bool, restart: bool) -> str:
    """The properties of the section that ends here (A4, ND 30 margins, page numbers from page 2)."""
    return section(
        landscape=landscape,
        margins=(nd30.MARGIN_TOP, nd30.MARGIN_RIGHT, nd30.MARGIN_BOTTOM, nd30.MARGIN_LEFT),
        header_distance=nd30.HEADER_DISTANCE,
        headers=HEADERS,
        restart_numbering=restart,
    )


# A paragraph Word requires after a table (and the one holding a section break) takes no room:
# otherwise, when a table ends at the foot of a page, it alone makes a blank page. One point high
# was not enough (a table ending within that point of the foot still spilled it, #23): its mark is
# also hidden, which Word and LibreOffice lay out as nothing while keeping the section break
# (docs/nd30-format.md §11, practice).
_NO_ROOM = (
    '<w:spacing w:before="0" w:after="0" w:line="20" w:lineRule="exact"/>'
    '<w:rPr><w:vanish/><w:sz w:val="2"/></w:rPr>'
)


def table_end() -> str:
    """The empty paragraph that must follow a table at the end of a section, one line of 1 pt."""
    return f"<w:p><w:pPr>{_NO_ROOM}</w:pPr></w:p>"


def section_break(*, landscape: bool, restart: bool) -> str:
    """A paragraph closing a section that is not the last one (taking no room)."""
    return f"<w:p><w:pPr>{_NO_ROOM}{section_end(landscape=landscape, restart=restart)}</w:pPr></w:p>"


def appendix_heading(number: str, reference: str, *, titled: bool = True) -> str:
    """Phụ lục heading (ND 30 Phụ lục I, III.1): "Phụ lục …" in lower case, bold, centred on
    its own line; the title in capitals; "(Kèm theo …)"; a short line under it.

    Without ``titled`` the title is left out: a reporting form (Biểu 06) prints its own in its
    top block (``form_top``).
    """
    title = paragraph(f"{{{{ {reference}.tieu_de }}}}", "PhuLucTieuDe") if titled else ""
    return (
        paragraph(f"Phụ lục{(' ' + number) if number else ''}", "PhuLucSo")
        + title
        + tag_paragraph(f"{{%p if {reference}.kem_theo %}}")
        + paragraph(f"{{{{ {reference}.kem_theo }}}}", "PhuLucKemTheo")
        + tag_paragraph("{%p endif %}")
        + paragraph("{{p duong_ke.phu_luc }}")
    )


def table_header(titles: list[str], widths: list[int], style: str = "BangTieuDe") -> str:
    """The header row of an appendix table: bold, centred, repeated on every page."""
    return row(
        [cell(paragraph(t, style), w, valign="center") for t, w in zip(titles, widths, strict=True)],
        header=True,
    )


def loop_row(tag: str, width: int, span: int) -> str:
    """A row that holds only a ``{%tr … %}`` tag (docxtpl removes it when rendering)."""
    return row([cell(paragraph(tag), width, span=span)], cant_split=False)


def page_number_header() -> str:
    return _header(page_number_field("SoTrang"))


def empty_header() -> str:
    return _header(paragraph())


def _header(content: str) -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<w:hdr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        f"{content}</w:hdr>"
    )


@dataclass(frozen=True)
class Column:
    """A column of an appendix table: header, width (twips), cell expression and style."""

    title: str
    width: int
    value: str  # Jinja expression for one item, e.g. "t.nhiem_vu" or "r.tiep_nhan|so"
    style: str = "BangChu"


def fit(columns: list[Column], total: int) -> list[Column]:
    """The last column takes what the others leave of ``total``."""
    *first, last = columns
    rest = total - sum(c.width for c in first)
    return [*first, Column(last.title, rest, last.value, last.style)]


def data_table(
    columns: list[Column], body: list[str], extras: Extras | None = None, *, header_style: str = "BangTieuDe"
) -> str:
    """A bordered table: the repeated header row, then ``body`` rows."""
    widths = [c.width for c in columns]
    header = table_header([c.title for c in columns], widths, header_style)
    if extras is not None:  # header cells, then the extra ones
        more = extras.cells(f"c in {extras.headers}", "c|upper", "BangTieuDe", header=True)
        header = header.replace("</w:tr>", "".join(more) + "</w:tr>")
    return table(widths, [header, *body], borders=True)


def value_row(columns: list[Column], *, bold: bool = False, extras: Extras | None = None) -> str:
    """One row of cells, each holding its column's expression."""
    cells = []
    for column in columns:
        style = "BangNhom" if bold and column.style == "BangChu" else column.style
        cells.append(cell(paragraph(f"{{{{ {column.value} }}}}", style), column.width))
    if extras is not None:
        cells += extras.cells(f"v in {extras.values}", "v", "BangChu")
    return row(cells)


def loop_rows(columns: list[Column], loop: str, extras: Extras | None = None) -> list[str]:
    """``{%tr for … %}`` + one row per item + ``{%tr endfor %}``."""
    total = sum(c.width for c in columns)
    return [
        loop_row(f"{{%tr {loop} %}}", total, len(columns)),
        value_row(columns, extras=extras),
        loop_row("{%tr endfor %}", total, len(columns)),
    ]


def grouped_rows(columns: list[Column], groups: str, items: str, extras: Extras | None = None) -> list[str]:
    """Group rows (numeral + title across the table) each followed by its items' rows."""
    total = sum(c.width for c in columns)
    span = f"{{% colspan {len(columns) - 1} + {extras.headers}|length %}}" if extras is not None else ""
    group_row = row([
        cell(paragraph("{{ g.so }}", "BangNhom"), columns[0].width),
        cell(paragraph(span + "{{ g.ten }}", "BangNhom"), total - columns[0].width, span=len(columns) - 1),
    ])  # fmt: skip
    return [
        loop_row(f"{{%tr for g in {groups} %}}", total, len(columns)),
        group_row,
        *loop_rows(columns, f"for t in g.{items}", extras),
        loop_row("{%tr endfor %}", total, len(columns)),
    ]


def totals_table(columns: list[Column], loop: str, totals: str) -> str:
    """A data table whose rows come from ``loop``, closed by a bold row read from ``totals``."""
    total_columns = [
        Column(c.title, c.width, c.value.replace("t.", f"{totals}.", 1), c.style) for c in columns
    ]
    return data_table(columns, [*loop_rows(columns, loop), value_row(total_columns, bold=True)])


@dataclass(frozen=True)
class Head:
    """A cell of a header on several rows: its title, the grid columns it spans, and
    ``merge`` "restart" (merged with the cells below) or "continue" (covered by the one above)."""

    title: str
    span: int = 1
    merge: str = ""


def merged_header(rows: list[list[Head]], widths: list[int]) -> list[str]:
    """Header rows with merged cells (a form's two-level header), each repeated on every page."""
    built = []
    for heads in rows:
        cells, column = [], 0
        for head in heads:
            width = sum(widths[column : column + head.span])
            content = paragraph(head.title, "BangTieuDe") if head.title else paragraph(style="BangTieuDe")
            cells.append(cell(content, width, span=head.span, valign="center", vmerge=head.merge or None))
            column += head.span
        built.append(row(cells, header=True))
    return built


def form_table(columns: list[Column], header: list[list[Head]], loop: str, totals: str) -> str:
    """A bordered table under a merged ``header``: rows from ``loop``, then a bold totals row."""
    widths = [c.width for c in columns]
    total_columns = [
        Column(c.title, c.width, c.value.replace("t.", f"{totals}.", 1), c.style) for c in columns
    ]
    body = [*loop_rows(columns, loop), value_row(total_columns, bold=True)]
    return table(widths, [*merged_header(header, widths), *body], borders=True)
