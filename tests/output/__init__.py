"""Samples shared by the output tests: invented councils shaped like the CLI's JSON."""

from __future__ import annotations

from datetime import date
from typing import Any

from ofsted_cli.output.charts import Lane, Mark, Span, TrendYear

AS_OF = date(2026, 11, 22)
HOSTILE = 'We said <script>alert("x")</script> & "meant" it'

LANES = (
    Lane(
        "northam",
        "Northam",
        (
            Span(date(2012, 1, 1), date(2016, 9, 20), "not_inspected"),
            Span(date(2016, 9, 20), date(2019, 7, 29), "inadequate", label="SIF 2016"),
            Span(date(2019, 7, 29), date(2024, 2, 2), "requires_improvement", label="ILACS 2019"),
            Span(date(2024, 2, 2), AS_OF, "good", provisional=True, label="ILACS 2024"),
        ),
        (
            Mark(date(2016, 9, 20), "SIF 2016", graded=True),
            Mark(date(2017, 6, 1), "SIF monitoring visit", graded=False),
            Mark(date(2019, 7, 29), "ILACS 2019", graded=True),
            Mark(date(2024, 2, 2), "ILACS 2024", graded=True, provisional=True),
        ),
    ),
    Lane(
        "south-vale-and-east-hartley",
        "South Vale and East Hartley",
        (
            Span(date(2012, 1, 1), date(2015, 3, 1), "not_inspected"),
            Span(date(2015, 3, 1), date(2022, 5, 1), "outstanding", label="SIF 2015"),
            Span(date(2022, 5, 1), date(2026, 6, 1), "good", label="ILACS 2022"),
            Span(date(2026, 6, 1), AS_OF, "no_overall_grade", label="new ILACS 2026"),
        ),
        (Mark(date(2015, 3, 1), "SIF 2015", graded=True),),
    ),
)

YEARS = (
    TrendYear(2019, {"outstanding": 2, "good": 6, "requires_improvement": 8, "inadequate": 4}),
    TrendYear(
        2020,
        {
            "outstanding": 3,
            "good": 8,
            "requires_improvement": 6,
            "inadequate": 2,
            "not_inspected": 1,
        },
    ),
    TrendYear(
        2026,
        {
            "outstanding": 4,
            "good": 9,
            "requires_improvement": 4,
            "inadequate": 1,
            "no_overall_grade": 2,
        },
    ),
)

COVERAGE = {
    "official_release": "Local authority inspection outcomes as at 31 March 2025",
    "official_cutoff": "2025-06-30",
    "newest_provisional": "2026-08-20",
    "text": "Official record complete to reports published by 30 June 2025; later reports are "
    "provisional (from a scrape of Ofsted's report PDFs).",
}

SOURCES: dict[str, Any] = {
    "ofsted-2019": {
        "id": "ofsted-2019",
        "title": "Northam: inspection of children's services",
        "publisher": "Ofsted",
        "url": "https://files.ofsted.gov.uk/v1/file/50000001",
        "published": "2019-07-29",
        "published_inferred": False,
        "kind": "inspection_report",
        "notes": None,
    },
    "gazette": {
        "id": "gazette",
        "title": "Council 'disappointed' & angry",
        "publisher": "Northam Gazette",
        "url": "javascript:alert(1)",
        "published": "2016-09",
        "published_inferred": True,
        "kind": "news",
        "notes": None,
    },
}


def show() -> dict[str, Any]:
    """Return `ofsted show northam --json` for an invented council."""
    return {
        "council": {
            "id": "northam",
            "name": "Northam",
            "other_names": [],
            "ons_code": "E08000999",
            "la_number": "999",
            "region": "North West",
            "status": "current",
            "successors": [],
            "abolished": None,
            "sources": ["ofsted-2019"],
            "notes": None,
        },
        "in_force": {
            "as_of": "2026-11-22",
            "inspection": "northam-ilacs-standard-2024-02-02",
            "framework": "ilacs_standard",
            "published": "2024-02-02",
            "overall": "good",
        },
        "inspections": [
            {
                "id": "northam-sif-2016-09-20",
                "framework": "sif",
                "start": "2016-07",
                "end": None,
                "published": "2016-09-20",
                "lead_inspector": None,
                "theme": None,
                "judgements": {"overall_effectiveness": "inadequate", "leadership": "inadequate"},
                "sources": ["gazette"],
                "notes": "Rated inadequate in every area but adoption.",
                "statements": [
                    {
                        "id": "northam-2016-hostile",
                        "council": "northam",
                        "inspection": "northam-sif-2016-09-20",
                        "speaker": {
                            "name": "Pat <b>Bold</b> Jones",
                            "role": "Leader",
                            "organisation": "Northam Council",
                        },
                        "date": "2016-09",
                        "date_inferred": True,
                        "kind": "direct_quote",
                        "text": HOSTILE,
                        "sources": ["gazette"],
                        "notes": None,
                    }
                ],
            },
            {
                "id": "northam-ilacs-standard-2019-07-29",
                "framework": "ilacs_standard",
                "start": None,
                "end": None,
                "published": "2019-07-29",
                "lead_inspector": "A. Inspector",
                "theme": None,
                "judgements": {
                    "overall_effectiveness": "requires_improvement",
                    "leadership": "requires_improvement",
                    "help_and_protection": "good",
                    "children_in_care_and_care_leavers": "requires_improvement",
                },
                "sources": ["ofsted-2019"],
                "notes": None,
                "statements": [],
            },
            {
                "id": "northam-ilacs-standard-2024-02-02",
                "framework": "ilacs_standard",
                "start": None,
                "end": None,
                "published": "2024-02-02",
                "lead_inspector": None,
                "theme": None,
                "judgements": {"overall_effectiveness": "good"},
                "sources": [],
                "notes": None,
                "statements": [],
                "provisional": True,
            },
        ],
        "other_statements": [
            {
                "id": "northam-no-comment",
                "council": "northam",
                "inspection": None,
                "speaker": {"name": None, "role": None, "organisation": "Northam Council"},
                "date": None,
                "date_inferred": False,
                "kind": "no_response",
                "text": "The council did not respond to requests for comment.",
                "sources": ["ofsted-2019"],
                "notes": None,
            }
        ],
        "figures": [],
        "sources": SOURCES,
    }


def council_rows() -> list[dict[str, Any]]:
    """Return rows of `ofsted councils --json`, each with `provisional`."""
    return [
        {
            "id": "northam",
            "name": "Northam",
            "ons_code": "E08000999",
            "la_number": "999",
            "region": "North West",
            "status": "current",
            "in_force": {
                "inspection": "northam-ilacs-standard-2024-02-02",
                "framework": "ilacs_standard",
                "published": "2024-02-02",
                "overall": "good",
            },
            "provisional": True,
        },
        {
            "id": "old-shire",
            "name": "Old Shire",
            "ons_code": "E10000999",
            "la_number": "998",
            "region": "South East",
            "status": "abolished",
            "in_force": None,
            "provisional": False,
        },
    ]
