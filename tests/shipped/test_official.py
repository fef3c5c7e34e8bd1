"""The real Ofsted files (../shared/reference): they import, and the shipped data agrees."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from ofsted_cli.official import editions, importer
from ofsted_cli.vocab.names import key
from tests.conftest import DATA, SHARED

REFERENCE = SHARED / "reference"
FILES = sorted(REFERENCE.glob("*.ods")) if REFERENCE.is_dir() else []
SCRAPE = REFERENCE / "ofsted_csc_ilacs_history.csv"

pytestmark = pytest.mark.skipif(
    len(FILES) < 3, reason=f"the official ODS files are not in {REFERENCE}"
)


def test_shipped_data_agrees_with_official_files(tmp_path: Path) -> None:
    """Re-importing the three official releases and the report scrape into the shipped data
    changes nothing; the disagreements left are the known ones (Ofsted's own corrections
    between editions, and the scrape's errors)."""
    copy = tmp_path / "data"
    shutil.copytree(DATA, copy)
    report = importer.run([*FILES, SCRAPE], copy)
    assert report.councils_added == []
    assert sum(report.added.values()) == 0
    assert sum(report.provisional_added.values()) == 0
    assert report.links_added == 0
    assert report.changes == []
    assert report.written == []
    for path in copy.iterdir():
        assert path.read_bytes() == (DATA / path.name).read_bytes()
    official = [d for d in report.disagreements if "ofsted_csc_ilacs_history" not in d]
    assert len(official) == 7
    assert len(report.disagreements) - len(official) == 16
    assert len(report.skipped) == 1  # Surrey, 3 August 2015: an unreadable PDF


def test_provisional_records_are_the_reports_no_release_holds() -> None:
    """Every report the scrape lists after the official cut-off (and Newcastle's June 2025
    short inspection, inspected after 31 March) is in the data, provisional."""
    import yaml

    councils = yaml.safe_load((DATA / "inspections.yaml").read_text())["councils"]
    provisional = [i for c in councils for i in c.get("inspections", []) if i.get("provisional")]
    graded = [i for i in provisional if i["framework"].startswith("ilacs_") and i.get("judgements")]
    assert len(graded) == 53
    newcastle = next(c for c in councils if c["id"] == "newcastle-upon-tyne")
    short = next(i for i in newcastle["inspections"] if i.get("published") == "2025-06-25")
    assert short["provisional"] and short["framework"] == "ilacs_short"
    assert sum(i["framework"] == "ilacs_2026" for i in graded) == 11
    assert all(
        "overall_effectiveness" not in i["judgements"]
        for i in graded
        if i["framework"] == "ilacs_2026"
    )


def test_every_official_name_resolves(tmp_path: Path) -> None:
    """Each council name in the official files is a name or other name of one council."""
    import yaml

    councils = yaml.safe_load((DATA / "inspections.yaml").read_text())["councils"]
    names = {key(n) for c in councils for n in [c["name"], *c.get("other_names", [])]}
    for f in FILES:
        _, rows = editions.read(f)
        missing = {r.council_name for r in rows if key(r.council_name) not in names}
        assert not missing, f"{f.name}: {sorted(missing)}"
    assert len([c for c in councils if c["status"] == "current"]) == 153


def test_every_visit_of_the_2022_23_sheet_is_present_with_its_day() -> None:
    """All 60 focused and monitoring visits that the 2023 release lists for 2022-23 are in the
    data, each with its first day on site and its theme."""
    import yaml

    from ofsted_cli.official import layout_csc
    from ofsted_cli.official.editions import workbook
    from ofsted_cli.official.sheets import find

    path = next(f for f in FILES if f.name.startswith("Childrens_social_care"))
    found = find(workbook(path), layout_csc.IN_YEAR)
    release, _ = editions.read(path)
    visits = [
        r
        for f in found
        for r in layout_csc.in_year_rows(f, release)
        if r.framework in ("ilacs_focused_visit", "ilacs_monitoring_visit")
    ]
    assert len(visits) == 60
    councils = yaml.safe_load((DATA / "inspections.yaml").read_text())["councils"]
    have = {
        (key(n), i["framework"], i.get("start"), i.get("theme"))
        for c in councils
        for n in [c["name"], *c.get("other_names", [])]
        for i in c.get("inspections", [])
    }
    missing = [
        v for v in visits if (key(v.council_name), v.framework, v.start, v.theme) not in have
    ]
    assert missing == []


def test_report_links_reach_the_json_export(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """At least 95% of the scrape's report links are in `ofsted export --format json` (as the
    sources of the inspections they report), so a reader can open the report behind a
    judgement."""
    import csv
    import json

    from typer.testing import CliRunner

    from ofsted_cli.cli import app

    monkeypatch.setenv("OFSTED_CACHE_DIR", str(tmp_path / "cache"))
    out = tmp_path / "all.json"
    r = CliRunner().invoke(app, ["export", "--format", "json", "--out", str(out)])
    assert r.exit_code == 0, r.stderr
    data = json.loads(out.read_text())
    urls = {s["id"]: s["url"] for s in data["sources"]}
    cited = {
        urls.get(sid) for c in data["councils"] for i in c["inspections"] for sid in i["sources"]
    }
    with SCRAPE.open(encoding="utf-8", newline="") as f:
        links = [row["inspection_link"] for row in csv.DictReader(f)]
    found = sum(link in cited for link in links)
    assert found / len(links) >= 0.95, f"{found} of {len(links)}"
