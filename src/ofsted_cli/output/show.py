"""Text for `ofsted show`: one council's record, and statements."""

from __future__ import annotations

from typing import Any

from ofsted_cli.output.text import Line, grade, plain, rating
from ofsted_cli.vocab.frameworks import AREA_LABELS, FRAMEWORKS


def show(data: dict[str, Any]) -> list[Line]:
    c = data["council"]
    ids = [
        f"ONS {c['ons_code'] or 'unknown'}",
        f"DfE LA {c['la_number'] or 'unknown'}",
        c["region"] or "region unknown",
        c["status"],
    ]
    lines: list[Line] = [plain(f"{c['name']} ({c['id']})", "bold"), plain(" · ".join(ids))]
    if c["other_names"]:
        lines.append(plain("Also known as: " + ", ".join(c["other_names"]), "dim"))
    if c.get("successors"):
        lines.append(plain("Succeeded by: " + ", ".join(c["successors"])))
    if c.get("abolished"):
        lines.append(plain(f"Abolished: {c['abolished']}"))
    now = data["in_force"]
    lines.append(
        [("Rating in force on " + (now["as_of"] if now else "today") + ": ", "")] + rating(now)
        if not c.get("abolished")
        else [(f"Last rating, in force until {c['abolished']}: ", "")] + rating(now)
    )
    if now and now.get("note"):
        lines.append(plain("  " + now["note"], "dim"))
    lines.append([])
    lines.append(plain(f"Inspections and visits ({len(data['inspections'])})", "bold underline"))
    for insp in data["inspections"]:
        lines.extend(_inspection(insp))
    if data["other_statements"]:
        lines.append(plain("Statements not tied to one inspection", "bold underline"))
        for st in data["other_statements"]:
            lines.extend(statement(st, indent="  "))
        lines.append([])
    if data["figures"]:
        lines.append(plain("Figures", "bold underline"))
        for f in data["figures"]:
            unit = "%" if f["unit"] == "percent" else ""
            when = (
                f" (as of {f['as_of']}{', inferred' if f['as_of_inferred'] else ''})"
                if f["as_of"]
                else ""
            )
            lines.append(
                plain(
                    f"  {f['description']}: {f['value']:g}{unit}{when} [{', '.join(f['sources'])}]"
                )
            )
        lines.append([])
    lines.append(plain("Sources", "bold underline"))
    for sid, s in data["sources"].items():
        when = (
            f", {s['published']}{' (inferred)' if s['published_inferred'] else ''}"
            if s["published"]
            else ""
        )
        lines.append(plain(f"  [{sid}] {s['title']} — {s['publisher']}{when}"))
        if s["url"]:
            lines.append(plain(f"      {s['url']}", "dim"))
    return lines


def _inspection(insp: dict[str, Any]) -> list[Line]:
    fw = FRAMEWORKS[insp["framework"]]
    when = insp["published"] or insp["start"] or "date unknown"
    lines: list[Line] = [[(f"{when}  ", "bold"), (fw.label, "bold"), (f"  [{insp['id']}]", "dim")]]
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
        lines.append(plain("  (ungraded visit)", "dim"))
    lines.append(plain("  Sources: " + ", ".join(insp["sources"]), "dim"))
    if insp["notes"]:
        lines.append(
            plain("  Notes: " + insp["notes"].replace("\n\n", " ").replace("\n", " "), "dim")
        )
    for st in insp["statements"]:
        lines.extend(statement(st, indent="    "))
    lines.append([])
    return lines


def statement(st: dict[str, Any], indent: str = "", council: bool = False) -> list[Line]:
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
    cite = (
        ", ".join(f"{s['publisher']}: {s['url'] or s['title']}" for s in srcs)
        if srcs
        else ", ".join(st["sources"])
    )
    lines.append(plain(f"{indent}  [{cite}]", "dim"))
    return lines
