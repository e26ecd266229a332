"""The one Jinja environment of cchc: sandboxed, autoescaped, strict, bounded, with the
Vietnamese filters.

Templates are compiled in it once (``render.prepare``) and the compiled code is cached, so
everything that shapes the compiled code is part of the cache key (``fingerprint``).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping
from types import CodeType, FunctionType
from typing import Any

import jinja2
from jinja2 import nodes
from jinja2.compiler import CodeGenerator, Frame
from jinja2.runtime import Context, LoopContext, Macro
from jinja2.sandbox import SandboxedEnvironment
from markupsafe import Markup, escape

from generator import cache
from generator.domain import formatting
from generator.domain.text import without_invisible
from generator.render import filter_limits, limits

BREAK = '</w:t><w:br/><w:t xml:space="preserve">'
TAB = '</w:t><w:tab/><w:t xml:space="preserve">'
_LONG = 256  # output values longer than this are counted one by one; shorter ones by estimate
_DICT_METHODS = frozenset(dir(dict))


def _finalize(value: Any) -> Any:
    """Line breaks and tabs in data become Word breaks and tabs inside the run's text.

    docxtpl does this after rendering with regular expressions over the whole part
    (``resolve_listing``); doing it per value gives the same runs at a fraction of the cost.
    docxtpl's own values (RichText, Listing, InlineImage, Subdoc) and markup that refers to
    relationships go to ``render.docx_values``, which knows the document being rendered.
    Invisible characters (direction overrides, zero-width spaces) are removed from every value,
    as the readers remove them, whatever the value came from (a form, an option, a caller).
    """
    if isinstance(value, str) and not isinstance(value, Markup):
        value = without_invisible(value)
        if len(value) > _LONG:
            budget = limits.current()
            if budget is not None:
                budget.produced(len(value))
        if "\n" in value or "\t" in value:
            return Markup(str(escape(value)).replace("\n", BREAK).replace("\t", TAB))
        return value
    if isinstance(value, Markup):
        cleaned = without_invisible(value)
        value = value if cleaned is value else Markup(cleaned)
        if " r:" in value or "docPr" in value:
            from generator.render import docx_values

            docx_values.note_references(value)
        return value
    if isinstance(value, list | tuple | dict | set | frozenset):  # its text can be long: count it
        text = str(value)
        budget = limits.current()
        if budget is not None:
            budget.produced(len(text))
        return text
    if hasattr(value, "__html__") and type(value).__module__.startswith("docxtpl"):
        from generator.render import docx_values

        return docx_values.markup(value)
    return value


COUNTED = "_cchc_counted"  # the filter every loop's iterable goes through (``limits.counted``)


class _BoundedCodeGenerator(CodeGenerator):
    """Jinja's code generator with every loop counted and every ``~`` checked for size."""

    def visit_Template(self, node: nodes.Template, frame: Frame | None = None) -> None:  # noqa: N802
        _count_loops(node)
        super().visit_Template(node, frame)

    def visit_Concat(self, node: nodes.Concat, frame: Frame) -> None:  # noqa: N802
        self.write("environment.checked_concat(")
        super().visit_Concat(node, frame)
        self.write(")")


def _count_loops(node: nodes.Node) -> None:
    """Wrap every loop's iterable in the ``COUNTED`` filter (custom node types are not allowed),
    with an estimate of what one iteration writes."""
    for child in node.iter_child_nodes():
        if isinstance(child, nodes.For):
            output = nodes.Const(_iteration_output(child))
            child.iter = nodes.Filter(child.iter, COUNTED, [output], [], None, None, lineno=child.lineno)
        _count_loops(child)


def _iteration_output(loop: nodes.For) -> int:
    """A bound on what one iteration of ``loop`` writes, nested loops and macros aside:
    its literal text, and ``_LONG`` per value (``_finalize`` counts longer values itself)."""
    total = 0
    pending: list[nodes.Node] = list(loop.body)
    while pending:
        node = pending.pop()
        if isinstance(node, nodes.TemplateData):
            total += len(node.data)
        elif isinstance(node, nodes.Output):
            total += sum(_LONG for child in node.nodes if not isinstance(child, nodes.TemplateData))
            pending += [child for child in node.nodes if isinstance(child, nodes.TemplateData)]
        elif not isinstance(node, nodes.For | nodes.Macro | nodes.CallBlock):
            pending += list(node.iter_child_nodes())
    return total


class _Sandbox(SandboxedEnvironment):
    """Jinja's sandbox, bounded (``render.limits``), reading ``x.key`` of a plain dict as its
    item first.

    Template contexts are dicts, and Jinja tries the attribute (a failing ``getattr`` and
    its exception) before the item on every ``x.key``: about a quarter of a plan's render
    time. Dict items are data, so reading them first exposes nothing; names of dict methods
    (``items``, ``keys``, ``get`` …) stay methods, as in Jinja, even when a key has the name.
    """

    intercepted_binops = frozenset({"*", "**", "+", "%"})
    code_generator_class = _BoundedCodeGenerator

    def getattr(self, obj: Any, attribute: str) -> Any:
        if type(obj) is dict and attribute not in _DICT_METHODS:
            try:
                return obj[attribute]
            except KeyError:
                pass
        return super().getattr(obj, attribute)

    def call_binop(self, context: Context, operator: str, left: Any, right: Any) -> Any:
        limits.check_binop(operator, left, right)
        return super().call_binop(context, operator, left, right)

    def call(__self, __context: Context, __obj: Any, *args: Any, **kwargs: Any) -> Any:  # noqa: N805
        budget = limits.current()
        if budget is not None:
            budget.step(cost=limits.MACRO_STEPS if isinstance(__obj, Macro) else 1)
        limits.check_call(__obj, args)
        if isinstance(__obj, LoopContext) and args:  # a recursive loop's next level
            args = (limits.Counted(args[0], 0), *args[1:])
        result = super().call(__context, __obj, *args, **kwargs)
        if budget is not None:
            budget.in_time()  # one call can run long: the clock is read after each
            if isinstance(__obj, Macro) and isinstance(result, str):
                budget.produced(len(result))
        return result

    def wrap_str_format(self, value: Any) -> Any:
        """Jinja's sandboxed ``str.format``, its pattern and numbers checked for widths first
        (Jinja wraps the method at access, so ``call`` no longer sees the string it belongs to)."""
        wrapped = super().wrap_str_format(value)
        if wrapped is None:
            return None
        pattern = value.__self__

        def checked(*args: Any, **kwargs: Any) -> Any:
            limits.check_format(pattern)
            limits.check_call(pattern.format, (*args, *kwargs.values()))
            return wrapped(*args, **kwargs)

        return checked

    @staticmethod
    def checked_concat(joined: str) -> str:
        limits.check_size(len(joined), "phép nối ~")
        return joined


def make_environment(filters: Mapping[str, Callable[..., Any]] | None = None) -> SandboxedEnvironment:
    """The one Jinja environment of cchc: sandboxed, autoescaped, strict, with VN filters,
    and ``filters`` a Python caller adds (``render_template(…, filters=…)``).

    Templates are compiled with it and cached (``render.prepare``) under a key that includes
    ``fingerprint`` of it: a change here gives new cache entries by itself.
    """
    env = _Sandbox(
        undefined=jinja2.StrictUndefined,
        autoescape=True,
        finalize=_finalize,
        keep_trailing_newline=True,
    )
    env.filters.update(filter_limits.guarded(env.filters))
    env.filters.update(formatting.FILTERS)
    env.filters.update(filters or {})
    env.filters[COUNTED] = limits.Counted
    env.globals["range"] = limits.bounded_range
    return env


# The Environment attributes that decide the code a template compiles to: delimiters, options,
# the sandbox's intercepted operators, the classes the code generator and the templates use.
_OPTIONS = (
    "block_start_string", "block_end_string", "variable_start_string", "variable_end_string",
    "comment_start_string", "comment_end_string", "line_statement_prefix", "line_comment_prefix",
    "trim_blocks", "lstrip_blocks", "newline_sequence", "keep_trailing_newline", "optimized",
    "autoescape", "undefined", "finalize", "is_async", "sandboxed", "intercepted_binops",
    "intercepted_unops", "code_generator_class", "context_class", "template_class",
)  # fmt: skip
_PINNED = ("jinja2", "markupsafe")  # their code is known by their versions, already in the key
_LITERALS = (str, bytes, int, float, bool, tuple, list, dict, type(None))


def fingerprint(env: jinja2.Environment) -> str:
    """A digest of what shapes the code templates compile to in ``env``, for the cache key.

    Its class and options, extensions and policies, the names of its filters and tests with
    a digest of the code of those cchc defines, and the jinja2 and markupsafe installed.
    """
    lines = [_describe(type(env)), cache.library("jinja2"), cache.library("markupsafe")]
    lines += [f"{name}={_describe(getattr(env, name, None))}" for name in _OPTIONS]
    lines += sorted(env.extensions)
    for table in (env.filters, env.tests, env.policies):
        lines += [f"{name}={_describe(value)}" for name, value in sorted(table.items())]
    return hashlib.sha256("\n".join(lines).encode()).hexdigest()


def _describe(value: Any) -> str:
    """Text for a value that is the same in every process (a default repr holds an address).

    A function by its name and code, a class by its name and members, a set sorted.
    """
    if isinstance(value, type | FunctionType):
        name = f"{value.__module__}.{value.__qualname__}"
        if value.__module__.partition(".")[0] in _PINNED:
            return name
        if isinstance(value, FunctionType):
            return f"{name}:{_code_digest(value.__code__)}"
        members = [
            f"{key}={_describe(item)}" for key, item in vars(value).items() if not key.startswith("__")
        ]
        return f"{name}({', '.join(members)})"
    if isinstance(value, set | frozenset):  # its order changes with the string hash seed
        return repr(sorted(map(_describe, value)))
    if isinstance(value, _LITERALS):
        return repr(value)
    return f"{getattr(value, '__module__', '')}.{getattr(value, '__qualname__', type(value).__qualname__)}"


def _code_digest(code: CodeType) -> str:
    """A digest of bytecode, names and constants, nested code included."""
    digest = hashlib.sha256()
    pending = [code]
    while pending:
        current = pending.pop()
        digest.update(current.co_code)
        digest.update(repr((current.co_names, current.co_varnames)).encode())
        for const in current.co_consts:
            if isinstance(const, CodeType):
                pending.append(const)
            else:
                digest.update(_describe(const).encode())
    return digest.hexdigest()[:16]
