"""What docxtpl does to a part after Jinja: special characters in text become Word markup, and
picture ids in the body are numbered afresh.

Characters (docxtpl's ``resolve_listing``), inside the text of each run: a tab becomes a
tab run, ``\\n`` a line break, ``\\a`` a new paragraph with the same paragraph and run
properties, ``\\f`` a page break between two such paragraphs. They come from markup values
(RichText, Listing, ``|e``, ``|safe``) and from the template's own text; plain data has its
line breaks and tabs turned into Word markup earlier (``environment._finalize``), so most
parts have none of them and skip this.

Pictures: ``wp:docPr`` ids must be unique in a document, and a picture inside a loop is
repeated with its id. docxtpl renumbers every one in the body from 1001.
"""

from __future__ import annotations

import re

_SPECIAL = (b"\t", b"\n", b"\a", b"\f")
_PARAGRAPH = re.compile(r"<w:p(?: [^>]*)?>.*?</w:p>", re.DOTALL)
_RUN = re.compile(r"<w:r(?: [^>]*)?>.*?</w:r>", re.DOTALL)
_TEXT = re.compile(r"<w:t(?: [^>]*)?>.*?</w:t>", re.DOTALL)
_PARAGRAPH_PROPERTIES = re.compile(r"<w:pPr>.*?</w:pPr>", re.DOTALL)
_RUN_PROPERTIES = re.compile(r"<w:rPr>.*?</w:rPr>", re.DOTALL)
_DOCPR_ID = re.compile(r'(<wp:docPr\b[^>]*?\sid=")\d*(")')
FIRST_DOCPR_ID = 1001


def has_special(data: bytes) -> bool:
    """Whether the UTF-8 part holds any of the characters: ASCII bytes, never part of another
    character's encoding, so the part need not be decoded to tell."""
    return any(character in data for character in _SPECIAL)


def resolve(xml: str) -> str:
    """``xml`` with tabs, line breaks, ``\\a`` and ``\\f`` in run text turned into Word markup."""
    return _PARAGRAPH.sub(_paragraph, xml)


def _paragraph(match: re.Match[str]) -> str:
    found = _PARAGRAPH_PROPERTIES.search(match.group(0))
    paragraph_properties = found.group(0) if found else ""
    return _RUN.sub(lambda run: _run(run, paragraph_properties), match.group(0))


def _run(match: re.Match[str], paragraph_properties: str) -> str:
    found = _RUN_PROPERTIES.search(match.group(0))
    run_properties = found.group(0) if found else ""
    return _TEXT.sub(lambda text: _text(text.group(0), paragraph_properties, run_properties), match.group(0))


def _text(xml: str, paragraph_properties: str, run_properties: str) -> str:
    text_start = f'<w:r>{run_properties}<w:t xml:space="preserve">'
    new_paragraph = f"</w:t></w:r></w:p><w:p>{paragraph_properties}{text_start}"
    xml = xml.replace("\t", f"</w:t></w:r><w:r>{run_properties}<w:tab/></w:r>{text_start}")
    xml = xml.replace("\a", new_paragraph)
    xml = xml.replace("\n", '</w:t><w:br/><w:t xml:space="preserve">')
    page_break = '</w:t></w:r></w:p><w:p><w:r><w:br w:type="page"/></w:r></w:p>'
    return xml.replace("\f", f"{page_break}<w:p>{paragraph_properties}{text_start}")


def renumber_pictures(xml: str) -> str:
    """Every picture's ``wp:docPr`` id numbered in order from ``FIRST_DOCPR_ID``."""
    counter = iter(range(FIRST_DOCPR_ID, 1 << 31))
    return _DOCPR_ID.sub(lambda m: f"{m.group(1)}{next(counter)}{m.group(2)}", xml)
