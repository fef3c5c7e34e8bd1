"""Text output for the query commands: plain when piped, colour on a terminal.

Renderers build lines of (text, style) segments, styles written as rich writes them ("bold
red"); `emit` writes them plainly, or with the terminal's own codes (SGR): importing rich to
print a few bold and coloured words cost 30 ms, half again a whole piped query (issue 14).
Text from the data is cleaned of control characters and bidirectional overrides before it is
written, on a terminal and when piped (issue 13).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import sys
import unicodedata
from typing import Any, TextIO

from ofsted_cli.vocab import grades
from ofsted_cli.vocab.frameworks import short

Segment = tuple[str, str]  # (text, style)
Line = list[Segment]

# C0 and C1 controls (tab and newline are handled by the renderers), DEL, bidi overrides and
# isolates, zero-width characters: none of them has a place in a line of output.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]")


def clean(text: str) -> str:
    """*text* safe to write: unsafe characters shown as their code (\\x1b -> <U+001B>)."""
    return _UNSAFE.sub(lambda m: f"<U+{ord(m.group()):04X}>", text.replace("\t", " "))


def cells(text: str) -> int:
    """How many terminal cells *text* takes (wide East Asian characters take two)."""
    return sum(
        0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF" else 1
        for c in text
    )


def dump_json(payload: Any, out: TextIO) -> None:
    """Strict JSON (no NaN or Infinity), UTF-8."""
    out.write(json.dumps(payload, indent=2, ensure_ascii=False, allow_nan=False) + "\n")


def terminal(out: TextIO | None = None) -> bool:
    """True when *out* is a terminal that shows styles."""
    out = out or sys.stdout
    return out.isatty() and os.environ.get("TERM") != "dumb"


def width(out: TextIO | None = None) -> int | None:
    """The terminal's width in columns, or None when output is piped (no wrapping then)."""
    return shutil.get_terminal_size().columns if terminal(out) else None


def fold(line: Line, limit: int) -> list[Line]:
    """*line* broken at spaces into lines of at most *limit* cells, styles kept; continuation
    lines keep the first line's indentation."""
    text = "".join(t for t, _ in line)
    if cells(text) <= limit:
        return [line]
    indent = len(text) - len(text.lstrip(" "))
    words: list[tuple[str, str]] = []  # (word with its trailing space, style)
    for t, style in line:
        for piece in re.findall(r"\S+\s*|\s+", t):
            words.append((piece, style))
    out: list[Line] = [[]]
    used = 0
    for piece, style in words:
        size = cells(piece.rstrip())
        if used and used + size > limit:
            out.append([(" " * indent, "")])
            used = indent
            piece = piece.lstrip()
        out[-1].append((piece, style))
        used += cells(piece)
    for folded in out:  # no trailing spaces past the limit
        if folded:
            t, style = folded[-1]
            folded[-1] = (t.rstrip(), style)
    return out


_SGR = {"bold": "1", "dim": "2", "italic": "3", "underline": "4"}
_COLOURS = {"black": "30", "red": "31", "green": "32", "yellow": "33", "blue": "34"}
_COLOURS |= {"magenta": "35", "cyan": "36", "white": "37"}


def emit(lines: list[Line], out: TextIO | None = None) -> None:
    """Write *lines*: with colour on a terminal (long lines folded to its width), plain text
    otherwise (or with TERM=dumb).

    NO_COLOR (https://no-color.org) keeps bold, dim and underline, and drops the colours.
    """
    out = out or sys.stdout
    if terminal(out):
        limit = shutil.get_terminal_size().columns
        lines = [folded for line in lines for folded in (fold(line, limit) if line else [line])]
        codes = _SGR if os.environ.get("NO_COLOR") else _SGR | _COLOURS
        out.write("\n".join("".join(_styled(t, s, codes) for t, s in line) for line in lines))
        out.write("\n")
    else:
        out.write("\n".join("".join(clean(t) for t, _ in line) for line in lines) + "\n")


def _styled(text: str, style: str, codes: dict[str, str]) -> str:
    sgr = ";".join(codes[w] for w in style.split() if w in codes)
    text = clean(text)
    return f"\x1b[{sgr}m{text}\x1b[0m" if sgr and text else text


def grade(value: str | None) -> Segment:
    """The grade in words with its colour; None is 'no overall grade'."""
    if value is None:
        return ("no overall grade", "dim")
    g = grades.GRADES.get(value)
    return (g.words, g.style) if g else (value, "")


def plain(text: str, style: str = "") -> Line:
    return [(text, style)]


def rating(r: dict[str, Any] | None) -> list[Segment]:
    """'Inadequate (SIF, published 2016-09-20)', marked when provisional."""
    if r is None:
        return [("none in force", "dim")]
    out = [
        grade(r["overall"]),
        (f" ({short(r['framework'])}, published {r['published']})", "dim"),
    ]
    if r.get("provisional"):
        out.append((" provisional", "italic magenta"))
    return out
