"""A layout: the tables one family of Ofsted's releases holds, and how to read their rows."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from ofsted_cli.official.releases import Release, Row
from ofsted_cli.official.sheets import Cells, Found, Table, cell_grade

CIC, CL, CICL = "children_in_care", "care_leavers", "children_in_care_and_care_leavers"
REGION = ("Ofsted region", "Region", "LA region")
"""Each edition names the region column differently."""


@dataclass(frozen=True)
class Layout:
    """A family of releases that share table headers (one reader for all its editions)."""

    name: str
    tables: tuple[Table, ...]
    read: Callable[[Mapping[str, list[Found]], Release], list[Row]]
    title: Callable[[Mapping[str, str]], str]
    """The release title from the cover sheet's fields."""
    release_id: Callable[[str], str]
    """The source id of a release from its title."""


def grades(
    found: Found, cells: Cells, areas: Mapping[str, str], where: str, *, split: bool = True
) -> dict[str, str]:
    """Judgements from the *areas* (area -> field) of one row.

    ILACS: with *split*, a blank care-leavers cell beside a children-in-care grade means the
    joint judgement of reports before 2023 (Ofsted leaves that column blank for them).
    """
    values = {area: cell_grade(found.get(cells, name), where) for area, name in areas.items()}
    out = {a: g for a, g in values.items() if g and a not in (CIC, CL)}
    cic, cl = values.get(CIC), values.get(CL)
    if split and CIC in areas and cl is None and cic is not None:
        out[CICL] = cic
    else:
        out.update({a: g for a, g in ((CIC, cic), (CL, cl)) if g})
    return out
