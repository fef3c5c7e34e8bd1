"""The SQLite export: tidy tables with keys, a latest_ratings view, full-text search.

sqlite-utils creates the tables (primary and foreign keys, NOT NULL), the indexes and the FTS5
index; the only SQL written here is the view. Rows go in sorted and nothing records the time,
so the same data gives the same bytes. It is not the query cache (store/), which is shaped for
the commands' lookups and may change with them.
"""

from __future__ import annotations

import errno
import sqlite3
from pathlib import Path
from typing import Any

import sqlite_utils

from ofsted_cli.export import spec
from ofsted_cli.export.rows import NOTE_2026, NOTE_NONE, NOTE_UNGRADED, Tables
from ofsted_cli.export.tables import TABLES
from ofsted_cli.vocab.grades import NO_OVERALL, NONE_IN_FORCE, words

_TYPES: dict[str, Any] = {
    "string": str,
    "date": str,
    "integer": int,
    "number": float,
    "boolean": int,
}
FTS_TOKENIZER = "porter"
"""Porter stemming: a search for 'improve' also finds 'improving' and 'improvement'."""


def _lit(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


# The rule of rows.latest_ratings in SQL: the latest published whole-service inspection, by
# the last day its (partial) publication date can mean, ties broken by id.
LATEST_RATINGS_SQL = f"""
WITH ranked AS (
  SELECT *, row_number() OVER (
    PARTITION BY council_id
    ORDER BY CASE published_precision
      WHEN 'day' THEN published
      WHEN 'month' THEN date(published || '-01', '+1 month', '-1 day')
      ELSE published || '-12-31' END DESC, id DESC
  ) AS n
  FROM inspections WHERE whole_service = 1 AND published IS NOT NULL
)
SELECT c.id AS council_id, c.name AS council_name, c.region AS region,
  CASE WHEN r.id IS NULL THEN {_lit(NONE_IN_FORCE)}
    WHEN r.overall_effectiveness IS NULL THEN {_lit(NO_OVERALL)}
    ELSE r.overall_effectiveness END AS rating,
  CASE WHEN r.id IS NULL THEN {_lit(words(NONE_IN_FORCE))}
    WHEN r.overall_effectiveness IS NULL THEN {_lit(words(NO_OVERALL))}
    ELSE r.overall_effectiveness_label END AS rating_label,
  CASE WHEN r.id IS NULL THEN {_lit(NOTE_NONE)}
    WHEN r.overall_effectiveness IS NOT NULL THEN NULL
    WHEN r.framework = 'ilacs_2026' THEN {_lit(NOTE_2026)}
    ELSE {_lit(NOTE_UNGRADED)} END AS rating_note,
  r.id AS inspection_id, r.framework AS framework, r.framework_label AS framework_label,
  r.published AS published, r.published_precision AS published_precision,
  r.provisional AS provisional
FROM councils AS c LEFT JOIN ranked AS r ON r.council_id = c.id AND r.n = 1
WHERE c.status = 'current'
ORDER BY c.id
"""


def index_name(table: str, columns: tuple[str, ...]) -> str:
    return f"idx_{table}_{'_'.join(columns)}"


def write(tables: Tables, path: Path) -> None:
    """Write *tables* as a new SQLite database at *path* (which must not exist yet)."""
    conn = sqlite3.connect(path)
    try:
        conn.execute("PRAGMA foreign_keys = ON")  # a dangling reference fails the export
        # A temporary file, renamed into place only when complete (target.py): no
        # journal and no syncing per batch, which made the export ten times slower.
        conn.execute("PRAGMA journal_mode = OFF")
        conn.execute("PRAGMA synchronous = OFF")
        db = sqlite_utils.Database(conn, execute_plugins=False)
        for table in TABLES:
            if table.view:
                db.create_view(table.name, LATEST_RATINGS_SQL.strip())
                continue
            _create(db, table, tables[table.name])
        conn.commit()
        conn.execute("VACUUM")
    except sqlite3.OperationalError as e:  # e.g. "database or disk is full"
        raise OSError(errno.EIO, str(e)) from e
    finally:
        conn.close()


def _create(db: sqlite_utils.Database, table: spec.Table, rows: list[dict[str, Any]]) -> None:
    t = db.table(table.name)
    pk = table.primary_key
    t.create(
        {c.name: _TYPES[c.type] for c in table.columns},
        pk=pk[0] if len(pk) == 1 else pk,
        foreign_keys=[(fk.columns[0], fk.table, fk.ref[0]) for fk in table.foreign_keys],
        not_null=[c.name for c in table.columns if c.required],
    )
    if rows:
        t.insert_all(rows)
    for columns in table.indexes:
        t.create_index(columns, index_name=index_name(table.name, columns))
    if table.search:
        t.enable_fts(list(table.search), create_triggers=True, tokenize=FTS_TOKENIZER)
