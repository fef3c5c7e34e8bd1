"""Finding a council by what people type: its id, any name in any common form, a code."""

from __future__ import annotations

import difflib
import json
import re
import sqlite3
from dataclasses import dataclass

from ofsted_cli.errors import UsageError
from ofsted_cli.vocab.names import FORMER_AREAS, TOWNS, key, spoken


@dataclass(frozen=True)
class Known:
    """A council as the resolver sees it."""

    id: str
    name: str
    status: str
    names: tuple[str, ...]
    codes: tuple[str, ...]


def _councils(conn: sqlite3.Connection) -> list[Known]:
    out = []
    for cid, name, status, ons, la, urn, body in conn.execute(
        "SELECT id, name, status, ons_code, la_number, urn, json FROM councils ORDER BY name, id"
    ):
        others = json.loads(body).get("other_names", [])
        out.append(
            Known(cid, name, status, (cid, name, *others), tuple(c for c in (ons, la, urn) if c))
        )
    return out


def _one(found: list[Known], text: str) -> str | None:
    """The single council in *found*; a current one where a former shares its name."""
    ids = {k.id: k for k in found}
    if len(ids) == 1:
        return next(iter(ids))
    current = [k for k in ids.values() if k.status == "current"]
    if len(current) == 1:  # "Dorset" is today's Dorset, not the county before 2019
        return current[0].id
    if ids:
        listed = "; ".join(
            f"{k.name} ({k.id}{', former' if k.status == 'former' else ''})" for k in ids.values()
        )
        raise UsageError(f"{text!r} could mean several councils: {listed}; give one of these ids")
    return None


def resolve(conn: sqlite3.Connection, text: str) -> str:
    """The id of the council *text* names; raise UsageError listing candidates or guesses."""
    known = _councils(conn)
    if any(k.id == text for k in known):
        return text  # an exact id always wins (dorset, not dorset-former)
    k = key(text)
    exact = [
        c for c in known if k and (k in {key(n) for n in c.names} or k in {key(x) for x in c.codes})
    ]
    said = spoken(text)
    if said in TOWNS and not exact:
        other, place = TOWNS[said]
        towns = [
            c for c in known if c.id == other or any(spoken(n).startswith(said) for n in c.names)
        ]
        if towns:  # data without either council (--data) has nothing to offer
            listed = "; ".join(
                f"{c.name} ({c.id}{f', which serves {place}' if c.id == other else ''})"
                for c in towns
            )
            raise UsageError(
                f"{text!r} could mean several councils: {listed}; give one of these ids"
            )
    if said in FORMER_AREAS and not exact:
        now = [c for c in known if c.id in FORMER_AREAS[said]]
        if now:
            listed = "; ".join(f"{c.name} ({c.id})" for c in now)
            raise UsageError(
                f"{text!r} is an area that several councils now serve: {listed}; give one of "
                "these ids"
            )
    same = [c for c in known if said and said in {spoken(n) for n in c.names}]
    starts = [c for c in known if said and any(spoken(n).startswith(said + " ") for n in c.names)]
    for candidates in (exact, same, starts):
        found = _one(candidates, text)
        if found:
            return found
    raise UsageError(_unknown(text, known))


def _unknown(text: str, known: list[Known]) -> str:
    looks_like_code = bool(re.fullmatch(r"\s*(E\d{2,8}|\d{3,7})\s*", text, re.IGNORECASE))
    if looks_like_code:
        codes = {code: c for c in known for code in c.codes}
        close = difflib.get_close_matches(text.strip().upper(), list(codes), n=3, cutoff=0.6)
        hint = (
            "; did you mean " + " or ".join(f"{c} ({codes[c].name})" for c in close) + "?"
            if close
            else ""
        )
        return (
            f"no council has the code {text!r}{hint} (codes are ONS area codes, DfE LA numbers "
            "and Ofsted URNs; `ofsted councils --csv` lists them)"
        )
    keys = {key(n): c for c in known for n in c.names}
    close = difflib.get_close_matches(key(text), list(keys), n=4, cutoff=0.6)
    names = sorted({keys[c].name for c in close})
    hint = "; did you mean " + " or ".join(repr(n) for n in names) + "?" if names else ""
    return f"no council matches {text!r}{hint} (`ofsted councils` lists them)"
