"""Tables that fit the terminal: measured, grades abbreviated, least important columns
dropped, long cells wrapped. Piped output keeps every column, unabbreviated and unwrapped."""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from dataclasses import dataclass, field

from ofsted_cli.output.text import Line, cells, clean
from ofsted_cli.vocab import grades

GAP = 2
STAR = "*"
"""The mark of a provisional record in an abbreviated cell."""


@dataclass(frozen=True)
class Cell:
    """A table cell: its text, its style, and a shorter form for narrow terminals."""

    text: str
    style: str = ""
    short: str | None = None


@dataclass(frozen=True)
class Column:
    """A column: its header, and how it gives way on a narrow terminal."""

    header: str
    drop: int = 0
    """0: always shown; higher numbers are dropped first when the table is too wide."""
    wrap: bool = False
    """May wrap onto several lines."""
    min: int = 10
    """The narrowest a wrapping column may become."""
    short_header: str | None = None
    """The header when the table is abbreviated (None: the same)."""


@dataclass
class Table:
    """A laid-out table: its lines, and what was done to make it fit."""

    lines: list[Line] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)
    abbreviated: bool = False
    starred: bool = False
    """Abbreviated cells show a provisional record by a trailing *."""

    def notes(self) -> list[str]:
        """What a reader needs to know: the abbreviations used and the columns left out."""
        out = []
        if self.abbreviated:
            out.append(
                "Grades abbreviated: "
                + ", ".join(f"{g.abbrev} {g.words.lower()}" for g in grades.GRADES.values())
                + ("; * provisional." if self.starred else ".")
            )
        if self.dropped:
            out.append(
                f"Left out to fit the terminal: {', '.join(self.dropped)} "
                "(widen it, or pipe the output or use --csv for every column)."
            )
        return out


def grade_cell(
    code: str | None, suffix: str = "", style: str | None = None, short_suffix: str | None = None
) -> Cell:
    """A grade in words, with its abbreviation (and *suffix*) for narrow terminals."""
    if code is None:
        return Cell("no overall grade" + suffix, "dim", "none" + (short_suffix or suffix))
    g = grades.GRADES.get(code)
    if g is None:
        return Cell(code + suffix)
    return Cell(
        g.words + suffix,
        style if style is not None else g.style,
        g.abbrev + (suffix if short_suffix is None else short_suffix),
    )


def _text(cell: Cell, short: bool) -> str:
    return clean(cell.short if short and cell.short is not None else cell.text)


def _header(column: Column, short: bool) -> str:
    return column.short_header if short and column.short_header is not None else column.header


def layout(columns: Sequence[Column], rows: Sequence[Sequence[Cell]], width: int | None) -> Table:
    """Lay out *rows*; with a *width*, make every line fit it."""
    keep = list(range(len(columns)))
    short = False

    def natural(i: int) -> int:
        return max([cells(_header(columns[i], short))] + [cells(_text(r[i], short)) for r in rows])

    def total() -> int:
        return sum(natural(i) for i in keep) + GAP * (len(keep) - 1)

    def squeezed() -> int:  # the narrowest the kept columns can be
        return sum(
            min(natural(i), columns[i].min) if columns[i].wrap else natural(i) for i in keep
        ) + GAP * (len(keep) - 1)

    out = Table()
    if width is not None and total() > width:
        short = out.abbreviated = any(
            _text(r[i], True) != _text(r[i], False) for r in rows for i in keep
        )
        while squeezed() > width:
            droppable = [i for i in keep if columns[i].drop]
            if not droppable:
                break
            worst = max(droppable, key=lambda i: (columns[i].drop, i))
            keep.remove(worst)
            out.dropped.append(columns[worst].header)
    widths = {i: natural(i) for i in keep}
    if width is not None and total() > width:
        _shrink(columns, keep, widths, width)
    out.starred = short and any((r[i].short or "").endswith(STAR) for r in rows for i in keep)
    out.lines += _row([_header(columns[i], short) for i in keep], keep, widths, "bold")
    for r in rows:
        texts = [_text(r[i], short) for i in keep]
        for line in _row(texts, keep, widths, "", [r[i].style for i in keep]):
            out.lines.append(line)
    return out


def _shrink(columns: Sequence[Column], keep: list[int], widths: dict[int, int], width: int) -> None:
    """Narrow the wrapping columns (then any column) until the row fits *width*."""
    room = width - GAP * (len(keep) - 1)
    for wrapping, floor in (([i for i in keep if columns[i].wrap], None), (keep, 6)):
        while sum(widths.values()) > room:
            candidates = [i for i in wrapping if widths[i] > (floor or columns[i].min)]
            if not candidates:
                break
            widest = max(candidates, key=lambda i: widths[i])
            widths[widest] -= 1


def _row(
    texts: Sequence[str],
    keep: list[int],
    widths: dict[int, int],
    style: str,
    styles: Sequence[str] | None = None,
) -> list[Line]:
    wrapped = [
        textwrap.wrap(t, widths[i], break_long_words=True) or [""] if cells(t) > widths[i] else [t]
        for t, i in zip(texts, keep, strict=True)
    ]
    height = max(len(w) for w in wrapped)
    lines: list[Line] = []
    for h in range(height):
        line: Line = []
        for n, (w, i) in enumerate(zip(wrapped, keep, strict=True)):
            piece = w[h] if h < len(w) else ""
            last = n == len(keep) - 1
            pad = "" if last else " " * (widths[i] - cells(piece) + GAP)
            line.append((piece + pad, styles[n] if styles else style))
        while line and not line[-1][0].strip():  # no trailing blanks
            line.pop()
        if line:
            line[-1] = (line[-1][0].rstrip(), line[-1][1])
        lines.append(line)
    while len(lines) > 1 and not lines[-1]:
        lines.pop()
    return lines
