"""The compiled store: the validated data as an indexed SQLite file, rebuilt only on change.

Queries read this instead of parsing YAML and running pydantic. The cache key is the content
hash of the data files; a cheap stat signature (size, mtime, ctime, inode) skips hashing when
nothing was touched, and files changed within two seconds of the build are always hashed (the
"racy clean" rule git uses), so the store is never stale. Builds write a temporary file and
rename it into place, so two processes building at once both end with a complete store.
"""

from __future__ import annotations

import os
import sqlite3
import sys
import time
from pathlib import Path

from ofsted_cli.errors import InvalidDataError

SCHEMA_VERSION = "7"
_RACY_NS = 2_000_000_000


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


def _stat_signature(files: list[Path]) -> tuple[str, int]:
    parts, newest = [], 0
    for p in files:
        st = p.stat()
        # ctime too: a write always moves it, even when mtime is set back (touch -d, rsync -t).
        parts.append(f"{p.name}:{st.st_size}:{st.st_mtime_ns}:{st.st_ctime_ns}:{st.st_ino}")
        newest = max(newest, st.st_mtime_ns, st.st_ctime_ns)
    return "|".join(parts), newest


def _store_path(data_dir: Path) -> Path:
    import zlib  # a cheap, stable name for the folder; collisions only share a cache file name

    key = f"{zlib.crc32(str(data_dir.resolve()).encode()):08x}"
    return cache_dir() / f"store-{key}.sqlite"


def open_store(data_dir: Path) -> sqlite3.Connection:
    """Return a read-only connection to the up-to-date store for *data_dir*.

    Raise InvalidDataError when the data has problems (queries need valid data).
    """
    from ofsted_cli.dataset.files import data_files

    files = data_files(data_dir)
    signature, newest = _stat_signature(files)
    path = _store_path(data_dir)
    conn = _try_open(path)
    blobs: list[bytes] | None = None
    if conn is not None:
        meta = dict(conn.execute("SELECT key, value FROM meta"))
        if meta.get("schema") == SCHEMA_VERSION and meta.get("data_dir") == str(data_dir.resolve()):
            racy = newest >= int(meta.get("built_ns", "0")) - _RACY_NS
            if meta.get("stat") == signature and not racy:
                return conn
            blobs = [p.read_bytes() for p in files]
            if meta.get("hash") == _hash(files, blobs):
                _remember_stat(path, signature)
                return conn
        conn.close()
    if blobs is None:
        blobs = [p.read_bytes() for p in files]
    return _build(data_dir, files, blobs, signature, path)


def _try_open(path: Path) -> sqlite3.Connection | None:
    if not path.exists():
        return None
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        conn.execute("SELECT key, value FROM meta LIMIT 1").fetchall()
        return conn
    except sqlite3.DatabaseError:  # corrupt or foreign file: rebuild it
        return None


def _hash(files: list[Path], blobs: list[bytes]) -> str:
    import hashlib

    h = hashlib.sha256()
    for p, blob in zip(files, blobs, strict=True):
        h.update(p.name.encode() + b"\0" + len(blob).to_bytes(8, "big") + blob)
    return h.hexdigest()


def _remember_stat(path: Path, signature: str) -> None:
    try:
        with sqlite3.connect(path) as conn:
            conn.execute("UPDATE meta SET value = ? WHERE key = 'stat'", (signature,))
            conn.execute("UPDATE meta SET value = ? WHERE key = 'built_ns'", (str(time.time_ns()),))
    except sqlite3.Error:  # read-only cache: it still answers, it just hashes next time
        pass


def _build(
    data_dir: Path, files: list[Path], blobs: list[bytes], signature: str, path: Path
) -> sqlite3.Connection:
    import tempfile

    from ofsted_cli.dataset import pipeline
    from ofsted_cli.store import build

    checked = pipeline.validate_blobs(zip(files, blobs, strict=True))
    if not checked.result.ok:
        raise InvalidDataError(len(checked.result.errors), str(data_dir))
    ds = checked.records
    meta = {
        "schema": SCHEMA_VERSION,
        "hash": _hash(files, blobs),
        "stat": signature,
        "built_ns": str(time.time_ns()),
        "data_dir": str(data_dir.resolve()),
    }
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".store-", suffix=".tmp")
        os.close(fd)
    except OSError:  # no writable cache: answer from memory this time
        conn = sqlite3.connect(":memory:")
        build.fill(conn, ds, meta)
        return conn
    try:
        conn = sqlite3.connect(tmp)
        build.fill(conn, ds, meta)
        conn.close()
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return sqlite3.connect(f"file:{path}?mode=ro", uri=True)
