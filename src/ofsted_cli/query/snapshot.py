"""Ratings in force on a day, for every council in one statement; and Ofsted's 31 March rule.

Two rules answer "what rating was in force". By publication (`--as-of DAY`): the latest
whole-service report published on or before the day. Ofsted's own (`--snapshot YEAR`, its
"as at 31 March" statistics): the latest whole-service inspection carried out by 31 March of
the year whose report was published by the release's cut-off (30 June; 30 April in 2023).
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass

from ofsted_cli.query.ratings import Row, rating

DEFAULT_PUBLISHED_BY = "06-30"
"""Ofsted's cut-off in the releases of 2024 and 2025, used for years no release states."""


@dataclass(frozen=True)
class Rule:
    """Ofsted's snapshot rule for one year."""

    year: int
    as_at: str
    published_by: str
    stated_by: str | None
    """The release that states the rule for this year, if this data holds it."""
    includes: tuple[str, ...] = ()
    """Inspections the release counts although published after its cut-off."""

    def text(self) -> str:
        how = (
            f"as {self.stated_by} states it"
            if self.stated_by
            else "the rule of Ofsted's 2024 and 2025 releases; no release in this data states "
            f"it for {self.year}"
        )
        extra = (
            f"; it also counts {', '.join(self.includes)}, published later" if self.includes else ""
        )
        return (
            f"Ofsted's rule for 31 March {self.year}: inspections carried out by {self.as_at} "
            f"whose report was published by {self.published_by} ({how}{extra})."
        )

    def as_json(self) -> dict[str, object]:
        return {
            "year": self.year,
            "inspected_by": self.as_at,
            "published_by": self.published_by,
            "stated_by": self.stated_by,
            "also_counts": list(self.includes),
        }


def rule(conn: sqlite3.Connection, year: int) -> Rule:
    """The snapshot rule for *year*: the cut-off of the official release as at 31 March."""
    as_at = f"{year:04d}-03-31"
    found = conn.execute(
        "SELECT title, cutoff, json FROM sources WHERE kind = 'official_statistics' "
        "AND cutoff > ? AND cutoff <= ? ORDER BY cutoff LIMIT 1",
        (as_at, f"{year:04d}-12-31"),
    ).fetchone()
    if found:
        includes = tuple(json.loads(found[2]).get("includes", []))
        return Rule(year, as_at, found[1], found[0], includes)
    return Rule(year, as_at, f"{year:04d}-{DEFAULT_PUBLISHED_BY}", None)


def counted(day: str, snapshot: Rule | None = None) -> tuple[str, list[str]]:
    """The SQL condition (and its arguments) for the inspections that count by *day*: those
    published by then, or under *snapshot*, those its rule counts."""
    if snapshot is None:
        return "pub_last <= ?", [day]
    # Carried out by 31 March: its first day on site; where no source gives that day, the
    # report's publication by 31 March is the evidence.
    where = (
        f"(pub_last <= ? OR id IN ({','.join('?' * len(snapshot.includes))})) AND "
        "(start_first <= ? OR (start_first IS NULL AND pub_last <= ?))"
    )
    return where, [snapshot.published_by, *snapshot.includes, snapshot.as_at, snapshot.as_at]


def in_force_on(conn: sqlite3.Connection, day: str, snapshot: Rule | None = None) -> dict[str, Row]:
    """Council id -> the rating in force on *day* (or under *snapshot*), one statement."""
    where, args = counted(day, snapshot)
    rows = conn.execute(
        "SELECT council_id, json FROM (SELECT council_id, json, row_number() OVER "
        "(PARTITION BY council_id ORDER BY pub_last DESC, id DESC) AS n FROM inspections "
        f"WHERE headline = 1 AND {where}) WHERE n = 1",
        args,
    )
    return {cid: rating(json.loads(body)) for cid, body in rows}
