"""LibreOffice converts without fetching what a document links to.

A .doc with a linked picture made LibreOffice fetch it while `cchc import` converted it (and a
.docx did the same in `cchc pdf`). Its private profile now has macros off, links never updated,
links from documents blocked and every internet address sent to a closed proxy. A server on
this machine stands for the address the picture links to, and counts the requests it gets.
"""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

import docx
import pytest
from docx.oxml.parser import parse_xml
from docx.text.paragraph import Paragraph

from tests.conftest import run_cli
from tests.test_import import convert, soffice  # noqa: F401  (soffice: a fixture)

NS = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
)
IMAGE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image"


@pytest.fixture
def watched() -> Iterator[tuple[str, list[str]]]:
    """An address on this machine and the list of paths requested from it."""
    requests: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            requests.append(self.path)
            self.send_response(404)
            self.end_headers()

        def log_message(self, *_: object) -> None:
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/anh.png", requests
    finally:
        server.shutdown()
        server.server_close()


def linked_plan(path: Path, address: str) -> Path:
    """A Word file with a picture linked (not embedded) from ``address``."""
    document = docx.Document()
    paragraph: Paragraph = document.add_paragraph("KẾ HOẠCH có ảnh liên kết: ")
    rel = document.part.relate_to(address, IMAGE, is_external=True)
    paragraph._p.append(parse_xml(
        f'<w:r {NS}><w:drawing><wp:inline><wp:extent cx="914400" cy="914400"/><wp:docPr id="1" name="Anh"/>'
        '<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic>'
        '<pic:nvPicPr><pic:cNvPr id="1" name="anh.png"/><pic:cNvPicPr/></pic:nvPicPr>'
        f'<pic:blipFill><a:blip r:link="{rel}"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>'
        '<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="914400" cy="914400"/></a:xfrm>'
        '<a:prstGeom prst="rect"/></pic:spPr></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>'
    ))  # fmt: skip
    document.save(str(path))
    return path


@pytest.mark.libreoffice
def test_pdf_does_not_fetch_a_linked_picture(
    soffice: str,  # noqa: F811
    watched: tuple[str, list[str]],
    tmp_path: Path,
) -> None:
    address, requests = watched
    source = linked_plan(tmp_path / "van_ban.docx", address)
    result = run_cli("pdf", source)
    assert result.exit_code == 0, result.stderr
    assert (tmp_path / "van_ban.pdf").is_file()
    assert requests == []


@pytest.mark.libreoffice
def test_importing_a_doc_does_not_fetch_a_linked_picture(
    soffice: str,  # noqa: F811
    watched: tuple[str, list[str]],
    tmp_path: Path,
) -> None:
    address, requests = watched
    old = convert(soffice, linked_plan(tmp_path / "ke_hoach.docx", address), "doc", tmp_path / "lo")
    requests.clear()  # the test's own conversion to .doc, with a default profile, may fetch it
    run_cli("import", old, "--out", tmp_path / "du_lieu")  # not a whole plan: refused after converting
    assert requests == []
