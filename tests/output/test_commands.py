"""`ofsted chart` and `ofsted report` on the shipped data: the pictures come from the data."""

from __future__ import annotations

import struct
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from ofsted_cli.cli import app
from ofsted_cli.output.chartkit import STYLES
from tests.output.browser import NetworkTrap, dump_dom, find_chromium, screenshot

Run = Callable[..., Result]
SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    yield tmp_path_factory.mktemp("cache")


@pytest.fixture()
def run(cache: Path, monkeypatch: pytest.MonkeyPatch) -> Run:
    monkeypatch.setenv("OFSTED_CACHE_DIR", str(cache))
    return lambda *args: CliRunner().invoke(app, list(args), catch_exceptions=False)


def _texts(svg: Path) -> str:
    root = ET.parse(svg).getroot()
    return " ".join("".join(t.itertext()) for t in root.iter(f"{SVG}text"))


def test_merseyside_timeline_names_the_councils_and_years(run: Run, tmp_path: Path) -> None:
    """The Merseyside timeline is valid SVG naming the five councils, with the years of their
    inspections on its axis and each grade's colour among its fills."""
    out = tmp_path / "x.svg"
    r = run("chart", "--group", "merseyside", "--out", str(out))
    assert r.exit_code == 0, r.stderr
    text = _texts(out)
    for name in ("Knowsley", "Liverpool", "Sefton", "St Helens", "Wirral"):
        assert name in text
    for year in ("2014", "2016", "2019", "2023"):
        assert year in text
    body = out.read_text()
    for grade in ("inadequate", "requires_improvement", "good"):
        assert STYLES[grade].fill.lower() in body.lower()
    assert "provisional" in body.lower()  # Sefton's 2025 report and Liverpool's 2026 one


def test_trend_png_is_wide_enough(run: Run, tmp_path: Path) -> None:
    """The national trend as PNG is at least 600 pixels wide, of the size asked for."""
    out = tmp_path / "t.png"
    r = run("chart", "--trend", "--out", str(out), "--width", "900", "--height", "500")
    assert r.exit_code == 0, r.stderr
    head = out.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", head[16:24]) == (900, 500)


def test_text_timeline_without_out(run: Run) -> None:
    """Without --out the timeline is text: a line per council, letters not colours."""
    r = run("chart", "--council", "wirral", "--council", "sefton")
    assert r.exit_code == 0, r.stderr
    lines = r.stdout.splitlines()
    assert any(line.startswith("Wirral") and "I" in line and "R" in line for line in lines)
    assert any(line.startswith("Sefton") and "g" in line for line in lines)  # provisional good
    assert "\x1b[" not in r.stdout


def test_a_former_council_is_labelled_former(run: Run, tmp_path: Path) -> None:
    """A former council's lane says so, in the text timeline and in the SVG, so that old
    Cumbria is not read as a council of today."""
    result = run("chart", "--council", "cumbria-former", "--council", "cumberland")
    assert result.exit_code == 0
    lanes = result.stdout.splitlines()[1:3]
    assert lanes[0].startswith("Cumberland ") and lanes[1].startswith("Cumbria (former) ")
    out = tmp_path / "x.svg"
    assert run("chart", "--council", "cumbria-former", "--out", str(out)).exit_code == 0
    assert "Cumbria (former)" in _texts(out)


def test_chart_refuses_what_it_cannot_write(run: Run, tmp_path: Path) -> None:
    """An unknown format, an existing file without --force, a missing folder: exit 2 or 1,
    one line, and nothing replaced."""
    assert run("chart", "--trend", "--out", str(tmp_path / "x.gif")).exit_code == 2
    existing = tmp_path / "keep.svg"
    existing.write_text("mine")
    r = run("chart", "--trend", "--out", str(existing))
    assert (r.exit_code, existing.read_text()) == (1, "mine")
    assert "--force" in r.stderr
    r = run("chart", "--trend", "--out", str(tmp_path / "no" / "where.svg"))
    assert r.exit_code == 1 and "does not exist" in r.stderr
    r = run("chart", "--trend", "--out", "/dev/null.svg")
    assert r.exit_code == 1 and "system folder" in r.stderr
    assert run("chart", "--trend", "--out", str(existing), "--force").exit_code == 0
    assert existing.read_text().startswith("<?xml")
    assert run("chart").exit_code == 2


CHROMIUM = find_chromium()


@pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed (make browser)")
def test_wirral_report_in_a_browser(run: Run, tmp_path: Path) -> None:
    """`report wirral` writes a page that headless Chromium renders with its chart, its
    judgement table and Wirral's quotes, and that requests nothing from the network."""
    assert CHROMIUM
    site = tmp_path / "site"
    r = run("report", "wirral", "--out", str(site))
    assert r.exit_code == 0, r.stderr
    page = site / "wirral.html"
    with NetworkTrap() as trap:
        dom = dump_dom(CHROMIUM, page.as_uri(), *trap.flags, profile=tmp_path / "p")
        shot = screenshot(
            CHROMIUM,
            page.as_uri(),
            tmp_path / "wirral.png",
            *trap.flags,
            profile=tmp_path / "q",
            size=(1280, 2000),
        )
    assert trap.page_requests == []
    assert "<svg" in dom and 'role="img"' in dom
    assert "<table" in dom and "Requires improvement" in dom
    assert "sobering moment for Wirral Council" in dom  # Phil Davies, 2016
    assert shot.stat().st_size > 20_000
    index = (site / "index.html").read_text()
    assert "wirral.html" in index and "<svg" in index
