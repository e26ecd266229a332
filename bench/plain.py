"""The plain way of making a unit's documents, run by the benchmark as its own process.

    python bench/plain.py OUT CONTEXTS UNIT_FOLDER... [--plan-only]

Per unit: read every YAML file with ``yaml.safe_load``, every Word file with python-docx
(``Document(path)``, the text of every paragraph and table cell) and every workbook with
openpyxl (``load_workbook(path, data_only=True)``, every row of every sheet), then render and save the
plan (templates/ke_hoach.docx) and the quý I report (templates/bao_cao_quy.docx) with
``DocxTemplate(path)``, ``render``, ``save``, in the same Jinja environment as cchc.

The contexts are given: the benchmark builds them with cchc before timing and pickles them in
CONTEXTS (one ``<unit>.pickle`` each). So this script reads and parses the same inputs but
checks nothing and maps nothing: its time is a lower bound for a plain script doing cchc's job
(it does not even ask python-docx for a paragraph's style, which a script finding headings must).
"""

from __future__ import annotations

import pickle
import sys
from pathlib import Path

import docx
import openpyxl
import yaml
from docxtpl import DocxTemplate

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.render.environment import make_environment  # noqa: E402

TEMPLATES = {"plan": ROOT / "templates" / "ke_hoach.docx", "report": ROOT / "templates" / "bao_cao_quy.docx"}


def read_inputs(folder: Path, plan_only: bool) -> None:
    """Parse what a plain script would parse: each YAML and Word file, each sheet of each workbook.

    A plan alone needs no quý I file (``*_q1_2022.*``), and cchc does not read them for it.
    """
    paths = sorted(folder.iterdir())
    if plan_only:
        paths = [p for p in paths if "_q1_" not in p.name]
    for path in (p for p in paths if p.suffix == ".yaml"):
        yaml.safe_load(path.read_text(encoding="utf-8"))
    for path in (p for p in paths if p.suffix == ".docx"):
        document = docx.Document(str(path))
        [paragraph.text for paragraph in document.paragraphs]
        [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    for path in (p for p in paths if p.suffix == ".xlsx"):
        book = openpyxl.load_workbook(path, data_only=True)
        for sheet in book.worksheets:
            list(sheet.iter_rows(values_only=True))
        book.close()


def main(argv: list[str]) -> None:
    plan_only = "--plan-only" in argv
    out, contexts, *units = (Path(a) for a in argv if a != "--plan-only")
    env = make_environment()
    out.mkdir(parents=True, exist_ok=True)
    for folder in units:
        read_inputs(folder, plan_only)
        context = pickle.loads((contexts / f"{folder.name}.pickle").read_bytes())
        for kind in ("plan",) if plan_only else ("plan", "report"):
            document = DocxTemplate(str(TEMPLATES[kind]))
            document.render(context[kind], env)
            document.save(str(out / f"{kind}_{folder.name}.docx"))


if __name__ == "__main__":
    main(sys.argv[1:])
