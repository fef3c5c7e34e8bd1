"""The trend: on each 31 March, how many councils stood at each grade, under Ofsted's rule."""

from __future__ import annotations

import sqlite3
from typing import Any

from ofsted_cli.query.compare import tally
from ofsted_cli.query.scope import Scope, choose
from ofsted_cli.query.snapshot import in_force_on, rule


def first_year(conn: sqlite3.Connection) -> int | None:
    """The first year with a whole-service rating in force on 31 March."""
    row = conn.execute("SELECT min(pub_last) FROM inspections WHERE headline = 1").fetchone()
    if not row or not row[0]:
        return None
    year = int(row[0][:4])
    return year if row[0][5:] <= "03-31" else year + 1


def trend(
    conn: sqlite3.Connection, scope: Scope, first: int, last: int, today: str
) -> dict[str, Any]:
    """For each year, the councils that existed on 31 March and their ratings then: counts,
    shares, and whether any rests on a provisional record or on a year not yet complete."""
    chosen = choose(conn, scope)
    years = []
    for year in range(first, last + 1):
        r = rule(conn, year)
        found = in_force_on(conn, r.as_at, r)
        alive = [life for life in chosen if life.exists(r.as_at)]
        ratings = [found.get(life.id) for life in alive]
        counts = tally(ratings)
        total = len(alive)
        years.append(
            {
                "year": year,
                "as_at": r.as_at,
                "councils": total,
                "tally": counts,
                "shares": {k: round(n / total, 4) if total else 0.0 for k, n in counts.items()},
                "provisional": sum(1 for x in ratings if x and x.get("provisional")),
                "complete": r.published_by <= today,
                "rule": r.as_json(),
            }
        )
    return {"scope": scope.describe(), "years": years}
