"""Places are data (file, sheet, row, column, key path, line); text only when printed."""

from __future__ import annotations

import pytest

from generator.errors import InputError, Location, Problem


@pytest.mark.parametrize(
    ("location", "printed"),
    [
        (Location("a.xlsx", sheet="Tiến độ", row=12, column=28), 'a.xlsx, trang "Tiến độ", ô AB12'),
        (Location("a.xlsx", sheet="Tiến độ"), 'a.xlsx, trang "Tiến độ"'),
        (Location("a.yaml", key_path="don_vi.ten", line=3), "a.yaml:3 (don_vi.ten)"),
        (Location("a.yaml", line=3), "a.yaml:3"),
        (Location("thu_muc"), "thu_muc"),
        (
            Location(
                "ke_hoach.docx", heading=("II. NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH", "5. Cải cách tài chính công")
            ),
            "ke_hoach.docx, mục II › 5. Cải cách tài chính công",
        ),
        (
            Location(
                "k.docx",
                heading=("II. NHIỆM VỤ", "2. Thủ tục", "a) Chỉ tiêu"),
                paragraph=40,
                excerpt="- Tỷ lệ…",
            ),
            'k.docx, mục II › 2 › a) Chỉ tiêu, đoạn 40 ("- Tỷ lệ…")',
        ),
        (
            Location("k.docx", heading=("MỞ ĐẦU KẾ HOẠCH NÀY", "Căn cứ")),
            "k.docx, mục MỞ ĐẦU KẾ HOẠCH › Căn cứ",
        ),
        (Location("k.docx", table=2, row=5), "k.docx, bảng 2, hàng 5"),
        (Location("k.docx", paragraph=7), "k.docx, đoạn 7"),
    ],
    ids=[
        "cell",
        "sheet",
        "key-and-line",
        "line",
        "file",
        "heading",
        "paragraph",
        "unnumbered",
        "table",
        "bare",
    ],
)
def test_location_prints_as_people_find_it(location: Location, printed: str) -> None:
    assert str(location) == printed


def test_problems_sort_by_number_not_by_text() -> None:
    """Row 9 comes before row 10 and column Z before AA, which text order would get wrong."""
    places = [(10, 1), (9, 1), (9, 27), (9, 26)]
    error = InputError(Problem(Location("a.xlsx", sheet="S", row=r, column=c), "x") for r, c in places)
    assert [line.split(", ô ")[1].split(":")[0] for line in error.lines()] == [
        "A9",
        "Z9",
        "AA9",
        "A10",
    ]
