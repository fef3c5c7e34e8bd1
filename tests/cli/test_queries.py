"""The query commands on the shipped data, through the CLI, as people type them."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from ofsted_cli.cli import app


@pytest.fixture(scope="module")
def cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    yield tmp_path_factory.mktemp("cache")


Run = Callable[..., Result]


@pytest.fixture()
def run(cache: Path, monkeypatch: pytest.MonkeyPatch) -> Run:
    monkeypatch.setenv("OFSTED_CACHE_DIR", str(cache))

    def invoke(*args: str) -> Result:
        return CliRunner().invoke(app, list(args), catch_exceptions=False)

    return invoke


def _call(run: Run, *args: str) -> Result:
    return run(*args)


def test_show_wirral_history(run: Run) -> None:
    """`show wirral` lists the 2016 inadequate and 2019 requires-improvement judgements."""
    r = _call(run, "show", "wirral", "--full")
    assert r.exit_code == 0, r.stderr
    out = r.stdout
    assert "Wirral (wirral)" in out
    assert "ONS E08000015 · DfE LA 344 · Ofsted URN 80581 · North West" in out
    sif = out.index("2016-09-20  Single inspection framework")
    ilacs = out.index("2019-07-29  ILACS standard inspection")
    assert sif < ilacs
    assert "Inadequate" in out[sif:ilacs]
    assert "Requires improvement" in out[ilacs:]
    assert "\x1b[" not in out  # piped output is plain text


@pytest.mark.parametrize("name", ["St. Helens", "st-helens", "ST HELENS", "E08000013", "342"])
def test_show_matches_names_and_codes(run: Run, name: str) -> None:
    """A council is found by id, any name, ONS code or DfE number, any case or punctuation."""
    r = _call(run, "show", name, "--json")
    assert r.exit_code == 0, r.stderr
    assert json.loads(r.stdout)["council"]["id"] == "st-helens"


def test_show_unknown_council_suggests(run: Run) -> None:
    """An unknown council is one line on stderr with suggestions, exit 2."""
    r = _call(run, "show", "wirrel")
    assert r.exit_code == 2
    assert r.stdout == ""
    assert r.stderr == (
        "ofsted: no council matches 'wirrel'; did you mean 'Wirral'? "
        "(`ofsted councils` lists them)\n"
    )


def test_show_shared_name_prefers_the_current_council(run: Run) -> None:
    """A name a current and a former council share means the current one; ids pick either."""
    assert json.loads(_call(run, "show", "Dorset", "--json").stdout)["council"]["id"] == "dorset"
    former = json.loads(_call(run, "show", "dorset-former", "--json").stdout)
    assert former["council"]["status"] == "former"


def test_show_json_shape(run: Run) -> None:
    """--json gives grades by name and dates at their known precision."""
    data = json.loads(_call(run, "show", "wirral", "--json").stdout)
    by_id = {i["id"]: i for i in data["inspections"]}
    sif = by_id["wirral-sif-2016-09-20"]
    assert sif["judgements"]["overall_effectiveness"] == "inadequate"
    assert sif["published"] == "2016-09-20"
    ilacs = by_id["wirral-ilacs-standard-2019-07-29"]
    assert ilacs["judgements"]["overall_effectiveness"] == "requires_improvement"
    assert "ofsted-csc-data-2023" in data["sources"]
    assert data["in_force"]["overall"] in ("requires_improvement", "good", "inadequate")


def test_show_since_trims_history(run: Run) -> None:
    """--since YEAR leaves out older inspections."""
    data = json.loads(_call(run, "show", "wirral", "--since", "2019", "--json").stdout)
    assert all(i["published"] >= "2019" for i in data["inspections"] if i["published"])
    assert "wirral-sif-2016-09-20" not in {i["id"] for i in data["inspections"]}


def test_compare_year_changes(run: Run) -> None:
    """St Helens went down to inadequate and Wirral up to requires improvement in 2019."""
    r = _call(
        run, "compare", "--year", "2019", "--council", "st helens", "--council", "wirral", "--json"
    )
    assert r.exit_code == 0, r.stderr
    rows = {c["id"]: c for c in json.loads(r.stdout)["councils"]}
    sth, wir = rows["st-helens"], rows["wirral"]
    assert (sth["start"]["overall"], sth["end"]["overall"], sth["change"]) == (
        "requires_improvement",
        "inadequate",
        "down",
    )
    assert sth["published"][0]["published"] == "2019-11-04"
    assert (wir["start"]["overall"], wir["end"]["overall"], wir["change"]) == (
        "inadequate",
        "requires_improvement",
        "up",
    )
    assert wir["published"][0]["published"] == "2019-07-29"


def test_compare_as_of_day(run: Run) -> None:
    """--as-of DATE gives the rating in force that day."""
    data = json.loads(
        _call(run, "compare", "--as-of", "2019-03-31", "--council", "wirral", "--json").stdout
    )
    assert data["councils"][0]["in_force"]["overall"] == "inadequate"
    assert data["councils"][0]["in_force"]["framework"] == "sif"


def test_compare_region_summary(run: Run) -> None:
    """A region compares all its councils, with a summary line of counts."""
    r = _call(run, "compare", "--year", "2019", "--region", "north west")
    assert r.exit_code == 0, r.stderr
    assert "Ratings in 2019, region north west" in r.stdout
    assert "31 December:" in r.stdout
    assert "Changes:" in r.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--year", "1850"], "--year 1850: the record begins in 2009"),
        (["--year", "2099"], "--year 2099 is in the future"),
        (["--as-of", "2019-02-30"], "is impossible: February 2019 has 28 days, not 30"),
        (["--as-of", "soon"], "is not a date"),
        (["--as-of", "2099-01-01"], "is in the future"),
        (["--year", "2019", "--as-of", "2019-03-31"], "exactly one of"),
        ([], "exactly one of"),
        (["--year", "2019", "--region", "Atlantis"], "no region 'Atlantis'"),
        (["--year", "2019", "--group", "nowhere"], "no group 'nowhere'"),
        (["--year", "2019", "--council", "nowhere"], "no council matches 'nowhere'"),
    ],
)
def test_compare_usage_errors(run: Run, args: list[str], message: str) -> None:
    """Bad years, dates, regions and groups: one clear line, exit 2, no traceback."""
    r = _call(run, "compare", *args)
    assert r.exit_code == 2
    assert message in r.stderr
    assert "Traceback" not in r.stderr
    assert r.stderr.count("\n") == 1


def test_compare_year_not_a_number(run: Run) -> None:
    """A year that is not a number is a usage error."""
    r = _call(run, "compare", "--year", "twenty")
    assert r.exit_code == 2


def test_councils_region(run: Run) -> None:
    """`councils --region` lists that region's councils with codes and rating."""
    r = _call(run, "councils", "--region", "North West", "--json")
    rows = {c["id"]: c for c in json.loads(r.stdout)["councils"]}
    assert rows["wirral"]["ons_code"] == "E08000015"
    assert rows["wirral"]["la_number"] == "344"
    assert "cumbria-former" not in rows
    former = {
        c["id"]
        for c in json.loads(
            _call(run, "councils", "--former", "--as-of", "2019-03-31", "--json").stdout
        )["councils"]
    }
    assert {"cumbria-former", "dorset-former", "northamptonshire-former"} <= former


def test_councils_text(run: Run) -> None:
    """The text table has a header and a count."""
    out = _call(run, "councils").stdout
    assert out.startswith("Council")
    assert "153 councils; rating in force on" in out


def test_statements_unknown_inspection(run: Run) -> None:
    """An unknown inspection id is a usage error."""
    r = _call(run, "statements", "--inspection", "nope")
    assert r.exit_code == 2
    assert "no inspection 'nope'" in r.stderr


def test_statements_bad_date(run: Run) -> None:
    """A bad --since is a usage error."""
    r = _call(run, "statements", "--since", "May 2019")
    assert r.exit_code == 2


def test_show_wirral_quotes_of_the_time(run: Run) -> None:
    """`show wirral` puts the quotes of the time under the inspection they answer."""
    data = json.loads(_call(run, "show", "wirral", "--json").stdout)
    by_id = {i["id"]: i for i in data["inspections"]}
    sif_speakers = {s["speaker"]["name"] for s in by_id["wirral-sif-2016-09-20"]["statements"]}
    ilacs = by_id["wirral-ilacs-standard-2019-07-29"]["statements"]
    assert "Bernie Mooney" in sif_speakers
    assert {"Tom Usher", "Kemi Badenoch MP"} <= {s["speaker"]["name"] for s in ilacs}
    usher = next(s for s in ilacs if s["speaker"]["name"] == "Tom Usher")
    assert usher["text"].startswith("This is an important place to reach on our journey")
    assert usher["sources"] == ["seed-001"]
    assert data["sources"]["seed-001"]["url"].startswith("https://wirralview.com/")


def test_compare_merseyside_2019_seed_case(run: Run) -> None:
    """St Helens fell to inadequate in November 2019, Wirral rose in July 2019."""
    r = _call(run, "compare", "--year", "2019", "--group", "merseyside")
    assert r.exit_code == 0, r.stderr
    lines = {line.split("  ")[0]: line for line in r.stdout.splitlines()}
    assert "2019-11-04 ILACS Inadequate" in lines["St Helens"]
    assert "↓ down" in lines["St Helens"]
    assert "2019-07-29 ILACS Requires improvement" in lines["Wirral"]
    assert "↑ up" in lines["Wirral"]
    assert "Good or outstanding at any point in 2019: 0 of 5." in r.stdout


def test_compare_merseyside_2018_none_good(run: Run) -> None:
    """No Merseyside council was good or outstanding in 2018 (seed 000)."""
    data = json.loads(
        _call(run, "compare", "--year", "2018", "--group", "merseyside", "--json").stdout
    )
    assert data["summary"]["good_or_outstanding_at_some_point"] == 0
    assert data["summary"]["councils"] == 5


def test_statements_filters(run: Run) -> None:
    """Statements filter by council, speaker, words, dates and inspection."""

    def ids(*args: str) -> set[str]:
        r = _call(run, "statements", *args, "--json")
        assert r.exit_code == 0, r.stderr
        return {s["id"] for s in json.loads(r.stdout)}

    assert "liverpool-2023-05-robinson" in ids("--council", "Liverpool", "--search", "LETTING down")
    assert ids("--speaker", "doyle") >= {"sefton-2022-05-09-doyle"}
    assert all(
        i.startswith("sefton") for i in ids("--inspection", "sefton-ilacs-standard-2022-05-09")
    )
    assert "wirral-2019-07-usher" not in ids("--until", "2019-06")
    assert "wirral-2019-07-usher" in ids("--since", "2019", "--until", "2019-07-31")
    assert "st-helens-2018-07-no-response" in ids("--council", "st helens")


def test_statements_text(run: Run) -> None:
    """The text output shows who, role, date, the words and the source."""
    out = _call(run, "statements", "--speaker", "Usher").stdout
    assert (
        "2019-07 (inferred) · Tom Usher, Cabinet member for Children, Families and "
        "Education, Wirral Council · re Wirral" in out
    )
    assert "“This is an important place" in out
    assert "Wirral View (Wirral Council): https://wirralview.com/" in out
    assert out.rstrip().endswith("1 statement")


def test_compare_keeps_former_councils_while_inspected(run: Run) -> None:
    """A former council takes part in years up to its last recorded inspection only."""

    def ids(year: str) -> set[str]:
        r = _call(run, "compare", "--year", year, "--region", "south west", "--json")
        data = json.loads(r.stdout)
        return {c["id"] for c in data["councils"]} | {c["id"] for c in data["unrated"]}

    assert "bournemouth-former" in ids("2015")
    assert "bournemouth-former" not in ids("2024")


def test_show_post_2026_framework_has_no_overall_grade(run: Run) -> None:
    """A report under the April 2026 framework is in force without an invented overall grade."""
    data = json.loads(_call(run, "show", "liverpool", "--json").stdout)
    now = data["in_force"]
    assert now["framework"] == "ilacs_2026"
    assert now["overall"] is None
    assert "no overall effectiveness judgement" in now["note"]
    r = _call(run, "compare", "--as-of", "2026-08-01", "--council", "liverpool")
    assert "no overall grade (new ILACS 2026, provisional)" in r.stdout


def test_show_since_leaves_out_undated_records(run: Run) -> None:
    """With --since, records without any date are left out; without it they are listed."""
    ids = {
        i["id"] for i in json.loads(_call(run, "show", "liverpool", "--json").stdout)["inspections"]
    }
    since = {
        i["id"]
        for i in json.loads(_call(run, "show", "liverpool", "--since", "2025", "--json").stdout)[
            "inspections"
        ]
    }
    assert "liverpool-ilacs-focused-visit-undated" in ids
    assert "liverpool-ilacs-focused-visit-undated" not in since


def test_former_council_shows_successors_and_last_rating(run: Run) -> None:
    """A former council names its successors and the rating that stood when it was abolished."""
    r = _call(run, "show", "northamptonshire")
    assert (
        "Succeeded by North Northamptonshire (north-northamptonshire), West Northamptonshire "
        "(west-northamptonshire) on 2021-04-01"
    ) in r.stdout
    assert "Last rating, in force until 2021-04-01: Inadequate" in r.stdout
    data = json.loads(_call(run, "show", "northamptonshire", "--json").stdout)
    assert data["in_force"]["as_of"] == "2021-03-31"
    assert "legislation-uksi-2020-156" in data["sources"]


def test_compare_former_council_until_abolished(run: Run) -> None:
    """Bournemouth (abolished 1 April 2019) takes part in 2019, not in 2020."""

    def names(year: str) -> str:
        return _call(run, "compare", "--year", year, "--region", "south west").stdout

    assert "Bournemouth (former, abolished 2019-04-01)" in names("2019")
    assert "Bournemouth (former" not in names("2020")
