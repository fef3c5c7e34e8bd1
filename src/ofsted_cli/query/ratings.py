"""Ratings in force: which whole-service judgement stood on a day, and how a year changed it."""

from __future__ import annotations

import json
import sqlite3
from typing import Any

Row = dict[str, Any]


def in_force(conn: sqlite3.Connection, cid: str, day: str) -> Row | None:
    """The whole-service inspection in force on *day*: the latest published on or before it."""
    row = conn.execute(
        "SELECT json, pub_last FROM inspections WHERE council_id = ? AND headline = 1 "
        "AND pub_last <= ? ORDER BY pub_last DESC, id DESC LIMIT 1",
        (cid, day),
    ).fetchone()
    return rating(json.loads(row[0])) if row else None


def rating(insp: Row) -> Row:
    """The rating an inspection record gives (the --json shape of a rating in force)."""
    overall = insp["judgements"].get("overall_effectiveness")
    out = {
        "inspection": insp["id"],
        "framework": insp["framework"],
        "start": insp.get("start"),
        "published": insp["published"],
        "overall": overall,
        "provisional": bool(insp.get("provisional")),
    }
    if overall is None:
        out["note"] = (
            "the ILACS framework in force from April 2026 gives no overall effectiveness judgement"
            if insp["framework"] == "ilacs_2026"
            else "no overall effectiveness grade recorded"
        )
    return out
