"""The kinds of data file: each top-level key, the file that holds it, and its record name."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Kind:
    """One kind of data file."""

    key: str
    """The file's one top-level key (`councils`)."""
    file: str
    """The file's name in a data folder (`inspections.yaml`)."""
    record: str
    """What one item is called in messages (`council`)."""


KINDS: dict[str, Kind] = {
    k.key: k
    for k in (
        Kind("councils", "inspections.yaml", "council"),
        Kind("statements", "statements.yaml", "statement"),
        Kind("sources", "sources.yaml", "source"),
        Kind("groups", "groups.yaml", "group"),
        Kind("figures", "figures.yaml", "figure"),
    )
}
FILES: tuple[str, ...] = tuple(k.file for k in KINDS.values())
"""Data file names in their canonical order (councils first: the others refer to them)."""
SUFFIXES = (".yaml", ".yml")
