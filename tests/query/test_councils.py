"""`ofsted councils` on the fixture data: the rating in force, --grade, --ever, --never,
--as-of, --snapshot, --former, the tally and the provisional marker."""

from __future__ import annotations

import sqlite3

import pytest

from ofsted_cli.query import rated
from ofsted_cli.query.scope import Scope
from ofsted_cli.query.snapshot import rule
from tests.query.runner import Run, data, ok, table


def _ids(run: Run, *args: str) -> list[str]:
    return [c["id"] for c in data(run("councils", *args, "--json"))["councils"]]


CURRENT = [
    "hackley",
    "kingsford",
    "north-testshire",
    "redcastle",
    "redcastle-city",
    "south-testshire",
    "st-albury",
    "testshire",
]


def test_lists_current_councils_with_codes_and_rating(run: Run) -> None:
    """By default: today's councils, with codes, region, and the rating in force today."""
    result = data(run("councils", "--json"))
    assert [c["id"] for c in result["councils"]] == CURRENT
    testshire = result["councils"][-1]
    assert {k: testshire[k] for k in ("ons_code", "la_number", "urn", "region", "status")} == {
        "ons_code": "E10000910",
        "la_number": "960",
        "urn": "500060",
        "region": "Test North",
        "status": "current",
    }
    assert testshire["in_force"]["inspection"] == "testshire-ilacs-short-2023-02-14"
    assert result["tally"] == {
        "outstanding": 3,
        "good": 2,
        "requires_improvement": 1,
        "inadequate": 0,
        "adequate": 0,
        "no_overall_grade": 1,
        "none_in_force": 1,
    }
    assert result["coverage"]["official_cutoff"] == "2025-06-30"


def test_text_has_a_tally_and_marks_provisional(run: Run) -> None:
    """The table ends with the count and the tally; a council whose latest record is
    provisional is marked, and the mark explained."""
    out = ok(run("councils"))
    assert out.startswith("Council ")
    lines = {line.split("  ")[0]: line for line in out.splitlines()}
    assert "Requires improvement (ILACS 2025, provisional)" in lines["Hackley"]
    assert lines["Hackley"].endswith("provisional")
    assert "no overall grade (new ILACS 2026, provisional)" in lines["North Testshire"]
    assert lines["South Testshire"].endswith("none in force")
    assert not lines["Testshire"].endswith("provisional")
    assert (
        "8 councils; rating in force on " in out
        and ": 3 outstanding, 2 good, 1 requires improvement, 1 no overall grade, "
        "1 none in force.\n"
        in out
    )
    assert "Latest 'provisional': the council's latest record is not yet in an official" in out
    assert "Official record complete to reports published by 30 June 2025" in out


@pytest.mark.parametrize(
    ("grades", "expected"),
    [
        (["good"], ["redcastle", "redcastle-city"]),
        (
            ["outstanding", "good"],
            ["kingsford", "redcastle", "redcastle-city", "st-albury", "testshire"],
        ),
        (["RI"], ["hackley"]),
        (["requires improvement"], ["hackley"]),
        (["no_overall_grade"], ["north-testshire"]),
        (["none_in_force"], ["south-testshire"]),
        (["inadequate"], []),
    ],
)
def test_grade_filter_any_of_them(run: Run, grades: list[str], expected: list[str]) -> None:
    """--grade keeps councils whose rating in force is any of the grades given (codes, words
    or abbreviations; no overall grade and none in force too)."""
    args = [a for g in grades for a in ("--grade", g)]
    assert _ids(run, *args) == expected


def test_grade_filter_tally_counts_what_is_listed(run: Run) -> None:
    """With --grade, the tally counts the councils listed."""
    result = data(run("councils", "--grade", "good", "--grade", "none_in_force", "--json"))
    assert {k: n for k, n in result["tally"].items() if n} == {"good": 2, "none_in_force": 1}


def test_ever_and_never(run: Run) -> None:
    """--ever keeps councils ever given the grade (SIF or ILACS), --never those never given it;
    together, both must hold."""
    assert _ids(run, "--ever", "inadequate") == ["hackley", "redcastle"]
    assert _ids(run, "--never", "inadequate") == [
        "kingsford",
        "north-testshire",
        "redcastle-city",
        "south-testshire",
        "st-albury",
        "testshire",
    ]
    assert _ids(run, "--ever", "good", "--never", "inadequate") == [
        "kingsford",
        "north-testshire",
        "redcastle-city",
        "st-albury",
        "testshire",
    ]


def test_repeated_ever_means_any_of_them(run: Run) -> None:
    """--ever A --ever B keeps councils ever given A or B (a repeated filter means "any of
    these"); --never A --never B keeps those given neither."""
    assert _ids(run, "--ever", "inadequate", "--ever", "outstanding") == [
        "hackley",
        "kingsford",
        "redcastle",
        "st-albury",
        "testshire",
    ]
    assert _ids(run, "--never", "inadequate", "--never", "outstanding") == [
        "north-testshire",
        "redcastle-city",
        "south-testshire",
    ]


def test_ever_counts_only_what_was_given_by_the_day(run: Run) -> None:
    """With --as-of, --ever and --never look at the grades given by that day: on 1 January
    2017 Redcastle had been inadequate, Hackley not yet; St Albury (good in 2020) had never
    been good."""
    assert _ids(run, "--as-of", "2017-01-01", "--ever", "inadequate") == ["redcastle"]
    assert "st-albury" in _ids(run, "--as-of", "2017-01-01", "--never", "good")
    assert "st-albury" not in _ids(run, "--never", "good")


def test_ever_under_the_snapshot_rule(run: Run) -> None:
    """With --snapshot, --ever looks at the inspections the rule counts: Redcastle City's
    report of May 2024 (on site in March) counts for 2024; St Albury's April inspection not."""
    assert "redcastle-city" in _ids(run, "--snapshot", "2024", "--ever", "good")
    assert "st-albury" not in _ids(run, "--snapshot", "2024", "--ever", "outstanding")
    assert "st-albury" in _ids(run, "--snapshot", "2025", "--ever", "outstanding")


def test_as_of_lists_the_councils_of_that_day(run: Run) -> None:
    """--as-of lists the councils that existed that day with the rating then in force;
    --former adds the former councils: Oldshire, which existed then, counted; Marshland,
    gone by then, with its last rating, not counted; North and South Testshire, not yet
    created, are not listed."""
    assert _ids(run, "--as-of", "2020-06-01") == [
        "hackley",
        "kingsford",
        "redcastle",
        "redcastle-city",
        "st-albury",
        "testshire",
    ]
    result = data(run("councils", "--as-of", "2020-06-01", "--former", "--json"))
    rows = {c["id"]: c for c in result["councils"]}
    assert rows["oldshire-former"]["in_force"]["overall"] == "requires_improvement"
    assert rows["oldshire-former"]["existed"] is True
    assert rows["marshland-former"]["existed"] is False
    assert rows["testshire"]["in_force"]["overall"] == "good"
    assert "north-testshire" not in rows
    assert result["as_of"] == "2020-06-01"
    assert sum(result["tally"].values()) == 7


def test_former_lists_councils_that_no_longer_exist(run: Run) -> None:
    """--former (today) lists the councils abolished before today with their last rating,
    marked former; they are not counted in today's tally."""
    result = data(run("councils", "--former", "--json"))
    rows = {c["id"]: c for c in result["councils"]}
    assert set(rows) == {*CURRENT, "oldshire-former", "marshland-former"}
    assert rows["oldshire-former"]["in_force"]["inspection"] == "oldshire-ilacs-standard-2019-10-01"
    assert rows["marshland-former"]["in_force"]["overall"] == "requires_improvement"
    assert result["tally"] == data(run("councils", "--json"))["tally"]
    assert (rows["oldshire-former"]["existed"], rows["testshire"]["existed"]) == (False, True)
    out = ok(run("councils", "--former"))
    assert "Oldshire (former)  " in out
    assert "Marshland (former)  " in out
    assert "\n8 councils; rating in force on " in out
    assert (
        "Also listed: 2 former councils no longer in existence then, with the last rating "
        "(not counted above)." in out
    )
    csv = {r["council_id"]: r["existed"] for r in table(run("councils", "--former", "--csv"))}
    assert (csv["oldshire-former"], csv["testshire"]) == ("false", "true")
    one = ok(run("councils", "--former", "--as-of", "2020-06-01"))
    assert "Also listed: 1 former council no longer in existence then" in one


def test_snapshot(run: Run) -> None:
    """--snapshot uses Ofsted's 31 March rule and says so; the JSON carries the rule."""
    result = data(run("councils", "--snapshot", "2024", "--grade", "good", "--json"))
    assert [c["id"] for c in result["councils"]] == [
        "kingsford",
        "north-testshire",
        "redcastle",
        "redcastle-city",
        "st-albury",
    ]
    assert result["as_of"] == "2024-03-31"
    assert result["snapshot"]["published_by"] == "2024-06-30"
    assert result["rule"].startswith("Ofsted's rule for 31 March 2024")
    out = ok(run("councils", "--snapshot", "2024"))
    assert "8 councils; rating in force as at 31 March 2024 (Ofsted's rule): 1 outstanding, " in out
    assert "Ofsted's rule for 31 March 2024: inspections carried out by 2024-03-31" in out


def test_councils_csv(run: Run) -> None:
    """--csv: a header row, a row per council, the provisional columns filled."""
    rows = {r["council_id"]: r for r in table(run("councils", "--csv"))}
    assert list(rows) == CURRENT
    assert rows["hackley"]["provisional"] == "true"
    assert rows["hackley"]["latest_record_provisional"] == "true"
    assert rows["north-testshire"]["grade"] == ""
    assert rows["north-testshire"]["grade_label"] == "no overall grade"
    assert rows["south-testshire"]["grade_label"] == ""
    assert rows["kingsford"]["urn"] == ""
    assert rows["testshire"]["ons_code"] == "E10000910"


def test_region_and_group(run: Run) -> None:
    """--region and --group choose the councils listed."""
    assert _ids(run, "--region", "Test South") == ["kingsford", "st-albury"]
    assert _ids(run, "--group", "test-coast", "--group", "old-testshire-area") == [
        "hackley",
        "north-testshire",
        "redcastle",
        "south-testshire",
        "testshire",
    ]


def test_councils_function_directly(conn: sqlite3.Connection) -> None:
    """The query function answers without the CLI, under a snapshot rule too."""
    result = rated.councils(
        conn, Scope(former=False), "2024-03-31", snapshot=rule(conn, 2024), grades=("good",)
    )
    assert len(result["councils"]) == 5
    assert result["snapshot"]["stated_by"] == "Test inspection outcomes as at 31 March 2024"
    assert rated.latest_provisional(conn, "2026-11-30") == {"hackley", "north-testshire"}
    assert rated.latest_provisional(conn, "2019-01-01") == set()
