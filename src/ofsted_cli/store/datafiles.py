"""The data files of a folder as the store sees them: regular files only, read in one place.

Until dataset/files.py has its bounded reader, `read_data` is the one function that reads a
data file's bytes for the store: a one-line change to use that reader instead.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from ofsted_cli.errors import SHOWN_PROBLEMS, InvalidDataError

"""Problems an error message shows (`ofsted validate` shows them all)."""

Listing = list[tuple[Path, os.stat_result]]


def listing(data_dir: Path) -> Listing:
    """Each data file of *data_dir* with its stat; InvalidDataError if there is none, or one
    is not a regular file (a FIFO would block the query, a folder is no data)."""
    from ofsted_cli.dataset.files import data_files

    found: Listing = []
    odd: list[str] = []
    for p in data_files(data_dir):
        try:
            st = os.stat(p)
        except OSError as e:
            odd.append(f"{p}:1:1: cannot be read: {e.strerror or e} (unreadable)")
            continue
        if not stat.S_ISREG(st.st_mode):
            odd.append(f"{p}:1:1: is not a regular file (unreadable)")
        else:
            found.append((p, st))
    if odd:
        raise InvalidDataError(len(odd), str(data_dir), odd[:SHOWN_PROBLEMS])
    if not found:
        raise InvalidDataError(0, str(data_dir), reason="has no data files (*.yaml)")
    return found


def read_data(path: Path) -> bytes:
    """The bytes of the data file *path*; OSError if it is not a regular file.

    The one place the store reads data files. Opened without blocking, so that a FIFO named
    like a data file cannot hang a query.
    """
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise OSError(f"{path} is not a regular file")
        with open(fd, "rb", closefd=False) as f:
            return f.read()
    finally:
        os.close(fd)
