"""`ofsted export`: the dataset as CSV, JSON and SQLite."""

from __future__ import annotations

import csv
import json
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ofsted_cli.cli import app


@pytest.fixture(autouse=True)
def _cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OFSTED_CACHE_DIR", str(tmp_path / "cache"))


def test_export_csv(tmp_path: Path) -> None:
    """CSV has one row per inspection with a column per judgement area."""
    r = CliRunner().invoke(app, ["export", "-f", "csv", "-o", str(tmp_path / "out")])
    assert r.exit_code == 0, r.stderr
    with (tmp_path / "out" / "inspections.csv").open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    wirral = {row["id"]: row for row in rows if row["council_id"] == "wirral"}
    assert wirral["wirral-sif-2016-09-20"]["overall_effectiveness"] == "inadequate"
    assert wirral["wirral-sif-2016-09-20"]["ons_code"] == "E08000015"
    assert "wrote" in r.stderr and r.stdout == ""


def test_export_json_and_sqlite(tmp_path: Path) -> None:
    """JSON and SQLite hold every council and inspection."""
    runner = CliRunner()
    assert (
        runner.invoke(app, ["export", "-f", "json", "-o", str(tmp_path / "a.json")]).exit_code == 0
    )
    data = json.loads((tmp_path / "a.json").read_text(encoding="utf-8"))
    n = sum(len(c["inspections"]) for c in data["councils"])
    assert (
        runner.invoke(app, ["export", "-f", "sqlite", "-o", str(tmp_path / "a.db")]).exit_code == 0
    )
    with sqlite3.connect(tmp_path / "a.db") as db:
        assert db.execute("SELECT count(*) FROM inspections").fetchone()[0] == n
        keys = {k for (k,) in db.execute("SELECT key FROM meta")}
    assert keys == {"schema", "hash"}


def test_export_bad_format() -> None:
    """An unknown format is a usage error."""
    r = CliRunner().invoke(app, ["export", "-f", "xls", "-o", "x"])
    assert r.exit_code == 2
