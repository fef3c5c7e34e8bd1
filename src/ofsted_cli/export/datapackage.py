"""The Frictionless data package: the tables as CSV files, described by datapackage.json.

Each field has its type and description; partial dates are strings with a pattern, each with
a `<name>_precision` field beside it (year, month or day), so that no tool guesses a day.
Primary and foreign keys are declared, and `frictionless validate` checks both.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ofsted_cli import __version__
from ofsted_cli.export import metadata, spec
from ofsted_cli.export.cells import write_csv
from ofsted_cli.export.rows import Tables
from ofsted_cli.export.tables import TABLES

DESCRIPTOR = "datapackage.json"


def field(column: spec.Column) -> dict[str, Any]:
    """A Table Schema field for *column*."""
    out: dict[str, Any] = {
        "name": column.name,
        "type": column.type,
        "description": column.description,
    }
    constraints: dict[str, Any] = {}
    if column.type == "date":
        out["type"] = "string"
        constraints["pattern"] = spec.PARTIAL_DATE
    if column.type == "boolean":
        out["trueValues"], out["falseValues"] = ["true"], ["false"]
    if column.enum:
        constraints["enum"] = list(column.enum)
    if column.required:
        constraints["required"] = True
    if constraints:
        out["constraints"] = constraints
    return out


def descriptor() -> dict[str, Any]:
    """datapackage.json: the package, its licences and sources, and a resource per table."""
    resources = []
    for table in TABLES:
        schema: dict[str, Any] = {
            "fields": [field(c) for c in table.columns],
            "primaryKey": list(table.primary_key),
            "missingValues": [""],
        }
        if table.foreign_keys:
            schema["foreignKeys"] = [
                {
                    "fields": list(fk.columns),
                    "reference": {"resource": fk.table, "fields": list(fk.ref)},
                }
                for fk in table.foreign_keys
            ]
        resources.append(
            {
                "name": table.name,
                "title": table.title,
                "description": table.description,
                "path": f"{table.name}.csv",
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "schema": schema,
            }
        )
    return {
        "profile": "tabular-data-package",
        "name": "ofsted-cli",
        "title": metadata.TITLE,
        "description": f"{metadata.DESCRIPTION} Licences: {metadata.LICENSE_TEXT}",
        "version": __version__,
        "licenses": [metadata.OGL, metadata.MIT],
        "sources": metadata.SOURCES,
        "resources": resources,
    }


def write(tables: Tables, folder: Path) -> None:
    """Write every table's CSV and datapackage.json into *folder*."""
    for table in TABLES:
        with (folder / f"{table.name}.csv").open("w", encoding="utf-8", newline="") as f:
            write_csv(table, tables[table.name], f)
    text = json.dumps(descriptor(), indent=2, ensure_ascii=False) + "\n"
    (folder / DESCRIPTOR).write_text(text, encoding="utf-8")
