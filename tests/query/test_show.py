"""`ofsted show` on the fixture data: a summary that fits a screen, --full, --statements,
--lineage, --since, predecessors and successors, provisional and ungraded records."""

from __future__ import annotations

import sqlite3

import pytest

from ofsted_cli.query.show import show
from tests.query.conftest import QUERIES
from tests.query.runner import Run, data, ok

COUNCILS = sorted(
    line.split(": ", 1)[1]
    for line in (QUERIES / "inspections.yaml").read_text().splitlines()
    if line.startswith("  - id: ")
)


@pytest.mark.parametrize("council", COUNCILS)
def test_summary_fits_a_screen(run: Run, council: str) -> None:
    """The summary of every council is at most 60 lines, and ends with what the record
    covers."""
    out = ok(run("show", council))
    assert len(out.splitlines()) <= 60
    assert out.splitlines()[-1].startswith("Official record complete to reports published by")


def test_summary(run: Run) -> None:
    """The summary: who the council is, its rating in force, one row per inspection or visit
    (areas abbreviated), and how to see more."""
    out = ok(run("show", "testshire"))
    lines = out.splitlines()
    assert lines[:6] == [
        "Testshire (testshire)",
        "ONS E10000910 · DfE LA 960 · Ofsted URN 500060 · Test North · current",
        "Also known as: Testshire County Council",
        lines[3],
        "  inspection on site from 2023-01-09; report published 2023-02-14",
        "Ofsted's reports: https://reports.ofsted.gov.uk/provider/44/500060",
    ]
    assert lines[3].startswith("Rating in force on ")
    assert lines[3].endswith(": Outstanding (ILACS short, published 2023-02-14)")
    assert "Inspections and visits (4)" in lines
    rows = {line[:10]: line for line in lines}
    assert "Requires improvement" in rows["2015-03-10"]
    assert "LSCB G" in rows["2015-03-10"]
    assert "visit: Care leavers" in rows["2021-06   "]
    assert "leaders O, help & protection G, in care O, care leavers O" in rows["2023-02-14"]
    assert "3 quoted responses: `ofsted show testshire --statements` shows them." in lines
    assert "Every judgement, note and source: `ofsted show testshire --full`." in lines


def test_one_quoted_response_is_singular(run: Run) -> None:
    """One statement is '1 quoted response', not '1 quoted responses'."""
    out = ok(run("show", "oldshire"))
    assert "1 quoted response: `ofsted show oldshire-former --statements` shows it." in out


def test_statements_option(run: Run) -> None:
    """--statements adds every quote, reported speech marked, each with its source, under
    the inspection it answers (so that a later quote on an earlier report reads as such)."""
    out = ok(run("show", "testshire", "--statements"))
    assert "Statements (3)\n  On the ILACS published 2019-05-20\n" in out
    assert "    2019-05-20 · Alex Example, Leader, Testshire County Council\n" in out
    assert "      “We are proud of every member of staff.”\n" in out
    assert (
        "    2019-06 (inferred) · Jo Sample, Director of Children's Services, Testshire County "
        "Council (reported)\n      said the work would go on\n"
    ) in out
    assert "      [Test Gazette: https://example.org/news/testshire]" in out
    assert "  Not tied to one inspection\n    2020 · Alex Example" in out
    assert "quoted responses:" not in out


def test_full(run: Run) -> None:
    """--full: every judgement in words, notes, quotes under their inspection, figures, and
    the sources by number."""
    out = ok(run("show", "testshire", "--full"))
    assert "2019-05-20  ILACS standard inspection  [testshire-ilacs-standard-2019-05-20]" in out
    assert (
        "  on site 2019-03-25 to 2019-04-05; published 2019-05-20; lead inspector Sam Inspector"
    ) in out
    assert "  Children in care and care leavers      Requires improvement\n" in out
    assert "  Sources: [1] [2]\n  Notes: Test data only; inspected before 31 March 2019" in out
    assert "  A visit: Ofsted gives no grades for it." in out
    assert "Statements not tied to one inspection\n  2020 · Alex Example" in out
    assert "children's homes in Testshire: 12 (as of 2018-03-31) [2]" in out
    assert "  [1] Test children's social care data 2023 — Test Office, 2023-06-29" in out
    assert "  [2] Testshire council responds — Test Gazette, 2019-05 (inferred)" in out


def test_former_council_names_its_successors(run: Run) -> None:
    """A former council shows its last rating, in force until it was abolished, and the
    councils that succeeded it."""
    out = ok(run("show", "Oldshire"))
    assert out.startswith("Oldshire (oldshire-former)\nONS E10000905 · DfE LA 955 · Test North")
    assert (
        "Last rating, in force until 2021-04-01: Requires improvement (ILACS, published 2019-10-01)"
    ) in out
    assert (
        "Succeeded by North Testshire (north-testshire), South Testshire (south-testshire) "
        "on 2021-04-01"
    ) in out
    result = data(run("show", "oldshire", "--json"))
    assert result["in_force"]["as_of"] == "2021-03-31"
    assert [s["id"] for s in result["successors"]] == ["north-testshire", "south-testshire"]


def test_former_council_without_an_abolition_date(run: Run) -> None:
    """A former council no source gives an end for shows its last rating, not a rating 'in
    force' today; unknown codes and region say so."""
    out = ok(run("show", "marshland"))
    assert "ONS unknown · DfE LA unknown · region unknown · former" in out
    assert "Last rating: Requires improvement (SIF re-insp., published 2016-02)" in out
    assert "in force on" not in out


def test_successor_names_its_predecessor(run: Run) -> None:
    """A council created from another names it, with its last rating, and offers --lineage."""
    out = ok(run("show", "south testshire"))
    assert (
        "Succeeds Oldshire since 2021-04-01; its last rating: Requires improvement (ILACS, "
        "published 2019-10-01)"
    ) in out
    assert "  `ofsted show south-testshire --lineage` adds their inspections" in out
    assert "Rating in force today: none in force" in out
    result = data(run("show", "south-testshire", "--json"))
    assert result["in_force"] is None
    assert result["predecessors"][0]["last_rating"]["overall"] == "requires_improvement"


def test_predecessor_without_an_abolition_date_has_its_last_rating(run: Run) -> None:
    """A predecessor no source gives an end for is shown with its last rating, not 'no
    rating'."""
    out = ok(run("show", "kingsford"))
    assert (
        "Succeeds Marshland; its last rating: Requires improvement (SIF re-insp., published "
        "2016-02)"
    ) in out
    last = data(run("show", "kingsford", "--json"))["predecessors"][0]["last_rating"]
    assert last["inspection"] == "marshland-sif-reinspection-2016-02"


def test_full_record_of_an_undated_visit(run: Run) -> None:
    """In --full, a visit no source dates reads 'date unknown', with no dates line."""
    out = ok(run("show", "redcastle", "--full"))
    assert (
        "date unknown  Ofsted inspection or visit (type not stated)  [redcastle-unspecified" in out
    )
    block = out[out.index("date unknown  ") :].splitlines()
    assert block[1] == "  A visit: Ofsted gives no grades for it."


def test_lineage_adds_the_predecessors_inspections(run: Run) -> None:
    """--lineage lists the predecessor's inspections too, in date order, with a council
    column; their statements are counted."""
    out = ok(run("show", "north-testshire", "--lineage"))
    lines = out.splitlines()
    assert "Inspections and visits (5)" in lines
    rows = [line for line in lines if line[:4].isdigit()]
    assert [row[:10] for row in rows] == [
        "2010-09   ",
        "2014-11-05",
        "2019-10-01",
        "2023-05-15",
        "2026-07-15",
    ]
    assert "oldshire" in rows[1].lower() and "north" in rows[3].lower()
    assert "adds their inspections" not in out
    plain = data(run("show", "north-testshire", "--json"))
    assert [i["id"] for i in plain["inspections"]] == [
        "north-testshire-ilacs-standard-2023-05-15",
        "north-testshire-ilacs-2026-2026-07-15",
    ]


def test_new_framework_and_provisional(run: Run) -> None:
    """A report under the 2026 framework is in force with no overall grade and a note saying
    why; provisional records are marked, and the mark explained."""
    out = ok(run("show", "north-testshire"))
    assert "no overall grade (new ILACS, published 2026-07-15) provisional" in out
    assert "  the ILACS framework in force from April 2026 gives no overall effectiveness" in out
    row = next(line for line in out.splitlines() if line.startswith("2026-07-15"))
    assert "no overall grade" in row and row.endswith("provisional")
    assert "provisional: not yet in an official Ofsted release" in out
    full = ok(run("show", "north-testshire", "--full"))
    assert "[north-testshire-ilacs-2026-2026-07-15]  provisional" in full


def test_since_leaves_out_older_and_undated_records(run: Run) -> None:
    """--since YEAR leaves out older inspections, undated ones, and the statements about the
    inspections it leaves out."""
    everything = data(run("show", "redcastle", "--json"))
    assert "redcastle-unspecified-undated" in [i["id"] for i in everything["inspections"]]
    since = data(run("show", "redcastle", "--since", "2018", "--json"))
    assert [i["id"] for i in since["inspections"]] == ["redcastle-ilacs-standard-2018-11-20"]
    assert since["other_statements"] == []
    assert "quoted response" not in ok(run("show", "redcastle", "--since", "2018"))


def test_show_json(run: Run) -> None:
    """--json: the council, its rating in force, inspections with their statements, other
    statements, figures, sources and what the record covers."""
    result = data(run("show", "testshire", "--json"))
    assert result["council"]["id"] == "testshire"
    assert result["in_force"]["overall"] == "outstanding"
    assert result["links"]["ofsted_reports"].endswith("/500060")
    ilacs = next(i for i in result["inspections"] if i["id"].endswith("2019-05-20"))
    assert [s["id"] for s in ilacs["statements"]] == [
        "testshire-2019-05-leader",
        "testshire-2019-06-director",
    ]
    assert [s["id"] for s in result["other_statements"]] == ["testshire-2020-leader"]
    assert result["figures"][0]["value"] == 12
    assert set(result["sources"]) == {"release-2023", "test-news"}
    assert result["coverage"]["provisional_records"] == 2
    assert data(run("show", "kingsford", "--json"))["links"]["ofsted_reports"] is None


def test_show_function_directly(conn: sqlite3.Connection) -> None:
    """The query function takes today as an argument: a rating published later is not yet in
    force."""
    result = show(conn, "testshire", today="2020-01-01")
    assert result["in_force"]["inspection"] == "testshire-ilacs-standard-2019-05-20"
    assert result["in_force"]["as_of"] == "2020-01-01"
