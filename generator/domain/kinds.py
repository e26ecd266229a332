"""The kinds of document cchc makes, by the words staff use for them (file names, forms, lists)."""

from __future__ import annotations

from enum import StrEnum


class DocumentKind(StrEnum):
    """What a request asks for; the value is the word used in file names and forms."""

    PLAN = "ke_hoach"  # Kế hoạch CCHC of a year
    REPORT = "bao_cao"  # periodic Báo cáo CCHC
    DRAFT = "du_thao"  # next year's draft plan, drafted from this year's (cchc rollover)

    @property
    def label(self) -> str:
        """How a sentence names it: "kế hoạch", "báo cáo", "dự thảo kế hoạch năm sau"."""
        return _LABELS[self]


_LABELS = {
    DocumentKind.PLAN: "kế hoạch",
    DocumentKind.REPORT: "báo cáo",
    DocumentKind.DRAFT: "dự thảo kế hoạch năm sau",
}
