"""Quoted responses, filtered."""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from ofsted_cli.errors import UsageError
from ofsted_cli.query.councils import resolve_council
from ofsted_cli.query.show import sources

Row = dict[str, Any]
MAX_WORDS = 100
"""The most different words `--search` takes (each is a condition of the query)."""


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
    # instr(), not LIKE: `%` and `_` are letters to a reader, wildcards to LIKE, and SQLite
    # refuses LIKE patterns over 50,000 bytes (issue #13). Both compare as lower() leaves them.
    if speaker:
        sql += " AND (instr(lower(s.speaker_name), ?) OR instr(lower(s.speaker_role), ?))"
        args += [speaker.lower()] * 2
    if search:
        words = sorted(set(search.lower().split()), key=search.lower().find)
        if len(words) > MAX_WORDS:
            raise UsageError(f"--search has {len(words):,} different words; at most {MAX_WORDS}")
        for word in words:
            sql += " AND instr(lower(s.text), ?)"
            args.append(word)
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
    srcs = sources(conn, ids)
    for st in out:
        st["source_details"] = [srcs[s] for s in st["sources"] if s in srcs]
    return out
