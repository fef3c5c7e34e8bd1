"""Which files make a data set, and reading one safely: the one place that opens data files.

Data folders come from pull requests by strangers (issue #13): a name ending `.yaml` may be a
named pipe that blocks a reader forever, a link to `/dev/zero` that is read until memory runs
out, or simply enormous. `read_bytes` reads regular files only, up to a size limit, and never
blocks.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable
from pathlib import Path

from ofsted_cli.errors import FileReadError, UsageError
from ofsted_cli.vocab.kinds import FILES, SUFFIXES

_ORDER = {name: i for i, name in enumerate(FILES)}

MAX_FILE_MB = 50
"""The default size limit of one data file, in megabytes (10^6 bytes). The shipped data files
are under 1 MB; the benchmark's 100,000-record files are about 70 MB and raise the limit."""
MAX_FILE_ENV = "OFSTED_MAX_FILE_MB"
"""The environment variable that sets another limit, in megabytes (`200`, `0.5`)."""
_CHUNK = 1 << 20

_KINDS = (
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def _ordered(paths: Iterable[Path]) -> list[Path]:
    return sorted(paths, key=lambda p: (_ORDER.get(p.name, len(FILES)), p.name))


def data_files(folder: Path) -> list[Path]:
    """The data files in *folder*, councils first (the canonical order); [] if unreadable."""
    try:
        found = [p for p in folder.iterdir() if p.suffix in SUFFIXES]
    except OSError:
        return []
    return _ordered(found)


def expand(paths: Iterable[Path]) -> list[Path]:
    """Files to check: each file as given, each folder's data files; an empty folder as itself
    (so that it is reported, not skipped)."""
    out: list[Path] = []
    for p in paths:
        if p.is_dir() and p.suffix not in SUFFIXES:
            out.extend(data_files(p) or [p])
        else:
            out.append(p)
    return out


def max_file_bytes() -> int:
    """The size limit of one data file in bytes: $OFSTED_MAX_FILE_MB, else 50 MB."""
    raw = os.environ.get(MAX_FILE_ENV, "").strip()
    if not raw:
        return MAX_FILE_MB * 1_000_000
    try:
        limit = float(raw) * 1_000_000
    except ValueError:
        limit = float("nan")
    if not 1 <= limit <= 1e15:  # also refuses nan and inf
        raise UsageError(
            f"{MAX_FILE_ENV} must be a number of megabytes (10^6 bytes) from 0.000001 to "
            f"1000000000, e.g. 200; found {raw[:40]!r}"
        )
    return int(limit)


def read_bytes(path: Path, limit: int | None = None) -> bytes:
    """Return the bytes of the regular file *path*; raise FileReadError for anything else.

    A folder, named pipe, device or socket is refused before it is opened, and a file larger
    than *limit* (default: `max_file_bytes()`) before it is read. The file is opened without
    blocking and checked again once open, so that a file swapped for a pipe in between cannot
    block either; reading stops one byte past the limit, so a file that grows is caught too.
    """
    limit = max_file_bytes() if limit is None else limit
    try:
        info = os.stat(path)  # follows links: a link to a regular file is read
        if stat.S_ISDIR(info.st_mode):
            raise FileReadError(path, _folder_message(path))
        _check(path, info, limit)
        flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
        fd = os.open(path, flags | getattr(os, "O_BINARY", 0))
    except FileNotFoundError:
        raise FileReadError(path, "no such file") from None
    except PermissionError:
        raise FileReadError(path, "cannot be read: permission denied") from None
    except OSError as e:
        raise FileReadError(path, f"cannot be read: {e.strerror or e}") from None
    try:
        _check(path, os.fstat(fd), limit)
        chunks, size = [], 0
        while size <= limit:
            chunk = os.read(fd, min(_CHUNK, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    except OSError as e:
        raise FileReadError(path, f"cannot be read: {e.strerror or e}") from None
    finally:
        os.close(fd)
    if size > limit:
        raise FileReadError(path, too_large(None, limit), code="too-large")
    return b"".join(chunks)


def check(path: Path, info: os.stat_result, limit: int | None = None) -> None:
    """Raise FileReadError unless *info* (of *path*) is a regular file within the limit."""
    _check(path, info, max_file_bytes() if limit is None else limit)


def _check(path: Path, info: os.stat_result, limit: int) -> None:
    for test, kind in _KINDS:
        if test(info.st_mode):
            raise FileReadError(path, f"is {kind}, not a regular file; only files are read")
    if not stat.S_ISREG(info.st_mode):
        raise FileReadError(path, "is not a regular file; only files are read")
    if info.st_size > limit:
        raise FileReadError(path, too_large(info.st_size, limit), code="too-large")


def too_large(size: int | None, limit: int) -> str:
    """The reason a file of *size* bytes (None: one that grew while read) is refused."""
    found = f"is {_size(size)}," if size is not None else "grew while being read to"
    return (
        f"{found} more than the limit of {_size(limit)} for one data file "
        f"(set {MAX_FILE_ENV} to raise it)"
    )


def _size(n: int) -> str:
    return f"{n:,} bytes" if n < 1_000_000 else f"{n / 1e6:,.1f} MB".replace(".0 MB", " MB")


def _folder_message(path: Path) -> str:
    if path.suffix in SUFFIXES:
        return "is a folder, not a YAML file"
    try:
        next(path.iterdir(), None)
    except OSError as e:
        return f"is a folder that cannot be read: {(e.strerror or str(e)).lower()}"
    return "is a folder with no .yaml files in it"
