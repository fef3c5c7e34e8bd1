"""Dates known to the year, month or day: ISO 8601 as EDTF level 0 uses it.

A partial date is kept as its canonical text (`2016`, `2016-09`, `2016-09-20`), so its
precision travels with it through every output. Comparisons use its bounds.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

_PATTERN = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")

PRECISIONS = ("year", "month", "day")


def today() -> str:
    """Today as ISO text: the one clock behind "in force today" and "in the future"."""
    return dt.date.today().isoformat()


def parse(value: object) -> str:
    """Return the canonical text of *value* (a date, a year int or ISO text); raise ValueError."""
    if isinstance(value, dt.datetime):
        raise ValueError("a date, not a date and time, is expected")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bool):
        raise ValueError("a date is expected (YYYY, YYYY-MM or YYYY-MM-DD)")
    if isinstance(value, int) and 1000 <= value <= 9999:
        return str(value)
    if not isinstance(value, str):
        raise ValueError("a date is expected (YYYY, YYYY-MM or YYYY-MM-DD)")
    m = _PATTERN.match(value)
    if not m:
        raise ValueError(f"{value!r} is not a date: use YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = m.groups()
    if year < "1000":  # year 0000 is no year, and arithmetic on years before 1000 can fail
        raise ValueError(f"{value!r} is not a date: the year must be from 1000 to 9999")
    if month is not None and not 1 <= int(month) <= 12:
        raise ValueError(f"{value!r} has no month {month}")
    if day is not None:
        try:
            dt.date(int(year), int(month), int(day))
        except ValueError:
            raise ValueError(f"{value!r} is not a day of the calendar") from None
    return value


def precision(text: str) -> str:
    """Return 'year', 'month' or 'day'."""
    return PRECISIONS[text.count("-")]


def earliest(text: str) -> dt.date:
    """First day the partial date can mean."""
    parts = [int(p) for p in text.split("-")]
    return dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)


def latest(text: str) -> dt.date:
    """Last day the partial date can mean."""
    parts = [int(p) for p in text.split("-")]
    if len(parts) == 3:
        return dt.date(*parts)
    if len(parts) == 2:
        return dt.date(parts[0], parts[1], calendar.monthrange(parts[0], parts[1])[1])
    return dt.date(parts[0], 12, 31)


def definitely_before(a: str, b: str) -> bool:
    """True when every day *a* can mean is before every day *b* can mean."""
    return latest(a) < earliest(b)


def parse_day(text: str) -> dt.date:
    """Parse a full ISO day given on the command line; raise ValueError."""
    return dt.date.fromisoformat(text)
