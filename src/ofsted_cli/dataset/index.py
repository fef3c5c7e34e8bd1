"""What the cross-record rules look up: ids by kind, inspection owners, valid inspections."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from ofsted_cli.dataset.problems import Code, Problem
from ofsted_cli.dataset.records import Placed, Records
from ofsted_cli.vocab.kinds import KINDS


def inspections(placed: Placed) -> Iterable[tuple[int, Any]]:
    """Each inspection of a council with its index in the file (invalid ones are left out)."""
    items = placed.record.inspections
    return zip(placed.positions or range(len(items)), items, strict=True)


@dataclass
class Index:
    """What the rules look up: ids by kind, and which council each inspection belongs to."""

    records: Records
    today: str
    ids: dict[str, dict[str, Placed]] = field(default_factory=dict)
    owner: dict[str, str] = field(default_factory=dict)
    """Inspection id -> council id (first occurrence)."""

    def __post_init__(self) -> None:
        for kind in KINDS:
            first: dict[str, Placed] = {}
            for placed in self.records[kind]:
                first.setdefault(placed.record.id, placed)
            self.ids[kind] = first
        for placed in self.records["councils"]:
            for _, insp in inspections(placed):
                self.owner.setdefault(insp.id, placed.record.id)

    def checked(self, kind: str) -> bool:
        """References to *kind* are checked only when a file of that kind is present."""
        return kind in self.records.kinds_seen

    def ref(
        self, placed: Placed, sub: tuple[int | str, ...], kind: str, value: str
    ) -> Problem | None:
        """A problem when *value* names no record of *kind* (a file of it being present)."""
        if not self.checked(kind) or value in self.ids[kind]:
            return None
        what = KINDS[kind].record
        return placed.problem(
            sub, f"unknown {what} {value!r}: no {what} has this id", Code.UNKNOWN_REFERENCE
        )
