"""Pure functions over the compiled store: they return plain data (the --json shapes)."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from typing import Any

from ofsted_cli import dates
from ofsted_cli.errors import UsageError
from ofsted_cli.keys import key
from ofsted_cli.ratings import in_force

Row = dict[str, Any]


def resolve_council(conn: sqlite3.Connection, text: str) -> str:
    """Return the id of the council *text* names (id, any name, ONS code, DfE number)."""
    if conn.execute("SELECT 1 FROM councils WHERE id = ?", (text,)).fetchone():
        return text  # an exact id always wins (dorset, not dorset-former)
    k = key(text)
    ids = sorted(
        {r[0] for r in conn.execute("SELECT council_id FROM council_keys WHERE key = ?", (k,))}
    )
    if len(ids) == 1:
        return str(ids[0])
    if len(ids) > 1:
        current = [i for i in ids if _status(conn, i) == "current"]
        if len(current) == 1:  # "Dorset" is today's Dorset, not the county before 2019
            return str(current[0])
        names = ", ".join(f"{i} ({_name(conn, i)})" for i in ids)
        raise UsageError(f"{text!r} matches several councils: {names}; use an id")
    import difflib  # only on the error path

    keys = [r[0] for r in conn.execute("SELECT DISTINCT key FROM council_keys")]
    close = difflib.get_close_matches(k, keys, n=4, cutoff=0.6)
    hint = ""
    if close:
        found = sorted(
            {
                _name(conn, r[0])
                for c in close
                for r in conn.execute("SELECT council_id FROM council_keys WHERE key = ?", (c,))
            }
        )
        hint = "; did you mean " + " or ".join(repr(n) for n in found) + "?"
    raise UsageError(f"no council matches {text!r}{hint} (`ofsted councils` lists them)")


def _name(conn: sqlite3.Connection, cid: str) -> str:
    row = conn.execute("SELECT name FROM councils WHERE id = ?", (cid,)).fetchone()
    return str(row[0])


def _status(conn: sqlite3.Connection, cid: str) -> str:
    return str(conn.execute("SELECT status FROM councils WHERE id = ?", (cid,)).fetchone()[0])


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
        "sources": _sources(conn, cited),
    }


def _sources(conn: sqlite3.Connection, ids: set[str]) -> dict[str, Row]:
    out = {}
    for sid in sorted(ids):
        row = conn.execute("SELECT json FROM sources WHERE id = ?", (sid,)).fetchone()
        if row:
            out[sid] = json.loads(row[0])
    return out


def select_councils(
    conn: sqlite3.Connection,
    *,
    region: str | None = None,
    group: str | None = None,
    names: list[str] | None = None,
    former: bool | None = False,
    active_since: str | None = None,
) -> list[str]:
    """Council ids chosen by region, group and names (all filters apply together).

    *former*: False for current councils only, True for former only, None for both.
    *active_since*: keep a former council only if it still existed on this day: it was
    abolished later, or, where no source gives that day, it was still being inspected then.
    """
    sql, args = "SELECT id FROM councils WHERE 1=1", []
    if former is not None and not names:
        sql += " AND status = ?"
        args.append("former" if former else "current")
    if active_since and not names:
        # Former: until abolished where a source gives the day, else while still inspected.
        sql += (
            " AND (status = 'current' OR abolished_first > ? OR (abolished_first IS NULL "
            "AND (SELECT max(sort_day) FROM inspections WHERE council_id = councils.id "
            "AND sort_day < '9999') >= ?))"
        )
        args += [active_since, active_since]
    if region:
        sql += " AND region = ?"
        args.append(resolve_region(conn, region))
    if group:
        sql += " AND id IN (SELECT council_id FROM group_members WHERE group_id = ?)"
        args.append(resolve_group(conn, group))
    if names:
        ids = [resolve_council(conn, n) for n in names]
        sql += f" AND id IN ({','.join('?' * len(ids))})"
        args.extend(ids)
    return [r[0] for r in conn.execute(sql + " ORDER BY name", args)]


def resolve_region(conn: sqlite3.Connection, text: str) -> str:
    regions = [
        r[0]
        for r in conn.execute(
            "SELECT DISTINCT region FROM councils WHERE region IS NOT NULL ORDER BY region"
        )
    ]
    exact = [r for r in regions if key(r) == key(text)]
    partial = [r for r in regions if key(text) and key(text) in key(r)]
    found = exact or partial
    if len(found) == 1:
        return str(found[0])
    raise UsageError(
        f"no region {text!r}"
        if not found
        else f"{text!r} matches several regions" + "; regions: " + "; ".join(regions)
    )


def resolve_group(conn: sqlite3.Connection, text: str) -> str:
    groups = list(conn.execute("SELECT id, name FROM groups ORDER BY id"))
    for gid, name in groups:
        if key(text) in (key(gid), key(name)):
            return str(gid)
    listed = ", ".join(g for g, _ in groups) or "none defined"
    raise UsageError(f"no group {text!r}; groups: {listed}")


def statements(
    conn: sqlite3.Connection,
    *,
    council: str | None = None,
    speaker: str | None = None,
    search: str | None = None,
    since: str | None = None,
    until: str | None = None,
    inspection: str | None = None,
) -> list[Row]:
    """Statements matching every filter given, oldest first."""
    sql = "SELECT s.json, c.name FROM statements s JOIN councils c ON c.id = s.council_id WHERE 1=1"
    args: list[Any] = []
    if council:
        sql += " AND s.council_id = ?"
        args.append(resolve_council(conn, council))
    if speaker:
        sql += " AND (lower(s.speaker_name) LIKE ? OR lower(s.speaker_role) LIKE ?)"
        args += [f"%{speaker.lower()}%"] * 2
    if search:
        for word in search.lower().split():
            sql += " AND lower(s.text) LIKE ?"
            args.append(f"%{word}%")
    if since:
        sql += " AND s.date_last >= ?"
        args.append(since)
    if until:
        sql += " AND s.date_first <= ?"
        args.append(until)
    if inspection:
        if not conn.execute("SELECT 1 FROM inspections WHERE id = ?", (inspection,)).fetchone():
            raise UsageError(f"no inspection {inspection!r} (`ofsted show COUNCIL` lists ids)")
        sql += " AND s.inspection_id = ?"
        args.append(inspection)
    out = []
    for body, name in conn.execute(sql + " ORDER BY s.date_first, s.id", args):
        st = json.loads(body)
        st["council_name"] = name
        out.append(st)
    ids = {s for st in out for s in st["sources"]}
    srcs = _sources(conn, ids)
    for st in out:
        st["source_details"] = [srcs[s] for s in st["sources"] if s in srcs]
    return out


def councils(conn: sqlite3.Connection, ids: list[str], today: str | None = None) -> list[Row]:
    """Councils with their codes, region and the rating in force today."""
    today = today or dt.date.today().isoformat()
    out = []
    for cid in ids:
        c = _council(conn, cid)
        out.append(
            {
                "id": cid,
                "name": c["name"],
                "ons_code": c["ons_code"],
                "la_number": c["la_number"],
                "region": c["region"],
                "status": c["status"],
                "in_force": in_force(conn, cid, today),
            }
        )
    return out
