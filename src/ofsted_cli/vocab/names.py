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
