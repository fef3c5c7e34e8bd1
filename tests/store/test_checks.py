"""The cross-record checks of an update look up what changed; they never walk big tables."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from ofsted_cli.dataset import rules
from ofsted_cli.store import cache, checks

BIG = ("refs", "inspections", "statements", "council_keys", "group_members", "figures")


@pytest.fixture()
def conn(data: Path) -> Iterator[sqlite3.Connection]:
    store = cache.open_store(data)
    yield store
    store.close()


def test_every_rule_is_checked_one_way_or_the_other() -> None:
    """Each cross-record rule is run per record by an update, or mirrored in SQL, or only
    warns: a new rule in none of the lists would make every update take the full validation."""
    lists = (checks.LOCAL_RULES, checks.SQL_RULES, checks.WARNING_RULES)
    assert set().union(*lists) == set(rules.RULES)
    assert sum(len(x) for x in lists) == len(rules.RULES)


@pytest.mark.parametrize("name", [c[0] for c in checks.CHECKS])
def test_check_plans_start_from_the_change(conn: sqlite3.Connection, name: str) -> None:
    """Each check starts from the small tables of what changed and only searches the store's
    tables through their indexes."""
    sql = next(c[2] for c in checks.CHECKS if c[0] == name)
    conn.execute("CREATE TEMP TABLE added(kind TEXT, id TEXT, PRIMARY KEY(kind, id))")
    conn.execute("CREATE TEMP TABLE gone(kind TEXT, id TEXT, PRIMARY KEY(kind, id))")
    conn.execute("CREATE TEMP TABLE touched(id TEXT PRIMARY KEY)")
    plan = [row[3] for row in conn.execute("EXPLAIN QUERY PLAN " + sql, (None,) * sql.count("?"))]
    scans = [step for step in plan if step.startswith("SCAN") and step.split()[1] in BIG]
    assert scans == [], plan
