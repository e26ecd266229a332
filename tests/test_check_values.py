"""``cchc check`` on values Word cannot read (``w:sz="abc"``, a ``w:ind`` without its number):
a warning with its place, never a traceback. A small fuzz corrupts each attribute in turn."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from lxml import etree

from generator.check.checker import check_files
from tests.conftest import run_cli
from tests.handmade import Handmade

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
PARTS = ("word/document.xml", "word/styles.xml", "word/header1.xml")
Edit = Callable[[etree._Element], None]


@pytest.fixture(scope="module")
def handmade(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """A correct hand-made plan with a drawn line, a page number field and a landscape appendix."""
    path = Handmade(appendix="ok").save(tmp_path_factory.mktemp("handmade") / "ke_hoach.docx")
    return path.read_bytes()


def edited(data: bytes, part: str, edit: Edit) -> bytes:
    """``data`` (a .docx) with ``edit`` applied to the XML of ``part``."""
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            content = source.read(item)
            if item.filename == part:
                root = etree.fromstring(content)
                edit(root)
                content = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
            target.writestr(item, content)
    return buffer.getvalue()


def set_all(tag: str, attribute: str, value: str | None) -> Edit:
    """Give every ``attribute`` of ``tag`` elements (any tag: "*") ``value``; None removes it."""

    def edit(root: etree._Element) -> None:
        for element in root.iter(tag if tag != "*" else etree.Element):
            if attribute in element.attrib:
                if value is None:
                    del element.attrib[attribute]
                else:
                    element.set(attribute, value)

    return edit


def attributes(data: bytes, part: str) -> list[str]:
    """Every attribute name used in ``part``."""
    root = etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read(part))
    return sorted({str(name) for element in root.iter(etree.Element) for name in element.attrib})


def checked(tmp_path: Path, data: bytes) -> tuple[int, str, str]:
    path = tmp_path / "ke_hoach.docx"
    path.write_bytes(data)
    result = run_cli("check", path)
    return result.exit_code, result.stdout, result.stderr


def test_a_font_size_that_is_not_a_number(tmp_path: Path, handmade: bytes) -> None:
    data = edited(handmade, "word/styles.xml", set_all(f"{W}sz", f"{W}val", "abc"))
    code, out, err = checked(tmp_path, data)
    assert code in (0, 1)
    assert err == ""
    assert (
        '[cảnh báo] kiểu "Normal" trong styles.xml: <w:sz w:val="abc">: giá trị không hợp lệ; '
        "đã bỏ qua khi kiểm tra (Word có thể báo tệp bị lỗi) (gia_tri)"
    ) in out


def test_a_bad_indent_in_the_document_is_placed_at_its_paragraph(tmp_path: Path, handmade: bytes) -> None:
    data = edited(handmade, "word/document.xml", set_all(f"{W}ind", f"{W}firstLine", "x"))
    code, out, _ = checked(tmp_path, data)
    assert code in (0, 1)
    assert (
        'đoạn 3 ("Thực hiện Kế hoạch số 6118/KH-UBND…"): [cảnh báo] document.xml: <w:ind w:firstLine="x">'
        in out
    )


def test_a_missing_required_value(tmp_path: Path, handmade: bytes) -> None:
    data = edited(handmade, "word/styles.xml", set_all(f"{W}sz", f"{W}val", None))
    (report,) = check_files([_saved(tmp_path, data)]).reports
    messages = [f.message for f in report.findings if f.rule == "gia_tri"]
    assert report.problem is None
    assert 'kiểu "Normal" trong styles.xml: thẻ <w:sz> thiếu thuộc tính w:val' in " ".join(messages)


def _saved(tmp_path: Path, data: bytes) -> Path:
    path = tmp_path / "ke_hoach.docx"
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("part", PARTS)
@pytest.mark.parametrize("value", ["x", None], ids=["word", "missing"])
def test_every_attribute_corrupted_in_turn(
    tmp_path: Path, handmade: bytes, part: str, value: str | None
) -> None:
    """Each attribute name of the part set to ``value`` everywhere: a report, never an exception."""
    failures = []
    for name in attributes(handmade, part):
        data = edited(handmade, part, set_all("*", name, value))
        try:
            (report,) = check_files([_saved(tmp_path, data)]).reports
        except Exception as exc:
            failures.append(f"{name}: {type(exc).__name__}: {exc}")
            continue
        if report.problem is not None and "tệp hỏng" not in report.problem:
            failures.append(f"{name}: {report.problem}")
    assert failures == []


@pytest.mark.parametrize("value", ["", "-1", "1e400", "99999999999999999999999", "12.5.3", "٣"])
def test_odd_numbers_everywhere(tmp_path: Path, handmade: bytes, value: str) -> None:
    data = handmade
    for part in PARTS:
        for name in (f"{W}val", f"{W}w", f"{W}sz", f"{W}firstLine", f"{W}line", f"{W}before", "cx"):
            data = edited(data, part, set_all("*", name, value))
    code, _, err = checked(tmp_path, data)
    assert code in (0, 1)
    assert "Traceback" not in err
