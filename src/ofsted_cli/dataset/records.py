"""Valid records with their places: plain data, free of pydantic.

The cross-record rules work on these; keeping them apart from the schema checks (schema.py,
which needs pydantic) lets the store re-check an edited record without importing pydantic
(issue 14).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ofsted_cli.dataset import loading
from ofsted_cli.dataset.problems import Code, Problem
from ofsted_cli.vocab.kinds import KINDS


@dataclass
class Placed:
    """A validated record and where it sits: its file and its path from the file's root."""

    record: Any
    doc: loading.Document
    loc: tuple[int | str, ...]
    positions: tuple[int, ...] = ()
    """For a council: the index in the file of each of `record.inspections`, which leaves out
    the invalid ones (so the two can differ)."""

    def problem(
        self, sub: tuple[int | str, ...], message: str, code: Code, *, key: bool = False
    ) -> Problem:
        """A problem at *sub* below this record."""
        return self.doc.problem(self.loc + sub, message, code, key=key)

    def where(self) -> str:
        """'file:line:col' of this record, for messages that point at a second place."""
        line, col = loading.locate(self.doc.tree(), self.loc)
        return f"{self.doc.path}:{line}:{col}"


@dataclass
class Records:
    """Every valid record by kind, with places; the kinds present; problems found so far."""

    by_kind: dict[str, list[Placed]] = field(default_factory=lambda: {k: [] for k in KINDS})
    kinds_seen: set[str] = field(default_factory=set)
    problems: list[Problem] = field(default_factory=list)

    def __getitem__(self, kind: str) -> list[Placed]:
        return self.by_kind[kind]
