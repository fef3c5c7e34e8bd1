"""Build the export's tables (tables.py) from validated records: plain rows, in a fixed order.

Every table is sorted by its key, so that two exports of the same data are the same bytes.
"""

from __future__ import annotations

from typing import Any

from ofsted_cli.dataset.schema import Records
from ofsted_cli.export.tables import TABLES
from ofsted_cli.vocab import dates
from ofsted_cli.vocab.frameworks import AREA_LABELS, AREAS, FRAMEWORKS
from ofsted_cli.vocab.grades import GRADES, NO_OVERALL, NONE_IN_FORCE, words

Row = dict[str, Any]
Tables = dict[str, list[Row]]

NOTE_2026 = "the ILACS framework in force from April 2026 gives no overall effectiveness judgement"
NOTE_UNGRADED = "no overall effectiveness grade recorded"
NOTE_NONE = "no whole-service inspection (SIF or ILACS) published yet"


def _partial(name: str, value: str | None) -> Row:
    return {name: value, f"{name}_precision": dates.precision(value) if value else None}


def sort_day(insp: Any) -> str:
    """The day an inspection is ordered by: its publication, else its visit, else last."""
    when = insp.published or insp.start or insp.end
    return dates.earliest(when).isoformat() if when else "9999-12-31"


def _unique(ids: list[str]) -> list[str]:
    return list(dict.fromkeys(ids))


def build(records: Records) -> Tables:
    """Every table of TABLES as rows, each row holding exactly the table's columns."""
    councils = sorted((p.record for p in records["councils"]), key=lambda c: c.id)
    groups = sorted((p.record for p in records["groups"]), key=lambda g: g.id)
    group_ids = {g.id for g in groups}
    out: Tables = {t.name: [] for t in TABLES}
    for c in councils:
        out["councils"].append(_council(c))
        out["council_successors"] += [
            {"council_id": c.id, "successor_id": s} for s in sorted(set(c.successors))
        ]
        out["council_sources"] += _links("council", c.id, c.sources)
        for insp in sorted(c.inspections, key=lambda i: (sort_day(i), i.id)):
            out["inspections"].append(_inspection(c, insp))
            out["judgements"] += _judgements(c.id, insp)
            out["inspection_sources"] += _links("inspection", insp.id, insp.sources)
    for st in sorted((p.record for p in records["statements"]), key=lambda s: s.id):
        out["statements"].append(_statement(st))
        out["statement_sources"] += _links("statement", st.id, st.sources)
    for so in sorted((p.record for p in records["sources"]), key=lambda s: s.id):
        out["sources"].append(_source(so))
    for g in groups:
        out["groups"].append({"id": g.id, "name": g.name, "notes": g.notes})
        out["group_members"] += [
            {"group_id": g.id, "council_id": m} for m in sorted(set(g.members))
        ]
        out["group_sources"] += _links("group", g.id, g.sources)
    for f in sorted((p.record for p in records["figures"]), key=lambda f: f.id):
        out["figures"].append(_figure(f, f.subject in group_ids))
        out["figure_sources"] += _links("figure", f.id, f.sources)
    out["latest_ratings"] = latest_ratings(out["councils"], out["inspections"])
    for table in TABLES:  # the contract every writer relies on
        assert all(list(r) == table.names for r in out[table.name]), table.name
    return out


def _links(record: str, rid: str, sources: list[str]) -> list[Row]:
    return [{f"{record}_id": rid, "source_id": s} for s in sorted(_unique(sources))]


def _council(c: Any) -> Row:
    return {
        "id": c.id,
        "name": c.name,
        "other_names": "; ".join(c.other_names) or None,
        "ons_code": c.ons_code,
        "la_number": c.la_number,
        "urn": c.urn,
        "region": c.region,
        "status": c.status,
        **_partial("abolished", c.abolished),
        "notes": c.notes,
    }


def _inspection(c: Any, insp: Any) -> Row:
    fw = FRAMEWORKS[insp.framework]
    row: Row = {
        "id": insp.id,
        "council_id": c.id,
        "council_name": c.name,
        "ons_code": c.ons_code,
        "la_number": c.la_number,
        "region": c.region,
        "framework": insp.framework,
        "framework_label": fw.label,
        "whole_service": fw.headline,
        **_partial("start", insp.start),
        **_partial("end", insp.end),
        **_partial("published", insp.published),
        "lead_inspector": insp.lead_inspector,
        "theme": insp.theme,
        "provisional": insp.provisional,
        "notes": insp.notes,
    }
    for area in AREAS:
        grade = insp.judgements.get(area)
        row[area] = grade
        row[f"{area}_label"] = words(grade) if grade else None
    return row


def _judgements(council_id: str, insp: Any) -> list[Row]:
    return [
        {
            "inspection_id": insp.id,
            "council_id": council_id,
            "framework": insp.framework,
            "area": area,
            "area_label": AREA_LABELS[area],
            "grade": insp.judgements[area],
            "grade_label": words(insp.judgements[area]),
            "grade_rank": GRADES[insp.judgements[area]].rank,
        }
        for area in AREAS
        if area in insp.judgements
    ]


def _statement(st: Any) -> Row:
    return {
        "id": st.id,
        "council_id": st.council,
        "inspection_id": st.inspection,
        **_partial("date", st.date),
        "date_inferred": st.date_inferred,
        "speaker_name": st.speaker.name,
        "speaker_role": st.speaker.role,
        "speaker_organisation": st.speaker.organisation,
        "kind": st.kind,
        "text": st.text,
        "notes": st.notes,
    }


def _source(s: Any) -> Row:
    return {
        "id": s.id,
        "title": s.title,
        "publisher": s.publisher,
        "url": s.url,
        **_partial("published", s.published),
        "published_inferred": s.published_inferred,
        **_partial("cutoff", s.cutoff),
        "kind": s.kind,
        "notes": s.notes,
    }


def _figure(f: Any, of_group: bool) -> Row:
    return {
        "id": f.id,
        "subject": f.subject,
        "council_id": None if of_group else f.subject,
        "group_id": f.subject if of_group else None,
        "topic": f.topic,
        "measure": f.measure,
        "description": f.description,
        "value": f.value,
        "unit": f.unit,
        **_partial("as_of", f.as_of),
        "as_of_inferred": f.as_of_inferred,
        "notes": f.notes,
    }


def latest_ratings(councils: list[Row], inspections: list[Row]) -> list[Row]:
    """One row per current council: the latest published whole-service inspection's rating.

    The same rule as `ofsted councils` (query/ratings.in_force on today): latest by the last
    day its publication date can mean, ties by id. The data holds no future dates, so every
    published inspection is in force from its day on.
    """
    best: dict[str, Row] = {}
    for insp in inspections:
        if not insp["whole_service"] or not insp["published"]:
            continue
        key = (dates.latest(insp["published"]).isoformat(), insp["id"])
        held = best.get(insp["council_id"])
        if held is None or key > (dates.latest(held["published"]).isoformat(), held["id"]):
            best[insp["council_id"]] = insp
    out = []
    for c in councils:
        if c["status"] != "current":
            continue
        chosen = best.get(c["id"])
        rating, note = _rating(chosen)
        out.append(
            {
                "council_id": c["id"],
                "council_name": c["name"],
                "region": c["region"],
                "rating": rating,
                "rating_label": words(rating),
                "rating_note": note,
                "inspection_id": chosen["id"] if chosen else None,
                "framework": chosen["framework"] if chosen else None,
                "framework_label": chosen["framework_label"] if chosen else None,
                "published": chosen["published"] if chosen else None,
                "published_precision": chosen["published_precision"] if chosen else None,
                "provisional": chosen["provisional"] if chosen else None,
            }
        )
    return out


def _rating(insp: Row | None) -> tuple[str, str | None]:
    if insp is None:
        return NONE_IN_FORCE, NOTE_NONE
    if insp["overall_effectiveness"]:
        return insp["overall_effectiveness"], None
    return NO_OVERALL, NOTE_2026 if insp["framework"] == "ilacs_2026" else NOTE_UNGRADED
