"""Text output for the query commands: plain when piped, colour (rich) on a terminal.

Renderers build lines of (text, style) segments; `emit` writes them plainly or through rich.
Rich is imported only when output goes to a terminal, which keeps piped commands fast.
"""

from __future__ import annotations

import json
import os
import sys
from typing import Any, TextIO

from ofsted_cli.frameworks import AREA_LABELS, FRAMEWORKS

Segment = tuple[str, str]  # (text, style)
Line = list[Segment]

GRADE_SHORT = {
    "outstanding": "Outstanding",
    "good": "Good",
    "adequate": "Adequate",
    "requires_improvement": "Requires improvement",
    "inadequate": "Inadequate",
}
GRADE_STYLE = {
    "outstanding": "bold green",
    "good": "green",
    "adequate": "yellow",
    "requires_improvement": "yellow",
    "inadequate": "bold red",
}


def dump_json(payload: Any, out: TextIO) -> None:
    out.write(json.dumps(payload, indent=2, ensure_ascii=False) + "\n")


def emit(lines: list[Line], out: TextIO | None = None) -> None:
    """Write *lines*: through rich with colour on a terminal, plain text otherwise."""
    out = out or sys.stdout
    if out.isatty() and os.environ.get("TERM") != "dumb":
        from rich.console import Console
        from rich.text import Text

        console = Console(
            file=out, highlight=False, no_color=bool(os.environ.get("NO_COLOR")), soft_wrap=True
        )
        for line in lines:
            console.print(Text.assemble(*[(t, s) for t, s in line]) if line else "")
    else:
        out.write("\n".join("".join(t for t, _ in line) for line in lines) + "\n")


def grade(value: str | None) -> Segment:
    if value is None:
        return ("no overall grade", "dim")
    return (GRADE_SHORT.get(value, value), GRADE_STYLE.get(value, ""))


def plain(text: str, style: str = "") -> Line:
    return [(text, style)]


def table(headers: list[str], rows: list[list[Segment]]) -> list[Line]:
    """Aligned columns of segments (the last column is not padded)."""
    widths = [len(h) for h in headers]
    for row in rows:
        for i, (text, _) in enumerate(row):
            widths[i] = max(widths[i], len(text))
    lines: list[Line] = [
        [(_pad(h, widths[i], i, len(headers)), "bold") for i, h in enumerate(headers)]
    ]
    for row in rows:
        lines.append([(_pad(t, widths[i], i, len(row)), s) for i, (t, s) in enumerate(row)])
    return lines


def _pad(text: str, width: int, i: int, n: int) -> str:
    return text if i == n - 1 else text.ljust(width) + "  "


def framework_label(fid: str) -> str:
    return FRAMEWORKS[fid].short if fid in FRAMEWORKS else fid


def rating(r: dict[str, Any] | None) -> list[Segment]:
    """'Inadequate (SIF, published 2016-09-20)'."""
    if r is None:
        return [("none in force", "dim")]
    return [
        grade(r["overall"]),
        (f" ({framework_label(r['framework'])}, published {r['published']})", "dim"),
    ]


# --- show -----------------------------------------------------------------------------------


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


# --- compare, councils, statements ----------------------------------------------------------


def compare(data: dict[str, Any], scope: str) -> list[Line]:
    period = data["period"]
    rows = []
    if "year" in period:
        y = period["year"]
        title = f"Ratings in {y}, {scope} ({len(data['councils'])} councils)"
        for c in data["councils"]:
            during = (
                "; ".join(
                    f"{r['published']} {framework_label(r['framework'])} {grade(r['overall'])[0]}"
                    for r in c["published"]
                )
                or "—"
            )
            arrow = {
                "up": "↑ up",
                "down": "↓ down",
                "same": "= same",
                "first": "first rating",
                "none": "no rating",
                "not_comparable": "not comparable",
            }[c["change"]]
            style = {"up": "green", "down": "red"}.get(c["change"], "")
            rows.append(
                [
                    (_council_name(c), ""),
                    _cell(c["start"]),
                    (during, ""),
                    _cell(c["end"]),
                    (arrow, style),
                ]
            )
        lines = [plain(title, "bold"), []]
        lines += table(
            [
                "Council",
                f"1 January {y}",
                f"Graded reports published in {y}",
                f"31 December {y}",
                "Change",
            ],
            rows,
        )
        s = data["summary"]
        lines += [
            [],
            plain(f"1 January: {_counts(s['start'])}."),
            plain(f"31 December: {_counts(s['end'])}."),
            plain(
                f"Changes: {s['changes']['up']} up, {s['changes']['down']} down, "
                f"{s['changes']['same']} unchanged."
            ),
            plain(
                f"Good or outstanding at any point in {y}: "
                f"{s['good_or_outstanding_at_some_point']} of {s['councils']}."
            ),
        ]
    else:
        title = f"Ratings in force on {period['as_of']}, {scope} ({len(data['councils'])} councils)"
        for c in data["councils"]:
            r = c["in_force"]
            rows.append(
                [
                    (c["name"], ""),
                    _cell(r),
                    (
                        f"{framework_label(r['framework'])}, published {r['published']}"
                        if r
                        else "",
                        "dim",
                    ),
                ]
            )
        lines = [plain(title, "bold"), []]
        lines += table(["Council", "Overall effectiveness", "Inspection"], rows)
        lines += [[], plain(f"In force: {_counts(data['summary']['in_force'])}.")]
    if data["unrated"]:
        names = [_council_name(c) for c in data["unrated"]]
        lines.append(plain("No rating in force: " + ", ".join(names) + ".", "dim"))
    if any(c["status"] == "former" for c in data["councils"]):
        lines.append(
            plain(
                "Former councils take part until the day they were abolished (or, where no "
                "source gives it, their last recorded inspection); their last rating is shown "
                "as it stood.",
                "dim",
            )
        )
    lines.append(
        plain(
            "Grades are each inspection's overall effectiveness judgement, under the "
            "framework named (SIF 2013-2018, ILACS from 2018); reports under the "
            "April 2026 ILACS framework give no overall grade and are shown as such.",
            "dim",
        )
    )
    return lines


def _council_name(c: dict[str, Any]) -> str:
    if c["status"] != "former":
        return str(c["name"])
    ended = f", abolished {c['abolished']}" if c.get("abolished") else ""
    return f"{c['name']} (former{ended})"


def _cell(r: dict[str, Any] | None) -> Segment:
    if r is None:
        return ("—", "dim")
    text, style = grade(r["overall"])
    return (f"{text} ({framework_label(r['framework'])} {r['published'][:4]})", style)


def _counts(counts: dict[str, int]) -> str:
    names = {
        "outstanding": "outstanding",
        "good": "good",
        "adequate": "adequate",
        "requires_improvement": "requires improvement",
        "inadequate": "inadequate",
        "no_overall_grade": "no overall grade",
        "none_in_force": "none in force",
    }
    parts = [f"{n} {names[k]}" for k, n in counts.items() if n]
    return ", ".join(parts) or "none"


def councils(rows: list[dict[str, Any]]) -> list[Line]:
    body = [
        [
            (r["name"] + (" (former)" if r["status"] == "former" else ""), ""),
            (r["id"], "dim"),
            (r["ons_code"] or "—", ""),
            (r["la_number"] or "—", ""),
            (r["region"] or "—", ""),
            _cell(r["in_force"]),
        ]
        for r in rows
    ]
    lines = table(["Council", "Id", "ONS code", "DfE", "Region", "Rating in force"], body)
    return [*lines, [], plain(f"{len(rows)} councils", "dim")]


def statements(rows: list[dict[str, Any]]) -> list[Line]:
    lines: list[Line] = []
    for st in rows:
        lines.extend(statement(st, council=True))
        lines.append([])
    lines.append(plain(f"{len(rows)} statement{'s' if len(rows) != 1 else ''}", "dim"))
    return lines
