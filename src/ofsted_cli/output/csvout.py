"""CSV for the table commands: one header row, then one row per table row, plain values.

Cells that a spreadsheet would run as a formula (starting =, +, -, @, tab or carriage
return) are neutralised with a leading apostrophe (OWASP's rule)."""

from __future__ import annotations

import csv
from collections.abc import Sequence
from typing import Any, TextIO

from ofsted_cli.vocab.grades import words

Table = tuple[list[str], list[list[Any]]]


def safe(value: Any) -> Any:
    """*value*, made inert if a spreadsheet would read it as a formula."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def write(table: Table, out: TextIO) -> None:
    """Write *table* as CSV."""
    header, rows = table
    w = csv.writer(out, lineterminator="\n")
    w.writerow(header)
    w.writerows([safe(v) for v in row] for row in rows)


def _flag(value: object) -> str:
    """A yes-or-no cell as the exports write it (the data package's true and false values)."""
    return "true" if value else "false"


def _rating(r: dict[str, Any] | None) -> list[Any]:
    if r is None:
        return ["", "", "", "", "", ""]
    return [
        r["overall"] or "",
        words(r["overall"]) if r["overall"] else "no overall grade",
        r["framework"],
        r.get("start") or "",
        r["published"],
        _flag(r.get("provisional")),
    ]


def _rating_header(prefix: str) -> list[str]:
    return [
        f"{prefix}{k}"
        for k in ("grade", "grade_label", "framework", "on_site_from", "published", "provisional")
    ]


def compare(data: dict[str, Any]) -> Table:
    """`compare` as a table: a row per council."""
    who = ["council_id", "council", "region", "status"]
    rows: list[list[Any]] = []
    if "year" in data["period"]:
        header = [
            *who,
            *_rating_header("start_"),
            "published_in_year",
            *_rating_header("end_"),
            "change",
        ]
        for c in data["councils"]:
            during = "; ".join(
                f"{r['published']} {r['framework']} {r['overall'] or ''}".strip()
                for r in c["published"]
            )
            rows.append(
                [
                    c["id"],
                    c["name"],
                    c["region"] or "",
                    c["status"],
                    *_rating(c["start"]),
                    during,
                    *_rating(c["end"]),
                    c["change"],
                ]
            )
        for c in data["unrated"]:
            rows.append(
                [
                    c["id"],
                    c["name"],
                    c["region"] or "",
                    c["status"],
                    *_rating(None),
                    "",
                    *_rating(None),
                    "none",
                ]
            )
        return header, rows
    header = [*who, *_rating_header("")]
    for c in data["councils"]:
        rows.append([c["id"], c["name"], c["region"] or "", c["status"], *_rating(c["in_force"])])
    for c in data["unrated"]:
        rows.append([c["id"], c["name"], c["region"] or "", c["status"], *_rating(None)])
    return header, rows


def councils(data: dict[str, Any]) -> Table:
    """`councils` as a table."""
    header = [
        "council_id",
        "council",
        "ons_code",
        "la_number",
        "urn",
        "region",
        "status",
        *_rating_header(""),
        "latest_record_provisional",
        "existed",
    ]
    rows = [
        [
            c["id"],
            c["name"],
            c["ons_code"] or "",
            c["la_number"] or "",
            c["urn"] or "",
            c["region"] or "",
            c["status"],
            *_rating(c["in_force"]),
            _flag(c["latest_provisional"]),
            _flag(c.get("existed", True)),
        ]
        for c in data["councils"]
    ]
    return header, rows


def rows(header: Sequence[str], records: Sequence[dict[str, Any]]) -> Table:
    """A table of *records* (dicts) in the order of *header*."""
    return list(header), [[r.get(h, "") for h in header] for r in records]


def reports(data: dict[str, Any]) -> Table:
    """`reports` as a table: a row per report or visit."""
    header = [
        "council_id",
        "council",
        "inspection",
        "framework",
        "start",
        "end",
        "published",
        "grade",
        "grade_label",
        "theme",
        "provisional",
    ]
    rows = [
        [
            r["council_id"],
            r["council"],
            r["inspection"],
            r["framework"],
            r["start"] or "",
            r["end"] or "",
            r["published"] or "",
            r["overall"] or "",
            (words(r["overall"]) if r["overall"] else ("no overall grade" if r["graded"] else "")),
            r["theme"] or "",
            _flag(r["provisional"]),
        ]
        for r in data["reports"]
    ]
    return header, rows


def trend(data: dict[str, Any]) -> Table:
    """`trend` as a table: a row per year, a count and a share per grade."""
    keys = list(data["years"][0]["tally"]) if data["years"] else []
    header = [
        "year",
        "as_at",
        "councils",
        *keys,
        *[f"{k}_share" for k in keys],
        "provisional",
        "complete",
    ]
    rows = [
        [
            y["year"],
            y["as_at"],
            y["councils"],
            *[y["tally"][k] for k in keys],
            *[y["shares"][k] for k in keys],
            y["provisional"],
            _flag(y["complete"]),
        ]
        for y in data["years"]
    ]
    return header, rows


def transitions(data: dict[str, Any]) -> Table:
    """`transitions` as a table: a row per pair of consecutive inspections."""
    header = [
        "council_id",
        "council",
        "from_grade",
        "from_framework",
        "from_published",
        "to_grade",
        "to_framework",
        "to_published",
        "to_provisional",
        "months",
    ]
    rows = [
        [
            p["council_id"],
            p["council"],
            p["from_grade"],
            p["from"]["framework"],
            p["from"]["published"],
            p["to_grade"],
            p["to"]["framework"],
            p["to"]["published"],
            _flag(p["to"]["provisional"]),
            p["months"],
        ]
        for p in data["transitions"]
    ]
    return header, rows
