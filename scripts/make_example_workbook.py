"""Write inputs/loc_thuy_yaml/nhiem_vu.xlsx from the appendix of the published Lộc Thủy 2022 plan.

The seed text is a text export of the plan: tabs between cells, "-----" or a plain space
where a cell had several lines, repeated header rows at page breaks, and one sub-row whose
cells slid one column to the right. The fixes below turn it back into the table staff
would have typed; they are listed so a reviewer sees every departure from the seed text.
Run: python scripts/make_example_workbook.py
"""

from __future__ import annotations

from pathlib import Path

from generator.inputs.parts.tasks import TASK_COLUMNS, TASK_SHEET
from generator.workflows.workbooks import fill_rows, new_workbook, save
from generator.workflows.workspace import task_sheet

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "tests" / "fixtures" / "seed_loc_thuy_2022.txt"
TARGET = ROOT / "inputs" / "loc_thuy_yaml" / "nhiem_vu.xlsx"
# Cells whose lines the text export joined with a space (no "-----" marker).
LINE_BREAKS = {
    "Kế hoạch Quyết định, báo cáo": "Kế hoạch\nQuyết định, báo cáo",
    "Quý I/2022 Năm 2022": "Quý I/2022\nNăm 2022",
    "- Triển khai nền tảng tích hợp, chia sẻ; - Số hóa dữ liệu chuyên ngành.":
        "- Triển khai nền tảng tích hợp, chia sẻ;\n- Số hóa dữ liệu chuyên ngành.",
    "- Triển khai các nền tảng số; - Triển khai công cụ giám sát tích hợp.":
        "- Triển khai các nền tảng số;\n- Triển khai công cụ giám sát tích hợp.",
    "- Sáng kiến, giải pháp - Tăng tỷ lệ hồ sơ giải quyết TTHC đúng hạn - Kết quả thực hiện các chỉ tiêu về TTHC":
        "- Sáng kiến, giải pháp\n- Tăng tỷ lệ hồ sơ giải quyết TTHC đúng hạn\n- Kết quả thực hiện các chỉ tiêu về TTHC",
}  # fmt: skip
KEYS = ("nhiem_vu", "san_pham", "chu_tri", "phoi_hop", "thoi_gian", "kinh_phi")
ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII")


def seed_rows() -> list[dict[str, str]]:
    lines = SEED.read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("STT\t"))
    rows: list[dict[str, str]] = []
    group = ""
    for line in lines[start:]:
        cells = line.split("\t")
        if len(cells) < 7 or cells[0] == "STT":
            continue
        if cells[0] in ROMAN:
            group = cells[0]
            continue
        values = {key: _cell(text) for key, text in zip(KEYS, cells[1:7], strict=True)}
        row = {"nhom": group, **values}
        if cells[0] == "":
            # The sub-row of task I.1: "Cơ quan soạn thảo văn bản QPPL" is its lead agency,
            # shifted into the deadline column by the export; the deadline is the parent's.
            row.update(dong_con="x", chu_tri=values["thoi_gian"], thoi_gian="")
        rows.append(row)
    return rows


def _cell(text: str) -> str:
    text = text.strip()
    text = LINE_BREAKS.get(text, text)
    return "\n".join(part.strip() for part in text.split("-----"))


def main() -> None:
    book = new_workbook(
        [task_sheet()],
        [
            "DỮ LIỆU VÍ DỤ — phụ lục Kế hoạch CCHC năm 2022 của xã Lộc Thủy (bản công bố).",
            "Mỗi dòng là một nhiệm vụ; cchc tự đánh số thứ tự trong từng nhóm I–VII.",
        ],
    )
    fill_rows(book[TASK_SHEET], TASK_COLUMNS, seed_rows())
    save(book, TARGET)
    print(TARGET)


if __name__ == "__main__":
    main()
