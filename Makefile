# Two entry points (see README): `make serve` and `make test`. Both set everything up first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1:8000
# Material prints an end-of-life banner on every build; it is noise in our logs.
export NO_MKDOCS_2_WARNING := 1

.PHONY: lock setup setup-test setup-extract serve build check test test-lowest lint golden bench bench-extract bench-extract-one bench-scale fuzz clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# Every package comes from a lock file, each checked against its sha256: requirements/site.txt
# builds and serves the site; requirements/dev.txt adds extraction (the English model included)
# and the test tools. `make lock` regenerates both after pyproject.toml's dependencies change.
INSTALL := $(BIN)/pip install --quiet --require-hashes -r
PROJECT := $(BIN)/pip install --quiet --no-deps --no-build-isolation -e .

setup: $(BIN)/python
	$(INSTALL) requirements/site.txt
	$(PROJECT)

setup-extract: $(BIN)/python
	$(INSTALL) requirements/dev.txt
	$(PROJECT)

setup-test: $(BIN)/python setup-extract
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
	$(BIN)/mkdocs serve --dev-addr $(HOST) --livereload --dirty --no-strict

build: setup
	$(BIN)/mkdocs build --strict

check: setup
	$(BIN)/explainer check content

test: setup-test
	$(BIN)/ruff check generator tests benchmarks scripts
	$(BIN)/ruff format --check generator tests benchmarks scripts
	$(BIN)/mypy
	$(BIN)/pytest
	$(MAKE) test-lowest

# The site built and checked with the lowest MkDocs and Material that pyproject.toml allows (the
# newest are in requirements/dev.txt, which `make test` uses), in a venv of its own.
LOWEST := .venv-lowest
test-lowest:
	$(PYTHON) -m venv $(LOWEST)
	$(LOWEST)/bin/pip install --quiet --require-hashes -r requirements/lowest.txt
	$(LOWEST)/bin/pip install --quiet --no-deps --no-build-isolation -e .
	$(LOWEST)/bin/python -m pytest -q -p no:cacheprovider tests/test_theme_drift.py tests/test_site.py

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

bench-extract-one: setup-extract
	$(BIN)/python benchmarks/extract_one.py

bench-scale: setup
	$(BIN)/python benchmarks/scale.py

fuzz: setup
	$(BIN)/python benchmarks/fuzz.py --inputs 10000

# pip-tools in a venv of its own, so that it never enters the project's.
lock:
	$(PYTHON) -m venv .venv-lock
	.venv-lock/bin/pip install --quiet "pip-tools>=7.4,<8"
	.venv-lock/bin/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras \
	  --no-emit-index-url --no-emit-find-links -o requirements/site.txt pyproject.toml \
	  requirements/build.in
	.venv-lock/bin/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras \
	  --no-emit-index-url --no-emit-find-links --extra extract --extra test \
	  -o requirements/dev.txt pyproject.toml requirements/extract-model.txt requirements/build.in
	.venv-lock/bin/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras \
	  --no-emit-index-url --no-emit-find-links \
	  -o requirements/lowest.txt pyproject.toml requirements/lowest.in requirements/build.in
