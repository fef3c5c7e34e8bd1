"""`ofsted trend` on the fixture data: on each 31 March, the councils then existing and their
ratings under Ofsted's rule, as counts and shares; provisional and unfinished years marked."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from ofsted_cli.output import across
from ofsted_cli.query import trend
from ofsted_cli.query.coverage import coverage
from ofsted_cli.query.scope import Scope
from tests.query import build
from tests.query.runner import Run, RunOn, data, ok, table, usage


def _years(run: Run, *args: str) -> dict[int, dict[str, Any]]:
    return {y["year"]: y for y in data(run("trend", *args, "--json"))["years"]}


def _counts(year: dict[str, Any]) -> dict[str, int]:
    return {k: n for k, n in year["tally"].items() if n}


def test_counts_and_shares_on_31_march(run: Run) -> None:
    """2015: eight councils; Oldshire and Marshland inadequate, Testshire (on site in January,
    published in March) requires improvement, the rest not yet rated; shares add up to 1."""
    y2015 = _years(run, "--from", "2015", "--to", "2015")[2015]
    assert (y2015["as_at"], y2015["councils"]) == ("2015-03-31", 8)
    assert _counts(y2015) == {"requires_improvement": 1, "inadequate": 2, "none_in_force": 5}
    assert y2015["shares"]["inadequate"] == 0.25
    assert y2015["shares"]["none_in_force"] == 0.625
    assert abs(sum(y2015["shares"].values()) - 1) < 0.001


def test_councils_count_only_while_they_existed(run: Run) -> None:
    """Marshland (last inspected February 2016) drops out in 2016; Oldshire counts on 31 March
    2021 (abolished the next day), North and South Testshire from 2022."""
    years = _years(run, "--from", "2015", "--to", "2022")
    assert [years[y]["councils"] for y in range(2015, 2023)] == [8, 7, 7, 7, 7, 7, 7, 8]
    assert _counts(years[2021]) == {"good": 4, "requires_improvement": 2, "none_in_force": 1}
    assert _counts(years[2022]) == {
        "good": 4,
        "requires_improvement": 1,
        "inadequate": 1,
        "none_in_force": 2,
    }


def test_snapshot_rule_each_year(run: Run) -> None:
    """Each year follows the snapshot rule: Testshire's May 2019 report (on site in March)
    counts in 2019; North Testshire's May 2023 report misses the 2023 release's 30 April
    cut-off; Kingsford's July 2025 report counts in 2025 because the release includes it."""
    years = _years(run, "--from", "2019", "--to", "2025")
    assert _counts(years[2019]) == {
        "good": 3,
        "requires_improvement": 1,
        "inadequate": 1,
        "none_in_force": 2,
    }
    assert years[2023]["tally"]["none_in_force"] == 2
    assert years[2024]["tally"]["none_in_force"] == 1
    assert years[2023]["rule"]["published_by"] == "2023-04-30"
    assert _counts(years[2025]) == {
        "outstanding": 3,
        "good": 3,
        "inadequate": 1,
        "none_in_force": 1,
    }


def test_trend_agrees_with_compare_snapshot(run: Run) -> None:
    """A year of the trend is the tally of `compare --snapshot` for that year."""
    years = _years(run, "--from", "2019", "--to", "2026")
    for year in range(2019, 2027):
        snap = data(run("compare", "--snapshot", str(year), "--json"))
        listed = len(snap["councils"]) + len(snap["unrated"])
        assert years[year]["councils"] == listed
        assert years[year]["tally"] == {
            **snap["summary"]["in_force"],
            "none_in_force": len(snap["unrated"]),
        }


def test_provisional_years_are_marked(run: Run) -> None:
    """2026 rests on Hackley's provisional report (on site July 2025): marked in JSON and
    text."""
    years = _years(run, "--from", "2025", "--to", "2026")
    assert (years[2025]["provisional"], years[2026]["provisional"]) == (0, 1)
    out = ok(run("trend", "--from", "2025", "--to", "2026"))
    assert (
        "Years resting partly on provisional records (not yet in an official Ofsted release): "
        "2026." in out
    )


def test_year_not_yet_complete(conn: sqlite3.Connection) -> None:
    """A year whose release cut-off is still to come is marked as counted to date."""
    result = trend.trend(conn, Scope(), 2024, 2025, "2025-05-01")
    assert [y["complete"] for y in result["years"]] == [True, False]
    lines = ["".join(t for t, _ in line) for line in across.trend(result, coverage(conn), None)]
    assert any(line.startswith("2025 (to date)") for line in lines)
    assert any(line.startswith("2024 ") for line in lines)


def test_default_first_year_and_refusals(run: Run) -> None:
    """Without --from the trend begins with the first 31 March with a rating (2015 here:
    the first SIF report was published in November 2014); earlier years are refused."""
    assert min(_years(run, "--to", "2016")) == 2015
    assert "the first whole-service ratings in force on 31 March are of 2015" in usage(
        run("trend", "--from", "2014")
    )
    assert usage(run("trend", "--from", "2020", "--to", "2019")) == "--from 2020 is after --to 2019"
    assert "the record begins in 2009" in usage(run("trend", "--from", "2008"))
    assert "is in the future" in usage(run("trend", "--to", "2999"))


def test_region_filter(run: Run) -> None:
    """--region counts only that region's councils."""
    years = _years(run, "--from", "2025", "--to", "2025", "--region", "Test South")
    assert _counts(years[2025]) == {"outstanding": 2}
    assert data(run("trend", "--to", "2015", "--region", "Test South", "--json"))["scope"] == (
        "region Test South"
    )


def test_text_table(run: Run) -> None:
    """The text has a row per year with counts and shares, and only the columns used."""
    out = ok(run("trend", "--from", "2015", "--to", "2016"))
    assert out.startswith("Ratings in force on 31 March, all councils\n")
    lines = out.splitlines()
    # No council was outstanding or good on 31 March 2015 or 2016: those columns are left out.
    assert lines[2].split() == ["31", "March", "Councils", "Requires", "improvement"] + [
        "Inadequate",
        "Not",
        "yet",
        "rated",
    ]
    assert lines[3].split() == ["2015", "8", "1", "(12%)", "2", "(25%)", "5", "(62%)"]
    assert lines[4].split() == ["2016", "7", "1", "(14%)", "1", "(14%)", "5", "(71%)"]


def test_trend_csv(run: Run) -> None:
    """--csv: a row per year with a count and a share per grade."""
    rows = table(run("trend", "--from", "2015", "--to", "2016", "--csv"))
    assert [r["year"] for r in rows] == ["2015", "2016"]
    assert (rows[0]["inadequate"], rows[0]["inadequate_share"]) == ("2", "0.25")
    assert rows[1]["complete"] == "true"


def test_data_without_any_rating_has_no_trend(tmp_path: Path, run_on: RunOn) -> None:
    """Data with no whole-service rating: the trend is refused with a reason, exit 2."""
    folder = build.write(
        tmp_path / "data",
        [
            build.council(
                "visitshire",
                "Visitshire",
                build.inspection("visitshire-jtai-2020-05-01", "jtai", "2020-05-01"),
            )
        ],
    )
    assert usage(run_on(folder, "trend")) == (
        "the data holds no whole-service rating, so there is no trend"
    )
