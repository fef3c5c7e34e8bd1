"""The JSON export: every record and field, nested as in the data files (docs/exports.md)."""

from __future__ import annotations

import json
from typing import Any

from ofsted_cli.dataset.schema import Records
from ofsted_cli.export.rows import sort_day


def everything(records: Records) -> dict[str, Any]:
    """Councils (current first, by id) with their inspections in date order; then statements,
    sources, groups and figures, each by id."""

    def dumped(kind: str) -> list[dict[str, Any]]:
        found = sorted((p.record for p in records[kind]), key=lambda r: r.id)
        return [r.model_dump(mode="json") for r in found]

    councils = []
    for c in sorted((p.record for p in records["councils"]), key=lambda c: (c.status, c.id)):
        body = c.model_dump(mode="json", exclude={"inspections"})
        body["inspections"] = [
            i.model_dump(mode="json")
            for i in sorted(c.inspections, key=lambda i: (sort_day(i), i.id))
        ]
        councils.append(body)
    return {
        "councils": councils,
        "statements": dumped("statements"),
        "sources": dumped("sources"),
        "groups": dumped("groups"),
        "figures": dumped("figures"),
    }


def text(records: Records) -> str:
    """The JSON export as text (UTF-8, two-space indent, a final newline)."""
    return json.dumps(everything(records), indent=2, ensure_ascii=False) + "\n"
