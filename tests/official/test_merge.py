"""The merge: fill gaps, never overwrite, list disagreements, confirm provisional records."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
import yaml

from ofsted_cli.dataset import pipeline
from ofsted_cli.errors import InvalidDataError, WriteError
from ofsted_cli.official import importer
from ofsted_cli.official.merge import ImportReport
from tests.ods import Cell
from tests.official.builders import (
    RI,
    WIRRAL_2019,
    WIRRAL_2024,
    D,
    csc_2023,
    history_2025,
    outcomes_2025,
)

LOOKUP_HEAD = "urn,la_code,la_code_new,local_authority_ons_name,also_known_as,ltla23cd\n"
LOOKUP = LOOKUP_HEAD + (
    "80512,344,E08000015,Wirral,,E08000015\n"
    '2532287,839,E06000058,"Bournemouth, Christchurch and Poole",'
    '"[BCP, Bournemouth, Christchurch & Poole]",E06000058\n'
    "137316,836,,Poole,,E06000029\n"
)
BCP_2025 = history_2025(
    "Bournemouth, Christchurch and Poole",
    "E06000058",
    D(2024, 12, 2),
    D(2025, 1, 29),
    "ILACS Standard Inspection",
    "Good",
    "Good",
    "Good",
    "Good",
    RI,
    region="South West",
)


@pytest.fixture()
def data(tmp_path: Path) -> Path:
    d = tmp_path / "data"
    d.mkdir()
    return d


def councils(data: Path) -> dict[str, dict[str, Any]]:
    doc = yaml.safe_load((data / "inspections.yaml").read_text())
    return {c["id"]: c for c in doc["councils"]}


def inspection(data: Path, council: str, iid: str) -> dict[str, Any]:
    return next(i for i in councils(data)[council]["inspections"] if i["id"] == iid)


def edit(data: Path, old: str, new: str) -> None:
    path = data / "inspections.yaml"
    text = path.read_text()
    assert old in text, old
    path.write_text(text.replace(old, new, 1))


def run(data: Path, *files: Path, lookup: Path | None = None) -> ImportReport:
    return importer.run(list(files), data, lookup)


def test_import_builds_valid_data(tmp_path: Path, data: Path) -> None:
    """From nothing, it creates councils, inspections and sources that validate."""
    lookup = tmp_path / "lookup.csv"
    lookup.write_text(LOOKUP)
    report = run(
        data,
        outcomes_2025(tmp_path / "a.ods", [WIRRAL_2019, WIRRAL_2024, BCP_2025]),
        csc_2023(
            tmp_path / "b.ods",
            [{"name": "Wirral", "region": "North West"}],
            [
                {
                    "name": "Poole",
                    "region": "South West",
                    "Child Protection Inspections (CPI) publication date": D(2010, 5, 7),
                    "CPI Overall Effectiveness (OE)": "Adequate",
                }
            ],
        ),
        lookup=lookup,
    )
    assert pipeline.validate_folder(data).result.ok
    found = councils(data)
    assert set(found) == {"wirral", "bournemouth-christchurch-and-poole", "poole-former"}
    bcp = found["bournemouth-christchurch-and-poole"]
    assert bcp["other_names"] == ["BCP", "Bournemouth, Christchurch & Poole"]
    assert (bcp["urn"], bcp["la_number"], bcp["ons_code"]) == ("2532287", "839", "E06000058")
    poole = found["poole-former"]
    assert (poole["status"], poole["ons_code"], poole["urn"]) == ("former", "E06000029", "137316")
    assert report.councils_added == [
        "wirral",
        "bournemouth-christchurch-and-poole",
        "poole-former",
    ]
    sources = yaml.safe_load((data / "sources.yaml").read_text())["sources"]
    by_id = {s["id"]: s for s in sources}
    assert by_id["ofsted-la-outcomes-2025"]["cutoff"] == "2025-06-30"
    assert by_id["ofsted-csc-data-2023"]["cutoff"] == "2023-04-30"
    assert "data-to-insight-la-lookup" in by_id


def test_import_is_idempotent(tmp_path: Path, data: Path) -> None:
    """Importing the same files again changes nothing and writes nothing."""
    f = outcomes_2025(tmp_path / "a.ods", [WIRRAL_2019, WIRRAL_2024])
    run(data, f)
    before = {p.name: p.read_bytes() for p in data.iterdir()}
    report = run(data, f)
    assert (report.written, report.changes, report.disagreements) == ([], [], [])
    assert {p.name: p.read_bytes() for p in data.iterdir()} == before


def test_curated_values_are_kept_and_disagreements_listed(tmp_path: Path, data: Path) -> None:
    """A value the data has is never overwritten; the disagreement is listed."""
    f = outcomes_2025(tmp_path / "a.ods", [WIRRAL_2019])
    run(data, f)
    edit(data, "leadership: good", "leadership: inadequate")
    report = run(data, f)
    assert report.disagreements == [
        "wirral/wirral-ilacs-standard-2019-07-29: leadership is 'inadequate', Local authority "
        "inspection outcomes as at 31 March 2025, sheet ILACS_inspection_history row 4 has 'good'"
    ]
    assert (
        inspection(data, "wirral", "wirral-ilacs-standard-2019-07-29")["judgements"]["leadership"]
        == "inadequate"
    )


def test_gaps_are_filled_and_partial_dates_refined(tmp_path: Path, data: Path) -> None:
    """A missing value is added; a date known to the month gains its day."""
    f = outcomes_2025(tmp_path / "a.ods", [WIRRAL_2019])
    run(data, f)
    edit(data, "start: '2019-06-17'\n", "start: '2019-06'\n")
    edit(data, "          leadership: good\n", "")
    report = run(data, f)
    assert report.changes == [
        "wirral/wirral-ilacs-standard-2019-07-29: start 2019-06-17 added",
        "wirral/wirral-ilacs-standard-2019-07-29: judgement leadership = good added",
    ]
    insp = inspection(data, "wirral", "wirral-ilacs-standard-2019-07-29")
    assert insp["start"] == "2019-06-17" and insp["judgements"]["leadership"] == "good"


def test_a_visit_known_to_the_month_is_matched_not_duplicated(tmp_path: Path, data: Path) -> None:
    """An in-year visit whose record has only a month is refined, not added again."""
    visit: dict[str, Cell] = {
        "name": "St Helens",
        "region": "North West",
        "start": D(2022, 7, 27),
        "type": "LA Monitoring visit",
        "theme": "Achieving permanence",
    }
    f = csc_2023(tmp_path / "a.ods", [{"name": "St Helens", "region": "North West"}], [], [visit])
    run(data, f)
    edit(data, "start: '2022-07-27'", "start: '2022-07'")
    report = run(data, f)
    assert sum(report.added.values()) == 0
    assert report.changes == [
        "st-helens/st-helens-ilacs-monitoring-visit-2022-07-27: start 2022-07-27 added"
    ]


def test_newer_release_wins_and_the_older_value_is_noted(tmp_path: Path, data: Path) -> None:
    """Within one run the newer release is followed and the older one's value noted."""
    old = csc_2023(
        tmp_path / "b.ods",
        [
            {
                "name": "Wirral",
                "region": "North West",
                "1 type": "ILACS Standard Inspection",
                "1 published": D(2019, 7, 29),
                "1 overall_effectiveness": RI,
                "1 leadership": RI,
                "1 help_and_protection": RI,
                "1 children_in_care_and_care_leavers": RI,
            }
        ],
    )
    report = run(data, old, outcomes_2025(tmp_path / "a.ods", [WIRRAL_2019]))
    insp = inspection(data, "wirral", "wirral-ilacs-standard-2019-07-29")
    assert insp["judgements"]["leadership"] == "good"
    assert insp["notes"] == (
        "Ofsted's Children's social care data in England 2023 (underlying data) gives leadership "
        "'requires_improvement' (Children's social care data in England 2023 (underlying data), "
        "sheet LA_inspections_2009-2023 row 4); this record follows the newer release ('good')."
    )
    assert insp["sources"] == ["ofsted-la-outcomes-2025", "ofsted-csc-data-2023"]
    assert len(report.disagreements) == 1


def test_one_inspection_dated_differently_is_one_record(tmp_path: Path, data: Path) -> None:
    """Two editions dating one inspection two months apart make one record and a listed
    disagreement, not a second inspection (Nottingham 2022)."""
    new = history_2025(
        "Nottingham",
        "E06000018",
        D(2022, 7, 11),
        D(2022, 9, 5),
        "ILACS Standard Inspection",
        "Inadequate",
        RI,
        "Inadequate",
        RI,
        "",
        region="East Midlands",
    )
    old = csc_2023(
        tmp_path / "b.ods",
        [
            {
                "name": "Nottingham",
                "region": "East Midlands",
                "1 type": "ILACS Standard Inspection",
                "1 published": D(2022, 11, 5),
                "1 overall_effectiveness": "Inadequate",
                "1 leadership": RI,
                "1 help_and_protection": "Inadequate",
                "1 children_in_care_and_care_leavers": RI,
            }
        ],
    )
    report = run(data, outcomes_2025(tmp_path / "a.ods", [new]), old)
    assert [i["id"] for i in councils(data)["nottingham"]["inspections"]] == [
        "nottingham-ilacs-standard-2022-09-05"
    ]
    assert report.disagreements == [
        "nottingham/nottingham-ilacs-standard-2022-09-05: published is '2022-09-05', Children's "
        "social care data in England 2023 (underlying data), sheet LA_inspections_2009-2023 row 4 "
        "has '2022-11-05' (the same inspection, dated differently)"
    ]


def _as_if_scraped(data: Path) -> None:
    """Make Wirral's 2024 inspection a provisional record of the report scrape's."""
    edit(
        data,
        "        sources: [ofsted-la-outcomes-2025]",
        "        provisional: true\n        sources: [jt39-ilacs-scrape]",
    )
    (data / "sources.yaml").write_text(
        (data / "sources.yaml").read_text()
        + "  - id: jt39-ilacs-scrape\n    title: scrape\n    publisher: JT-39\n"
        + "    kind: dataset\n"
    )


def test_a_provisional_record_is_confirmed(tmp_path: Path, data: Path) -> None:
    """An official release that agrees with a provisional record confirms it: the mark goes
    and the release is cited."""
    f = outcomes_2025(tmp_path / "a.ods", [WIRRAL_2024])
    run(data, f)
    _as_if_scraped(data)
    report = run(data, f)
    insp = inspection(data, "wirral", "wirral-ilacs-standard-2024-02-02")
    assert "provisional" not in insp
    assert insp["sources"] == ["jt39-ilacs-scrape", "ofsted-la-outcomes-2025"]
    assert report.confirmed == [
        "wirral/wirral-ilacs-standard-2024-02-02: confirmed by Local authority inspection "
        "outcomes as at 31 March 2025"
    ]


def test_a_provisional_record_that_disagrees_stays_provisional(tmp_path: Path, data: Path) -> None:
    """A provisional record the release contradicts keeps its mark; the disagreement is listed."""
    f = outcomes_2025(tmp_path / "a.ods", [WIRRAL_2024])
    run(data, f)
    edit(data, "care_leavers: good", "care_leavers: outstanding")
    _as_if_scraped(data)
    report = run(data, f)
    insp = inspection(data, "wirral", "wirral-ilacs-standard-2024-02-02")
    assert insp["provisional"] is True and insp["sources"] == ["jt39-ilacs-scrape"]
    assert report.confirmed == []
    assert report.disagreements[-1] == (
        "wirral/wirral-ilacs-standard-2024-02-02: stays provisional: Local authority inspection "
        "outcomes as at 31 March 2025 disagrees"
    )
    assert pipeline.validate_folder(data).result.ok
    assert (
        len(report.disagreements) == 2
        and "care_leavers is 'outstanding'" in report.disagreements[0]
    )


def test_invalid_data_is_not_imported_into(tmp_path: Path, data: Path) -> None:
    """The data must validate before an import touches it."""
    (data / "inspections.yaml").write_text("councils:\n  - id: x\n")
    with pytest.raises(InvalidDataError):
        run(data, outcomes_2025(tmp_path / "a.ods", [WIRRAL_2019]))


def test_all_files_or_none_are_written(
    tmp_path: Path, data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """When the second file cannot be written, the first is restored: the data set is never
    left half-imported."""
    f = outcomes_2025(tmp_path / "a.ods", [WIRRAL_2019])
    run(data, f)
    edit(data, "        start: '2019-06-17'\n", "")
    sources = data / "sources.yaml"
    sources.write_text(sources.read_text().replace("    cutoff: '2025-06-30'\n", ""))
    before = {p.name: p.read_bytes() for p in data.iterdir()}
    real = os.replace
    calls = []

    def failing(src: Any, dst: Any) -> None:
        calls.append(dst)
        if len(calls) == 2:
            raise OSError(28, "No space left on device")
        real(src, dst)

    monkeypatch.setattr(os, "replace", failing)
    with pytest.raises(WriteError, match="No space left on device; no file was changed"):
        run(data, f)
    monkeypatch.setattr(os, "replace", real)
    assert {p.name: p.read_bytes() for p in data.iterdir()} == before
