"""Build small workbooks in each known layout, from the layouts' own header specs."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from pathlib import Path

from ofsted_cli.official import layout_csc as csc
from ofsted_cli.official import layout_outcomes as outcomes
from ofsted_cli.official.sheets import Table
from tests.ods import Cell, write_ods

D = dt.date
RI = "Requires improvement to be good"


def table(
    spec: Table, rows: Sequence[Mapping[str, Cell]], order: Sequence[str] | None = None
) -> list[list[Cell]]:
    """A header row in *order* (default: the spec's) and one row per mapping (field -> cell)."""
    fields = list(order or spec.columns)
    out: list[list[Cell]] = [[spec.texts(f)[0] for f in fields]]
    out += [[row.get(f, "") for f in fields] for row in rows]
    return out


def cover(title: str, published: str, period: str) -> list[list[Cell]]:
    return [
        [title, ""],
        ["Section", "Detail"],
        ["Published on:", published],
        ["Period covered:", period],
    ]


def outcomes_2025(
    path: Path,
    history: Sequence[Mapping[str, Cell]],
    in_year: Sequence[Mapping[str, Cell]] = (),
    *,
    year: int = 2025,
    published: str = "2025-09-25 00:00:00",
    order: Sequence[str] | None = None,
    sheet: str = "ILACS_inspection_history",
) -> Path:
    """A workbook in the 2025 layout ("as at 31 March" *year*)."""
    title = f"Local authority inspection outcomes as at 31 March {year}"
    return write_ods(
        path,
        {
            "Cover": cover(
                title,
                published,
                f"Inspections as at 31 March {year}, with a report published by 30 June {year}",
            ),
            sheet: [
                ["ILACS inspection history"],
                ["note"],
                *table(outcomes.HISTORY_2025, history, order),
            ],
            "In-year_inspections": [["In year"], ["note"], *table(outcomes.IN_YEAR_2025, in_year)],
        },
    )


def history_2025(
    name: str,
    code: str,
    start: D,
    published: D,
    kind: str,
    *grades: str,
    status: str = "Current",
    region: str = "North West",
) -> dict[str, Cell]:
    """One row of the 2025 history: the five grades in order (blank care leavers before 2023)."""
    areas = (
        "overall_effectiveness",
        "leadership",
        "help_and_protection",
        "children_in_care",
        "care_leavers",
    )
    return {
        "code": code,
        "name": name,
        "status": status,
        "region": region,
        "start": start,
        "published": published,
        "type": kind,
        **dict(zip(areas, grades, strict=False)),
    }


def outcomes_2024(
    path: Path,
    history: Sequence[Mapping[str, Cell]],
    former: Sequence[Mapping[str, Cell]] = (),
    in_year: Sequence[Mapping[str, Cell]] = (),
) -> Path:
    """A workbook in the 2024 layout (wide history, former councils, in-year)."""
    title = "Local authority inspection outcomes as at 31 March 2024"
    return write_ods(
        path,
        {
            "Cover": cover(
                title,
                "2024-08-30 00:00:00",
                "Inspections as at 31 March 2024, with a report published by 30 June 2024",
            ),
            "ILACS_inspections_2018-2024": [
                ["ILACS inspections 2018-2024"],
                *table(outcomes.HISTORY_2024, history),
                [""],
                ["ILACS inspections of local authorities that existed before the restructure"],
                *table(outcomes.HISTORY_2024_FORMER, former),
            ],
            "Inspections_in_year_2023-24": [["t"], ["n"], *table(outcomes.IN_YEAR_2024, in_year)],
        },
    )


def csc_2023(
    path: Path,
    current: Sequence[Mapping[str, Cell]],
    former: Sequence[Mapping[str, Cell]] = (),
    in_year: Sequence[Mapping[str, Cell]] = (),
) -> Path:
    """A workbook in the 2023 underlying-data layout."""
    return write_ods(
        path,
        {
            "Cover": [
                ["Cover sheet - Official statistics", ""],
                ["Section", "Detail"],
                ["Policy area:", "Children's social care data in England 2023"],
                ["Published on:", "2023-07-06 00:00:00"],
                [
                    "Period covered - Inspection outcomes for local authority children's services "
                    "inspections:",
                    "As at 31 March 2023, published by 30 April 2023",
                ],
            ],
            "LA_inspections_2009-2023": [
                ["title"],
                ["n"],
                *table(csc.HISTORY, current),
                [""],
                [
                    "Table 11:History of inspections of local authorities that existed before the "
                    "restructure"
                ],
                *table(csc.HISTORY_FORMER, former),
            ],
            "LA_level_in_year_2022-23": [["t"], ["n"], *table(csc.IN_YEAR, in_year)],
        },
    )


def wide(name: str, region: str = "North West", **cells: Cell) -> dict[str, Cell]:
    """A row of the 2023 wide sheet: header text (or field) -> cell."""
    return {"name": name, "region": region, **cells}


# Wirral's ILACS inspections of 2019 and 2024 as rows of the 2025 history sheet.
WIRRAL_2019 = history_2025(
    "Wirral",
    "E08000015",
    D(2019, 6, 17),
    D(2019, 7, 29),
    "ILACS Standard Inspection",
    RI,
    "Good",
    RI,
    RI,
    "",
)
WIRRAL_2024 = history_2025(
    "Wirral",
    "E08000015",
    D(2023, 9, 18),
    D(2024, 2, 2),
    "ILACS Standard Inspection",
    RI,
    RI,
    RI,
    RI,
    "Good",
)
