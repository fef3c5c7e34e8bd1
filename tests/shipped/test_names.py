"""Council names as people write them, on the shipped data: abbreviations, ONS style,
'&', and the real places that share a name."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator

import pytest

from ofsted_cli.errors import UsageError
from ofsted_cli.query.names import resolve
from ofsted_cli.store import cache
from ofsted_cli.vocab.names import ABBREVIATIONS, spoken
from tests.conftest import DATA


@pytest.fixture(scope="module")
def conn(tmp_path_factory: pytest.TempPathFactory) -> Iterator[sqlite3.Connection]:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("OFSTED_CACHE_DIR", str(tmp_path_factory.mktemp("names-store")))
        connection = cache.open_store(DATA)
    yield connection
    connection.close()


@pytest.mark.parametrize(
    ("typed", "council"),
    [
        ("Notts", "nottinghamshire"),
        ("Herts", "hertfordshire"),
        ("Staffs", "staffordshire"),
        ("Northants", "northamptonshire-former"),  # the county, abolished in 2021
        ("BCP", "bournemouth-christchurch-and-poole"),
        ("Bournemouth, Christchurch & Poole Council", "bournemouth-christchurch-and-poole"),
        ("Herefordshire, County of", "herefordshire"),
        ("Bristol, City of", "bristol"),
        ("City of Bristol", "bristol"),
        ("Kingston upon Hull, City of", "kingston-upon-hull"),
        ("London Borough of Hackney", "hackney"),
        ("Royal Borough of Kensington and Chelsea", "kensington-and-chelsea"),
        ("Durham County Council", "durham"),
        ("Wirral Metropolitan Borough Council", "wirral"),
        ("Saint Helens", "st-helens"),
        ("Dorset", "dorset"),  # today's council, not the county abolished in 2019
        ("dorset-former", "dorset-former"),
    ],
)
def test_common_forms_of_real_names(conn: sqlite3.Connection, typed: str, council: str) -> None:
    """Abbreviations, ONS-style 'X, City of', '&', prefixes and suffixes find the council; a
    name a current and a former council share means the current one."""
    assert resolve(conn, typed) == council


@pytest.mark.parametrize(
    "abbreviation",
    list(ABBREVIATIONS),
)
def test_every_abbreviation(conn: sqlite3.Connection, abbreviation: str) -> None:
    """Each county abbreviation in common use ('Notts', 'Herts', 'BCP') finds the council
    of that name, in any case."""
    found = resolve(conn, abbreviation.title())
    name = conn.execute("SELECT name FROM councils WHERE id = ?", (found,)).fetchone()[0]
    assert spoken(name) == ABBREVIATIONS[abbreviation]


def test_beds_lists_the_councils_that_serve_bedfordshire(conn: sqlite3.Connection) -> None:
    """'Beds' (Bedfordshire, whose county council went in 2009) lists Bedford, Central
    Bedfordshire and Luton, and asks for one of them."""
    with pytest.raises(UsageError) as e:
        resolve(conn, "Beds")
    message = str(e.value)
    for cid in ("bedford", "central-bedfordshire", "luton"):
        assert f"({cid})" in message
    assert "several councils now serve" in message


def test_richmond_lists_both_councils(conn: sqlite3.Connection) -> None:
    """'Richmond' is the London borough or the North Yorkshire town: both are offered, and the
    note says which one serves the town."""
    with pytest.raises(UsageError) as e:
        resolve(conn, "Richmond")
    assert str(e.value) == (
        "'Richmond' could mean several councils: North Yorkshire (north-yorkshire, which "
        "serves Richmond in North Yorkshire); Richmond upon Thames (richmond-upon-thames); "
        "give one of these ids"
    )


def test_mistyped_code_on_shipped_data(conn: sqlite3.Connection) -> None:
    """A mistyped ONS code (a digit missing) suggests the nearest codes with their councils."""
    with pytest.raises(UsageError, match=r"did you mean E08000015 \(Wirral\)"):
        resolve(conn, "E0800015")
