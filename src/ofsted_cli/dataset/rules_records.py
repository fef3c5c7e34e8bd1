"""Cross-record rules about inspections: dates, judgements, one inspection once, provisional."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from typing import Any

from ofsted_cli.dataset.index import Index, inspections
from ofsted_cli.dataset.problems import Code, Problem
from ofsted_cli.dataset.records import Placed
from ofsted_cli.vocab import dates
from ofsted_cli.vocab.frameworks import FRAMEWORKS

CLOSE_DAYS = 90
"""Whole-service inspections of one council are years apart; closer than this is one twice."""
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
"""A spreadsheet reads a cell that begins with one of these as a formula (OWASP, "CSV
Injection"); the CSV and XLSX exports prefix such text with a single quote (issue 10)."""


def abolished_only_former(ix: Index) -> Iterator[Problem]:
    """Only a former council has an abolition date."""
    for placed in ix.records["councils"]:
        if getattr(placed.record, "abolished", None) and placed.record.status != "former":
            yield placed.problem(
                ("abolished",),
                "a council with an abolition date must have status: former",
                Code.FORMER_ONLY,
            )


def date_order(ix: Index) -> Iterator[Problem]:
    """An inspection's start <= end <= publication."""
    for placed in ix.records["councils"]:
        for i, insp in inspections(placed):
            known = [(k, getattr(insp, k)) for k in ("start", "end", "published")]
            known = [(k, v) for k, v in known if v is not None]
            for (k1, v1), (k2, v2) in zip(known, known[1:], strict=False):
                if dates.definitely_before(v2, v1):
                    yield placed.problem(
                        ("inspections", i, k2),
                        f"{k2} {v2} is before {k1} {v1}; expected start <= end <= published",
                        Code.DATE_ORDER,
                    )


def _dated(ix: Index) -> Iterator[tuple[Placed, tuple[int | str, ...], str | None]]:
    for placed in ix.records["councils"]:
        yield placed, ("abolished",), getattr(placed.record, "abolished", None)
        for i, insp in inspections(placed):
            for k in ("start", "end", "published"):
                yield placed, ("inspections", i, k), getattr(insp, k)
    for kind, attr in (("statements", "date"), ("sources", "published"), ("figures", "as_of")):
        for placed in ix.records[kind]:
            yield placed, (attr,), getattr(placed.record, attr)


def no_future_dates(ix: Index) -> Iterator[Problem]:
    """No date is later than today."""
    for placed, sub, value in _dated(ix):
        if value is not None and dates.earliest(value).isoformat() > ix.today:
            yield placed.problem(
                sub, f"{value} is in the future (today is {ix.today})", Code.FUTURE_DATE
            )


def judgements_fit_framework(ix: Index) -> Iterator[Problem]:
    """Judgements only on graded frameworks, in their areas and on their scale."""
    for placed in ix.records["councils"]:
        for i, insp in inspections(placed):
            fw = FRAMEWORKS[insp.framework]
            base: tuple[int | str, ...] = ("inspections", i, "judgements")
            if insp.judgements and not fw.graded:
                yield placed.problem(
                    base,
                    f"{fw.label} ({insp.framework}) gives no graded judgements; remove "
                    "`judgements` and describe the findings in notes",
                    Code.UNGRADED,
                    key=True,
                )
                continue
            allowed = fw.allowed_areas(insp.start or insp.published)
            for area, grade in insp.judgements.items():
                if area not in allowed:
                    yield placed.problem(
                        (*base, area),
                        f"{insp.framework} has no judgement area {area!r}"
                        f"{fw.split_hint(area)}; allowed: {', '.join(allowed)}",
                        Code.JUDGEMENT_AREA,
                        key=True,
                    )
                elif grade not in fw.scale:
                    yield placed.problem(
                        (*base, area),
                        f"grade {grade!r} is not on the {insp.framework} scale; allowed: "
                        f"{', '.join(fw.scale)}",
                        Code.GRADE,
                    )


def _day(insp: Any) -> str | None:
    day: str | None = insp.published or insp.start
    return day


def one_inspection_once(ix: Index) -> Iterator[Problem]:
    """Two whole-service inspections of a council are more than 90 days apart (re-inspections
    and visits aside)."""
    for placed in ix.records["councils"]:
        graded = sorted(
            (
                (dates.earliest(d), i, insp)
                for i, insp in inspections(placed)
                if FRAMEWORKS[insp.framework].headline
                and not insp.framework.endswith("reinspection")
                and (d := _day(insp))
            ),
            key=lambda t: t[0],
        )
        for (d1, _, a), (d2, i, b) in zip(graded, graded[1:], strict=False):
            if (d2 - d1).days <= CLOSE_DAYS:
                yield placed.problem(
                    ("inspections", i, "id"),
                    f"{b.id!r} is {(d2 - d1).days} days after {a.id!r}: whole-service "
                    f"inspections are years apart, so this looks like one inspection recorded "
                    "twice (dated differently by two sources); keep one record and note the "
                    "conflict",
                    Code.SAME_INSPECTION,
                )


def official_cutoff(ix: Index) -> str | None:
    """The newest cut-off of the official releases among the sources."""
    cutoffs = [
        p.record.cutoff
        for p in ix.records["sources"]
        if p.record.kind == "official_statistics" and p.record.cutoff
    ]
    return max(cutoffs, default=None)


def provisional_marked(ix: Index) -> Iterator[Problem]:
    """A report published after the official record's cut-off is provisional; a provisional
    record cites no official release."""
    cutoff = official_cutoff(ix)
    official = {
        p.record.id for p in ix.records["sources"] if p.record.kind == "official_statistics"
    }
    for placed in ix.records["councils"]:
        for i, insp in inspections(placed):
            cited = [s for s in insp.sources if s in official]
            if insp.provisional and cited:
                yield placed.problem(
                    ("inspections", i, "provisional"),
                    f"a provisional record cites the official release {cited[0]!r}: remove "
                    "`provisional` if that release includes it (`ofsted import` does this), "
                    "else the citation",
                    Code.PROVISIONAL,
                )
            when = _day(insp)
            if cutoff and when and not insp.provisional and not cited:
                if dates.earliest(when).isoformat() > cutoff:
                    yield placed.problem(
                        ("inspections", i, "id"),
                        f"published after the official record's cut-off ({cutoff}) and in no "
                        "official release: add `provisional: true`",
                        Code.PROVISIONAL,
                    )


def formula_like(text: str) -> bool:
    """True when a spreadsheet would take *text* for a formula."""
    return text.startswith(FORMULA_START)


def _texts(value: Any, loc: tuple[int | str, ...]) -> Iterator[tuple[tuple[int | str, ...], str]]:
    """Every text in a record (fields, list items, nested models) with its path; a council's
    inspections are left to the caller, which knows their places in the file."""
    if isinstance(value, str):
        yield loc, value
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from _texts(v, (*loc, i))
    elif hasattr(value, "__pydantic_fields__"):  # a record; vars() is cheaper than model_dump
        for k, v in vars(value).items():
            if k != "inspections":
                yield from _texts(v, (*loc, k))


def no_formula_text(ix: Index) -> Iterator[Problem]:
    """Warn about text that begins like a spreadsheet formula (=, +, -, @, tab, return)."""
    for kind in ix.records.by_kind:
        for placed in ix.records[kind]:
            found = list(_texts(placed.record, ()))
            if kind == "councils":
                for i, insp in inspections(placed):
                    found += _texts(insp, ("inspections", i))
            for sub, text in found:
                if text.startswith(FORMULA_START):
                    problem = placed.problem(
                        sub,
                        f"begins with {text[:1]!r}, which a spreadsheet would run as a formula "
                        "(the CSV and XLSX exports prefix it with a single quote)",
                        Code.FORMULA_TEXT,
                    )
                    yield replace(problem, severity="warning")
