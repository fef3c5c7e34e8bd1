"""`ofsted fmt`: rewrite data files in the canonical form, or show what would change.

A file is rewritten only when it is valid on its own (every problem `validate` finds in one
file: YAML, duplicate keys, the schema), holds no comment below its leading comment block, and
reads back as the same records; every file is written or none (`writer.write_all`).
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ofsted_cli.dataset import canonical, files, loading, writer
from ofsted_cli.dataset.schema import Records, check_document


@dataclass
class Formatted:
    """One file: whether its canonical form differs, the diff, and why it was left alone."""

    path: str
    changed: bool = False
    diff: str = ""
    problems: list[str] = field(default_factory=list)
    """`file:line:col: message` lines; a file with any is neither checked nor written."""
    text: str = ""
    """The canonical text."""


@dataclass
class FormatResult:
    """Every file looked at."""

    files: list[Formatted] = field(default_factory=list)

    @property
    def changed(self) -> list[Formatted]:
        return [f for f in self.files if f.changed]

    @property
    def refused(self) -> list[Formatted]:
        return [f for f in self.files if f.problems]


def format_paths(paths: list[Path], *, write: bool) -> FormatResult:
    """Format the data files in *paths* (files or folders); write them when *write*."""
    result = FormatResult([format_file(p) for p in files.expand(paths)])
    if write and result.changed and not result.refused:
        writer.write_all({Path(f.path): f.text for f in result.changed})
    return result


def format_file(path: Path) -> Formatted:
    """The canonical form of one file, compared with the file (nothing is written)."""
    out = Formatted(str(path))
    before = _records(loading.load_file(path))
    if isinstance(before, list):
        out.problems = before
        return out
    doc, kind, records = before
    assert doc.text is not None  # a document without problems was read from text
    stray = canonical.stray_comments(doc.text)
    if stray:
        out.problems = [
            f"{path}:{line}:{col}: a comment here would be lost: `ofsted fmt` keeps only the "
            "comment block at the top of a file; move it there, or into a record's notes"
            for line, col in stray
        ]
        return out
    out.text = canonical.render(kind, doc.data[kind], doc.text)
    after = _records(loading.load_text(out.text, str(path)))
    if isinstance(after, list) or after[2] != records:  # never expected: a bug, not the data
        out.problems = [f"{path}:1:1: the canonical form would change the data; nothing written"]
        return out
    if out.text != doc.text:
        out.changed = True
        out.diff = "".join(
            difflib.unified_diff(
                doc.text.splitlines(keepends=True),
                out.text.splitlines(keepends=True),
                f"{path}",
                f"{path} (canonical)",
            )
        )
    return out


def _records(doc: loading.Document) -> list[str] | tuple[loading.Document, str, list[Any]]:
    """Problem lines, or (the document, its kind, its records as plain data)."""
    checked = Records()
    check_document(checked, doc)
    if checked.problems or len(checked.kinds_seen) != 1:
        return [p.parsable() for p in sorted(set(checked.problems))] or [
            f"{doc.path}:1:1: not a data file"
        ]
    kind = next(iter(checked.kinds_seen))
    return doc, kind, [p.record.model_dump() for p in checked[kind]]
