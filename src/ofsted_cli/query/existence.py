"""When each council existed: created when its predecessors were abolished, until abolished."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass


@dataclass(frozen=True)
class Life:
    """A council and the days it existed (ISO days; None where unbounded or unknown)."""

    id: str
    name: str
    region: str | None
    status: str
    created: str | None
    """The day its predecessors were abolished (None: before the record begins)."""
    abolished: str | None
    """The first day it no longer existed."""
    last_seen: str | None
    """Its last recorded inspection, for a former council no source gives an end for."""

    def exists(self, day: str) -> bool:
        """True when the council existed on *day*."""
        if self.created and day < self.created:
            return False
        if self.abolished:
            return day < self.abolished
        if self.status == "former":  # no source gives the day: while it was still inspected
            return self.last_seen is not None and day <= self.last_seen
        return True

    def who(self) -> dict[str, object]:
        """The identity fields every cross-council row carries."""
        return {
            "id": self.id,
            "name": self.name,
            "region": self.region,
            "status": self.status,
            "abolished": self.abolished,
        }


def lives(conn: sqlite3.Connection) -> dict[str, Life]:
    """Every council's life, in two statements."""
    rows = conn.execute(
        "SELECT id, name, region, status, abolished_first, json FROM councils ORDER BY name, id"
    ).fetchall()
    last = dict(
        conn.execute(
            "SELECT council_id, max(sort_day) FROM inspections WHERE sort_day < '9999' "
            "GROUP BY council_id"
        ).fetchall()
    )
    created: dict[str, str] = {}
    for _, _, _, _, abolished, body in rows:
        if abolished:
            for successor in json.loads(body).get("successors", []):
                created[successor] = max(created.get(successor, abolished), abolished)
    return {
        cid: Life(cid, name, region, status, created.get(cid), abolished, last.get(cid))
        for cid, name, region, status, abolished, _ in rows
    }
