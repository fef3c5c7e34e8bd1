"""One council's whole record: identity, rating in force, inspections, statements, sources."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from typing import Any

from ofsted_cli.query.ratings import in_force
from ofsted_cli.vocab import dates

Row = dict[str, Any]


def _council(conn: sqlite3.Connection, cid: str) -> Row:
    body: Row = json.loads(
        conn.execute("SELECT json FROM councils WHERE id = ?", (cid,)).fetchone()[0]
    )
    return body


def show(
    conn: sqlite3.Connection, cid: str, since: int | None = None, today: str | None = None
) -> Row:
    """One council's whole record: identity, rating now, inspections, statements, sources."""
    today = today or dt.date.today().isoformat()
    lower = f"{since:04d}-01-01" if since else "0000"
    upper = "9999" if since else "9999-99"  # with --since, undated records are left out
    inspections = [
        json.loads(r[0])
        for r in conn.execute(
            "SELECT json FROM inspections WHERE council_id = ? AND sort_day >= ? "
            "AND sort_day < ? ORDER BY sort_day, id",
            (cid, lower, upper),
        )
    ]
    by_id = {i["id"]: i for i in inspections}
    for insp in inspections:
        insp["statements"] = []
    loose: list[Row] = []
    for (body,) in conn.execute(
        "SELECT json FROM statements WHERE council_id = ? ORDER BY date_first, id", (cid,)
    ):
        st = json.loads(body)
        if st["inspection"] in by_id:
            by_id[st["inspection"]]["statements"].append(st)
        elif st["date"] is None or st["date"] >= lower[: len(st["date"])]:
            loose.append(st)
    cited = {s for i in inspections for s in i["sources"]}
    cited |= {s for i in inspections for st in i["statements"] for s in st["sources"]}
    cited |= {s for st in loose for s in st["sources"]}
    figures = [
        json.loads(r[0])
        for r in conn.execute(
            "SELECT json FROM figures WHERE subject = ? OR subject IN "
            "(SELECT group_id FROM group_members WHERE council_id = ?) ORDER BY id",
            (cid, cid),
        )
    ]
    cited |= {s for f in figures for s in f["sources"]}
    council = _council(conn, cid)
    cited |= set(council.get("sources", []))
    # A former council's rating stood until the day before it was abolished, not today.
    ended = council.get("abolished")
    as_of = (dates.earliest(ended) - dt.timedelta(days=1)).isoformat() if ended else today
    now = in_force(conn, cid, as_of)
    return {
        "council": council,
        "in_force": {"as_of": as_of, **now} if now else None,
        "inspections": inspections,
        "other_statements": loose,
        "figures": figures,
        "sources": sources(conn, cited),
    }


def sources(conn: sqlite3.Connection, ids: set[str]) -> dict[str, Row]:
    out = {}
    for sid in sorted(ids):
        row = conn.execute("SELECT json FROM sources WHERE id = ?", (sid,)).fetchone()
        if row:
            out[sid] = json.loads(row[0])
    return out
