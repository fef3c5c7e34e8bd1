"""`ofsted export`: check the request and the target, validate the data, write one format."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from ofsted_cli import target
from ofsted_cli.errors import SHOWN_PROBLEMS, InvalidDataError, UsageError
from ofsted_cli.export.datapackage import DESCRIPTOR
from ofsted_cli.export.rows import Tables
from ofsted_cli.export.tables import BY_NAME, TABLES

FORMATS = ("csv", "json", "sqlite", "datapackage", "xlsx")
STREAMS = ("csv", "json")
"""Formats that are one stream of text, so `--out -` can write them to standard output."""
FOLDERS = ("csv", "datapackage")
"""Formats written as a folder of files."""
OURS = frozenset({f"{t.name}.csv" for t in TABLES} | {DESCRIPTOR})
"""Every file name a folder export writes: --force replaces a folder holding only these."""
_EXAMPLE = {"sqlite": "ofsted.sqlite", "xlsx": "ofsted.xlsx", "datapackage": "ofsted-data/"}


def check_options(fmt: str, out: Path, excel: bool, table: str | None) -> None:
    """Raise UsageError for options that do not go together."""
    stream = str(out) == "-"
    if stream and fmt not in STREAMS:
        raise UsageError(
            f"{fmt} is not a stream and cannot go to standard output: give a "
            f"{'folder' if fmt in FOLDERS else 'file'} with --out, e.g. --out {_EXAMPLE[fmt]}"
        )
    if excel and fmt != "csv":
        raise UsageError("--excel is for --format csv (a byte-order mark for Excel)")
    if table is not None and not (fmt == "csv" and stream):
        raise UsageError("--table picks the one table that --format csv --out - writes")
    if table is not None and table not in BY_NAME:
        raise UsageError(f"no table {table!r}; tables: {', '.join(BY_NAME)}")
    if fmt == "csv" and stream and table is None:
        raise UsageError(
            "a CSV stream holds one table: add --table NAME (one of "
            f"{', '.join(BY_NAME)}), or give a folder with --out"
        )


def sidecar(out: Path) -> Path:
    """Datasette's metadata.json beside the database: ofsted.sqlite -> ofsted.metadata.json."""
    return out.with_name(f"{out.stem}.metadata.json")


def export(
    data_dir: Path,
    fmt: str,
    out: Path,
    *,
    force: bool = False,
    excel: bool = False,
    table: str | None = None,
    stdout: TextIO | None = None,
) -> list[Path]:
    """Export the data in *data_dir* as *fmt* to *out* ('-': *stdout*); return what was written.

    Raise UsageError for options that do not fit, OutPathError for a target that cannot be
    written or replaced, InvalidDataError when the data has problems. Nothing is written then.
    """
    from ofsted_cli.dataset import pipeline  # pydantic: only once the request is sound

    check_options(fmt, out, excel, table)
    outs = [sidecar(out), out] if fmt == "sqlite" else [out]
    if str(out) != "-":
        for path in outs:
            if path.resolve().is_relative_to(data_dir.resolve()):
                raise target.OutPathError(
                    f"{path} is inside the data folder {data_dir}; export somewhere else"
                )
            target.check(path, folder=fmt in FOLDERS, force=force, ours=OURS)
    checked = pipeline.validate_folder(data_dir)
    if not checked.result.files:
        raise InvalidDataError(0, str(data_dir), reason="has no data files (*.yaml)")
    if not checked.result.ok:
        errors = checked.result.errors
        shown = [e.parsable() for e in errors[:SHOWN_PROBLEMS]]
        raise InvalidDataError(len(errors), str(data_dir), shown)
    if fmt == "json":
        from ofsted_cli.export import nested

        return _write_text(nested.text(checked.records), out, stdout)
    from ofsted_cli.export import rows

    tables = rows.build(checked.records)
    if str(out) == "-":
        assert stdout is not None and table is not None
        _stream_csv(tables, table, excel, stdout)
        return []
    with target.staged(outs, folder=fmt in FOLDERS) as temps:
        _WRITERS[fmt](tables, temps, out, excel)
    return outs


def _write_text(text: str, out: Path, stdout: TextIO | None) -> list[Path]:
    if str(out) == "-":
        assert stdout is not None
        stdout.write(text)
        return []
    with target.staged([out], folder=False) as (tmp,):
        tmp.write_text(text, encoding="utf-8")
    return [out]


def _stream_csv(tables: Tables, name: str, excel: bool, stdout: TextIO) -> None:
    from ofsted_cli.export.cells import write_csv

    if excel:
        stdout.write("\ufeff")
    write_csv(BY_NAME[name], tables[name], stdout)


def newest_day(tables: Tables) -> dt.date:
    """The newest day the data names (publications and statements): dates an XLSX file."""
    from ofsted_cli.vocab import dates

    found = [
        dates.earliest(row[col])
        for name, col in (
            ("inspections", "published"),
            ("sources", "published"),
            ("statements", "date"),
        )
        for row in tables[name]
        if row[col]
    ]
    return max(found, default=dt.date(2009, 1, 1))


def _csv(tables: Tables, temps: list[Path], out: Path, excel: bool) -> None:
    from ofsted_cli.export.cells import write_csv

    for table in TABLES:
        path = temps[0] / f"{table.name}.csv"
        with path.open("w", encoding="utf-8-sig" if excel else "utf-8", newline="") as f:
            write_csv(table, tables[table.name], f)


def _datapackage(tables: Tables, temps: list[Path], out: Path, excel: bool) -> None:
    from ofsted_cli.export import datapackage

    datapackage.write(tables, temps[0])


def _sqlite(tables: Tables, temps: list[Path], out: Path, excel: bool) -> None:
    import json

    from ofsted_cli.export import metadata, sqlite

    meta = metadata.datasette(out.stem)
    temps[0].write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    # The temporary file is empty, and SQLite opens an empty file as a new database.
    sqlite.write(tables, temps[1])


def _xlsx(tables: Tables, temps: list[Path], out: Path, excel: bool) -> None:
    from ofsted_cli.export import xlsx

    xlsx.write(tables, temps[0], newest_day(tables))


_WRITERS: dict[str, Callable[[Tables, list[Path], Path, bool], None]] = {
    "csv": _csv,
    "datapackage": _datapackage,
    "sqlite": _sqlite,
    "xlsx": _xlsx,
}
