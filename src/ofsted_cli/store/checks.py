"""The cross-record rules as SQL over the store, for the records an update added or removed.

An update re-checks the records it parsed with the rules that look at one record at a time
(the functions of dataset/rules_records.py, run as they are); the rules that relate records
to each other run here, over the store's tables, limited to the pairs an added or a removed
record takes part in: the store held a valid data set before the update, so any new problem
involves one of them (issue 14). Each statement mirrors one rule of dataset/rules.py and
answers only whether a problem exists; where one does, the full validation finds and places
it. A rule of `rules.RULES` that is in neither list below turns the fast path off.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable
from typing import Any

from ofsted_cli.dataset import rules_ids, rules_records

LOCAL_RULES: tuple[Callable[..., Any], ...] = (
    rules_records.abolished_only_former,
    rules_records.date_order,
    rules_records.no_future_dates,
    rules_records.judgements_fit_framework,
    rules_records.one_inspection_once,
)
"""Rules that look at each record alone: run on the records an update parsed."""
SQL_RULES: tuple[Callable[..., Any], ...] = (
    rules_ids.unique_ids,  # the tables' primary keys
    rules_ids.references,
    rules_ids.figure_subjects,
    rules_ids.statement_inspections,
    rules_ids.names_belong_to_one_council,
    rules_ids.source_inclusions,
    rules_records.provisional_marked,
)
"""Rules that relate records: the statements below."""
WARNING_RULES: tuple[Callable[..., Any], ...] = (rules_records.no_formula_text,)
"""Rules that only warn: they never refuse data, so an update need not run them."""

# CROSS JOIN fixes the join order (the small table first) and a unary + keeps an index off a
# column: without statistics, SQLite's planner might otherwise walk every reference.
_OFFICIAL = (
    "EXISTS (SELECT 1 FROM refs r CROSS JOIN sources s ON s.id = r.to_id WHERE "
    "r.owner_kind = 'inspections' AND r.owner_id = i.id AND +r.field = 'sources' "
    "AND s.kind = 'official_statistics')"
)
_NOT_IN_FORCE = (
    f"CASE WHEN i.provisional THEN {_OFFICIAL} ELSE ?1 IS NOT NULL AND "
    f"coalesce(i.pub_first, i.start_first) > ?1 AND NOT {_OFFICIAL} END"
)
_SUCCESSION = " OR ".join(
    "EXISTS (SELECT 1 FROM refs r WHERE r.owner_kind = 'councils' AND +r.field = 'successors' "
    f"AND r.owner_id = {x}.council_id AND r.to_id = {y}.council_id)"
    for x, y in (("a", "b"), ("b", "a"))
)
_BELONGS = (
    "EXISTS (SELECT 1 FROM inspections i WHERE i.id = s.inspection_id "
    "AND i.council_id = s.council_id)"
)
_SUBJECT = (
    "(EXISTS (SELECT 1 FROM councils c WHERE c.id = f.subject) "
    "OR EXISTS (SELECT 1 FROM groups g WHERE g.id = f.subject))"
)

CHECKS: tuple[tuple[str, frozenset[str], str], ...] = (
    (
        "a cited source exists",
        frozenset({"sources"}),
        "SELECT 1 FROM added a CROSS JOIN refs r ON r.owner_kind = a.kind AND r.owner_id = a.id "
        "WHERE r.field = 'sources' AND NOT EXISTS (SELECT 1 FROM sources s WHERE s.id = r.to_id)",
    ),
    (
        "a removed source is not cited",
        frozenset({"sources"}),
        "SELECT 1 FROM gone g CROSS JOIN refs r ON r.field = 'sources' AND r.to_id = g.id "
        "WHERE g.kind = 'sources'",
    ),
    (
        "an inspection a release includes exists",
        frozenset({"councils"}),
        "SELECT 1 FROM added a CROSS JOIN refs r ON r.owner_kind = 'sources' AND r.owner_id = a.id "
        "WHERE a.kind = 'sources' AND r.field = 'includes' "
        "AND NOT EXISTS (SELECT 1 FROM inspections i WHERE i.id = r.to_id)",
    ),
    (
        "a removed inspection is not one a release includes",
        frozenset({"councils"}),
        "SELECT 1 FROM gone g CROSS JOIN refs r ON r.field = 'includes' AND r.to_id = g.id "
        "WHERE g.kind = 'inspections'",
    ),
    (
        "a successor exists",
        frozenset({"councils"}),
        "SELECT 1 FROM added a CROSS JOIN refs r "
        "ON r.owner_kind = 'councils' AND r.owner_id = a.id "
        "WHERE a.kind = 'councils' AND r.field = 'successors' "
        "AND NOT EXISTS (SELECT 1 FROM councils c WHERE c.id = r.to_id)",
    ),
    (
        "a statement's council exists",
        frozenset({"councils"}),
        "SELECT 1 FROM added a CROSS JOIN statements s ON s.id = a.id WHERE a.kind = 'statements' "
        "AND NOT EXISTS (SELECT 1 FROM councils c WHERE c.id = s.council_id)",
    ),
    (
        "a group's members exist",
        frozenset({"councils"}),
        "SELECT 1 FROM added a CROSS JOIN group_members m ON m.group_id = a.id "
        "WHERE a.kind = 'groups' "
        "AND NOT EXISTS (SELECT 1 FROM councils c WHERE c.id = m.council_id)",
    ),
    (
        "a removed council is not named",
        frozenset({"councils"}),
        "SELECT 1 FROM gone g WHERE g.kind = 'councils' AND ("
        "EXISTS (SELECT 1 FROM refs r WHERE r.field = 'successors' AND r.to_id = g.id) "
        "OR EXISTS (SELECT 1 FROM statements s WHERE s.council_id = g.id) "
        "OR EXISTS (SELECT 1 FROM group_members m WHERE m.council_id = g.id))",
    ),
    (
        "a figure's subject exists",
        frozenset({"councils", "groups"}),
        f"SELECT 1 FROM added a CROSS JOIN figures f ON f.id = a.id WHERE a.kind = 'figures' "
        f"AND NOT {_SUBJECT}",
    ),
    (
        "a removed council or group is no figure's subject",
        frozenset({"councils", "groups"}),
        "SELECT 1 FROM gone g CROSS JOIN figures f ON f.subject = g.id "
        f"WHERE g.kind IN ('councils', 'groups') AND NOT {_SUBJECT}",
    ),
    (
        "a statement's inspection is of its council",
        frozenset({"councils"}),
        "SELECT 1 FROM added a CROSS JOIN statements s ON s.id = a.id WHERE a.kind = 'statements' "
        f"AND s.inspection_id IS NOT NULL AND NOT {_BELONGS}",
    ),
    (
        "a changed inspection is still its statements' council's",
        frozenset({"councils"}),
        "SELECT 1 FROM touched t CROSS JOIN statements s ON s.inspection_id = t.id "
        f"WHERE NOT {_BELONGS}",
    ),
    (
        "an added council's names are no other council's",
        frozenset(),
        "SELECT 1 FROM added x CROSS JOIN council_keys a ON a.council_id = x.id "
        "CROSS JOIN council_keys b ON b.key = a.key AND b.council_id <> a.council_id "
        f"WHERE x.kind = 'councils' AND a.claimed AND b.owned AND NOT ({_SUCCESSION})",
    ),
    (
        "no other council's names are an added council's",
        frozenset(),
        "SELECT 1 FROM added x CROSS JOIN council_keys b ON b.council_id = x.id "
        "CROSS JOIN council_keys a ON a.key = b.key AND a.council_id <> b.council_id "
        f"WHERE x.kind = 'councils' AND a.claimed AND b.owned AND NOT ({_SUCCESSION})",
    ),
)


def _load(conn: sqlite3.Connection, table: str, rows: Iterable[tuple[str, ...]]) -> None:
    conn.execute(f"DELETE FROM temp.{table}")
    marks = ",".join("?" * (1 if table == "touched" else 2))
    conn.executemany(f"INSERT OR IGNORE INTO temp.{table} VALUES ({marks})", rows)


def failed(
    conn: sqlite3.Connection,
    added: dict[str, set[str]],
    deleted: dict[str, set[str]],
    kinds: set[str],
) -> str | None:
    """The first rule the update breaks, in words; None when it breaks none.

    *added* and *deleted* hold record ids by kind (with 'inspections' for the inspections of
    the councils added and deleted); *kinds* are the kinds of data file present (a reference
    to a kind is checked only when a file of it is present, as in dataset/index.py).
    """
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS added(kind TEXT, id TEXT, PRIMARY KEY(kind, id))")
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS gone(kind TEXT, id TEXT, PRIMARY KEY(kind, id))")
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS touched(id TEXT PRIMARY KEY)")
    _load(conn, "added", ((k, i) for k, ids in added.items() for i in ids))
    gone = {k: ids - added.get(k, set()) for k, ids in deleted.items()}
    _load(conn, "gone", ((k, i) for k, ids in gone.items() for i in ids))
    touched = added.get("inspections", set()) | deleted.get("inspections", set())
    _load(conn, "touched", ((i,) for i in touched))
    for name, needs, sql in CHECKS:
        if needs <= kinds and conn.execute(sql + " LIMIT 1").fetchone():
            return name
    cutoff = conn.execute(
        "SELECT max(cutoff) FROM sources WHERE kind = 'official_statistics'"
    ).fetchone()[0]
    if added.get("sources") or deleted.get("sources"):  # the cut-off may have moved
        scope = "inspections i"
    else:
        scope = "added a CROSS JOIN inspections i ON i.id = a.id AND a.kind = 'inspections'"
    if conn.execute(f"SELECT 1 FROM {scope} WHERE {_NOT_IN_FORCE} LIMIT 1", (cutoff,)).fetchone():
        return "a report after the official cut-off is provisional, and only then"
    return None
