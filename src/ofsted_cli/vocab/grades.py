"""The grade scale: codes, the words people read, abbreviations, order and colours."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Grade:
    """One grade of Ofsted's four-point (or, before 2013, adequate) scale."""

    code: str
    words: str
    """As shown to readers: 'Requires improvement'."""
    abbrev: str
    """For narrow tables: 'RI'."""
    rank: int
    """Higher is better; 'adequate' and 'requires improvement' rank alike."""
    style: str
    """Terminal style (rich); outstanding and good differ."""
    official: tuple[str, ...]
    """How Ofsted's files write it, lower case."""


GRADES: dict[str, Grade] = {
    g.code: g
    for g in (
        Grade("outstanding", "Outstanding", "O", 4, "bold blue", ("outstanding",)),
        Grade("good", "Good", "G", 3, "green", ("good",)),
        Grade(
            "requires_improvement",
            "Requires improvement",
            "RI",
            2,
            "yellow",
            ("requires improvement to be good", "requires improvement"),
        ),
        Grade("adequate", "Adequate", "A", 2, "yellow", ("adequate",)),
        Grade("inadequate", "Inadequate", "I", 1, "bold red", ("inadequate",)),
    )
}
MODERN: tuple[str, ...] = ("outstanding", "good", "requires_improvement", "inadequate")
"""The scale from 2013 (SIF and ILACS)."""
EARLY: tuple[str, ...] = ("outstanding", "good", "adequate", "requires_improvement", "inadequate")
"""The scale before 2013 (SLAC, CPI, TLAC); Ofsted's statistics write adequate as requires
improvement for some of them."""
CODES: tuple[str, ...] = EARLY
"""Every grade code, best first."""

NO_OVERALL = "no_overall_grade"
"""A whole-service report with no overall grade (the ILACS framework from April 2026)."""
NONE_IN_FORCE = "none_in_force"
"""No whole-service rating yet."""
TALLY_KEYS: tuple[str, ...] = (*MODERN, "adequate", NO_OVERALL)
"""Keys of a tally of overall ratings, in display order."""

OFFICIAL_TEXT: dict[str, str] = {text: g.code for g in GRADES.values() for text in g.official}
"""Ofsted's wording (lower case) -> grade code."""


def words(code: str | None) -> str:
    """'Requires improvement' for a code; 'no overall grade' for None."""
    if code is None or code == NO_OVERALL:
        return "no overall grade"
    if code == NONE_IN_FORCE:
        return "none in force"
    grade = GRADES.get(code)
    return grade.words if grade else code


def lower_words(code: str) -> str:
    """'requires improvement': for running text such as tallies."""
    return words(code).lower() if code in GRADES else words(code)


def parse(text: str) -> str:
    """The grade code for *text* given as a code, words or abbreviation; raise ValueError."""
    k = text.strip().lower().replace("-", " ").replace("_", " ")
    for g in GRADES.values():
        if k in (g.code.replace("_", " "), g.words.lower(), g.abbrev.lower(), *g.official):
            return g.code
    allowed = ", ".join(f"{g.code} ({g.abbrev})" for g in GRADES.values())
    raise ValueError(f"{text!r} is not a grade; use one of {allowed}")
