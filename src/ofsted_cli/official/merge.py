"""Merge imported rows into the data: fill gaps, never overwrite, list every disagreement.

Official releases are applied newest first, so a newer release's value wins inside one run. A
value the data already has is never replaced; where a file disagrees with it, the disagreement
is reported. The report scrape only adds provisional records and report links (scrape.py).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from ofsted_cli.official import identity, match
from ofsted_cli.official.releases import Release, Row
from ofsted_cli.vocab import dates
from ofsted_cli.vocab.names import slug

Record = dict[str, Any]


@dataclass
class ImportReport:
    """What an import did, or would do."""

    files: list[str] = field(default_factory=list)
    rows: int = 0
    councils_added: list[str] = field(default_factory=list)
    added: Counter[str] = field(default_factory=Counter)
    provisional_added: Counter[str] = field(default_factory=Counter)
    confirmed: list[str] = field(default_factory=list)
    links_added: int = 0
    changes: list[str] = field(default_factory=list)
    disagreements: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    totals: Counter[str] = field(default_factory=Counter)
    written: list[str] = field(default_factory=list)


class Merge:
    """The data being merged into (as parsed from YAML), with what has changed."""

    def __init__(
        self,
        councils: list[Record],
        sources: list[Record],
        lookup: list[identity.Entry],
        report: ImportReport,
    ) -> None:
        self.councils, self.sources, self.lookup, self.report = councils, sources, lookup, report
        self.dirty: set[str] = set()
        self.regions_seen: set[str] = set()
        self.ids = {i["id"] for c in councils for i in c.get("inspections", [])}
        self.created: set[str] = set()

    # --- sources --------------------------------------------------------------------------
    def cite(self, release: Release) -> None:
        """Make sure the source record of *release* exists (and knows its cut-off)."""
        have = next((s for s in self.sources if s["id"] == release.id), None)
        if have is None:
            self.sources.append(release.source())
            self.dirty.add("sources")
            self.report.changes.append(f"source {release.id}: added")
        elif release.cutoff and not have.get("cutoff"):
            have["cutoff"] = release.cutoff
            self.dirty.add("sources")
            self.report.changes.append(f"source {release.id}: cutoff {release.cutoff} added")

    # --- councils -------------------------------------------------------------------------
    def council_for(self, row: Row) -> Record:
        entry = identity.find(self.lookup, row.council_name, row.ons_code, former=row.former)
        ons = row.ons_code or (entry.ons_code if entry and not row.former else None)
        found = match.council(self.councils, row, ons)
        if found is None:
            return self._new_council(row, entry)
        return self._update_council(found, row, entry)

    def _new_council(self, row: Row, entry: identity.Entry | None) -> Record:
        # Former councils' ids end in -former, so that no current council is ever given one.
        cid = slug(row.council_name) + ("-former" if row.former else "")
        if any(c["id"] == cid for c in self.councils):
            cid += "-council"
        council: Record = {"id": cid, "name": row.council_name, "other_names": []}
        ons = row.ons_code or (entry.ons_code or entry.old_ons_code if entry else None)
        if ons:
            council["ons_code"] = ons
        if entry and entry.la_number:
            council["la_number"] = entry.la_number
        if entry and entry.urn:
            council["urn"] = entry.urn
        if row.region:
            council["region"] = row.region
        council["status"] = "former" if row.former else "current"
        council["sources"] = [row.release.id] + ([identity.SOURCE.id] if entry else [])
        if entry:
            council["other_names"] = _more_names(council["name"], [], entry.names())
        council["inspections"] = []
        self.councils.append(council)
        self.dirty.add("councils")
        self.report.councils_added.append(cid)
        self.regions_seen.add(cid)
        return council

    def _update_council(self, council: Record, row: Row, entry: identity.Entry | None) -> Record:
        cid = council["id"]
        names = _more_names(council["name"], council.get("other_names", []), [row.council_name])
        if names != council.get("other_names", []):
            council["other_names"] = names
            self.changed(f"council {cid}: other name {row.council_name!r} added")
        if row.release.id not in council.setdefault("sources", []):
            council["sources"].append(row.release.id)
            self.dirty.add("councils")
        for field_, value, source in (
            ("ons_code", row.ons_code, row.release.id),
            ("urn", entry.urn if entry else None, identity.SOURCE.id),
        ):
            if value and not council.get(field_):
                council[field_] = value
                if source not in council["sources"]:
                    council["sources"].append(source)
                self.changed(f"council {cid}: {field_} {value} added")
        if row.former and council.get("status", "current") != "former":
            self.disagree(
                f"council {cid}: status is current, {row.where} lists it as no longer existing"
            )
        if row.region and cid not in self.regions_seen:
            self.regions_seen.add(cid)  # the newest edition's region is the one compared
            if not council.get("region"):
                council["region"] = row.region
                self.changed(f"council {cid}: region {row.region!r} added")
            elif council["region"] != row.region:
                have = council["region"]
                self.disagree(f"council {cid}: region is {have!r}, {row.where} has {row.region!r}")
        return council

    # --- inspections ----------------------------------------------------------------------
    def apply(self, row: Row) -> None:
        """Merge one official row."""
        council = self.council_for(row)
        inspections = council.setdefault("inspections", [])
        found, how = match.inspection(inspections, row)
        if found is None:
            inspections.append(self.new_inspection(council["id"], row))
            inspections.sort(key=sort_key)
            self.dirty.add("councils")
            self.report.added[row.framework] += 1
            return
        label = f"{council['id']}/{found['id']}"
        if how == "redated":
            key = (
                "published"
                if row.published and found.get("published") != row.published
                else "start"
            )
            self.disagree(
                f"{label}: {key} is {found.get(key)!r}, {row.where} has "
                f"{getattr(row, key)!r} (the same inspection, dated differently)"
            )
        self._merge(label, found, row, skip_dates=how == "redated")

    def new_inspection(self, council_id: str, row: Row, *, provisional: bool = False) -> Record:
        when = row.published or row.start or "undated"
        base = f"{council_id}-{row.framework.replace('_', '-')}-{when}"
        iid, n = base, 2
        while iid in self.ids:
            iid, n = f"{base}-{n}", n + 1
        self.ids.add(iid)
        self.created.add(iid)
        record: Record = {"id": iid, "framework": row.framework}
        for k in ("start", "end", "published", "lead_inspector", "theme"):
            if getattr(row, k):
                record[k] = getattr(row, k)
        if row.judgements:
            record["judgements"] = dict(row.judgements)
        if provisional:
            record["provisional"] = True
        record["sources"] = [row.release.id]
        return record

    def _merge(self, label: str, insp: Record, row: Row, *, skip_dates: bool) -> None:
        before = len(self.report.disagreements)

        def disagree(what: str, have: object, value: object) -> None:
            self.disagree(f"{label}: {what} is {have!r}, {row.where} has {value!r}")
            if insp["id"] in self.created:  # made in this run from a newer release: say so
                note = (
                    f"Ofsted's {row.release.title} gives {what} {value!r} ({row.where}); "
                    f"this record follows the newer release ({have!r})."
                )
                insp["notes"] = f"{insp['notes']}\n\n{note}" if insp.get("notes") else note

        if insp["framework"] != row.framework:
            disagree("framework", insp["framework"], row.framework)
        for k in ("theme",) if skip_dates else ("start", "published", "theme"):
            value, have = getattr(row, k), insp.get(k)
            if value is None or have == value:
                continue
            if have is None or (k != "theme" and _refines(str(have), value)):
                insp[k] = value
                self.changed(f"{label}: {k} {value} added")
            else:
                disagree(k, have, value)
        grades = insp.setdefault("judgements", {})
        for area, grade in row.judgements.items():
            if area not in grades:
                grades[area] = grade
                self.changed(f"{label}: judgement {area} = {grade} added")
            elif grades[area] != grade:
                disagree(area, grades[area], grade)
        if not grades:
            del insp["judgements"]
        if insp.get("provisional"):
            if len(self.report.disagreements) > before:  # the curator decides; not cited yet
                self.disagree(f"{label}: stays provisional: {row.release.title} disagrees")
                return
            del insp["provisional"]
            self.report.confirmed.append(f"{label}: confirmed by {row.release.title}")
            self.changed(f"{label}: no longer provisional")
        if row.release.id not in insp.setdefault("sources", []):
            insp["sources"].append(row.release.id)
            self.changed(f"{label}: cites {row.release.id}")

    def changed(self, message: str) -> None:
        self.dirty.add("councils")
        self.report.changes.append(message)

    def disagree(self, message: str) -> None:
        self.report.disagreements.append(message)


def _more_names(name: str, have: list[str], more: Any) -> list[str]:
    out = list(have)
    for n in (m.strip() for m in more):
        if n and n != name and n not in out:
            out.append(n)
    return out


def _refines(have: str, value: str) -> bool:
    """True when *value* is a more precise date inside the partial date *have*."""
    return len(value) > len(have) and value.startswith(have)


def sort_key(insp: Record) -> tuple[str, str]:
    when = insp.get("published") or insp.get("start") or "9999"
    return (dates.earliest(str(when)).isoformat(), insp["id"])
