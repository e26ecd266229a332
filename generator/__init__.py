"""cchc: official CCHC plans and reports (Nghị định 30/2020/NĐ-CP) from YAML and Excel data.

For Python callers: ``render_template(template, context)`` renders any docxtpl template
through cchc's fast path and returns the .docx bytes; ``save_template(template, context,
target)`` writes them atomically; ``Properties`` sets document properties and
``RenderError`` is what both raise (see README, "Dùng từ Python"). They are imported on
first use, so ``import generator`` (and the ``cchc`` command's start) stays cheap.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["Properties", "RenderError", "__version__", "render_template", "save_template"]

if TYPE_CHECKING:
    from generator.errors import RenderError
    from generator.render.core_properties import Properties
    from generator.render.templates import render_template, save_template

_LAZY = {
    "render_template": "generator.render.templates",
    "save_template": "generator.render.templates",
    "Properties": "generator.render.core_properties",
    "RenderError": "generator.errors",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        from importlib import import_module

        return getattr(import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'generator' has no attribute {name!r}")
