"""A data file cut into its records' texts, so that an edit re-parses only what it touched.

A data file is one top-level key over a block list: `councils:` then items that each begin
with a dash at the same column. Cut before each such dash, every piece is one record's text,
and parsing a run of pieces after the file's own header gives exactly the records the whole
file gives for them, provided each run parses on its own (issue 14):

- the cut lines are real item starts: a dash at the list's column ends any block scalar,
  plain scalar or mapping of the item before, and a piece that ends inside a quoted scalar or
  a flow collection does not parse on its own;
- a cut that is missed (a dash followed by a tab or a line break, a line break YAML knows and
  we do not) leaves two records in one piece, which the item count catches;
- what makes the whole file mean more than its pieces is refused here, and the file is then
  parsed whole: anchors and aliases (the same anchor in two pieces is an error only in the
  whole file), directives and document markers (`%`, `---`, `...` at a line start), a byte
  order mark.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

_BLANK = rb"(?:[ \t]*(?:#[^\r\n]*)?\r?\n)*"
_HEADER = re.compile(_BLANK + rb"([a-z]+):[ \t]*(?:#[^\r\n]*)?\r?\n" + _BLANK + rb"( *)- ")
_MARKERS = (b"\n---", b"\n...", b"\n%")
_BEFORE_INDICATOR = frozenset(b" \t\r\n[{,:?-")
_AFTER_INDICATOR = frozenset(b" \t\r\n")


@dataclass(frozen=True)
class Split:
    """A file's header (the text before its first record) and each record's text.

    When the file cannot be cut (`kind` is None), `chunks` is the whole file, in one piece.
    """

    kind: str | None
    header: bytes
    chunks: list[bytes]

    def text(self, start: int, stop: int) -> bytes:
        """The text that parses to the records of pieces *start* to *stop* (exclusive)."""
        return self.header + b"".join(self.chunks[start:stop])


def split(blob: bytes) -> Split:
    """Cut *blob* (a data file's bytes) into its records' texts, where that is safe."""
    whole = Split(None, b"", [blob])
    if blob.startswith((b"---", b"...", b"%", b"\xef\xbb\xbf")):
        return whole
    if any(marker in blob for marker in _MARKERS) or _has_anchor(blob):
        return whole
    m = _HEADER.match(blob)
    if m is None:
        return whole
    pad = m.group(2)
    start = m.start(2)
    parts = blob[start:].split(b"\n" + pad + b"- ")
    last = len(parts) - 1
    chunks = [
        (pad + b"- " if i else b"") + part + (b"\n" if i < last else b"")
        for i, part in enumerate(parts)
    ]
    return Split(m.group(1).decode("ascii"), blob[:start], chunks)


def _has_anchor(blob: bytes) -> bool:
    """Whether *blob* may hold a YAML anchor (`&a`) or alias (`*a`): either character where a
    node may begin, followed by a name. Text such as 'Barking & Dagenham' does not count;
    a false alarm only costs parsing the file whole."""
    for char in (b"&", b"*"):
        i = blob.find(char)
        while i >= 0:
            before = blob[i - 1] if i else 10
            after = blob[i + 1] if i + 1 < len(blob) else 10
            if before in _BEFORE_INDICATOR and after not in _AFTER_INDICATOR:
                return True
            i = blob.find(char, i + 1)
    return False


def digest(data: bytes) -> bytes:
    """A short digest of one record's text or of a whole file (BLAKE2b, 16 bytes)."""
    return hashlib.blake2b(data, digest_size=16).digest()


@dataclass
class DataFile:
    """One data file as read: its name, bytes and digest, and its records' texts."""

    name: str
    path: Path
    blob: bytes
    digest: bytes
    split: Split

    @classmethod
    def read(cls, path: Path, blob: bytes, *, whole: bool = False) -> DataFile:
        pieces = Split(None, b"", [blob]) if whole else split(blob)
        return cls(path.name, path, blob, digest(blob), pieces)

    def digests(self) -> list[bytes]:
        return [digest(c) for c in self.split.chunks] if self.split.kind else [self.digest]
