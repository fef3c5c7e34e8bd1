"""The importer: official layouts in, canonical YAML out; idempotent and never overwriting."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from ofsted_cli import checks, importer, layouts
from ofsted_cli.errors import ImportFormatError, InvalidDataError
from tests.ods import Cell, write_ods

D = dt.date
RI = "Requires improvement to be good"


def edition_2025(path: Path, *, cl_staffs: str = RI) -> Path:
    hist: list[list[Cell]] = [
        ["ILACS inspection history from 2018-2025"],
        ["note"],
        list(layouts._HEAD_HIST_2025),
        [
            "link",
            "E08000015",
            "Wirral",
            "Current",
            "North West",
            D(2019, 6, 17),
            D(2019, 7, 29),
            "ILACS Standard Inspection",
            RI,
            "Good",
            RI,
            RI,
            "",
        ],
        [
            "link",
            "E08000015",
            "Wirral",
            "Current",
            "North West",
            D(2023, 9, 18),
            D(2024, 2, 2),
            "ILACS Standard Inspection",
            RI,
            RI,
            RI,
            RI,
            RI,
        ],
        [
            "link",
            "E10000028",
            "Staffordshire",
            "Current",
            "West Midlands",
            D(2023, 11, 6),
            D(2024, 1, 12),
            "ILACS Short Inspection",
            "Good",
            "Good",
            "Good",
            "Good",
            cl_staffs,
        ],
        [
            "link",
            "E10000006",
            "Cumbria",
            "No longer exists",
            "North West",
            D(2022, 9, 26),
            D(2022, 11, 15),
            "ILACS Standard Inspection",
            RI,
            RI,
            RI,
            "Good",
            "",
        ],
    ]
    year: list[list[Cell]] = [
        ["in-year"],
        ["note"],
        list(layouts._HEAD_YEAR_2025),
        [
            "link",
            "E08000015",
            "Wirral",
            "North West",
            D(2024, 9, 17),
            D(2024, 10, 17),
            "ILACS Focused Visit",
            "",
            "",
            "",
            "",
            "",
            "Care leavers",
        ],
    ]
    return write_ods(
        path, {"Cover": [["x"]], "ILACS_inspection_history": hist, "In-year_inspections": year}
    )


def edition_2023(path: Path) -> Path:
    width = len(layouts._HEAD_2023) + len(layouts._ILACS_2023_FIRST)
    wirral: list[Cell] = ["link", "Wirral", "North West", "Metropolitan District"]
    wirral += [""] * (width - 4)
    wirral[4:7] = [D(2011, 3, 11), "Good", "Good"]
    wirral[17:25] = [
        D(2016, 9, 20),
        "Inadequate",
        "Inadequate",
        RI,
        RI,
        "Inadequate",
        "Inadequate",
        "Inadequate",
    ]
    wirral[32:38] = ["ILACS Standard Inspection", D(2019, 7, 29), RI, "Good", RI, RI]
    dorset: list[Cell] = ["link", "Dorset", "South West", "Shire County"]
    dorset += [""] * (width - 4)
    dorset[4:7] = [D(2011, 10, 28), "Good", "Good"]
    rows: list[list[Cell]] = [
        ["title"],
        ["n"],
        ["n"],
        ["n"],
        list(layouts._HEAD_2023 + layouts._ILACS_2023_FIRST),
        wirral,
        [""] * width,
        ["Table 11: former"],
        list(layouts._HEAD_2023 + layouts._ILACS_2023_FORMER),
        dorset,
    ]
    return write_ods(path, {"LA_inspections_2009-2023": rows})


def load(data: Path) -> dict[str, dict[str, object]]:
    doc = yaml.safe_load((data / "inspections.yaml").read_text())
    return {c["id"]: c for c in doc["councils"]}


@pytest.fixture()
def data(tmp_path: Path) -> Path:
    d = tmp_path / "data"
    d.mkdir()
    return d


def test_import_builds_valid_data(tmp_path: Path, data: Path) -> None:
    """It creates councils and inspections that validate, with the release as source."""
    report = importer.run(
        [edition_2025(tmp_path / "a.ods"), edition_2023(tmp_path / "b.ods")], data
    )
    assert checks.check_paths([data]).ok
    councils = load(data)
    assert set(councils) == {"wirral", "staffordshire", "cumbria", "dorset"}
    assert councils["cumbria"]["status"] == "former"
    assert councils["dorset"]["status"] == "former"
    wirral = {i["id"]: i for i in councils["wirral"]["inspections"]}  # type: ignore[attr-defined]
    ilacs = wirral["wirral-ilacs-standard-2019-07-29"]
    assert ilacs["start"] == "2019-06-17"
    assert ilacs["sources"] == ["ofsted-la-outcomes-2025", "ofsted-csc-data-2023"]
    assert ilacs["judgements"]["children_in_care_and_care_leavers"] == "requires_improvement"
    assert "care_leavers" not in ilacs["judgements"]
    assert wirral["wirral-sif-2016-09-20"]["judgements"]["lscb"] == "inadequate"
    assert wirral["wirral-ilacs-focused-visit-2024-10-17"]["theme"] == "Care leavers"
    assert report.added["slac"] == 2
    sources = yaml.safe_load((data / "sources.yaml").read_text())["sources"]
    assert {s["id"] for s in sources} == {"ofsted-la-outcomes-2025", "ofsted-csc-data-2023"}


def test_import_is_idempotent(tmp_path: Path, data: Path) -> None:
    """Importing the same files again changes nothing."""
    files = [edition_2025(tmp_path / "a.ods"), edition_2023(tmp_path / "b.ods")]
    importer.run(files, data)
    before = {p.name: p.read_bytes() for p in data.iterdir()}
    report = importer.run(files, data)
    assert report.written == []
    assert report.changes == []
    assert {p.name: p.read_bytes() for p in data.iterdir()} == before


def test_curated_values_are_kept_and_disagreements_reported(tmp_path: Path, data: Path) -> None:
    """A value the data has is never overwritten; the disagreement is reported."""
    f = edition_2025(tmp_path / "a.ods")
    importer.run([f], data)
    text = (data / "inspections.yaml").read_text()
    text = text.replace(
        "id: wirral-ilacs-standard-2019-07-29\n",
        "id: wirral-ilacs-standard-2019-07-29\n        lead_inspector: Paula Thomson-Jones\n",
        1,
    )
    at = text.index("id: wirral-ilacs-standard-2019-07-29")
    text = text[:at] + text[at:].replace("leadership: good", "leadership: inadequate", 1)
    (data / "inspections.yaml").write_text(text)
    report = importer.run([f], data)
    assert any("leadership is 'inadequate'" in d and "'good'" in d for d in report.disagreements)
    ilacs = load(data)["wirral"]["inspections"][0]  # type: ignore[index]
    assert ilacs["judgements"]["leadership"] == "inadequate"
    assert ilacs["lead_inspector"] == "Paula Thomson-Jones"


def test_newer_release_wins_and_is_noted(tmp_path: Path, data: Path) -> None:
    """Where two releases disagree, the newer one is followed and the older value noted."""
    old = edition_2023(tmp_path / "b.ods")  # says leaders "Good" for Wirral 2019
    hist_new = tmp_path / "a.ods"  # the 2025 layout says "Requires improvement"
    write_ods(
        hist_new,
        {
            "ILACS_inspection_history": [
                ["t"],
                ["n"],
                list(layouts._HEAD_HIST_2025),
                [
                    "link",
                    "E08000015",
                    "Wirral",
                    "Current",
                    "North West",
                    D(2019, 6, 17),
                    D(2019, 7, 29),
                    "ILACS Standard Inspection",
                    RI,
                    RI,
                    RI,
                    RI,
                    "",
                ],
            ],
            "In-year_inspections": [["t"], ["n"], list(layouts._HEAD_YEAR_2025)],
        },
    )
    report = importer.run([old, hist_new], data)
    ilacs = load(data)["wirral"]["inspections"]
    insp = next(i for i in ilacs if i["id"] == "wirral-ilacs-standard-2019-07-29")  # type: ignore[attr-defined]
    assert insp["judgements"]["leadership"] == "requires_improvement"
    assert "Children's social care data in England 2023" in insp["notes"]
    assert "'good'" in insp["notes"]
    assert len(report.disagreements) == 1


def test_unknown_layout_is_refused_and_nothing_written(tmp_path: Path, data: Path) -> None:
    """A sheet whose columns moved is refused with expected and found; nothing is written."""
    f = edition_2025(tmp_path / "a.ods")
    bad = tmp_path / "bad.ods"
    head: list[Cell] = list(layouts._HEAD_HIST_2025)
    head[5], head[6] = head[6], head[5]
    write_ods(
        bad,
        {
            "ILACS_inspection_history": [["t"], ["n"], head],
            "In-year_inspections": [["t"], ["n"], list(layouts._HEAD_YEAR_2025)],
        },
    )
    with pytest.raises(
        ImportFormatError,
        match="Expected column 6 to be 'Inspection date', found 'Publication date'",
    ):
        importer.run([f, bad], data)
    assert list(data.iterdir()) == []


def test_unknown_edition_is_refused(tmp_path: Path, data: Path) -> None:
    """A workbook that is no known edition names the sheets it found and those expected."""
    f = write_ods(tmp_path / "other.ods", {"Sheet1": [["a"]]})
    with pytest.raises(ImportFormatError, match="Found sheets Sheet1. Known editions"):
        importer.run([f], data)


def test_unknown_grade_is_refused(tmp_path: Path, data: Path) -> None:
    """A grade the importer does not know stops the import."""
    f = tmp_path / "a.ods"
    edition_2025(f, cl_staffs="Excellent")
    with pytest.raises(ImportFormatError, match="unknown grade 'Excellent'"):
        importer.run([f], data)


def test_invalid_data_is_not_imported_into(tmp_path: Path, data: Path) -> None:
    """The data must validate before an import touches it."""
    (data / "inspections.yaml").write_text("councils:\n  - id: x\n")
    with pytest.raises(InvalidDataError):
        importer.run([edition_2025(tmp_path / "a.ods")], data)
