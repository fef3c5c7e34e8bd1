"""Councils: finding one by any name or code, choosing several, listing them."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from typing import Any

from ofsted_cli.errors import UsageError
from ofsted_cli.query.ratings import IN_FORCE, rating_of
from ofsted_cli.vocab.names import key

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
        # Former: until abolished where a source gives the day, else while still inspected
        # (the store's active_until: the day before abolition, or the last inspection).
        sql += " AND active_until >= ?"
        args.append(active_since)
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
    return [r[0] for r in conn.execute(sql + " ORDER BY name, id", args)]


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


def councils(conn: sqlite3.Connection, ids: list[str], today: str | None = None) -> list[Row]:
    """Councils with their codes, region and the rating in force today (one statement)."""
    today = today or dt.date.today().isoformat()
    out = []
    for cid, body, rating in conn.execute(
        f"SELECT c.id, c.json, {IN_FORCE} FROM json_each(?1) j CROSS JOIN councils c "
        "ON c.id = j.value ORDER BY j.key",
        (json.dumps(ids), today),
    ):
        c = json.loads(body)
        out.append(
            {
                "id": cid,
                "name": c["name"],
                "ons_code": c["ons_code"],
                "la_number": c["la_number"],
                "region": c["region"],
                "status": c["status"],
                "in_force": rating_of(rating) if rating else None,
            }
        )
    return out
