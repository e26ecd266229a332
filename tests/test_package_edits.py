"""Relationship attributes cchc writes into a package stay well-formed whatever the target holds."""

from __future__ import annotations

from lxml import etree

from generator.render.package_edits import _attribute


def test_an_attribute_with_every_special_character_reads_back_unchanged() -> None:
    target = 'https://vi.example/tim?a=1&b=<2>&c="ba"\n\tx\r'
    element = etree.fromstring(f"<Relationship Target={_attribute(target)}/>".encode())
    assert element.get("Target") == target
