"""The static HTML report: what a reader sees, what a screen reader finds, what is fetched."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from ofsted_cli.output import charts
from ofsted_cli.output.site import CouncilPage, IndexPage, SiteError, render_council, write_site
from tests.output import COVERAGE, HOSTILE, LANES, YEARS, council_rows, show
from tests.output.test_charts import contrast

_INLINE = {"a", "span", "strong", "time", "b", "em"}
EXTERNAL = re.compile(r"^\s*(https?:)?//", re.IGNORECASE)


class Page(HTMLParser):
    """The tags, attributes and text of one page, parsed as a browser would tokenise it."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.chunks: list[str] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, {k: v or "" for k, v in attrs}))
        if tag not in _INLINE:
            self.chunks.append(" ")

    def handle_data(self, data: str) -> None:
        self.chunks.append(data)

    @property
    def text(self) -> str:
        return " ".join("".join(self.chunks).split())

    def all(self, tag: str) -> list[dict[str, str]]:
        return [attrs for name, attrs in self.tags if name == tag]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("site")
    timeline = charts.timeline_svg(LANES[:1], title="Northam", width_px=1200)
    write_site(
        out,
        index=IndexPage(charts.trend_svg(YEARS), council_rows(), COVERAGE, "data at abc123"),
        councils=[CouncilPage("northam", "Northam", timeline, show(), COVERAGE)],
    )
    return out


def page(site: Path, name: str) -> tuple[str, Page]:
    html = (site / name).read_text(encoding="utf-8")
    return html, Page(html)


def test_write_site_returns_the_pages_it_wrote(tmp_path: Path) -> None:
    """write_site writes index.html and one page per council, and says which."""
    paths = write_site(
        tmp_path / "new" / "site",
        index=IndexPage("", council_rows()),
        councils=[CouncilPage("northam", "Northam", "", show())],
    )
    assert [p.name for p in paths] == ["index.html", "northam.html"]
    assert all(p.read_text(encoding="utf-8").startswith("<!DOCTYPE html>") for p in paths)


@pytest.mark.parametrize("name", ["index.html", "northam.html"])
def test_pages_fetch_nothing(site: Path, name: str) -> None:
    """No script, style, font or image comes from elsewhere: the page works offline."""
    html, parsed = page(site, name)
    assert not parsed.all("script")
    assert not parsed.all("link")
    for tag, attrs in parsed.tags:
        for attr in ("src", "srcset", "data", "poster", "xlink:href"):
            assert not EXTERNAL.match(attrs.get(attr, "")), (tag, attrs)
        if tag != "a":
            assert not EXTERNAL.match(attrs.get("href", "")), (tag, attrs)
    assert "@import" not in html
    assert not re.search(r"url\(\s*['\"]?(https?:)?//", html)


def test_hostile_text_is_escaped(site: Path) -> None:
    """Quotes with markup in them are shown as text, never run or rendered as markup."""
    html, parsed = page(site, "northam.html")
    assert "<script" not in html
    assert "<b>" not in html
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; &#34;meant&#34; it" in html
    assert HOSTILE in parsed.text
    assert "Pat <b>Bold</b> Jones, Leader, Northam Council" in parsed.text


def test_only_web_addresses_become_links(site: Path) -> None:
    """A source whose address is javascript: is named but not linked."""
    html, parsed = page(site, "northam.html")
    hrefs = [a["href"] for a in parsed.all("a")]
    assert "https://files.ofsted.gov.uk/v1/file/50000001" in hrefs
    assert not [h for h in hrefs if not re.match(r"https?://|#|[a-z0-9-]+\.html$", h)]
    assert "Council 'disappointed' & angry" in parsed.text


def test_council_page_has_the_chart_inline_with_a_name(site: Path) -> None:
    """The timeline is inline SVG, named for screen readers, with no XML prolog in the page."""
    html, parsed = page(site, "northam.html")
    (svg,) = parsed.all("svg")
    assert svg["role"] == "img"
    assert svg["aria-label"].startswith("Northam. Timeline of the overall Ofsted rating")
    assert "<?xml" not in html and "<!DOCTYPE svg" not in html


def test_council_page_tables_give_grades_in_words(site: Path) -> None:
    """One row per inspection, with its framework and grade written out, not just coloured."""
    _, parsed = page(site, "northam.html")
    text = parsed.text
    assert (
        "20 September 2016 Single inspection framework Inadequate Official "
        "29 July 2019 ILACS standard inspection Requires improvement Official "
        "2 February 2024 ILACS standard inspection Good "
        "Provisional: not yet in an official Ofsted release"
    ) in text
    assert (
        "Overall effectiveness Requires improvement "
        "Children who need help and protection Good "
        "Children in care and care leavers Requires improvement "
        "Leadership Requires improvement"
    ) in text
    assert "Lead inspector: A. Inspector" in text


def test_provisional_inspections_are_marked_in_words(site: Path) -> None:
    """A provisional report says so in text, in the table and at its own section."""
    html, parsed = page(site, "northam.html")
    assert parsed.text.count("Provisional: not yet in an official Ofsted release") == 2
    sections = [
        a for t, a in parsed.tags if t == "section" and "is-provisional" in a.get("class", "")
    ]
    (section,) = sections
    assert section["id"] == "northam-ilacs-standard-2024-02-02"


def test_statements_show_speaker_date_and_source(site: Path) -> None:
    """A quote shows who said it, when and where; a non-response says so."""
    _, parsed = page(site, "northam.html")
    text = parsed.text
    assert "Pat <b>Bold</b> Jones, Leader, Northam Council, September 2016 (inferred)" in text
    source = "Council 'disappointed' & angry (Northam Gazette, September 2016, date inferred)"
    assert f"Source: {source}" in text
    assert "No response: The council did not respond to requests for comment." in text
    assert "Northam Council, date not stated" in text


@pytest.mark.parametrize("name", ["index.html", "northam.html"])
def test_pages_carry_the_coverage_note(site: Path, name: str) -> None:
    """Every page says what the record covers and what 'provisional' means."""
    _, parsed = page(site, name)
    assert COVERAGE["text"] in parsed.text
    assert "Latest official release Local authority inspection outcomes as at 31 March 2025" in (
        parsed.text
    )
    assert "Official record complete to reports published by 30 June 2025" in parsed.text
    assert "Newest provisional report 20 August 2026" in parsed.text


@pytest.mark.parametrize("name", ["index.html", "northam.html"])
def test_pages_are_structured_for_screen_readers(site: Path, name: str) -> None:
    """A language, one h1, headings in order, headers with a scope, labels that resolve."""
    _, parsed = page(site, name)
    assert parsed.all("html") == [{"lang": "en-GB"}]
    levels = [int(tag[1]) for tag, _ in parsed.tags if re.fullmatch(r"h[1-6]", tag)]
    assert levels[0] == 1 and levels.count(1) == 1
    assert all(b - a <= 1 for a, b in zip(levels, levels[1:], strict=False)), levels
    assert all(th.get("scope") in ("col", "row") for th in parsed.all("th"))
    assert len(parsed.all("caption")) == len(parsed.all("table"))
    ids = [attrs["id"] for _, attrs in parsed.tags if "id" in attrs]
    assert len(ids) == len(set(ids)), "ids must be unique for aria-labelledby and anchors"
    labelled = [a["aria-labelledby"] for _, a in parsed.tags if "aria-labelledby" in a]
    assert labelled and set(labelled) <= set(ids)


@pytest.mark.parametrize("name", ["index.html", "northam.html"])
def test_text_colours_meet_aa_contrast(site: Path, name: str) -> None:
    """Body text, quiet text and links have at least 4.5:1 contrast on white."""
    html, _ = page(site, name)
    colours = dict(re.findall(r"--(ink|quiet|link): (#[0-9a-f]{6})", html))
    assert set(colours) == {"ink", "quiet", "link"}
    for colour in colours.values():
        assert contrast(colour, "#ffffff") >= 4.5


def test_index_lists_every_council_with_its_rating(site: Path) -> None:
    """The index gives each council's rating in words, linking the councils that have pages."""
    html, parsed = page(site, "index.html")
    assert (
        "Northam North West Good ILACS, 2 February 2024 "
        "Provisional: not yet in an official Ofsted release"
    ) in parsed.text
    assert "Old Shire (abolished) South East Not yet rated None yet Official" in parsed.text
    assert [a["href"] for a in parsed.all("a") if a["href"].endswith(".html")] == ["northam.html"]
    (svg,) = parsed.all("svg")
    assert svg["aria-label"].startswith("Share of councils at each overall Ofsted grade")
    assert "Generated from data at abc123." in parsed.text


def test_a_page_without_a_chart_leaves_the_chart_out() -> None:
    """An empty chart (charts extra missing) gives a page with its tables and no figure."""
    html = render_council(CouncilPage("northam", "Northam", "", show()))
    assert "<svg" not in html and '<figure class="chart"' not in html
    assert "Single inspection framework" in html


@pytest.mark.parametrize(
    ("ids", "message"),
    [
        (["../escape"], "can't name a page"),
        (["index"], "can't name a page"),
        (["Northam"], "can't name a page"),
        (["northam", "northam"], "appears twice"),
    ],
)
def test_bad_council_ids_write_nothing(tmp_path: Path, ids: list[str], message: str) -> None:
    """A council id that can't safely name a file is refused before anything is written."""
    pages = [CouncilPage(i, "Northam", "", show()) for i in ids]
    with pytest.raises(SiteError, match=message):
        write_site(tmp_path / "out", index=IndexPage("", []), councils=pages)
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(
    ("svg", "message"),
    [
        ("<p>not a chart</p>", "not SVG"),
        ("<svg><script>alert(1)</script></svg>", "contains a script"),
        ('<svg onload="alert(1)"></svg>', "event handler"),
        ('<svg><a href="javascript:alert(1)">x</a></svg>', "contains a script"),
    ],
)
def test_a_chart_that_is_not_plain_svg_is_refused(svg: str, message: str) -> None:
    """Chart text that isn't SVG, or could run code, is an error, not markup in the page."""
    with pytest.raises(SiteError, match=message):
        render_council(CouncilPage("northam", "Northam", svg, show()))


def abolished_show() -> dict[str, Any]:
    """Return `show` for an abolished council whose last report gave no overall grade."""
    data = show()
    data["council"].update(
        id="old-shire",
        name="Old Shire",
        status="abolished",
        abolished="2019-04-01",
        successors=["northam", "new-vale"],
    )
    data["in_force"] = {
        "as_of": "2019-03-31",
        "inspection": "old-shire-ilacs-2026",
        "framework": "ilacs_2026",
        "published": "2018",
        "overall": None,
        "note": "Reports under the April 2026 framework give no overall grade.",
    }
    data["inspections"] = [
        {
            "id": "old-shire-jtai-2017",
            "framework": "jtai",
            "start": "2017-05-02",
            "end": "2017-05-06",
            "published": "2017-06",
            "lead_inspector": None,
            "theme": "Neglect",
            "judgements": {},
            "sources": ["not-in-sources"],
            "notes": None,
            "statements": [],
        }
    ]
    data["other_statements"] = []
    data["figures"] = [
        {
            "id": "shire-homes",
            "subject": "old-shire",
            "description": "Children's homes rated good",
            "value": 78,
            "unit": "percent",
            "as_of": "2018",
            "as_of_inferred": True,
            "sources": ["ofsted-2019"],
            "notes": "All providers.",
        },
        {
            "id": "shire-count",
            "subject": "old-shire",
            "description": "Children in care",
            "value": 412,
            "unit": "children",
            "as_of": "March 2018",
            "sources": [],
            "notes": None,
        },
    ]
    return data


def test_abolished_council_page_names_and_links_its_successors(tmp_path: Path) -> None:
    """An abolished council says when, and links the successors that have pages, by name."""
    write_site(
        tmp_path,
        index=IndexPage("", council_rows()),
        councils=[
            CouncilPage("old-shire", "Old Shire", "", abolished_show()),
            CouncilPage("northam", "Northam", "", show()),
        ],
    )
    _, parsed = page(tmp_path, "old-shire.html")
    assert "North West · ONS code E08000999 · LA number 999 · abolished 1 April 2019" in parsed.text
    assert "Its children's services passed to Northam, new-vale." in parsed.text
    assert [a["href"] for a in parsed.all("a") if a["href"] == "northam.html"] == ["northam.html"]
    assert "new-vale.html" not in {a["href"] for a in parsed.all("a")}


def test_no_overall_grade_is_said_in_words() -> None:
    """A rating in force with no overall grade says so, with the framework's note."""
    text = Page(render_council(CouncilPage("old-shire", "Old Shire", "", abolished_show()))).text
    assert (
        "Rating in force on 31 March 2019 No overall grade ILACS from April 2026 (no overall "
        "effectiveness judgement), published 2018. Reports under the April 2026 framework give "
        "no overall grade."
    ) in text


def test_visits_figures_and_partial_dates_read_as_words() -> None:
    """Ungraded visits say so; figures show value, unit and date; odd dates are shown as given."""
    text = Page(render_council(CouncilPage("old-shire", "Old Shire", "", abolished_show()))).text
    assert "June 2017 Joint targeted area inspection Not graded (a visit) Official" in text
    assert "Inspected 2 May 2017 to 6 May 2017. Theme: Neglect." in text
    assert "No graded judgements: Ofsted does not grade this kind of visit." in text
    assert "not-in-sources" in text
    assert "Children's homes rated good All providers. 78% 2018 (inferred)" in text
    assert "Children in care 412 children March 2018" in text
