"""Reading Ofsted's workbooks: cells to values, and tables found by their header text.

Columns move between editions and sheets are renamed, so a table is found wherever a row holds
all of its headers, in any sheet, and each column is taken by its header (issue 8).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from ofsted_cli.errors import ImportFormatError
from ofsted_cli.vocab.grades import OFFICIAL_TEXT

Cells = list[Any]
Sheets = Mapping[str, Sequence[Cells]]

TYPE_TEXT = {
    "ilacs standard inspection": "ilacs_standard",
    "ilacs short inspection": "ilacs_short",
    "ilacs focused visit": "ilacs_focused_visit",
    "la monitoring visit": "ilacs_monitoring_visit",
}


def norm(value: object) -> str:
    """Text with runs of white space made one space."""
    return re.sub(r"\s+", " ", str(value)).strip()


def cell_date(value: object, where: str) -> str | None:
    """An ISO day from a date cell; None when blank."""
    if value in ("", None):
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    raise ImportFormatError(f"{where}: expected a date, found {value!r}")


def cell_grade(value: object, where: str) -> str | None:
    """A grade code from Ofsted's words; None when blank or '-' (no judgement made)."""
    text = norm(value).lower()
    if text in ("", "-"):
        return None
    if text not in OFFICIAL_TEXT:
        raise ImportFormatError(
            f"{where}: unknown grade {value!r}; expected one of "
            + ", ".join(repr(g.capitalize()) for g in OFFICIAL_TEXT)
        )
    return OFFICIAL_TEXT[text]


def cell_type(value: object, where: str) -> str:
    """A framework id from Ofsted's inspection type words."""
    text = norm(value).lower()
    if text not in TYPE_TEXT:
        raise ImportFormatError(
            f"{where}: unknown inspection type {value!r}; expected one of "
            + ", ".join(repr(t) for t in TYPE_TEXT)
        )
    return TYPE_TEXT[text]


@dataclass(frozen=True)
class Table:
    """A table to find by its headers: field -> the header text (or texts) Ofsted writes."""

    name: str
    columns: Mapping[str, str | tuple[str, ...]]
    key: str = "name"
    """The field that is blank on the row after the table's last row."""

    def texts(self, name: str) -> tuple[str, ...]:
        spec = self.columns[name]
        return (spec,) if isinstance(spec, str) else spec


@dataclass
class Found:
    """A table found in a sheet: where, which column holds each field, and its rows."""

    table: Table
    sheet: str
    header_row: int
    """0-based index of the header row."""
    columns: dict[str, int]
    rows: list[tuple[int, Cells]] = field(default_factory=list)
    """(1-based row number, cells) of each data row."""

    def get(self, cells: Cells, name: str) -> Any:
        i = self.columns[name]
        return cells[i] if i < len(cells) else ""

    def where(self, title: str, number: int) -> str:
        return f"{title}, sheet {self.sheet} row {number}"


def _headers(cells: Cells) -> dict[str, int]:
    out: dict[str, int] = {}
    for i, c in enumerate(cells):
        text = norm(c).lower()
        if text and text not in out:
            out[text] = i
    return out


def find(sheets: Sheets, table: Table) -> list[Found]:
    """Every place in *sheets* where a row holds all of *table*'s headers."""
    found = []
    for sheet, rows in sheets.items():
        for r, cells in enumerate(rows):
            heads = _headers(cells)
            columns = {}
            for name in table.columns:
                hit = next(
                    (heads[t.lower()] for t in table.texts(name) if t.lower() in heads), None
                )
                if hit is None:
                    break
                columns[name] = hit
            else:
                f = Found(table, sheet, r, columns)
                f.rows = list(_data_rows(rows, r + 1, columns[table.key]))
                found.append(f)
    return found


def _data_rows(rows: Sequence[Cells], start: int, key_col: int) -> Iterator[tuple[int, Cells]]:
    for r in range(start, len(rows)):
        cells = rows[r]
        if not norm(cells[key_col] if key_col < len(cells) else ""):
            return
        yield r + 1, list(cells)


def nearest(sheets: Sheets, table: Table) -> tuple[int, str]:
    """How close *table* comes to being found (headers present), and where and what is missing."""
    best: tuple[int, str, int, list[str]] = (-1, "", 0, [])
    for sheet, rows in sheets.items():
        for r, cells in enumerate(rows[:50]):
            heads = _headers(cells)
            missing = [
                table.texts(n)[0]
                for n in table.columns
                if not any(t.lower() in heads for t in table.texts(n))
            ]
            score = len(table.columns) - len(missing)
            if score > best[0]:
                best = (score, sheet, r + 1, missing)
    score, sheet, row, missing = best
    if score <= 0:
        return 0, f"table {table.name!r}: no sheet has any of its headers"
    shown = ", ".join(map(repr, missing[:5])) + (
        f" and {len(missing) - 5} more" if len(missing) > 5 else ""
    )
    return score, f"table {table.name!r}: nearest is sheet {sheet!r} row {row}, which lacks {shown}"
