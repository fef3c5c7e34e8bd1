"""Council name keys: the one rule for matching names and codes typed by people or files."""

from __future__ import annotations

import re

_NOT_ALNUM = re.compile(r"[^a-z0-9]+")


def key(text: str) -> str:
    """Case, spaces, '&' and punctuation do not matter: 'St. Helens' == 'st-helens'."""
    return _NOT_ALNUM.sub("", text.lower().replace("&", "and"))


def slug(name: str) -> str:
    """A record id from a name: 'St. Helens' -> 'st-helens'."""
    return _NOT_ALNUM.sub("-", name.lower().replace("&", " and ")).strip("-")


# How people write a council's name around the place name: "London Borough of Hackney",
# "Durham County Council", "Herefordshire, County of" (ONS style), "City of Bristol".
_PREFIXES = (
    "london borough of",
    "royal borough of",
    "metropolitan borough of",
    "city and county of",
    "city of",
    "county of",
    "borough of",
    "council of the",
    "the",
    "county",
)
_SUFFIXES = (
    "metropolitan borough council",
    "county borough council",
    "borough council",
    "county council",
    "district council",
    "city council",
    "council",
    "mbc",
)
ABBREVIATIONS = {
    "northants": "northamptonshire",
    "notts": "nottinghamshire",
    "lancs": "lancashire",
    "herts": "hertfordshire",
    "bucks": "buckinghamshire",
    "glos": "gloucestershire",
    "hants": "hampshire",
    "leics": "leicestershire",
    "lincs": "lincolnshire",
    "oxon": "oxfordshire",
    "wilts": "wiltshire",
    "worcs": "worcestershire",
    "warks": "warwickshire",
    "staffs": "staffordshire",
    "cambs": "cambridgeshire",
    "derbys": "derbyshire",
    "bcp": "bournemouth christchurch and poole",
}
"""County abbreviations in common use."""
TOWNS = {"richmond": ("north-yorkshire", "Richmond in North Yorkshire")}
"""Places that share a name with a council but are served by another council."""
FORMER_AREAS = {
    "beds": ("bedford", "central-bedfordshire", "luton"),
    "bedfordshire": ("bedford", "central-bedfordshire", "luton"),
}
"""Areas people still name whose children's services several councils now run (Bedfordshire
County Council was abolished in 2009)."""


def spoken(text: str) -> str:
    """The place name inside how people write a council's name, as words:
    'London Borough of Hackney' -> 'hackney'; 'Herefordshire, County of' -> 'herefordshire';
    'Saint Helens' -> 'st helens'."""
    t = text.lower().replace("&", " and ")
    t = re.sub(r"\bsaint\b", "st", t)
    if "," in t:  # ONS style: "Bristol, City of"
        head, _, tail = t.rpartition(",")
        if tail.strip() in _PREFIXES:
            t = f"{tail} {head}"
    t = " ".join(re.sub(r"[^a-z0-9]+", " ", t).split())
    changed = True
    while changed:
        changed = False
        for p in _PREFIXES:
            if t.startswith(p + " ") and len(t) > len(p) + 1:
                t, changed = t[len(p) + 1 :], True
        for s in _SUFFIXES:
            if t.endswith(" " + s):
                t, changed = t[: -len(s) - 1], True
    return ABBREVIATIONS.get(t, t)
