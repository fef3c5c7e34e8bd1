"""Cross-record rules about identity: unique ids, references that resolve, names."""

from __future__ import annotations

from collections.abc import Iterator

from ofsted_cli.dataset.index import Index, inspections
from ofsted_cli.dataset.problems import Code, Problem
from ofsted_cli.dataset.records import Placed
from ofsted_cli.vocab.kinds import KINDS
from ofsted_cli.vocab.names import key


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


def names_belong_to_one_council(ix: Index) -> Iterator[Problem]:
    """No council's name or other name is another council's name or id (a former council and
    its successor may share a name)."""
    # A council that failed its schema check has no name here and takes no part.
    councils = [p for p in ix.records["councils"] if getattr(p.record, "name", None)]
    owners: dict[str, set[str]] = {}
    successors: dict[str, list[str]] = {}
    for placed in councils:
        c = placed.record
        successors[c.id] = c.successors
        for n in (c.id, c.name):
            owners.setdefault(key(n), set()).add(c.id)
    # Sorted once per name, and at most three named per problem: a file of thousands of
    # councils sharing one name makes one problem each, not one per pair (issue #13).
    ordered = {k: sorted(ids) for k, ids in owners.items()}
    predecessors: dict[str, set[str]] = {}
    for cid, later in successors.items():
        for s in later:
            predecessors.setdefault(s, set()).add(cid)
    for placed in councils:
        c = placed.record
        kin = {c.id, *successors[c.id], *predecessors.get(c.id, ())}
        names: list[tuple[tuple[int | str, ...], str]] = [(("name",), c.name)]
        names += [(("other_names", j), n) for j, n in enumerate(c.other_names)]
        for sub, n in names:
            pool = ordered.get(key(n), [])
            others: list[str] = []
            for other in pool:
                if other not in kin:
                    others.append(other)
                    if len(others) == 3:
                        break
            if not others:
                continue
            more = len(pool) - sum(k in owners[key(n)] for k in kin) - len(others)
            yield placed.problem(
                sub,
                f"{n!r} is the name or id of {_names(others, more)}: a name may belong to one "
                "council only"
                + (" (was a list of names split at a comma?)" if sub[0] == "other_names" else ""),
                Code.NAME_CLASH,
            )


def _names(ids: list[str], more: int) -> str:
    """ "council 'a'", "councils 'a' and 'b'", "councils 'a', 'b', 'c' and 5 more"."""
    quoted = [repr(i) for i in ids]
    if more > 0:
        return f"councils {', '.join(quoted)} and {more:,} more"
    if len(quoted) == 1:
        return f"council {quoted[0]}"
    return f"councils {', '.join(quoted[:-1])} and {quoted[-1]}"


def source_inclusions(ix: Index) -> Iterator[Problem]:
    """The inspections a release says it includes exist."""
    if not ix.checked("councils"):
        return
    for placed in ix.records["sources"]:
        for j, iid in enumerate(placed.record.includes):
            if iid not in ix.owner:
                yield placed.problem(
                    ("includes", j),
                    f"unknown inspection {iid!r}: no inspection has this id",
                    Code.UNKNOWN_REFERENCE,
                )
