"""Charts: what a reader sees in the SVG and PNG, and what a screen reader is told."""

from __future__ import annotations

import os
import re
import struct
import subprocess
import sys
import xml.etree.ElementTree as ET
from datetime import date
from itertools import combinations
from pathlib import Path

import pytest

from ofsted_cli.output import charts
from ofsted_cli.output.charts import STYLES, ChartError, Lane, MissingExtraError, Span, TrendYear
from ofsted_cli.output.terminal import text_timeline
from tests.output import AS_OF, LANES, YEARS

SVG = "{http://www.w3.org/2000/svg}"
DAY = date(2020, 1, 1)


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg.encode())


def by_id(root: ET.Element, gid: str) -> ET.Element:
    found = [e for e in root.iter() if e.get("id") == gid]
    assert len(found) == 1, f"{len(found)} elements with id {gid}"
    return found[0]


def fill(group: ET.Element) -> str:
    path = group.find(f"{SVG}path")
    assert path is not None
    match = re.search(r"fill: ([^;]+)", path.get("style", ""))
    assert match, path.get("style")
    return match[1]


def texts(root: ET.Element) -> list[str]:
    return [e.text or "" for e in root.iter(f"{SVG}text")]


def png_size(path: Path) -> tuple[int, int]:
    head = path.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", head[16:24])
    return width, height


def lightness(colour: str) -> float:
    """Return CIE L* of a #rrggbb colour: what it looks like printed in greyscale."""
    y = relative_luminance(colour)
    return 116 * y ** (1 / 3) - 16 if y > 0.008856 else 903.3 * y


def relative_luminance(colour: str) -> float:
    def channel(c: int) -> float:
        v = c / 255
        return v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4

    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(a: str, b: str) -> float:
    low, high = sorted((relative_luminance(a), relative_luminance(b)))
    return (high + 0.05) / (low + 0.05)


def test_timeline_names_councils_and_years_as_text() -> None:
    """Council names and years are text in the SVG, so they can be searched and read aloud."""
    root = parse(charts.timeline_svg(LANES, title="Two councils"))
    words = texts(root)
    assert "Northam" in words
    assert "South Vale and East Hartley" in words
    assert {"2012", "2016", "2020", "2024"} <= set(words)
    assert "Two councils" in words


def test_timeline_has_an_accessible_name_and_description() -> None:
    """The SVG is an image with a name, and a description saying every span in words."""
    root = parse(charts.timeline_svg(LANES, title="Two councils"))
    assert root.get("role") == "img"
    assert root.get("aria-label", "").startswith("Two councils. Timeline of the overall Ofsted")
    title, desc = root.find(f"{SVG}title"), root.find(f"{SVG}desc")
    assert title is not None and title.text == root.get("aria-label")
    assert desc is not None and desc.text
    assert "Northam: not yet rated from 1 January 2012; inadequate (SIF 2016)" in desc.text
    assert (
        "good (ILACS 2024) from 2 February 2024 (provisional: not yet in an official" in desc.text
    )


def test_timeline_spans_are_filled_with_their_grade_colours() -> None:
    """Each span is drawn in the fill of the rating it stands for."""
    root = parse(charts.timeline_svg(LANES))
    for row, lane in enumerate(LANES):
        for col, span in enumerate(lane.spans):
            assert fill(by_id(root, f"span-{row}-{col}")) == STYLES[span.state].fill, span


def test_timeline_hatches_provisional_spans_only() -> None:
    """A provisional span is hatched; official spans are not."""
    root = parse(charts.timeline_svg(LANES))
    patterns = {e.get("id") for e in root.iter(f"{SVG}pattern")}
    for row, lane in enumerate(LANES):
        for col, span in enumerate(lane.spans):
            hatch = [e for e in root.iter() if e.get("id") == f"hatch-{row}-{col}"]
            assert bool(hatch) == span.provisional, span
            if hatch:
                assert fill(hatch[0]).removeprefix("url(#").removesuffix(")") in patterns


def test_timeline_tooltips_say_grade_dates_and_provisional() -> None:
    """Hovering a span tells the council, the grade, the report, the dates and provisional."""
    root = parse(charts.timeline_svg(LANES))
    tip = by_id(root, "span-0-3").find(f"{SVG}title")
    assert tip is not None
    assert tip.text == (
        "Northam: good (ILACS 2024), from 2 February 2024 until 22 November 2026; "
        "provisional: not yet in an official Ofsted release"
    )


def test_timeline_marks_graded_and_ungraded_publications_differently() -> None:
    """Graded reports and ungraded visits have different shapes; provisional ones are hollow."""
    root = parse(charts.timeline_svg(LANES))

    def marker(gid: str) -> tuple[str, str]:
        """Return the outline of the mark's shape, and its fill (SVG's default is black)."""
        use = by_id(root, gid).find(f".//{SVG}use")
        assert use is not None
        shape = by_id(root, use.get("{http://www.w3.org/1999/xlink}href", "").lstrip("#"))
        found = re.search(r"fill: (#\w+)", use.get("style", ""))
        return shape.get("d", ""), found[1] if found else "#000000"

    graded, visit, provisional = marker("mark-0-0"), marker("mark-0-1"), marker("mark-0-3")
    assert graded[0] != visit[0]
    assert graded[0] == provisional[0]
    assert (graded[1], visit[1], provisional[1]) == ("#000000", "#000000", "#ffffff")


def test_svg_is_the_same_bytes_every_time() -> None:
    """Rendering twice, here or in another process, gives identical SVG: reports diff cleanly."""
    here = charts.timeline_svg(LANES) + charts.trend_svg(YEARS)
    assert here == charts.timeline_svg(LANES) + charts.trend_svg(YEARS)
    code = (
        "import sys; from ofsted_cli.output import charts; from tests.output import LANES, YEARS;"
        "sys.stdout.buffer.write((charts.timeline_svg(LANES) + charts.trend_svg(YEARS)).encode())"
    )
    there = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        check=True,
        cwd=Path(__file__).parents[2],
        env={**os.environ, "PYTHONHASHSEED": "12345"},
    ).stdout
    assert there == here.encode()


def test_timeline_png_is_the_size_asked_for(tmp_path: Path) -> None:
    """The PNG has exactly the pixels asked for; by default, a landscape A4 width at 150 dpi."""
    path = charts.timeline_png(LANES, tmp_path / "b.png", width_px=1200, height_px=600)
    assert png_size(path) == (1200, 600)
    assert png_size(charts.timeline_png(LANES, tmp_path / "a.png", width_px=600))[0] == 600
    assert png_size(charts.timeline_png(LANES, tmp_path / "c.png"))[0] == 1650


def test_timeline_grows_with_the_number_of_lanes(tmp_path: Path) -> None:
    """Each lane adds height, so forty councils stay as readable as two."""
    lanes = [Lane(f"c{i}", f"Council {i}", LANES[0].spans, LANES[0].marks) for i in range(40)]
    _, two = png_size(charts.timeline_png(lanes[:2], tmp_path / "two.png"))
    _, forty = png_size(charts.timeline_png(lanes, tmp_path / "forty.png"))
    assert forty - two == pytest.approx(38 * 0.36 * charts.DPI, abs=2)


def test_grades_differ_in_lightness_not_only_hue() -> None:
    """Printed in greyscale the current grades stay apart, outstanding and good most of all."""
    grades = ("outstanding", "good", "requires_improvement", "inadequate")
    for a, b in combinations(grades, 2):
        assert abs(lightness(STYLES[a].fill) - lightness(STYLES[b].fill)) >= 15, (a, b)
    assert lightness(STYLES["good"].fill) - lightness(STYLES["outstanding"].fill) >= 40


def test_states_that_are_not_grades_look_different_without_colour() -> None:
    """'No overall grade' has a pattern and 'not yet rated' is white, unlike any grade."""
    assert STYLES["no_overall_grade"].hatch
    assert STYLES["not_inspected"].fill == "#ffffff"
    assert all(STYLES[g].fill != "#ffffff" and not STYLES[g].hatch for g in charts.GRADES)


def test_words_on_each_fill_meet_aa_contrast() -> None:
    """The grade written on each fill has at least 4.5:1 contrast (WCAG AA)."""
    for state, look in STYLES.items():
        assert contrast(look.fill, look.ink) >= 4.5, state


def test_trend_bars_are_proportional_to_counts() -> None:
    """Each year's segments are as tall as their share of that day's councils."""
    root = parse(charts.trend_svg(YEARS, title="England"))

    def height(gid: str) -> float:
        path = by_id(root, gid).find(f"{SVG}path")
        assert path is not None
        ys = [float(y) for y in re.findall(r"[ML] [-\d.]+ ([-\d.]+)", path.get("d", ""))]
        return max(ys) - min(ys)

    full = sum(height(f"bar-2019-{s}") for s in YEARS[0].counts)
    for year in YEARS:
        for state, count in year.counts.items():
            gid = f"bar-{year.year}-{state}"
            assert fill(by_id(root, gid)) == STYLES[state].fill
            assert height(gid) / full == pytest.approx(count / year.total, abs=0.002), gid


def test_trend_labels_years_percent_counts_and_legend() -> None:
    """Years, a percent axis, the counts in the bars, totals and a legend are all text."""
    words = texts(parse(charts.trend_svg(YEARS, title="England")))
    assert {"2019", "2020", "2026", "0%", "50%", "100%"} <= set(words)
    assert {"8", "6", "9"} <= set(words)  # councils in the tallest segments
    assert words.count("20") >= 3  # each year's total
    assert {"Outstanding", "Good", "Requires improvement", "Inadequate"} <= set(words)
    assert {"No overall grade", "Not yet rated"} <= set(words)


def test_trend_png_is_the_size_asked_for(tmp_path: Path) -> None:
    """The trend PNG has exactly the pixels asked for."""
    assert png_size(charts.trend_png(YEARS, tmp_path / "t.png", width_px=900)) == (900, 525)


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: charts.timeline_svg(LANES, width_px=599), "at least 600 px wide"),
        (lambda: charts.timeline_svg(LANES, height_px=100), "at least 200 px high"),
        (lambda: charts.timeline_svg([]), "at least one lane"),
        (lambda: charts.trend_svg([]), "at least one year"),
        (
            lambda: charts.timeline_svg([Lane("x", "X", (Span(DAY, DAY, "fine"),))]),
            "unknown state 'fine'",
        ),
        (lambda: charts.trend_svg([TrendYear(2020, {"good": -1})]), "negative count"),
        (
            lambda: charts.timeline_svg([Lane("x", "X", (Span(DAY, date(2019, 1, 1), "good"),))]),
            "X: a span ends",
        ),
        (lambda: charts.timeline_svg([Lane("x", "X", ())]), "no spans and no marks"),
        (lambda: text_timeline([Lane("x", "X", ())]), "no spans"),
        (
            lambda: text_timeline([Lane("x", "X", (Span(date(1000, 1, 1), DAY, "good"),))]),
            "too many years",
        ),
    ],
)
def test_bad_input_is_a_chart_error(call: object, message: str) -> None:
    """Input that can't be drawn raises ChartError saying why."""
    assert callable(call)
    with pytest.raises(ChartError, match=message):
        call()


def test_missing_matplotlib_says_how_to_install_it(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without matplotlib, charts raise MissingExtraError naming the extra to install."""
    monkeypatch.setitem(sys.modules, "matplotlib", None)
    with pytest.raises(MissingExtraError, match=r"pip install 'ofsted-cli\[charts\]'"):
        charts.timeline_svg(LANES)


def test_importing_the_output_package_loads_neither_matplotlib_nor_jinja2() -> None:
    """The CLI can import the renderers without paying for matplotlib or jinja2 at start-up."""
    code = (
        "import sys, ofsted_cli.output.charts, ofsted_cli.output.site, ofsted_cli.output.terminal;"
        "print(sorted(m for m in ('matplotlib', 'jinja2') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_text_timeline_reads_without_colour() -> None:
    """A year ruler, a letter per period for each council, lower case when provisional."""
    assert text_timeline(LANES, width=60) == [
        "                       2012  2015  2018  2021  2024",
        "Northam                .........IIIIIIRRRRRRRRRgggggg",
        "South Vale and East H… ......OOOOOOOOOOOOOOOGGGGGGGGN",
        "One character = 6 months: O outstanding, G good,",
        "R requires improvement, I inadequate, N no overall grade,",
        ". not yet rated. Lower case = provisional:",
        "not yet in an official Ofsted release.",
    ]


@pytest.mark.parametrize("width", [60, 61, 80, 100, 132])
def test_text_timeline_fits_its_width(width: int) -> None:
    """No line is wider than asked, whatever the width; wider gives finer periods."""
    lines = text_timeline(LANES, width=width)
    assert max(len(line) for line in lines) <= width
    assert not any("\x1b" in line for line in lines)


def test_text_timeline_leaves_time_before_a_council_existed_blank() -> None:
    """A council created later has blanks before its first span, not a rating it never had."""
    late = Lane("new", "New", (Span(date(2019, 4, 1), AS_OF, "good"),))
    lines = text_timeline([LANES[0], late], width=60)
    # 4 months a character from January 2012: April 2019 is the 22nd character.
    assert lines[2] == "New" + " " * 4 + " " + " " * 21 + "G" * 24


def test_text_timeline_shortens_long_names() -> None:
    """A long council name is cut with an ellipsis so the strips still line up."""
    lane = Lane("x", "Bournemouth, Christchurch and Poole", LANES[0].spans)
    lines = text_timeline([lane, LANES[0]], width=60)
    assert lines[1].startswith("Bournemouth, Christch… .")
    assert lines[1].index(".") == lines[2].index(".")


def test_text_timeline_needs_sixty_columns() -> None:
    """Fewer than 60 columns is a ChartError, not a garbled strip."""
    with pytest.raises(ChartError, match="at least 60 columns"):
        text_timeline(LANES, width=59)
