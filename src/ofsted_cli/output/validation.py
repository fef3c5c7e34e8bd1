"""Renderers for validation results: text (file:line:col), json, github annotations."""

from __future__ import annotations

import json
from typing import TextIO

from ofsted_cli.dataset.problems import CheckResult
from ofsted_cli.vocab.kinds import KINDS

FORMATS = ("text", "json", "github")
REFERS_TO = {
    "councils": ("sources",),
    "statements": ("councils", "sources"),
    "groups": ("councils", "sources"),
    "figures": ("councils", "groups", "sources"),
}
"""The kinds each kind's records name by id (dataset/rules_ids.py checks them when present)."""


def render(result: CheckResult, fmt: str, out: TextIO, err: TextIO) -> None:
    """Write *result* as *fmt*: problems to *out*, the summary line to *err*."""
    if fmt == "json":
        payload = {
            "ok": result.ok,
            "files": result.files,
            "counts": result.counts,
            "problems": [
                {
                    "file": p.path,
                    "line": p.line,
                    "col": p.col,
                    "path": p.loc,
                    "message": p.message,
                    "code": p.code,
                    "severity": p.severity,
                }
                for p in result.problems
            ],
        }
        out.write(json.dumps(payload, indent=2) + "\n")
    elif fmt == "github":
        for p in result.problems:
            msg = f"{p.loc}: {p.message} ({p.code})" if p.loc else f"{p.message} ({p.code})"
            # A property value also escapes `:` and `,`, which would end it (actions/toolkit).
            path = _escape(p.path).replace(":", "%3A").replace(",", "%2C")
            level = "warning" if p.severity == "warning" else "error"
            out.write(f"::{level} file={path},line={p.line},col={p.col}::{_escape(msg)}\n")
    else:
        for p in result.problems:
            out.write(p.parsable() + "\n")
    err.write(summary(result) + "\n")
    note = unchecked(result)
    if note:
        err.write(note + "\n")


def unchecked(result: CheckResult) -> str | None:
    """Say which cross-file references went unchecked because their files were not given
    (validating one file alone must not look like a clean bill of health)."""
    seen = {k for k in result.counts if k in KINDS}
    missing = sorted({m for k in seen for m in REFERS_TO.get(k, ()) if m not in seen})
    if not seen or not missing:
        return None
    what = ", ".join(
        f"{m}{' and inspections' if m == 'councils' else ''} ({KINDS[m].file})" for m in missing
    )
    return (
        f"note: cross-file checks skipped: references to {what} were not checked because "
        "those files were not given; validate the whole data folder to check them"
    )


def _escape(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def summary(result: CheckResult) -> str:
    """One line: what was checked and how many problems."""
    counted = ", ".join(f"{n} {k}" for k, n in sorted(result.counts.items()))
    files = f"{len(result.files)} file{'s' if len(result.files) != 1 else ''}"
    warned = len(result.problems) - len(result.errors)
    warnings = f"; {warned} warning{'s' if warned != 1 else ''}" if warned else ""
    if result.ok:
        return f"ok: {files} ({counted}), no problems{warnings}"
    n, bad = len(result.errors), len({p.path for p in result.errors})
    where = files if bad == len(result.files) else f"{bad} of {files}"
    return f"{n} problem{'s' if n != 1 else ''} in {where}{warnings}"
