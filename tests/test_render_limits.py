"""A user's template cannot exhaust the machine: every way to make a huge value, loop without
end or produce endless output is refused with a message naming the template (issue 14 item 11).

Each test finishes quickly because the bound stops the template, not because of a timeout.
"""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from generator.errors import RenderError
from generator.render.engine import PreparedTemplate

ATTACKS = {
    "string times huge": ("{{ 'x' * 10**10 }}", "phép nhân *"),
    "list times huge": ("{{ ['x' * 1000000] * 100000 }}", "phép nhân *"),
    "huge power": ("{{ 10 ** 100000000 }}", "phép lũy thừa **"),
    "doubling with +": (
        "{% set ns = namespace(s='x') %}{% for i in range(64) %}{% set ns.s = ns.s + ns.s %}{% endfor %}",
        "phép cộng +",
    ),
    "doubling with ~": (
        "{% set ns = namespace(s='x') %}{% for i in range(64) %}{% set ns.s = ns.s ~ ns.s %}{% endfor %}",
        "phép nối ~",
    ),
    "format width": ("{{ '%0999999999d' % 1 }}", "chuỗi định dạng"),
    "format filter width": ("{{ '%0999999999d'|format(1) }}", "chuỗi định dạng"),
    "center filter": ("{{ 'x'|center(10**10) }}", "bộ lọc center"),
    "indent filter": ("{{ ('a\\n' * 1000000)|indent(100) }}", "bộ lọc indent"),
    "join filter": (
        "{% set s = 'x' * 1000000 %}{{ [s, s, s, s, s, s, s, s, s, s, s, s]|join }}",
        "bộ lọc join",
    ),
    "string method": ("{{ 'x'.ljust(10**10) }}", "hàm ljust()"),
    "replace method": ("{{ ('a' * 100000).replace('a', 'b' * 1000) }}", "hàm replace()"),
    "huge range": ("{% for i in range(10**10) %}{% endfor %}", "range() quá lớn"),
    "nested ranges": (
        "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}",
        "mẫu lặp hoặc gọi quá",
    ),
    "loops over strings": (
        "{% set s = 'x' * 100000 %}{% for a in s %}{% for b in s %}{% endfor %}{% endfor %}",
        "mẫu lặp hoặc gọi quá",
    ),
    "macro fan-out": (
        "{% macro f(n) %}{% if n %}{{ f(n - 1) }}{{ f(n - 1) }}{% endif %}{% endmacro %}{{ f(60) }}",
        "mẫu lặp hoặc gọi quá",
    ),
    "endless recursion": ("{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}", "gọi lồng nhau quá sâu"),
    "recursive loop": (
        "{% for x in range(100000) recursive %}{% if loop.depth < 3 %}{{ loop(range(100000)) }}{% endif %}"
        "{% endfor %}",
        "mẫu lặp hoặc gọi quá",
    ),
    "output of a loop": (
        "{% set s = 'x' * 5000000 %}{% for i in range(100) %}{{ s }}{% endfor %}",
        "mẫu tạo ra quá",
    ),
    "output built in a macro": (
        "{% macro m() %}{% for i in range(1000) %}{% for j in range(1000) %}"
        + "x" * 500
        + "{% endfor %}{% endfor %}{% endmacro %}{{ m() }}",
        "mẫu tạo ra quá",
    ),
}


def template_with(path: Path, text: str) -> Path:
    document = docx.Document()
    document.add_paragraph(text)
    document.save(str(path))
    return path


@pytest.mark.parametrize("attack", ATTACKS)
def test_attack_is_refused_naming_the_template(tmp_path: Path, attack: str) -> None:
    text, reason = ATTACKS[attack]
    template = PreparedTemplate(template_with(tmp_path / "mau_rieng.docx", text))
    with pytest.raises(RenderError) as caught:
        template.render({})
    message = str(caught.value)
    assert message.startswith("mau_rieng.docx: "), message
    assert reason in message, message


def test_the_same_template_within_bounds_renders(tmp_path: Path) -> None:
    """The bounds stop attacks, not the ordinary uses of the same features."""
    text = (
        "{{ 'ab' * 3 }} {{ 2 ** 10 }} {{ [1, 2] * 2 }} {{ 'x'|center(5) }}|"
        "{% for i in range(3) %}{% for j in range(2) %}{{ i }}{{ j }} {% endfor %}{% endfor %}"
        "{% set ns = namespace(s='a') %}{% for i in range(3) %}{% set ns.s = ns.s ~ ns.s %}{% endfor %}{{ ns.s }}"
    )
    data = PreparedTemplate(template_with(tmp_path / "t.docx", text)).render({})
    out = tmp_path / "out.docx"
    out.write_bytes(data)
    assert docx.Document(str(out)).paragraphs[0].text == (
        "ababab 1024 [1, 2, 1, 2]   x  |00 01 10 11 20 21 aaaaaaaa"
    )
