# The commands people and CI run. `make help` lists them.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
REPORTS ?= reports/*.txt
SITE ?= _site

.PHONY: help install site test lint check bench clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F ':.*## ' '{printf "  %-10s %s\n", $$1, $$2}'

$(BIN)/.installed: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

install: $(BIN)/.installed ## create or update the virtualenv

site: install ## build the site from the bundled reports into _site/
	$(BIN)/lodpipe build --out $(SITE) $(REPORTS)

test: install ## run the whole test suite
	$(BIN)/python -m pytest

lint: install ## ruff and mypy --strict
	$(BIN)/ruff check pipeline tests
	$(BIN)/ruff format --check pipeline tests
	$(BIN)/mypy

check: lint test ## everything CI runs

bench: install ## time rdflib against pyoxigraph on aggregate queries (not a test)
	$(BIN)/python bench/query_engines.py

clean: ## remove build output and the virtualenv
	rm -rf $(SITE) $(VENV) .pytest_cache .mypy_cache .ruff_cache .bench
