"""Matching keys for names and codes typed by people."""

from __future__ import annotations

import re

_NOT_ALNUM = re.compile(r"[^a-z0-9]+")


def key(text: str) -> str:
    """Case, spaces, '&' and punctuation do not matter: 'St. Helens' == 'st-helens'."""
    return _NOT_ALNUM.sub("", text.lower().replace("&", "and"))
