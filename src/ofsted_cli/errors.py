"""Errors for "cannot proceed". Data problems are values (see result.py), not exceptions."""

from __future__ import annotations


class OfstedError(Exception):
    """Base class: the CLI prints the message (no traceback) and exits 1."""

    exit_code = 1


class UsageError(OfstedError):
    """The user asked for something that does not exist or cannot be parsed; exit 2."""

    exit_code = 2


class DataDirError(OfstedError):
    """The data directory is missing or unreadable."""


class InvalidDataError(OfstedError):
    """A query needs valid data, but the data has problems."""

    def __init__(self, count: int, data_dir: str) -> None:
        super().__init__(
            f"the data in {data_dir} has {count} problem(s); run `ofsted validate` to see them"
        )


class ImportFormatError(OfstedError):
    """An official file whose edition or sheet layout the importer does not know."""
