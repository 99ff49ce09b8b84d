# Social work workforce resources: one command per task. `make help` lists them.
# `make bundle` and `make test` set up everything they need on a fresh machine (Python 3.11+ and the
# package registries only); a second run with nothing changed installs nothing.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help
MAKEFLAGS += --no-print-directory

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PY := $(BIN)/python

# Never let npm or Puppeteer download a browser: the gate uses Debian's Chromium or CHROME_PATH.
export PUPPETEER_SKIP_DOWNLOAD := 1
# Material 9.8 prints an end-of-life notice on every build; the README says what it means for us.
export NO_MKDOCS_2_WARNING := 1
# The project's own packages (macros, checks, handover) are used from this checkout, never installed,
# so a copy of the project (as the tests make) can never change what another copy runs.
export PYTHONPATH := $(CURDIR)
# Builds of the same commit are byte for byte the same: MkDocs dates the gzipped sitemap with this,
# and the bundle dates its zip entries with it.
export SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null || echo 315532800)

PYTHON_READY := $(VENV)/.installed-python
NODE_READY := $(VENV)/.installed-node
GATE_READY := $(VENV)/gate/.installed
THEME_READY := $(VENV)/theme/.installed
BENCH_READY := $(VENV)/benchmark/.installed
CHROME_FILE := $(VENV)/chrome-path

.PHONY: help install chrome site pdfs gate bundle test check lint format serve clean clean-dist benchmark

help: ## List the commands
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "}; {printf "  make %-10s %s\n", $$1, $$2}'

install: $(PYTHON_READY) $(GATE_READY) $(THEME_READY) chrome ## Set up Python packages, Node, the gate's and the theme's npm packages, Chromium

# Python 3.11 or newer (3.11.2, Debian 12's own, included): say so at once rather than fail in pip.
$(PYTHON_READY): requirements.lock pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "This project needs Python 3.11 or newer, but $(PYTHON) is " + sys.version.split()[0] + ". Install Python 3.11 or newer, or run: make PYTHON=python3.11 ...")'
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.lock
	@touch $@

$(NODE_READY): $(PYTHON_READY) accessibility/install_node.py
	$(PY) accessibility/install_node.py --venv $(VENV)
	@touch $@

$(GATE_READY): $(NODE_READY) accessibility/package.json accessibility/package-lock.json
	@mkdir -p $(VENV)/gate
	cp accessibility/package.json accessibility/package-lock.json $(VENV)/gate/
	$(BIN)/npm ci --prefix $(VENV)/gate --no-audit --no-fund --loglevel=error
	@touch $@

# The theme's build tools (PurgeCSS), from overrides/.build/ (a dot folder, so MkDocs never publishes it).
$(THEME_READY): $(NODE_READY) overrides/.build/package.json overrides/.build/package-lock.json
	@mkdir -p $(VENV)/theme
	cp overrides/.build/package.json overrides/.build/package-lock.json $(VENV)/theme/
	$(BIN)/npm ci --prefix $(VENV)/theme --no-audit --no-fund --loglevel=error
	@touch $@

chrome: $(PYTHON_READY)
	@$(PY) accessibility/find_chrome.py --write $(CHROME_FILE) >/dev/null

# No --quiet: it drops warnings before --strict counts them, so broken links would pass.
# Then the rules of Material's stylesheets that no page uses are removed (overrides/.build/purge-css.js).
site: $(PYTHON_READY) $(THEME_READY) ## Build the site strictly into site/ (any warning fails), with unused CSS removed
	$(BIN)/mkdocs build --strict --clean
	$(BIN)/node overrides/.build/purge-css.js site $(VENV)/theme/node_modules

pdfs: install site ## Print each resource to a tagged PDF in site/pdf/ and show its link and size on the page
	$(PY) pdfs/make_pdfs.py --site site --pages build/pages.json --chrome "$$(cat $(CHROME_FILE))" --jobs 2

# make gate reuses the results of unchanged pages (build/gate-cache); the release bundle never does.
GATE_CACHE ?= --cache build/gate-cache
bundle: GATE_CACHE = --no-cache

GATE = $(PY) -m accessibility.gate --site site --reports build/reports --source-map build/pages.json \
	--chrome "$$(cat $(CHROME_FILE))" --node $(BIN)/node --node-modules $(VENV)/gate/node_modules --concurrency 2

gate: install pdfs ## Check every built page for accessibility (unchanged pages from cache); reports in build/reports/
	$(GATE) $(GATE_CACHE)

# The last bundle's manifest is kept, so the next HANDOVER.md lists what changed since it.
# To compare with the bundle you last sent instead: make bundle PREVIOUS_MANIFEST=path/to/manifest.json
PREVIOUS_MANIFEST ?= build/previous-manifest.json
clean-dist:
	@mkdir -p build
	@if [ -f dist/manifest.json ]; then cp dist/manifest.json build/previous-manifest.json; fi
	@rm -rf dist

bundle: clean-dist gate ## Build, gate, then write the handover bundle to dist/ (only if every page passes)
	$(PY) -m handover.bundle --site site --build build --dist dist --node-modules $(VENV)/gate/node_modules \
		--chrome "$$(cat $(CHROME_FILE))" --previous-manifest $(PREVIOUS_MANIFEST)

test: install lint ## Lint, then run the whole test suite, including the gate on the real site (what CI runs)
	$(BIN)/pytest

# For authors, before a pull request: what can go wrong with a page change, in a few minutes. The gate
# tests only the pages whose HTML changed since the last check (build/gate-cache); PDFs are not printed.
check: install lint site ## Quick checks: lint, strict build, the gate on changed pages, the fast tests
	$(GATE) --cache build/gate-cache
	$(BIN)/pytest -m "not slow"

# `make format` rewrites the Python as ruff format would; lint only reports what it would change.
lint: $(PYTHON_READY) ## Lint the Python (ruff check, ruff format --check) and the workflow (actionlint)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/actionlint .github/workflows/*.yml

format: $(PYTHON_READY) ## Format the Python in place (ruff format) and fix what ruff can fix safely
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

serve: $(PYTHON_READY) ## Preview the site and the author guide at http://127.0.0.1:8000; rebuilds as you save
	$(BIN)/mkdocs serve

# Lighthouse, for the benchmark only: if it cannot be installed, the benchmark says so and goes on.
$(BENCH_READY): $(NODE_READY) benchmarks/package.json benchmarks/package-lock.json
	@mkdir -p $(VENV)/benchmark
	cp benchmarks/package.json benchmarks/package-lock.json $(VENV)/benchmark/
	$(BIN)/npm ci --prefix $(VENV)/benchmark --no-audit --no-fund --loglevel=error && touch $@ \
		|| echo "benchmark: Lighthouse could not be installed; its scores are left out"

benchmark: install $(BENCH_READY) ## Print set-up, build, gate and bundle timings, page weight and Lighthouse scores
	$(PY) benchmarks/benchmark.py

clean: ## Remove built output (site/, build/, dist/); keeps the installed tools
	rm -rf site build dist
