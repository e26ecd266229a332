"""Columns a template table takes from its data: a plan's own task columns ("Ghi chú"), #24."""

from __future__ import annotations

from dataclasses import dataclass

from generator.ooxml.writing import cell, paragraph


@dataclass(frozen=True)
class Extras:
    """Columns a table takes from its data (a plan's own "Ghi chú"), after its fixed ones: a
    ``{%tc for %}`` cell loop in the header and in each item row; the group rows span them too."""

    headers: str  # Jinja list of the headers, e.g. "phu_luc.cot_them"
    values: str  # Jinja list of one item's texts, e.g. "t.them"
    width: int = 1400

    def cells(self, loop: str, value: str, style: str, *, header: bool = False) -> list[str]:
        """The loop's opening cell, the repeated one, the closing cell (docxtpl removes both tags)."""
        middle = cell(paragraph(f"{{{{ {value} }}}}", style), self.width, valign="center" if header else None)
        return [
            cell(paragraph(f"{{%tc for {loop} %}}"), self.width),
            middle,
            cell(paragraph("{%tc endfor %}"), self.width),
        ]
