# Two commands for a fresh machine: `make demo` and `make test` (see README.md).
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cksum pyproject.toml | cut -d' ' -f1)

.PHONY: demo test lint typecheck unit templates bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	rm -f $(VENV)/.installed-*
	touch $@

demo: $(STAMP)
	$(BIN)/cchc plan inputs/loc_thuy --out outputs/
	$(BIN)/cchc report --period Q1 --year 2022 inputs/loc_thuy --out outputs/
	$(BIN)/cchc report --period NAM --year 2022 inputs/loc_thuy --out outputs/

test: lint typecheck unit

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(STAMP)
	$(BIN)/mypy

unit: $(STAMP)
	$(BIN)/pytest

bench: $(STAMP)
	$(BIN)/python bench/bench.py

templates: $(STAMP)
	$(BIN)/python -m generator.render.builder

clean:
	rm -rf $(VENV) outputs/*.docx outputs/*.pdf
