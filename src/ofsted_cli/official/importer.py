"""`ofsted import`: read official releases, merge them into the data, write all files or none."""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ofsted_cli.dataset import canonical, files, pipeline, writer
from ofsted_cli.errors import SHOWN_PROBLEMS, ImportFormatError, InvalidDataError, WriteError
from ofsted_cli.official import editions, identity, merge_scrape, scrape
from ofsted_cli.official.merge import ImportReport, Merge
from ofsted_cli.official.releases import Release, Row
from ofsted_cli.vocab.kinds import KINDS


def read_files(
    files: list[Path], progress: Callable[[str], None], total: int | None = None
) -> list[tuple[Release, list[Row]]]:
    """Read every workbook, newest official release first (so that newer releases win);
    progress counts them out of *total* files (default: these)."""
    read = []
    for path in files:  # all before the first is read: a bad one fails fast
        _regular(path)
    for i, path in enumerate(files, 1):
        progress(f"[{i}/{total or len(files)}] reading {path.name}")
        release, rows = editions.read(path)
        progress(f"        {release.title}: {len(rows)} inspections and visits")
        read.append((release, rows))
    read.sort(key=lambda pair: pair[0].published or "", reverse=True)
    return read


def run(
    files: list[Path],
    data_dir: Path,
    lookup: Path | None = None,
    *,
    write: bool = True,
    progress: Callable[[str], None] = lambda _: None,
) -> ImportReport:
    """Import *files* into *data_dir*; return the report. Raise OfstedError on any failure."""
    checked = pipeline.validate_folder(data_dir, keep=True)
    if checked.result.files and not checked.result.ok:
        errors = checked.result.errors
        shown = [e.parsable() for e in errors[:SHOWN_PROBLEMS]]
        raise InvalidDataError(len(errors), str(data_dir), shown)
    named = [f for f in files if f.name == identity.LOOKUP]  # `*.csv` names the lookup too
    files = [f for f in files if f not in named]
    if lookup is None and named:
        lookup = named[0]
    report = ImportReport(files=[str(f) for f in files])
    if lookup is None and files and (files[0].parent / identity.LOOKUP).is_file():
        lookup = files[0].parent / identity.LOOKUP
    entries = identity.read_lookup(lookup) if lookup else []  # a bad lookup fails fast
    scrapes = [f for f in files if scrape.is_scrape(f)]
    read = read_files([f for f in files if f not in scrapes], progress, len(files))
    report.rows = sum(len(rows) for _, rows in read)
    scraped: list[scrape.ScrapeRow] = []
    for i, path in enumerate(scrapes, len(read) + 1):
        progress(f"[{i}/{len(files)}] reading {path.name} (report scrape)")
        _, found, skipped = scrape.read(path, entries)
        report.rows += len(found) + len(skipped)
        report.skipped += skipped
        scraped += found
    merge = Merge(
        list(checked.raw.get("councils", [])), list(checked.raw.get("sources", [])), entries, report
    )
    for release, rows in read:
        merge.cite(release)
        for row in rows:
            merge.apply(row)
    if scraped:  # after the official releases: it only adds what they do not have
        merge.cite(scrape.RELEASE)
        merge_scrape.apply_all(merge, scraped)
    if lookup:
        merge.cite(identity.SOURCE)
    for council in merge.councils:
        for insp in council.get("inspections", []):
            report.totals[insp["framework"]] += 1
    if write:
        report.written = _write(data_dir, merge)
    return report


def _regular(path: Path) -> None:
    """Refuse a path that is not a regular file before a reader opens it (a pipe would block
    it, a device feed it forever)."""
    try:
        mode = os.stat(path).st_mode
    except OSError as e:
        raise ImportFormatError(f"{path}: {(e.strerror or 'cannot be read').lower()}") from None
    if not stat.S_ISREG(mode):
        raise ImportFormatError(f"{path}: not a regular file; only files are read")


def _write(data_dir: Path, merge: Merge) -> list[str]:
    """Write the changed files in the canonical form `ofsted fmt` writes, all or none."""
    records: dict[str, list[Any]] = {}
    if "councils" in merge.dirty:
        councils = sorted(
            merge.councils, key=lambda c: (c.get("status", "current") != "current", c["id"])
        )
        records["councils"] = councils
    if "sources" in merge.dirty:
        records["sources"] = merge.sources
    texts: dict[Path, str] = {}
    for kind, items in records.items():
        path = data_dir / KINDS[kind].file
        previous = files.read_bytes(path).decode("utf-8") if path.exists() else None
        stray = canonical.stray_comments(previous) if previous else []
        if stray:
            line, col = stray[0]
            raise WriteError(
                f"will not rewrite {path}: the comment at {line}:{col} would be lost (only the "
                "comment block at the top of a file is kept); move it there or into a record's "
                "notes; no file was changed"
            )
        texts[path] = canonical.render(kind, items, previous)
    writer.write_all(texts)
    return [str(p) for p in texts]
