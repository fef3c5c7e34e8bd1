"""Partial dates keep their precision and compare by their bounds."""

from __future__ import annotations

import datetime as dt

import pytest

from ofsted_cli.vocab import dates


@pytest.mark.parametrize(
    ("value", "text", "precision"),
    [
        (dt.date(2016, 9, 20), "2016-09-20", "day"),
        ("2016-09", "2016-09", "month"),
        ("2016", "2016", "year"),
        (2016, "2016", "year"),
    ],
)
def test_parse_keeps_precision(value: object, text: str, precision: str) -> None:
    """It keeps a date at the precision it was given."""
    assert dates.parse(value) == text
    assert dates.precision(text) == precision


@pytest.mark.parametrize("value", ["2016-13", "2016-02-30", "16-09", True, 12.5, "Sept 2016"])
def test_parse_rejects(value: object) -> None:
    """It rejects what is not a calendar date at some precision."""
    with pytest.raises(ValueError):
        dates.parse(value)


def test_bounds() -> None:
    """A month means its first to its last day."""
    assert dates.earliest("2016-02") == dt.date(2016, 2, 1)
    assert dates.latest("2016-02") == dt.date(2016, 2, 29)
    assert dates.latest("2016") == dt.date(2016, 12, 31)
    assert dates.definitely_before("2016-06-30", "2016-07")
    assert not dates.definitely_before("2016-07", "2016-07-15")
