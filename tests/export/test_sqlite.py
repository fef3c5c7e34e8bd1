"""The SQLite export: tidy tables with keys, FTS5, the latest_ratings view; served by Datasette."""

from __future__ import annotations

import asyncio
import json
import sqlite3
from pathlib import Path
from typing import Any

from datasette.app import Datasette

from ofsted_cli.export import rows, run
from ofsted_cli.export.tables import TABLES
from tests.conftest import DATA
from tests.export.conftest import Exporter


def _db(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"file:{path}?mode=ro", uri=True)


def _is_json(value: object) -> bool:
    """True for text that is a JSON object or list (the query cache's blobs)."""
    if not isinstance(value, str) or not value.startswith(("{", "[")):
        return False
    try:
        return isinstance(json.loads(value), (dict, list))
    except ValueError:
        return False


def test_tables_have_keys_and_no_json_blobs(shipped: Exporter) -> None:
    """Each table has its primary key, foreign keys and NOT NULLs; no column holds JSON."""
    with _db(shipped("sqlite")) as db:
        for table in TABLES:
            if table.view:
                continue
            info = db.execute(f"PRAGMA table_info({table.name})").fetchall()
            assert [r[1] for r in info] == table.names
            pk = [r[1] for r in sorted(info, key=lambda r: r[5]) if r[5]]
            assert pk == list(table.primary_key), table.name
            fks = {(r[3], r[2], r[4]) for r in db.execute(f"PRAGMA foreign_key_list({table.name})")}
            assert fks == {(f.columns[0], f.table, f.ref[0]) for f in table.foreign_keys}
            for row in db.execute(f"SELECT * FROM {table.name}"):
                assert not any(_is_json(v) for v in row), (table.name, row)
        assert db.execute("PRAGMA foreign_key_check").fetchall() == []


def test_rows_and_view_match_the_tables(shipped: Exporter) -> None:
    """Every table holds the rows built from the data; the view computes latest_ratings."""
    from ofsted_cli.dataset import pipeline

    built = rows.build(pipeline.validate_folder(DATA).records)
    with _db(shipped("sqlite")) as db:
        for table in TABLES:
            found = db.execute(f"SELECT * FROM {table.name}").fetchall()
            expected = [
                tuple(int(v) if isinstance(v, bool) else v for v in r.values())
                for r in built[table.name]
            ]
            assert sorted(found, key=repr) == sorted(expected, key=repr), table.name
        views = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'view'")]
        assert views == ["latest_ratings"]


def test_full_text_search(shipped: Exporter) -> None:
    """FTS5 over statement text, speaker and notes: a phrase, a stem, a speaker's name."""
    with _db(shipped("sqlite")) as db:

        def search(q: str) -> set[str]:
            sql = (
                "SELECT id FROM statements WHERE rowid IN "
                "(SELECT rowid FROM statements_fts WHERE statements_fts MATCH ?)"
            )
            return {r[0] for r in db.execute(sql, (q,))}

        quick = search('"quick fix"')
        with_phrase = {
            r[0] for r in db.execute("SELECT id, text FROM statements") if "quick fix" in r[1]
        }
        assert quick == with_phrase and "liverpool-2024-parsons" in quick
        assert search("speaker_name: Robinson")
        assert search("improve") >= search("improving")  # porter stemming


def test_indexes(shipped: Exporter) -> None:
    """The usual lookups have indexes: by council, by date, by source."""
    with _db(shipped("sqlite")) as db:
        names = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    for table in TABLES:
        for columns in table.indexes:
            assert f"idx_{table.name}_{'_'.join(columns)}" in names


def _get(db: Path, meta: dict[str, Any], url: str) -> Any:
    async def fetch() -> Any:
        ds = Datasette([str(db)], metadata=meta)
        response = await ds.client.get(url)
        assert response.status_code == 200, (url, response.text[:500])
        return response.json()

    return asyncio.run(fetch())


def test_datasette_serves_it(shipped: Exporter) -> None:
    """Datasette's JSON API: Wirral's judgements from the long table, a full-text search that
    finds 'quick fix' (and nothing for a word no statement has), the licence from metadata."""
    db = shipped("sqlite")
    meta = json.loads(run.sidecar(db).read_text(encoding="utf-8"))
    judged = _get(db, meta, "/ofsted/judgements.json?council_id=wirral&_shape=array&_size=max")
    assert {j["inspection_id"] for j in judged} >= {"wirral-sif-2016-09-20"}
    assert all(j["council_id"] == "wirral" and j["grade_label"] for j in judged)
    found = _get(db, meta, "/ofsted/statements.json?_search=%22quick+fix%22&_shape=array")
    assert "liverpool-2024-parsons" in {s["id"] for s in found}
    assert all("quick fix" in s["text"] for s in found)
    assert _get(db, meta, "/ofsted/statements.json?_search=zebracorn&_shape=array") == []
    served = _get(db, meta, "/-/metadata.json")
    assert "Open Government Licence" in served["license"]
    assert "MIT" in served["databases"]["ofsted"]["description"]
    ratings = _get(db, meta, "/ofsted/latest_ratings.json?council_id=liverpool&_shape=array")
    assert ratings[0]["rating"] == "no_overall_grade"
    faceted = _get(db, meta, "/ofsted/latest_ratings.json")
    assert set(faceted["facet_results"]) >= {"rating", "region"}


def test_metadata_describes_every_column(shipped: Exporter) -> None:
    """metadata.json gives each table a description and each column its description."""
    db = shipped("sqlite")
    meta = json.loads(run.sidecar(db).read_text(encoding="utf-8"))
    tables = meta["databases"]["ofsted"]["tables"]
    for table in TABLES:
        assert tables[table.name]["description"]
        assert set(tables[table.name]["columns"]) == set(table.names)
    assert meta["license_url"].startswith("https://www.nationalarchives.gov.uk/")


def test_reexport_is_byte_identical(shipped: Exporter, tmp_path: Path) -> None:
    """The same data gives the same bytes: sorted rows, no timestamps."""
    again = tmp_path / "ofsted.sqlite"
    run.export(DATA, "sqlite", again)
    assert again.read_bytes() == shipped("sqlite").read_bytes()
    assert run.sidecar(again).read_bytes() == run.sidecar(shipped("sqlite")).read_bytes()
