"""A cache file is never trusted blindly: whatever is found there, queries answer (issue 13)."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ofsted_cli.cli import app
from ofsted_cli.store import cache, place, stamp
from tests.store.conftest import edit


def _store(data: Path) -> Path:
    cache.open_store(data).close()
    return cache.store_path(data)


def _show(data: Path) -> str:
    r = CliRunner().invoke(
        app, ["--data", str(data), "show", "wirral", "--full"], catch_exceptions=False
    )
    assert r.exit_code == 0, r.stderr
    return r.stdout


def _hash(store: Path) -> str:
    with sqlite3.connect(store) as conn:
        return str(conn.execute("SELECT value FROM meta WHERE key = 'hash'").fetchone()[0])


def _forge_stamp(data: Path, store: Path, content: str) -> None:
    """Make the stamp vouch for the store as it is now (as if the file had rotted on disk
    without its stat moving), so that only the checks on every open stand in the way."""
    found = {p.name: p.stat() for p in data.iterdir()}
    stamp.write(store, content, 0, found)


def test_garbage_file_is_rebuilt(data: Path) -> None:
    """A cache file that is not a database at all is rebuilt."""
    store = _store(data)
    store.write_bytes(b"not a database" * 100)
    assert "Wirral (wirral)" in _show(data)


def test_foreign_database_is_rebuilt(data: Path) -> None:
    """A SQLite database of someone else's is not read as a store."""
    store = _store(data)
    store.unlink()
    with sqlite3.connect(store) as conn:
        conn.execute("CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT)")
    assert "Wirral (wirral)" in _show(data)


@pytest.mark.parametrize("forged", [False, True])
def test_damaged_pages_are_rebuilt(data: Path, forged: bool) -> None:
    """Pages overwritten behind the header are found by quick_check when the file changed
    since it was stamped, and by the query itself when the stamp still vouches for it."""
    store = _store(data)
    content = _hash(store)
    blob = bytearray(store.read_bytes())
    for at in range(8192, len(blob), 4096 * 7):
        blob[at : at + 2048] = b"\xff" * 2048
    store.write_bytes(bytes(blob))
    if forged:
        _forge_stamp(data, store, content)
    assert "Wirral (wirral)" in _show(data)
    assert sqlite3.connect(store).execute("PRAGMA quick_check").fetchall() == [("ok",)]


@pytest.mark.parametrize("forged", [False, True])
def test_dropped_tables_are_rebuilt(data: Path, forged: bool) -> None:
    """A store missing a table is rebuilt, not queried into a traceback."""
    store = _store(data)
    with sqlite3.connect(store) as conn:
        conn.execute("DROP TABLE inspections")
    if forged:
        _forge_stamp(data, store, _hash(store))
    assert "2016-09-20  Single inspection framework" in _show(data)


MALICIOUS = (
    "DROP TABLE councils;"
    "CREATE VIEW councils AS WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) "
    "SELECT n AS id, n AS name, n AS status, n AS region, n AS ons_code, n AS la_number, "
    "n AS urn, n AS abolished, n AS abolished_first, n AS json, n AS active_until FROM r;"
    "CREATE TRIGGER t AFTER DELETE ON meta BEGIN SELECT n FROM (WITH RECURSIVE r(n) AS "
    "(SELECT 1 UNION ALL SELECT n + 1 FROM r) SELECT n FROM r); END;"
)


@pytest.mark.parametrize("forged", [False, True])
def test_views_and_triggers_are_refused(data: Path, forged: bool) -> None:
    """A store with a view or trigger it did not create (here, an endless one in place of a
    table) is rebuilt; the query neither hangs nor runs it."""
    store = _store(data)
    with sqlite3.connect(store) as conn:
        conn.executescript(MALICIOUS)
    if forged:
        _forge_stamp(data, store, _hash(store))
    done = subprocess.run(
        [sys.executable, "-m", "ofsted_cli", "--data", str(data), "show", "wirral"],
        capture_output=True,
        text=True,
        timeout=120,
        env=os.environ,
    )
    assert done.returncode == 0, done.stderr
    assert "Wirral (wirral)" in done.stdout
    kinds = {r[0] for r in sqlite3.connect(store).execute("SELECT type FROM sqlite_master")}
    assert kinds == {"table", "index"}


def test_store_of_another_folder_is_rebuilt(data: Path, tmp_path: Path) -> None:
    """A store built for another data folder, found under this folder's name, is rebuilt."""
    other = tmp_path / "other"
    other.mkdir()
    (other / "groups.yaml").write_text((data / "groups.yaml").read_text())
    store = _store(data)
    os.replace(_store(other), store)
    assert "Wirral (wirral)" in _show(data)


@pytest.mark.parametrize("name", ["a?b", "c#d", "e%20f", "g h&i=j"])
def test_cache_path_with_uri_characters(
    data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    """A cache folder whose name holds URI syntax works, and the store is written there."""
    folder = tmp_path / name
    monkeypatch.setenv("OFSTED_CACHE_DIR", str(folder))
    assert "Wirral (wirral)" in _show(data)
    edit(data / "inspections.yaml", "name: Wirral\n", "name: Wirral Borough\n")
    assert "Wirral Borough (wirral)" in _show(data)
    assert [p.suffix for p in sorted(folder.iterdir())] == [".sqlite", ".stamp"]


def test_unwritable_cache_location_still_answers(
    data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A cache path that cannot be a folder (a file is in the way) still answers."""
    blocker = data.parent / "blocker"
    blocker.write_text("a file, not a folder")
    monkeypatch.setenv("OFSTED_CACHE_DIR", str(blocker / "cache"))
    assert "Wirral (wirral)" in _show(data)


def test_update_without_a_writable_cache(data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """When the cache folder can no longer be written, an edit is applied in memory."""
    store = _store(data)
    before = store.read_bytes()

    def refuse(folder: Path, suffix: str = "") -> Path:
        raise PermissionError(folder)

    monkeypatch.setattr(place, "temporary", refuse)
    edit(data / "inspections.yaml", "name: Wirral\n", "name: Wirral Borough\n")
    assert "Wirral Borough (wirral)" in _show(data)
    assert store.read_bytes() == before


@pytest.mark.parametrize("kind", ["folder", "link", "fifo"])
def test_only_a_regular_file_is_replaced(data: Path, tmp_path: Path, kind: str) -> None:
    """Where the store should be, a folder, a link or a FIFO is left alone; queries answer."""
    store = cache.store_path(data)
    store.parent.mkdir(parents=True)
    target = tmp_path / "elsewhere.txt"
    target.write_text("keep me")
    if kind == "folder":
        store.mkdir()
    elif kind == "link":
        store.symlink_to(target)
    else:
        os.mkfifo(store)
    assert "Wirral (wirral)" in _show(data)
    assert "Wirral (wirral)" in _show(data)
    assert target.read_text() == "keep me"
    assert {"folder": store.is_dir(), "link": store.is_symlink(), "fifo": store.is_fifo()}[kind]
    assert not list(store.parent.glob(f"{place.PREFIX}*"))
