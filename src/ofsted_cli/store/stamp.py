"""What makes a store fresh without reading the data: each file's stat, and the store's own.

A stamp, written beside the store after each build, records the stat of every data file the
store was built from (device, inode, size, modification and change times: a write moves the
change time even when the modification time is set back) and the stat of the store file
itself, which is never modified once renamed into place: a store whose stat still matches its
stamp is the file this program wrote. A data file whose stat differs from the stamp, or that
was touched within two seconds before the stamp was taken (the "racy clean" rule git uses:
its next write may keep the same times), is read and hashed again.
"""

from __future__ import annotations

import json
import os
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Any

RACY_NS = 2_000_000_000
MAX_STAMP = 1 << 20
Stat = tuple[int, int, int, int, int]


def identity(st: os.stat_result) -> Stat:
    return (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns)


@dataclass(frozen=True)
class Stamp:
    """A store's stamp: the store's stat, its content hash, when the data was looked at, and
    the stat of each data file then."""

    store: Stat
    hash: str
    taken: int
    files: dict[str, Stat]

    def vouches_for_store(self, path: Path, meta_hash: str) -> bool:
        """Whether the store at *path* is still the file this stamp was written for."""
        try:
            st = os.lstat(path)
        except OSError:
            return False
        return stat.S_ISREG(st.st_mode) and identity(st) == self.store and meta_hash == self.hash

    def unchanged(self, name: str, st: os.stat_result) -> bool:
        """Whether data file *name* is known not to have changed since the stamp."""
        if self.files.get(name) != identity(st):
            return False
        return max(st.st_mtime_ns, st.st_ctime_ns) < self.taken - RACY_NS


def path_for(store: Path) -> Path:
    return store.with_suffix(".stamp")


def read(store: Path) -> Stamp | None:
    """The stamp of the store at *store*; None if there is none or it is not one of ours."""
    try:
        fd = os.open(path_for(store), os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        try:
            st = os.fstat(fd)
            if not stat.S_ISREG(st.st_mode) or st.st_size > MAX_STAMP:
                return None
            raw: Any = json.loads(os.read(fd, MAX_STAMP))
        finally:
            os.close(fd)
        files = {str(k): _stat(v) for k, v in raw["files"].items()}
        return Stamp(_stat(raw["store"]), str(raw["hash"]), int(raw["taken"]), files)
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def _stat(value: Any) -> Stat:
    a, b, c, d, e = (int(v) for v in value)
    return (a, b, c, d, e)


def write(store: Path, meta_hash: str, taken: int, files: dict[str, os.stat_result]) -> None:
    """Stamp the store at *store* (best effort: without a stamp, the data is hashed again)."""
    from ofsted_cli.store import place

    try:
        st = os.lstat(store)
        body = {
            "store": identity(st),
            "hash": meta_hash,
            "taken": taken,
            "files": {name: identity(s) for name, s in files.items()},
        }
        place.write_file(path_for(store), json.dumps(body).encode())
    except OSError:
        pass
