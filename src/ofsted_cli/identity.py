"""Council identity: matching names, and the community lookup of codes and other names."""

from __future__ import annotations

import csv
import re
from pathlib import Path

from ofsted_cli.errors import ImportFormatError, OfstedError

LOOKUP = "Provider_data_lookup.csv"
LOOKUP_SOURCE = {
    "id": "data-to-insight-la-lookup",
    "title": "Provider data lookup of English local authorities (la_lookup)",
    "publisher": "Data to Insight",
    "kind": "dataset",
    "notes": "Community lookup (MIT licence) of Ofsted provider URNs, DfE LA numbers, ONS codes, "
    "regions and alternative names; used for councils' identifiers and other names.",
}


def norm_name(name: str) -> str:
    """Key for matching council names: case, '&' and punctuation do not matter."""
    return re.sub(r"[^a-z0-9]+", " ", name.lower().replace("&", " and ")).strip()


def slug(name: str) -> str:
    """A record id from a name: 'St. Helens' -> 'st-helens'."""
    return norm_name(name).replace(" ", "-")


def read_lookup(path: Path) -> list[dict[str, str]]:
    """Read the lookup CSV; refuse one without the columns the importer uses."""
    try:
        with path.open(encoding="utf-8-sig", newline="") as f:
            rows = list(csv.DictReader(f))
    except OSError as e:
        raise OfstedError(f"{path}: cannot be read ({e.strerror})") from None
    need = {"la_code", "la_code_new", "local_authority_ons_name", "also_known_as", "utla23nm"}
    if not rows or not need <= set(rows[0]):
        raise ImportFormatError(f"{path}: expected a lookup with columns {', '.join(sorted(need))}")
    return rows


def lookup_row(
    lookup: list[dict[str, str]], name: str, ons_code: str | None, *, former: bool
) -> dict[str, str] | None:
    """The lookup row for a council named *name* (or with *ons_code*) in an official file.

    A row for a council that no longer exists only matches lookup rows without a current ONS
    code, so the pre-2019 Dorset is not taken for today's Dorset.
    """
    key = norm_name(name)
    for r in lookup:
        if ons_code and r["la_code_new"] == ons_code:
            return r
        # utla23nm is left out: it names the 2023 upper tier (Cumbria for Cumberland).
        names = [r["local_authority_ons_name"], *r["also_known_as"].strip("[]").split(",")]
        if key in {norm_name(n) for n in names if n.strip()} and (
            not former or not r["la_code_new"]
        ):
            return r
    return None


def merge_names(name: str, have: list[str], more: list[str]) -> list[str]:
    out = list(have)
    for n in (m.strip() for m in more):
        if n and n != name and n not in out:
            out.append(n)
    return out
