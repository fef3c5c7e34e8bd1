"""Each layout's reader: tables found by their headers, wherever they are; releases by cover."""

from __future__ import annotations

from pathlib import Path

import pytest

from ofsted_cli.errors import ImportFormatError
from ofsted_cli.official import editions, layout_csc
from ofsted_cli.official import layout_outcomes as outcomes
from tests.ods import write_ods
from tests.official.builders import (
    RI,
    WIRRAL_2019,
    D,
    csc_2023,
    outcomes_2024,
    outcomes_2025,
)


def test_2025_layout(tmp_path: Path) -> None:
    """The 2025 history and in-year tables become rows with both dates, grades and theme."""
    f = outcomes_2025(
        tmp_path / "a.ods",
        [WIRRAL_2019],
        [
            {
                "code": "E08000015",
                "name": "Wirral",
                "region": "North West",
                "start": D(2024, 9, 17),
                "published": D(2024, 10, 17),
                "type": "ILACS Focused Visit",
                "theme": "Care leavers",
            }
        ],
    )
    release, rows = editions.read(f)
    assert (release.id, release.published, release.cutoff) == (
        "ofsted-la-outcomes-2025",
        "2025-09-25",
        "2025-06-30",
    )
    assert release.url and release.url.endswith("as-at-31-march-2025")
    ilacs, visit = rows
    assert (ilacs.framework, ilacs.start, ilacs.published, ilacs.ons_code) == (
        "ilacs_standard",
        "2019-06-17",
        "2019-07-29",
        "E08000015",
    )
    assert ilacs.judgements == {
        "overall_effectiveness": "requires_improvement",
        "leadership": "good",
        "help_and_protection": "requires_improvement",
        "children_in_care_and_care_leavers": "requires_improvement",
    }
    assert ilacs.where == (
        "Local authority inspection outcomes as at 31 March 2025, sheet "
        "ILACS_inspection_history row 4"
    )
    assert (visit.framework, visit.theme, visit.judgements) == (
        "ilacs_focused_visit",
        "Care leavers",
        {},
    )


def test_moved_columns_and_renamed_sheet_are_read(tmp_path: Path) -> None:
    """A release whose known headers sit in other columns, under another sheet name, reads the
    same: a new edition needs no new code."""
    plain = editions.read(outcomes_2025(tmp_path / "a.ods", [WIRRAL_2019]))[1]
    order = list(reversed(list(outcomes.HISTORY_2025.columns)))
    moved = editions.read(
        outcomes_2025(
            tmp_path / "b.ods",
            [WIRRAL_2019],
            order=order,
            sheet="Sheet 7",
            year=2026,
            published="2026-09-24 00:00:00",
        )
    )
    release, rows = moved
    assert release.id == "ofsted-la-outcomes-2026"
    assert release.title == "Local authority inspection outcomes as at 31 March 2026"
    assert release.url is None and release.notes
    assert [(r.framework, r.start, r.published, r.judgements) for r in rows] == [
        (r.framework, r.start, r.published, r.judgements) for r in plain
    ]
    assert "sheet Sheet 7 row 4" in rows[0].where


def test_unknown_headers_are_refused_with_expected_and_found(tmp_path: Path) -> None:
    """A table missing a known header is refused, naming what is missing and where."""
    f = outcomes_2025(tmp_path / "a.ods", [WIRRAL_2019])
    sheets = editions.workbook(f)
    rows = [list(r) for r in sheets["ILACS_inspection_history"]]
    rows[2][rows[2].index("Publication date")] = "Date of publication"
    bad = write_ods(tmp_path / "bad.ods", {**sheets, "ILACS_inspection_history": rows})
    with pytest.raises(ImportFormatError) as e:
        editions.read(bad)
    message = str(e.value)
    assert "not a known layout" in message
    assert "nearest known layout is inspection outcomes (ILACS history by inspection)" in message
    assert (
        "table 'ILACS history, one row per inspection': nearest is sheet "
        "'ILACS_inspection_history' row 3, which lacks 'Publication date'"
    ) in message


def test_not_a_workbook_is_refused(tmp_path: Path) -> None:
    """A file that is no spreadsheet says so."""
    f = tmp_path / "x.ods"
    f.write_bytes(b"\x00\x01 not a zip")
    with pytest.raises(ImportFormatError, match="cannot be read as a spreadsheet"):
        editions.read(f)


def test_unknown_grade_and_type_are_refused(tmp_path: Path) -> None:
    """A grade or inspection type the importer does not know stops the import."""
    row = dict(WIRRAL_2019, care_leavers="Excellent")
    with pytest.raises(ImportFormatError, match="unknown grade 'Excellent'"):
        editions.read(outcomes_2025(tmp_path / "a.ods", [row]))
    row = dict(WIRRAL_2019, type="ILACS Long Inspection")
    with pytest.raises(ImportFormatError, match="unknown inspection type"):
        editions.read(outcomes_2025(tmp_path / "b.ods", [row]))
    row = dict(WIRRAL_2019, status="Merged")
    with pytest.raises(ImportFormatError, match="unknown status 'Merged'"):
        editions.read(outcomes_2025(tmp_path / "c.ods", [row]))
    row = dict(WIRRAL_2019, start="soon")
    with pytest.raises(ImportFormatError, match="expected a date, found 'soon'"):
        editions.read(outcomes_2025(tmp_path / "d.ods", [row]))


def test_2024_layout(tmp_path: Path) -> None:
    """The wide 2024 history gives first and second inspections; in-year rows give the first
    day of the matching inspection; former councils are marked."""
    first, second = "First", "Second"
    f = outcomes_2024(
        tmp_path / "a.ods",
        [
            {
                "name": "Wirral",
                "region": "North West",
                f"{first} published": D(2019, 7, 29),
                f"{first} type": "ILACS Standard Inspection",
                f"{first} overall_effectiveness": RI,
                f"{first} leadership": "Good",
                f"{first} help_and_protection": RI,
                f"{first} children_in_care": RI,
                f"{second} published": D(2024, 2, 2),
                f"{second} type": "ILACS Standard Inspection",
                f"{second} overall_effectiveness": RI,
                f"{second} leadership": RI,
                f"{second} help_and_protection": RI,
                f"{second} children_in_care": RI,
                f"{second} care_leavers": "Good",
            }
        ],
        [
            {
                "name": "Northamptonshire",
                "region": "East Midlands",
                "published": D(2019, 7, 29),
                "type": "ILACS Standard Inspection",
                "overall_effectiveness": "Inadequate",
                "children_in_care_and_care_leavers": "Inadequate",
            }
        ],
        [
            {
                "name": "Wirral",
                "region": "North West",
                "start": D(2023, 9, 18),
                "type": "ILACS Standard Inspection",
                "overall_effectiveness": RI,
                "leadership": RI,
                "help_and_protection": RI,
                "children_in_care": RI,
                "care_leavers": "Good",
            },
            {
                "name": "Wirral",
                "region": "North West",
                "start": D(2023, 11, 1),
                "type": "LA Monitoring visit",
                "theme": "Care leavers",
            },
        ],
    )
    release, rows = editions.read(f)
    assert (release.id, release.cutoff) == ("ofsted-la-outcomes-2024", "2024-06-30")
    by = {(r.council_name, r.published or r.start): r for r in rows}
    assert by["Wirral", "2019-07-29"].judgements["children_in_care_and_care_leavers"] == (
        "requires_improvement"
    )
    second_row = by["Wirral", "2024-02-02"]
    assert second_row.start == "2023-09-18"
    assert "first day on site: sheet Inspections_in_year_2023-24 row 4" in second_row.where
    assert by["Wirral", "2023-11-01"].framework == "ilacs_monitoring_visit"
    north = by["Northamptonshire", "2019-07-29"]
    assert north.former and north.judgements == {
        "overall_effectiveness": "inadequate",
        "children_in_care_and_care_leavers": "inadequate",
    }


def test_2023_layout(tmp_path: Path) -> None:
    """The wide 2009-2023 sheet gives each framework's row; in-year visits keep their day."""
    sif = layout_csc.GROUPS[6]
    f = csc_2023(
        tmp_path / "a.ods",
        [
            {
                "name": "Wirral",
                "region": "North West",
                layout_csc.GROUPS[0][1]: D(2011, 3, 11),
                **dict.fromkeys(layout_csc.GROUPS[0][2].values(), "Good"),
                sif[1]: D(2016, 9, 20),
                **dict.fromkeys(sif[2].values(), "Inadequate"),
                "1 type": "ILACS Standard Inspection",
                "1 published": D(2019, 7, 29),
                "1 overall_effectiveness": RI,
                "1 leadership": "Good",
                "1 help_and_protection": RI,
                "1 children_in_care_and_care_leavers": RI,
            }
        ],
        [
            {
                "name": "Dorset",
                "region": "South West",
                layout_csc.GROUPS[3][1]: D(2011, 10, 28),
                layout_csc.GROUPS[3][2]["overall_effectiveness"]: "Adequate",
            }
        ],
        [
            {
                "name": "St Helens",
                "region": "North West",
                "start": D(2022, 7, 27),
                "type": "LA Monitoring visit",
                "theme": "Achieving permanence",
            }
        ],
    )
    release, rows = editions.read(f)
    assert (release.id, release.title, release.cutoff) == (
        "ofsted-csc-data-2023",
        "Children's social care data in England 2023 (underlying data)",
        "2023-04-30",
    )
    frameworks = sorted((r.council_name, r.framework) for r in rows)
    assert frameworks == [
        ("Dorset", "cpi"),
        ("St Helens", "ilacs_monitoring_visit"),
        ("Wirral", "ilacs_standard"),
        ("Wirral", "sif"),
        ("Wirral", "slac"),
    ]
    by = {r.framework: r for r in rows}
    assert by["sif"].judgements["lscb"] == "inadequate"
    assert by["cpi"].former and by["cpi"].judgements == {"overall_effectiveness": "adequate"}
    assert by["ilacs_monitoring_visit"].start == "2022-07-27"
    assert by["ilacs_monitoring_visit"].theme == "Achieving permanence"


def test_cover_without_title_is_refused(tmp_path: Path) -> None:
    """A 2023-layout workbook whose cover lacks the policy area cannot be named."""
    f = csc_2023(tmp_path / "a.ods", [{"name": "Wirral", "region": "North West"}])
    sheets = editions.workbook(f)
    bad = write_ods(tmp_path / "b.ods", {**sheets, "Cover": [["Cover sheet"]]})
    with pytest.raises(ImportFormatError, match="cover sheet has no 'policy area'"):
        editions.read(bad)
