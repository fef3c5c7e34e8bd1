"""One council's whole record: identity, rating in force, inspections, statements, sources."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from typing import Any

from ofsted_cli.query.coverage import coverage
from ofsted_cli.query.ratings import in_force
from ofsted_cli.vocab import dates

Row = dict[str, Any]


def _council(conn: sqlite3.Connection, cid: str) -> Row:
    body: Row = json.loads(
        conn.execute("SELECT json FROM councils WHERE id = ?", (cid,)).fetchone()[0]
    )
    return body


PROVIDER_PAGE = "https://reports.ofsted.gov.uk/provider/44/{urn}"
"""Ofsted's page of a council's children's services reports, by its URN."""


def _relatives(
    conn: sqlite3.Connection, cid: str, council: Row, today: str
) -> tuple[list[Row], list[Row]]:
    """The councils *cid* succeeded (with their last rating) and those that succeeded it."""
    rows = conn.execute("SELECT id, name, abolished, json FROM councils").fetchall()
    names = {r[0]: r[1] for r in rows}
    before = []
    for pid, name, abolished, body in rows:
        if cid in json.loads(body).get("successors", []):
            # The rating in force the day before it was abolished; where no source gives
            # that day, its last rating.
            day = today
            if abolished:
                day = (dates.earliest(abolished) - dt.timedelta(days=1)).isoformat()
            last = in_force(conn, pid, day)
            before.append({"id": pid, "name": name, "abolished": abolished, "last_rating": last})
    after = [{"id": s, "name": names.get(s, s)} for s in council.get("successors", [])]
    return before, after


def show(
    conn: sqlite3.Connection,
    cid: str,
    since: int | None = None,
    today: str | None = None,
    *,
    lineage: bool = False,
) -> Row:
    """One council's whole record: identity, rating now, inspections, statements, sources;
    with *lineage*, its predecessors' inspections too."""
    today = today or dates.today()
    council = _council(conn, cid)
    predecessors, successors = _relatives(conn, cid, council, today)
    names = {cid: council["name"], **{p["id"]: p["name"] for p in predecessors}}
    whose = [cid, *([p["id"] for p in predecessors] if lineage else [])]
    lower = f"{since:04d}-01-01" if since else "0000"
    upper = "9999" if since else "9999-99"  # with --since, undated records are left out
    marks = ",".join("?" * len(whose))
    inspections = []
    for owner, body in conn.execute(
        f"SELECT council_id, json FROM inspections WHERE council_id IN ({marks}) "
        "AND sort_day >= ? AND sort_day < ? ORDER BY sort_day, id",
        (*whose, lower, upper),
    ):
        insp = json.loads(body)
        insp["council"] = owner
        insp["council_name"] = names.get(owner, owner)
        inspections.append(insp)
    by_id = {i["id"]: i for i in inspections}
    for insp in inspections:
        insp["statements"] = []
    loose: list[Row] = []
    for (body,) in conn.execute(
        f"SELECT json FROM statements WHERE council_id IN ({marks}) ORDER BY date_first, id",
        whose,
    ):
        st = json.loads(body)
        if st["inspection"] in by_id:
            by_id[st["inspection"]]["statements"].append(st)
        elif st["inspection"] is None and (
            st["date"] is None or st["date"] >= lower[: len(st["date"])]
        ):  # a statement about an inspection --since left out goes with it
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
    cited |= set(council.get("sources", []))
    # A former council's rating stood until the day before it was abolished, not today.
    ended = council.get("abolished")
    as_of = (dates.earliest(ended) - dt.timedelta(days=1)).isoformat() if ended else today
    now = in_force(conn, cid, as_of)
    found = sources(conn, cited)
    for st in [*loose, *(st for i in inspections for st in i["statements"])]:
        st["source_details"] = [found[s] for s in st["sources"] if s in found]
    urn = council.get("urn")
    return {
        "council": council,
        "links": {"ofsted_reports": PROVIDER_PAGE.format(urn=urn) if urn else None},
        "in_force": {"as_of": as_of, **now} if now else None,
        "predecessors": predecessors,
        "successors": successors,
        "lineage": lineage,
        "coverage": coverage(conn),
        "inspections": inspections,
        "other_statements": loose,
        "figures": figures,
        "sources": found,
    }


def sources(conn: sqlite3.Connection, ids: set[str]) -> dict[str, Row]:
    out = {}
    for sid in sorted(ids):
        row = conn.execute("SELECT json FROM sources WHERE id = ?", (sid,)).fetchone()
        if row:
            out[sid] = json.loads(row[0])
    return out
