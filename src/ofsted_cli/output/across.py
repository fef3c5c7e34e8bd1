"""Text for the questions across councils: reports, trend and transitions."""

from __future__ import annotations

from typing import Any

from ofsted_cli.output.compare import PROVISIONAL, counts
from ofsted_cli.output.table import STAR, Cell, Column, grade_cell, layout
from ofsted_cli.output.text import Line, plain
from ofsted_cli.vocab.frameworks import short, tiny
from ofsted_cli.vocab.grades import GRADES, NO_OVERALL, NONE_IN_FORCE, TALLY_KEYS, words


def _period(f: dict[str, Any]) -> str:
    since, until = f.get("since"), f.get("until")
    if since and until and since[:4] == until[:4] and since[5:] == "01-01" and until[5:] == "12-31":
        return f"in {since[:4]}"
    if since and until:
        return f"from {since} to {until}"
    if since:
        return f"from {since}"
    if until:
        return f"up to {until}"
    return "at any time"


def _dates(r: dict[str, Any]) -> str:
    if r["start"] and r["end"]:
        return f"{r['start']} to {r['end']}"
    return r["start"] or "—"


def reports(data: dict[str, Any], coverage: dict[str, Any], width: int | None) -> list[Line]:
    """One row per report, then the tally by overall grade."""
    columns = [
        Column("Council", wrap=True, min=14),
        Column("Framework", wrap=True, min=8),
        Column("On site", drop=2, wrap=True, min=10),
        Column("Published", min=10),
        Column("Overall", wrap=True, min=8),
        Column("Status", drop=1, short_header=""),
    ]
    rows = []
    for r in data["reports"]:
        if r.get("grade") == "by_area_only":
            overall = Cell("by area only", "dim", "areas")
        elif r["graded"]:
            overall = grade_cell(r["overall"])
        else:
            overall = Cell(
                f"visit: {r['theme']}" if r["theme"] else "ungraded visit", "dim", "visit"
            )
        rows.append(
            [
                Cell(r["council"] + (" (former)" if r["status"] == "former" else "")),
                Cell(short(r["framework"]), "", tiny(r["framework"])),
                Cell(_dates(r), "dim"),
                Cell(r["published"] or "—"),
                overall,
                Cell(
                    "provisional" if r["provisional"] else "",
                    "italic magenta",
                    STAR if r["provisional"] else "",
                ),
            ]
        )
    table = layout(columns, rows, width)
    f = data["filters"]
    lines: list[Line] = [*table.lines, []] if rows else []
    n = data["graded"]
    what = f"{n} graded report{'s' if n != 1 else ''} published {_period(f)}"
    scope = "" if f["scope"] == "all councils" else f" ({f['scope']})"
    lines.append(plain(f"{what}{scope}: {counts(data['tally'])}."))
    if data["visits"]:
        lines.append(plain(f"{data['visits']} ungraded visits listed too.", "dim"))
    if data["provisional"]:
        n = data["provisional"]
        lines.append(
            plain(f"{n} of the records listed {'is' if n == 1 else 'are'} {PROVISIONAL}", "dim")
        )
    if not f["visits"] and not data["visits"]:
        lines.append(plain("Ungraded visits are left out; --visits lists them.", "dim"))
    lines += [plain(note, "dim") for note in table.notes()]
    lines.append(plain(coverage["text"], "dim"))
    return lines


_TREND_KEYS = (
    "outstanding",
    "good",
    "requires_improvement",
    "inadequate",
    NO_OVERALL,
    NONE_IN_FORCE,
)


def trend(data: dict[str, Any], coverage: dict[str, Any], width: int | None) -> list[Line]:
    """A row per year: councils, then the count and share at each grade."""
    used = [k for k in _TREND_KEYS if any(y["tally"].get(k) for y in data["years"])]
    heads = {
        NO_OVERALL: ("No overall grade", "no OE"),
        NONE_IN_FORCE: ("Not yet rated", "none"),
    }
    columns = [Column("31 March"), Column("Councils")]
    for k in used:
        head = heads[k][0] if k in heads else GRADES[k].words
        columns.append(Column(head, wrap=True, min=6))
    rows = []
    for y in data["years"]:
        mark = "" if y["complete"] else " (to date)"
        row = [Cell(f"{y['year']}{mark}"), Cell(str(y["councils"]))]
        for k in used:
            n, share = y["tally"].get(k, 0), y["shares"].get(k, 0.0)
            row.append(
                Cell(f"{n} ({share:.0%})", GRADES[k].style if k in GRADES else "dim", str(n))
            )
        rows.append(row)
    table = layout(columns, rows, width)
    lines: list[Line] = [
        plain(f"Ratings in force on 31 March, {data['scope']}", "bold"),
        [],
        *table.lines,
        [],
    ]
    lines.append(
        plain(
            "Each year under Ofsted's rule for its 31 March statistics: inspections carried out "
            "by 31 March whose report was published by the release's cut-off (30 June; 30 April "
            "in 2023). Councils count only in years when they existed.",
            "dim",
        )
    )
    provisional = [str(y["year"]) for y in data["years"] if y["provisional"]]
    if provisional:
        lines.append(
            plain(
                "Years resting partly on provisional records (not yet in an official Ofsted "
                f"release): {', '.join(provisional)}.",
                "dim",
            )
        )
    lines += [plain(note, "dim") for note in table.notes()]
    lines.append(plain(coverage["text"], "dim"))
    return lines


def transitions(data: dict[str, Any], coverage: dict[str, Any], width: int | None) -> list[Line]:
    """A row per pair of consecutive inspections, then the from-to matrix."""
    columns = [
        Column("Council", wrap=True, min=14),
        Column("From", wrap=True, min=10),
        Column("To", wrap=True, min=10),
        Column("Months", drop=1),
    ]
    rows = []
    for p in data["transitions"]:
        a, b = p["from"], p["to"]
        rows.append(
            [
                Cell(p["council"]),
                grade_cell(
                    a["overall"],
                    f" ({short(a['framework'])}, {a['published']})",
                    short_suffix=f" {a['published'][:7]}",
                ),
                grade_cell(
                    b["overall"],
                    f" ({short(b['framework'])}, {b['published']})"
                    + (" provisional" if b["provisional"] else ""),
                    short_suffix=f" {b['published'][:7]}" + (STAR if b["provisional"] else ""),
                ),
                Cell(str(p["months"])),
            ]
        )
    table = layout(columns, rows, width)
    n = len(rows)
    lines: list[Line] = [*table.lines, []] if rows else []
    lines.append(
        plain(
            f"{n} transition{'s' if n != 1 else ''} between consecutive whole-service inspections.",
            "bold",
        )
    )
    used = [
        k
        for k in TALLY_KEYS
        if any(data["matrix"][k].values()) or any(row[k] for row in data["matrix"].values())
    ]
    if used:
        mcols = [Column("From \\ to")] + [Column(_label(k), wrap=True, min=4) for k in used]
        mrows = [
            [Cell(_label(f))]
            + [
                Cell(
                    str(data["matrix"][f][t]) if data["matrix"][f][t] else "·",
                    "" if data["matrix"][f][t] else "dim",
                )
                for t in used
            ]
            for f in used
        ]
        lines += [[], *layout(mcols, mrows, width).lines]
    if any(p["to"]["provisional"] for p in data["transitions"]):
        lines.append(plain(PROVISIONAL, "dim"))
    lines += [plain(note, "dim") for note in table.notes()]
    lines.append(plain(coverage["text"], "dim"))
    return lines


def _label(code: str) -> str:
    return "no overall grade" if code == NO_OVERALL else words(code)
