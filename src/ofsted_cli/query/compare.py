"""Councils side by side: those that existed, and their ratings over a year or on a day.

Each answer takes a constant number of SQL statements, whatever the number of councils.
"""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from ofsted_cli.query.existence import Life
from ofsted_cli.query.ratings import Row, rating
from ofsted_cli.query.scope import Scope, choose
from ofsted_cli.query.snapshot import Rule, in_force_on, rule
from ofsted_cli.vocab.grades import GRADES, NO_OVERALL, NONE_IN_FORCE, TALLY_KEYS


def tally(ratings: list[Row | None]) -> dict[str, int]:
    """Grade code -> count of *ratings* (no overall grade and none in force counted apart)."""
    out = dict.fromkeys((*TALLY_KEYS, NONE_IN_FORCE), 0)
    for r in ratings:
        out[NONE_IN_FORCE if r is None else r["overall"] or NO_OVERALL] += 1
    return out


def _change(start: Row | None, end: Row | None) -> str:
    if start is None and end is None:
        return "none"
    if start is None:
        return "first"
    if end is None or start["overall"] is None or end["overall"] is None:
        return "not_comparable"
    a, b = GRADES[start["overall"]].rank, GRADES[end["overall"]].rank
    return "up" if b > a else "down" if b < a else "same"


def compare_year(conn: sqlite3.Connection, chosen: list[Life], year: int) -> Row:
    """Ratings on 1 January and 31 December of *year*, and the reports published between.

    A council takes part if it existed at some time in the year; it counts on each day only
    if it existed then (created in the year: not on 1 January; abolished: not on 31 December).
    """
    first, last = f"{year:04d}-01-01", f"{year:04d}-12-31"
    at_start, at_end = in_force_on(conn, first), in_force_on(conn, last)
    during: dict[str, list[Row]] = {}
    for cid, body in conn.execute(
        "SELECT council_id, json FROM inspections WHERE headline = 1 AND pub_last >= ? "
        "AND pub_last <= ? ORDER BY pub_last, id",
        (first, last),
    ):
        during.setdefault(cid, []).append(rating(json.loads(body)))
    rows, unrated = [], []
    starts: list[Row | None] = []
    ends: list[Row | None] = []
    moves = dict.fromkeys(
        ("up", "down", "same", "first", "not_comparable", "created", "abolished"), 0
    )
    good = 0
    for life in chosen:
        alive_start, alive_end = life.exists(first), life.exists(last)
        if not (alive_start or alive_end or _born_in(life, first, last)):
            continue
        start = at_start.get(life.id) if alive_start else None
        end = at_end.get(life.id) if alive_end else None
        published = during.get(life.id, [])
        if not alive_end:
            published = [r for r in published if life.exists(r["published"])]
        change = (
            _change(start, end)
            if alive_start and alive_end
            else ("created" if not alive_start else "abolished")
        )
        who = {**life.who(), "created": life.created}
        if change == "none":  # existed, but no whole-service rating yet
            unrated.append(who)
            continue
        if change in moves:
            moves[change] += 1
        if alive_start:
            starts.append(start)
        if alive_end:
            ends.append(end)
        graded = [r["overall"] for r in [start, *published, end] if r]
        good += any(g in ("good", "outstanding") for g in graded)
        rows.append(
            {**who, "start": start, "published": published, "end": end, "change": change,
             "existed": {"start": alive_start, "end": alive_end}}
        )  # fmt: skip
    return {
        "period": {"year": year, "from": first, "to": last},
        "councils": rows,
        "unrated": unrated,
        "summary": {
            "start": tally(starts),
            "end": tally(ends),
            "changes": moves,
            "good_or_outstanding_at_some_point": good,
            "councils": len(rows),
        },
    }


def _born_in(life: Life, first: str, last: str) -> bool:
    return bool(life.created and first <= life.created <= last)


def compare_day(
    conn: sqlite3.Connection, chosen: list[Life], day: str, snapshot: Rule | None = None
) -> Row:
    """The ratings in force on *day* (or under Ofsted's 31 March *snapshot* rule) of the
    councils that existed then."""
    found = in_force_on(conn, day, snapshot)
    rows: list[Row] = []
    unrated: list[dict[str, object]] = []
    for life in chosen:
        if not life.exists(day):
            continue
        r = found.get(life.id)
        if r is None:
            unrated.append(life.who())
        else:
            rows.append({**life.who(), "in_force": r})
    period: dict[str, Any] = {"as_of": day}
    if snapshot:
        period["snapshot"] = snapshot.as_json()
        period["rule"] = snapshot.text()
    return {
        "period": period,
        "councils": rows,
        "unrated": unrated,
        "summary": {"in_force": tally([r["in_force"] for r in rows]), "councils": len(rows)},
    }


def compare(
    conn: sqlite3.Connection,
    scope: Scope,
    *,
    year: int | None = None,
    day: str | None = None,
    snapshot: int | None = None,
) -> Row:
    """Councils side by side over a year, on a day, or at Ofsted's 31 March snapshot."""
    chosen = choose(conn, scope)
    if year is not None:
        return compare_year(conn, chosen, year)
    if snapshot is not None:
        r = rule(conn, snapshot)
        return compare_day(conn, chosen, r.as_at, r)
    return compare_day(conn, chosen, str(day))
