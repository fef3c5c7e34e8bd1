"""Reports across councils: every inspection (and, asked for, visit) in a period, filtered."""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from ofsted_cli.query.compare import tally
from ofsted_cli.query.scope import Scope, choose
from ofsted_cli.vocab.frameworks import FRAMEWORKS

Row = dict[str, Any]


def reports(
    conn: sqlite3.Connection,
    scope: Scope,
    *,
    since: str | None = None,
    until: str | None = None,
    frameworks: tuple[str, ...] = (),
    grades: tuple[str, ...] = (),
    visits: bool = False,
) -> Row:
    """Graded reports (with *visits*, or *frameworks* naming kinds of visit, ungraded visits
    too) published between *since* and *until* (ISO days), of the councils in *scope*, with a
    tally of overall grades."""
    chosen = {life.id: life for life in choose(conn, scope)}
    sql = "SELECT council_id, json FROM inspections WHERE 1 = 1"
    args: list[Any] = []
    if since:
        sql += " AND pub_last >= ?"
        args.append(since)
    if until:
        sql += " AND pub_first <= ?"
        args.append(until)
    if frameworks:
        sql += f" AND framework IN ({','.join('?' * len(frameworks))})"
        args += frameworks
    rows = []
    for cid, body in conn.execute(sql + " ORDER BY pub_first, sort_day, council_id, id", args):
        life = chosen.get(cid)
        if life is None:
            continue
        insp = json.loads(body)
        fw = FRAMEWORKS[insp["framework"]]
        if not fw.graded and not (visits or frameworks):  # a visit's framework asks for it
            continue
        overall = insp["judgements"].get("overall_effectiveness")
        # Before 2013 some frameworks judged by area only (SLAC); the April 2026 framework's
        # whole-service reports give no overall grade.
        code = overall or ("no_overall_grade" if fw.headline else "by_area_only")
        if grades and (not fw.graded or code not in grades):
            continue
        if (since or until) and not insp["published"]:
            continue
        rows.append(
            {
                "council_id": cid,
                "council": life.name,
                "status": life.status,
                "inspection": insp["id"],
                "framework": insp["framework"],
                "graded": fw.graded,
                "start": insp["start"],
                "end": insp["end"],
                "published": insp["published"],
                "overall": overall,
                "grade": code if fw.graded else None,
                "judgements": insp["judgements"],
                "theme": insp["theme"],
                "provisional": bool(insp.get("provisional")),
            }
        )
    graded = [r for r in rows if r["graded"]]
    counted = tally([{"overall": r["overall"]} for r in graded if r["grade"] != "by_area_only"])
    counted.pop("none_in_force", None)
    counted["by_area_only"] = sum(r["grade"] == "by_area_only" for r in graded)
    return {
        "filters": {
            "since": since,
            "until": until,
            "frameworks": list(frameworks),
            "grades": list(grades),
            "visits": visits,
            "scope": scope.describe(),
        },
        "reports": rows,
        "graded": len(graded),
        "visits": len(rows) - len(graded),
        "provisional": sum(r["provisional"] for r in rows),
        "tally": counted,
    }
