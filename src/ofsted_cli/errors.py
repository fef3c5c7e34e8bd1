"""Errors for "cannot proceed". Data problems are values (dataset/problems.py), not exceptions."""

from __future__ import annotations

from collections.abc import Sequence


class OfstedError(Exception):
    """Base class: the CLI prints the message (no traceback) and exits 1."""

    exit_code = 1


class UsageError(OfstedError):
    """The user asked for something that does not exist or cannot be parsed; exit 2."""

    exit_code = 2


class DataDirError(OfstedError):
    """The data directory is missing or unreadable."""


SHOWN_PROBLEMS = 5
"""How many of the data's problems an InvalidDataError lists."""


class InvalidDataError(OfstedError):
    """A query needs valid data, but the data has problems (or there is none)."""

    def __init__(
        self,
        count: int,
        data_dir: str,
        problems: Sequence[str] = (),
        *,
        reason: str = "",
    ) -> None:
        self.count = count
        self.problems = list(problems)
        """The first problems, as `file:line:col: message (code)` lines."""
        head = (
            f"the data folder {data_dir} {reason}"
            if reason
            else (f"the data in {data_dir} has {count} problem(s)")
        )
        lines = [head + (":" if self.problems else ";")]
        lines += [f"  {p}" for p in self.problems]
        if self.problems and count > len(self.problems):
            lines.append(f"  … and {count - len(self.problems)} more")
        where = f"`ofsted validate {data_dir}`"
        lines.append(f"run {where} to see them all" if count else f"run {where} to check it")
        super().__init__("\n".join(lines))


class ImportFormatError(OfstedError):
    """An official file whose edition or sheet layout the importer does not know."""


class FileReadError(OfstedError):
    """A file that cannot be read safely: missing, a folder, not a regular file (a pipe, a
    device), too large, or no permission. *code* is the problem code `validate` reports."""

    def __init__(self, path: object, reason: str, code: str = "unreadable") -> None:
        super().__init__(f"{path}: {reason}")
        self.path = str(path)
        self.reason = reason
        self.code = code


class WriteError(OfstedError):
    """A file that cannot be written; nothing was changed."""
