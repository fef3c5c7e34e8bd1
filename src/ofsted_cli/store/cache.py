"""The compiled store: the validated data as an indexed SQLite file, kept in step with the data.

Queries read this instead of parsing YAML and running pydantic. A query whose data files have
the stat its store's stamp records (store/stamp.py) opens the store and reads it: no file is
read or hashed. Otherwise the files whose stat moved are read and hashed; if their content
changed, a copy of the store is updated with just the records that changed (store/update.py)
and renamed into place; without a store, one is built the same way from every record. The
store is never trusted blindly (store/trust.py) and never written in place (store/place.py).
Data with a problem is refused with its first problems: queries need valid data (issue 13).
"""

from __future__ import annotations

import os
import sqlite3
import stat
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ofsted_cli.dataset.memory import no_gc
from ofsted_cli.errors import SHOWN_PROBLEMS, FileReadError, InvalidDataError
from ofsted_cli.store import build, place, trust
from ofsted_cli.store import stamp as stamps
from ofsted_cli.store.datafiles import Listing, listing, read_data

if TYPE_CHECKING:  # hashing is imported only when a file changed
    from ofsted_cli.store.chunks import DataFile


def cache_dir() -> Path:
    """Where compiled stores live: $OFSTED_CACHE_DIR, else the per-user cache directory."""
    env = os.environ.get("OFSTED_CACHE_DIR")
    if env:
        return Path(env)
    # The usual per-user cache folder of each OS (what platformdirs computes, without its import).
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
        return base / "ofsted-cli" / "Cache"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "ofsted-cli"
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "ofsted-cli"


def store_path(data_dir: Path) -> Path:
    """The store file of *data_dir* (its meta table names the folder: a shared name is rebuilt)."""
    import zlib  # a cheap, stable name for the folder

    key = f"{zlib.crc32(str(data_dir.resolve()).encode()):08x}"
    return cache_dir() / f"store-{key}.sqlite"


def open_store(data_dir: Path) -> sqlite3.Connection:
    """Return a read-only connection to the up-to-date store for *data_dir*.

    Raise InvalidDataError when the folder has no data files or the data has problems.
    """
    found = listing(data_dir)
    taken = time.time_ns()
    path = store_path(data_dir)
    old = _Existing.open(path, str(data_dir.resolve()))
    if old is not None and old.fresh(found):
        return old.conn
    with no_gc():
        return _Refresh(data_dir, found, taken, path).run(old)


def forget(data_dir: Path) -> None:
    """Remove the store of *data_dir* (and its stamp), so that the next query builds it."""
    path = store_path(data_dir)
    for p in (path, stamps.path_for(path)):
        if place.replaceable(p):
            place.discard(p)


@dataclass
class _Existing:
    """A store found in the cache that passed the checks, and its stamp if that vouches for it."""

    conn: sqlite3.Connection
    meta: dict[str, str]
    stamp: stamps.Stamp | None

    @classmethod
    def open(cls, path: Path, data_dir: str) -> _Existing | None:
        try:
            if not stat.S_ISREG(os.lstat(path).st_mode):
                return None  # not ours: a rename will not replace it either
        except OSError:
            return None
        stamp = stamps.read(path)
        try:
            conn = trust.connect(path)
        except sqlite3.Error:
            return None
        meta = trust.verify(conn, deep=False)
        if meta is not None and meta["data_dir"] == data_dir:
            if stamp is not None and stamp.vouches_for_store(path, meta["hash"]):
                return cls(conn, meta, stamp)
            meta = trust.verify(conn, deep=True)  # not known to be ours: read every page
            if meta is not None:
                return cls(conn, meta, None)
        conn.close()
        return None

    def fresh(self, listing: Listing) -> bool:
        """Whether the stamp shows that no data file changed since the store was built."""
        s = self.stamp
        return (
            s is not None
            and len(s.files) == len(listing)
            and all(s.unchanged(p.name, st) for p, st in listing)
        )


class _Refresh:
    """Bring the store of one data folder up to date: update it, or build it."""

    def __init__(self, data_dir: Path, listing: Listing, taken: int, path: Path) -> None:
        self.data_dir, self.listing, self.taken, self.path = data_dir, listing, taken, path
        self.read: dict[str, DataFile] = {}

    def file(self, p: Path) -> DataFile:
        from ofsted_cli.store.chunks import DataFile

        if p.name not in self.read:
            try:
                blob = read_data(p)
            except FileReadError as e:  # a FIFO, a device, too large, removed since listed…
                problem = f"{p}:1:1: {e.reason} ({e.code})"
                raise InvalidDataError(1, str(self.data_dir), [problem]) from None
            self.read[p.name] = DataFile.read(p, blob)
        return self.read[p.name]

    def run(self, old: _Existing | None) -> sqlite3.Connection:
        from ofsted_cli.store import update

        if old is not None:
            stored = {str(n): (str(k), bytes(d)) for n, k, d in old.conn.execute(_FILES)}
            if stored.keys() == {p.name for p, _ in self.listing}:
                changed = []
                for p, st in self.listing:
                    if old.stamp is not None and old.stamp.unchanged(p.name, st):
                        continue
                    f = self.file(p)
                    if stored[p.name][1] != f.digest:
                        changed.append(f)
                if not changed:
                    self._stamp(old.meta["hash"])
                    return old.conn
                kinds = {n: k for n, (k, _) in stored.items()}
                try:
                    return self._write(changed, kinds, old.conn)
                except update.Restart:
                    pass
                except update.Rejected:
                    return self._explain()
            old.conn.close()
        try:
            return self._write([self.file(p) for p, _ in self.listing], {}, None)
        except update.Rejected:
            return self._explain()

    def _write(
        self, files: list[DataFile], kinds: dict[str, str], base: sqlite3.Connection | None
    ) -> sqlite3.Connection:
        """Apply *files* to a copy of *base* (or to a new store) and put it in place."""
        from ofsted_cli.store import update
        from ofsted_cli.store.chunks import DataFile

        whole: set[str] = set()
        while True:
            target = _Target(self.path.parent)
            conn = target.connect()
            try:
                if base is not None:
                    base.backup(conn)
                else:
                    build.create_tables(conn)
                conn.execute("BEGIN")
                todo = [
                    DataFile.read(f.path, f.blob, whole=True) if f.name in whole else f
                    for f in files
                ]
                present = update.apply(conn, todo, kinds)
            except update.Unchunkable as e:
                target.discard(conn)
                whole.add(str(e.args[0]))
                continue
            except BaseException:
                target.discard(conn)
                raise
            return self._finish(target, conn, present)

    def _explain(self) -> sqlite3.Connection:
        """Run the full validation: raise its first problems, or (should the fast path have
        refused valid data) build the store from the records it validated."""
        from ofsted_cli.dataset import pipeline
        from ofsted_cli.store import update

        files = [self.file(p) for p, _ in self.listing]
        checked = pipeline.validate_blobs((f.path, f.blob) for f in files)
        errors = checked.result.errors
        if errors:
            shown = [p.parsable() for p in errors[:SHOWN_PROBLEMS]]
            raise InvalidDataError(len(errors), str(self.data_dir), shown)
        target = _Target(self.path.parent)
        conn = target.connect()
        try:
            build.create_tables(conn)
            conn.execute("BEGIN")
            present = update.fill(conn, checked.records, files)
        except BaseException:
            target.discard(conn)
            raise
        return self._finish(target, conn, present)

    def _finish(
        self, target: _Target, conn: sqlite3.Connection, kinds: set[str]
    ) -> sqlite3.Connection:
        from ofsted_cli.store import chunks

        rows = conn.execute("SELECT name, digest FROM files ORDER BY name").fetchall()
        content = chunks.digest(b"".join(n.encode() + b"\0" + d for n, d in rows)).hex()
        meta = {"schema": str(build.SCHEMA_VERSION), "data_dir": str(self.data_dir.resolve())}
        meta |= {"hash": content, "kinds": ",".join(sorted(kinds))}
        conn.executemany("INSERT OR REPLACE INTO meta VALUES (?,?)", sorted(meta.items()))
        conn.execute("COMMIT")
        done = target.done(conn, self.path)
        if target.installed:
            self._stamp(content)
        return done

    def _stamp(self, content: str) -> None:
        stamps.write(self.path, content, self.taken, {p.name: st for p, st in self.listing})


_FILES = "SELECT name, kind, digest FROM files"


class _Target:
    """Where a build is written: a temporary file in the cache folder, else memory."""

    def __init__(self, folder: Path) -> None:
        try:
            self.tmp: Path | None = place.temporary(folder)
        except OSError:  # no writable cache: answer from memory this time
            self.tmp = None
        self.installed = False

    def connect(self) -> sqlite3.Connection:
        conn = (
            trust.connect(self.tmp, "rw")
            if self.tmp is not None
            else sqlite3.connect(":memory:", isolation_level=None)
        )
        conn.execute("PRAGMA journal_mode = MEMORY")
        conn.execute("PRAGMA synchronous = OFF")
        return conn

    def discard(self, conn: sqlite3.Connection) -> None:
        conn.close()
        if self.tmp is not None:
            place.discard(self.tmp)

    def done(self, conn: sqlite3.Connection, path: Path) -> sqlite3.Connection:
        """A read-only connection to the finished store, renamed into place where allowed."""
        if self.tmp is None:
            conn.execute("PRAGMA query_only = ON")
            return conn
        conn.close()
        ro = trust.connect(self.tmp)  # opened before the rename: it reads this very file
        try:
            self.installed = place.install(self.tmp, path)
        except OSError:
            self.installed = False
        if not self.installed:
            place.discard(self.tmp)  # a private store: the open connection keeps it readable
        return ro
