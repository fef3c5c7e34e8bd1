"""Finding a council, a region or a group from what people type."""

from __future__ import annotations

import sqlite3
from typing import Any

from ofsted_cli.errors import UsageError
from ofsted_cli.vocab.names import key

Row = dict[str, Any]


def resolve_council(conn: sqlite3.Connection, text: str) -> str:
    """Return the id of the council *text* names (id, any name in common forms, a code)."""
    from ofsted_cli.query.names import resolve

    return resolve(conn, text)


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
