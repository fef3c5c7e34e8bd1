"""Honest exits: no data, or data with problems, is an error for every query (issue 13)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from ofsted_cli.dataset import pipeline
from tests.store.conftest import edit

QUERIES = [
    ["show", "wirral"],
    ["compare", "--year", "2019"],
    ["statements"],
    ["councils"],
    ["export", "--format", "json", "--out", "out.json"],
]


def _run(data: Path, *args: str) -> Result:
    from ofsted_cli.cli import app

    return CliRunner().invoke(app, ["--data", str(data), *args], catch_exceptions=False)


@pytest.mark.parametrize("args", QUERIES, ids=lambda a: a[0])
def test_empty_folder_is_an_error(
    tmp_path: Path, args: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A folder with no data files is exit 1 with a pointer to `ofsted validate`."""
    monkeypatch.chdir(tmp_path)  # where `export --out out.json` would write
    empty = tmp_path / "empty"
    empty.mkdir()
    r = _run(empty, *args)
    assert r.exit_code == 1
    assert r.stdout == ""
    assert r.stderr == (
        f"ofsted: the data folder {empty} has no data files (*.yaml);\n"
        f"run `ofsted validate {empty}` to check it\n"
    )


def test_root_as_data_folder_is_an_error() -> None:
    """`--data /` (or OFSTED_DATA=/) has no data files: exit 1, not empty tables."""
    r = _run(Path("/"), "councils")
    assert r.exit_code == 1
    assert "has no data files" in r.stderr and r.stdout == ""


@pytest.mark.parametrize("args", QUERIES, ids=lambda a: a[0])
def test_invalid_data_is_an_error(
    data: Path, args: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Data with problems is exit 1, with the first problems at file:line:col."""
    monkeypatch.chdir(data.parent)
    edit(data / "inspections.yaml", "name: Wirral\n", "name: no\n")
    edit(data / "statements.yaml", "council: halton\n", "council: nowhere\n", count=7)
    n = len(pipeline.validate_folder(data).result.errors)
    r = _run(data, *args)
    assert r.exit_code == 1
    assert r.stdout == ""
    lines = r.stderr.splitlines()
    assert lines[0] == f"ofsted: the data in {data} has {n} problem(s):"
    assert all(re.match(rf"  {re.escape(str(data))}/\w+\.yaml:\d+:\d+: ", x) for x in lines[1:6])
    assert lines[6:] == [f"  … and {n - 5} more", f"run `ofsted validate {data}` to see them all"]


def test_fifo_in_data_folder_does_not_hang(data: Path) -> None:
    """A FIFO named like a data file is refused at once: reading it would block forever."""
    os.mkfifo(data / "more.yaml")
    done = subprocess.run(
        [sys.executable, "-m", "ofsted_cli", "--data", str(data), "councils"],
        capture_output=True,
        text=True,
        timeout=60,
        env=os.environ,
    )
    assert done.returncode == 1
    assert f"{data / 'more.yaml'}:1:1: is a named pipe (FIFO), not a regular file" in done.stderr
