# 决算公开 data warehouse. Two commands on a fresh machine: `make run`, then `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DB     ?= $(CURDIR)/warehouse.duckdb
export FISCAL_DB := $(abspath $(DB))

.PHONY: venv run load build test lint bench clean

venv: $(STAMP)

$(STAMP): requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $@

## Build the warehouse from data/documents/ and print where to look.
run: venv
	$(BIN)/fiscal run data/documents

load: venv
	$(BIN)/fiscal load data/documents

build: venv
	$(BIN)/fiscal build

## Linters (ruff, sqlfluff) and the test suite (builds its own warehouses in temp dirs).
test: venv lint
	$(BIN)/pytest -q

lint: venv
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/sqlfluff lint models

## Benchmark: N renamed copies of the test corpus (default 100 and 10000); not part of `make test`.
bench: venv
	$(BIN)/python -m loaders.bench $(N)

clean:
	rm -rf target logs warehouse.duckdb warehouse.duckdb.wal .pytest_cache
