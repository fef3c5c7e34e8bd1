"""Choosing councils: --region, --group and --council, each repeatable ("any of these"), and
together ("all of these"); filters that contradict each other are refused."""

from __future__ import annotations

import pytest

from tests.query.runner import Run, data, ok, usage


def _ids(run: Run, *args: str) -> list[str]:
    result = data(run("compare", "--as-of", "2022-01-01", *args, "--json"))
    return sorted([c["id"] for c in result["councils"]] + [c["id"] for c in result["unrated"]])


def test_repeated_region_means_any_of_them(run: Run) -> None:
    """--region A --region B lists the councils of either region."""
    assert _ids(run, "--region", "Test London") == ["hackley"]
    assert _ids(run, "--region", "Test South") == ["kingsford", "st-albury"]
    assert _ids(run, "--region", "test london", "--region", "TEST SOUTH") == [
        "hackley",
        "kingsford",
        "st-albury",
    ]


def test_repeated_group_and_council_mean_any_of_them(run: Run) -> None:
    """--group and --council, repeated, add councils; a group can hold a former council,
    which takes part while it existed."""
    assert _ids(run, "--group", "test-coast") == ["hackley", "redcastle", "testshire"]
    assert _ids(run, "--group", "Test Coast", "--group", "old-testshire-area") == [
        "hackley",
        "north-testshire",
        "redcastle",
        "south-testshire",
        "testshire",
    ]
    assert _ids(run, "--council", "kingsford", "--council", "E08000909") == [
        "kingsford",
        "st-albury",
    ]
    old = data(run("compare", "--as-of", "2020-01-01", "--group", "old-testshire-area", "--json"))
    assert [c["id"] for c in old["councils"]] == ["oldshire-former"]


def test_different_filters_mean_all_of_them(run: Run) -> None:
    """A region and a group together keep the councils in both."""
    assert _ids(run, "--region", "Test North", "--group", "test-coast") == [
        "redcastle",
        "testshire",
    ]
    assert _ids(
        run, "--region", "Test North", "--council", "hackley", "--council", "testshire"
    ) == ["testshire"]


@pytest.mark.parametrize(
    "args",
    [
        ("--region", "Test London", "--group", "old-testshire-area"),
        ("--region", "Test South", "--council", "testshire"),
        ("--group", "test-coast", "--council", "kingsford"),
    ],
)
def test_contradictory_filters_are_refused(run: Run, args: tuple[str, ...]) -> None:
    """Filters no council satisfies together are a usage error (exit 2), not an empty table."""
    message = usage(run("compare", "--year", "2019", *args))
    assert message.endswith("these filters contradict")
    assert message.startswith("no council is in all of ")


def test_contradiction_is_refused_by_every_command(run: Run) -> None:
    """councils, reports, trend and transitions refuse contradictory filters too."""
    clash = ("--region", "Test London", "--group", "old-testshire-area")
    for command in (["councils"], ["reports"], ["trend", "--to", "2024"], ["transitions"]):
        assert "these filters contradict" in usage(run(*command, *clash))


def test_a_filter_with_no_council_that_day_is_an_empty_answer(run: Run) -> None:
    """One filter with no council left on the day (the Old Testshire area before North and
    South Testshire were created, former councils not asked for) is an empty list, exit 0."""
    result = data(
        run("councils", "--group", "old-testshire-area", "--as-of", "2020-01-01", "--json")
    )
    assert result["councils"] == []
    assert sum(result["tally"].values()) == 0


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--region", "Atlantis"), "no region 'Atlantis'"),
        (("--region", "test"), "'test' matches several regions; regions: Test London; Test North"),
        (("--group", "nowhere"), "no group 'nowhere'; groups: old-testshire-area, test-coast"),
        (("--council", "Nowhere"), "no council matches 'Nowhere'"),
    ],
)
def test_unknown_region_group_or_council(run: Run, args: tuple[str, ...], message: str) -> None:
    """An unknown or ambiguous region, group or council: one line, exit 2."""
    assert message in usage(run("compare", "--year", "2019", *args))


def test_region_may_be_given_in_part(run: Run) -> None:
    """A part of one region's name is enough ('london')."""
    assert _ids(run, "--region", "london") == ["hackley"]


def test_scope_is_described_in_the_title(run: Run) -> None:
    """The title says which councils were chosen."""
    out = ok(run("compare", "--year", "2019", "--region", "Test South", "--region", "Test London"))
    assert out.startswith("Ratings in 2019, regions Test South or Test London (3 councils)")
    out = ok(run("compare", "--year", "2019", "--council", "testshire", "--group", "test-coast"))
    assert out.startswith("Ratings in 2019, group test-coast, 1 chosen council (1 council)")
