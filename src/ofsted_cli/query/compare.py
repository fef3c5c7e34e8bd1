"""Councils side by side: who takes part, and their ratings over a year or on a day."""

from __future__ import annotations

import sqlite3

from ofsted_cli.query.councils import select_councils
from ofsted_cli.query.ratings import Row, compare_day, compare_year


def compare(
    conn: sqlite3.Connection,
    *,
    year: int | None = None,
    day: str | None = None,
    region: str | None = None,
    group: str | None = None,
    names: list[str] | None = None,
) -> Row:
    """Councils side by side over a year or on a day; former ones while they still existed."""
    first = f"{year:04d}-01-01" if year is not None else str(day)
    ids = select_councils(
        conn, region=region, group=group, names=names, former=None, active_since=first
    )
    return compare_year(conn, ids, year) if year is not None else compare_day(conn, ids, first)
