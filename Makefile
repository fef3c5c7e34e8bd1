# Every target creates .venv first when it is missing, so a machine with only Python 3.11 works.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint check bench fmt fuzz clean browser images schemas compiled-schema

$(STAMP): pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev,charts]'
	$(BIN)/python -m compileall -q src
	touch $(STAMP)

run: $(STAMP)  ## set up, then validate the shipped data and show the main queries
	$(BIN)/ofsted validate
	$(BIN)/ofsted show wirral
	$(BIN)/ofsted compare --year 2019 --group merseyside

# The browser test (tests/output/test_browser.py) renders the HTML report in Debian's chromium.
# CI runs as root on a fresh Debian machine, so install it when missing; if that fails (no root,
# no Debian, no registry), carry on: the browser test then skips and says why.
browser:
	@command -v chromium >/dev/null 2>&1 || (apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium) \
		|| echo "chromium could not be installed: the browser test will be skipped" >&2

test: $(STAMP) browser
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

# The JSON Schemas that the data files' modelines name (editors validate as curators type);
# tests/export/test_schemas.py fails when they are out of date.
KINDS := councils statements sources groups figures
schemas: $(STAMP)
	mkdir -p schemas
	for kind in $(KINDS); do $(BIN)/ofsted schema $$kind > schemas/$$kind.schema.json || exit 1; done

# The models' core schema for the store's validator (store/validator.py says why); run it
# after changing dataset/models.py or dataset/validators.py (a test fails until you do).
compiled-schema: $(STAMP)
	$(BIN)/python -m ofsted_cli.store.validator

fmt: $(STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .coverage build src/*.egg-info

# The README's pictures, drawn from the shipped data (not by hand).
images: $(STAMP)
	mkdir -p docs/images
	$(BIN)/ofsted chart --group merseyside --out docs/images/merseyside.svg --width 1500 --force
	$(BIN)/ofsted chart --trend --out docs/images/trend.svg --width 1500 --force
