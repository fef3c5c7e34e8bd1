"""The data files of a folder as the store sees them: regular files within the size limit,
read in one place, by the bounded reader validation uses (dataset/files.py)."""

from __future__ import annotations

import os
from pathlib import Path

from ofsted_cli.errors import SHOWN_PROBLEMS, FileReadError, InvalidDataError

Listing = list[tuple[Path, os.stat_result]]


def listing(data_dir: Path) -> Listing:
    """Each data file of *data_dir* with its stat; InvalidDataError if there is none, or one
    is not a regular file (a FIFO would block the query, a folder is no data)."""
    from ofsted_cli.dataset.files import check, data_files

    found: Listing = []
    odd: list[str] = []
    for p in data_files(data_dir):
        try:
            st = os.stat(p)
            check(p, st)
        except OSError as e:
            odd.append(f"{p}:1:1: cannot be read: {(e.strerror or str(e)).lower()} (unreadable)")
        except FileReadError as e:
            odd.append(f"{p}:1:1: {e.reason} ({e.code})")
        else:
            found.append((p, st))
    if odd:
        raise InvalidDataError(len(odd), str(data_dir), odd[:SHOWN_PROBLEMS])
    if not found:
        raise InvalidDataError(0, str(data_dir), reason="has no data files (*.yaml)")
    return found


def read_data(path: Path) -> bytes:
    """The bytes of the data file *path*, read as validation reads them: regular files only,
    within the size limit (dataset/files.py); FileReadError otherwise.

    The one place the store reads data files, so that a FIFO named like a data file cannot
    hang a query, nor /dev/zero fill its memory.
    """
    from ofsted_cli.dataset.files import read_bytes

    return read_bytes(path)
