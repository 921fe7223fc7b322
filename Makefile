# Two commands do all the set-up: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: demo test assets lint check clean

# Runtime dependencies, pinned with hashes in the lock file.
$(BIN)/.base-installed: requirements/base.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --require-hashes -r requirements/base.txt
	$(BIN)/pip install --quiet --no-deps --no-build-isolation -e .
	touch $@

# Test and development dependencies, pinned the same way.
$(BIN)/.dev-installed: requirements/dev.txt $(BIN)/.base-installed
	$(BIN)/pip install --quiet --require-hashes -r requirements/dev.txt
	touch $@

# GOV.UK Frontend, htmx and axe-core from the npm registry, copied into partnerbase/static/vendor/.
node_modules/.installed: package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

partnerbase/static/vendor/.built: node_modules/.installed scripts/build-assets.mjs
	npm run --silent build
	touch $@

assets: partnerbase/static/vendor/.built

demo: $(BIN)/.base-installed assets
	mkdir -p var
	$(BIN)/partnerbase demo

# One pytest worker per core (pytest-xdist), idle workers taking tests from busy ones;
# PYTEST_ARGS="-n 0 …" runs in one process.
PYTEST_ARGS ?= -n auto --dist worksteal
test: $(BIN)/.dev-installed assets
	$(BIN)/pytest $(PYTEST_ARGS)

lint: $(BIN)/.dev-installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	$(BIN)/partnerbase makemigrations --check --dry-run

clean:
	rm -rf $(VENV) node_modules partnerbase/static/vendor var
