"""Cross-record rules: small named functions, registered in RULES, run over valid records."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from ofsted_cli.dataset.problems import Code, Problem
from ofsted_cli.dataset.schema import Placed, Records
from ofsted_cli.vocab import dates
from ofsted_cli.vocab.frameworks import FRAMEWORKS
from ofsted_cli.vocab.kinds import KINDS


def inspections(placed: Placed) -> Iterable[tuple[int, Any]]:
    """Each inspection of a council with its index in the file (invalid ones are left out)."""
    items = placed.record.inspections
    return zip(placed.positions or range(len(items)), items, strict=True)


@dataclass
class Index:
    """What the rules look up: ids by kind, and which council each inspection belongs to."""

    records: Records
    today: str
    ids: dict[str, dict[str, Placed]] = field(default_factory=dict)
    owner: dict[str, str] = field(default_factory=dict)
    """Inspection id -> council id (first occurrence)."""

    def __post_init__(self) -> None:
        for kind in KINDS:
            first: dict[str, Placed] = {}
            for placed in self.records[kind]:
                first.setdefault(placed.record.id, placed)
            self.ids[kind] = first
        for placed in self.records["councils"]:
            for _, insp in inspections(placed):
                self.owner.setdefault(insp.id, placed.record.id)

    def checked(self, kind: str) -> bool:
        """References to *kind* are checked only when a file of that kind is present."""
        return kind in self.records.kinds_seen

    def ref(
        self, placed: Placed, sub: tuple[int | str, ...], kind: str, value: str
    ) -> Problem | None:
        """A problem when *value* names no record of *kind* (a file of it being present)."""
        if not self.checked(kind) or value in self.ids[kind]:
            return None
        what = KINDS[kind].record
        return placed.problem(
            sub, f"unknown {what} {value!r}: no {what} has this id", Code.UNKNOWN_REFERENCE
        )


Rule = Callable[[Index], Iterator[Problem]]
RULES: list[Rule] = []


def rule(fn: Rule) -> Rule:
    """Register *fn* as a cross-record rule."""
    RULES.append(fn)
    return fn


def check(records: Records, today: str) -> list[Problem]:
    """Every cross-record problem in *records*."""
    index = Index(records, today)
    return [p for fn in RULES for p in fn(index)]


@rule
def unique_ids(ix: Index) -> Iterator[Problem]:
    """Record ids are unique within their kind; inspection ids across all councils."""
    for kind, spec in KINDS.items():
        for placed in ix.records[kind]:
            first = ix.ids[kind][placed.record.id]
            if first is not placed:
                rid = placed.record.id
                yield placed.problem(
                    ("id",),
                    f"{spec.record} id {rid!r} is used twice (also at {first.where()})",
                    Code.DUPLICATE_ID,
                )
    seen: dict[str, Placed] = {}
    for placed in ix.records["councils"]:
        for i, insp in inspections(placed):
            here = Placed(insp, placed.doc, placed.loc + ("inspections", i))
            if insp.id in seen:
                yield here.problem(
                    ("id",),
                    f"inspection id {insp.id!r} is used twice (also at {seen[insp.id].where()})",
                    Code.DUPLICATE_ID,
                )
            else:
                seen[insp.id] = here


@rule
def references(ix: Index) -> Iterator[Problem]:
    """Every council, source and group named by id exists."""
    found: list[Problem | None] = []
    for placed in ix.records["councils"]:
        council = placed.record
        found += [
            ix.ref(placed, ("successors", j), "councils", s)
            for j, s in enumerate(council.successors)
        ]
        found += [
            ix.ref(placed, ("sources", j), "sources", s) for j, s in enumerate(council.sources)
        ]
        for i, insp in inspections(placed):
            found += [
                ix.ref(placed, ("inspections", i, "sources", j), "sources", s)
                for j, s in enumerate(insp.sources)
            ]
    for placed in ix.records["statements"]:
        found.append(ix.ref(placed, ("council",), "councils", placed.record.council))
    for placed in ix.records["groups"]:
        found += [
            ix.ref(placed, ("members", j), "councils", m)
            for j, m in enumerate(placed.record.members)
        ]
    for kind in ("statements", "groups", "figures"):
        for placed in ix.records[kind]:
            found += [
                ix.ref(placed, ("sources", j), "sources", s)
                for j, s in enumerate(placed.record.sources)
            ]
    yield from (p for p in found if p is not None)


@rule
def figure_subjects(ix: Index) -> Iterator[Problem]:
    """A figure's subject is a council or a group."""
    if not (ix.checked("councils") and ix.checked("groups")):
        return
    for placed in ix.records["figures"]:
        subject = placed.record.subject
        if subject not in ix.ids["councils"] and subject not in ix.ids["groups"]:
            yield placed.problem(
                ("subject",),
                f"unknown subject {subject!r}: expected a council id or a group id",
                Code.UNKNOWN_REFERENCE,
            )


@rule
def statement_inspections(ix: Index) -> Iterator[Problem]:
    """A statement's inspection exists and belongs to the statement's council."""
    if not ix.checked("councils"):
        return
    for placed in ix.records["statements"]:
        st = placed.record
        if st.inspection is None:
            continue
        owner = ix.owner.get(st.inspection)
        if owner is None:
            yield placed.problem(
                ("inspection",),
                f"unknown inspection {st.inspection!r}: no inspection has this id",
                Code.UNKNOWN_REFERENCE,
            )
        elif owner != st.council:
            yield placed.problem(
                ("inspection",),
                f"inspection {st.inspection!r} is of {owner!r}, not of {st.council!r}",
                Code.WRONG_COUNCIL,
            )


@rule
def abolished_only_former(ix: Index) -> Iterator[Problem]:
    """Only a former council has an abolition date."""
    for placed in ix.records["councils"]:
        if getattr(placed.record, "abolished", None) and placed.record.status != "former":
            yield placed.problem(
                ("abolished",),
                "a council with an abolition date must have status: former",
                Code.FORMER_ONLY,
            )


@rule
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


@rule
def no_future_dates(ix: Index) -> Iterator[Problem]:
    """No date is later than today."""
    for placed, sub, value in _dated(ix):
        if value is not None and dates.earliest(value).isoformat() > ix.today:
            yield placed.problem(
                sub, f"{value} is in the future (today is {ix.today})", Code.FUTURE_DATE
            )


@rule
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
