"""Which files make a data set: the one place that lists data files in folders."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from ofsted_cli.vocab.kinds import FILES, SUFFIXES

_ORDER = {name: i for i, name in enumerate(FILES)}


def _ordered(paths: Iterable[Path]) -> list[Path]:
    return sorted(paths, key=lambda p: (_ORDER.get(p.name, len(FILES)), p.name))


def data_files(folder: Path) -> list[Path]:
    """The data files in *folder*, councils first (the canonical order); [] if unreadable."""
    try:
        found = [p for p in folder.iterdir() if p.suffix in SUFFIXES]
    except OSError:
        return []
    return _ordered(found)


def expand(paths: Iterable[Path]) -> list[Path]:
    """Files to check: each file as given, each folder's data files; an empty folder as itself
    (so that it is reported, not skipped)."""
    out: list[Path] = []
    for p in paths:
        if p.is_dir() and p.suffix not in SUFFIXES:
            out.extend(data_files(p) or [p])
        else:
            out.append(p)
    return out
