"""Parsing what people type in options: days, partial dates, years. Raise UsageError."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ofsted_cli.errors import UsageError
from ofsted_cli.vocab import dates

FIRST_YEAR = 2009
"""The first year of Ofsted's files (SLAC inspections from 2009)."""


def today() -> str:
    return dt.date.today().isoformat()


def day(text: str, option: str, now: str | None = None) -> str:
    """A full ISO day, not in the future."""
    try:
        value = dates.parse_day(text).isoformat()
    except ValueError:
        raise UsageError(f"{option} {text!r} is not a date: use YYYY-MM-DD") from None
    if value > (now or today()):
        raise UsageError(f"{option} {value} is in the future")
    return value


def bound(text: str | None, option: str, *, first: bool) -> str | None:
    """The first (or last) day a partial date YYYY[-MM[-DD]] can mean."""
    if text is None:
        return None
    try:
        canon = dates.parse(text)
    except ValueError:
        raise UsageError(
            f"{option} {text!r} is not a date: use YYYY, YYYY-MM or YYYY-MM-DD"
        ) from None
    return (dates.earliest(canon) if first else dates.latest(canon)).isoformat()


def year(value: int, option: str, now: str | None = None) -> int:
    """A year between 1900 and this year."""
    last = int((now or today())[:4])
    if not 1900 <= value <= last:
        raise UsageError(f"{option} {value} is out of range: use 1900 to {last}")
    return value


@dataclass(frozen=True)
class Period:
    """What `compare` compares: a calendar year, or one day."""

    year: int | None = None
    day: str | None = None


def period(year_: int | None, as_of: str | None, now: str | None = None) -> Period:
    """Exactly one of --year and --as-of."""
    if (year_ is None) == (as_of is None):
        raise UsageError("give exactly one of --year YEAR or --as-of YYYY-MM-DD")
    if year_ is not None:
        return Period(year=year(year_, "--year", now))
    return Period(day=day(str(as_of), "--as-of", now))
