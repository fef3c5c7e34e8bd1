"""Turn the CLI's JSON (`ofsted show --json`, `ofsted councils --json`) into what pages print.

Everything here is plain text: the templates escape it. Only links are judged here, since
escaping can't make a `javascript:` address safe: an address that is not http(s) is shown as
text, not linked.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any
from urllib.parse import urlsplit

from ofsted_cli.output.chartkit import PROVISIONAL_TEXT, STYLES, long_date
from ofsted_cli.vocab.frameworks import AREA_LABELS, FRAMEWORKS

PROVISIONAL = PROVISIONAL_TEXT[0].upper() + PROVISIONAL_TEXT[1:]


@dataclass(frozen=True)
class When:
    """A date as written in the record (`2016`, `2016-09`, `2016-09-20`) and in words."""

    iso: str | None
    words: str


@dataclass(frozen=True)
class Grade:
    """A grade: its code (for the badge's colour) and its words (what the reader reads)."""

    code: str
    words: str


@dataclass(frozen=True)
class Link:
    """A source: its title, its address when it is safe to link, and who published it when."""

    title: str
    url: str | None
    detail: str


@dataclass(frozen=True)
class Statement:
    """A quote, reported speech or a recorded non-response, with who said it, when and where."""

    kind: str
    text: str
    speaker: str
    when: When
    sources: tuple[Link, ...]
    notes: str


@dataclass(frozen=True)
class Inspection:
    """One inspection or visit with its judgements, responses and sources."""

    anchor: str
    framework: str
    short: str
    published: When
    dates: str
    overall: Grade | None
    judgements: tuple[tuple[str, Grade], ...]
    provisional: bool
    notes: str
    people: str
    statements: tuple[Statement, ...]
    sources: tuple[Link, ...]


def when(value: object, inferred: object = False) -> When:
    """Return a record date in words: "20 September 2016", "September 2016" or "2016"."""
    if not isinstance(value, str) or not value:
        return When(None, "date not stated")
    parts = value.split("-")
    try:
        if len(parts) == 3:
            words = long_date(date.fromisoformat(value))
        elif len(parts) == 2:
            words = long_date(date(int(parts[0]), int(parts[1]), 1)).split(" ", 1)[1]
        else:
            words = str(int(value))
    except ValueError:
        return When(None, value)
    return When(value, f"{words} (inferred)" if inferred else words)


def grade(code: object) -> Grade:
    """Return a grade code in words, e.g. "requires_improvement" as "Requires improvement"."""
    text = str(code)
    look = STYLES.get(text)
    return Grade(text, look.label if look else text.replace("_", " ").capitalize())


def safe_url(url: object) -> str | None:
    """Return *url* if it is an http(s) address, else None (shown as text, never linked)."""
    if not isinstance(url, str):
        return None
    parts = urlsplit(url.strip())
    return url.strip() if parts.scheme in ("http", "https") and parts.netloc else None


def framework_label(code: object) -> tuple[str, str]:
    """Return the framework's long and short names (its code when the registry doesn't know it)."""
    known = FRAMEWORKS.get(str(code))
    return (known.label, known.short) if known else (str(code), str(code))


def links(ids: object, sources: Mapping[str, Any]) -> tuple[Link, ...]:
    """Return the sources cited by *ids*, looked up in the `show` JSON's `sources`."""
    if not isinstance(ids, list):
        return ()
    return tuple(source(sources.get(str(i)) or {"id": i}) for i in ids)


def source(record: Mapping[str, Any]) -> Link:
    """Return one source record as a link with its publisher and date."""
    title = str(record.get("title") or record.get("id") or "untitled source")
    published = record.get("published")
    detail = ", ".join(
        x
        for x in (
            str(record.get("publisher") or ""),
            when(published).words if published else "",
            "date inferred" if published and record.get("published_inferred") else "",
        )
        if x
    )
    return Link(title, safe_url(record.get("url")), detail)


def statement(record: Mapping[str, Any], sources: Mapping[str, Any]) -> Statement:
    """Return one statement record, its speaker in words."""
    speaker = record.get("speaker") or {}
    who = ", ".join(str(speaker.get(k)) for k in ("name", "role", "organisation") if speaker.get(k))
    return Statement(
        kind=str(record.get("kind") or "direct_quote"),
        text=str(record.get("text") or ""),
        speaker=who or "Speaker not named",
        when=when(record.get("date"), record.get("date_inferred")),
        sources=links(record.get("sources"), sources),
        notes=str(record.get("notes") or ""),
    )


def inspection(record: Mapping[str, Any], sources: Mapping[str, Any]) -> Inspection:
    """Return one inspection record, its judgements in the registry's order of areas."""
    label, short = framework_label(record.get("framework"))
    judged: Mapping[str, Any] = record.get("judgements") or {}
    order = [a for a in AREA_LABELS if a in judged] + [a for a in judged if a not in AREA_LABELS]
    start, end = record.get("start"), record.get("end")
    dates = ""
    if start or end:
        dates = f"{when(start).words} to {when(end).words}" if end else when(start).words
    people = ", ".join(
        f"{name}: {record[key]}"
        for key, name in (("lead_inspector", "Lead inspector"), ("theme", "Theme"))
        if record.get(key)
    )
    overall = judged.get("overall_effectiveness")
    return Inspection(
        anchor=str(record.get("id") or ""),
        framework=label,
        short=short,
        published=when(record.get("published")),
        dates=dates,
        overall=grade(overall) if overall else None,
        judgements=tuple(
            (AREA_LABELS.get(a, a.replace("_", " ").capitalize()), grade(judged[a])) for a in order
        ),
        provisional=record.get("provisional") is True,
        notes=str(record.get("notes") or ""),
        people=people,
        statements=tuple(statement(s, sources) for s in record.get("statements") or ()),
        sources=links(record.get("sources"), sources),
    )


def in_force(record: Mapping[str, Any] | None) -> tuple[Grade, str]:
    """Return the rating in force and a line saying which report it rests on."""
    if not record:
        return grade("not_inspected"), "No whole-service inspection has been published."
    label, short = framework_label(record.get("framework"))
    overall = record.get("overall")
    rating = grade(overall) if overall else grade("no_overall_grade")
    line = f"{label}, published {when(record.get('published')).words}"
    if not overall:
        line += f". {record.get('note') or 'This framework gives no overall grade.'}"
    return rating, line


def facts(council: Mapping[str, Any]) -> list[str]:
    """Return the council's identity as short phrases (region, codes, status)."""
    out = [str(council["region"])] if council.get("region") else []
    out += [
        f"{name} {council[key]}"
        for key, name in (("ons_code", "ONS code"), ("la_number", "LA number"))
        if council.get(key)
    ]
    if council.get("status") == "abolished" or council.get("abolished"):
        gone = when(council.get("abolished")).words if council.get("abolished") else ""
        out.append(f"abolished {gone}".strip())
    return out


def successors(council: Mapping[str, Any]) -> list[str]:
    """Return the ids of the councils that took over an abolished council's services."""
    return [str(s) for s in council.get("successors") or ()]


def all_sources(sources: Mapping[str, Any]) -> list[Link]:
    """Return every source the page cites, by title."""
    return sorted((source(s) for s in sources.values()), key=lambda s: s.title.lower())


def figures(
    records: Iterable[Mapping[str, Any]], sources: Mapping[str, Any]
) -> list[dict[str, Any]]:
    """Return the figures about the council or its groups, value and unit in words."""
    out = []
    for record in records:
        value, unit = record.get("value"), str(record.get("unit") or "")
        shown = f"{value}%" if unit == "percent" else f"{value} {unit}".strip()
        out.append(
            {
                "description": str(record.get("description") or record.get("id") or ""),
                "value": shown,
                "as_of": when(record.get("as_of"), record.get("as_of_inferred")),
                "sources": links(record.get("sources"), sources),
                "notes": str(record.get("notes") or ""),
            }
        )
    return out


def index_rows(councils: Sequence[Mapping[str, Any]], pages: set[str]) -> list[dict[str, Any]]:
    """Return one row per council for the index: its rating in force, linked to its page."""
    rows = []
    for council in councils:
        record = council.get("in_force")
        rating, _ = in_force(record)
        label, short = framework_label(record.get("framework")) if record else ("", "")
        cid = str(council.get("id") or "")
        rows.append(
            {
                "name": str(council.get("name") or cid),
                "page": f"{cid}.html" if cid in pages else None,
                "region": str(council.get("region") or ""),
                "abolished": council.get("status") == "abolished",
                "rating": rating,
                "framework": label,
                "short": short,
                "published": when(record.get("published")) if record else None,
                "provisional": council.get("provisional") is True,
            }
        )
    return rows
