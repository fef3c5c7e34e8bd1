"""The import report: a summary, then every change and disagreement."""

from __future__ import annotations

import json
from typing import TextIO

from ofsted_cli.official.merge import ImportReport


def payload(report: ImportReport, dry_run: bool) -> dict[str, object]:
    """The report as JSON-ready data."""
    return {
        "files": report.files,
        "rows": report.rows,
        "dry_run": dry_run,
        "councils_added": report.councils_added,
        "inspections_added": dict(sorted(report.added.items())),
        "provisional_added": dict(sorted(report.provisional_added.items())),
        "confirmed": report.confirmed,
        "report_links_added": report.links_added,
        "inspections_in_data": dict(sorted(report.totals.items())),
        "changes": report.changes,
        "disagreements": report.disagreements,
        "not_added": report.skipped,
        "written": report.written,
    }


def render(report: ImportReport, as_json: bool, dry_run: bool, out: TextIO) -> None:
    """Write *report* to *out*, as JSON or as text."""
    if as_json:
        out.write(json.dumps(payload(report, dry_run), indent=2) + "\n")
        return
    verb = "would add" if dry_run else "added"
    out.write(f"read {report.rows} rows from {len(report.files)} file(s)\n")
    out.write(f"councils: {verb} {len(report.councils_added)}\n")
    for what, counter in (
        ("inspections and visits", report.added),
        ("provisional records", report.provisional_added),
    ):
        n = sum(counter.values())
        out.write(f"{what}: {verb} {n}" + (f" ({_counts(counter)})" if n else "") + "\n")
    if report.links_added:
        out.write(f"report links: {verb} {report.links_added}\n")
    if report.confirmed:
        out.write(f"provisional records confirmed: {len(report.confirmed)}\n")
        out.writelines(f"  {line}\n" for line in report.confirmed)
    out.write(f"in the data now: {sum(report.totals.values())} ({_counts(report.totals)})\n")
    out.write(f"other changes: {len(report.changes)}\n")
    for title, lines in (
        ("disagreements ({n}; the data keeps its value)", report.disagreements),
        ("not added ({n})", report.skipped),
    ):
        if lines:
            out.write(title.format(n=len(lines)) + ":\n")
            out.writelines(f"  {line}\n" for line in lines)
    if report.written:
        out.write("wrote " + ", ".join(report.written) + "\n")
    elif not dry_run:
        out.write("nothing to change\n")


def _counts(counter: dict[str, int]) -> str:
    return ", ".join(f"{k} {v}" for k, v in sorted(counter.items(), key=lambda kv: -kv[1]))
