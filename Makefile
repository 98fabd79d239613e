# tbapi — every command a developer or CI needs. `make test` sets everything up from nothing.
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# openapi-python-client's post-hooks run ruff from PATH: make it the venv's pinned ruff.
export PATH := $(CURDIR)/$(BIN):$(PATH)

SPECS := shanjing top
GEN_shanjing := shanjing_client
GEN_top := taobao_top_client
# openapi/templates overrides some of openapi-python-client's templates (see the comment at the top of each).
GEN_FLAGS := --meta none --overwrite --fail-on-warning --custom-template-path openapi/templates

.PHONY: help install generate checks check-generated lint lint-specs typecheck unit contract test mock demo bench docs lock clean

help:  ## list the targets
	@grep -E '^[a-z-]+:.*##' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-16s %s\n", $$1, $$2}'

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# pip >= 25.1 installs PEP 735 dependency groups (`--group`); a venv made by an older Python starts with an older pip.
PIP_VERSION := 26.2.1
PIP := $(BIN)/python -m pip install --quiet -c constraints.txt
EDITABLE := -e '.[cli,testing,mock,redis,fleet,otel]'

$(VENV)/.pip-$(PIP_VERSION): | $(BIN)/python
	$(BIN)/python -m pip install --quiet 'pip==$(PIP_VERSION)'
	touch $@

$(VENV)/.installed: pyproject.toml constraints.txt | $(VENV)/.pip-$(PIP_VERSION)
	$(PIP) $(EDITABLE) --group dev --group test
	touch $@

mock/node_modules/.package-lock.json: mock/package-lock.json
	cd mock && npm ci --no-audit --no-fund --loglevel=error

install: $(VENV)/.installed mock/node_modules/.package-lock.json  ## venv + pinned deps + pinned Prism

generate: $(VENV)/.installed  ## regenerate generated/ from openapi/
	@for spec in $(SPECS); do \
	  case $$spec in shanjing) pkg=$(GEN_shanjing);; top) pkg=$(GEN_top);; esac; \
	  $(BIN)/openapi-python-client generate --path openapi/$$spec.yaml --config openapi/generator-$$spec.yaml \
	    --output-path generated/$$pkg $(GEN_FLAGS) >/dev/null; \
	  echo "generated/$$pkg <- openapi/$$spec.yaml"; \
	done

check-generated: $(VENV)/.installed  ## fail when generated/ differs from what `make generate` makes
	@tmp=$$(mktemp -d); trap 'rm -rf $$tmp' EXIT; cp generated/ruff.toml $$tmp/; \
	for spec in $(SPECS); do \
	  case $$spec in shanjing) pkg=$(GEN_shanjing);; top) pkg=$(GEN_top);; esac; \
	  $(BIN)/openapi-python-client generate --path openapi/$$spec.yaml --config openapi/generator-$$spec.yaml \
	    --output-path $$tmp/$$pkg $(GEN_FLAGS) >/dev/null; \
	done; \
	for pkg in $(GEN_shanjing) $(GEN_top); do \
	  diff -r -x __pycache__ generated/$$pkg $$tmp/$$pkg || { echo "generated/$$pkg is stale: run make generate"; exit 1; }; \
	done; echo "generated/ is up to date"

lint: $(VENV)/.installed  ## ruff on the hand-written code
	$(BIN)/ruff check wrapper tests mock/*.py examples bench tools
	$(BIN)/ruff format --check wrapper tests mock/*.py examples bench tools

lint-specs: mock/node_modules/.package-lock.json  ## Spectral (spectral:oas + openapi/spectral.yaml) on the specs: no error, no warning
	mock/node_modules/.bin/spectral lint --quiet --fail-severity warn --ruleset openapi/spectral.yaml $(SPECS:%=openapi/%.yaml)

typecheck: $(VENV)/.installed  ## mypy --strict on the wrapper and the tests
	$(BIN)/mypy --strict wrapper tests mock/*.py

unit: $(VENV)/.installed  ## the tests that need no mock (no network, no Node: Prism is not installed for them)
	$(BIN)/pytest tests -m "not mock"

contract: install  ## Schemathesis and end-to-end tests against the mock
	$(BIN)/pytest tests -m mock

checks: check-generated lint lint-specs typecheck  ## the static checks: generated/ current, ruff, Spectral, mypy

# pip and npm install side by side, and the static checks, which read the tree and write nothing in it, too
# (each one's output kept whole). The tests run on TEST_WORKERS processes (most of them wait on the network,
# a timeout or a subprocess; 0: all in this one): see GROUPS in tests/conftest.py for what shares a process.
# The modules are compiled once, not again by every interpreter the tests start.
TEST_WORKERS ?= 2
test: export PYTHONDONTWRITEBYTECODE :=
test:  ## everything CI runs, from nothing
	$(MAKE) --no-print-directory -j2 -Otarget install
	$(MAKE) --no-print-directory -j4 -Otarget checks
	$(BIN)/pytest -n $(TEST_WORKERS) tests

mock: install  ## run Prism + the TOP gateway front on fixed ports until Ctrl-C (CALLS_PER_SECOND=N: play a call limit)
	@$(BIN)/python mock/servers.py $(if $(CALLS_PER_SECOND),--calls-per-second $(CALLS_PER_SECOND))

demo: install  ## the main job against the bundled mock
	PYTHONPATH=. $(BIN)/python examples/demo.py

$(VENV)/.bench-installed: pyproject.toml $(VENV)/.installed
	$(PIP) $(EDITABLE) --group bench
	touch $@

bench: $(VENV)/.bench-installed  ## benchmarks vs raw httpx and the PyPI TOP clients; rewrites BENCHMARKS.md (not in `make test`)
	$(BIN)/python -m bench.run

lock: $(VENV)/.installed  ## rewrite constraints.txt from the venv after a dependency change
	{ head -2 constraints.txt; $(BIN)/python -m pip freeze --exclude-editable; } > constraints.tmp && mv constraints.tmp constraints.txt

clean:  ## remove the venv and node_modules
	rm -rf $(VENV) mock/node_modules .pytest_cache .mypy_cache .ruff_cache

$(VENV)/.docs-installed: pyproject.toml | $(VENV)/.installed
	$(PIP) $(EDITABLE) --group docs
	touch $@

docs: $(VENV)/.installed $(VENV)/.docs-installed  ## build the API reference site into site/ (mkdocs --strict)
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs build --strict --site-dir site

.PHONY: validate-live
validate-live: install  ## check the specs against the real APIs (Prism proxy; needs your credentials; not CI)
	$(BIN)/python examples/validate_live.py

reliability-report: install  ## run the fault / security / fuzz suites and render RELIABILITY.md from their results
	$(BIN)/pytest tests/reliability tests/fuzz
	$(BIN)/python -m tests.reliability.report --check
