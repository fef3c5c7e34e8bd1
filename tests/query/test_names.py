"""Finding a council by what people type: ids, names in every common form, codes; ambiguous
names list the candidates and unknown ones get suggestions, exit 2."""

from __future__ import annotations

import sqlite3

import pytest

from ofsted_cli.errors import UsageError
from ofsted_cli.query.names import resolve
from ofsted_cli.vocab.names import _PREFIXES, _SUFFIXES
from tests.query.runner import Run, data, usage


@pytest.mark.parametrize(
    ("typed", "council"),
    [
        ("testshire", "testshire"),  # the id
        ("TESTSHIRE", "testshire"),  # any case
        ("Testshire County Council", "testshire"),  # an other name
        ("Testshire Council", "testshire"),  # 'X Council'
        ("the testshire county council", "testshire"),
        ("St. Albury", "st-albury"),
        ("st-albury", "st-albury"),
        ("St Albury", "st-albury"),
        ("Saint Albury", "st-albury"),  # 'Saint'
        ("St Albury Metropolitan Borough Council", "st-albury"),
        ("London Borough of Hackley", "hackley"),  # an other name
        ("Royal Borough of Hackley", "hackley"),  # a prefix
        ("Hackley, London Borough of", "hackley"),  # ONS style, a prefix after the comma
        ("Kingsford, City of", "kingsford"),  # ONS style, an other name
        ("City of Kingsford", "kingsford"),
        ("Kingsford City Council", "kingsford"),
        ("City of Redcastle", "redcastle-city"),
        ("Redcastle", "redcastle"),  # a name exactly beats a shared place name
        ("Oldshire", "oldshire-former"),  # only a former council has the name
        ("oldshire-former", "oldshire-former"),
        ("South", "south-testshire"),  # the start of one council's name
        ("E10000910", "testshire"),  # ONS code
        ("e10000910", "testshire"),
        ("960", "testshire"),  # DfE LA number
        ("500060", "testshire"),  # Ofsted URN
        (" 956 ", "redcastle"),
    ],
)
def test_every_form_of_a_name_finds_the_council(
    conn: sqlite3.Connection, typed: str, council: str
) -> None:
    """A council is found by its id, any of its names in the forms people write them, or a
    code, in any case and punctuation."""
    assert resolve(conn, typed) == council


@pytest.mark.parametrize("prefix", _PREFIXES)
def test_every_prefix_people_write(conn: sqlite3.Connection, prefix: str) -> None:
    """Each way of writing a council's name before the place ('London Borough of', 'City
    of', 'Council of the', ...) finds it, and so does the ONS order ('Testshire, County of')."""
    assert resolve(conn, f"{prefix.title()} Testshire") == "testshire"
    assert resolve(conn, f"Testshire, {prefix.title()}") == "testshire"


@pytest.mark.parametrize("suffix", _SUFFIXES)
def test_every_suffix_people_write(conn: sqlite3.Connection, suffix: str) -> None:
    """Each way of writing a council's name after the place ('Council', 'County Council',
    'MBC', ...) finds it."""
    assert resolve(conn, f"St Albury {suffix.upper()}") == "st-albury"
    assert resolve(conn, f"Saint Albury {suffix}") == "st-albury"


def test_show_finds_a_council_by_a_long_name(run: Run) -> None:
    """`show` takes the name as people write it."""
    assert data(run("show", "London Borough of Hackley", "--json"))["council"]["id"] == "hackley"


def test_ambiguous_name_lists_the_candidates(run: Run) -> None:
    """'Redcastle Council' could be Redcastle or Redcastle City (the City of Redcastle): both
    are listed with their ids, exit 2."""
    message = usage(run("show", "Redcastle Council"))
    assert message == (
        "'Redcastle Council' could mean several councils: Redcastle (redcastle); "
        "Redcastle City (redcastle-city); give one of these ids"
    )


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        (
            "E10000911",
            "no council has the code 'E10000911'; did you mean E10000910 (Testshire)",
        ),
        ("961", "no council has the code '961'; did you mean 960 (Testshire)"),
        ("Testshir", "no council matches 'Testshir'; did you mean "),
        ("Redcstle", "no council matches 'Redcstle'; did you mean 'Redcastle'"),
    ],
)
def test_mistyped_name_or_code_gets_suggestions(run: Run, typed: str, message: str) -> None:
    """A mistyped code suggests codes, a mistyped name suggests names; exit 2."""
    assert usage(run("show", typed)).startswith(message)


def test_mistyped_code_says_what_codes_are(run: Run) -> None:
    """An unknown code with nothing close says which codes are meant."""
    assert usage(run("show", "E99999999")) == (
        "no council has the code 'E99999999' (codes are ONS area codes, DfE LA numbers and "
        "Ofsted URNs; `ofsted councils --csv` lists them)"
    )


def test_unknown_name_with_nothing_close(run: Run) -> None:
    """A name like no council's: no suggestion, where to find the list."""
    assert usage(run("show", "Zzzz")) == "no council matches 'Zzzz' (`ofsted councils` lists them)"


def test_a_town_no_council_here_is_named_after_is_unknown(conn: sqlite3.Connection) -> None:
    """'Richmond' (a town with a namesake council) in data holding neither North Yorkshire nor
    a Richmond council is simply unknown, not 'several councils' with none listed."""
    with pytest.raises(UsageError, match=r"^no council matches 'Richmond'"):
        resolve(conn, "Richmond")


@pytest.mark.parametrize("command", [["compare", "--year", "2019"], ["reports"], ["transitions"]])
def test_council_filters_use_the_same_names(run: Run, command: list[str]) -> None:
    """--council takes any form of a name, and refuses an ambiguous one."""
    usage(run(*command, "--council", "Redcastle Council"))
    assert "could mean several councils" in run(*command, "--council", "Redcastle Council").stderr
    assert run(*command, "--council", "Saint Albury", "--json").exit_code == 0
