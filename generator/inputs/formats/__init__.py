"""Reading file formats: workbooks (.xlsx/.xls/.ods, bounded before parsing), Word files, YAML;
cells and form sheets read with their places.

The room's front door: what other rooms use of it (``generator.inputs.front_door``);
tests/test_architecture.py keeps other rooms to these names.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from generator.inputs import front_door

if TYPE_CHECKING:
    from generator.inputs.formats.docx_file import SAVE_AS_DOCX as SAVE_AS_DOCX
    from generator.inputs.formats.docx_file import is_complete_document as is_complete_document
    from generator.inputs.formats.docx_file import load_words as load_words
    from generator.inputs.formats.docx_file import refusal as refusal
    from generator.inputs.formats.fields import MISSING as MISSING
    from generator.inputs.formats.fields import Fields as Fields
    from generator.inputs.formats.labelled import Item as Item
    from generator.inputs.formats.labelled import opened as opened
    from generator.inputs.formats.labelled import read_form as read_form
    from generator.inputs.formats.words import GUIDANCE as GUIDANCE
    from generator.inputs.formats.words import WordParagraph as WordParagraph
    from generator.inputs.formats.words import read_words as read_words
    from generator.inputs.formats.yaml_file import load_yaml as load_yaml
    from generator.inputs.formats.yaml_file import without_controls as without_controls
    from generator.inputs.formats.yaml_memo import top_level_keys as top_level_keys

_WHERE = {
    "Fields": "fields",
    "GUIDANCE": "words",
    "Item": "labelled",
    "MISSING": "fields",
    "SAVE_AS_DOCX": "docx_file",
    "WordParagraph": "words",
    "is_complete_document": "docx_file",
    "load_words": "docx_file",
    "load_yaml": "yaml_file",
    "opened": "labelled",
    "read_form": "labelled",
    "read_words": "words",
    "refusal": "docx_file",
    "top_level_keys": "yaml_memo",
    "without_controls": "yaml_file",
}
__all__ = sorted(_WHERE)

__getattr__ = front_door(__name__, _WHERE)
