"""Draw the timeline: one lane per council, coloured by the overall rating in force.

Imports matplotlib at the top: `charts` imports this module only when a chart is asked for.
"""

from __future__ import annotations

import math
import textwrap
from collections.abc import Sequence
from datetime import date, timedelta

from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch, Rectangle
from matplotlib.text import Text

from ofsted_cli.output.chartkit import (
    GRADES,
    OUTLINE,
    PROVISIONAL_HATCH,
    PROVISIONAL_TEXT,
    STATES,
    ChartError,
    Drawn,
    Lane,
    Mark,
    Span,
    long_date,
    style,
    wrap,
)

LANE_IN = 0.36
"""Height of one council's lane, in inches: room for its name, the bar and the marks above."""
BAR = 0.56
"""Height of the rating bar, as a share of the lane."""
_MARK_Y = -0.43
"""Where publication marks sit, relative to the lane's centre (y grows downwards)."""


def draw(lanes: Sequence[Lane], *, title: str, size: tuple[float, float]) -> Drawn:
    """Draw *lanes* on a figure of *size* inches (height 0: fit the lanes)."""
    if not lanes:
        raise ChartError("a timeline needs at least one lane")
    for lane in lanes:
        for span in lane.spans:
            style(span.state)
            if span.end < span.start:
                raise ChartError(f"{lane.name}: a span ends ({span.end}) before it starts")
    days = [d for lane in lanes for s in lane.spans for d in (s.start, s.end)]
    days += [m.day for lane in lanes for m in lane.marks]
    if not days:
        raise ChartError("the lanes have no spans and no marks to draw")
    first, last = date(min(days).year, 1, 1), max(days)

    width, height = size
    handles = _legend_handles(lanes)
    rows = math.ceil(len(handles) / max(1, int(width / 1.55)))
    height = height or 1.3 + 0.2 * rows + LANE_IN * len(lanes)
    figure = Figure(figsize=(width, height), layout="constrained")
    ax = figure.add_subplot()
    drawn = Drawn(figure, _label(lanes, title, first, last), _description(lanes))

    texts: list[tuple[Text, Rectangle, str]] = []
    for row, lane in enumerate(lanes):
        for col, span in enumerate(lane.spans):
            texts.append(_draw_span(ax, row, col, lane, span, drawn))
        for col, mark in enumerate(lane.marks):
            _draw_mark(ax, row, col, lane, mark, drawn)

    ax.set_xlim(first.toordinal(), last.toordinal())
    ax.set_ylim(len(lanes) - 0.5, -0.75)
    # A narrow chart breaks long names over two lines rather than give them half its width.
    names = [textwrap.fill(lane.name, max(16, int(width * 4)), max_lines=2) for lane in lanes]
    ax.set_yticks(range(len(lanes)), names, fontsize=9.5)
    ax.tick_params(axis="y", length=0)
    ax.spines["left"].set_visible(False)
    ax.grid(axis="x", color="#c8c8c8", linewidth=0.6)
    ax.set_axisbelow(True)
    ax.set_xlabel(
        wrap(
            f"Overall rating in force, from each report's publication, to {long_date(last)}", width
        )
    )
    if title:
        ax.set_title(title, loc="left", fontsize=12, fontweight="bold")
    figure.legend(
        handles=handles,
        loc="outside lower center",
        ncols=math.ceil(len(handles) / rows),
        frameon=False,
        fontsize=8.5,
        handlelength=1.6,
        columnspacing=1.2,
    )
    figure.draw_without_rendering()
    _year_ticks(ax, first, last)
    _fit_texts(texts)
    return drawn


def _year_ticks(ax: Axes, first: date, last: date) -> None:
    """Label every year, or every 2nd, 5th or 10th: as many as the plot's width has room for."""
    inches = ax.get_window_extent().width / ax.figure.dpi
    step = next(s for s in (1, 2, 5, 10, 20, 50) if (last.year - first.year) / s <= inches * 2.2)
    years = range(-(-first.year // step) * step, last.year + 1, step)
    ax.set_xticks([date(y, 1, 1).toordinal() for y in years], [str(y) for y in years])


def _draw_span(
    ax: Axes, row: int, col: int, lane: Lane, span: Span, drawn: Drawn
) -> tuple[Text, Rectangle, str]:
    look = style(span.state)
    x0, x1 = span.start.toordinal(), span.end.toordinal()
    y = row - BAR / 2
    bar = Rectangle((x0, y), x1 - x0, BAR, facecolor=look.fill, edgecolor=OUTLINE, linewidth=0.6)
    bar.set_gid(f"span-{row}-{col}")
    ax.add_patch(bar)
    for hatch, gid in (
        (look.hatch, "pattern"),
        (PROVISIONAL_HATCH if span.provisional else "", "hatch"),
    ):
        if hatch:
            # A separate patch: its edge colour is the hatch colour, and the bar keeps its fill.
            # Provisional hatching is white on dark fills, grey on light ones: seen, not loud.
            ink = "#ffffff" if gid == "hatch" and look.ink == "#ffffff" else OUTLINE
            over = Rectangle((x0, y), x1 - x0, BAR, facecolor="none", edgecolor=ink, linewidth=0)
            over.set_hatch(hatch)
            over.set_gid(f"{gid}-{row}-{col}")
            ax.add_patch(over)
    words = look.label if span.state != "not_inspected" else "not yet rated"
    text = ax.text(
        (x0 + x1) / 2,
        row,
        words,
        ha="center",
        va="center",
        color=look.ink,
        fontsize=8,
        bbox={"facecolor": look.fill, "edgecolor": "none", "pad": 1.2},
        in_layout=False,
    )
    tip = f"{lane.name}: {look.label.lower()}"
    tip += f" ({span.label})" if span.label else ""
    tip += f", from {long_date(span.start)} until {long_date(span.end)}"
    tip += f"; {PROVISIONAL_TEXT}" if span.provisional else ""
    drawn.tooltips[bar.get_gid() or ""] = tip
    return text, bar, look.short


def _draw_mark(ax: Axes, row: int, col: int, lane: Lane, mark: Mark, drawn: Drawn) -> None:
    (line,) = ax.plot(
        [mark.day.toordinal()],
        [row + _MARK_Y],
        linestyle="none",
        marker="v" if mark.graded else "o",
        markersize=6 if mark.graded else 4.5,
        markerfacecolor="white" if mark.provisional else "black",
        markeredgecolor="black",
        markeredgewidth=0.9,
        clip_on=False,
        zorder=5,
    )
    line.set_gid(f"mark-{row}-{col}")
    kind = "graded report" if mark.graded else "ungraded visit"
    tip = f"{lane.name}: {mark.label} ({kind}), published {long_date(mark.day)}"
    tip += f"; {PROVISIONAL_TEXT}" if mark.provisional else ""
    drawn.tooltips[line.get_gid() or ""] = tip


def _legend_handles(lanes: Sequence[Lane]) -> list[Patch | Line2D]:
    """Return legend keys for every grade, the other states drawn and the kinds of mark drawn."""
    spans = [s for lane in lanes for s in lane.spans]
    marks = [m for lane in lanes for m in lane.marks]
    seen = {s.state for s in spans}
    handles: list[Patch | Line2D] = []
    for state in STATES:
        if state in GRADES or state in seen:
            look = style(state)
            handles.append(
                Patch(
                    facecolor=look.fill,
                    edgecolor=OUTLINE,
                    linewidth=0.6,
                    hatch=look.hatch or None,
                    label=look.label,
                )
            )
    if any(s.provisional for s in spans):
        handles.append(
            Patch(
                facecolor="white", edgecolor=OUTLINE, hatch=PROVISIONAL_HATCH, label="Provisional"
            )
        )
    for graded, provisional, label in (
        (True, False, "Graded report"),
        (False, False, "Ungraded visit"),
        (True, True, "Provisional report"),
        (False, True, "Provisional visit"),
    ):
        if any(m.graded == graded and m.provisional == provisional for m in marks):
            handles.append(
                Line2D(
                    [],
                    [],
                    linestyle="none",
                    marker="v" if graded else "o",
                    markersize=6 if graded else 4.5,
                    markerfacecolor="white" if provisional else "black",
                    markeredgecolor="black",
                    label=label,
                )
            )
    return handles


def _fit_texts(texts: list[tuple[Text, Rectangle, str]]) -> None:
    """Shorten each span's words to fit inside it, or drop them: the legend still says."""
    for text, bar, short in texts:
        room = bar.get_window_extent().width - 4
        for words in (text.get_text(), short):
            text.set_text(words)
            if words and text.get_window_extent().width + 6 <= room:
                break
        else:
            text.remove()


def _label(lanes: Sequence[Lane], title: str, first: date, last: date) -> str:
    who = lanes[0].name if len(lanes) == 1 else f"{len(lanes)} councils"
    name = f"Timeline of the overall Ofsted rating in force for {who}, {first.year} to {last.year}"
    return f"{title}. {name}" if title else name


def _description(lanes: Sequence[Lane]) -> str:
    lines = []
    for lane in lanes:
        parts = []
        for span in lane.spans:
            part = style(span.state).label.lower()
            part += f" ({span.label})" if span.label else ""
            part += f" from {long_date(span.start)}"
            part += f" ({PROVISIONAL_TEXT})" if span.provisional else ""
            parts.append(part)
        until = max((s.end for s in lane.spans), default=None)
        tail = f", to {long_date(until - timedelta(days=1))}" if until else ""
        lines.append(f"{lane.name}: {'; '.join(parts) or 'no rating'}{tail}.")
    return " ".join(lines)
