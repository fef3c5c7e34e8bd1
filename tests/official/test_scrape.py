"""The report scrape: provisional records and report links only, every contradiction listed."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import pytest
import yaml

from ofsted_cli.dataset import pipeline
from ofsted_cli.errors import ImportFormatError
from ofsted_cli.official import importer, scrape
from tests.official.builders import RI, WIRRAL_2024, D, history_2025, outcomes_2025

LOOKUP = (
    "urn,la_code,la_code_new,local_authority_ons_name,also_known_as,ltla23cd\n"
    "80512,344,E08000015,Wirral,,E08000015\n"
    "99999,999,,Oldshire,,E10000099\n"
)


def row(**cells: str) -> dict[str, str]:
    base = dict.fromkeys(scrape.COLUMNS, "")
    base.update(urn="80512", local_authority="wirral", parser_version="1")
    base.update(cells)
    return base


def report_row(
    published: str, start: str, end: str, link: str, *grades: str, kind: str = "standard"
) -> dict[str, str]:
    names = (
        "overall_effectiveness_grade",
        "impact_of_leaders_grade",
        "help_and_protection_grade",
        "in_care_grade",
        "care_leavers_grade",
    )
    return row(
        inspection_link=f"https://files.ofsted.gov.uk/v1/file/{link}",
        pdf_filename=f"children's services inspection - {published}.pdf",
        publication_date=published,
        inspection_framework=kind,
        inspector_name="Paula Thomson -Jones",
        inspection_start_date=start,
        inspection_end_date=end,
        **dict(zip(names, grades, strict=True)),
    )


def write_scrape(folder: Path, rows: list[dict[str, str]]) -> Path:
    (folder / "Provider_data_lookup.csv").write_text(LOOKUP)
    path = folder / "scrape.csv"
    with path.open("w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=scrape.COLUMNS)
        w.writeheader()
        w.writerows(rows)
    return path


@pytest.fixture()
def data(tmp_path: Path) -> Path:
    d = tmp_path / "data"
    d.mkdir()
    return d


def inspections(data: Path) -> dict[str, dict[str, Any]]:
    councils = yaml.safe_load((data / "inspections.yaml").read_text())["councils"]
    return {i["id"]: i for c in councils for i in c["inspections"]}


def sources(data: Path) -> dict[str, dict[str, Any]]:
    return {s["id"]: s for s in yaml.safe_load((data / "sources.yaml").read_text())["sources"]}


LATER = report_row(
    "12/08/25",
    "23/06/2025",
    "04/07/2025",
    "50284335",
    "good",
    "good",
    "requires improvement",
    "good",
    "good",
)
NEW_FRAMEWORK = report_row(
    "07/07/26",
    "11/05/2026",
    "22/05/2026",
    "50306784",
    "not_reported_post_reform",
    "good",
    "good",
    "good",
    "requires improvement",
)
MATCHING = report_row(
    "02/02/24",
    "18/09/2023",
    "29/09/2023",
    "50240000",
    "requires improvement",
    "requires improvement",
    "good",
    "requires improvement",
    "good",
)


def test_reports_no_release_holds_become_provisional(tmp_path: Path, data: Path) -> None:
    """A report after the official cut-off is added, provisional, with its link as a source;
    a report the release holds gains its link, and a contradicting cell is listed."""
    official = outcomes_2025(tmp_path / "a.ods", [WIRRAL_2024])
    f = write_scrape(tmp_path, [LATER, NEW_FRAMEWORK, MATCHING])
    report = importer.run([official, f], data)
    assert pipeline.validate_folder(data).result.ok
    found = inspections(data)
    later = found["wirral-ilacs-standard-2025-08-12"]
    assert later["provisional"] is True
    assert (later["start"], later["end"], later["lead_inspector"]) == (
        "2025-06-23",
        "2025-07-04",
        "Paula Thomson-Jones",
    )
    assert later["sources"] == ["jt39-ilacs-scrape", "ofsted-report-wirral-2025-08-12"]
    new = found["wirral-ilacs-2026-2026-07-07"]
    assert new["framework"] == "ilacs_2026" and "overall_effectiveness" not in new["judgements"]
    matched = found["wirral-ilacs-standard-2024-02-02"]
    assert "provisional" not in matched
    assert matched["sources"] == ["ofsted-la-outcomes-2025", "ofsted-report-wirral-2024-02-02"]
    assert matched["judgements"]["help_and_protection"] == "requires_improvement"  # kept
    link = sources(data)["ofsted-report-wirral-2024-02-02"]
    assert link["url"] == "https://files.ofsted.gov.uk/v1/file/50240000"
    assert (
        link["title"] == "Wirral children's services inspection report, published 2 February 2024"
    )
    assert report.disagreements == [
        "wirral/wirral-ilacs-standard-2024-02-02: help_and_protection is 'requires_improvement', "
        "ofsted_csc_ilacs_history.csv (JT-39/ofsted-ilacs-scrape-tool, commit 54af59b), line 4 "
        "has 'good'"
    ]
    assert (report.links_added, dict(report.provisional_added)) == (
        3,
        {"ilacs_standard": 1, "ilacs_2026": 1},
    )
    again = importer.run([official, f], data)
    assert (again.written, again.changes, again.links_added) == ([], [], 0)


def test_a_later_release_confirms_a_scraped_record(tmp_path: Path, data: Path) -> None:
    """When an official release includes a provisional record, importing it confirms it."""
    importer.run([outcomes_2025(tmp_path / "a.ods", [WIRRAL_2024])], data)
    importer.run([write_scrape(tmp_path, [LATER])], data)
    assert inspections(data)["wirral-ilacs-standard-2025-08-12"]["provisional"] is True
    wirral_2025 = history_2025(
        "Wirral",
        "E08000015",
        D(2025, 6, 23),
        D(2025, 8, 12),
        "ILACS Standard Inspection",
        "Good",
        "Good",
        RI,
        "Good",
        "Good",
    )
    release = outcomes_2025(tmp_path / "b.ods", [wirral_2025], year=2026, published="2026-09-24")
    report = importer.run([release], data)
    insp = inspections(data)["wirral-ilacs-standard-2025-08-12"]
    assert "provisional" not in insp
    assert "ofsted-la-outcomes-2026" in insp["sources"]
    assert len(report.confirmed) == 1


def test_sif_rows_match_nearby_dates_and_unreadable_rows_are_listed(
    tmp_path: Path, data: Path
) -> None:
    """A SIF report the scrape dates a few days late matches its record (the shift is listed);
    a row with nothing readable that matches nothing is listed as not added; an unknown URN
    too; an ILACS framework on a report that began before ILACS is listed."""
    (data / "inspections.yaml").write_text(
        "councils:\n  - id: wirral\n    name: Wirral\n    ons_code: E08000015\n    inspections:\n"
        "      - id: wirral-sif-2016-09-20\n        framework: sif\n"
        "        published: '2016-09-20'\n"
        "        judgements:\n          overall_effectiveness: inadequate\n        sources: [s]\n"
        "      - id: wirral-sif-reinspection-2018-01-19\n        framework: sif_reinspection\n"
        "        published: '2018-01-19'\n        sources: [s]\n"
    )
    (data / "sources.yaml").write_text(
        "sources:\n  - id: s\n    title: S\n    publisher: P\n    kind: other\n"
    )
    shifted = row(
        publication_date="23/09/16",
        inspection_link="https://files.ofsted.gov.uk/v1/file/1",
        pdf_filename="children's services inspection - 23 september 2016.pdf",
        overall_effectiveness_grade="",
        impact_of_leaders_grade="data_unreadable",
    )
    misread = row(
        publication_date="19/01/18",
        inspection_link="https://files.ofsted.gov.uk/v1/file/2",
        pdf_filename="children's services inspection - 19 january 2018.pdf",
        inspection_framework="standard",
        inspection_start_date="09/11/2017",
        inspection_end_date="24/11/2017",
        help_and_protection_grade="to requires improvement",
    )
    nothing = row(
        publication_date="03/08/19", inspection_link="https://files.ofsted.gov.uk/v1/file/3"
    )
    stranger = row(urn="99999", publication_date="03/08/19")
    report = importer.run([write_scrape(tmp_path, [shifted, misread, nothing, stranger])], data)
    assert report.disagreements == [
        "wirral/wirral-sif-reinspection-2018-01-19: framework is 'sif_reinspection', "
        "ofsted_csc_ilacs_history.csv (JT-39/ofsted-ilacs-scrape-tool, commit 54af59b), line 3 "
        "has 'ilacs_standard'",
        "wirral/wirral-sif-reinspection-2018-01-19: ofsted_csc_ilacs_history.csv "
        "(JT-39/ofsted-ilacs-scrape-tool, commit 54af59b), line 3 has a cell no rule reads: "
        "help_and_protection 'to requires improvement'",
        "wirral/wirral-sif-2016-09-20: published is '2016-09-20', ofsted_csc_ilacs_history.csv "
        "(JT-39/ofsted-ilacs-scrape-tool, commit 54af59b), line 2 has '2016-09-23'",
    ]
    assert [s.split(": ", 1)[1] for s in report.skipped] == [
        "URN '99999' is no current council in the lookup",
        "matches no record, and its framework or date cannot be read",
    ]
    assert inspections(data)["wirral-sif-2016-09-20"]["sources"] == [
        "s",
        "ofsted-report-wirral-2016-09-23",
    ]


def test_the_scrape_needs_the_lookup_and_its_own_header(tmp_path: Path, data: Path) -> None:
    """The scrape names councils by URN only: without the lookup it is refused; a CSV with
    other columns is not taken for the scrape; an unknown framework or parser is refused."""
    f = write_scrape(tmp_path, [LATER])
    (tmp_path / "Provider_data_lookup.csv").unlink()
    with pytest.raises(ImportFormatError, match="names councils by URN"):
        importer.run([f], data)
    other = tmp_path / "other.csv"
    other.write_text("a,b\n1,2\n")
    assert not scrape.is_scrape(other)
    with pytest.raises(ImportFormatError, match="expected the scrape's columns"):
        scrape.read(other, [object()])  # type: ignore[list-item]
    (tmp_path / "Provider_data_lookup.csv").write_text(LOOKUP)
    bad = write_scrape(tmp_path, [dict(LATER, parser_version="2")])
    with pytest.raises(ImportFormatError, match="unknown parser_version"):
        importer.run([bad], data)
    odd = write_scrape(tmp_path, [dict(LATER, inspection_framework="long")])
    assert "unknown framework 'long'" in importer.run([odd], data, write=False).skipped[0]
    late = write_scrape(tmp_path, [dict(LATER, publication_date="32/13/25")])
    with pytest.raises(ImportFormatError, match="is not a date"):
        importer.run([late], data)
