"""Fill a SQLite database from validated records: the tables the queries and exports read."""

from __future__ import annotations

import json
import sqlite3
from typing import TYPE_CHECKING, Any

from ofsted_cli.vocab import dates
from ofsted_cli.vocab.frameworks import FRAMEWORKS
from ofsted_cli.vocab.names import key

if TYPE_CHECKING:  # only a type here; importing the schema would pull in pydantic
    from ofsted_cli.dataset.schema import Records

SCHEMA = """
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE councils(id TEXT PRIMARY KEY, name TEXT, status TEXT, region TEXT,
  ons_code TEXT, la_number TEXT, urn TEXT, abolished TEXT, abolished_first TEXT, json TEXT);
CREATE TABLE council_keys(key TEXT, council_id TEXT);
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
"""
INDEXES = """
CREATE INDEX council_keys_key ON council_keys(key);
CREATE INDEX councils_region ON councils(region);
CREATE INDEX insp_council ON inspections(council_id, sort_day);
CREATE INDEX insp_in_force ON inspections(council_id, headline, pub_last);
CREATE INDEX insp_published ON inspections(headline, pub_last);
CREATE INDEX st_council ON statements(council_id, date_first);
CREATE INDEX st_inspection ON statements(inspection_id);
CREATE INDEX st_date ON statements(date_first);
CREATE INDEX figures_subject ON figures(subject);
"""


def fill(conn: sqlite3.Connection, recs: Records, meta: dict[str, str]) -> None:
    """Create the tables in *conn* and load every record of *recs*."""
    conn.executescript(SCHEMA)
    councils: list[tuple[Any, ...]] = []
    keys: list[tuple[str, str]] = []
    inspections: list[tuple[Any, ...]] = []
    for placed in recs["councils"]:
        c = placed.record
        body = c.model_dump(mode="json", exclude={"inspections"})
        abolished = dates.earliest(c.abolished).isoformat() if c.abolished else None
        councils.append(
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
            )
        )
        names = {c.id, c.name, *c.other_names, c.ons_code or "", c.la_number or ""}
        keys.extend((key(n), c.id) for n in names if n)
        for insp in c.inspections:
            inspections.append(_inspection(c.id, insp))
    conn.executemany("INSERT INTO councils VALUES (?,?,?,?,?,?,?,?,?,?)", councils)
    conn.executemany("INSERT INTO council_keys VALUES (?,?)", sorted(set(keys)))
    conn.executemany("INSERT INTO inspections VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", inspections)
    conn.executemany(
        "INSERT INTO statements VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
        (_statement(p.record) for p in recs["statements"]),
    )
    conn.executemany(
        "INSERT INTO sources VALUES (?,?,?,?,?,?,?)",
        (
            (
                s.id,
                s.kind,
                s.title,
                s.url,
                s.published,
                s.cutoff,
                json.dumps(s.model_dump(mode="json")),
            )
            for s in (p.record for p in recs["sources"])
        ),
    )
    for placed in recs["groups"]:
        g = placed.record
        conn.execute(
            "INSERT INTO groups VALUES (?,?,?)",
            (g.id, g.name, json.dumps(g.model_dump(mode="json"))),
        )
        conn.executemany(
            "INSERT OR IGNORE INTO group_members VALUES (?,?)", ((g.id, m) for m in g.members)
        )
    conn.executemany(
        "INSERT INTO figures VALUES (?,?,?)",
        (
            (p.record.id, p.record.subject, json.dumps(p.record.model_dump(mode="json")))
            for p in recs["figures"]
        ),
    )
    conn.executescript(INDEXES)
    conn.executemany("INSERT INTO meta VALUES (?,?)", sorted(meta.items()))
    conn.commit()


def _inspection(council_id: str, insp: Any) -> tuple[Any, ...]:
    fw = FRAMEWORKS[insp.framework]
    when = insp.published or insp.start or insp.end
    sort_day = dates.earliest(when).isoformat() if when else "9999-12-31"
    pub_first = dates.earliest(insp.published).isoformat() if insp.published else None
    pub_last = dates.latest(insp.published).isoformat() if insp.published else None
    start_first = dates.earliest(insp.start).isoformat() if insp.start else None
    start_last = dates.latest(insp.start).isoformat() if insp.start else None
    body = insp.model_dump(mode="json")
    return (
        insp.id,
        council_id,
        insp.framework,
        int(fw.headline),
        insp.start,
        insp.end,
        insp.published,
        sort_day,
        pub_first,
        pub_last,
        start_first,
        start_last,
        insp.judgements.get("overall_effectiveness"),
        int(insp.provisional),
        json.dumps(body),
    )


def _statement(st: Any) -> tuple[Any, ...]:
    first = dates.earliest(st.date).isoformat() if st.date else None
    last = dates.latest(st.date).isoformat() if st.date else None
    return (
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
        json.dumps(st.model_dump(mode="json")),
    )
