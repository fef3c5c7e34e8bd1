"""Text for `ofsted show`: a summary that fits a screen, or the whole record (--full)."""

from __future__ import annotations

from typing import Any

from ofsted_cli.output.compare import PROVISIONAL
from ofsted_cli.output.table import STAR, Cell, Column, grade_cell, layout
from ofsted_cli.output.text import Line, grade, plain, rating
from ofsted_cli.vocab.frameworks import AREA_LABELS, FRAMEWORKS, short
from ofsted_cli.vocab.grades import GRADES

_BRIEF = {
    "overall_effectiveness": "overall",
    "safeguarding": "safeguarding",
    "looked_after_children": "looked after",
    "help_and_protection": "help & protection",
    "children_in_care_and_care_leavers": "in care & leavers",
    "children_in_care": "in care",
    "care_leavers": "care leavers",
    "adoption_performance": "adoption",
    "leadership": "leaders",
    "lscb": "LSCB",
}


def header(data: dict[str, Any]) -> list[Line]:
    """Who the council is, its rating in force, its relatives, where its reports are."""
    c = data["council"]
    ids = [
        f"ONS {c['ons_code'] or 'unknown'}",
        f"DfE LA {c['la_number'] or 'unknown'}",
        *([f"Ofsted URN {c['urn']}"] if c.get("urn") else []),
        c["region"] or "region unknown",
        c["status"],
    ]
    lines: list[Line] = [plain(f"{c['name']} ({c['id']})", "bold"), plain(" · ".join(ids))]
    if c["other_names"]:
        lines.append(plain("Also known as: " + ", ".join(c["other_names"]), "dim"))
    now = data["in_force"]
    if c.get("abolished"):
        head = f"Last rating, in force until {c['abolished']}: "
    elif c["status"] == "former":  # no source gives the day it ceased to exist
        head = "Last rating: "
    else:
        head = f"Rating in force on {now['as_of']}: " if now else "Rating in force today: "
    lines.append([(head, ""), *rating(now)])
    if now and now.get("start"):
        lines.append(
            plain(
                f"  inspection on site from {now['start']}; report published {now['published']}",
                "dim",
            )
        )
    if now and now.get("note"):
        lines.append(plain("  " + now["note"], "dim"))
    if now and now.get("provisional"):
        lines.append(plain(f"  {PROVISIONAL}", "italic magenta"))
    for p in data.get("predecessors", []):
        last = rating(p["last_rating"]) if p["last_rating"] else [("no rating", "dim")]
        since = f" since {p['abolished']}" if p.get("abolished") else ""
        lines.append([(f"Succeeds {p['name']}{since}; its last rating: ", ""), *last])
    if data.get("predecessors") and not data.get("lineage"):
        lines.append(plain(f"  `ofsted show {c['id']} --lineage` adds their inspections", "dim"))
    if data.get("successors"):
        names = ", ".join(f"{s['name']} ({s['id']})" for s in data["successors"])
        lines.append(
            plain(f"Succeeded by {names}" + (f" on {c['abolished']}" if c.get("abolished") else ""))
        )
    if data.get("links", {}).get("ofsted_reports"):
        lines.append(plain(f"Ofsted's reports: {data['links']['ofsted_reports']}", "dim"))
    return lines


def _others(insp: dict[str, Any]) -> str:
    parts = []
    for area, g in insp["judgements"].items():
        if area != "overall_effectiveness":
            parts.append(f"{_BRIEF.get(area, area)} {GRADES[g].abbrev if g in GRADES else g}")
    return ", ".join(parts)


def summary(data: dict[str, Any], width: int | None, statements: bool = False) -> list[Line]:
    """The header, one line per inspection or visit, and how to see more."""
    lines = header(data)
    lineage = data.get("lineage")
    columns = [
        Column("Published", min=10),
        Column("Framework", wrap=True, min=8),
        Column("On site", drop=3, wrap=True, min=10),
        Column("Overall", wrap=True, min=10),
        Column("Other judgements", drop=2, wrap=True, min=16),
        Column("Status", drop=1, short_header=""),
    ]
    if lineage:
        columns.insert(1, Column("Council", wrap=True, min=10))
    rows = []
    for insp in data["inspections"]:
        fw = FRAMEWORKS[insp["framework"]]
        on_site = " to ".join(d for d in (insp["start"], insp["end"]) if d) or "—"
        if fw.graded:
            overall = (
                grade_cell(insp["judgements"].get("overall_effectiveness"))
                if ("overall_effectiveness" in insp["judgements"] or fw.headline)
                else Cell("by area only", "dim")
            )
        else:
            overall = Cell(f"visit: {insp['theme']}" if insp["theme"] else "visit", "dim", "visit")
        row = [
            Cell(insp["published"] or "—"),
            Cell(short(insp["framework"])),
            Cell(on_site, "dim"),
            overall,
            Cell(_others(insp), "dim"),
            Cell(
                "provisional" if insp.get("provisional") else "",
                "italic magenta",
                STAR if insp.get("provisional") else "",
            ),
        ]
        if lineage:
            row.insert(1, Cell(insp.get("council_name") or insp["council"]))
        rows.append(row)
    table = layout(columns, rows, width)
    lines += [[], plain(f"Inspections and visits ({len(rows)})", "bold"), *table.lines]
    quotes = [st for i in data["inspections"] for st in i["statements"]] + data["other_statements"]
    cid = data["council"]["id"]
    lines.append([])
    if statements:
        lines.append(plain(f"Statements ({len(quotes)})", "bold"))
        for insp in data["inspections"]:
            if insp["statements"]:
                when = (
                    f"published {insp['published']}" if insp["published"] else "(no date recorded)"
                )
                lines.append(plain(f"  On the {short(insp['framework'])} {when}", "underline"))
                for st in insp["statements"]:
                    lines += statement(st, indent="    ")
        if data["other_statements"]:
            lines.append(plain("  Not tied to one inspection", "underline"))
            for st in data["other_statements"]:
                lines += statement(st, indent="    ")
    elif quotes:
        many = len(quotes) > 1
        lines.append(
            plain(
                f"{len(quotes)} quoted response{'s' if many else ''}: `ofsted show {cid} "
                f"--statements` shows {'them' if many else 'it'}.",
                "dim",
            )
        )
    lines.append(plain(f"Every judgement, note and source: `ofsted show {cid} --full`.", "dim"))
    if any(i.get("provisional") for i in data["inspections"]):
        lines.append(plain(PROVISIONAL, "dim"))
    lines += [plain(note, "dim") for note in table.notes()]
    lines.append(plain(data["coverage"]["text"], "dim"))
    return lines


def full(data: dict[str, Any]) -> list[Line]:
    """The whole record: every inspection with its judgements, notes, quotes and sources."""
    numbers = {sid: n for n, sid in enumerate(data["sources"], 1)}
    lines = header(data)
    lines += [[], plain(f"Inspections and visits ({len(data['inspections'])})", "bold underline")]
    for insp in data["inspections"]:
        lines += _inspection(insp, numbers)
    if data["other_statements"]:
        lines.append(plain("Statements not tied to one inspection", "bold underline"))
        for st in data["other_statements"]:
            lines += statement(st, indent="  ")
        lines.append([])
    if data["figures"]:
        lines.append(plain("Figures", "bold underline"))
        for f in data["figures"]:
            unit = "%" if f["unit"] == "percent" else ""
            inferred = ", inferred" if f["as_of_inferred"] else ""
            when = f" (as of {f['as_of']}{inferred})" if f["as_of"] else ""
            cited = _cite(f["sources"], numbers)
            lines.append(plain(f"  {f['description']}: {f['value']:g}{unit}{when} {cited}"))
        lines.append([])
    lines.append(plain("Sources", "bold underline"))
    for sid, s in data["sources"].items():
        inferred = " (inferred)" if s["published_inferred"] else ""
        when = f", {s['published']}{inferred}" if s["published"] else ""
        lines.append(plain(f"  [{numbers[sid]}] {s['title']} — {s['publisher']}{when}"))
        if s["url"]:
            lines.append(plain(f"      {s['url']}", "dim"))
    lines += [[], plain(data["coverage"]["text"], "dim")]
    return lines


def _cite(ids: list[str], numbers: dict[str, int]) -> str:
    return "[" + "] [".join(str(numbers[s]) for s in ids if s in numbers) + "]"


def _inspection(insp: dict[str, Any], numbers: dict[str, int]) -> list[Line]:
    fw = FRAMEWORKS[insp["framework"]]
    when = insp["published"] or insp["start"] or "date unknown"
    head: Line = [(f"{when}  ", "bold"), (fw.label, "bold"), (f"  [{insp['id']}]", "dim")]
    if insp.get("provisional"):
        head.append(("  provisional", "italic magenta"))
    lines: list[Line] = [head]
    facts = []
    if insp["start"] or insp["end"]:
        facts.append(f"on site {insp['start'] or '?'} to {insp['end'] or '?'}")
    if insp["published"]:
        facts.append(f"published {insp['published']}")
    if insp["lead_inspector"]:
        facts.append(f"lead inspector {insp['lead_inspector']}")
    if insp["theme"]:
        facts.append(f"theme: {insp['theme']}")
    if facts:
        lines.append(plain("  " + "; ".join(facts)))
    width = max((len(AREA_LABELS.get(a, a)) for a in insp["judgements"]), default=0)
    for area, g in insp["judgements"].items():
        lines.append([("  " + AREA_LABELS.get(area, area).ljust(width) + "  ", ""), grade(g)])
    if not fw.graded:
        lines.append(plain("  A visit: Ofsted gives no grades for it.", "dim"))
    if insp.get("provisional"):
        lines.append(plain(f"  {PROVISIONAL}", "dim"))
    lines.append(plain("  Sources: " + _cite(insp["sources"], numbers), "dim"))
    if insp["notes"]:
        lines.append(
            plain("  Notes: " + insp["notes"].replace("\n\n", " ").replace("\n", " "), "dim")
        )
    for st in insp["statements"]:
        lines += statement(st, indent="    ")
    lines.append([])
    return lines


def statement(st: dict[str, Any], indent: str = "", council: bool = False) -> list[Line]:
    """Who said it, when, the words, and where they were printed."""
    sp = st["speaker"]
    who = ", ".join(p for p in (sp["name"], sp["role"], sp["organisation"]) if p) or "unnamed"
    when = st["date"] or "undated"
    if st["date_inferred"]:
        when += " (inferred)"
    head = f"{indent}{when} · {who}"
    if council and st.get("council_name"):
        head += f" · re {st['council_name']}"
    kind = {"direct_quote": "", "reported_speech": " (reported)", "no_response": " (no response)"}
    lines: list[Line] = [[(head, "bold"), (kind[st["kind"]], "dim")]]
    quote = st["text"] if st["kind"] != "direct_quote" else f"“{st['text']}”"
    for para in quote.split("\n"):
        lines.append(plain(f"{indent}  {para}" if para else ""))
    srcs = st.get("source_details")
    cite = ", ".join(f"{s['publisher']}: {s['url'] or s['title']}" for s in srcs) if srcs else ""
    if cite:
        lines.append(plain(f"{indent}  [{cite}]", "dim"))
    return lines
