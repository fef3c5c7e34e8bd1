"""Bring the store's tables to the data files' content, parsing only the records that changed.

Each file is cut into its records' texts (store/chunks.py); the store keeps each text's digest
with the ids of the records it gave. An update deletes the rows of the texts that are gone,
parses the texts whose digest is new, checks their records (the compiled validator, then the
rules that look at one record) and inserts their rows, then runs the cross-record rules for
what was added or removed (store/checks.py). A first build is the same with every text new.
Anything the fast path cannot vouch for raises Rejected: the caller then runs the full
validation, which reports each problem at its file:line:col (issue 14).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from ofsted_cli.dataset import loading
from ofsted_cli.dataset.index import Index
from ofsted_cli.dataset.records import Placed, Records
from ofsted_cli.store import build, checks, chunks
from ofsted_cli.store.chunks import DataFile
from ofsted_cli.vocab import dates
from ofsted_cli.vocab.kinds import KINDS

BATCH = 1 << 22
"""Parse new record texts in runs of about this many bytes, so that memory stays bounded."""
Validate = Callable[[str, Any], Any]


class Rejected(Exception):
    """The data may have a problem: the full validation decides, and places it."""


class Unchunkable(Exception):
    """A file's record texts do not parse one by one: parse it whole (args[0] is its name)."""


class Restart(Exception):
    """A file changed its kind: build the store afresh."""


@dataclass
class _Change:
    """What an update added and deleted: record ids by kind, inspections included."""

    added: dict[str, set[str]] = field(default_factory=dict)
    deleted: dict[str, set[str]] = field(default_factory=dict)

    def note(self, into: dict[str, set[str]], kind: str, ids: Any) -> None:
        into.setdefault(kind, set()).update(ids)


def apply(conn: sqlite3.Connection, files: list[DataFile], kinds: dict[str, str]) -> set[str]:
    """Update the store in *conn* (in a transaction the caller commits) to *files*' content.

    *files* are the changed files; *kinds* maps every data file's name to its kind, as the
    store has it ({} for a first build, which must be given every file). Return the kinds
    present now. Raise Rejected, Unchunkable or Restart.
    """
    first = not kinds
    validate = _validator()
    change = _Change()
    plans = [(f, f.digests()) for f in files]
    for f, digests in plans:
        if f.split.kind is not None and kinds.get(f.name, f.split.kind) != f.split.kind:
            raise Restart  # the texts are the same, the key above them is not
        if len(set(digests)) < len(digests):  # one record's text twice: a repeated id
            raise Rejected
        keep = set(digests)
        old = conn.execute("SELECT digest, ids FROM chunks WHERE file = ?", (f.name,))
        for digest, ids in old.fetchall():
            if digest not in keep:
                _delete(conn, change, kinds[f.name], f.name, digest, ids)
    now = dict(kinds)
    for f, digests in plans:
        have = {r[0] for r in conn.execute("SELECT digest FROM chunks WHERE file = ?", (f.name,))}
        fresh = [i for i, d in enumerate(digests) if d not in have]
        for start, stop in _runs(fresh, f.split):
            kind = _insert(conn, change, f, digests, start, stop, validate)
            if now.setdefault(f.name, kind) != kind:
                raise Restart
        conn.execute(
            "INSERT OR REPLACE INTO files VALUES (?,?,?,?)",
            (f.name, now.get(f.name), f.digest, int(f.split.kind is not None)),
        )
    if first:
        build.create_indexes(conn)
    present = {k for k in now.values() if k}
    if checks.failed(conn, change.added, change.deleted, present):
        raise Rejected
    return present


def _delete(
    conn: sqlite3.Connection, change: _Change, kind: str, name: str, digest: bytes, ids: str
) -> None:
    found = json.loads(ids)
    change.note(change.deleted, kind, found)
    if kind == "councils":
        rows = conn.execute(
            "SELECT id FROM inspections WHERE council_id IN (SELECT value FROM json_each(?))",
            (ids,),
        )
        change.note(change.deleted, "inspections", (r[0] for r in rows))
    build.delete_records(conn, kind, found)
    conn.execute("DELETE FROM chunks WHERE file = ? AND digest = ?", (name, digest))


def _insert(
    conn: sqlite3.Connection,
    change: _Change,
    f: DataFile,
    digests: list[bytes],
    start: int,
    stop: int,
    validate: Validate,
) -> str:
    """Parse, check and insert the records of texts *start* to *stop* of *f*; their kind."""
    doc = loading.load_bytes(f.split.text(start, stop), str(f.path))
    kind, items = _items(doc, f)
    if f.split.kind is not None and len(items) != stop - start:
        raise Unchunkable(f.name)
    records = Records(kinds_seen={kind})
    rows = build.Rows()
    ids: list[list[str]] = [[] for _ in range(stop - start)]
    for j, item in enumerate(items):
        record = validate(kind, item)
        if record is None:
            raise Rejected
        records.by_kind[kind].append(Placed(record, doc, (kind, j)))
        build.add_record(rows, kind, record)
        change.note(change.added, kind, (record.id,))
        if kind == "councils":
            change.note(change.added, "inspections", (i.id for i in record.inspections))
        ids[j if f.split.kind else 0].append(record.id)
    index = Index(records, dates.today())
    if any(next(iter(rule(index)), None) for rule in checks.LOCAL_RULES):
        raise Rejected
    try:
        rows.insert(conn)
    except sqlite3.IntegrityError:  # an id that another record has
        raise Rejected from None
    conn.executemany(
        "INSERT INTO chunks VALUES (?,?,?)",
        ((f.name, digests[start + i], json.dumps(r)) for i, r in enumerate(ids)),
    )
    doc.release()
    return kind


def _runs(fresh: list[int], split: chunks.Split) -> Iterator[tuple[int, int]]:
    """Consecutive new texts, in runs of at most about BATCH bytes."""
    start, size = -1, 0
    for prev, i in zip([-2, *fresh], fresh, strict=False):
        if start >= 0 and (i != prev + 1 or size >= BATCH):
            yield start, prev + 1
            start = -1
        if start < 0:
            start, size = i, 0
        size += len(split.chunks[i])
    if start >= 0:
        yield start, fresh[-1] + 1


def _items(doc: loading.Document, f: DataFile) -> tuple[str, list[Any]]:
    """The kind and the items of a parsed text, unless it has a problem."""
    whole = f.split.kind is None
    if doc.error:
        raise Rejected if whole else Unchunkable(f.name)
    data = doc.data
    if doc.duplicates or not isinstance(data, dict) or len(data) != 1:
        raise Rejected if whole else Unchunkable(f.name)
    kind, items = next(iter(data.items()))
    if kind not in KINDS or not isinstance(items, list):
        raise Rejected
    return str(kind), items


def _validator() -> Validate:
    """Validate one parsed item: the compiled schema where it is sound here, else the models."""
    from ofsted_cli.store import validator

    if not set(checks.LOCAL_RULES + checks.SQL_RULES + checks.WARNING_RULES) >= set(_rules()):
        raise Rejected  # a rule the fast path does not know: validate in full
    if validator.available():
        return validator.validate
    from pydantic import ValidationError

    from ofsted_cli.dataset import models

    def with_models(kind: str, item: Any) -> Any:
        try:
            return models.RECORDS[kind].model_validate(item)
        except ValidationError:
            return None

    return with_models


def _rules() -> tuple[Any, ...]:
    from ofsted_cli.dataset import rules

    return rules.RULES


def fill(conn: sqlite3.Connection, records: Records, files: list[DataFile]) -> set[str]:
    """Fill an empty store from records the full validation passed, each file in one piece.

    The safety net for data the fast path refused and the full validation accepts: it should
    not happen, and the tests check that it does not for the data and the test corpus.
    """
    rows = build.Rows()
    ids: dict[str, list[str]] = {str(f.path): [] for f in files}
    kinds: dict[str, str] = {}
    for kind, placed in records.by_kind.items():
        for p in placed:
            build.add_record(rows, kind, p.record)
            ids[p.doc.path].append(p.record.id)
            kinds[p.doc.path] = kind
    rows.insert(conn)
    for f in files:
        kind = kinds.get(str(f.path)) or _kind_of(f)
        conn.execute(
            "INSERT INTO chunks VALUES (?,?,?)", (f.name, f.digest, json.dumps(ids[str(f.path)]))
        )
        conn.execute("INSERT INTO files VALUES (?,?,?,?)", (f.name, kind, f.digest, 0))
    build.create_indexes(conn)
    return set(records.kinds_seen)


def _kind_of(f: DataFile) -> str:
    """The top-level key of a valid file that holds no records (`figures: []`)."""
    data = loading.load_bytes(f.blob, str(f.path)).data
    return str(next(iter(data))) if isinstance(data, dict) and data else ""
