"""JSON Schemas for editors: shipped, up to date, described, named by every data file."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from ofsted_cli.cli import app
from ofsted_cli.dataset import models, writer
from ofsted_cli.vocab.kinds import KINDS
from tests.conftest import DATA, ROOT

SCHEMAS = ROOT / "schemas"
CHECK = Path(sys.executable).with_name("check-jsonschema")


@pytest.mark.parametrize("kind", list(KINDS))
def test_shipped_schema_is_up_to_date(kind: str) -> None:
    """schemas/<kind>.schema.json is what `ofsted schema KIND` prints (run `make schemas`)."""
    printed = CliRunner().invoke(app, ["schema", kind], catch_exceptions=False).stdout
    shipped = (SCHEMAS / f"{kind}.schema.json").read_text(encoding="utf-8")
    assert shipped == printed, f"schemas/{kind}.schema.json is out of date: run `make schemas`"


def _properties(node: Any, path: str = "") -> list[tuple[str, dict[str, Any]]]:
    found = []
    if isinstance(node, dict):
        for name, prop in node.get("properties", {}).items():
            found.append((f"{path}.{name}", prop))
        for key, value in node.items():
            found += _properties(value, f"{path}/{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            found += _properties(value, f"{path}/{i}")
    return found


@pytest.mark.parametrize("kind", list(KINDS))
def test_every_field_has_a_description(kind: str) -> None:
    """Every property of the schema, nested ones included, has a description."""
    props = _properties(models.json_schema(kind))
    assert props
    assert [p for p, prop in props if not prop.get("description")] == []


def test_data_files_name_their_schema() -> None:
    """Each data file begins with the yaml-language-server modeline naming a shipped schema,
    and writer.dump writes it (so the importer keeps it)."""
    for kind, spec in KINDS.items():
        path = DATA / spec.file
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first == writer.modeline(kind)
        named = first.split("$schema=", 1)[1]
        assert (path.parent / named).resolve() == (SCHEMAS / f"{kind}.schema.json").resolve()
    assert writer.dump({"groups": []}).splitlines()[0] == writer.modeline("groups")


def _check(schema: Path, *files: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(CHECK), "--schemafile", str(schema), *map(str, files)],
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_check_jsonschema_passes_the_shipped_data() -> None:
    """check-jsonschema, with the shipped schemas, passes every shipped data file."""
    for kind, spec in KINDS.items():
        done = _check(SCHEMAS / f"{kind}.schema.json", DATA / spec.file)
        assert done.returncode == 0, done.stdout + done.stderr


def test_check_jsonschema_fails_an_invalid_edit(tmp_path: Path) -> None:
    """An edit the schema forbids (a grade that does not exist, a partial date with a bad
    form) fails check-jsonschema."""
    data = yaml.safe_load((DATA / "inspections.yaml").read_text(encoding="utf-8"))
    inspection = next(i for c in data["councils"] for i in c["inspections"] if i.get("judgements"))
    area = next(iter(inspection["judgements"]))
    inspection["judgements"][area] = "brilliant"
    edited = tmp_path / "inspections.yaml"
    edited.write_text(writer.dump(data), encoding="utf-8")
    done = _check(SCHEMAS / "councils.schema.json", edited)
    assert done.returncode == 1 and "brilliant" in done.stdout + done.stderr
    statements = tmp_path / "statements.yaml"
    shutil.copy(DATA / "statements.yaml", statements)
    text = statements.read_text(encoding="utf-8")
    statements.write_text(text.replace("date: '2024'", "date: '24'", 1), encoding="utf-8")
    assert _check(SCHEMAS / "statements.schema.json", statements).returncode == 1


def test_schema_json_is_valid_json() -> None:
    """Each shipped schema parses and declares draft 2020-12."""
    for kind in KINDS:
        schema = json.loads((SCHEMAS / f"{kind}.schema.json").read_text(encoding="utf-8"))
        assert schema["$schema"].endswith("2020-12/schema")
