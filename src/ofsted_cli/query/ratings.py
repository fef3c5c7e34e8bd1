"""Ratings in force: which whole-service judgement stood on a day, and how a year changed it."""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from ofsted_cli.vocab.grades import GRADES

Row = dict[str, Any]


def in_force(conn: sqlite3.Connection, cid: str, day: str) -> Row | None:
    """The whole-service inspection in force on *day*: the latest published on or before it."""
    row = conn.execute(
        "SELECT json, pub_last FROM inspections WHERE council_id = ? AND headline = 1 "
        "AND pub_last <= ? ORDER BY pub_last DESC, id DESC LIMIT 1",
        (cid, day),
    ).fetchone()
    return _rating(json.loads(row[0])) if row else None


def rating_of(body: str) -> Row:
    """The rating an inspection's stored JSON gives (the shape of `in_force`)."""
    return _rating(json.loads(body))


def _rating(insp: Row) -> Row:
    overall = insp["judgements"].get("overall_effectiveness")
    out = {
        "inspection": insp["id"],
        "framework": insp["framework"],
        "published": insp["published"],
        "overall": overall,
    }
    if overall is None:
        out["note"] = (
            "the ILACS framework in force from April 2026 gives no overall effectiveness judgement"
            if insp["framework"] == "ilacs_2026"
            else "no overall effectiveness grade recorded"
        )
    return out


IN_FORCE = (
    "(SELECT json FROM inspections i WHERE i.council_id = c.id AND i.headline = 1 "
    "AND i.pub_last <= ?2 ORDER BY i.pub_last DESC, i.id DESC LIMIT 1)"
)
"""The in-force inspection's JSON of council `c` on day ?2, as a column (see `in_force`)."""
_WHO = "c.id, c.name, c.region, c.status, c.abolished"
_CHOSEN = "FROM json_each(?1) j CROSS JOIN councils c ON c.id = j.value"
"""The councils *ids* (?1, a JSON list), in their order: one statement for any number
(issue 14: no statement per council)."""


def compare_year(conn: sqlite3.Connection, ids: list[str], year: int) -> Row:
    """Ratings in force on 1 January and 31 December of *year*, and what was published between."""
    first, last = f"{year:04d}-01-01", f"{year:04d}-12-31"
    chosen = json.dumps(ids)
    during: dict[str, list[Row]] = {}
    for cid, body in conn.execute(
        "SELECT i.council_id, i.json FROM json_each(?1) j CROSS JOIN inspections i "
        "ON i.council_id = j.value WHERE i.headline = 1 AND i.pub_last >= ?2 "
        "AND i.pub_last <= ?3 ORDER BY i.council_id, i.pub_last, i.id",
        (chosen, first, last),
    ):
        during.setdefault(cid, []).append(_rating(json.loads(body)))
    rows: list[Row] = []
    unrated: list[Row] = []
    start_counts, end_counts = _zero(), _zero()
    moves = {"up": 0, "down": 0, "same": 0}
    good_at_some_point = 0
    for *who, body in conn.execute(
        f"SELECT {_WHO}, {IN_FORCE} {_CHOSEN} ORDER BY j.key", (chosen, first)
    ):
        start = _rating(json.loads(body)) if body else None
        published = during.get(who[0], [])
        end = published[-1] if published else start
        change = _change(start, end)
        if change == "none":  # no rating at all: not yet inspected, or not yet in existence
            unrated.append(_who(who))
            continue
        if change in moves:
            moves[change] += 1
        _count(start_counts, start)
        _count(end_counts, end)
        grades = [r["overall"] for r in [start, *published] if r]
        good_at_some_point += any(g in ("good", "outstanding") for g in grades)
        rows.append(
            {**_who(who), "start": start, "published": published, "end": end, "change": change}
        )
    return {
        "period": {"year": year, "from": first, "to": last},
        "councils": rows,
        "unrated": unrated,
        "summary": {
            "start": start_counts,
            "end": end_counts,
            "changes": moves,
            "good_or_outstanding_at_some_point": good_at_some_point,
            "councils": len(rows),
        },
    }


def compare_day(conn: sqlite3.Connection, ids: list[str], day: str) -> Row:
    """The ratings in force on one day."""
    rows: list[Row] = []
    unrated: list[Row] = []
    counts = _zero()
    for *who, body in conn.execute(
        f"SELECT {_WHO}, {IN_FORCE} {_CHOSEN} ORDER BY j.key", (json.dumps(ids), day)
    ):
        if body is None:
            unrated.append(_who(who))
            continue
        rating = _rating(json.loads(body))
        _count(counts, rating)
        rows.append({**_who(who), "in_force": rating})
    return {
        "period": {"as_of": day},
        "councils": rows,
        "unrated": unrated,
        "summary": {"in_force": counts, "councils": len(rows)},
    }


def _who(row: list[Any]) -> Row:
    cid, name, region, status, abolished = row
    return {"id": cid, "name": name, "region": region, "status": status, "abolished": abolished}


def _zero() -> dict[str, int]:
    return {
        "outstanding": 0,
        "good": 0,
        "requires_improvement": 0,
        "inadequate": 0,
        "adequate": 0,
        "no_overall_grade": 0,
        "none_in_force": 0,
    }


def _count(counts: dict[str, int], rating: Row | None) -> None:
    if rating is None:
        counts["none_in_force"] += 1
    else:
        counts[rating["overall"] or "no_overall_grade"] += 1


def _change(start: Row | None, end: Row | None) -> str:
    if start is None and end is None:
        return "none"
    if start is None:
        return "first"
    if end is None or start["overall"] is None or end["overall"] is None:
        return "not_comparable"
    a, b = GRADES[start["overall"]].rank, GRADES[end["overall"]].rank
    return "up" if b > a else "down" if b < a else "same"
