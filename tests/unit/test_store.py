"""The compiled store answers from the current data, whatever happened to the cache."""

from __future__ import annotations

import os
import shutil
import sqlite3
import stat
from pathlib import Path

import pytest

from ofsted_cli.errors import InvalidDataError
from ofsted_cli.query import show
from ofsted_cli.store import cache as store
from tests.conftest import DATA


@pytest.fixture()
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("OFSTED_CACHE_DIR", str(tmp_path / "cache"))
    copy = tmp_path / "data"
    shutil.copytree(DATA, copy)
    return copy


def _wirral_name(data: Path) -> str:
    conn = store.open_store(data)
    return str(show.show(conn, "wirral")["council"]["name"])


def _rename_wirral(data: Path, new: str) -> None:
    path = data / "inspections.yaml"
    path.write_text(path.read_text().replace("name: Wirral\n", f"name: {new}\n", 1))


def test_edit_is_reflected_at_once(data: Path) -> None:
    """An edit to a data file shows in the very next query."""
    assert _wirral_name(data) == "Wirral"
    _rename_wirral(data, "Wirral Borough")
    assert _wirral_name(data) == "Wirral Borough"


def test_edit_with_mtime_set_back_is_reflected(data: Path) -> None:
    """Setting the modification time back after an edit does not fool the cache."""
    assert _wirral_name(data) == "Wirral"
    path = data / "inspections.yaml"
    st = path.stat()
    _rename_wirral(data, "Wirrax")  # same length: same size
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert _wirral_name(data) == "Wirrax"


def test_corrupt_cache_is_rebuilt(data: Path) -> None:
    """A damaged cache file is rebuilt, not trusted."""
    assert _wirral_name(data) == "Wirral"
    for f in (data.parent / "cache").iterdir():
        f.write_bytes(b"not a database" * 100)
    assert _wirral_name(data) == "Wirral"


def test_read_only_cache_still_answers(data: Path) -> None:
    """With a cache folder it cannot write, it answers from memory."""
    cache = data.parent / "cache"
    cache.mkdir()
    cache.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        if os.access(cache, os.W_OK):
            pytest.skip("running as a user who can write anywhere (root)")
        assert _wirral_name(data) == "Wirral"
    finally:
        cache.chmod(stat.S_IRWXU)


def test_unwritable_cache_location_still_answers(
    data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A cache path that cannot be a folder (a file is in the way) still answers."""
    blocker = data.parent / "blocker"
    blocker.write_text("a file, not a folder")
    monkeypatch.setenv("OFSTED_CACHE_DIR", str(blocker / "cache"))
    assert _wirral_name(data) == "Wirral"


def test_invalid_data_is_refused(data: Path) -> None:
    """Queries need valid data: problems raise InvalidDataError."""
    path = data / "inspections.yaml"
    path.write_text(path.read_text().replace("name: Wirral\n", "name: no\n", 1))
    with pytest.raises(InvalidDataError, match="run `ofsted validate`"):
        store.open_store(data)


def test_store_is_reused_when_nothing_changed(data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A second query opens the same store without rebuilding it."""
    monkeypatch.setattr(store, "_RACY_NS", -(10**12))  # the copies are brand new: not racy here
    store.open_store(data).close()
    files = list((data.parent / "cache").iterdir())
    before = [f.stat().st_mtime_ns for f in files]
    conn = store.open_store(data)
    assert [f.stat().st_mtime_ns for f in files] == before
    with pytest.raises(sqlite3.OperationalError):  # opened read-only
        conn.execute("DELETE FROM councils")


def _name_in_child(data: str, cache: str) -> str:
    os.environ["OFSTED_CACHE_DIR"] = cache
    return _wirral_name(Path(data))


def test_two_processes_building_at_once(data: Path) -> None:
    """Two processes that build the store at the same time both get a complete one."""
    from concurrent.futures import ProcessPoolExecutor

    cache = str(data.parent / "cache")
    with ProcessPoolExecutor(max_workers=2) as pool:
        names = list(pool.map(_name_in_child, [str(data)] * 4, [cache] * 4))
    assert names == ["Wirral"] * 4
    assert [p.suffix for p in (data.parent / "cache").iterdir()] == [".sqlite"]
