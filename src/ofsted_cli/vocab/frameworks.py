"""The framework registry: what each inspection framework judges, and when its eras begin.

Sources: Ofsted's statistics releases (column layouts) and the ILACS guidance
(https://www.gov.uk/government/publications/inspecting-local-authority-childrens-services-from-2018).
"""

from __future__ import annotations

from dataclasses import dataclass

from ofsted_cli.vocab import dates
from ofsted_cli.vocab.grades import EARLY, MODERN

ILACS_SPLIT = "2023-01-01"
"""From this day ILACS judges children in care and care leavers separately."""
ILACS_2026 = "2026-04-01"
"""From this day ILACS reports give no overall effectiveness judgement."""

AREA_LABELS = {
    "overall_effectiveness": "Overall effectiveness",
    "safeguarding": "Safeguarding (overall effectiveness)",
    "looked_after_children": "Looked after children",
    "help_and_protection": "Children who need help and protection",
    "children_in_care_and_care_leavers": "Children in care and care leavers",
    "children_in_care": "Children in care",
    "care_leavers": "Care leavers",
    "adoption_performance": "Adoption performance",
    "leadership": "Leadership",
    "lscb": "Local Safeguarding Children Board",
}
AREAS: tuple[str, ...] = tuple(AREA_LABELS)
_CARE = ("children_in_care_and_care_leavers", "children_in_care", "care_leavers")


@dataclass(frozen=True)
class Framework:
    """One inspection framework or kind of visit."""

    id: str
    label: str
    short: str
    graded: bool
    areas: tuple[str, ...] = ()
    scale: tuple[str, ...] = MODERN
    headline: bool = False
    """True when its overall effectiveness is a whole-service rating (counts as "in force")."""
    era: str = ""
    """'pre-2013', 'SIF' (2013-2018), 'ILACS' (2018-2026) or 'ILACS 2026'."""
    tiny: str = ""
    """The shortest label, for narrow terminals ('SIF-R'); the short label if not set."""

    def allowed_areas(self, on: str | None) -> tuple[str, ...]:
        """Areas allowed for an inspection starting (or published) on *on* (ISO text)."""
        if self.id not in ("ilacs_standard", "ilacs_short"):
            return self.areas
        base = ("overall_effectiveness", "leadership", "help_and_protection")
        if on is None:
            return (*base, *_CARE)
        # Compare the first day *on* can mean: a year-only '2023' is after the split, not before.
        if dates.earliest(on).isoformat() < ILACS_SPLIT:
            return (*base, "children_in_care_and_care_leavers")
        return (*base, "children_in_care", "care_leavers")

    def split_hint(self, area: str) -> str:
        """Why a children-in-care area is refused, for ILACS; else ''."""
        if self.id.startswith("ilacs_") and area in _CARE:
            return (
                " (ILACS judges children in care and care leavers together before "
                "1 January 2023, separately from then on)"
            )
        return ""


SIF_AREAS = (
    "overall_effectiveness",
    "help_and_protection",
    "looked_after_children",
    "adoption_performance",
    "care_leavers",
    "leadership",
    "lscb",
)
_ILACS = ("overall_effectiveness", "leadership", "help_and_protection", *_CARE)
_SLAC = ("safeguarding", "looked_after_children")
_OE = ("overall_effectiveness",)
_NEW = ("leadership", "help_and_protection", "children_in_care", "care_leavers")


FRAMEWORKS: dict[str, Framework] = {
    f.id: f
    for f in (
        Framework(
            "slac",
            "Safeguarding and looked after children inspection",
            "SLAC",
            True,
            _SLAC,
            EARLY,
            era="pre-2013",
        ),
        Framework(
            "slac_reinspection",
            "SLAC re-inspection",
            "SLAC re-insp.",
            True,
            _SLAC,
            EARLY,
            era="pre-2013",
            tiny="SLAC-R",
        ),
        Framework("cpi", "Child protection inspection", "CPI", True, _OE, EARLY, era="pre-2013"),
        Framework(
            "cpri", "Child protection re-inspection", "CPRI", True, _OE, EARLY, era="pre-2013"
        ),
        Framework(
            "tlac",
            "Targeted looked after children inspection",
            "TLAC",
            True,
            _OE,
            EARLY,
            era="pre-2013",
        ),
        Framework(
            "sif", "Single inspection framework", "SIF", True, SIF_AREAS, headline=True, era="SIF"
        ),
        Framework(
            "sif_reinspection",
            "SIF re-inspection",
            "SIF re-insp.",
            True,
            SIF_AREAS,
            headline=True,
            era="SIF",
            tiny="SIF-R",
        ),
        Framework("sif_monitoring_visit", "SIF monitoring visit", "SIF MV", False, era="SIF"),
        Framework(
            "ilacs_standard",
            "ILACS standard inspection",
            "ILACS",
            True,
            _ILACS,
            headline=True,
            era="ILACS",
        ),
        Framework(
            "ilacs_short",
            "ILACS short inspection",
            "ILACS short",
            True,
            _ILACS,
            headline=True,
            era="ILACS",
            tiny="ILACS-S",
        ),
        Framework(
            "ilacs_focused_visit", "ILACS focused visit", "ILACS FV", False, era="ILACS", tiny="FV"
        ),
        Framework(
            "ilacs_monitoring_visit",
            "ILACS monitoring visit",
            "ILACS MV",
            False,
            era="ILACS",
            tiny="MV",
        ),
        Framework(
            "ilacs_2026",
            "ILACS from April 2026 (no overall effectiveness judgement)",
            "new ILACS",
            True,
            _NEW,
            headline=True,
            era="ILACS 2026",
            tiny="ILACS-26",
        ),
        Framework("jtai", "Joint targeted area inspection", "JTAI", False),
        Framework(
            "unspecified",
            "Ofsted inspection or visit (type not stated)",
            "Ofsted visit",
            False,
            tiny="visit",
        ),
    )
}
HEADLINE: tuple[str, ...] = tuple(f.id for f in FRAMEWORKS.values() if f.headline)
"""Frameworks whose overall grade is a whole-service rating."""


def short(fid: str) -> str:
    """The short label of a framework id ('ILACS short'); the id itself if unknown."""
    return FRAMEWORKS[fid].short if fid in FRAMEWORKS else fid


def tiny(fid: str) -> str:
    """The shortest label of a framework id ('ILACS-S'), for narrow terminals."""
    fw = FRAMEWORKS.get(fid)
    return (fw.tiny or fw.short) if fw else fid
