"""The one Jinja environment of cchc: sandboxed, autoescaped, strict, with the Vietnamese filters.

Templates are compiled in it once (``render.prepare``) and the compiled code is cached, so
everything that shapes the compiled code is part of the cache key (``fingerprint``).
"""

from __future__ import annotations

import hashlib
from types import CodeType, FunctionType
from typing import Any

import jinja2
from jinja2.sandbox import SandboxedEnvironment
from markupsafe import Markup, escape

from generator import cache
from generator.domain import formatting

_BREAK = '</w:t><w:br/><w:t xml:space="preserve">'
_TAB = '</w:t><w:tab/><w:t xml:space="preserve">'


def _finalize(value: Any) -> Any:
    """Line breaks and tabs in data become Word breaks and tabs inside the run's text.

    docxtpl does this after rendering with regular expressions over the whole part
    (``resolve_listing``); doing it per value gives the same runs at a fraction of the cost.
    """
    if isinstance(value, str) and not isinstance(value, Markup) and ("\n" in value or "\t" in value):
        return Markup(str(escape(value)).replace("\n", _BREAK).replace("\t", _TAB))
    return value


class _Sandbox(SandboxedEnvironment):
    """Jinja's sandbox, reading ``x.key`` of a plain dict as its item first.

    Template contexts are dicts, and Jinja tries the attribute (a failing ``getattr`` and
    its exception) before the item on every ``x.key``: about a quarter of a plan's render
    time. Dict items are data, so reading them first exposes nothing; names that are not
    keys (``__class__``, ``items``) still go through the sandbox's checks.
    """

    def getattr(self, obj: Any, attribute: str) -> Any:
        if type(obj) is dict:
            try:
                return obj[attribute]
            except KeyError:
                pass
        return super().getattr(obj, attribute)


def make_environment() -> SandboxedEnvironment:
    """The one Jinja environment of cchc: sandboxed, autoescaped, strict, with VN filters.

    Templates are compiled with it and cached (``render.prepare``) under a key that includes
    ``fingerprint`` of it: a change here gives new cache entries by itself.
    """
    env = _Sandbox(
        undefined=jinja2.StrictUndefined,
        autoescape=True,
        finalize=_finalize,
        keep_trailing_newline=True,
    )
    env.filters.update(formatting.FILTERS)
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
