"""Renderers for validation results: text (file:line:col), json, github annotations."""

from __future__ import annotations

import json
from typing import TextIO

from ofsted_cli.dataset.problems import CheckResult

FORMATS = ("text", "json", "github")


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
            out.write(f"::error file={path},line={p.line},col={p.col}::{_escape(msg)}\n")
    else:
        for p in result.problems:
            out.write(p.parsable() + "\n")
    err.write(summary(result) + "\n")


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
