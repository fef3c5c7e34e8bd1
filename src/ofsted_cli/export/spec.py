"""How the export's tables are described: columns with types and descriptions, keys, indexes.

tables.py describes each table with these; every tabular format (SQLite, CSV, the data
package, XLSX) is written from that one description.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ofsted_cli.vocab import dates

PARTIAL_DATE = r"\d{4}(-\d{2}(-\d{2})?)?"
"""A date at year, month or day precision (the whole text must match)."""
TYPES = ("string", "integer", "number", "boolean", "date")
"""Column types: `date` is a partial date, kept as text, with a `<name>_precision` beside it."""


@dataclass(frozen=True)
class Column:
    """One column of a table."""

    name: str
    type: str
    description: str
    enum: tuple[str, ...] = ()
    required: bool = False


@dataclass(frozen=True)
class ForeignKey:
    """*columns* of this table name a row of *table* by its *ref* columns."""

    columns: tuple[str, ...]
    table: str
    ref: tuple[str, ...] = ("id",)


@dataclass(frozen=True)
class Table:
    """One table of the export."""

    name: str
    title: str
    description: str
    columns: tuple[Column, ...]
    primary_key: tuple[str, ...]
    foreign_keys: tuple[ForeignKey, ...] = ()
    indexes: tuple[tuple[str, ...], ...] = ()
    label: str | None = None
    """The column that names a row for people (Datasette's label column)."""
    view: bool = False
    """Computed from the other tables (a view in SQLite)."""
    search: tuple[str, ...] = field(default=())
    """Columns of the full-text index (SQLite FTS5)."""

    @property
    def names(self) -> list[str]:
        return [c.name for c in self.columns]


def doc(model: Any, name: str) -> str:
    """The field docstring of *model*.*name* (every field has one; tests/export checks it)."""
    return str(model.model_fields[name].description)


def col(model: Any, name: str, type_: str = "string", **kw: Any) -> Column:
    return Column(name, type_, doc(model, name), **kw)


def partial_date(model: Any, name: str, as_name: str | None = None) -> tuple[Column, Column]:
    col = as_name or name
    return (
        Column(col, "date", doc(model, name) + " Text: YYYY, YYYY-MM or YYYY-MM-DD."),
        Column(
            f"{col}_precision",
            "string",
            f"How precisely {col} is known: year, month or day (never a guessed day).",
            enum=dates.PRECISIONS,
        ),
    )


def ref(name: str, what: str, required: bool = True) -> Column:
    return Column(name, "string", f"Id of the {what}.", required=required)


def link(record: str, table: str) -> Table:
    """A table linking each record of *table* to the sources that state it."""
    key = f"{record}_id"
    return Table(
        f"{record}_sources",
        f"Sources of each {record}",
        f"One row per {record} and source it cites (the {record}'s `sources` in the data).",
        (ref(key, record), ref("source_id", "source")),
        (key, "source_id"),
        (ForeignKey((key,), table), ForeignKey(("source_id",), "sources")),
        ((key,), ("source_id",)),
    )
