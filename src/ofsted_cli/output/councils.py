"""Text for `ofsted councils`: codes, region and the rating in force, with a tally."""

from __future__ import annotations

from typing import Any

from ofsted_cli.output.compare import counts, rating_cell
from ofsted_cli.output.table import Cell, Column, layout
from ofsted_cli.output.text import Line, plain


def councils(data: dict[str, Any], coverage: dict[str, Any], width: int | None) -> list[Line]:
    """The councils table, a tally line and what the record covers."""
    columns = [
        Column("Council", wrap=True),
        Column("Id", drop=3),
        Column("ONS code", drop=4),
        Column("DfE", drop=5),
        Column("Region", drop=2, wrap=True),
        Column("Rating in force", wrap=True),
        Column("Latest", drop=1),
    ]
    rows = [
        [
            Cell(c["name"] + (" (former)" if c["status"] == "former" else "")),
            Cell(c["id"], "dim"),
            Cell(c["ons_code"] or "—"),
            Cell(c["la_number"] or "—"),
            Cell(c["region"] or "—"),
            rating_cell(c["in_force"], "none in force"),
            Cell("provisional" if c["latest_provisional"] else "", "italic magenta"),
        ]
        for c in data["councils"]
    ]
    table = layout(columns, rows, width)
    n = sum(1 for c in data["councils"] if c.get("existed", True))
    gone = len(data["councils"]) - n
    when = (
        f"as at 31 March {data['snapshot']['year']} (Ofsted's rule)"
        if "snapshot" in data
        else f"on {data['as_of']}"
    )
    lines = [
        *table.lines,
        [],
        plain(
            f"{n} council{'s' if n != 1 else ''}; rating in force {when}: {counts(data['tally'])}.",
            "dim",
        ),
    ]
    if gone:
        lines.append(
            plain(
                f"Also listed: {gone} former council{'s' if gone != 1 else ''} no longer in "
                "existence then, with the last rating (not counted above).",
                "dim",
            )
        )
    if "rule" in data:
        lines.append(plain(data["rule"], "dim"))
    if any(c["latest_provisional"] for c in data["councils"]):
        lines.append(
            plain(
                "Latest 'provisional': the council's latest record is not yet in an official "
                "Ofsted release.",
                "dim",
            )
        )
    lines += [plain(note, "dim") for note in table.notes()]
    lines.append(plain(coverage["text"], "dim"))
    return lines
