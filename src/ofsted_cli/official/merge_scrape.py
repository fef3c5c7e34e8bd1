"""Merge the report scrape: report links on the records it matches, provisional records for
reports no release holds yet, and every cell that contradicts the data listed."""

from __future__ import annotations

import datetime as dt
from typing import Any

from ofsted_cli.official.match import compatible
from ofsted_cli.official.merge import Merge, Record, sort_key
from ofsted_cli.official.scrape import ScrapeRow
from ofsted_cli.vocab import dates
from ofsted_cli.vocab.frameworks import FRAMEWORKS

NEAR_DAYS = 92
"""How far a scrape date may be from the record's (it shifts some SIF dates by days)."""


def _fits(record: Record, row: ScrapeRow) -> bool:
    if row.framework:
        return compatible(record["framework"], row.framework)
    return FRAMEWORKS[record["framework"]].graded  # unreadable framework: any graded report


def _days(a: Any, b: str) -> int:
    return abs((dates.earliest(str(a)) - dates.earliest(b)).days)


def match(
    inspections: list[Record], row: ScrapeRow, taken: set[str], *, near: bool
) -> tuple[Record | None, bool]:
    """The record *row* is (one to one), and whether its date differs: first by the same
    publication or start day; with *near*, the nearest record within 92 days."""
    free = [i for i in inspections if i["id"] not in taken and _fits(i, row)]
    for key in ("published", "start"):
        value = getattr(row, key)
        exact = [i for i in free if value and i.get(key) == value]
        if exact:
            return exact[0], False
    if not near or not row.published:
        return None, False
    close = [
        i for i in free if i.get("published") and _days(i["published"], row.published) <= NEAR_DAYS
    ]
    if close:
        return min(close, key=lambda i: _days(i["published"], str(row.published))), True
    return None, False


def _long(day: str) -> str:
    d = dt.date.fromisoformat(day)
    return f"{d.day} {d.strftime('%B %Y')}"


def link_source(merge: Merge, council: Record, row: ScrapeRow) -> str | None:
    """The id of the source record for the report's own link (made if new)."""
    if not row.link:
        return None
    have = next((s for s in merge.sources if s.get("url") == row.link), None)
    if have is not None:
        return str(have["id"])
    sid = f"ofsted-report-{council['id']}-{row.published}"
    merge.sources.append(
        {
            "id": sid,
            "title": f"{council['name']} {row.link_title} report, published "
            f"{_long(str(row.published))}",
            "publisher": "Ofsted",
            "url": row.link,
            "published": row.published,
            "kind": "inspection_report",
            "notes": "The report PDF, as listed by JT-39's scrape of Ofsted's report PDFs "
            "(ofsted-ilacs-scrape-tool), which gives its link and file name; the PDF itself was "
            "not opened for this data.",
        }
    )
    merge.dirty.add("sources")
    return sid


def apply_all(merge: Merge, rows: list[ScrapeRow]) -> None:
    """Merge every scrape row: rows matching a record by day first, then the rest (nearest
    record, or a new provisional one), so that a near match never takes an exact one's."""
    taken: set[str] = set()
    later: list[tuple[ScrapeRow, Record]] = []
    for row in rows:
        council = next((c for c in merge.councils if c.get("ons_code") == row.ons_code), None)
        if council is None:
            merge.report.skipped.append(f"{row.where}: no council with ONS code {row.ons_code}")
            continue
        if not _apply(merge, council, row, taken, near=False):
            later.append((row, council))
    for row, council in later:
        if not _apply(merge, council, row, taken, near=True):
            merge.report.skipped.append(
                f"{row.where}: matches no record, and its framework or date cannot be read"
            )


def _apply(merge: Merge, council: Record, row: ScrapeRow, taken: set[str], *, near: bool) -> bool:
    inspections = council.setdefault("inspections", [])
    found, redated = match(inspections, row, taken, near=near)
    if found is None:
        if not near or not (row.framework and row.published):
            return False
        found = merge.new_inspection(council["id"], row, provisional=True)
        inspections.append(found)
        inspections.sort(key=sort_key)
        merge.dirty.add("councils")
        merge.report.provisional_added[row.framework] += 1
    else:
        _compare(merge, f"{council['id']}/{found['id']}", found, row, redated)
    taken.add(found["id"])
    sid = link_source(merge, council, row)
    if sid and sid not in found["sources"]:
        found["sources"].append(sid)
        merge.dirty.add("councils")
        merge.report.links_added += 1
    return True


def _compare(merge: Merge, label: str, insp: Record, row: ScrapeRow, redated: bool) -> None:
    def disagree(what: str, value: object) -> None:
        merge.disagree(f"{label}: {what} is {insp.get(what)!r}, {row.where} has {value!r}")

    if redated:
        disagree("published", row.published)
    stated = row.stated_framework or row.framework
    if stated and insp["framework"] != stated:
        disagree("framework", stated)
    for k in ("start", "end"):
        value = getattr(row, k)
        if value and insp.get(k) and not str(value).startswith(str(insp[k])):
            disagree(k, value)
    have = insp.get("judgements", {})
    for area, grade in row.judgements.items():
        if area in have and have[area] != grade:
            merge.disagree(f"{label}: {area} is {have[area]!r}, {row.where} has {grade!r}")
    for cell in row.unreadable:
        merge.disagree(f"{label}: {row.where} has a cell no rule reads: {cell}")
