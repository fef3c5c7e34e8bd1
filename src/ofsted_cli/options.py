"""Parsing what people type in options: days, partial dates, years. Raise UsageError."""

from __future__ import annotations

from dataclasses import dataclass

from ofsted_cli.errors import UsageError
from ofsted_cli.vocab import dates
from ofsted_cli.vocab.dates import today as today  # the CLI's default day

FIRST_YEAR = 2009
"""The first year of Ofsted's files (SLAC inspections from 2009)."""


def day(text: str, option: str, now: str | None = None) -> str:
    """A full ISO day, not in the future."""
    try:
        value = dates.parse_day(text).isoformat()
    except ValueError:
        raise UsageError(f"{option} {text!r} {_why(text)}") from None
    if value > (now or today()):
        raise UsageError(f"{option} {value} is in the future")
    return value


def _why(text: str) -> str:
    """Why *text* is no day: impossible (30 February), or not written YYYY-MM-DD."""
    import calendar
    import re

    m = re.fullmatch(r"(\d{4})-(\d{2})(?:-(\d{2}))?", text.strip())
    if m:
        y, mo = int(m.group(1)), int(m.group(2))
        if not 1 <= mo <= 12:
            return f"is impossible: there is no month {mo}"
        if m.group(3) and y >= 1:
            d = int(m.group(3))
            days = calendar.monthrange(y, mo)[1]
            return f"is impossible: {calendar.month_name[mo]} {y} has {days} days, not {d}"
    return "is not a date: use YYYY-MM-DD"


def bound(text: str | None, option: str, *, first: bool) -> str | None:
    """The first (or last) day a partial date YYYY[-MM[-DD]] can mean."""
    if text is None:
        return None
    try:
        canon = dates.parse(text)
    except ValueError:
        why = _why(text)
        if why.startswith("is not a date"):
            why = "is not a date: use YYYY, YYYY-MM or YYYY-MM-DD"
        raise UsageError(f"{option} {text!r} {why}") from None
    return (dates.earliest(canon) if first else dates.latest(canon)).isoformat()


def year(value: int, option: str, now: str | None = None) -> int:
    """A year the record covers: from 2009 (Ofsted's files begin) to this year."""
    last = int((now or today())[:4])
    if value < FIRST_YEAR:
        raise UsageError(
            f"{option} {value}: the record begins in {FIRST_YEAR}, the first year of Ofsted's "
            "files (safeguarding and looked after children inspections); use "
            f"{FIRST_YEAR} to {last}"
        )
    if value > last:
        raise UsageError(f"{option} {value} is in the future: use {FIRST_YEAR} to {last}")
    return value


@dataclass(frozen=True)
class Period:
    """What `compare` compares: a calendar year, one day, or Ofsted's 31 March snapshot."""

    year: int | None = None
    day: str | None = None
    snapshot: int | None = None


def period(
    year_: int | None,
    as_of: str | None,
    snapshot: int | None = None,
    now: str | None = None,
    *,
    need: bool = True,
) -> Period:
    """At most one (with *need*, exactly one) of --year, --as-of and --snapshot."""
    options = [
        ("--year", year_, "YEAR"),
        ("--as-of", as_of, "YYYY-MM-DD"),
        ("--snapshot", snapshot, "YEAR"),
    ]
    given = [o for o, v, _ in options if v is not None]
    if len(given) > 1 or (need and not given):
        offered = [f"{o} {what}" for o, _, what in options if need or o != "--year"]
        raise UsageError(
            f"give {'exactly' if need else 'at most'} one of {', '.join(offered[:-1])} or "
            f"{offered[-1]}" + (f" (got {' and '.join(given)})" if given else "")
        )
    if year_ is not None:
        return Period(year=year(year_, "--year", now))
    if snapshot is not None:
        return Period(snapshot=year(snapshot, "--snapshot", now))
    if as_of is not None:
        return Period(day=day(as_of, "--as-of", now))
    return Period()


def grades(values: list[str] | None, option: str, extra: tuple[str, ...] = ()) -> tuple[str, ...]:
    """Grade codes from what was typed (codes, words or abbreviations such as RI)."""
    from ofsted_cli.vocab import grades as vocab

    out = []
    for text in values or ():
        if text.strip().lower().replace(" ", "_") in extra:
            out.append(text.strip().lower().replace(" ", "_"))
            continue
        try:
            out.append(vocab.parse(text))
        except ValueError as e:
            more = f" (or {', '.join(extra)})" if extra else ""
            raise UsageError(f"{option}: {e}{more}") from None
    return tuple(out)


FAMILIES = {
    "sif": ("sif", "sif_reinspection"),
    "ilacs": ("ilacs_standard", "ilacs_short", "ilacs_2026"),
    "slac": ("slac", "slac_reinspection"),
    "visits": ("sif_monitoring_visit", "ilacs_focused_visit", "ilacs_monitoring_visit", "jtai"),
}


def frameworks(values: list[str] | None) -> tuple[str, ...]:
    """Framework ids from ids, short labels ('ILACS short') or families (sif, ilacs, slac)."""
    from ofsted_cli.vocab.frameworks import FRAMEWORKS
    from ofsted_cli.vocab.names import key

    out: list[str] = []
    for text in values or ():
        k = key(text)
        if k in {key(f): f for f in FAMILIES}:
            out += FAMILIES[next(f for f in FAMILIES if key(f) == k)]
            continue
        found = [f.id for f in FRAMEWORKS.values() if k in (key(f.id), key(f.short), key(f.tiny))]
        if not found:
            allowed = ", ".join(dict.fromkeys([*FAMILIES, *FRAMEWORKS]))
            raise UsageError(f"--framework {text!r} is not a framework; use one of {allowed}")
        out += found
    return tuple(dict.fromkeys(out))


def span(
    year_: int | None, since: str | None, until: str | None, now: str | None = None
) -> tuple[str | None, str | None]:
    """First and last day from --year or --since/--until (not both)."""
    if year_ is not None and (since or until):
        raise UsageError("give --year, or --since/--until, not both")
    if year_ is not None:
        year(year_, "--year", now)
        return f"{year_:04d}-01-01", f"{year_:04d}-12-31"
    first = bound(since, "--since", first=True)
    last = bound(until, "--until", first=False)
    if first and last and first > last:
        raise UsageError(f"--since {since} is after --until {until}: nothing can be in between")
    return first, last
