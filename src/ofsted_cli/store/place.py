"""Writing into the cache folder: a temporary file beside the target, renamed over it.

Nothing in the cache folder is ever written in place: a reader holds either the old file or
the new one, and two processes that build at once each rename a complete file. A rename
replaces only a regular file (or nothing): a folder, a link or a FIFO where the store
should be is left alone, and the build answers from its temporary file (issue 13).
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

PREFIX = ".store-"


def temporary(folder: Path, suffix: str = ".tmp") -> Path:
    """A new empty file in *folder* (created, owner-only, if missing); OSError if not writable."""
    import tempfile  # only when writing

    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    fd, name = tempfile.mkstemp(dir=folder, prefix=PREFIX, suffix=suffix)
    os.close(fd)
    return Path(name)


def replaceable(path: Path) -> bool:
    """Whether *path* is free, or a regular file that a rename may replace."""
    try:
        return stat.S_ISREG(os.lstat(path).st_mode)
    except FileNotFoundError:
        return True
    except OSError:  # a path through a file, say
        return False


def install(tmp: Path, path: Path) -> bool:
    """Rename *tmp* to *path* if *path* may be replaced; whether it was."""
    if not replaceable(path):
        return False
    os.replace(tmp, path)
    return True


def write_file(path: Path, data: bytes) -> None:
    """Replace *path* with *data* by a temporary file and a rename; OSError if it cannot."""
    tmp = temporary(path.parent, ".part")
    try:
        tmp.write_bytes(data)
        if install(tmp, path):
            return
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    tmp.unlink(missing_ok=True)


def discard(path: Path) -> None:
    """Remove a temporary file, if it is still there."""
    try:
        path.unlink()
    except OSError:
        pass
