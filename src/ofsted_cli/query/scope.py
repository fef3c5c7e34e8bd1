"""Which councils a cross-council question is about: regions, groups and names, any of each."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field

from ofsted_cli.errors import UsageError
from ofsted_cli.query.councils import resolve_council, resolve_group, resolve_region
from ofsted_cli.query.existence import Life, lives


@dataclass(frozen=True)
class Scope:
    """The filters as given: any of the regions, and any of the groups, and any of the names."""

    regions: tuple[str, ...] = ()
    groups: tuple[str, ...] = ()
    names: tuple[str, ...] = ()
    former: bool = True
    """Include councils that no longer exist (they take part while they existed)."""
    chosen: tuple[str, ...] = field(default=(), compare=False)

    def describe(self) -> str:
        """'region North West, group merseyside' or 'all councils'."""
        parts = []
        for what, values in (("region", self.regions), ("group", self.groups)):
            if values:
                parts.append(f"{what}{'s' if len(values) > 1 else ''} {' or '.join(values)}")
        if self.names:
            parts.append(f"{len(self.names)} chosen council{'s' if len(self.names) > 1 else ''}")
        return ", ".join(parts) or "all councils"


def choose(conn: sqlite3.Connection, scope: Scope) -> list[Life]:
    """The councils *scope* names, in name order; refuse filters that contradict each other."""
    every = lives(conn)
    regions = {resolve_region(conn, r) for r in scope.regions}
    members: set[str] = set()
    if scope.groups:
        gids = sorted({resolve_group(conn, g) for g in scope.groups})
        marks = ",".join("?" * len(gids))
        members = {
            r[0]
            for r in conn.execute(
                f"SELECT council_id FROM group_members WHERE group_id IN ({marks})", gids
            )
        }
    named = {resolve_council(conn, n) for n in scope.names}
    out = [
        life
        for life in every.values()
        if (not regions or life.region in regions)
        and (not scope.groups or life.id in members)
        and (not named or life.id in named)
        and (scope.former or life.status == "current" or life.id in named)
    ]
    if not out and sum(bool(x) for x in (scope.regions, scope.groups, scope.names)) > 1:
        raise UsageError(f"no council is in all of {scope.describe()}: these filters contradict")
    return out
