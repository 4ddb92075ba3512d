# The commands people and CI run. `make help` lists them.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
REPORTS ?= reports/*.txt
SITE ?= _site
NPM ?= npm

.PHONY: help install node_modules site test lint check bench clean

help: ## list the targets
	@grep -E '^[a-z_-]+:.*## ' $(MAKEFILE_LIST) | awk -F ':.*## ' '{printf "  %-13s %s\n", $$1, $$2}'

$(BIN)/.installed: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

install: $(BIN)/.installed ## create or update the virtualenv

# The pinned npm packages of the site tests (axe-core, playwright-core, vnu-jar), reinstalled
# when package-lock.json changes. --ignore-scripts: vnu-jar's install script would download
# a Java runtime; we use the system's. Without npm the site tests skip (fail under CI).
node_modules/.installed: package.json package-lock.json
	@if command -v $(NPM) >/dev/null; then \
		$(NPM) ci --ignore-scripts --no-audit --no-fund && touch $@; \
	else echo "npm not found: the browser and HTML checks will not run"; fi

node_modules: node_modules/.installed ## install the npm packages the site tests use

# Dates in the site come from the last commit, never from the clock, so a rebuild of the
# same commit gives the same bytes (reproducible-builds.org's SOURCE_DATE_EPOCH).
site: install ## build the site from the bundled reports into _site/
	SOURCE_DATE_EPOCH=$${SOURCE_DATE_EPOCH:-$$(git log -1 --format=%ct 2>/dev/null)} \
		$(BIN)/lodpipe build --out $(SITE) $(REPORTS)
	@echo "The site is in $(SITE)/. Preview it as GitHub Pages serves it: $(BIN)/lodpipe serve --site $(SITE) (then open http://127.0.0.1:8000/)"

test: install node_modules/.installed ## run the whole test suite
	$(BIN)/python -m pytest

lint: install ## ruff and mypy --strict
	$(BIN)/ruff check pipeline tests
	$(BIN)/ruff format --check pipeline tests
	$(BIN)/mypy

check: lint test ## everything CI runs

# Corpus sizes the build benchmark runs, cold and with one report changed (e.g.
# `make bench BENCH_SIZES="100 1000 10000"`).
BENCH_SIZES ?= 100 1000

bench: install ## measure the build (time per stage, memory, bytes) and the query engines (not tests)
	$(BIN)/python bench/build.py --sizes $(BENCH_SIZES)
	$(BIN)/python bench/query_engines.py

# The README's screenshots of the home page and a report page, from the bundled reports,
# with the same dates as `make site`.
.PHONY: screenshots
screenshots: install ## regenerate docs/screenshots/*.png (needs chromium)
	SOURCE_DATE_EPOCH=$${SOURCE_DATE_EPOCH:-$$(git log -1 --format=%ct 2>/dev/null)} \
		$(BIN)/python -m tests.site.screenshots docs/screenshots

clean: ## remove build output and the virtualenv
	rm -rf $(SITE) $(VENV) node_modules test-artefacts .pytest_cache .mypy_cache .ruff_cache .bench .lodpipe-cache
