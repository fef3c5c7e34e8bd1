"""The compiled store answers from the current data, and an edit costs only what it changed."""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
from pathlib import Path

import pytest

from ofsted_cli.errors import InvalidDataError
from ofsted_cli.query import show
from ofsted_cli.store import cache, place
from tests.store.conftest import Spy, edit, tables


def _wirral_name(data: Path) -> str:
    conn = cache.open_store(data)
    return str(show.show(conn, "wirral")["council"]["name"])


def _rename_wirral(data: Path, new: str) -> None:
    edit(data / "inspections.yaml", "name: Wirral\n", f"name: {new}\n")


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


@pytest.mark.usefixtures("not_racy")
def test_store_is_reused_when_nothing_changed(data: Path, spy: Spy) -> None:
    """A second query opens the same store: no file read, nothing written."""
    cache.open_store(data).close()
    files = sorted((data.parent / "cache").iterdir())
    before = [f.stat().st_mtime_ns for f in files]
    spy.clear()
    conn = cache.open_store(data)
    assert spy.read == [] and spy.parsed == []
    assert sorted((data.parent / "cache").iterdir()) == files
    assert [f.stat().st_mtime_ns for f in files] == before
    with pytest.raises(sqlite3.OperationalError):  # opened read-only
        conn.execute("DELETE FROM councils")


@pytest.mark.usefixtures("not_racy")
def test_edit_reads_and_parses_only_what_changed(data: Path, spy: Spy) -> None:
    """An edit to one record reads only its file and parses only that record (issue 14)."""
    cache.open_store(data).close()
    spy.clear()
    _rename_wirral(data, "Wirral Borough")
    assert _wirral_name(data) == "Wirral Borough"
    assert spy.read == ["inspections.yaml"]
    assert len(spy.parsed) == 1
    # The file's leading comment (its editor modeline) comes with the key above the records.
    assert spy.parsed[0].split("\n", 1)[1].startswith("councils:\n  - id: wirral\n")
    assert spy.parsed[0].count("\n  - id: ") == 1
    spy.clear()
    edit(data / "statements.yaml", "text: still some way", "text: Still some way")
    cache.open_store(data).close()
    assert spy.read == ["statements.yaml"]
    assert [t.count("\n  - id: ") for t in spy.parsed] == [1]


@pytest.mark.usefixtures("not_racy")
def test_touched_file_is_hashed_not_parsed(data: Path, spy: Spy) -> None:
    """A file whose stat moved but whose content did not is read once, then trusted again."""
    cache.open_store(data).close()
    spy.clear()
    os.utime(data / "sources.yaml")
    cache.open_store(data).close()
    assert spy.read == ["sources.yaml"] and spy.parsed == []
    spy.clear()
    cache.open_store(data).close()
    assert spy.read == []


def test_store_is_replaced_never_written_in_place(data: Path) -> None:
    """An update writes a new file and renames it over the old one."""
    cache.open_store(data).close()
    (store,) = (data.parent / "cache").glob("*.sqlite")
    inode = store.stat().st_ino
    _rename_wirral(data, "Wirral Borough")
    assert _wirral_name(data) == "Wirral Borough"
    assert store.stat().st_ino != inode
    assert not list((data.parent / "cache").glob(f"{place.PREFIX}*"))  # no temporary left


def _fresh_build(data: Path, tmp: Path, monkeypatch: pytest.MonkeyPatch) -> sqlite3.Connection:
    monkeypatch.setenv("OFSTED_CACHE_DIR", str(tmp))
    try:
        return cache.open_store(data)
    finally:
        monkeypatch.setenv("OFSTED_CACHE_DIR", str(data.parent / "cache"))


def test_updates_give_the_store_a_fresh_build_gives(
    data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """After edits that change, add, delete and move records, the updated store holds exactly
    the rows that a store built from scratch holds."""
    cache.open_store(data).close()
    _rename_wirral(data, "Wirral Borough")
    cache.open_store(data).close()
    statements = data / "statements.yaml"
    text = statements.read_text(encoding="utf-8")
    first = text.index("\n  - id: ", 20)
    second = text.index("\n  - id: ", first + 1)
    record = text[first:second]
    moved = text[:first] + text[second:] + record.replace("\n", "\n", 1)
    statements.write_text(moved, encoding="utf-8")  # the same record, last
    cache.open_store(data).close()
    edit(statements, "text: still some way for us to go", "text: still some way to go")
    edit(data / "figures.yaml", "  - id: merseyside-childrens-homes-outstanding", "  - id: x-y")
    updated = cache.open_store(data)
    built = _fresh_build(data, tmp_path / "other-cache", monkeypatch)
    assert tables(updated) == tables(built)


def test_broken_cross_file_reference_is_caught(data: Path) -> None:
    """An edit to one file that breaks a reference from an unchanged file is refused, with
    the problem at its exact place in the unchanged file."""
    cache.open_store(data).close()
    edit(data / "sources.yaml", "  - id: seed-001\n", "  - id: seed-one\n")
    with pytest.raises(InvalidDataError) as e:
        cache.open_store(data)
    assert e.value.count > 1
    placed = re.compile(rf"{re.escape(str(data))}/inspections\.yaml:\d+:\d+: .*'seed-001'")
    assert any(placed.match(p) for p in e.value.problems), e.value.problems


def test_invalid_data_is_refused_with_its_first_problems(data: Path) -> None:
    """Queries need valid data: the error carries the first problems and where to see all."""
    edit(data / "inspections.yaml", "name: Wirral\n", "name: no\n")
    with pytest.raises(InvalidDataError) as e:
        cache.open_store(data)
    assert e.value.count == 1
    (problem,) = e.value.problems
    assert problem.startswith(f"{data / 'inspections.yaml'}:")
    assert problem.endswith("YAML reads 'no' as a boolean: write it in quotes ('no') (quote-it)")
    assert f"run `ofsted validate {data}`" in str(e.value)


def test_store_from_fixed_data_after_refusal(data: Path) -> None:
    """After invalid data is fixed, the next query answers."""
    cache.open_store(data).close()
    _rename_wirral(data, "no")
    with pytest.raises(InvalidDataError):
        cache.open_store(data)
    edit(data / "inspections.yaml", "name: no\n", "name: Wirral Again\n")
    assert _wirral_name(data) == "Wirral Again"


def test_added_and_removed_files(data: Path) -> None:
    """A data file that appears or goes means a new build, with the same answers."""
    assert _wirral_name(data) == "Wirral"
    shutil.move(data / "figures.yaml", data.parent / "figures.yaml")
    assert show.show(cache.open_store(data), "wirral")["figures"] == []
    shutil.move(data.parent / "figures.yaml", data / "figures.yaml")
    assert show.show(cache.open_store(data), "wirral")["figures"]


def _name_in_child(data: str, cache_folder: str) -> str:
    os.environ["OFSTED_CACHE_DIR"] = cache_folder
    return _wirral_name(Path(data))


def test_two_processes_building_at_once(data: Path) -> None:
    """Two processes that build the store at the same time both get a complete one."""
    from concurrent.futures import ProcessPoolExecutor

    folder = str(data.parent / "cache")
    with ProcessPoolExecutor(max_workers=2) as pool:
        names = list(pool.map(_name_in_child, [str(data)] * 4, [folder] * 4))
    assert names == ["Wirral"] * 4
    assert sorted(p.suffix for p in (data.parent / "cache").iterdir()) == [".sqlite", ".stamp"]


def test_two_processes_updating_at_once(data: Path) -> None:
    """Processes that apply the same edit at the same time each rename a complete store."""
    from concurrent.futures import ProcessPoolExecutor

    folder = str(data.parent / "cache")
    assert _wirral_name(data) == "Wirral"
    _rename_wirral(data, "Wirral Borough")
    with ProcessPoolExecutor(max_workers=2) as pool:
        names = list(pool.map(_name_in_child, [str(data)] * 4, [folder] * 4))
    assert names == ["Wirral Borough"] * 4
    assert _wirral_name(data) == "Wirral Borough"
    assert sorted(p.suffix for p in (data.parent / "cache").iterdir()) == [".sqlite", ".stamp"]
