"""Draw the national trend: stacked bars of the share of councils at each grade on 31 March.

Imports matplotlib at the top: `charts` imports this module only when a chart is asked for.
"""

from __future__ import annotations

from collections.abc import Sequence

from matplotlib.figure import Figure
from matplotlib.patches import Patch, Rectangle
from matplotlib.text import Text
from matplotlib.ticker import PercentFormatter

from ofsted_cli.output.chartkit import (
    GRADES,
    OUTLINE,
    STATES,
    ChartError,
    Drawn,
    TrendYear,
    style,
    wrap,
)

_QUIET = "#595959"
"""Grey for secondary text: 7:1 contrast on white."""


def draw(years: Sequence[TrendYear], *, title: str, size: tuple[float, float]) -> Drawn:
    """Draw *years* as stacked bars on a figure of *size* inches (height 0: half the width)."""
    if not years:
        raise ChartError("a trend chart needs at least one year")
    for year in years:
        for state, count in year.counts.items():
            style(state)
            if count < 0:
                raise ChartError(f"{year.year}: a negative count of {state!r} councils")
    width, height = size
    figure = Figure(figsize=(width, height or max(3.5, width * 0.5)), layout="constrained")
    ax = figure.add_subplot()
    drawn = Drawn(figure, _label(years, title), _description(years))

    shown = [s for s in STATES if s in GRADES or any(y.counts.get(s) for y in years)]
    counts: list[tuple[Text, Rectangle]] = []
    for x, year in enumerate(years):
        bottom = 0.0
        for state in shown:
            count = year.counts.get(state, 0)
            if not count:
                continue
            share = 100 * count / year.total
            look = style(state)
            bar = Rectangle(
                (x - 0.36, bottom), 0.72, share, facecolor=look.fill, edgecolor=OUTLINE, lw=0.6
            )
            bar.set_gid(f"bar-{year.year}-{state}")
            ax.add_patch(bar)
            if look.hatch:
                over = Rectangle((x - 0.36, bottom), 0.72, share, fc="none", ec=OUTLINE, lw=0)
                over.set_hatch(look.hatch)
                ax.add_patch(over)
            label = ax.text(x, bottom + share / 2, str(count), ha="center", va="center")
            label.set(color=look.ink, fontsize=8, in_layout=False)
            label.set_bbox({"facecolor": look.fill, "edgecolor": "none", "pad": 0.8})
            counts.append((label, bar))
            drawn.tooltips[f"bar-{year.year}-{state}"] = (
                f"31 March {year.year}: {count} of {year.total} councils "
                f"{look.label.lower()} ({share:.0f}%)"
            )
            bottom += share
        if year.total:
            ax.text(x, 101.5, str(year.total), ha="center", va="bottom", color=_QUIET, fontsize=8)

    ax.set_xlim(-0.6, len(years) - 0.4)
    ax.set_ylim(0, 109)
    ax.spines["left"].set_bounds(0, 100)
    ax.set_yticks([0, 25, 50, 75, 100])
    ax.yaxis.set_major_formatter(PercentFormatter(decimals=0))
    ax.set_ylabel("Share of councils")
    step = 1 if width / len(years) >= 0.42 else 2
    ax.set_xticks(range(0, len(years), step), [str(y.year) for y in years][::step])
    ax.tick_params(axis="x", length=0)
    narrow = width < 6.5
    ax.set_xlabel(
        wrap(
            "Overall rating in force on 31 March of each year. "
            "Numbers in the bars are councils; above the bars, all councils that day.",
            width if narrow else width * 0.75,
        )
    )
    if title:
        ax.set_title(title, loc="left", fontsize=12, fontweight="bold")
    handles = [
        Patch(
            fc=style(s).fill, ec=OUTLINE, lw=0.6, hatch=style(s).hatch or None, label=style(s).label
        )
        for s in reversed(shown)
    ]
    figure.legend(
        handles=handles,
        loc="outside lower center" if narrow else "outside right center",
        ncols=2 if narrow else 1,
        frameon=False,
        fontsize=8.5,
    )
    _fit_counts(figure, counts)
    return drawn


def _fit_counts(figure: Figure, counts: list[tuple[Text, Rectangle]]) -> None:
    """Drop the counts of segments too thin to hold them: their tooltips still say."""
    figure.draw_without_rendering()
    for text, bar in counts:
        room, need = bar.get_window_extent(), text.get_window_extent()
        if need.height + 6 > room.height or need.width + 6 > room.width:  # with its padding
            text.remove()


def _label(years: Sequence[TrendYear], title: str) -> str:
    span = f"{years[0].year} to {years[-1].year}" if len(years) > 1 else str(years[0].year)
    name = f"Share of councils at each overall Ofsted grade on 31 March, {span}"
    return f"{title}. {name}" if title else name


def _description(years: Sequence[TrendYear]) -> str:
    lines = []
    for year in years:
        parts = [
            f"{count} {style(state).label.lower()}"
            for state in STATES
            if (count := year.counts.get(state, 0))
        ]
        lines.append(f"31 March {year.year}: {year.total} councils; {', '.join(parts)}.")
    return " ".join(lines)
