"""docxtpl's template-patching rules (``DocxTemplate.patch_xml``) without importing docxtpl.

Importing docxtpl imports python-docx and its XML classes: about 170 ms of a cold `cchc plan`,
which needs from it one pure function of ``re``. So that function is compiled from docxtpl's
own source file (the installed version, pinned in pyproject.toml) in a namespace holding only
``re``. If the source ever takes another shape (a name the function needs that is not ``re``
or a builtin), docxtpl is imported and its method called, as before.
"""

from __future__ import annotations

import ast
import builtins
import functools
import re
from collections.abc import Callable
from importlib.util import find_spec
from pathlib import Path


@functools.cache
def patch_xml() -> Callable[[str], str]:
    """docxtpl's ``patch_xml`` as a function of the part's XML text."""
    function = _from_source()
    if function is not None:
        return lambda xml: str(function(None, xml))
    from docxtpl import DocxTemplate

    return lambda xml: str(DocxTemplate.patch_xml(DocxTemplate.__new__(DocxTemplate), xml))


def _from_source() -> Callable[[object, str], object] | None:
    spec = find_spec("docxtpl")
    if spec is None or spec.origin is None:
        return None
    path = Path(spec.origin).parent / "template.py"
    try:
        tree = ast.parse(path.read_text(encoding="utf-8"))
    except (OSError, SyntaxError, UnicodeDecodeError):
        return None
    classes = (n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == "DocxTemplate")
    methods = (m for c in classes for m in c.body if isinstance(m, ast.FunctionDef) and m.name == "patch_xml")
    method = next(methods, None)
    if method is None or _free_names(method) - {"re"} - set(dir(builtins)):
        return None
    namespace: dict[str, object] = {"re": re}
    exec(compile(ast.Module(body=[method], type_ignores=[]), str(path), "exec"), namespace)
    function = namespace["patch_xml"]
    return function if callable(function) else None


def _free_names(function: ast.FunctionDef) -> set[str]:
    """Names the function reads but never binds (its own arguments and locals excluded)."""
    bound = {a.arg for a in ast.walk(function) if isinstance(a, ast.arg)}
    bound |= {n.id for n in ast.walk(function) if isinstance(n, ast.Name) and not isinstance(n.ctx, ast.Load)}
    bound |= {n.name for n in ast.walk(function) if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef)}
    used = {n.id for n in ast.walk(function) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load)}
    return used - bound
