"""What every query command promises about its output: strict JSON with the tally and what
the record covers, CSV with a header row, and usage errors as one line with exit code 2."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.query import build
from tests.query.runner import Run, RunOn, data, ok, table, usage

TABLES = [
    ["compare", "--year", "2021"],
    ["compare", "--as-of", "2019-03-31"],
    ["compare", "--snapshot", "2025"],
    ["councils"],
    ["councils", "--snapshot", "2024"],
    ["reports", "--visits"],
    ["trend", "--to", "2026"],
    ["transitions"],
]


@pytest.mark.parametrize("command", TABLES, ids=" ".join)
def test_json_is_strict_and_says_what_the_record_covers(run: Run, command: list[str]) -> None:
    """--json is strict JSON (no NaN), with a `coverage` object naming the official release,
    its cut-off and the provisional records, on every table command."""
    result = data(run(*command, "--json"))
    assert result["coverage"]["official_cutoff"] == "2025-06-30"
    assert result["coverage"]["provisional_records"] == 2
    assert result["coverage"]["text"].startswith("Official record complete to reports")


@pytest.mark.parametrize(
    ("command", "printed", "path"),
    [
        (["councils"], "8 councils; rating in force on ", ("tally",)),
        (["reports", "--year", "2019"], "2 graded reports published in 2019: ", ("tally",)),
        (["compare", "--as-of", "2019-03-31"], "In force: ", ("summary", "in_force")),
        (["compare", "--year", "2021"], "31 December: ", ("summary", "end")),
    ],
)
def test_json_tally_is_the_printed_tally(
    run: Run, command: list[str], printed: str, path: tuple[str, ...]
) -> None:
    """The tally a command prints is an object of counts by grade in its --json."""
    result = data(run(*command, "--json"))
    for key in path:
        result = result[key]
    line = next(line for line in ok(run(*command)).splitlines() if line.startswith(printed))
    words = {
        "requires_improvement": "requires improvement",
        "no_overall_grade": "no overall grade",
        "none_in_force": "none in force",
    }
    expected = [f"{n} {words.get(k, k)}" for k, n in result.items() if n]
    assert line.split(": ", 1)[1].rstrip(".").split(", ") == expected


def test_trend_json_has_a_tally_per_year(run: Run) -> None:
    """Each year of the trend has a tally and shares of the same grades."""
    for year in data(run("trend", "--to", "2026", "--json"))["years"]:
        assert set(year["tally"]) == set(year["shares"])
        assert sum(year["tally"].values()) == year["councils"]


@pytest.mark.parametrize("command", TABLES, ids=" ".join)
def test_csv_has_a_header_row(run: Run, command: list[str]) -> None:
    """--csv parses with the csv module: a header row, then rows of the same width."""
    rows = table(run(*command, "--csv"))
    assert rows
    assert all(value.strip() == value for row in rows for value in row)


@pytest.mark.parametrize("command", TABLES, ids=" ".join)
def test_json_and_csv_together_are_refused(run: Run, command: list[str]) -> None:
    """--json with --csv is a usage error: one line, exit 2, nothing on stdout."""
    assert usage(run(*command, "--json", "--csv")) == "give one of --json and --csv"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["compare", "--year", "2008"], "--year 2008: the record begins in 2009"),
        (["compare", "--year", "2999"], "--year 2999 is in the future: use 2009 to "),
        (["compare", "--snapshot", "2008"], "--snapshot 2008: the record begins in 2009"),
        (["compare", "--snapshot", "2999"], "--snapshot 2999 is in the future"),
        (["compare", "--as-of", "2019-02-29"], "--as-of '2019-02-29' is impossible"),
        (["compare", "--as-of", "2019-13-01"], "--as-of '2019-13-01' is impossible"),
        (["compare", "--as-of", "31/03/2019"], "--as-of '31/03/2019' is not a date"),
        (["compare", "--as-of", "2999-01-01"], "--as-of 2999-01-01 is in the future"),
        (["compare"], "give exactly one of --year YEAR, --as-of YYYY-MM-DD or --snapshot YEAR"),
        (["compare", "--year", "2019", "--snapshot", "2019"], "(got --year and --snapshot)"),
        (["councils", "--as-of", "2020-01-01", "--snapshot", "2020"], "--as-of and --snapshot"),
        (["councils", "--as-of", "2020-02-30"], "--as-of '2020-02-30' is impossible"),
        (["councils", "--snapshot", "2008"], "the record begins in 2009"),
        (["councils", "--grade", "great"], "--grade: 'great' is not a grade; use one of "),
        (["councils", "--ever", "none_in_force"], "--ever: 'none_in_force' is not a grade"),
        (["councils", "--never", "excellent"], "--never: 'excellent' is not a grade"),
        (["reports", "--year", "2008"], "--year 2008: the record begins in 2009"),
        (["reports", "--year", "2999"], "--year 2999 is in the future"),
        (["reports", "--year", "2019", "--since", "2019"], "give --year, or --since/--until"),
        (["reports", "--since", "2020", "--until", "2019"], "--since 2020 is after --until 2019"),
        (["reports", "--since", "2019-02-30"], "--since '2019-02-30' is impossible"),
        (["reports", "--until", "May 2019"], "--until 'May 2019' is not a date"),
        (["reports", "--since", "2019-13"], "--since '2019-13' is impossible"),
        (["reports", "--framework", "inspection"], "--framework 'inspection' is not a framework"),
        (["reports", "--grade", "bad"], "--grade: 'bad' is not a grade"),
        (["trend", "--from", "2008"], "--from 2008: the record begins in 2009"),
        (["trend", "--to", "2999"], "--to 2999 is in the future"),
        (["transitions", "--from", "great"], "--from: 'great' is not a grade"),
        (["transitions", "--to", "great"], "--to: 'great' is not a grade"),
        (["transitions", "--since", "2019-02-30"], "--since '2019-02-30' is impossible"),
        (["transitions", "--since", "2021", "--until", "2020"], "--since 2021 is after --until"),
        (["show", "nowhere"], "no council matches 'nowhere'"),
        (["statements", "--since", "2019-02-30"], "--since '2019-02-30' is impossible"),
        (["statements", "--council", "nowhere"], "no council matches 'nowhere'"),
        (["statements", "--inspection", "nope"], "no inspection 'nope'"),
    ],
)
def test_usage_errors_are_one_line_exit_2(run: Run, args: list[str], message: str) -> None:
    """Bad, impossible or future dates, years before the record, contradictory options and
    unknown names: one line on stderr saying what is wrong, exit 2, no traceback."""
    assert message in usage(run(*args))


@pytest.mark.parametrize(
    "args",
    [["compare", "--year", "twenty"], ["show", "testshire", "--since", "last"], ["trend", "--to"]],
)
def test_malformed_options_are_usage_errors(run: Run, args: list[str]) -> None:
    """Options Click itself cannot parse exit 2 with its usage message and no traceback."""
    result = run(*args)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    assert "Error: " in result.stderr


def test_statements_json(run: Run) -> None:
    """`statements --json` is a list of statements with the council's name and the sources."""
    result = data(run("statements", "--council", "testshire", "--since", "2019-06", "--json"))
    assert [s["id"] for s in result] == ["testshire-2019-06-director", "testshire-2020-leader"]
    assert result[0]["council_name"] == "Testshire"
    assert result[0]["source_details"][0]["publisher"] == "Test Gazette"
    out = ok(run("statements", "--speaker", "Pat"))
    assert "re Oldshire" in out and out.rstrip().endswith("1 statement")


def test_data_with_no_official_release(tmp_path: Path, run_on: RunOn) -> None:
    """Data that records no official release says so where the coverage would be."""
    folder = build.write(
        tmp_path / "data",
        [
            build.council(
                "plainshire",
                "Plainshire",
                build.inspection(
                    "plainshire-sif-2016-01-12",
                    "sif",
                    "2016-01-12",
                    judgements={"overall_effectiveness": "good"},
                ),
            )
        ],
    )
    result = data(run_on(folder, "councils", "--json"))
    assert result["coverage"]["official_release"] is None
    assert result["coverage"]["text"] == "No official release is recorded in this data."
    assert (
        ok(run_on(folder, "councils"))
        .rstrip()
        .endswith("No official release is recorded in this data.")
    )


def test_csv_cells_cannot_run_as_formulas(tmp_path: Path, run_on: RunOn) -> None:
    """A value a spreadsheet would run as a formula (a name beginning with =, + or @) is
    written with a leading apostrophe."""
    folder = build.write(
        tmp_path / "data",
        [
            build.council("sumshire", "=SUM(A1:A9)", region="+Region"),
            build.council("atshire", "@Atshire"),
        ],
    )
    rows = {r["council_id"]: r for r in table(run_on(folder, "councils", "--csv"))}
    assert rows["sumshire"]["council"] == "'=SUM(A1:A9)"
    assert rows["sumshire"]["region"] == "'+Region"
    assert rows["atshire"]["council"] == "'@Atshire"
