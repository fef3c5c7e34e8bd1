"""Each council's timeline: the overall rating in force from each report's publication, and
every publication, as plain data for the charts (two SQL statements for any number of them)."""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from ofsted_cli.query.existence import Life
from ofsted_cli.vocab import dates
from ofsted_cli.vocab.frameworks import FRAMEWORKS

START = "2009-01-01"
"""Where timelines begin: the first year of Ofsted's files."""


def lanes(conn: sqlite3.Connection, chosen: list[Life], today: str) -> list[dict[str, Any]]:
    """A lane per council: spans of the rating in force (from its creation, or 2009, until it
    was abolished or *today*) and the publications of its reports and visits."""
    ids = [life.id for life in chosen]
    marks = ",".join("?" * len(ids))
    by: dict[str, list[dict[str, Any]]] = {i: [] for i in ids}
    for cid, body in conn.execute(
        f"SELECT council_id, json FROM inspections WHERE council_id IN ({marks}) "
        "AND pub_first IS NOT NULL ORDER BY council_id, pub_first, id",
        ids,
    ):
        by[cid].append(json.loads(body))
    out = []
    for life in chosen:
        begin = max(life.created or START, START)
        end = life.abolished or today
        spans: list[dict[str, Any]] = []
        state, since, label, provisional = "not_inspected", begin, "", False
        points = []
        for insp in by[life.id]:
            fw = FRAMEWORKS[insp["framework"]]
            day = dates.earliest(insp["published"]).isoformat()
            points.append(
                {
                    "day": day,
                    "label": f"{fw.short} {day[:4]}",
                    "graded": fw.graded,
                    "provisional": bool(insp.get("provisional")),
                }
            )
            if not fw.headline or day >= end:
                continue
            if day > since:
                spans.append(_span(since, day, state, provisional, label))
            state = insp["judgements"].get("overall_effectiveness") or "no_overall_grade"
            since, label = max(day, begin), f"{fw.short} {day[:4]}"
            provisional = bool(insp.get("provisional"))
        if end > since:
            spans.append(_span(since, end, state, provisional, label))
        out.append(
            {
                "council_id": life.id,
                "name": life.name,
                "status": life.status,
                "spans": spans,
                "marks": points,
            }
        )
    return out


def _span(start: str, end: str, state: str, provisional: bool, label: str) -> dict[str, Any]:
    return {"start": start, "end": end, "state": state, "provisional": provisional, "label": label}
