"""The checker reads documents through the shared view (``generator.ooxml.view``)."""

from __future__ import annotations

from generator.ooxml.view import DocumentView, Item, Piece, read_view

__all__ = ["DocumentView", "Item", "Piece", "read_view"]
