"""The import report: a summary, then every change and disagreement."""

from __future__ import annotations

import json
from typing import TextIO

from ofsted_cli.importer import ImportReport


def render(report: ImportReport, as_json: bool, dry_run: bool, out: TextIO) -> None:
    """Write *report* to *out*, as JSON or as text."""
    if as_json:
        payload = {
            "files": report.files,
            "rows": report.rows,
            "dry_run": dry_run,
            "councils_added": report.councils_added,
            "inspections_added": dict(sorted(report.added.items())),
            "inspections_in_data": dict(sorted(report.totals.items())),
            "changes": report.changes,
            "disagreements": report.disagreements,
            "written": report.written,
        }
        out.write(json.dumps(payload, indent=2) + "\n")
        return
    added = sum(report.added.values())
    verb = "would add" if dry_run else "added"
    out.write(f"read {report.rows} rows from {len(report.files)} file(s)\n")
    out.write(f"councils: {verb} {len(report.councils_added)}\n")
    out.write(
        f"inspections and visits: {verb} {added}"
        + (f" ({_counts(report.added)})" if added else "")
        + "\n"
    )
    out.write(f"in the data now: {sum(report.totals.values())} ({_counts(report.totals)})\n")
    out.write(f"other changes: {len(report.changes)}\n")
    if report.disagreements:
        out.write(f"disagreements ({len(report.disagreements)}; the data keeps its value):\n")
        for line in report.disagreements:
            out.write(f"  {line}\n")
    if report.written:
        out.write("wrote " + ", ".join(report.written) + "\n")
    elif not dry_run:
        out.write("nothing to change\n")


def _counts(counter: dict[str, int]) -> str:
    return ", ".join(f"{k} {v}" for k, v in sorted(counter.items(), key=lambda kv: -kv[1]))
