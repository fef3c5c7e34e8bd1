"""Cross-council queries run a fixed number of SQL statements, however many councils they
cover (issue 14: `compare` ran about three per council)."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from functools import partial
from typing import Any

import pytest
from benchmarks.generate import generate

from ofsted_cli.query import compare, councils, ratings
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


SCOPES: dict[str, dict[str, Any]] = {
    "one council": {"names": ["wirral"]},
    "a group": {"group": "merseyside"},
    "a region": {"region": "North West"},
    "every current council": {},
    "every council": {"former": None},
}


def _ids(conn: sqlite3.Connection, scope: str) -> list[str]:
    return councils.select_councils(conn, **SCOPES[scope])


@pytest.mark.parametrize(
    "query",
    [
        lambda c, ids: ratings.compare_year(c, ids, 2019),
        lambda c, ids: ratings.compare_day(c, ids, "2019-03-31"),
        lambda c, ids: councils.councils(c, ids, "2026-01-01"),
    ],
    ids=["compare_year", "compare_day", "councils"],
)
def test_statements_do_not_grow_with_councils(
    conn: sqlite3.Connection, query: Callable[[sqlite3.Connection, list[str]], Any]
) -> None:
    """One council or 250: the same statements."""
    sizes = {scope: len(_ids(conn, scope)) for scope in SCOPES}
    assert sizes["one council"] == 1 and sizes["every council"] > 200
    counts = {}
    for scope in SCOPES:
        ids = _ids(conn, scope)
        counts[scope] = _count(conn, partial(query, conn, ids))
    assert set(counts.values()) == {max(counts.values())} and max(counts.values()) <= 2, counts


def test_select_councils_runs_one_statement_per_filter(conn: sqlite3.Connection) -> None:
    """Choosing councils: one statement, and one more for each region, group or name given."""
    counts = {scope: _count(conn, partial(_ids, conn, scope)) for scope in SCOPES}
    assert counts == {
        "one council": 2,
        "a group": 2,
        "a region": 2,
        "every current council": 1,
        "every council": 1,
    }


@pytest.mark.parametrize("year", [2009, 2015, 2019, 2024])
def test_compare_is_one_statement_for_any_year(conn: sqlite3.Connection, year: int) -> None:
    """`compare --year` over every council: select, then two statements."""
    n = _count(conn, lambda: compare.compare(conn, year=year))
    assert n == 3
