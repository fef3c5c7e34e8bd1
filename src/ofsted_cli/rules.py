"""Cross-record checks: unique ids, references, date order, judgements per framework."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from ofsted_cli import dates
from ofsted_cli.checks import Dataset, Placed
from ofsted_cli.frameworks import FRAMEWORKS
from ofsted_cli.result import Code


def check(ds: Dataset, today: str | None = None) -> None:
    """Add every cross-record problem in *ds* to its problem list."""
    today = today or dt.date.today().isoformat()
    recs = ds.records
    councils = _unique(ds, recs["councils"], "council")
    sources = _unique(ds, recs["sources"], "source")
    groups = _unique(ds, recs["groups"], "group")
    _unique(ds, recs["statements"], "statement")
    _unique(ds, recs["figures"], "figure")
    inspections: dict[str, str] = {}  # inspection id -> council id
    seen_at: dict[str, Placed] = {}
    for placed in recs["councils"]:
        council = placed.record
        for i, insp in _inspections(placed):
            if insp.id in inspections:
                ds.problem(
                    placed,
                    ("inspections", i, "id"),
                    f"inspection id {insp.id!r} is used twice (also at {_where(seen_at[insp.id])})",
                    Code.DUPLICATE_ID,
                )
            else:
                inspections[insp.id] = council.id
                seen_at[insp.id] = Placed(insp, placed.doc, placed.loc + ("inspections", i))
    check_refs = {
        "council": (councils, "councils" in ds.kinds_seen),
        "source": (sources, "sources" in ds.kinds_seen),
        "group": (groups, "groups" in ds.kinds_seen),
    }

    def ref(placed: Placed, sub: tuple[int | str, ...], kind: str, value: str) -> None:
        known, active = check_refs[kind]
        if active and value not in known:
            ds.problem(
                placed,
                sub,
                f"unknown {kind} {value!r}: no {kind} has this id",
                Code.UNKNOWN_REFERENCE,
            )

    for placed in recs["councils"]:
        council = placed.record
        for j, succ in enumerate(council.successors):
            ref(placed, ("successors", j), "council", succ)
        for j, src in enumerate(council.sources):
            ref(placed, ("sources", j), "source", src)
        if getattr(council, "abolished", None) and council.status != "former":
            ds.problem(
                placed,
                ("abolished",),
                "a council with an abolition date must have status: former",
                Code.SCHEMA,
            )
        if getattr(council, "abolished", None):
            _future(ds, placed, ("abolished",), council.abolished, today)
        for i, insp in _inspections(placed):
            for j, src in enumerate(insp.sources):
                ref(placed, ("inspections", i, "sources", j), "source", src)
            _check_inspection(ds, placed, i, insp, today)
    for placed in recs["statements"]:
        st = placed.record
        ref(placed, ("council",), "council", st.council)
        for j, src in enumerate(st.sources):
            ref(placed, ("sources", j), "source", src)
        if st.inspection is not None and "councils" in ds.kinds_seen:
            owner = inspections.get(st.inspection)
            if owner is None:
                ds.problem(
                    placed,
                    ("inspection",),
                    f"unknown inspection {st.inspection!r}: no inspection has this id",
                    Code.UNKNOWN_REFERENCE,
                )
            elif owner != st.council:
                ds.problem(
                    placed,
                    ("inspection",),
                    f"inspection {st.inspection!r} is of {owner!r}, not of {st.council!r}",
                    Code.WRONG_COUNCIL,
                )
        _future(ds, placed, ("date",), st.date, today)
    for placed in recs["sources"]:
        _future(ds, placed, ("published",), placed.record.published, today)
    for placed in recs["groups"]:
        for j, member in enumerate(placed.record.members):
            ref(placed, ("members", j), "council", member)
        for j, src in enumerate(placed.record.sources):
            ref(placed, ("sources", j), "source", src)
    for placed in recs["figures"]:
        fig = placed.record
        if (
            "councils" in ds.kinds_seen
            and "groups" in ds.kinds_seen
            and (fig.subject not in councils and fig.subject not in groups)
        ):
            ds.problem(
                placed,
                ("subject",),
                f"unknown subject {fig.subject!r}: expected a council id or a group id",
                Code.UNKNOWN_REFERENCE,
            )
        for j, src in enumerate(fig.sources):
            ref(placed, ("sources", j), "source", src)
        _future(ds, placed, ("as_of",), fig.as_of, today)


def _check_inspection(ds: Dataset, placed: Placed, i: int, insp: object, today: str) -> None:
    from ofsted_cli.models import Inspection

    assert isinstance(insp, Inspection)
    base: tuple[int | str, ...] = ("inspections", i)
    order = [(k, getattr(insp, k)) for k in ("start", "end", "published")]
    known = [(k, v) for k, v in order if v is not None]
    for (k1, v1), (k2, v2) in zip(known, known[1:], strict=False):
        if dates.definitely_before(v2, v1):
            ds.problem(
                placed,
                (*base, k2),
                f"{k2} {v2} is before {k1} {v1}; expected start <= end <= published",
                Code.DATE_ORDER,
            )
    for k, v in known:
        _future(ds, placed, (*base, k), v, today)
    fw = FRAMEWORKS[insp.framework]
    if insp.judgements and not fw.graded:
        ds.problem(
            placed,
            (*base, "judgements"),
            f"{fw.label} ({insp.framework}) gives no "
            "graded judgements; remove `judgements` and describe the findings in notes",
            Code.UNGRADED,
            key=True,
        )
        return
    allowed = fw.allowed_areas(insp.start or insp.published)
    for area, grade in insp.judgements.items():
        if area not in allowed:
            when = ""
            if insp.framework.startswith("ilacs_") and area in (
                "children_in_care_and_care_leavers",
                "children_in_care",
                "care_leavers",
            ):
                when = (
                    " (ILACS judges children in care and care leavers together before "
                    "1 January 2023, separately from then on)"
                )
            ds.problem(
                placed,
                (*base, "judgements", area),
                f"{insp.framework} has no "
                f"judgement area {area!r}{when}; allowed: {', '.join(allowed)}",
                Code.JUDGEMENT_AREA,
                key=True,
            )
        elif grade not in fw.scale:
            ds.problem(
                placed,
                (*base, "judgements", area),
                f"grade {grade!r} is not on the "
                f"{insp.framework} scale; allowed: {', '.join(fw.scale)}",
                Code.GRADE,
            )


def _inspections(placed: Placed) -> Iterable[tuple[int, Any]]:
    """Each inspection of a council with its index in the file (invalid ones are left out)."""
    items = placed.record.inspections
    return zip(placed.positions or range(len(items)), items, strict=True)


def _future(
    ds: Dataset, placed: Placed, sub: tuple[int | str, ...], value: str | None, today: str
) -> None:
    if value is not None and dates.earliest(value).isoformat() > today:
        ds.problem(placed, sub, f"{value} is in the future (today is {today})", Code.FUTURE_DATE)


def _unique(ds: Dataset, items: Iterable[Placed], kind: str) -> set[str]:
    seen: dict[str, Placed] = {}
    for placed in items:
        rid = placed.record.id
        if rid in seen:
            ds.problem(
                placed,
                ("id",),
                f"{kind} id {rid!r} is used twice (also at {_where(seen[rid])})",
                Code.DUPLICATE_ID,
            )
        else:
            seen[rid] = placed
    return set(seen)


def _where(placed: Placed) -> str:
    from ofsted_cli import loading

    line, col = loading.locate(placed.doc.tree(), placed.loc)
    return f"{placed.doc.path}:{line}:{col}"
