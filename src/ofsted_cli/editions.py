"""Ofsted's official statistics files, one explicit layout per edition.

Each reader turns a workbook into OfficialRows. A sheet or header it does not know is refused
with a message naming what was expected and what was found: columns move between editions.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ofsted_cli.errors import ImportFormatError

GRADE_TEXT = {
    "outstanding": "outstanding",
    "good": "good",
    "adequate": "adequate",
    "requires improvement to be good": "requires_improvement",
    "requires improvement": "requires_improvement",
    "inadequate": "inadequate",
}
TYPE_TEXT = {
    "ilacs standard inspection": "ilacs_standard",
    "ilacs short inspection": "ilacs_short",
    "ilacs focused visit": "ilacs_focused_visit",
    "la monitoring visit": "ilacs_monitoring_visit",
}
CIC, CL, CICL = "children_in_care", "care_leavers", "children_in_care_and_care_leavers"


@dataclass(frozen=True)
class Release:
    """One official release: the source record the importer cites."""

    id: str
    title: str
    url: str
    published: str
    url_note: str | None = None


@dataclass
class OfficialRow:
    """One inspection or visit as an official file states it."""

    release: Release
    where: str  # "sheet row N", for messages
    council_name: str
    framework: str
    ons_code: str | None = None
    region: str | None = None
    former: bool = False
    start: str | None = None
    published: str | None = None
    theme: str | None = None
    judgements: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Edition:
    release: Release
    sheets: tuple[str, ...]
    read: Callable[[Any, Release], list[OfficialRow]]


def _norm(text: object) -> str:
    return re.sub(r"\s+", " ", str(text)).strip()


def _date(value: object, where: str) -> str | None:
    if value in ("", None):
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    raise ImportFormatError(f"{where}: expected a date, found {value!r}")


def _grade(value: object, where: str) -> str | None:
    text = _norm(value).lower()
    if text in ("", "-"):  # "-": no judgement made (e.g. City of London adoption, 2016)
        return None
    if text not in GRADE_TEXT:
        raise ImportFormatError(
            f"{where}: unknown grade {value!r}; expected one of "
            + ", ".join(repr(g.capitalize()) for g in GRADE_TEXT)
        )
    return GRADE_TEXT[text]


def _type(value: object, where: str) -> str:
    text = _norm(value).lower()
    if text not in TYPE_TEXT:
        raise ImportFormatError(
            f"{where}: unknown inspection type {value!r}; expected one of "
            + ", ".join(repr(t) for t in TYPE_TEXT)
        )
    return TYPE_TEXT[text]


def _expect_header(rows: list[list[Any]], index: int, expected: list[str], sheet: str) -> None:
    found = [_norm(c) for c in rows[index]] if index < len(rows) else []
    while found and not found[-1]:
        found.pop()
    want = [_norm(c) for c in expected]
    if found != want:
        bad = next(
            (i for i, (a, b) in enumerate(zip(want, found, strict=False)) if a != b),
            min(len(want), len(found)),
        )
        raise ImportFormatError(
            f"sheet {sheet!r} row {index + 1}: unknown column layout. Expected column "
            f"{bad + 1} to be {want[bad] if bad < len(want) else '(nothing)'!r}, found "
            f"{found[bad] if bad < len(found) else '(nothing)'!r}; expected {len(want)} columns "
            f"({', '.join(want)}), found {len(found)}"
        )


def _ilacs_judgements(values: dict[str, object], where: str) -> dict[str, str]:
    """Map ILACS columns; a blank care-leavers cell means the pre-2023 joint judgement."""
    out = {k: g for k, v in values.items() if k not in (CIC, CL) and (g := _grade(v, where))}
    cic, cl = _grade(values.get(CIC, ""), where), _grade(values.get(CL, ""), where)
    if cl is None and cic is not None:
        out[CICL] = cic
    else:
        if cic:
            out[CIC] = cic
        if cl:
            out[CL] = cl
    return out


def _rows(rows: list[list[Any]], start: int) -> Iterator[tuple[int, list[Any]]]:
    """Data rows from *start* until the first blank row."""
    for i in range(start, len(rows)):
        if not _norm(rows[i][1] if len(rows[i]) > 1 else ""):
            return
        yield i, rows[i]


def _row_index(rows: list[list[Any]], prefix: str, sheet: str) -> int:
    for i, row in enumerate(rows):
        if _norm(row[0] if row else "").startswith(prefix):
            return i
    raise ImportFormatError(f"sheet {sheet!r}: expected a row starting {prefix!r}, found none")


def detect(path: Path) -> tuple[Edition, Any]:
    """Open *path* and return its edition and workbook; refuse files we do not know."""
    from python_calamine import CalamineWorkbook

    from ofsted_cli.layouts import EDITIONS

    try:
        wb = CalamineWorkbook.from_path(str(path))
    except Exception as e:  # calamine raises its own error types for unreadable files
        raise ImportFormatError(f"{path}: cannot be read as a spreadsheet ({e})") from None
    names = set(wb.sheet_names)
    for edition in EDITIONS:
        if set(edition.sheets) <= names:
            return edition, wb
    known = "; ".join(f"{e.release.title}: sheets {', '.join(e.sheets)}" for e in EDITIONS)
    raise ImportFormatError(
        f"{path}: not a known edition of Ofsted's statistics. Found sheets "
        f"{', '.join(wb.sheet_names)}. Known editions: {known}"
    )


def read(path: Path) -> tuple[Release, list[OfficialRow]]:
    """Read every inspection row from *path*."""
    edition, wb = detect(path)
    return edition.release, edition.read(wb, edition.release)
