"""What the exports say about themselves: title, licences, sources; Datasette's metadata.json.

The licences, stated once here and repeated in every export that can carry them:
- Ofsted's judgements, statistics and reports: Crown copyright, Open Government Licence v3.0.
- The curation (the records, their notes, the choice and arrangement of statements) by the
  ofsted-cli contributors: released under the same Open Government Licence v3.0 terms, so the
  whole data set can be reused on one set of conditions (attribute both).
- JT-39's scrape of Ofsted's report PDFs, the source of report links and some dates: MIT.
- The ofsted-cli code: MIT.
- Quoted statements are the words of the people and bodies named, as printed by the sources
  cited (each statement's sources): their copyright stays with those publishers.
"""

from __future__ import annotations

from typing import Any

from ofsted_cli.export.tables import TABLES

TITLE = "Ofsted judgements on English councils' children's services"
DESCRIPTION = (
    "Every Ofsted inspection and judgement of English councils' children's services since "
    "2009, with what councils and politicians said in response: validated records from "
    "ofsted-cli. Dates are kept at the precision a source gives (YYYY, YYYY-MM or "
    "YYYY-MM-DD, with a *_precision column); grades are codes with their words beside them."
)
OGL = {
    "name": "OGL-UK-3.0",
    "title": "Open Government Licence v3.0",
    "path": "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/",
}
MIT = {"name": "MIT", "title": "MIT License", "path": "https://opensource.org/license/mit"}
LICENSE_TEXT = (
    "Ofsted's judgements, statistics and reports: Crown copyright, Open Government Licence "
    "v3.0. The curation by the ofsted-cli contributors (records, notes, the choice and "
    "arrangement of statements): released under the same Open Government Licence v3.0 terms; "
    "attribute 'Ofsted; ofsted-cli contributors'. JT-39's scrape of Ofsted's report PDFs "
    "(ofsted-ilacs-scrape-tool), the source of report links and some dates: MIT. The "
    "ofsted-cli code: MIT. Quoted statements are the words of the people and bodies named, as "
    "printed by the sources each statement cites; their copyright stays with those publishers."
)
SOURCES = [
    {
        "title": "Ofsted: Local authority inspection outcomes, and Children's social care data "
        "in England (official statistics)",
        "path": "https://www.gov.uk/government/organisations/ofsted/about/statistics",
    },
    {
        "title": "JT-39/ofsted-ilacs-scrape-tool (a scrape of Ofsted's report PDFs; MIT)",
        "path": "https://github.com/JT-39/ofsted-ilacs-scrape-tool",
    },
    {
        "title": "News reports, council releases and other sources, each cited in the sources "
        "table",
        "path": "https://www.gov.uk/government/organisations/ofsted",
    },
]


FACETS = {
    "latest_ratings": ["rating", "region"],
    "inspections": ["framework", "region", "provisional"],
    "judgements": ["area", "grade"],
    "statements": ["kind", "council_id"],
    "sources": ["kind", "publisher"],
}
"""Datasette's suggested facets: the columns people filter these tables by."""
SORT_DESC = {"inspections": "published", "statements": "date", "sources": "published"}
"""Newest first where a table has a date."""


def datasette(database: str) -> dict[str, Any]:
    """Datasette's metadata for the database *database* (the file name without .sqlite)."""
    tables: dict[str, Any] = {}
    for table in TABLES:
        entry: dict[str, Any] = {
            "title": table.title,
            "description": table.description,
            "columns": {c.name: c.description for c in table.columns},
        }
        if table.label:
            entry["label_column"] = table.label
        if table.name in FACETS:
            entry["facets"] = FACETS[table.name]
        if table.name in SORT_DESC:
            entry["sort_desc"] = SORT_DESC[table.name]
        if table.search:
            entry["fts_table"] = f"{table.name}_fts"
            entry["fts_pk"] = "rowid"
        tables[table.name] = entry
    return {
        "title": TITLE,
        "description": DESCRIPTION,
        "license": f"{OGL['title']} (Ofsted's data and the curation); MIT (code, report scrape)",
        "license_url": OGL["path"],
        "source": "Ofsted's official statistics and reports; sources cited per record",
        "source_url": SOURCES[0]["path"],
        "databases": {
            database: {
                "title": TITLE,
                "description": f"{DESCRIPTION} Licences: {LICENSE_TEXT}",
                "tables": tables,
            }
        },
    }
