# Every target creates .venv first when it is missing, so a machine with only Python 3.11 works.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint check bench fmt fuzz clean

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

# `make test` runs the fuzzing suite on a fixed set of examples (derandomized, for stable CI);
# this runs many more, new ones each time. A failure prints the file that caused it.
FUZZ_EXAMPLES ?= 50000
fuzz: $(STAMP)
	OFSTED_FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) OFSTED_FUZZ_RANDOM=1 $(BIN)/pytest -p no:cacheprovider \
		tests/hostile/test_fuzz.py tests/unit/test_canonical.py

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
