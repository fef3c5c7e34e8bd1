"""The framework registry: the one place that says what each inspection framework judges.

Sources: Ofsted's statistics releases (column layouts) and the ILACS guidance
(https://www.gov.uk/government/publications/inspecting-local-authority-childrens-services-from-2018).
"""

from __future__ import annotations

from dataclasses import dataclass

from ofsted_cli import dates

ILACS_SPLIT = "2023-01-01"
"""From this day ILACS judges children in care and care leavers separately."""

GRADES = ("outstanding", "good", "adequate", "requires_improvement", "inadequate")
GRADE_RANK = {
    "outstanding": 4,
    "good": 3,
    "adequate": 2,
    "requires_improvement": 2,
    "inadequate": 1,
}

_MODERN = ("outstanding", "good", "requires_improvement", "inadequate")
# Ofsted's own statistics write the pre-2013 "adequate" as "Requires improvement to be good".
_EARLY = GRADES

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


@dataclass(frozen=True)
class Framework:
    """One inspection framework or kind of visit."""

    id: str
    label: str
    short: str
    graded: bool
    areas: tuple[str, ...] = ()
    scale: tuple[str, ...] = _MODERN
    headline: bool = False
    """True when its overall effectiveness is a whole-service rating (counts as "in force")."""

    def allowed_areas(self, on: str | None) -> tuple[str, ...]:
        """Areas allowed for an inspection starting (or published) on *on* (ISO text)."""
        if self.id not in ("ilacs_standard", "ilacs_short"):
            return self.areas
        base = ("overall_effectiveness", "leadership", "help_and_protection")
        if on is None:
            return (*base, "children_in_care_and_care_leavers", "children_in_care", "care_leavers")
        # Compare the first day *on* can mean: a year-only '2023' is after the split, not before.
        if dates.earliest(on).isoformat() < ILACS_SPLIT:
            return (*base, "children_in_care_and_care_leavers")
        return (*base, "children_in_care", "care_leavers")


SIF_AREAS = (
    "overall_effectiveness",
    "help_and_protection",
    "looked_after_children",
    "adoption_performance",
    "care_leavers",
    "leadership",
    "lscb",
)
_ILACS = (
    "overall_effectiveness",
    "leadership",
    "help_and_protection",
    "children_in_care",
    "care_leavers",
    "children_in_care_and_care_leavers",
)

FRAMEWORKS: dict[str, Framework] = {
    f.id: f
    for f in (
        Framework(
            "slac",
            "Safeguarding and looked after children inspection",
            "SLAC",
            True,
            ("safeguarding", "looked_after_children"),
            _EARLY,
        ),
        Framework(
            "slac_reinspection",
            "SLAC re-inspection",
            "SLAC re-insp.",
            True,
            ("safeguarding", "looked_after_children"),
            _EARLY,
        ),
        Framework(
            "cpi", "Child protection inspection", "CPI", True, ("overall_effectiveness",), _EARLY
        ),
        Framework(
            "cpri",
            "Child protection re-inspection",
            "CPRI",
            True,
            ("overall_effectiveness",),
            _EARLY,
        ),
        Framework(
            "tlac",
            "Targeted looked after children inspection",
            "TLAC",
            True,
            ("overall_effectiveness",),
            _EARLY,
        ),
        Framework("sif", "Single inspection framework", "SIF", True, SIF_AREAS, headline=True),
        Framework(
            "sif_reinspection", "SIF re-inspection", "SIF re-insp.", True, SIF_AREAS, headline=True
        ),
        Framework("sif_monitoring_visit", "SIF monitoring visit", "SIF MV", False),
        Framework(
            "ilacs_standard", "ILACS standard inspection", "ILACS", True, _ILACS, headline=True
        ),
        Framework(
            "ilacs_short", "ILACS short inspection", "ILACS short", True, _ILACS, headline=True
        ),
        Framework("ilacs_focused_visit", "ILACS focused visit", "ILACS FV", False),
        Framework("ilacs_monitoring_visit", "ILACS monitoring visit", "ILACS MV", False),
        Framework(
            "ilacs_2026",
            "ILACS from April 2026 (no overall effectiveness judgement)",
            "new ILACS",
            True,
            ("leadership", "help_and_protection", "children_in_care", "care_leavers"),
            headline=True,
        ),
        Framework("jtai", "Joint targeted area inspection", "JTAI", False),
        Framework(
            "unspecified", "Ofsted inspection or visit (type not stated)", "Ofsted visit", False
        ),
    )
}
