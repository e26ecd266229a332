"""Write the docs' tables of codes from the code that defines them, so they cannot drift:
the indicator codes (``domain.indicators.METRICS``), the counts of the "Kết quả CCHC" sheet
(``domain.activities.ACTIVITIES``) and the outline's markers (``domain.outline.SLOTS``).

Each table sits between two HTML comments in docs/bao-cao.md (``<!-- bang-chi-so:bat-dau -->`` …);
tests/test_readme_tables.py fails when one differs from what this script writes.
Run: python scripts/make_readme_tables.py
"""

from __future__ import annotations

import re
from pathlib import Path

from generator.domain.activities import ACTIVITIES
from generator.domain.indicators import METRICS, YEAR
from generator.domain.outline import SLOT_KINDS, SLOTS

PAGE = Path(__file__).resolve().parent.parent / "docs" / "bao-cao.md"
SOURCES = {"tthc": 'trang "TTHC"', "nhiem_vu": 'trang "Tiến độ"', "so_lieu": 'trang "Số liệu"'}


def indicator_table() -> list[str]:
    rows = [
        f"| `{code}` | {m.label} | {m.numerator} | {m.denominator} | {SOURCES[m.source]} | "
        f"{'Năm' if m.evaluation == YEAR else 'Mỗi kỳ'} |"
        for code, m in METRICS.items()
    ]
    return [
        "| Mã | Ý nghĩa | Tử số | Mẫu số | Số liệu lấy từ | Đánh giá |",
        "| --- | --- | --- | --- | --- | --- |",
        *rows,
    ]


def activity_table() -> list[str]:
    rows = [
        f"| `{code}` | {a.label} | {a.phrase.format('N')} | `{SLOT_KINDS[a.slot].marker}` |"
        for code, a in ACTIVITIES.items()
    ]
    return ["| Mã | Nội dung | Câu trong báo cáo | Dấu |", "| --- | --- | --- | --- |", *rows]


def marker_table() -> list[str]:
    rows = [f"| `{kind.marker}` | {kind.what} |" for kind in SLOTS]
    return ["| Dấu | cchc điền vào chỗ đó |", "| --- | --- |", *rows]


TABLES = {"bang-chi-so": indicator_table, "bang-ket-qua": activity_table, "bang-dau": marker_table}


def block(text: str, name: str) -> str:
    """The lines between the two comments named ``name`` in ``text``."""
    match = re.search(rf"<!-- {name}:bat-dau -->\n(.*?)<!-- {name}:ket-thuc -->", text, re.DOTALL)
    if match is None:
        raise ValueError(f"{PAGE.name} has no block {name}")
    return match.group(1)


def filled(text: str) -> str:
    """``text`` with every table block rewritten from the code."""
    for name, table in TABLES.items():
        text = text.replace(block(text, name), "\n".join(table()) + "\n")
    return text


def main() -> None:
    PAGE.write_text(filled(PAGE.read_text(encoding="utf-8")), encoding="utf-8")
    print(PAGE)


if __name__ == "__main__":
    main()
