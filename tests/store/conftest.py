"""Fixtures for the store: a copy of the shipped data with its own cache, and spies."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from ofsted_cli.dataset import loading
from ofsted_cli.store import cache, datafiles, stamp, update
from tests.conftest import DATA


@pytest.fixture()
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the shipped data, with the cache in tmp_path/cache."""
    monkeypatch.setenv("OFSTED_CACHE_DIR", str(tmp_path / "cache"))
    copy = tmp_path / "data"
    shutil.copytree(DATA, copy)
    return copy


@pytest.fixture()
def not_racy(monkeypatch: pytest.MonkeyPatch) -> None:
    """Files copied or edited a moment ago are always read again (the stamp's racy rule);
    tests that count reads turn the rule off."""
    monkeypatch.setattr(stamp, "RACY_NS", -(10**15))


@pytest.fixture(autouse=True)
def _no_safety_net(monkeypatch: pytest.MonkeyPatch) -> None:
    """The store never needs its safety net (filling from the full validation's records):
    the fast path accepts all the valid data the tests make."""

    def refuse(*args: object) -> None:
        raise AssertionError("the fast path refused data the full validation accepts")

    monkeypatch.setattr(update, "fill", refuse)


@dataclass
class Spy:
    """What the store read and parsed."""

    read: list[str] = field(default_factory=list)
    parsed: list[str] = field(default_factory=list)

    def clear(self) -> None:
        self.read.clear()
        self.parsed.clear()


@pytest.fixture()
def spy(monkeypatch: pytest.MonkeyPatch) -> Spy:
    found = Spy()
    real_read, real_load = datafiles.read_data, loading.load_bytes

    def read(path: Path) -> bytes:
        found.read.append(path.name)
        return real_read(path)

    def load(blob: bytes, path: str) -> loading.Document:
        found.parsed.append(blob.decode())
        return real_load(blob, path)

    monkeypatch.setattr(cache, "read_data", read)
    monkeypatch.setattr(loading, "load_bytes", load)
    return found


def edit(path: Path, old: str, new: str, count: int = 1) -> None:
    """Replace *old* by *new* in *path* (it must be there)."""
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def tables(conn: sqlite3.Connection) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table of a store, sorted: two stores with the same content match."""
    names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    return {n: sorted(conn.execute(f"SELECT * FROM {n}"), key=repr) for n in names if n != "meta"}


Opener = Callable[[Path], sqlite3.Connection]
