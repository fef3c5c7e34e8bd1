"""Charts of ratings over time, as SVG text or PNG files, from plain data.

The data types (`Span`, `Mark`, `Lane`, `TrendYear`, in chartkit.py) are the whole interface:
the caller works out which rating was in force when, and this module only draws. matplotlib is
optional (the `charts` extra) and imported only inside the drawing functions, so importing this
module costs the CLI's start-up nothing.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import TypeVar
from xml.sax.saxutils import escape, quoteattr

from ofsted_cli.output.chartkit import (
    DEFAULT_WIDTH_PX,
    DPI,
    GRADES,
    MIN_WIDTH_PX,
    OUTLINE,
    PROVISIONAL_HATCH,
    PROVISIONAL_TEXT,
    STATES,
    STYLES,
    ChartError,
    Drawn,
    Lane,
    Mark,
    MissingExtraError,
    Span,
    Style,
    TrendYear,
    long_date,
    style,
    wrap,
)

__all__ = [
    "GRADES",
    "STATES",
    "DPI",
    "DEFAULT_WIDTH_PX",
    "MIN_WIDTH_PX",
    "MissingExtraError",
    "ChartError",
    "Span",
    "Mark",
    "Lane",
    "TrendYear",
    "Style",
    "STYLES",
    "PROVISIONAL_HATCH",
    "PROVISIONAL_TEXT",
    "OUTLINE",
    "Drawn",
    "style",
    "long_date",
    "wrap",
]

_NO_METADATA = {"Date": None, "Creator": None, "Format": None, "Type": None}


def timeline_svg(
    lanes: Sequence[Lane], *, title: str = "", width_px: int = DEFAULT_WIDTH_PX, height_px: int = 0
) -> str:
    """Return a timeline of the rating in force, one lane per council, as SVG text.

    Sizes are pixels at `DPI`; *height_px* 0 means tall enough for the lanes.
    """
    return _make(_timeline(lanes, title), width_px, height_px, _svg)


def timeline_png(
    lanes: Sequence[Lane],
    path: Path,
    *,
    title: str = "",
    width_px: int = DEFAULT_WIDTH_PX,
    height_px: int = 0,
) -> Path:
    """Write the timeline of `timeline_svg` to *path* as a PNG of exactly the size asked for."""
    return _make(_timeline(lanes, title), width_px, height_px, partial(_png, path=path))


def trend_svg(
    years: Sequence[TrendYear],
    *,
    title: str = "",
    width_px: int = DEFAULT_WIDTH_PX,
    height_px: int = 0,
) -> str:
    """Return stacked bars of the share of councils at each grade on 31 March, as SVG text."""
    return _make(_trend(years, title), width_px, height_px, _svg)


def trend_png(
    years: Sequence[TrendYear],
    path: Path,
    *,
    title: str = "",
    width_px: int = DEFAULT_WIDTH_PX,
    height_px: int = 0,
) -> Path:
    """Write the chart of `trend_svg` to *path* as a PNG of exactly the size asked for."""
    return _make(_trend(years, title), width_px, height_px, partial(_png, path=path))


_Size = tuple[float, float]
_T = TypeVar("_T")


def _make(
    draw: Callable[[_Size], Drawn], width_px: int, height_px: int, out: Callable[[Drawn], _T]
) -> _T:
    """Draw with this module's matplotlib settings (checked for first), then write it out."""
    with _matplotlib_rc():
        return out(draw(_size(width_px, height_px)))


def _timeline(lanes: Sequence[Lane], title: str) -> Callable[[_Size], Drawn]:
    def draw(size: _Size) -> Drawn:
        from ofsted_cli.output import timeline_chart

        return timeline_chart.draw(lanes, title=title, size=size)

    return draw


def _trend(years: Sequence[TrendYear], title: str) -> Callable[[_Size], Drawn]:
    def draw(size: _Size) -> Drawn:
        from ofsted_cli.output import trend_chart

        return trend_chart.draw(years, title=title, size=size)

    return draw


def _size(width_px: int, height_px: int) -> _Size:
    if width_px < MIN_WIDTH_PX:
        raise ChartError(f"a chart must be at least {MIN_WIDTH_PX} px wide to be readable")
    if height_px and height_px < 200:
        raise ChartError("a chart must be at least 200 px high to be readable")
    return width_px / DPI, height_px / DPI


@contextmanager
def _matplotlib_rc() -> Iterator[None]:
    """Import matplotlib (or raise `MissingExtraError`) and apply this module's settings."""
    try:
        import matplotlib
    except ImportError as e:
        raise MissingExtraError() from e
    with matplotlib.rc_context(
        {
            # Same bytes on every run (fixed ids; no date); text stays text, so names can be found.
            "svg.hashsalt": "ofsted-cli",
            "svg.fonttype": "none",
            "font.family": "sans-serif",
            "font.sans-serif": ["DejaVu Sans", "Liberation Sans", "Arial"],
            "font.size": 9,
            "hatch.linewidth": 0.9,
            "axes.spines.top": False,
            "axes.spines.right": False,
        }
    ):
        yield


def _svg(drawn: Drawn) -> str:
    buffer = io.StringIO()
    drawn.figure.savefig(buffer, format="svg", metadata=_NO_METADATA)
    return _finish_svg(buffer.getvalue(), drawn)


def _png(drawn: Drawn, path: Path) -> Path:
    drawn.figure.savefig(path, format="png", dpi=DPI, metadata={"Software": None})
    return path


def _finish_svg(svg: str, drawn: Drawn) -> str:
    """Give the SVG an accessible name and description, and its spans and marks tooltips."""
    head = f"<title>{escape(drawn.label)}</title>\n <desc>{escape(drawn.description)}</desc>\n"
    svg, found = re.subn(
        r"<svg ([^>]*)>\n",
        lambda m: f'<svg {m[1]} role="img" aria-label={quoteattr(drawn.label)}>\n {head}',
        svg,
        count=1,
    )
    if not found:  # pragma: no cover - matplotlib always writes an <svg> root
        raise ChartError("matplotlib wrote no <svg> element")
    for gid, text in drawn.tooltips.items():
        svg = svg.replace(f'<g id="{gid}">', f'<g id="{gid}">\n<title>{escape(text)}</title>', 1)
    return svg
