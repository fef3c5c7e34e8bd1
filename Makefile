# Every target creates .venv first when it is missing, so a machine with only Python 3.11 works.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint check bench fmt clean

$(STAMP): pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	$(BIN)/python -m compileall -q src
	touch $(STAMP)

run: $(STAMP)  ## set up, then validate the shipped data and show the main queries
	$(BIN)/ofsted validate
	$(BIN)/ofsted show wirral
	$(BIN)/ofsted compare --year 2019 --group merseyside

test: $(STAMP)
	$(BIN)/coverage run -m pytest
	$(BIN)/coverage report

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/ofsted fmt --check

check: lint test

# compileall first: bytecode may not be written at run time (PYTHONDONTWRITEBYTECODE), and
# compiling our modules on every start would be measured as start-up time.
bench: $(STAMP)
	$(BIN)/python -m compileall -q src
	$(BIN)/python -m benchmarks.run $(BENCH_ARGS)

fmt: $(STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .coverage build src/*.egg-info
