"""What the record covers: the official releases' cut-off, and the provisional records after it."""

from __future__ import annotations

import datetime as dt
import sqlite3
from typing import Any

PROVISIONAL_NOTE = "provisional: not yet in an official Ofsted release"


def _long(day: str) -> str:
    d = dt.date.fromisoformat(day)
    return f"{d.day} {d.strftime('%B %Y')}"


def coverage(conn: sqlite3.Connection) -> dict[str, Any]:
    """The newest official release and its cut-off, and the newest provisional record."""
    release = conn.execute(
        "SELECT id, title, cutoff FROM sources WHERE kind = 'official_statistics' "
        "AND cutoff IS NOT NULL ORDER BY cutoff DESC, id LIMIT 1"
    ).fetchone()
    count, newest = conn.execute(
        "SELECT count(*), max(pub_last) FROM inspections WHERE provisional = 1"
    ).fetchone()
    out: dict[str, Any] = {
        "official_release": release[1] if release else None,
        "official_release_id": release[0] if release else None,
        "official_cutoff": release[2] if release else None,
        "provisional_records": count,
        "newest_provisional": newest,
    }
    parts = []
    if release:
        parts.append(
            f"Official record complete to reports published by {_long(release[2])} ({release[1]})."
        )
    if count:
        when = f" published up to {_long(newest)}" if newest else ""
        parts.append(
            f"{count} later records{when} are provisional: not yet in an official Ofsted release."
        )
    out["text"] = " ".join(parts) or "No official release is recorded in this data."
    return out
