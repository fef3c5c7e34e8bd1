"""Text for `ofsted compare`: a table that fits the terminal, tallies, what the record covers."""

from __future__ import annotations

from typing import Any

from ofsted_cli.output.table import STAR, Cell, Column, grade_cell, layout
from ofsted_cli.output.text import Line, plain
from ofsted_cli.vocab.frameworks import short, tiny
from ofsted_cli.vocab.grades import lower_words

CHANGES = {
    "up": ("↑ up", "green", "up"),
    "down": ("↓ down", "red", "down"),
    "same": ("= same", "", "same"),
    "first": ("first rating", "", "first"),
    "not_comparable": ("not comparable", "dim", "n/a"),
    "created": ("created", "dim", "new"),
    "abolished": ("abolished", "dim", "ended"),
}
FOOTNOTE = (
    "Grades are each inspection's overall effectiveness judgement, under the framework named "
    "(SIF 2013-2018, ILACS from 2018); reports under the April 2026 ILACS framework give no "
    "overall grade and are shown as such."
)


PROVISIONAL = "provisional: not yet in an official Ofsted release."


def _provisional(data: dict[str, Any]) -> bool:
    ratings = []
    for c in data["councils"]:
        ratings += [c.get("start"), c.get("end"), c.get("in_force"), *c.get("published", [])]
    return any(r and r.get("provisional") for r in ratings)


def council_name(c: dict[str, Any]) -> str:
    """'Bournemouth (former, abolished 2019-04-01)' for a former council."""
    if c["status"] != "former":
        return str(c["name"])
    ended = f", abolished {c['abolished']}" if c.get("abolished") else ""
    return f"{c['name']} (former{ended})"


def rating_cell(r: dict[str, Any] | None, missing: str = "—") -> Cell:
    """'Requires improvement (SIF re-insp. 2017)', abbreviated 'RI (SIF re-insp. 2017)'."""
    if r is None:
        return Cell(missing, "dim", "-" if missing == "—" else None)
    mark = ", provisional" if r.get("provisional") else ""
    year = r["published"][:4]
    return grade_cell(
        r["overall"],
        f" ({short(r['framework'])} {year}{mark})",
        short_suffix=f" {tiny(r['framework'])} {year}{STAR if mark else ''}",
    )


def _councils(n: int) -> str:
    return f"{n} council{'s' if n != 1 else ''}"


def counts(tally: dict[str, int]) -> str:
    """'4 requires improvement, 1 inadequate'."""
    parts = [f"{n} {lower_words(k).replace('_', ' ')}" for k, n in tally.items() if n]
    return ", ".join(parts) or "none"


def compare(
    data: dict[str, Any], scope: str, coverage: dict[str, Any], width: int | None
) -> list[Line]:
    """The comparison as lines of text."""
    period = data["period"]
    n = len(data["councils"]) + len(data["unrated"])
    if "year" in period:
        lines = _year(data, scope, n, width)
    else:
        lines = _day(data, scope, n, width)
    if data["unrated"]:
        names = [council_name(c) for c in data["unrated"]]
        lines.append(plain("No rating in force yet: " + ", ".join(names) + ".", "dim"))
    if any(c["status"] == "former" for c in data["councils"] + data["unrated"]):
        lines.append(
            plain(
                "Former councils take part while they existed (until abolished, or where no source "
                "gives the day, their last recorded inspection); councils created during the "
                "period take part from the day they were created.",
                "dim",
            )
        )
    if _provisional(data):
        lines.append(plain(PROVISIONAL, "dim"))
    lines.append(plain(FOOTNOTE, "dim"))
    lines.append(plain(coverage["text"], "dim"))
    return lines


def _year(data: dict[str, Any], scope: str, n: int, width: int | None) -> list[Line]:
    y = data["period"]["year"]
    columns = [
        Column("Council", wrap=True, min=16),
        Column(f"1 January {y}", wrap=True, min=12),
        Column(f"Graded reports published in {y}", drop=2, wrap=True, min=13),
        Column(f"31 December {y}", wrap=True, min=12),
        Column("Change", drop=1),
    ]
    rows = []
    for c in data["councils"]:
        during = "; ".join(
            f"{r['published']} {short(r['framework'])} {grade_cell(r['overall']).text}"
            + (" (provisional)" if r.get("provisional") else "")
            for r in c["published"]
        )
        short_during = "; ".join(
            f"{r['published']} {grade_cell(r['overall']).short}"
            + (STAR if r.get("provisional") else "")
            for r in c["published"]
        )
        text, style, brief = CHANGES[c["change"]]
        existed = c.get("existed", {"start": True, "end": True})
        rows.append(
            [
                Cell(council_name(c)),
                rating_cell(c["start"], "—" if existed["start"] else "not yet created"),
                Cell(during or "—", "" if during else "dim", short_during or "-"),
                rating_cell(c["end"], "—" if existed["end"] else "abolished"),
                Cell(text, style, brief),
            ]
        )
    table = layout(columns, rows, width)
    s = data["summary"]
    return [
        plain(f"Ratings in {y}, {scope} ({_councils(n)})", "bold"),
        [],
        *table.lines,
        [],
        plain(f"1 January: {counts(s['start'])}."),
        plain(f"31 December: {counts(s['end'])}."),
        plain(
            f"Changes: {s['changes']['up']} up, {s['changes']['down']} down, "
            f"{s['changes']['same']} unchanged"
            + "".join(
                f", {s['changes'][k]} {words}"
                for k, words in (
                    ("first", "first rated"),
                    ("not_comparable", "not comparable"),
                    ("created", "created"),
                    ("abolished", "abolished"),
                )
                if s["changes"].get(k)
            )
            + "."
        ),
        plain(
            f"Good or outstanding at any point in {y}: "
            f"{s['good_or_outstanding_at_some_point']} of {s['councils']}."
        ),
        *[plain(note, "dim") for note in table.notes()],
    ]


def _day(data: dict[str, Any], scope: str, n: int, width: int | None) -> list[Line]:
    period = data["period"]
    columns = [
        Column("Council", wrap=True),
        Column("Overall effectiveness", wrap=True),
        Column("Inspection", drop=1, wrap=True),
    ]
    rows = []
    for c in data["councils"]:
        r = c["in_force"]
        on_site = f", on site from {r['start']}" if r.get("start") else ""
        rows.append(
            [
                Cell(council_name(c)),
                rating_cell(r),
                Cell(f"{short(r['framework'])}, published {r['published']}{on_site}", "dim"),
            ]
        )
    table = layout(columns, rows, width)
    if "snapshot" in period:
        title = f"Ratings as at 31 March {period['snapshot']['year']} (Ofsted's rule), {scope}"
    else:
        title = f"Ratings in force on {period['as_of']}, {scope}"
    lines = [plain(f"{title} ({_councils(n)})", "bold"), [], *table.lines, []]
    lines.append(plain(f"In force: {counts(data['summary']['in_force'])}."))
    if "rule" in period:
        lines.append(plain(period["rule"], "dim"))
    else:
        lines.append(
            plain(
                "In force: the latest whole-service report published on or before the day "
                "(Ofsted's own 31 March figures use --snapshot YEAR).",
                "dim",
            )
        )
    lines += [plain(note, "dim") for note in table.notes()]
    return lines
