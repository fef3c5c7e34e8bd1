"""Hidden characters: the ones that make text read differently from what it holds.

Names and ids are compared, searched and shown; a right-to-left override or a zero-width space
in one makes two names that look the same differ, or text display in another order than it is
stored ("Trojan Source", CVE-2021-42574). The models refuse them with a pattern; this module
says which character was found, and where (issue #13).
"""

from __future__ import annotations

import re

from ofsted_cli.dataset.fields import HIDDEN

_FOUND = re.compile(rf"[\x00-\x1f{HIDDEN}]")
NAMES = {
    "\t": "CHARACTER TABULATION (a tab)",
    "\n": "LINE FEED (a line break)",
    "\r": "CARRIAGE RETURN",
    "\x85": "NEXT LINE",
    "\u061c": "ARABIC LETTER MARK",
    "\u200b": "ZERO WIDTH SPACE",
    "\u200c": "ZERO WIDTH NON-JOINER",
    "\u200d": "ZERO WIDTH JOINER",
    "\u200e": "LEFT-TO-RIGHT MARK",
    "\u200f": "RIGHT-TO-LEFT MARK",
    "\u2028": "LINE SEPARATOR",
    "\u2029": "PARAGRAPH SEPARATOR",
    "\u202a": "LEFT-TO-RIGHT EMBEDDING",
    "\u202b": "RIGHT-TO-LEFT EMBEDDING",
    "\u202c": "POP DIRECTIONAL FORMATTING",
    "\u202d": "LEFT-TO-RIGHT OVERRIDE",
    "\u202e": "RIGHT-TO-LEFT OVERRIDE",
    "\u2060": "WORD JOINER",
    "\u2061": "FUNCTION APPLICATION",
    "\u2062": "INVISIBLE TIMES",
    "\u2063": "INVISIBLE SEPARATOR",
    "\u2064": "INVISIBLE PLUS",
    "\u2066": "LEFT-TO-RIGHT ISOLATE",
    "\u2067": "RIGHT-TO-LEFT ISOLATE",
    "\u2068": "FIRST STRONG ISOLATE",
    "\u2069": "POP DIRECTIONAL ISOLATE",
    "\ufeff": "ZERO WIDTH NO-BREAK SPACE (a byte-order mark)",
}


def hidden(text: str, allowed: str = "") -> str | None:
    """Say which hidden or control character *text* holds first, and where; None if none
    (characters in *allowed*, such as line breaks in notes, do not count)."""
    for match in _FOUND.finditer(text):
        char = match.group()
        if char in allowed:
            continue
        name = NAMES.get(char, "a control character")
        return (
            f"holds U+{ord(char):04X} ({name}) at character {match.start() + 1}, which makes "
            "text read differently from what it holds; remove it"
        )
    return None
