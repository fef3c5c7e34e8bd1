"""Which record in the data an imported row is: council by code or name, inspection by date."""

from __future__ import annotations

from typing import Any

from ofsted_cli.official.releases import Row
from ofsted_cli.vocab import dates
from ofsted_cli.vocab.frameworks import FRAMEWORKS
from ofsted_cli.vocab.names import key

Record = dict[str, Any]
CLOSE_DAYS = 90
"""Two whole-service reports of one council this close are one inspection dated twice."""
_COMPATIBLE = {frozenset({"ilacs_standard", "ilacs_short"})}


def council(councils: list[Record], row: Row, ons_code: str | None) -> Record | None:
    """The council *row* is about: by ONS code, else by any of its names."""
    if ons_code:
        for c in councils:
            if c.get("ons_code") == ons_code:
                return c
    k = key(row.council_name)
    named = [c for c in councils if k in {key(n) for n in [c["name"], *c.get("other_names", [])]}]
    # A row that says "no longer exists" never matches a current council; a row from when a
    # council still existed may match it after it became former (Cumbria in 2023).
    former = [c for c in named if c.get("status", "current") == "former"]
    current = [c for c in named if c.get("status", "current") == "current"]
    pick = former if row.former else (current or former)
    return pick[0] if pick else None


def compatible(a: str, b: str) -> bool:
    """Same framework, or two that Ofsted's editions have told apart differently."""
    return a == b or frozenset({a, b}) in _COMPATIBLE


def _days(a: str, b: str) -> int:
    return abs((dates.earliest(a) - dates.earliest(b)).days)


def inspection(inspections: list[Record], row: Row) -> tuple[Record | None, str]:
    """The record that is *row*, and how it was matched: 'same', 'refines', 'redated' or ''.

    'same': the framework fits and a day agrees. 'refines': a record dated only to the month
    or year that holds the row's day. 'redated': a whole-service report of the same council
    with the same grades within 90 days (one inspection that two editions date differently).
    """
    fits = [i for i in inspections if compatible(i["framework"], row.framework)]
    for i in fits:
        for k in ("published", "start"):
            mine, theirs = i.get(k), getattr(row, k)
            if mine and theirs and len(str(mine)) == 10 and str(mine) == theirs:
                return i, "same"
    holders = [
        i
        for i in fits
        for k in ("published", "start")
        if (mine := i.get(k))
        and (theirs := getattr(row, k))
        and len(str(mine)) < 10
        and theirs.startswith(str(mine))
    ]
    if len(holders) == 1:
        return holders[0], "refines"
    if FRAMEWORKS[row.framework].headline and row.judgements:
        close = [
            i
            for i in fits
            if FRAMEWORKS[i["framework"]].headline
            and i.get("judgements") == row.judgements
            and any(
                (mine := i.get(k))
                and (theirs := getattr(row, k))
                and _days(str(mine), theirs) <= CLOSE_DAYS
                for k in ("published", "start")
            )
        ]
        if len(close) == 1:
            return close[0], "redated"
    return None, ""
