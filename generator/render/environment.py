"""The one Jinja environment of cchc: sandboxed, autoescaped, strict, with the Vietnamese filters.

Templates are compiled in it once (``render.prepare``) and the compiled code is cached, so
everything that shapes the compiled code is part of the cache key (``environment_key``).
"""

from __future__ import annotations

from typing import Any

import jinja2
from jinja2.sandbox import SandboxedEnvironment
from markupsafe import Markup, escape

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

    Templates are compiled with these options and cached (``template_prepare``): a change
    here that changes compiled code must bump ``template_prepare.CACHE_FORMAT``.
    """
    env = _Sandbox(
        undefined=jinja2.StrictUndefined,
        autoescape=True,
        finalize=_finalize,
        keep_trailing_newline=True,
    )
    env.filters.update(formatting.FILTERS)
    return env
