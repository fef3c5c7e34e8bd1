"""The one validation pipeline: files -> YAML documents -> schema -> cross-record rules.

`validate`, the compiled store and the importer all call it, so that a data set means the same
thing to each of them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ofsted_cli.dataset import files, loading, rules
from ofsted_cli.dataset.memory import no_gc
from ofsted_cli.dataset.problems import CheckResult
from ofsted_cli.dataset.records import Records
from ofsted_cli.dataset.schema import check_document
from ofsted_cli.vocab import dates


@dataclass
class Validation:
    """A validated data set: its valid records, what was found, and (if kept) the raw data."""

    records: Records
    result: CheckResult
    raw: dict[str, Any] = field(default_factory=dict)
    """Top-level key -> the data as parsed, when asked for with keep=True."""


def validate_paths(
    paths: Iterable[Path], *, today: str | None = None, keep: bool = False
) -> Validation:
    """Validate files and folders as given on a command line."""
    return validate_documents((loading.load_file(p) for p in files.expand(paths)), today, keep)


def validate_folder(folder: Path, *, today: str | None = None, keep: bool = False) -> Validation:
    """Validate the data files of one data folder."""
    return validate_paths(files.data_files(folder), today=today, keep=keep)


def validate_blobs(
    blobs: Iterable[tuple[Path, bytes]], *, today: str | None = None, keep: bool = False
) -> Validation:
    """Validate file contents already read (the store hashes the same bytes it validates)."""
    docs = (loading.load_bytes(blob, str(path)) for path, blob in blobs)
    return validate_documents(docs, today, keep)


def validate_documents(
    docs: Iterable[loading.Document], today: str | None = None, keep: bool = False
) -> Validation:
    """Schema-check each document, then run the cross-record rules.

    Each document's node tree and data are let go once its records are validated (unless
    *keep*), so that memory holds one file's tree at a time, as `yaml.load` would.
    """
    records, paths, raw = Records(), [], {}
    with no_gc():
        for doc in docs:
            paths.append(doc.path)
            check_document(records, doc)
            if keep and isinstance(doc.data, dict) and len(doc.data) == 1:
                raw.update(doc.data)
            if not keep and not doc.duplicates:  # a duplicate key is located through the tree
                doc.release()
        problems = records.problems + rules.check(records, today or dates.today())
    counts = {
        kind: len(items) for kind, items in records.by_kind.items() if kind in records.kinds_seen
    }
    counts["inspections"] = sum(len(p.record.inspections) for p in records["councils"])
    return Validation(records, CheckResult(sorted(set(problems)), paths, counts), raw)
