"""Opening store files without trusting them (issue 13).

A cache file may be damaged, left by another version, or written by someone else. It is
opened read-only with `trusted_schema` off, through an escaped `file:` URI (a folder named
`a?b#c%d` is a folder, not a query string); it counts as a store only if its header carries
our application id and schema version and its schema is exactly the tables and indexes we
create: no view, no trigger, no column of someone else's. With *deep*, `PRAGMA quick_check`
reads every page as well; that is done whenever the file is not one this process family is
known to have written (its stamp, store/stamp.py, no longer matches it). A file that fails is
rebuilt, never followed.
"""

from __future__ import annotations

import sqlite3
from functools import cache
from pathlib import Path
from urllib.parse import quote

from ofsted_cli.store import build

META_KEYS = frozenset({"schema", "data_dir", "hash", "kinds"})


def uri(path: Path, mode: str) -> str:
    """A `file:` URI for *path* with SQLite's *mode* (ro, rw, rwc), special characters escaped."""
    return f"file:{quote(str(path.absolute()))}?mode={mode}"


def connect(path: Path, mode: str = "ro") -> sqlite3.Connection:
    """Open *path* (read-only unless *mode* says otherwise), with schema code never trusted."""
    conn = sqlite3.connect(uri(path, mode), uri=True, isolation_level=None)
    try:
        conn.execute("PRAGMA trusted_schema = OFF")
    except BaseException:
        conn.close()
        raise
    return conn


@cache
def expected_schema() -> frozenset[tuple[str, str, str, str | None]]:
    """Every row sqlite_master has in a store of ours: (type, name, table, sql)."""
    conn = sqlite3.connect(":memory:")
    try:
        build.create_tables(conn)
        build.create_indexes(conn)
        return frozenset(conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master"))
    finally:
        conn.close()


def verify(conn: sqlite3.Connection, *, deep: bool) -> dict[str, str] | None:
    """The meta table of the store open in *conn*; None if it is not a sound store of ours."""
    try:
        if conn.execute("PRAGMA application_id").fetchone()[0] != build.APPLICATION_ID:
            return None
        if conn.execute("PRAGMA user_version").fetchone()[0] != build.SCHEMA_VERSION:
            return None
        found = frozenset(conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master"))
        if found != expected_schema():
            return None
        if deep and conn.execute("PRAGMA quick_check").fetchall() != [("ok",)]:
            return None
        meta = {str(k): str(v) for k, v in conn.execute("SELECT key, value FROM meta")}
    except (sqlite3.DatabaseError, TypeError):
        return None
    if not META_KEYS <= meta.keys() or meta["schema"] != str(build.SCHEMA_VERSION):
        return None
    return meta
