"""Text for the list commands: compare, councils, statements."""

from __future__ import annotations

from typing import Any

from ofsted_cli.output.show import statement
from ofsted_cli.output.text import Line, Segment, grade, plain, table
from ofsted_cli.vocab.frameworks import short


def compare(data: dict[str, Any], scope: str) -> list[Line]:
    period = data["period"]
    rows = []
    if "year" in period:
        y = period["year"]
        title = f"Ratings in {y}, {scope} ({len(data['councils'])} councils)"
        for c in data["councils"]:
            during = (
                "; ".join(
                    f"{r['published']} {short(r['framework'])} {grade(r['overall'])[0]}"
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
                        f"{short(r['framework'])}, published {r['published']}" if r else "",
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
    return (f"{text} ({short(r['framework'])} {r['published'][:4]})", style)


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
