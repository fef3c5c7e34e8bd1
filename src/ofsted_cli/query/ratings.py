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


def compare_year(conn: sqlite3.Connection, ids: list[str], year: int) -> Row:
    """Ratings in force on 1 January and 31 December of *year*, and what was published between."""
    first, last = f"{year:04d}-01-01", f"{year:04d}-12-31"
    rows: list[Row] = []
    unrated: list[Row] = []
    start_counts, end_counts = _zero(), _zero()
    moves = {"up": 0, "down": 0, "same": 0}
    good_at_some_point = 0
    for cid in ids:
        start = in_force(conn, cid, first)
        during = [
            _rating(json.loads(r[0]))
            for r in conn.execute(
                "SELECT json FROM inspections WHERE council_id = ? AND headline = 1 "
                "AND pub_last >= ? AND pub_last <= ? ORDER BY pub_last, id",
                (cid, first, last),
            )
        ]
        end = during[-1] if during else start
        change = _change(start, end)
        if change == "none":  # no rating at all: not yet inspected, or not yet in existence
            unrated.append(_who(conn, cid))
            continue
        if change in moves:
            moves[change] += 1
        _count(start_counts, start)
        _count(end_counts, end)
        grades = [r["overall"] for r in [start, *during] if r]
        good_at_some_point += any(g in ("good", "outstanding") for g in grades)
        rows.append(
            {**_who(conn, cid), "start": start, "published": during, "end": end, "change": change}
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
    for cid in ids:
        rating = in_force(conn, cid, day)
        if rating is None:
            unrated.append(_who(conn, cid))
            continue
        _count(counts, rating)
        rows.append({**_who(conn, cid), "in_force": rating})
    return {
        "period": {"as_of": day},
        "councils": rows,
        "unrated": unrated,
        "summary": {"in_force": counts, "councils": len(rows)},
    }


def _who(conn: sqlite3.Connection, cid: str) -> Row:
    name, region, status, abolished = conn.execute(
        "SELECT name, region, status, abolished FROM councils WHERE id = ?", (cid,)
    ).fetchone()
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
