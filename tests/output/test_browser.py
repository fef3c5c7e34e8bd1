"""The report in a real browser: opened from disk, rendered in full, with no network at all."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from ofsted_cli.output import charts
from ofsted_cli.output.site import CouncilPage, IndexPage, write_site
from tests.output import COVERAGE, HOSTILE, LANES, YEARS, council_rows, show
from tests.output.browser import NetworkTrap, dump_dom, find_chromium, screenshot

CHROMIUM = find_chromium()
pytestmark = pytest.mark.skipif(
    CHROMIUM is None,
    reason="chromium is not installed and `make browser` could not install it "
    "(apt-get install chromium needs root on Debian)",
)


@pytest.fixture(scope="module")
def council_page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("site")
    timeline = charts.timeline_svg(LANES, title="Northam and a neighbour", width_px=1200)
    write_site(
        out,
        index=IndexPage(charts.trend_svg(YEARS), council_rows(), COVERAGE, "test data"),
        councils=[CouncilPage("northam", "Northam", timeline, show(), COVERAGE)],
    )
    return out / "northam.html"


def test_page_renders_fully_with_no_network(council_page: Path, tmp_path: Path) -> None:
    """Opened from disk with every request trapped, the page has its chart, tables and quotes."""
    assert CHROMIUM
    with NetworkTrap() as trap:
        dom = dump_dom(CHROMIUM, council_page.as_uri(), *trap.flags, profile=tmp_path / "p")
    assert trap.page_requests == []
    assert '<svg xmlns:xlink="http://www.w3.org/1999/xlink"' in dom
    assert 'role="img" aria-label="Northam and a neighbour. Timeline' in dom
    assert '<caption id="inspections-caption">Every inspection and visit, oldest first' in dom
    assert "Judgements: ILACS 29 July 2019" in dom
    assert 'We said &lt;script&gt;alert("x")&lt;/script&gt; &amp; "meant" it' in dom
    assert HOSTILE.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;") in dom


def test_the_trap_sees_a_page_that_fetches(tmp_path: Path) -> None:
    """The network check can fail: a page loading an image and Google Fonts is caught."""
    assert CHROMIUM
    page = tmp_path / "leaky.html"
    page.write_text(
        '<!DOCTYPE html><html lang="en"><head><title>leaky</title>'
        '<link rel="stylesheet" href="https://fonts.googleapis.com/css?family=Roboto"></head>'
        '<body><img src="http://example.test/pixel.png" alt=""></body></html>',
        encoding="utf-8",
    )
    with NetworkTrap() as trap:
        dump_dom(CHROMIUM, page.as_uri(), *trap.flags, profile=tmp_path / "p")
    assert any("http://example.test/pixel.png" in r for r in trap.page_requests), trap.requests
    assert any(r.startswith("CONNECT fonts.googleapis.com:443") for r in trap.page_requests), (
        trap.requests
    )


def test_screenshot_shows_the_chart(council_page: Path, tmp_path: Path) -> None:
    """A screenshot of the page shows the timeline's outstanding span, which only the chart has."""
    assert CHROMIUM
    path = tmp_path / "northam.png"
    with NetworkTrap() as trap:
        screenshot(
            CHROMIUM,
            council_page.as_uri(),
            path,
            *trap.flags,
            profile=tmp_path / "p",
            size=(1280, 2000),
        )
    assert trap.page_requests == []
    with Image.open(path) as image:
        assert image.size == (1280, 2000)
        colours = image.convert("RGB").getcolors(maxcolors=1 << 20) or []
    outstanding = tuple(int(charts.STYLES["outstanding"].fill[i : i + 2], 16) for i in (1, 3, 5))
    assert sum(n for n, rgb in colours if rgb == outstanding) > 5000
