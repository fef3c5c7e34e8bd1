"""`ofsted export` end to end: formats, --out -, --force, hostile paths, exit codes."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from ofsted_cli.cli import app
from ofsted_cli.export import run
from tests.conftest import TESTS
from tests.export.conftest import FORMULA, make_hostile

VALID = TESTS / "data" / "valid"


def _export(*args: str, data: Path | None = None) -> Result:
    pre = ["--data", str(data)] if data else []
    return CliRunner().invoke(app, [*pre, "export", *args], catch_exceptions=False)


def _refused(r: Result, code: int, words: str) -> None:
    """Refused with *code*: one line on stderr saying *words*, nothing on stdout."""
    assert r.exit_code == code, r.stdout + r.stderr
    assert r.stderr.startswith("ofsted: ") and r.stderr.count("\n") == 1, r.stderr
    assert words in r.stderr and "Traceback" not in r.stderr
    assert r.stdout == ""


def _rows(path: Path, encoding: str = "utf-8") -> list[dict[str, str]]:
    with path.open(encoding=encoding, newline="") as f:
        return list(csv.DictReader(f))


def test_csv_folder(tmp_path: Path) -> None:
    """A CSV per table: inspections with a column per judgement area and its words beside it,
    partial dates with their precision; `wrote` on stderr, nothing on stdout."""
    r = _export("-f", "csv", "-o", str(tmp_path / "out"))
    assert r.exit_code == 0, r.stderr
    assert r.stdout == "" and r.stderr == f"wrote {tmp_path / 'out'}\n"
    rows = {row["id"]: row for row in _rows(tmp_path / "out" / "inspections.csv")}
    wirral = rows["wirral-sif-2016-09-20"]
    assert (wirral["overall_effectiveness"], wirral["overall_effectiveness_label"]) == (
        "inadequate",
        "Inadequate",
    )
    assert (wirral["ons_code"], wirral["published_precision"]) == ("E08000015", "day")
    assert wirral["start"] == "2016-07" and wirral["start_precision"] == "month"
    names = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert names == sorted(n for n in run.OURS if n.endswith(".csv"))
    assert (tmp_path / "out" / "inspections.csv").read_bytes()[:2] == b"id"


def test_csv_excel_bom(tmp_path: Path) -> None:
    """--excel starts each file with a UTF-8 byte-order mark, so Excel reads ’ “ £ right."""
    r = _export("-f", "csv", "-o", str(tmp_path / "out"), "--excel")
    assert r.exit_code == 0, r.stderr
    blob = (tmp_path / "out" / "statements.csv").read_bytes()
    assert blob.startswith(b"\xef\xbb\xbf")
    assert "’" in blob.decode("utf-8-sig")
    assert _rows(tmp_path / "out" / "councils.csv", "utf-8-sig")[0]["id"]


def test_formula_text_is_inert_in_csv(tmp_path: Path) -> None:
    """A statement beginning with '=' is written with a leading quote (and validate warns)."""
    hostile_data = make_hostile(tmp_path / "data")
    r = _export("-f", "csv", "-o", str(tmp_path / "out"), data=hostile_data)
    assert r.exit_code == 0, r.stderr
    texts = [row["text"] for row in _rows(tmp_path / "out" / "statements.csv")]
    assert "'" + FORMULA in texts and FORMULA not in texts
    checked = CliRunner().invoke(app, ["validate", str(hostile_data)], catch_exceptions=False)
    assert checked.exit_code == 0 and "(formula-text)" in checked.stdout
    github = CliRunner().invoke(app, ["validate", str(hostile_data), "-f", "github"])
    assert github.exit_code == 0 and github.stdout.startswith("::warning file=")


def test_empty_tables_keep_their_header(tmp_path: Path) -> None:
    """A data set without some kinds still gives every table, headers only."""
    data = tmp_path / "data"
    data.mkdir()
    shutil.copy(VALID / "sources.yaml", data)
    r = _export("-f", "csv", "-o", str(tmp_path / "out"), data=data)
    assert r.exit_code == 0, r.stderr
    lines = (tmp_path / "out" / "councils.csv").read_text(encoding="utf-8").splitlines()
    assert lines == [
        "id,name,other_names,ons_code,la_number,urn,region,status,abolished,"
        "abolished_precision,notes"
    ]


def test_json_to_a_file_and_to_stdout(tmp_path: Path) -> None:
    """--out - writes JSON to standard output; it is the same as the file."""
    assert _export("-f", "json", "-o", str(tmp_path / "a.json")).exit_code == 0
    r = _export("-f", "json", "-o", "-")
    assert r.exit_code == 0 and r.stderr == ""
    assert r.stdout == (tmp_path / "a.json").read_text(encoding="utf-8")
    data = json.loads(r.stdout)
    assert list(data) == ["councils", "statements", "sources", "groups", "figures"]
    assert sum(len(c["inspections"]) for c in data["councils"]) > 900


def test_one_csv_table_to_stdout() -> None:
    """csv to standard output is one table, named with --table."""
    r = _export("-f", "csv", "-o", "-", "--table", "latest_ratings")
    assert r.exit_code == 0, r.stderr
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    assert {row["council_id"] for row in rows} >= {"wirral", "liverpool"}


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["-f", "sqlite", "-o", "-"], "sqlite is not a stream"),
        (["-f", "xlsx", "-o", "-"], "xlsx is not a stream"),
        (["-f", "datapackage", "-o", "-"], "datapackage is not a stream"),
        (["-f", "csv", "-o", "-"], "add --table"),
        (["-f", "csv", "-o", "-", "--table", "nope"], "no table 'nope'"),
        (["-f", "json", "-o", "-", "--table", "councils"], "--table picks"),
        (["-f", "json", "-o", "x.json", "--excel"], "--excel is for --format csv"),
    ],
)
def test_usage_errors(args: list[str], words: str) -> None:
    """Options that do not fit are usage errors: exit 2, one line, nothing written."""
    _refused(_export(*args), 2, words)


def test_unknown_format() -> None:
    """An unknown format is a usage error."""
    assert _export("-f", "xls", "-o", "x").exit_code == 2


def test_existing_file_needs_force(tmp_path: Path) -> None:
    """An existing file is refused (exit 1, naming --force) and left as it was; --force
    replaces it with the export."""
    out = tmp_path / "ofsted.json"
    out.write_text("keep me", encoding="utf-8")
    _refused(_export("-f", "json", "-o", str(out)), 1, "use --force")
    assert out.read_text(encoding="utf-8") == "keep me"
    assert _export("-f", "json", "-o", str(out), "--force").exit_code == 0
    assert json.loads(out.read_text(encoding="utf-8"))["councils"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ofsted.json"]  # no temporaries


def test_force_replaces_only_an_export_folder(tmp_path: Path) -> None:
    """--force replaces a folder of an earlier export, but not a folder holding anything else."""
    out = tmp_path / "out"
    assert _export("-f", "datapackage", "-o", str(out)).exit_code == 0
    _refused(_export("-f", "csv", "-o", str(out)), 1, "use --force")
    assert _export("-f", "csv", "-o", str(out), "--force").exit_code == 0
    assert not (out / "datapackage.json").exists() and (out / "councils.csv").exists()
    (out / "my-notes.txt").write_text("mine", encoding="utf-8")
    _refused(_export("-f", "csv", "-o", str(out), "--force"), 1, "my-notes.txt")
    assert (out / "my-notes.txt").read_text(encoding="utf-8") == "mine"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def test_sqlite_writes_metadata_beside_it(tmp_path: Path) -> None:
    """sqlite writes the database and Datasette's metadata.json, both refused if present."""
    r = _export("-f", "sqlite", "-o", str(tmp_path / "ofsted.sqlite"))
    assert r.exit_code == 0, r.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ofsted.metadata.json", "ofsted.sqlite"]
    (tmp_path / "ofsted.sqlite").unlink()
    _refused(_export("-f", "sqlite", "-o", str(tmp_path / "ofsted.sqlite")), 1, "use --force")
    assert not (tmp_path / "ofsted.sqlite").exists()


def test_hostile_paths(tmp_path: Path) -> None:
    """A folder for a file, a file for a folder, a missing parent, a device, a link, a system
    folder: each a clear one-line error, exit 1, nothing damaged."""
    (tmp_path / "folder").mkdir()
    (tmp_path / "file.txt").write_text("keep", encoding="utf-8")
    victim = tmp_path / "victim.json"
    victim.write_text("victim", encoding="utf-8")
    (tmp_path / "link.json").symlink_to(victim)
    (tmp_path / "devlink").symlink_to("/dev")
    cases = [
        (["-f", "json", "-o", str(tmp_path / "folder")], "is a folder"),
        (["-f", "csv", "-o", str(tmp_path / "file.txt"), "--force"], "is a file"),
        (["-f", "xlsx", "-o", str(tmp_path / "missing" / "x.xlsx")], "does not exist"),
        (["-f", "json", "-o", "/dev/null", "--force"], "system folder"),
        (["-f", "json", "-o", str(tmp_path / "link.json"), "--force"], "symbolic link"),
        (["-f", "json", "-o", str(tmp_path / "devlink" / "x.json")], "system folder"),
        (["-f", "json", "-o", "/proc/ofsted-export.json"], "system folder"),
    ]
    for args, words in cases:
        _refused(_export(*args), 1, words)
    assert victim.read_text(encoding="utf-8") == "victim"
    assert (tmp_path / "file.txt").read_text(encoding="utf-8") == "keep"
    assert not list((tmp_path / "folder").iterdir())


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_read_only_folder(tmp_path: Path) -> None:
    """A folder that cannot be written: a clear error, exit 1."""
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        _refused(_export("-f", "json", "-o", str(locked / "x.json")), 1, "permission denied")
    finally:
        locked.chmod(0o700)


def test_the_data_folder_is_never_a_target(tmp_path: Path) -> None:
    """An export into the data folder is refused, --force or not: curated files are safe."""
    data = tmp_path / "data"
    shutil.copytree(VALID, data)
    before = {p.name: p.read_bytes() for p in data.iterdir()}
    target = str(data / "inspections.yaml")
    _refused(_export("-f", "json", "-o", target, "--force", data=data), 1, "inside the data folder")
    assert {p.name: p.read_bytes() for p in data.iterdir()} == before


def test_invalid_data_is_refused(tmp_path: Path) -> None:
    """Data with problems is not exported: exit 1, its first problems located, pointing at
    `ofsted validate`."""
    bad = TESTS / "data" / "invalid" / "unknown-grade"
    r = _export("-f", "json", "-o", str(tmp_path / "x.json"), data=bad)
    assert (r.exit_code, r.stdout) == (1, "")
    assert r.stderr.startswith(f"ofsted: the data in {bad} has 1 problem(s):\n")
    assert f"  {bad}/inspections.yaml:10:34: " in r.stderr
    assert r.stderr.endswith(f"run `ofsted validate {bad}` to see them all\n")
    assert not list(tmp_path.iterdir())


def test_a_failed_export_leaves_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An error while writing leaves the old export in place and no temporary behind."""
    out = tmp_path / "ofsted.xlsx"
    out.write_bytes(b"old")

    def broken(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setitem(run._WRITERS, "xlsx", broken)
    _refused(_export("-f", "xlsx", "-o", str(out), "--force"), 1, "no space left on device")
    assert out.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["ofsted.xlsx"]
