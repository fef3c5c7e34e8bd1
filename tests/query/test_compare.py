"""`ofsted compare` on the fixture data: --year, --as-of and --snapshot, councils only while
they existed, the tallies and the header's count (tests/data/README.md lists the cases)."""

from __future__ import annotations

import sqlite3
from typing import Any

import pytest

from ofsted_cli.query.compare import compare
from ofsted_cli.query.scope import Scope
from tests.query.runner import Run, data, ok, table


def _by_id(payload: dict[str, Any]) -> dict[str, Any]:
    return {c["id"]: c for c in payload["councils"]}


def _grade(rating: dict[str, Any] | None) -> str | None:
    return None if rating is None else rating["overall"] or "no_overall_grade"


def _zero(**counts: int) -> dict[str, int]:
    keys = ("outstanding", "good", "requires_improvement", "inadequate", "adequate")
    return {**dict.fromkeys((*keys, "no_overall_grade", "none_in_force"), 0), **counts}


def test_year_councils_take_part_only_while_they_existed(conn: sqlite3.Connection) -> None:
    """In 2021 Oldshire (abolished 1 April) counts on 1 January only, and North and South
    Testshire (created that day) on 31 December only; Marshland, last inspected in 2016, is
    left out."""
    result = compare(conn, Scope(), year=2021)
    rows = _by_id(result)
    assert "marshland-former" not in rows
    assert [u["id"] for u in result["unrated"]] == []
    old, north, south = rows["oldshire-former"], rows["north-testshire"], rows["south-testshire"]
    assert (old["change"], old["existed"]) == ("abolished", {"start": True, "end": False})
    assert (_grade(old["start"]), old["end"]) == ("requires_improvement", None)
    for new in (north, south):
        assert (new["change"], new["existed"]) == ("created", {"start": False, "end": True})
        assert new["created"] == "2021-04-01"
    assert rows["hackley"]["change"] == "first"
    assert [r["inspection"] for r in rows["hackley"]["published"]] == [
        "hackley-ilacs-standard-2021-10-05"
    ]
    summary = result["summary"]
    # 1 January: Oldshire counted, the new councils not; 31 December: the reverse.
    assert summary["start"] == _zero(good=4, requires_improvement=2, none_in_force=1)
    assert summary["end"] == _zero(good=4, requires_improvement=1, inadequate=1, none_in_force=2)
    assert summary["changes"] == {
        "up": 0,
        "down": 0,
        "same": 5,
        "first": 1,
        "not_comparable": 0,
        "created": 2,
        "abolished": 1,
    }
    assert (summary["councils"], summary["good_or_outstanding_at_some_point"]) == (9, 4)


def test_year_text_says_created_and_abolished(run: Run) -> None:
    """The 2021 table says 'not yet created' and 'abolished' where a council did not exist,
    and its header counts the nine councils listed."""
    out = ok(run("compare", "--year", "2021"))
    assert out.startswith("Ratings in 2021, all councils (9 councils)\n")
    lines = {line.split("  ")[0]: line for line in out.splitlines()}
    assert lines["North Testshire"].split()[2:5] == ["not", "yet", "created"]
    assert lines["North Testshire"].rstrip().endswith("created")
    old = lines["Oldshire (former, abolished 2021-04-01)"]
    assert "Requires improvement (ILACS 2019)" in old
    assert old.split()[-2:] == ["abolished", "abolished"]
    assert "1 January: 4 good, 2 requires improvement, 1 none in force." in out
    assert "31 December: 4 good, 1 requires improvement, 1 inadequate, 2 none in force." in out
    assert "Former councils take part while they existed" in out


def test_year_changes_and_councils_not_yet_rated(run: Run) -> None:
    """2019: Testshire and Oldshire went up; Hackley and St Albury, never rated by the end of
    the year, are listed apart; the header counts all seven councils listed."""
    out = ok(run("compare", "--year", "2019"))
    assert out.startswith("Ratings in 2019, all councils (7 councils)\n")
    lines = {line.split("  ")[0]: line for line in out.splitlines()}
    assert lines["Testshire"].split("  ")[-1] == "↑ up"
    assert "2019-05-20 ILACS Good" in lines["Testshire"]
    assert (
        "2019-10-01 ILACS Requires improvement" in lines["Oldshire (former, abolished 2021-04-01)"]
    )
    assert lines["Kingsford"].endswith("= same")
    assert "No rating in force yet: Hackley, St. Albury." in out
    assert "1 January: 2 good, 2 requires improvement, 1 inadequate.\n" in out
    assert "31 December: 3 good, 2 requires improvement.\n" in out
    assert "Changes: 2 up, 0 down, 3 unchanged.\n" in out
    assert "Good or outstanding at any point in 2019: 3 of 5.\n" in out


def test_year_former_council_without_an_abolition_date(conn: sqlite3.Connection) -> None:
    """Marshland, whose end no source gives, takes part in 2016 (its last report, February
    2016, is listed) as gone by 31 December, and not at all in 2017."""
    rows = _by_id(compare(conn, Scope(), year=2016))
    marsh = rows["marshland-former"]
    assert (marsh["change"], _grade(marsh["start"]), marsh["end"]) == (
        "abolished",
        "inadequate",
        None,
    )
    assert [r["published"] for r in marsh["published"]] == ["2016-02"]
    assert "marshland-former" not in _by_id(compare(conn, Scope(), year=2017))


def test_year_new_framework_is_not_comparable(run: Run) -> None:
    """North Testshire's 2026 report has no overall grade: in force, not invented, and the
    change from good is 'not comparable'; provisional reports are marked."""
    result = data(run("compare", "--year", "2026", "--council", "north testshire", "--json"))
    row = result["councils"][0]
    assert (_grade(row["start"]), row["end"]["overall"], row["change"]) == (
        "good",
        None,
        "not_comparable",
    )
    assert row["end"]["framework"] == "ilacs_2026" and row["end"]["provisional"]
    assert result["summary"]["end"]["no_overall_grade"] == 1
    out = ok(run("compare", "--year", "2026", "--council", "north testshire"))
    assert "2026-07-15 new ILACS no overall grade (provisional)" in out
    assert "no overall grade (new ILACS 2026, provisional)  not comparable" in out
    assert "provisional: not yet in an official Ofsted release" in out


def test_as_of_a_day(run: Run) -> None:
    """--as-of gives the latest report published on or before the day: on 31 March 2019
    Testshire's May 2019 report is not yet in force."""
    result = data(run("compare", "--as-of", "2019-03-31", "--json"))
    assert result["period"] == {"as_of": "2019-03-31"}
    grades = {c["id"]: _grade(c["in_force"]) for c in result["councils"]}
    assert grades == {
        "kingsford": "good",
        "oldshire-former": "inadequate",
        "redcastle": "good",
        "redcastle-city": "requires_improvement",
        "testshire": "requires_improvement",
    }
    assert [u["id"] for u in result["unrated"]] == ["hackley", "st-albury"]
    assert result["summary"] == {
        "in_force": _zero(good=2, requires_improvement=2, inadequate=1),
        "councils": 5,
    }
    out = ok(run("compare", "--as-of", "2019-03-31"))
    assert out.startswith("Ratings in force on 2019-03-31, all councils (7 councils)\n")
    assert "In force: 2 good, 2 requires improvement, 1 inadequate.\n" in out
    assert "the latest whole-service report published on or before the day" in out


@pytest.mark.parametrize(
    ("year", "council", "snapshot", "as_of"),
    [
        # On site from 25 March 2019, published 20 May: no release states 2019's rule.
        (2019, "testshire", "good", "requires_improvement"),
        # On site from 18 March 2024, published 7 May, within the 2024 release's cut-off.
        (2024, "redcastle-city", "good", "requires_improvement"),
    ],
)
def test_snapshot_counts_inspections_carried_out_by_31_march(
    conn: sqlite3.Connection, year: int, council: str, snapshot: str, as_of: str
) -> None:
    """An inspection carried out before 31 March and published in May counts under Ofsted's
    snapshot rule, but is not in force by publication on 31 March."""
    by_rule = _by_id(compare(conn, Scope(), snapshot=year))[council]["in_force"]
    by_day = _by_id(compare(conn, Scope(), day=f"{year}-03-31"))[council]["in_force"]
    assert (by_rule["overall"], by_day["overall"]) == (snapshot, as_of)


def test_snapshot_leaves_out_inspections_after_31_march(conn: sqlite3.Connection) -> None:
    """St Albury's inspection of April 2024, published 3 June, is in force on 30 June by
    publication but not in the 31 March 2024 snapshot."""
    rule = _by_id(compare(conn, Scope(), snapshot=2024))["st-albury"]["in_force"]
    day = _by_id(compare(conn, Scope(), day="2024-06-30"))["st-albury"]["in_force"]
    assert (rule["overall"], day["overall"]) == ("good", "outstanding")


def test_snapshot_uses_the_release_cutoff(run: Run) -> None:
    """The 2023 release counts reports published by 30 April: North Testshire's report of
    15 May 2023 is left out of 2023 and counted in 2024."""
    y23 = data(run("compare", "--snapshot", "2023", "--json"))
    assert y23["period"]["snapshot"] == {
        "year": 2023,
        "inspected_by": "2023-03-31",
        "published_by": "2023-04-30",
        "stated_by": "Test children's social care data 2023",
        "also_counts": [],
    }
    assert "north-testshire" in [u["id"] for u in y23["unrated"]]
    y24 = data(run("compare", "--snapshot", "2024", "--json"))
    assert _by_id(y24)["north-testshire"]["in_force"]["overall"] == "good"
    out = ok(run("compare", "--snapshot", "2023"))
    assert out.startswith("Ratings as at 31 March 2023 (Ofsted's rule), all councils (8 councils)")
    assert "whose report was published by 2023-04-30 (as Test children's social care" in out


def test_snapshot_counts_what_a_release_includes(run: Run) -> None:
    """The 2025 release includes Kingsford's report of 8 July 2025, after its cut-off: the
    2025 snapshot counts it and says so; by publication it is not in force on 30 June."""
    result = data(run("compare", "--snapshot", "2025", "--json"))
    assert result["period"]["snapshot"]["also_counts"] == ["kingsford-ilacs-standard-2025-07-08"]
    assert _by_id(result)["kingsford"]["in_force"]["overall"] == "outstanding"
    by_day = data(run("compare", "--as-of", "2025-06-30", "--council", "kingsford", "--json"))
    assert by_day["councils"][0]["in_force"]["overall"] == "good"
    out = ok(run("compare", "--snapshot", "2025"))
    assert "it also counts kingsford-ilacs-standard-2025-07-08, published later" in out


def test_snapshot_without_a_release_uses_the_usual_rule(run: Run) -> None:
    """For a year no release in the data covers, the snapshot uses the 30 June cut-off and
    says that no release states it."""
    result = data(run("compare", "--snapshot", "2019", "--json"))
    assert result["period"]["snapshot"]["published_by"] == "2019-06-30"
    assert result["period"]["snapshot"]["stated_by"] is None
    assert "no release in this data states it for 2019" in result["period"]["rule"]


@pytest.mark.parametrize(
    "args",
    [
        ("--year", "2021"),
        ("--year", "2016"),
        ("--as-of", "2019-03-31"),
        ("--snapshot", "2023"),
        ("--snapshot", "2025"),
    ],
)
def test_header_counts_the_councils_listed(run: Run, args: tuple[str, ...]) -> None:
    """The header's count is the number of councils in the table plus those listed as not
    yet rated, in --json and in text."""
    result = data(run("compare", *args, "--json"))
    listed = len(result["councils"]) + len(result["unrated"])
    out = ok(run("compare", *args))
    assert f"({listed} councils)" in out.splitlines()[0]
    rows = table(run("compare", *args, "--csv"))
    assert len(rows) == listed


def test_compare_csv_has_a_row_per_council(run: Run) -> None:
    """--csv has a header row and a row per council, grades as codes and labels."""
    rows = {r["council_id"]: r for r in table(run("compare", "--year", "2021", "--csv"))}
    assert rows["hackley"]["change"] == "first"
    assert rows["hackley"]["published_in_year"] == "2021-10-05 ilacs_standard inadequate"
    assert (rows["hackley"]["end_grade"], rows["hackley"]["end_grade_label"]) == (
        "inadequate",
        "Inadequate",
    )
    assert rows["oldshire-former"]["status"] == "former"
    day = {r["council_id"]: r for r in table(run("compare", "--as-of", "2019-03-31", "--csv"))}
    assert day["testshire"]["grade"] == "requires_improvement"
    assert day["testshire"]["published"] == "2015-03-10"
    assert day["hackley"]["grade"] == ""


def test_compare_csv_marks_provisional(run: Run) -> None:
    """A provisional rating says so in its CSV column."""
    rows = {r["council_id"]: r for r in table(run("compare", "--year", "2025", "--csv"))}
    assert rows["hackley"]["end_provisional"] == "true"
    assert rows["hackley"]["start_provisional"] == "false"
    unrated = table(run("compare", "--year", "2019", "--csv"))
    assert {r["council_id"]: r["change"] for r in unrated}["st-albury"] == "none"
