"""Text output for the query commands: plain when piped, colour on a terminal.

Renderers build lines of (text, style) segments, styles written as rich writes them ("bold
red"); `emit` writes them plainly, or with the terminal's own codes (SGR). Importing rich to
print a few bold and coloured words cost 30 ms, half again a whole piped query (issue 14).
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


_SGR = {"bold": "1", "dim": "2", "italic": "3", "underline": "4"}
_COLOURS = {"black": "30", "red": "31", "green": "32", "yellow": "33", "blue": "34"}
_COLOURS |= {"magenta": "35", "cyan": "36", "white": "37"}
_CONTROL = {c: " " for c in [*range(0x20), 0x7F] if c not in (0x09, 0x0A)}
"""Control characters in data are shown as spaces: never sent to the terminal."""


def emit(lines: list[Line], out: TextIO | None = None) -> None:
    """Write *lines*: with colour on a terminal, plain text otherwise (or with TERM=dumb).

    NO_COLOR (https://no-color.org) keeps bold, dim and underline, and drops the colours.
    """
    out = out or sys.stdout
    if out.isatty() and os.environ.get("TERM") != "dumb":
        codes = _SGR if os.environ.get("NO_COLOR") else _SGR | _COLOURS
        out.write("\n".join("".join(_styled(t, s, codes) for t, s in line) for line in lines))
        out.write("\n")
    else:
        out.write("\n".join("".join(t for t, _ in line) for line in lines) + "\n")


def _styled(text: str, style: str, codes: dict[str, str]) -> str:
    sgr = ";".join(codes[w] for w in style.split() if w in codes)
    text = text.translate(_CONTROL)
    return f"\x1b[{sgr}m{text}\x1b[0m" if sgr and text else text


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
