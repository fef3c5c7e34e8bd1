"""What the charts draw and how: the data types (the charts' whole interface), the styles of
each state, and small helpers shared by the drawing modules. No matplotlib here."""

from __future__ import annotations

import textwrap
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from ofsted_cli.errors import OfstedError

if TYPE_CHECKING:  # matplotlib is optional and imported lazily; the name is for annotations only.
    from matplotlib.figure import Figure

GRADES = ("outstanding", "good", "requires_improvement", "inadequate")
STATES = (
    "outstanding",
    "good",
    "adequate",
    "requires_improvement",
    "inadequate",
    "no_overall_grade",
    "not_inspected",
)
"""Every state a span can have, best grade first: the stacking order of the trend chart."""

DPI = 150
"""Pixels per inch of PNG output: sizes are given in pixels at this print resolution."""
DEFAULT_WIDTH_PX = 1650
"""11 inches at 150 dpi: the printable width of a landscape A4 page."""
MIN_WIDTH_PX = 600


class MissingExtraError(OfstedError):
    """matplotlib is not installed: charts need the `charts` extra."""

    def __init__(self) -> None:
        super().__init__("charts need matplotlib: pip install 'ofsted-cli[charts]'")


class ChartError(OfstedError, ValueError):
    """The data or size asked for cannot be drawn (an unknown state, no lanes, too narrow)."""


@dataclass(frozen=True)
class Span:
    """One period during which one overall rating was in force for a council.

    *end* is exclusive; the last span ends at the record's "as of" day. *state* is a grade, or
    `not_inspected` (no whole-service rating yet) or `no_overall_grade` (a report under the April
    2026 ILACS framework). A *provisional* span rests on a report not yet in an official release.
    """

    start: date
    end: date
    state: str
    provisional: bool = False
    label: str = ""
    """The report it rests on, e.g. "ILACS 2019", for tooltips and text."""


@dataclass(frozen=True)
class Mark:
    """A publication (report or visit letter) on a council's lane."""

    day: date
    label: str
    graded: bool
    provisional: bool = False


@dataclass(frozen=True)
class Lane:
    """One council's row of a timeline."""

    council_id: str
    name: str
    spans: tuple[Span, ...]
    marks: tuple[Mark, ...] = ()


@dataclass(frozen=True)
class TrendYear:
    """The number of councils in each state on 31 March of *year* (keys are `STATES`)."""

    year: int
    counts: Mapping[str, int]

    @property
    def total(self) -> int:
        """Return the number of councils that existed that day."""
        return sum(self.counts.values())


@dataclass(frozen=True)
class Style:
    """How one state looks: a fill that differs in lightness too, and words for it."""

    label: str
    short: str
    letter: str
    """Its letter in the text timeline (lower case when provisional)."""
    fill: str
    ink: str
    """Text colour on *fill*, at least 4.5:1 contrast (WCAG AA)."""
    hatch: str = ""
    """A matplotlib hatch drawn over the fill, for states that lightness alone can't separate."""


# Lightness (CIE L*) runs outstanding 24, inadequate 48, good 73, adequate 82, requires
# improvement 88, so every grade stays apart in greyscale; the two states that are not grades
# carry a pattern or an outline instead.
STYLES: Mapping[str, Style] = {
    "outstanding": Style("Outstanding", "O", "O", "#00441b", "#ffffff"),
    "good": Style("Good", "G", "G", "#74c476", "#000000"),
    "adequate": Style("Adequate", "A", "A", "#d9ce8a", "#000000"),
    "requires_improvement": Style("Requires improvement", "RI", "R", "#fed976", "#000000"),
    "inadequate": Style("Inadequate", "I", "I", "#d62f27", "#ffffff"),
    "no_overall_grade": Style("No overall grade", "none", "N", "#c6d2e8", "#000000", "---"),
    "not_inspected": Style("Not yet rated", "", ".", "#ffffff", "#000000"),
}
PROVISIONAL_HATCH = "///"
PROVISIONAL_TEXT = "provisional: not yet in an official Ofsted release"
OUTLINE = "#4d4d4d"
"""Drawn round every span, so a pale fill still shows against the white page."""

_NO_METADATA = {"Date": None, "Creator": None, "Format": None, "Type": None}


@dataclass
class Drawn:
    """A drawn figure, with the words that describe it to people who can't see it."""

    figure: Figure
    label: str
    description: str
    tooltips: dict[str, str] = field(default_factory=dict)
    """SVG group id -> tooltip text, for the spans and marks."""


def style(state: str) -> Style:
    """Return the style of *state*, or raise `ChartError` for a state this module doesn't know."""
    try:
        return STYLES[state]
    except KeyError:
        raise ChartError(f"unknown state {state!r}; expected one of {', '.join(STATES)}") from None


def long_date(day: date) -> str:
    """Return *day* as "29 July 2019", whatever the locale."""
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


def wrap(text: str, inches: float) -> str:
    """Return *text* broken into lines that fit *inches* at the charts' 9 pt text."""
    return textwrap.fill(text, max(16, int(inches * 12.5)), break_on_hyphens=False)


_MONTHS = (
    "January February March April May June July August September October November December"
).split()


def lanes_from(data: Sequence[Mapping[str, Any]]) -> list[Lane]:
    """Lanes from the plain data of `query.timeline.lanes` (ISO days become dates)."""
    day = date.fromisoformat
    return [
        Lane(
            d["council_id"],
            d["name"] + (" (former)" if d.get("status") == "former" else ""),
            tuple(
                Span(day(s["start"]), day(s["end"]), s["state"], s["provisional"], s["label"])
                for s in d["spans"]
            ),
            tuple(
                Mark(day(m["day"]), m["label"], m["graded"], m["provisional"]) for m in d["marks"]
            ),
        )
        for d in data
    ]


def trend_from(data: Mapping[str, Any]) -> list[TrendYear]:
    """Trend years from `query.trend.trend` (none in force counts as not yet rated)."""
    out = []
    for y in data["years"]:
        counts = dict.fromkeys(STATES, 0)
        for k, n in y["tally"].items():
            counts["not_inspected" if k == "none_in_force" else k] += n
        out.append(TrendYear(y["year"], counts))
    return out
