"""A timeline in plain text, for a terminal: letters, not colours, so it reads anywhere."""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date

from ofsted_cli.output.chartkit import GRADES, STATES, ChartError, Lane, Span, style

MIN_WIDTH = 60
_UNITS = (1, 2, 3, 4, 6, 12, 24, 36, 60, 120)
"""Months per character, finest first: the first that fits the width is used."""
_NAME_MAX = 22


def text_timeline(lanes: Sequence[Lane], *, width: int = 80) -> list[str]:
    """Return the lines of a text timeline of *lanes*, none longer than *width*.

    A year ruler, then one line per council: its name and one character per period, the letter of
    the rating in force for most of it (lower case when provisional), then the legend.
    """
    if width < MIN_WIDTH:
        raise ChartError(f"a text timeline needs at least {MIN_WIDTH} columns")
    spans = [s for lane in lanes for s in lane.spans]
    if not spans:
        raise ChartError("the lanes have no spans to show")
    for span in spans:
        style(span.state)
    first = date(min(s.start for s in spans).year, 1, 1)
    last = max(s.end for s in spans)

    name_width = min(max(len(lane.name) for lane in lanes), _NAME_MAX)
    room = width - name_width - 1
    months = _month(last) - _month(first) + (1 if last.day > 1 else 0)
    unit = next((u for u in _UNITS if math.ceil(months / u) <= room), None)
    if unit is None:
        raise ChartError("the lanes span too many years to show in this width")
    cells = math.ceil(months / unit)
    periods = [
        (_day(_month(first) + i * unit), min(last, _day(_month(first) + (i + 1) * unit)))
        for i in range(cells)
    ]

    lines = [" " * (name_width + 1) + _ruler(first, last, unit, cells)]
    for lane in lanes:
        strip = "".join(_cell(lane.spans, start, end) for start, end in periods)
        lines.append(f"{_fit(lane.name, name_width):<{name_width}} {strip}".rstrip())
    lines += _legend(spans, unit, width)
    return lines


def _cell(spans: Sequence[Span], start: date, end: date) -> str:
    """Return the letter of the span in force for most of [*start*, *end*), or a space."""
    best, most = None, 0
    for span in spans:
        overlap = (min(end, span.end) - max(start, span.start)).days
        if overlap > most:
            best, most = span, overlap
    if best is None:
        return " "
    letter = style(best.state).letter
    return letter.lower() if best.provisional else letter


def _ruler(first: date, last: date, unit: int, cells: int) -> str:
    """Return years placed over the character where each begins, evenly spaced, never touching."""
    every = max(1, math.ceil(5 * unit / 12))
    ruler = ""
    for year in range(first.year, last.year + 1, every):
        at = (year - first.year) * 12 // unit
        if at + 4 <= cells and at >= len(ruler) + (1 if ruler else 0):
            ruler = f"{ruler:<{at}}{year}"
    return ruler


def _legend(spans: Sequence[Span], unit: int, width: int) -> list[str]:
    """Return the legend, wrapped to *width* between entries, never inside one."""
    seen = {s.state for s in spans}
    step = f"{unit} months" if unit < 12 else f"{unit // 12} year{'s' if unit > 12 else ''}"
    chunks = [f"One character = {step}:"]
    chunks += [
        f"{style(s).letter} {style(s).label.lower()}," for s in STATES if s in GRADES or s in seen
    ]
    chunks[-1] = chunks[-1].rstrip(",") + "."
    if any(s.provisional for s in spans):
        chunks += ["Lower case = provisional:", "not yet in an official Ofsted release."]
    lines = [chunks[0]]
    for chunk in chunks[1:]:
        if len(lines[-1]) + 1 + len(chunk) <= width:
            lines[-1] += " " + chunk
        else:
            lines.append(chunk)
    return lines


def _fit(name: str, width: int) -> str:
    return name if len(name) <= width else name[: width - 1] + "…"


def _month(day: date) -> int:
    return day.year * 12 + day.month - 1


def _day(month: int) -> date:
    return date(month // 12, month % 12 + 1, 1)
