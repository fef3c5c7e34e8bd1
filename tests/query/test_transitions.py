"""`ofsted transitions` on the fixture data: each council's consecutive whole-service
inspections as pairs, the months between them, the from-to matrix, and the filters."""

from __future__ import annotations

import sqlite3

import pytest

from ofsted_cli.query.scope import Scope
from ofsted_cli.query.transitions import transitions
from tests.query.runner import Run, data, ok, table

ALL = [
    # (council, from, to, the later report's publication, months between the reports)
    ("marshland-former", "inadequate", "requires_improvement", "2016-02", 13),
    ("redcastle", "inadequate", "good", "2018-11-20", 29),
    ("testshire", "requires_improvement", "good", "2019-05-20", 50),
    ("oldshire-former", "inadequate", "requires_improvement", "2019-10-01", 58),
    ("testshire", "good", "outstanding", "2023-02-14", 44),
    ("redcastle-city", "requires_improvement", "good", "2024-05-07", 87),
    ("st-albury", "good", "outstanding", "2024-06-03", 52),
    ("kingsford", "good", "outstanding", "2025-07-08", 104),
    ("hackley", "inadequate", "requires_improvement", "2025-08-12", 46),
    ("north-testshire", "good", "no_overall_grade", "2026-07-15", 38),
]


def _pairs(run: Run, *args: str) -> list[tuple[str, str, str, str, int]]:
    result = data(run("transitions", *args, "--json"))
    return [
        (p["council_id"], p["from_grade"], p["to_grade"], p["to"]["published"], p["months"])
        for p in result["transitions"]
    ]


def test_every_pair_in_order_with_months(run: Run) -> None:
    """Each council's consecutive whole-service inspections (SIF, re-inspection, ILACS; not
    SLAC, not visits), ordered by the later report, with whole months between the reports."""
    assert _pairs(run) == ALL


def test_matrix(run: Run) -> None:
    """The matrix counts the pairs from each grade to each grade."""
    matrix = data(run("transitions", "--json"))["matrix"]
    assert matrix["inadequate"]["requires_improvement"] == 3
    assert matrix["inadequate"]["good"] == 1
    assert matrix["requires_improvement"]["good"] == 2
    assert matrix["good"]["outstanding"] == 3
    assert matrix["good"]["no_overall_grade"] == 1
    assert sum(n for row in matrix.values() for n in row.values()) == len(ALL)


def test_text_table_and_matrix(run: Run) -> None:
    """The text lists the pairs, marks a provisional later report, and ends with the matrix
    of the grades used."""
    out = ok(run("transitions"))
    lines = out.splitlines()
    assert lines[1].startswith("Marshland ")
    assert "Requires improvement (SIF re-insp., 2016-02)" in lines[1]
    hackley = next(line for line in lines if line.startswith("Hackley"))
    assert "Requires improvement (ILACS, 2025-08-12) provisional" in hackley
    assert hackley.endswith("  46")
    assert "10 transitions between consecutive whole-service inspections." in out
    matrix = lines[next(i for i, line in enumerate(lines) if line.startswith("From \\ to")) :]
    assert matrix[0].split()[3:] == ["Outstanding", "Good", "Requires", "improvement"] + [
        "Inadequate",
        "no",
        "overall",
        "grade",
    ]
    assert matrix[2].split() == ["Good", "3", "·", "·", "·", "1"]
    assert matrix[4].split() == ["Inadequate", "·", "1", "3", "·", "·"]


@pytest.mark.parametrize(
    ("args", "councils"),
    [
        (("--from", "inadequate", "--to", "good"), ["redcastle"]),
        (("--from", "I", "--to", "G"), ["redcastle"]),
        (
            ("--from", "good", "--from", "requires improvement"),
            [
                "testshire",
                "testshire",
                "redcastle-city",
                "st-albury",
                "kingsford",
                "north-testshire",
            ],
        ),
        (
            ("--to", "outstanding", "--to", "good"),
            [c for c, _, t, _, _ in ALL if t in ("outstanding", "good")],
        ),
        (("--to", "no_overall_grade"), ["north-testshire"]),
        (
            ("--from", "inadequate", "--until", "2025-06-30"),
            ["marshland-former", "redcastle", "oldshire-former"],
        ),
        (("--since", "2024", "--until", "2024"), ["redcastle-city", "st-albury"]),
        (("--since", "2025-07-08"), ["kingsford", "hackley", "north-testshire"]),
        (("--region", "Test South"), ["st-albury", "kingsford"]),
        (
            ("--council", "testshire", "--council", "Kingsford"),
            ["testshire", "testshire", "kingsford"],
        ),
    ],
)
def test_filters(run: Run, args: tuple[str, ...], councils: list[str]) -> None:
    """--from and --to keep pairs from (to) any of the grades given; --since and --until
    filter on the later report's publication; region and council filters apply."""
    assert [p[0] for p in _pairs(run, *args)] == councils


def test_since_counts_a_report_known_to_the_month(run: Run) -> None:
    """A later report published in February 2016 (the day unknown) is in --since 2016-02 and
    in --since 2016-02-10: the month overlaps the period, as in `reports`."""
    assert [p[0] for p in _pairs(run, "--since", "2016-02", "--until", "2016")] == [
        "marshland-former"
    ]
    assert [p[0] for p in _pairs(run, "--since", "2016-02-10", "--until", "2016")] == [
        "marshland-former"
    ]
    reports = data(run("reports", "--since", "2016-02-10", "--until", "2016", "--json"))
    assert "marshland-sif-reinspection-2016-02" in [r["inspection"] for r in reports["reports"]]


def test_no_transition(run: Run) -> None:
    """Filters no pair meets: an empty list, a count of 0 and no matrix; exit 0."""
    out = ok(run("transitions", "--from", "outstanding"))
    assert out.startswith("0 transitions between consecutive whole-service inspections.")
    assert "From \\ to" not in out


def test_transitions_csv(run: Run) -> None:
    """--csv: a header row and a row per pair."""
    rows = table(run("transitions", "--csv"))
    assert len(rows) == len(ALL)
    assert rows[-1] == {
        "council_id": "north-testshire",
        "council": "North Testshire",
        "from_grade": "good",
        "from_framework": "ilacs_standard",
        "from_published": "2023-05-15",
        "to_grade": "no_overall_grade",
        "to_framework": "ilacs_2026",
        "to_published": "2026-07-15",
        "to_provisional": "true",
        "months": "38",
    }


def test_transitions_function_directly(conn: sqlite3.Connection) -> None:
    """The query function answers without the CLI and echoes its filters."""
    result = transitions(conn, Scope(groups=("test-coast",)), from_grades=("inadequate",))
    assert [p["council_id"] for p in result["transitions"]] == ["redcastle", "hackley"]
    assert result["filters"]["scope"] == "group test-coast"
    assert result["filters"]["from"] == ["inadequate"]
