"""Places in a Word document as a reader finds them: "đoạn 12", "bảng 1, hàng 2", "khung chữ 1".

"đoạn N" is the N-th paragraph of the body (empty ones counted), "bảng N, hàng M" a row of the
N-th top-level table, "khung chữ N" a text box, "phần N" a Word section; the first words of
the text follow. Shared by the format checker and the Word readers, with ``Block``: a
paragraph's text and place as plain data (no python-docx), which the readers cache.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, replace
from typing import Any

SNIPPET_WORDS = 6


def snippet(text: str, words: int = SNIPPET_WORDS) -> str:
    """The first ``words`` words of ``text`` on one line, with "…" when there are more."""
    parts = unicodedata.normalize("NFC", text).split()
    return " ".join(parts[:words]) + ("…" if len(parts) > words else "")


@dataclass(frozen=True)
class Place:
    """Where something is in a document; every field is 1-based and optional."""

    section: int | None = None
    paragraph: int | None = None
    table: int | None = None
    row: int | None = None
    text_box: int | None = None
    page_part: str | None = None  # "đầu trang", "chân trang trang đầu"… of ``section``
    text: str = ""  # the first words of the paragraph

    def with_text(self, text: str) -> Place:
        return replace(self, text=snippet(text))

    def __str__(self) -> str:
        if self.paragraph is not None:
            where = f"đoạn {self.paragraph}"
        elif self.table is not None:
            where = f"bảng {self.table}, hàng {self.row}"
        elif self.text_box is not None:
            where = f"khung chữ {self.text_box}"
        elif self.page_part is not None:
            where = f"{self.page_part} phần {self.section}"
        else:
            where = f"phần {self.section}" if self.section is not None else ""
        return f'{where} ("{self.text}")' if self.text else where

    def to_dict(self) -> dict[str, Any]:
        keys = {"section": "phan", "paragraph": "doan", "table": "bang", "row": "hang"}
        keys |= {"text_box": "khung_chu", "page_part": "dau_chan_trang", "text": "chu"}
        return {name: getattr(self, attr) for attr, name in keys.items() if getattr(self, attr)}


@dataclass(frozen=True)
class Block:
    """One paragraph of the body, or one row of a table (its cells joined by " | ")."""

    text: str  # as a reader sees it, tabs as spaces, without Word's automatic number
    index: int  # position of its (first) item in ``DocumentView.items``
    label: str = ""  # the number Word draws: "II.", "1.", "a)", "-" for a bullet
    heading_level: int | None = None  # 1, 2, 3… from a "Heading N" style or an outline level
    paragraph: int | None = None  # "đoạn N" (body paragraphs, empty ones counted)
    table: int | None = None  # "bảng N, hàng M"
    row: int | None = None
    bold: bool = False  # every run with text is bold

    @property
    def full_text(self) -> str:
        """The text with Word's automatic number in front, as it reads on the page."""
        return f"{self.label} {self.text}" if self.label else self.text
