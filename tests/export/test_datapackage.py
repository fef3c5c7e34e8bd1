"""The data package: `frictionless validate` passes, foreign keys resolve, fields are described."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from ofsted_cli.export import datapackage
from ofsted_cli.export.tables import TABLES
from tests.export.conftest import Exporter

FRICTIONLESS = Path(sys.executable).with_name("frictionless")


def _validate(folder: Path) -> tuple[int, dict[str, object]]:
    done = subprocess.run(
        [str(FRICTIONLESS), "validate", "--json", "datapackage.json"],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=300,
    )
    return done.returncode, json.loads(done.stdout)


def test_frictionless_validates_it(shipped: Exporter) -> None:
    """`frictionless validate` passes: types, patterns, enums, primary and foreign keys."""
    code, report = _validate(shipped("datapackage"))
    assert code == 0 and report["valid"] is True, json.dumps(report)[:2000]


def test_a_dangling_foreign_key_fails(shipped: Exporter, tmp_path: Path) -> None:
    """The check is real: a judgement of an unknown inspection fails validation."""
    folder = tmp_path / "broken"
    shutil.copytree(shipped("datapackage"), folder)
    with (folder / "judgements.csv").open("a", encoding="utf-8", newline="") as f:
        f.write("no-such-inspection,wirral,sif,leadership,Leadership,good,Good,3\r\n")
    code, report = _validate(folder)
    assert code != 0 and report["valid"] is False
    assert "foreign-key" in json.dumps(report)


def test_descriptor_fields() -> None:
    """Every field is typed and described; partial dates are patterned strings with a
    precision field; keys are declared."""
    descriptor = datapackage.descriptor()
    resources = {r["name"]: r for r in descriptor["resources"]}
    assert list(resources) == [t.name for t in TABLES]
    for table in TABLES:
        schema = resources[table.name]["schema"]
        assert [f["name"] for f in schema["fields"]] == table.names
        assert all(f["description"] for f in schema["fields"])
        assert schema["primaryKey"] == list(table.primary_key)
    fields = {f["name"]: f for f in resources["inspections"]["schema"]["fields"]}
    assert fields["published"]["type"] == "string"
    assert fields["published"]["constraints"]["pattern"] == r"\d{4}(-\d{2}(-\d{2})?)?"
    assert fields["published_precision"]["constraints"]["enum"] == ["year", "month", "day"]
    assert fields["provisional"]["type"] == "boolean"
    assert {lic["name"] for lic in descriptor["licenses"]} == {"OGL-UK-3.0", "MIT"}
