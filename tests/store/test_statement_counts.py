"""Cross-council queries run a fixed number of SQL statements, however many councils they
cover (issue 14: `compare` ran about three per council)."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from functools import partial
from typing import Any

import pytest
from benchmarks.generate import generate

from ofsted_cli.query import compare, rated, reports, snapshot, timeline, transitions, trend
from ofsted_cli.query.existence import Life
from ofsted_cli.query.scope import Scope, choose
from ofsted_cli.store import cache


@pytest.fixture(scope="module")
def conn(tmp_path_factory: pytest.TempPathFactory) -> Iterator[sqlite3.Connection]:
    """A store of the shipped data with 5,000 synthetic inspections and statements on top
    (50 more former councils, a few records on every current one)."""
    root = tmp_path_factory.mktemp("counts")
    data = generate(root / "data", 5_000, 5_000)
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("OFSTED_CACHE_DIR", str(root / "cache"))
        store = cache.open_store(data)
    yield store
    store.close()


def _count(conn: sqlite3.Connection, call: Callable[[], Any]) -> int:
    statements: list[str] = []
    conn.set_trace_callback(statements.append)
    try:
        call()
    finally:
        conn.set_trace_callback(None)
    return len(statements)


SCOPES: dict[str, Scope] = {
    "one council": Scope(names=("wirral",)),
    "a group": Scope(groups=("merseyside",)),
    "a region": Scope(regions=("North West",)),
    "every current council": Scope(former=False),
    "every council": Scope(),
}


def _chosen(conn: sqlite3.Connection, scope: str) -> list[Life]:
    return choose(conn, SCOPES[scope])


QUERIES: dict[str, tuple[bool, Callable[[sqlite3.Connection, list[Life], Scope], Any]]] = {
    # name: (takes the scope and chooses the councils itself, the query)
    "compare_year": (False, lambda c, chosen, scope: compare.compare_year(c, chosen, 2019)),
    "compare_day": (False, lambda c, chosen, scope: compare.compare_day(c, chosen, "2019-03-31")),
    "snapshot": (
        False,
        lambda c, chosen, scope: compare.compare_day(
            c, chosen, "2025-03-31", snapshot.rule(c, 2025)
        ),
    ),
    "timeline": (False, lambda c, chosen, scope: timeline.lanes(c, chosen, "2026-01-01")),
    "councils": (
        True,
        lambda c, chosen, scope: rated.councils(c, scope, "2026-01-01", ever=("good",)),
    ),
    "reports": (True, lambda c, chosen, scope: reports.reports(c, scope, since="2019-01-01")),
    "transitions": (True, lambda c, chosen, scope: transitions.transitions(c, scope)),
    "trend": (True, lambda c, chosen, scope: trend.trend(c, scope, 2014, 2025, "2026-01-01")),
}


@pytest.mark.parametrize("name", QUERIES)
def test_statements_do_not_grow_with_councils(conn: sqlite3.Connection, name: str) -> None:
    """One council or 250: the same statements (besides those that choose the councils)."""
    takes_scope, query = QUERIES[name]
    sizes = {scope: len(_chosen(conn, scope)) for scope in SCOPES}
    assert sizes["one council"] == 1 and sizes["every council"] > 200
    counts = {}
    for scope in SCOPES:
        chosen = _chosen(conn, scope)
        choosing = _count(conn, partial(_chosen, conn, scope)) if takes_scope else 0
        counts[scope] = _count(conn, partial(query, conn, chosen, SCOPES[scope])) - choosing
    assert len(set(counts.values())) == 1, counts


def test_choosing_councils_runs_one_statement_per_filter(conn: sqlite3.Connection) -> None:
    """Choosing councils: two statements, and one or two more for each region, group or name
    given (a group: its id, then its members)."""
    counts = {scope: _count(conn, partial(_chosen, conn, scope)) for scope in SCOPES}
    assert counts == {
        "one council": 3,
        "a group": 4,
        "a region": 3,
        "every current council": 2,
        "every council": 2,
    }


@pytest.mark.parametrize("year", [2009, 2015, 2019, 2024])
def test_compare_is_a_few_statements_for_any_year(conn: sqlite3.Connection, year: int) -> None:
    """`compare --year` over every council: choose them, then three statements."""
    n = _count(conn, lambda: compare.compare(conn, Scope(), year=year))
    assert n == 2 + 3
