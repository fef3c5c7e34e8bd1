"""Transitions: each council's consecutive whole-service graded inspections, from grade to grade."""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from ofsted_cli.query.ratings import rating
from ofsted_cli.query.scope import Scope, choose
from ofsted_cli.vocab import dates
from ofsted_cli.vocab.grades import NO_OVERALL, TALLY_KEYS

Row = dict[str, Any]


def _months(a: str, b: str) -> int:
    d1, d2 = dates.earliest(a), dates.earliest(b)
    return (d2.year - d1.year) * 12 + d2.month - d1.month - (d2.day < d1.day)


def transitions(
    conn: sqlite3.Connection,
    scope: Scope,
    *,
    from_grades: tuple[str, ...] = (),
    to_grades: tuple[str, ...] = (),
    since: str | None = None,
    until: str | None = None,
) -> Row:
    """Pairs of consecutive whole-service inspections of each council in *scope* (the later
    one published between *since* and *until*), filtered by the grades, and the from-to matrix."""
    chosen = {life.id: life for life in choose(conn, scope)}
    by_council: dict[str, list[Row]] = {}
    for cid, body in conn.execute(
        "SELECT council_id, json FROM inspections WHERE headline = 1 AND pub_last IS NOT NULL "
        "ORDER BY council_id, pub_first, id"
    ):
        if cid in chosen:
            by_council.setdefault(cid, []).append(rating(json.loads(body)))
    pairs: list[Row] = []
    for cid, seq in by_council.items():
        for a, b in zip(seq, seq[1:], strict=False):
            before, after = a["overall"] or NO_OVERALL, b["overall"] or NO_OVERALL
            if from_grades and before not in from_grades or to_grades and after not in to_grades:
                continue
            # As in `reports`: a report known to the month or year counts if it may fall
            # in the period (its dates are text, and '2016-02' < '2016-02-01').
            first, last = dates.earliest(b["published"]), dates.latest(b["published"])
            if since and last.isoformat() < since or until and first.isoformat() > until:
                continue
            pairs.append(
                {
                    "council_id": cid,
                    "council": chosen[cid].name,
                    "from": a,
                    "to": b,
                    "from_grade": before,
                    "to_grade": after,
                    "months": _months(a["published"], b["published"]),
                }
            )
    pairs.sort(key=lambda p: (p["to"]["published"], p["council"]))
    matrix = {f: dict.fromkeys(TALLY_KEYS, 0) for f in TALLY_KEYS}
    for p in pairs:
        matrix[p["from_grade"]][p["to_grade"]] += 1
    return {
        "filters": {
            "from": list(from_grades),
            "to": list(to_grades),
            "since": since,
            "until": until,
            "scope": scope.describe(),
        },
        "transitions": pairs,
        "matrix": matrix,
    }
