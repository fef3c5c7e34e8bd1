"""The export's tables: described fully, built from the records, latest ratings as the queries."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pydantic import BaseModel

from ofsted_cli.dataset import models, pipeline
from ofsted_cli.export import rows
from ofsted_cli.export.tables import BY_NAME, TABLES
from ofsted_cli.query import rated
from ofsted_cli.query.scope import Scope
from ofsted_cli.store import cache
from ofsted_cli.vocab import dates
from tests.conftest import DATA


@pytest.fixture(scope="module")
def built() -> rows.Tables:
    checked = pipeline.validate_folder(DATA)
    assert checked.result.ok
    return rows.build(checked.records)


def test_every_model_field_has_a_description() -> None:
    """Every field of every model has a docstring, which the schemas and exports use."""
    found: list[type[BaseModel]] = [*models.RECORDS.values(), models.Inspection, models.Speaker]
    for model in found:
        for name, info in model.model_fields.items():
            assert info.description, f"{model.__name__}.{name} has no docstring"


def test_every_column_is_described_and_typed() -> None:
    """Every column has a type and a description; keys name real columns and tables."""
    for table in TABLES:
        assert table.description and table.title, table.name
        names = table.names
        assert len(names) == len(set(names)), table.name
        for column in table.columns:
            assert column.type in ("string", "integer", "number", "boolean", "date")
            assert column.description.strip(), f"{table.name}.{column.name}"
            if column.type == "date":
                assert f"{column.name}_precision" in names
        assert set(table.primary_key) <= set(names)
        for fk in table.foreign_keys:
            assert set(fk.columns) <= set(names)
            assert set(fk.ref) <= set(BY_NAME[fk.table].names)
            assert not BY_NAME[fk.table].view


def test_counts_match_the_data(built: rows.Tables) -> None:
    """One row per record, per judgement, per citation: nothing lost, nothing doubled."""
    checked = pipeline.validate_folder(DATA)
    counts = checked.result.counts
    for kind in ("councils", "statements", "sources", "groups", "figures", "inspections"):
        assert len(built[kind]) == counts[kind], kind
    recs = [p.record for p in checked.records["councils"]]
    assert len(built["judgements"]) == sum(len(i.judgements) for c in recs for i in c.inspections)
    cited = {(c.id, s) for c in recs for s in c.sources}
    assert {(r["council_id"], r["source_id"]) for r in built["council_sources"]} == cited
    assert len(built["latest_ratings"]) == sum(c.status == "current" for c in recs)


def test_primary_keys_are_unique(built: rows.Tables) -> None:
    """No two rows of a table share a primary key, and no key column is empty."""
    for table in TABLES:
        keys = [tuple(r[k] for k in table.primary_key) for r in built[table.name]]
        assert len(keys) == len(set(keys)), table.name
        assert all(all(v is not None for v in key) for key in keys), table.name


def test_partial_dates_keep_their_precision(built: rows.Tables) -> None:
    """A date is kept as given, with its precision beside it: no day is invented."""
    seen = set()
    for row in built["inspections"]:
        if row["published"]:
            assert row["published_precision"] == dates.precision(row["published"])
            seen.add(row["published_precision"])
        else:
            assert row["published_precision"] is None
    assert {"day"} <= seen


def test_wide_and_long_judgements_agree(built: rows.Tables) -> None:
    """Each judgement row is the inspection's area column, with its words and rank."""
    by_id = {r["id"]: r for r in built["inspections"]}
    for j in built["judgements"]:
        insp = by_id[j["inspection_id"]]
        assert insp[j["area"]] == j["grade"]
        assert insp[f"{j['area']}_label"] == j["grade_label"]
        assert insp["council_id"] == j["council_id"]
    wirral = by_id["wirral-sif-2016-09-20"]
    assert (wirral["overall_effectiveness"], wirral["overall_effectiveness_label"]) == (
        "inadequate",
        "Inadequate",
    )


def test_latest_ratings_agree_with_the_councils_command(
    built: rows.Tables, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """latest_ratings is what `ofsted councils` shows as the rating in force today."""
    monkeypatch.setenv("OFSTED_CACHE_DIR", str(tmp_path))
    conn = cache.open_store(DATA)
    today = dt.date.today().isoformat()
    listed = {c["id"]: c for c in rated.councils(conn, Scope(former=False), today)["councils"]}
    assert set(listed) == {row["council_id"] for row in built["latest_ratings"]}
    for row in built["latest_ratings"]:
        in_force = listed[row["council_id"]]["in_force"]
        if in_force is None:
            assert row["rating"] == "none_in_force" and row["inspection_id"] is None
        else:
            assert row["inspection_id"] == in_force["inspection"]
            assert row["rating"] == (in_force["overall"] or "no_overall_grade")
    conn.close()


def test_latest_ratings_say_when_there_is_no_overall_grade(built: rows.Tables) -> None:
    """A report under the April 2026 framework gives no grade: the row says so, and why."""
    ratings = {r["council_id"]: r for r in built["latest_ratings"]}
    liverpool = ratings["liverpool"]
    assert liverpool["framework"] == "ilacs_2026"
    assert (liverpool["rating"], liverpool["rating_label"]) == (
        "no_overall_grade",
        "no overall grade",
    )
    assert "April 2026" in liverpool["rating_note"]
    assert isinstance(liverpool["provisional"], bool)
    assert ratings["wirral"]["rating_label"] == "Requires improvement"
