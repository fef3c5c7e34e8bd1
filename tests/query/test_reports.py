"""`ofsted reports` on the fixture data: reports by period, framework family and grade, visits,
the tally by overall grade and the provisional marks."""

from __future__ import annotations

import sqlite3

import pytest

from ofsted_cli.query.reports import reports
from ofsted_cli.query.scope import Scope
from tests.query.runner import Run, data, ok, table


def _ids(run: Run, *args: str) -> list[str]:
    return [r["inspection"] for r in data(run("reports", *args, "--json"))["reports"]]


def _tally(run: Run, *args: str) -> dict[str, int]:
    counts = data(run("reports", *args, "--json"))["tally"]
    return {k: n for k, n in counts.items() if n}


def test_year(run: Run) -> None:
    """--year lists the graded reports published that year, oldest first, with the tally."""
    assert _ids(run, "--year", "2019") == [
        "testshire-ilacs-standard-2019-05-20",
        "oldshire-ilacs-standard-2019-10-01",
    ]
    out = ok(run("reports", "--year", "2019"))
    assert "2 graded reports published in 2019: 1 good, 1 requires improvement.\n" in out
    assert "Oldshire (former)" in out
    assert "Ungraded visits are left out; --visits lists them." in out


def test_since_and_until_take_partial_dates(run: Run) -> None:
    """--since and --until take YYYY, YYYY-MM or YYYY-MM-DD; a report known only to the month
    counts when its month overlaps the period."""
    assert _ids(run, "--since", "2016-02", "--until", "2016-06") == [
        "marshland-sif-reinspection-2016-02",
        "redcastle-sif-2016-06-01",
    ]
    assert _ids(run, "--since", "2016-02-15", "--until", "2016-05-31") == [
        "marshland-sif-reinspection-2016-02"
    ]
    out = ok(run("reports", "--since", "2016-02", "--until", "2016-06"))
    assert "2 graded reports published from 2016-02-01 to 2016-06-30: " in out
    assert "published from 2025-07-01:" in ok(run("reports", "--since", "2025-07"))
    assert "published up to 2014-12-31:" in ok(run("reports", "--until", "2014"))


def test_provisional_reports_after_the_cutoff(run: Run) -> None:
    """Reports after the official cut-off are listed, marked provisional and counted apart;
    a report a release includes is not provisional; the new framework has no overall grade."""
    result = data(run("reports", "--since", "2025-07", "--json"))
    assert [(r["council_id"], r["overall"], r["provisional"]) for r in result["reports"]] == [
        ("kingsford", "outstanding", False),
        ("hackley", "requires_improvement", True),
        ("north-testshire", None, True),
    ]
    assert result["provisional"] == 2
    assert {k: n for k, n in result["tally"].items() if n} == {
        "outstanding": 1,
        "requires_improvement": 1,
        "no_overall_grade": 1,
    }
    assert "none_in_force" not in result["tally"]
    out = ok(run("reports", "--since", "2025-07"))
    lines = {line.split("  ")[0]: line for line in out.splitlines()}
    assert lines["Hackley"].endswith("provisional")
    assert "no overall grade" in lines["North Testshire"]
    assert not lines["Kingsford"].endswith("provisional")
    assert "2 of the records listed are provisional: not yet in an official Ofsted release." in out


@pytest.mark.parametrize(
    ("frameworks", "count"),
    [
        (["sif"], 7),  # SIF and SIF re-inspections
        (["ilacs"], 12),  # ILACS standard, short and the 2026 framework
        (["sif", "ilacs"], 19),
        (["ILACS short"], 2),
        (["ilacs_short"], 2),
        (["sif_reinspection"], 1),
        (["slac"], 1),
    ],
)
def test_framework_families(run: Run, frameworks: list[str], count: int) -> None:
    """--framework takes ids, short labels or families (sif, ilacs); repeated, any of them."""
    args = [a for f in frameworks for a in ("--framework", f)]
    assert len(_ids(run, *args)) == count


def test_sif_family_includes_reinspections(run: Run) -> None:
    """The sif family holds the SIF re-inspection; ilacs holds short inspections and the
    2026 framework."""
    assert "marshland-sif-reinspection-2016-02" in _ids(run, "--framework", "sif")
    ilacs = _ids(run, "--framework", "ilacs")
    assert "testshire-ilacs-short-2023-02-14" in ilacs
    assert "north-testshire-ilacs-2026-2026-07-15" in ilacs


def test_grade_filter(run: Run) -> None:
    """--grade keeps reports with any of the overall grades given."""
    assert _tally(run, "--grade", "inadequate") == {"inadequate": 4}
    assert _tally(run, "--grade", "I", "--grade", "outstanding") == {
        "outstanding": 3,
        "inadequate": 4,
    }
    assert _ids(run, "--framework", "ilacs", "--grade", "no_overall_grade") == [
        "north-testshire-ilacs-2026-2026-07-15"
    ]


def test_visits(run: Run) -> None:
    """--visits lists the ungraded visits too (also those no source dates), without counting
    them in the tally."""
    graded = data(run("reports", "--json"))
    both = data(run("reports", "--visits", "--json"))
    assert (graded["graded"], graded["visits"]) == (20, 0)
    assert (both["graded"], both["visits"]) == (20, 5)
    assert both["tally"] == graded["tally"]
    assert "redcastle-unspecified-undated" in [r["inspection"] for r in both["reports"]]
    out = ok(run("reports", "--year", "2022", "--visits"))
    assert "visit: Progress since the inspection" in out
    assert "0 graded reports published in 2022: none.\n2 ungraded visits listed too." in out


def test_visit_frameworks_asked_for_by_name(run: Run) -> None:
    """Asking for a kind of visit by --framework lists those visits without --visits."""
    assert _ids(run, "--framework", "ilacs_focused_visit") == [
        "testshire-ilacs-focused-visit-2021-06",
        "south-testshire-ilacs-focused-visit-2022-11-08",
    ]
    assert len(_ids(run, "--framework", "visits")) == 4


def test_scope_and_title(run: Run) -> None:
    """Region, group and council filters apply, and the summary names them."""
    assert _ids(run, "--region", "Test South", "--year", "2016") == ["kingsford-sif-2016-11-01"]
    out = ok(run("reports", "--group", "test-coast", "--year", "2016"))
    assert "1 graded report published in 2016 (group test-coast): 1 inadequate." in out


def test_reports_csv(run: Run) -> None:
    """--csv: a header row and a row per report, grades as codes and labels."""
    rows = table(run("reports", "--since", "2025-07", "--visits", "--csv"))
    assert [r["inspection"] for r in rows] == [
        "kingsford-ilacs-standard-2025-07-08",
        "hackley-ilacs-standard-2025-08-12",
        "north-testshire-ilacs-2026-2026-07-15",
    ]
    assert rows[1]["provisional"] == "true"
    assert (rows[2]["grade"], rows[2]["grade_label"]) == ("", "no overall grade")
    visits = table(run("reports", "--year", "2022", "--visits", "--csv"))
    assert (visits[0]["grade_label"], visits[0]["theme"]) == ("", "Progress since the inspection")


def test_reports_function_directly(conn: sqlite3.Connection) -> None:
    """The query function answers without the CLI: no period means every report."""
    result = reports(conn, Scope(names=("testshire",)), frameworks=("ilacs_standard",))
    assert [r["inspection"] for r in result["reports"]] == ["testshire-ilacs-standard-2019-05-20"]
    assert result["filters"]["scope"] == "1 chosen council"


def test_visits_asked_for_by_name_are_not_said_to_be_left_out(run: Run) -> None:
    """When --framework lists visits, the text does not say that visits are left out."""
    out = ok(run("reports", "--framework", "visits"))
    assert "4 ungraded visits listed too." in out
    assert "left out" not in out
    assert "Ungraded visits are left out" in ok(run("reports", "--framework", "sif"))
