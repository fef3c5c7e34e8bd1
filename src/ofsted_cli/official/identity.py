"""Council identity: the community lookup of URNs, codes and other names."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from ofsted_cli.dataset import files
from ofsted_cli.errors import FileReadError, ImportFormatError
from ofsted_cli.official.releases import Release
from ofsted_cli.vocab.names import key

LOOKUP = "Provider_data_lookup.csv"
SOURCE = Release(
    "data-to-insight-la-lookup",
    "Provider data lookup of English local authorities (la_lookup)",
    None,
    None,
    official=False,
    publisher="Data to Insight",
    kind="dataset",
    notes="Community lookup (MIT licence) of Ofsted provider URNs, DfE LA numbers, ONS codes, "
    "regions and alternative names; used for councils' identifiers and other names.",
)
_NEED = {"urn", "la_code", "la_code_new", "local_authority_ons_name", "also_known_as", "ltla23cd"}


@dataclass(frozen=True)
class Entry:
    """One council in the lookup."""

    urn: str | None
    la_number: str | None
    ons_code: str | None
    """Its current ONS code; None for a council that no longer exists."""
    old_ons_code: str | None
    """The code of a council that no longer exists (ltla23cd)."""
    name: str
    aliases: tuple[str, ...]

    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


def split_aliases(text: str, name: str) -> tuple[str, ...]:
    """The names in a lookup cell such as '[BCP, Bournemouth, Christchurch & Poole]'.

    The cell separates names with commas, and a name may hold a comma itself: pieces are
    joined again where together they are the council's own name (written with & for and).
    """
    pieces = [p.strip() for p in text.strip().strip("[]").split(",") if p.strip()]
    out: list[str] = []
    i = 0
    while i < len(pieces):
        for j in range(len(pieces), i + 1, -1):
            joined = ", ".join(pieces[i:j])
            if key(joined) == key(name):
                out.append(joined)
                i = j
                break
        else:
            out.append(pieces[i])
            i += 1
    return tuple(out)


def read_lookup(path: Path) -> list[Entry]:
    """Read the lookup CSV; refuse a file without the columns the importer uses, or a row
    without a cell for each (a binary or truncated file, issue #13)."""
    try:
        text = files.read_bytes(path).decode("utf-8-sig")
        rows = list(csv.DictReader(io.StringIO(text, newline="")))
    except FileReadError as e:
        raise ImportFormatError(str(e)) from None
    except UnicodeDecodeError:
        raise ImportFormatError(f"{path}: not a CSV file in UTF-8") from None
    except csv.Error as e:
        raise ImportFormatError(f"{path}: not a readable CSV file ({e})") from None
    if not rows or not _NEED <= set(rows[0]):
        raise ImportFormatError(
            f"{path}: expected a lookup with columns {', '.join(sorted(_NEED))}"
        )
    for n, r in enumerate(rows, 2):
        if any(r[c] is None for c in _NEED) or "\0" in "".join(r[c] for c in _NEED):
            raise ImportFormatError(f"{path}: row {n} is not a row of the lookup (cells missing)")
    return [
        Entry(
            r["urn"].strip() or None,
            r["la_code"].strip() or None,
            r["la_code_new"].strip() or None,
            None if r["la_code_new"].strip() else (r["ltla23cd"].strip() or None),
            r["local_authority_ons_name"].strip(),
            split_aliases(r["also_known_as"], r["local_authority_ons_name"]),
        )
        for r in rows
    ]


def find(
    lookup: list[Entry], name: str, ons_code: str | None = None, *, former: bool = False
) -> Entry | None:
    """The entry for a council named *name* (or with *ons_code*) in an official file.

    A council that no longer exists matches only entries without a current ONS code, so the
    pre-2019 Dorset is not taken for today's Dorset.
    """
    for e in lookup:
        if ons_code and ons_code in (e.ons_code, e.old_ons_code):
            return e
    k = key(name)
    for e in lookup:
        if k in {key(n) for n in e.names()} and (not former or not e.ons_code):
            return e
    return None
