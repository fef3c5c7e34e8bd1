"""The query fixture data set (tests/data/queries), a store built from it, and the CLI on it."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from ofsted_cli.cli import app
from ofsted_cli.store import cache
from tests.conftest import TESTS
from tests.query.runner import Run, RunOn

QUERIES = TESTS / "data" / "queries"
"""Invented councils built for these tests: tests/data/README.md lists the cases."""


@pytest.fixture(scope="session")
def store_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One cache folder for the whole session: the store is built once."""
    return tmp_path_factory.mktemp("query-store")


@pytest.fixture()
def conn(store_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[sqlite3.Connection]:
    """The compiled store of the fixture data, for calling the query functions directly."""
    monkeypatch.setenv("OFSTED_CACHE_DIR", str(store_dir))
    connection = cache.open_store(QUERIES)
    yield connection
    connection.close()


@pytest.fixture()
def run(store_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Run:
    """`ofsted --data tests/data/queries ARGS...` in this process."""
    monkeypatch.setenv("OFSTED_CACHE_DIR", str(store_dir))

    def invoke(*args: str) -> Result:
        return CliRunner().invoke(app, ["--data", str(QUERIES), *args], catch_exceptions=False)

    return invoke


@pytest.fixture()
def run_on(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> RunOn:
    """`ofsted --data FOLDER ARGS...` in this process, for a data set a test wrote."""
    monkeypatch.setenv("OFSTED_CACHE_DIR", str(tmp_path / "store"))

    def invoke(folder: Path, *args: str) -> Result:
        return CliRunner().invoke(app, ["--data", str(folder), *args], catch_exceptions=False)

    return invoke
