"""Councils by rating: the rating in force (by publication or Ofsted's 31 March rule), and the
grades each council has ever been given. A constant number of SQL statements."""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from ofsted_cli.query.compare import tally
from ofsted_cli.query.existence import Life
from ofsted_cli.query.scope import Scope, choose
from ofsted_cli.query.snapshot import Rule, counted, in_force_on

Row = dict[str, Any]


def ever_given(
    conn: sqlite3.Connection, day: str, snapshot: Rule | None = None
) -> dict[str, set[str]]:
    """Council id -> every overall grade its whole-service inspections (SIF, ILACS) gave by
    *day* (published by then, or under *snapshot*, counted by its rule)."""
    where, args = counted(day, snapshot)
    out: dict[str, set[str]] = {}
    for cid, overall in conn.execute(
        "SELECT DISTINCT council_id, overall FROM inspections WHERE headline = 1 "
        f"AND overall IS NOT NULL AND {where}",
        args,
    ):
        out.setdefault(cid, set()).add(overall)
    return out


def latest_provisional(conn: sqlite3.Connection, day: str) -> set[str]:
    """Councils whose latest record on *day* is provisional (not yet in an official release)."""
    return {
        r[0]
        for r in conn.execute(
            "SELECT council_id FROM (SELECT council_id, provisional, row_number() OVER "
            "(PARTITION BY council_id ORDER BY sort_day DESC, id DESC) AS n FROM inspections "
            "WHERE sort_day <= ?) WHERE n = 1 AND provisional = 1",
            (day,),
        )
    }


def councils(
    conn: sqlite3.Connection,
    scope: Scope,
    day: str,
    *,
    snapshot: Rule | None = None,
    grades: tuple[str, ...] = (),
    ever: tuple[str, ...] = (),
    never: tuple[str, ...] = (),
) -> Row:
    """The councils of *scope* that existed on *day*, with codes and the rating in force (and,
    when *scope* takes former councils, those gone by then, with their last rating, not
    counted in the tally), filtered by that rating (*grades*; 'no_overall_grade' and
    'none_in_force' allowed) and by the grades they were *ever* (any of them) or *never* (none
    of them) given by that day."""
    found = in_force_on(conn, day, snapshot)
    given = ever_given(conn, day, snapshot) if ever or never else {}
    provisional = latest_provisional(conn, day)
    bodies = dict(conn.execute("SELECT id, json FROM councils"))
    rows = []
    for life in choose(conn, scope):
        existed = life.exists(day)
        if not existed and not (scope.former and _gone(life, day)):
            continue
        r = found.get(life.id)
        code = "none_in_force" if r is None else r["overall"] or "no_overall_grade"
        if grades and code not in grades:
            continue
        had = given.get(life.id, set())
        # Repeated, each means "any of these": ever given one of them, never given any.
        if ever and not had.intersection(ever) or had.intersection(never):
            continue
        body = json.loads(bodies[life.id])
        rows.append(
            {
                "id": life.id,
                "name": life.name,
                "ons_code": body.get("ons_code"),
                "la_number": body.get("la_number"),
                "urn": body.get("urn"),
                "region": life.region,
                "status": life.status,
                "in_force": r,
                "latest_provisional": life.id in provisional,
                "existed": existed,
            }
        )
    out: Row = {
        "as_of": day,
        "councils": rows,
        "tally": tally([c["in_force"] for c in rows if c["existed"]]),
    }
    if snapshot:
        out["snapshot"] = snapshot.as_json()
        out["rule"] = snapshot.text()
    return out


def _gone(life: Life, day: str) -> bool:
    """True when *life* is a former council that had ceased to exist by *day*."""
    return life.status == "former" and not (life.created and day < life.created)
