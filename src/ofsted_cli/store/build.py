"""The store's tables, and the rows each validated record becomes.

Records may be pydantic models (from the validation pipeline) or the store's own light records
(store/validator.py): both keep their fields in `__dict__`, in declaration order, which is
what `plain` reads, so that the same record gives the same rows either way.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from ofsted_cli.vocab import dates
from ofsted_cli.vocab.frameworks import FRAMEWORKS
from ofsted_cli.vocab.names import key

APPLICATION_ID = 0x0F57ED
"""SQLite's header field for the file's owner: a store of ofsted-cli, and nothing else."""
SCHEMA_VERSION = 9
"""Bumped whenever a table, a column, an index or the meaning of a row changes."""

TABLES = """
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE councils(id TEXT PRIMARY KEY, name TEXT, status TEXT, region TEXT,
  ons_code TEXT, la_number TEXT, urn TEXT, abolished TEXT, abolished_first TEXT, json TEXT,
  active_until TEXT);
CREATE TABLE council_keys(key TEXT, council_id TEXT, owned INT, claimed INT);
CREATE TABLE inspections(id TEXT PRIMARY KEY, council_id TEXT, framework TEXT, headline INT,
  start TEXT, end TEXT, published TEXT, sort_day TEXT, pub_first TEXT, pub_last TEXT,
  start_first TEXT, start_last TEXT, overall TEXT, provisional INT, json TEXT);
CREATE TABLE statements(id TEXT PRIMARY KEY, council_id TEXT, inspection_id TEXT,
  date TEXT, date_first TEXT, date_last TEXT, speaker_name TEXT, speaker_role TEXT,
  speaker_org TEXT, kind TEXT, text TEXT, json TEXT);
CREATE TABLE sources(id TEXT PRIMARY KEY, kind TEXT, title TEXT, url TEXT, published TEXT,
  cutoff TEXT, json TEXT);
CREATE TABLE groups(id TEXT PRIMARY KEY, name TEXT, json TEXT);
CREATE TABLE group_members(group_id TEXT, council_id TEXT, PRIMARY KEY(group_id, council_id));
CREATE TABLE figures(id TEXT PRIMARY KEY, subject TEXT, json TEXT);
CREATE TABLE refs(owner_kind TEXT, owner_id TEXT, field TEXT, to_id TEXT);
CREATE TABLE files(name TEXT PRIMARY KEY, kind TEXT, digest BLOB, chunked INT);
CREATE TABLE chunks(file TEXT, digest BLOB, ids TEXT, PRIMARY KEY(file, digest)) WITHOUT ROWID;
"""
"""The query tables (councils to figures), and the store's own: `refs` (every source and
successor a record names, for the cross-record checks of an update), `files` and `chunks`
(each data file's digest and each of its records' digests, to tell what an edit changed)."""

INDEXES = """
CREATE INDEX council_keys_key ON council_keys(key);
CREATE INDEX council_keys_council ON council_keys(council_id);
CREATE INDEX councils_region ON councils(region);
CREATE INDEX councils_active ON councils(active_until);
CREATE INDEX insp_council ON inspections(council_id, sort_day);
CREATE INDEX insp_in_force ON inspections(council_id, headline, pub_last);
CREATE INDEX insp_published ON inspections(headline, pub_last);
CREATE INDEX st_council ON statements(council_id, date_first);
CREATE INDEX st_inspection ON statements(inspection_id);
CREATE INDEX st_date ON statements(date_first);
CREATE INDEX figures_subject ON figures(subject);
CREATE INDEX group_members_council ON group_members(council_id);
CREATE INDEX refs_owner ON refs(owner_kind, owner_id);
CREATE INDEX refs_to ON refs(to_id, field);
"""
INTERNAL_TABLES = ("refs", "files", "chunks")
"""Tables for the store's bookkeeping, not for queries (an export may leave them out)."""


def create_tables(conn: sqlite3.Connection) -> None:
    """Create the tables (indexes come after the first bulk load: `create_indexes`)."""
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    _run(conn, TABLES)


def create_indexes(conn: sqlite3.Connection) -> None:
    _run(conn, INDEXES)


def _run(conn: sqlite3.Connection, script: str) -> None:
    # Statement by statement: executescript() would first commit the caller's transaction.
    for sql in script.split(";"):
        if sql.strip():
            conn.execute(sql)


def plain(value: Any) -> Any:
    """A record as JSON-ready data: what `model_dump(mode="json")` gives for our models."""
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if hasattr(value, "__dict__"):
        return {k: plain(v) for k, v in vars(value).items()}
    return value


@dataclass
class Rows:
    """Rows waiting to be inserted, by table."""

    tables: dict[str, list[tuple[Any, ...]]] = field(default_factory=dict)

    def add(self, table: str, row: tuple[Any, ...]) -> None:
        self.tables.setdefault(table, []).append(row)

    def insert(self, conn: sqlite3.Connection) -> None:
        """Insert every row; a repeated id raises sqlite3.IntegrityError."""
        for table, rows in self.tables.items():
            marks = ",".join("?" * len(rows[0]))
            # A group may list a member twice; the membership is one row.
            verb = "INSERT OR IGNORE" if table == "group_members" else "INSERT"
            conn.executemany(f"{verb} INTO {table} VALUES ({marks})", rows)
        self.tables.clear()


def add_record(rows: Rows, kind: str, record: Any) -> None:
    """Add the rows of one validated record of *kind* to *rows*."""
    _ADD[kind](rows, record)


def _refs(rows: Rows, kind: str, rid: str, name: str, targets: Iterable[str]) -> None:
    for target in targets:
        rows.add("refs", (kind, rid, name, target))


def _council(rows: Rows, c: Any) -> None:
    body = {k: plain(v) for k, v in vars(c).items() if k != "inspections"}
    abolished = dates.earliest(c.abolished).isoformat() if c.abolished else None
    rows.add(
        "councils",
        (
            c.id,
            c.name,
            c.status,
            c.region,
            c.ons_code,
            c.la_number,
            c.urn,
            c.abolished,
            abolished,
            json.dumps(body),
            _active_until(c, abolished),
        ),
    )
    owned = {key(c.id), key(c.name)}
    claimed = {key(n) for n in (c.name, *c.other_names)}
    names = {c.id, c.name, *c.other_names, c.ons_code or "", c.la_number or ""}
    for k in sorted({key(n) for n in names if n}):
        rows.add("council_keys", (k, c.id, int(k in owned), int(k in claimed)))
    _refs(rows, "councils", c.id, "sources", c.sources)
    _refs(rows, "councils", c.id, "successors", c.successors)
    for insp in c.inspections:
        rows.add("inspections", _inspection(c.id, insp))
        _refs(rows, "inspections", insp.id, "sources", insp.sources)


def _active_until(c: Any, abolished: str | None) -> str | None:
    """The last day a council took part in comparisons: always, for a current council; the
    day before its abolition; else, where no source gives that day, its last dated inspection
    (query/councils.py `select_councils`)."""
    if c.status == "current":
        return "9999-12-31"
    if abolished:
        return (dt.date.fromisoformat(abolished) - dt.timedelta(days=1)).isoformat()
    days = [d for insp in c.inspections if (d := _sort_day(insp)) < "9999"]
    return max(days, default=None)


def _sort_day(insp: Any) -> str:
    when = insp.published or insp.start or insp.end
    return dates.earliest(when).isoformat() if when else "9999-12-31"


def _inspection(council_id: str, insp: Any) -> tuple[Any, ...]:
    fw = FRAMEWORKS[insp.framework]
    pub_first = dates.earliest(insp.published).isoformat() if insp.published else None
    pub_last = dates.latest(insp.published).isoformat() if insp.published else None
    start_first = dates.earliest(insp.start).isoformat() if insp.start else None
    start_last = dates.latest(insp.start).isoformat() if insp.start else None
    return (
        insp.id,
        council_id,
        insp.framework,
        int(fw.headline),
        insp.start,
        insp.end,
        insp.published,
        _sort_day(insp),
        pub_first,
        pub_last,
        start_first,
        start_last,
        insp.judgements.get("overall_effectiveness"),
        int(insp.provisional),
        json.dumps(plain(insp)),
    )


def _statement(rows: Rows, st: Any) -> None:
    first = dates.earliest(st.date).isoformat() if st.date else None
    last = dates.latest(st.date).isoformat() if st.date else None
    rows.add(
        "statements",
        (
            st.id,
            st.council,
            st.inspection,
            st.date,
            first,
            last,
            st.speaker.name,
            st.speaker.role,
            st.speaker.organisation,
            st.kind,
            st.text,
            json.dumps(plain(st)),
        ),
    )
    _refs(rows, "statements", st.id, "sources", st.sources)


def _source(rows: Rows, s: Any) -> None:
    body = json.dumps(plain(s))
    rows.add("sources", (s.id, s.kind, s.title, s.url, s.published, s.cutoff, body))
    _refs(rows, "sources", s.id, "includes", getattr(s, "includes", ()))


def _group(rows: Rows, g: Any) -> None:
    rows.add("groups", (g.id, g.name, json.dumps(plain(g))))
    for m in g.members:
        rows.add("group_members", (g.id, m))
    _refs(rows, "groups", g.id, "sources", g.sources)


def _figure(rows: Rows, f: Any) -> None:
    rows.add("figures", (f.id, f.subject, json.dumps(plain(f))))
    _refs(rows, "figures", f.id, "sources", f.sources)


_ADD = {
    "councils": _council,
    "statements": _statement,
    "sources": _source,
    "groups": _group,
    "figures": _figure,
}

_DELETE = {
    "councils": (
        "DELETE FROM refs WHERE owner_kind = 'inspections' AND owner_id IN "
        "(SELECT id FROM inspections WHERE council_id IN (SELECT value FROM json_each(?1)))",
        "DELETE FROM inspections WHERE council_id IN (SELECT value FROM json_each(?1))",
        "DELETE FROM council_keys WHERE council_id IN (SELECT value FROM json_each(?1))",
    ),
    "groups": ("DELETE FROM group_members WHERE group_id IN (SELECT value FROM json_each(?1))",),
}


def delete_records(conn: sqlite3.Connection, kind: str, ids: list[str]) -> None:
    """Delete the records *ids* of *kind* and every row that came from them."""
    args = (json.dumps(ids),)
    for sql in _DELETE.get(kind, ()):
        conn.execute(sql, args)
    conn.execute(
        "DELETE FROM refs WHERE owner_kind = ? AND owner_id IN (SELECT value FROM json_each(?))",
        (kind, args[0]),
    )
    conn.execute(f"DELETE FROM {kind} WHERE id IN (SELECT value FROM json_each(?))", args)
