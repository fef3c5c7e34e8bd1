"""Merge Ofsted's official files into the data: idempotent, never overwriting curated values.

Editions are applied newest first, so a newer release's value wins inside one run. A value the
data already has is never replaced; where a file disagrees with it, the disagreement is reported.
Nothing is written unless the whole import succeeds.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ofsted_cli import datadir, dates, editions, identity, loading, models, writer
from ofsted_cli.editions import OfficialRow, Release
from ofsted_cli.errors import ImportFormatError, InvalidDataError

# The canonical key order of written records is the models' field order.
_INSPECTION_KEYS = tuple(models.Inspection.model_fields)
_COUNCIL_KEYS = tuple(models.Council.model_fields)
_COMPATIBLE = {frozenset({"ilacs_standard", "ilacs_short"})}


@dataclass
class ImportReport:
    """What an import did, or would do."""

    files: list[str] = field(default_factory=list)
    rows: int = 0
    councils_added: list[str] = field(default_factory=list)
    added: Counter[str] = field(default_factory=Counter)
    changes: list[str] = field(default_factory=list)
    disagreements: list[str] = field(default_factory=list)
    totals: Counter[str] = field(default_factory=Counter)
    written: list[str] = field(default_factory=list)


def run(
    files: list[Path],
    data_dir: Path,
    lookup: Path | None = None,
    *,
    write: bool = True,
    progress: Callable[[str], None] = lambda _: None,
) -> ImportReport:
    """Import *files* into *data_dir*; return the report. Raise OfstedError on any failure."""
    from ofsted_cli import checks

    present = datadir.data_files(data_dir)
    result = checks.check_paths(present)
    if present and not result.ok:
        raise InvalidDataError(len(result.problems), str(data_dir))
    report = ImportReport(files=[str(f) for f in files])
    read: list[tuple[Release, list[OfficialRow]]] = []
    for i, path in enumerate(files, 1):
        if not path.is_file():
            raise ImportFormatError(f"{path}: no such file")
        progress(f"[{i}/{len(files)}] reading {path.name}")
        release, rows = editions.read(path)
        progress(f"        {release.title}: {len(rows)} inspections and visits")
        read.append((release, rows))
        report.rows += len(rows)
    order = [e.release.id for e in _editions()]
    read.sort(key=lambda pair: order.index(pair[0].id))
    if lookup is None and files and (files[0].parent / identity.LOOKUP).is_file():
        lookup = files[0].parent / identity.LOOKUP
    state = _State(data_dir, identity.read_lookup(lookup) if lookup else [], report)
    for release, rows in read:
        state.add_source(release)
        for row in rows:
            state.apply(row)
    if lookup:
        state.add_lookup_source()
    for council in state.councils:
        for insp in council.get("inspections", []):
            report.totals[insp["framework"]] += 1
    if write:
        report.written = state.write()
    return report


def _editions() -> list[editions.Edition]:
    from ofsted_cli.layouts import EDITIONS

    return EDITIONS


class _State:
    """The data being merged into, with indexes for matching."""

    def __init__(self, data_dir: Path, lookup: list[dict[str, str]], report: ImportReport):
        self.dir, self.lookup, self.report = data_dir, lookup, report
        self.councils_doc = self._load("inspections.yaml", "councils")
        self.sources_doc = self._load("sources.yaml", "sources")
        self.councils: list[dict[str, Any]] = self.councils_doc["councils"]
        self.sources: list[dict[str, Any]] = self.sources_doc["sources"]
        self.dirty: set[str] = set()
        self.region_set: set[str] = set()
        self.ids = {i["id"] for c in self.councils for i in c.get("inspections", [])}
        self.created: set[str] = set()

    def _load(self, name: str, key: str) -> dict[str, Any]:
        path = self.dir / name
        if not path.exists():
            return {key: []}
        doc = loading.load_file(path)
        return doc.data if isinstance(doc.data, dict) else {key: []}

    # --- sources --------------------------------------------------------------------------
    def add_source(self, release: Release) -> None:
        if any(s["id"] == release.id for s in self.sources):
            return
        record: dict[str, Any] = {
            "id": release.id,
            "title": release.title,
            "publisher": "Ofsted",
            "url": release.url,
            "published": release.published,
            "kind": "official_statistics",
        }
        if release.url_note:
            record["notes"] = release.url_note
        self.sources.append(record)
        self.dirty.add("sources")
        self.report.changes.append(f"source {release.id}: added")

    def add_lookup_source(self) -> None:
        if not any(s["id"] == identity.LOOKUP_SOURCE["id"] for s in self.sources):
            self.sources.append(dict(identity.LOOKUP_SOURCE))
            self.dirty.add("sources")

    # --- councils -------------------------------------------------------------------------
    def council_for(self, row: OfficialRow) -> dict[str, Any]:
        if row.ons_code:
            for c in self.councils:
                if c.get("ons_code") == row.ons_code:
                    return self._update_council(c, row)
        key = identity.norm_name(row.council_name)
        named = [
            c
            for c in self.councils
            if key in {identity.norm_name(n) for n in [c["name"], *c.get("other_names", [])]}
        ]
        # A row that says "no longer exists" never matches a current council; a row from when a
        # council still existed may match it after it became former (Cumbria in 2023).
        former = [c for c in named if c.get("status", "current") == "former"]
        current = [c for c in named if c.get("status", "current") == "current"]
        pick = former if row.former else (current or former)
        if pick:
            return self._update_council(pick[0], row)
        return self._new_council(row)

    def _new_council(self, row: OfficialRow) -> dict[str, Any]:
        cid = identity.slug(row.council_name)
        if any(c["id"] == cid for c in self.councils):
            cid += "-former" if row.former else "-council"
        found = identity.lookup_row(self.lookup, row.council_name, row.ons_code, former=row.former)
        council: dict[str, Any] = {"id": cid, "name": row.council_name, "other_names": []}
        ons = row.ons_code or (found["la_code_new"] if found else None)
        if ons:
            council["ons_code"] = ons
        if found and found["la_code"]:
            council["la_number"] = found["la_code"]
        if row.region:
            council["region"] = row.region
        council["status"] = "former" if row.former else "current"
        council["sources"] = [row.release.id] + (["data-to-insight-la-lookup"] if found else [])
        if found:
            names = [
                found["local_authority_ons_name"],
                *found["also_known_as"].strip("[]").split(","),
            ]
            council["other_names"] = identity.merge_names(council["name"], [], names)
        council["inspections"] = []
        self.councils.append(council)
        self.dirty.add("councils")
        self.report.councils_added.append(cid)
        self.region_set.add(cid)
        return council

    def _update_council(self, council: dict[str, Any], row: OfficialRow) -> dict[str, Any]:
        names = identity.merge_names(
            council["name"], council.get("other_names", []), [row.council_name]
        )
        if names != council.get("other_names", []):
            council["other_names"] = names
            self._changed(f"council {council['id']}: other name {row.council_name!r} added")
        if row.release.id not in council.setdefault("sources", []):
            council["sources"].append(row.release.id)
            self.dirty.add("councils")
        if row.ons_code and not council.get("ons_code"):
            council["ons_code"] = row.ons_code
            self._changed(f"council {council['id']}: ons_code {row.ons_code} added")
        if row.former and council.get("status", "current") != "former":
            self._disagree(
                f"council {council['id']}: status is current, {row.where} lists it "
                "as no longer existing"
            )
        if row.region and council["id"] not in self.region_set:
            self.region_set.add(council["id"])  # the newest edition's region is the one compared
            if not council.get("region"):
                council["region"] = row.region
                self._changed(f"council {council['id']}: region {row.region!r} added")
            elif council["region"] != row.region:
                self._disagree(
                    f"council {council['id']}: region is {council['region']!r}, "
                    f"{row.where} has {row.region!r}"
                )
        return council

    # --- inspections ----------------------------------------------------------------------
    def apply(self, row: OfficialRow) -> None:
        council = self.council_for(row)
        inspections = council.setdefault("inspections", [])
        match = next((i for i in inspections if _same(i, row)), None)
        if match is None:
            inspections.append(self._new_inspection(council["id"], row))
            inspections.sort(key=_sort_key)
            self.dirty.add("councils")
            self.report.added[row.framework] += 1
        else:
            self._merge(council["id"], match, row)

    def _new_inspection(self, council_id: str, row: OfficialRow) -> dict[str, Any]:
        when = row.published or row.start or "undated"
        base = f"{council_id}-{row.framework.replace('_', '-')}-{when}"
        iid, n = base, 2
        while iid in self.ids:
            iid, n = f"{base}-{n}", n + 1
        self.ids.add(iid)
        self.created.add(iid)
        record: dict[str, Any] = {"id": iid, "framework": row.framework}
        for key in ("start", "published", "theme"):
            if getattr(row, key):
                record[key] = getattr(row, key)
        if row.judgements:
            record["judgements"] = dict(row.judgements)
        record["sources"] = [row.release.id]
        return record

    def _merge(self, council_id: str, insp: dict[str, Any], row: OfficialRow) -> None:
        label = f"{council_id}/{insp['id']}"

        def disagree(what: str, have: object, value: object) -> None:
            self._disagree(f"{label}: {what} is {have!r}, {row.where} has {value!r}")
            if insp["id"] in self.created:  # made in this run from a newer release: say so
                note = (
                    f"Ofsted's {row.release.title} gives {what} {value!r} ({row.where}); "
                    f"this record follows the newer release ({have!r})."
                )
                insp["notes"] = f"{insp['notes']}\n\n{note}" if insp.get("notes") else note

        if insp["framework"] != row.framework:
            disagree("framework", insp["framework"], row.framework)
        for key in ("start", "published", "theme"):
            value, have = getattr(row, key), insp.get(key)
            if value is None or have == value:
                continue
            if have is None or (key != "theme" and _refines(str(have), value)):
                insp[key] = value
                self._changed(f"{label}: {key} {value} added")
            else:
                disagree(key, have, value)
        grades = insp.setdefault("judgements", {})
        for area, grade in row.judgements.items():
            if area not in grades:
                grades[area] = grade
                self._changed(f"{label}: judgement {area} = {grade} added")
            elif grades[area] != grade:
                disagree(area, grades[area], grade)
        if not grades:
            del insp["judgements"]
        if row.release.id not in insp.setdefault("sources", []):
            insp["sources"].append(row.release.id)
            self._changed(f"{label}: cites {row.release.id}")

    def _changed(self, message: str) -> None:
        self.dirty.add("councils")
        self.report.changes.append(message)

    def _disagree(self, message: str) -> None:
        self.report.disagreements.append(message)

    def write(self) -> list[str]:
        out: list[str] = []
        if "councils" in self.dirty:
            councils = [_ordered(c, _COUNCIL_KEYS) for c in self.councils]
            for c in councils:
                c["inspections"] = [_ordered(i, _INSPECTION_KEYS) for i in c["inspections"]]
            councils.sort(key=lambda c: (c.get("status", "current") != "current", c["id"]))
            texts = {"inspections.yaml": writer.dump({"councils": councils})}
        else:
            texts = {}
        if "sources" in self.dirty:
            texts["sources.yaml"] = writer.dump({"sources": self.sources})
        for name, text in texts.items():  # all texts are ready before the first write
            writer.write_atomic(self.dir / name, text)
            out.append(str(self.dir / name))
        return out


def _same(insp: dict[str, Any], row: OfficialRow) -> bool:
    fw = insp["framework"]
    if fw != row.framework and frozenset({fw, row.framework}) not in _COMPATIBLE:
        return False
    for key in ("published", "start"):
        mine, theirs = insp.get(key), getattr(row, key)
        if mine and theirs and len(str(mine)) == 10 and str(mine) == theirs:
            return True
    return False


def _refines(have: str, value: str) -> bool:
    """True when *value* is a more precise date inside the partial date *have*."""
    return len(value) > len(have) and value.startswith(have)


def _sort_key(insp: dict[str, Any]) -> tuple[str, str]:
    when = insp.get("published") or insp.get("start") or "9999"
    return (dates.earliest(str(when)).isoformat(), insp["id"])


def _ordered(record: dict[str, Any], keys: tuple[str, ...]) -> dict[str, Any]:
    out = {k: record[k] for k in keys if k in record}
    out.update({k: v for k, v in record.items() if k not in out})
    return out
