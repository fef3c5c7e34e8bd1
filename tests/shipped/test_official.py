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

pytestmark = pytest.mark.skipif(
    len(FILES) < 3, reason=f"the official ODS files are not in {REFERENCE}"
)


def test_shipped_data_agrees_with_official_files(tmp_path: Path) -> None:
    """Re-importing the three official releases into the shipped data changes nothing."""
    copy = tmp_path / "data"
    shutil.copytree(DATA, copy)
    report = importer.run(FILES, copy)
    assert report.councils_added == []
    assert sum(report.added.values()) == 0
    assert report.changes == []
    assert report.written == []
    for path in copy.iterdir():
        assert path.read_bytes() == (DATA / path.name).read_bytes()


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
