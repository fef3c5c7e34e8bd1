"""The compiled validator is the models' own schema: same verdicts, same records."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from ofsted_cli.dataset import loading, models
from ofsted_cli.store import build, cache, validator
from tests.conftest import DATA, TESTS
from tests.store.conftest import edit


def test_compiled_schema_matches_the_models() -> None:
    """compiled_schema.py is what the models compile to now (else: `make compiled-schema`)."""
    assert validator.TARGET.read_text(encoding="utf-8") == validator.compile_source()
    assert validator.available()


def _items() -> Iterator[tuple[str, Any]]:
    """Every item of every YAML file of the shipped data and of the test corpus."""
    paths = sorted(DATA.glob("*.yaml")) + sorted((TESTS / "data").rglob("*.yaml"))
    for path in paths:
        data = loading.load_file(path).data
        if isinstance(data, dict):
            for kind, items in data.items():
                if kind in models.RECORDS and isinstance(items, list):
                    yield from ((kind, item) for item in items)


def _mutations(item: Any) -> Iterator[Any]:
    yield item
    if isinstance(item, dict):
        for key, value in item.items():
            yield {k: v for k, v in item.items() if k != key}
            odd: Any
            for odd in (None, 7, "", "2019-02-30", "2019-13", [], {}, True, 2.5, ["x"], [7]):
                yield {**item, key: odd}
            if isinstance(value, dict) and value:  # a speaker, judgements
                yield from ({**item, key: m} for m in _mutations(value))
            if isinstance(value, list) and value and isinstance(value[0], dict):  # inspections
                yield from ({**item, key: [m, *value[1:]]} for m in _mutations(value[0]))
        yield {**item, "colour": "red"}


def test_same_verdicts_and_records_as_the_models() -> None:
    """On the data, the test corpus and mutations of each (a field dropped, or given an odd
    value), the compiled validator accepts exactly what the model accepts, and gives the
    same record."""
    checked = 0
    for kind, item in _items():
        for case in _mutations(item):
            try:
                expected: Any = models.RECORDS[kind].model_validate(case)
            except ValidationError:
                expected = None
            got = validator.validate(kind, case)
            assert (got is None) == (expected is None), (kind, case)
            if got is not None:
                assert json.dumps(build.plain(got)) == json.dumps(expected.model_dump(mode="json"))
            checked += 1
    assert checked > 50_000


def test_store_uses_the_models_when_the_compiled_schema_is_stale(
    data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """When the installed pydantic_core or the model sources differ from those the schema was
    compiled from, updates validate with the models themselves."""
    monkeypatch.setattr(validator, "sources_digest", lambda: "changed")
    validator.available.cache_clear()
    try:
        assert not validator.available()
        cache.open_store(data).close()
        edit(data / "inspections.yaml", "name: Wirral\n", "name: Wirral Borough\n")
        conn = cache.open_store(data)
        assert conn.execute("SELECT name FROM councils WHERE id = 'wirral'").fetchone() == (
            "Wirral Borough",
        )
    finally:
        validator.available.cache_clear()
