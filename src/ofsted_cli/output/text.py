"""Text output for the query commands: plain when piped, colour (rich) on a terminal.

Renderers build lines of (text, style) segments; `emit` writes them plainly or through rich.
Rich is imported only when output goes to a terminal, which keeps piped commands fast.
"""

from __future__ import annotations

import json
import os
import sys
from typing import Any, TextIO

from ofsted_cli.vocab import grades
from ofsted_cli.vocab.frameworks import short

Segment = tuple[str, str]  # (text, style)
Line = list[Segment]


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
    """The grade in words with its colour; None is 'no overall grade'."""
    if value is None:
        return ("no overall grade", "dim")
    g = grades.GRADES.get(value)
    return (g.words, g.style) if g else (value, "")


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


def rating(r: dict[str, Any] | None) -> list[Segment]:
    """'Inadequate (SIF, published 2016-09-20)'."""
    if r is None:
        return [("none in force", "dim")]
    return [
        grade(r["overall"]),
        (f" ({short(r['framework'])}, published {r['published']})", "dim"),
    ]
