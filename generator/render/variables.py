"""Which data a template reads, from its Jinja syntax tree: the names it needs, and every
path it reads (``co_quan.ten``, ``phu_luc.nhom[].nhiem_vu[].ma``) for ``template check``.

A name is *needed* when the template reads it without a guard. ``{% if x is defined %}``
and ``{{ x|default("…") }}`` are guards: StrictUndefined lets both pass when ``x`` is
missing, so a template that guards a name somewhere decides itself what its absence means
(an unguarded use elsewhere still fails at render, naming it).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from jinja2 import meta, nodes

_GUARD_TESTS = frozenset({"defined", "undefined"})
_GUARD_FILTERS = frozenset({"default", "d"})
ITEM = "[]"  # a path step into the items of a list (a loop's variable)


def needed_names(template: nodes.Template, globals_: set[str]) -> set[str]:
    """Top-level names ``template`` reads without a guard (Jinja's globals aside)."""
    return meta.find_undeclared_variables(template) - guarded_names(template) - globals_


def guarded_names(template: nodes.Template) -> set[str]:
    """Names the template tests with ``is defined`` / ``is undefined`` or gives a ``default``."""
    guarded = {
        test.node.name
        for test in template.find_all(nodes.Test)
        if test.name in _GUARD_TESTS and isinstance(test.node, nodes.Name)
    }
    guarded |= {
        use.node.name
        for use in template.find_all(nodes.Filter)
        if use.name in _GUARD_FILTERS and isinstance(use.node, nodes.Name)
    }
    return guarded


@dataclass(frozen=True)
class Use:
    """One read of data: its path from a top-level name, and the template line it is on."""

    path: tuple[str, ...]
    lineno: int
    guarded: bool = False

    @property
    def dotted(self) -> str:
        return ".".join(self.path).replace(f".{ITEM}", ITEM)


def uses(template: nodes.Template, globals_: set[str]) -> list[Use]:
    """Every path the template reads from its data, loop variables resolved to their lists.

    ``{% for x in a.b %}{{ x.c }}`` reads ``a.b`` and ``a.b[].c``. Paths stop at a call, a
    computed index or a name the template sets itself.
    """
    guarded = guarded_names(template)
    found: list[Use] = []
    _walk(template, {}, globals_, found)
    return [Use(u.path, u.lineno, u.path[0] in guarded) for u in found]


Scope = dict[str, tuple[str, ...] | None]  # a name the template binds → the path it stands for


def _walk(node: nodes.Node, scope: Scope, globals_: set[str], found: list[Use]) -> None:
    if isinstance(node, nodes.For):
        _walk(node.iter, scope, globals_, found)
        inner = dict(scope)
        source = _path(node.iter, scope, globals_)
        for name in _targets(node.target):
            inner[name] = (*source, ITEM) if source and isinstance(node.target, nodes.Name) else None
        inner["loop"] = None
        for child in (*node.body, *node.else_, *([node.test] if node.test else [])):
            _walk(child, inner, globals_, found)
        return
    if isinstance(node, nodes.Macro | nodes.CallBlock):
        inner = dict(scope)
        for argument in node.args:
            inner[argument.name] = None
        inner.update({"caller": None, "varargs": None, "kwargs": None})
        if isinstance(node, nodes.Macro):
            scope[node.name] = None
        for child in node.iter_child_nodes():
            _walk(child, inner, globals_, found)
        return
    if isinstance(node, nodes.Assign | nodes.AssignBlock | nodes.With):
        for child in node.iter_child_nodes():
            _walk(child, scope, globals_, found)
        for target in [node.target] if not isinstance(node, nodes.With) else node.targets:
            for name in _targets(target):
                scope[name] = None
        return
    if isinstance(node, nodes.Getattr | nodes.Getitem | nodes.Name):
        path = _path(node, scope, globals_)
        if path:
            found.append(Use(path, node.lineno))
            return
    for child in node.iter_child_nodes():
        _walk(child, scope, globals_, found)


def _targets(target: nodes.Node) -> Iterator[str]:
    for name in target.find_all(nodes.Name) if not isinstance(target, nodes.Name) else [target]:
        yield name.name


def _path(node: nodes.Node, scope: Scope, globals_: set[str]) -> tuple[str, ...] | None:
    """``a.b['c']`` → ("a", "b", "c"); None when it does not start from the data."""
    if isinstance(node, nodes.Name):
        if node.ctx != "load":
            return None
        if node.name in scope:
            return scope[node.name]
        return None if node.name in globals_ else (node.name,)
    if isinstance(node, nodes.Getattr):
        base = _path(node.node, scope, globals_)
        return (*base, node.attr) if base else None
    if isinstance(node, nodes.Getitem) and isinstance(node.arg, nodes.Const):
        base = _path(node.node, scope, globals_)
        key = node.arg.value
        return (*base, key if isinstance(key, str) else ITEM) if base else None
    if isinstance(node, nodes.Filter) and node.node is not None:
        return _path(node.node, scope, globals_)  # x|default(...), x|sort …: still reads x
    return None
