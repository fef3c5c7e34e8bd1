"""The third-party scrape of Ofsted's report PDFs (JT-39/ofsted-ilacs-scrape-tool).

It is not an official release: its rows only ever add provisional records (reports no release
holds yet) and report links; they never change a value the data has, and every cell that
contradicts the data is listed. Rules from an analysis of all 497 rows against the official
files (about 1 wrong cell in 100: shifted SIF publication dates, scrambled sub-judgements).
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from ofsted_cli.errors import ImportFormatError
from ofsted_cli.official import identity
from ofsted_cli.official.layout import CIC, CICL, CL
from ofsted_cli.official.releases import Release, Row
from ofsted_cli.vocab.frameworks import ILACS_2026, ILACS_SPLIT

COLUMNS = (
    "urn", "local_authority", "inspection_link", "pdf_filename", "publication_date",
    "inspection_framework", "inspector_name", "inspection_start_date", "inspection_end_date",
    "overall_effectiveness_grade", "impact_of_leaders_grade", "help_and_protection_grade",
    "in_care_grade", "care_leavers_grade", "parser_version",
)  # fmt: skip
RELEASE = Release(
    "jt39-ilacs-scrape",
    "ofsted_csc_ilacs_history.csv (JT-39/ofsted-ilacs-scrape-tool, commit 54af59b)",
    "https://github.com/JT-39/ofsted-ilacs-scrape-tool/blob/"
    "54af59bf7856a26530b1eeb45c1c1c146f34cb8a/ofsted_csc_ilacs_history.csv",
    "2026-08-22",
    official=False,
    publisher="JT-39 (GitHub)",
    kind="dataset",
    notes="A third-party scrape of Ofsted's report PDFs (MIT licence), not an official release: "
    "the source of provisional records and of each report's link.",
)
_FRAMEWORKS = {
    "standard": "ilacs_standard",
    "short": "ilacs_short",
    "inspection duration longer than standard framework": "ilacs_standard",
    "": None,
}
_GRADES = {
    "outstanding": "outstanding",
    "good": "good",
    "requires improvement": "requires_improvement",
    "inadequate": "inadequate",
}
_UNKNOWN = {"", "data_unreadable", "inspection_pre_dates_judgement", "not_reported_post_reform"}
_ILACS_FROM = "2018-01-01"


@dataclass
class ScrapeRow(Row):
    """A scrape row, with what the scrape could not read."""

    unreadable: tuple[str, ...] = ()
    """Cells in a form no rule reads (e.g. 'to requires improvement')."""
    stated_framework: str | None = None
    """The framework the scrape states, where it is not the one used (an ILACS 'standard'
    inspection that began before ILACS did)."""


def _day(text: str, fmt: str, where: str) -> str | None:
    if not text.strip():
        return None
    try:
        return dt.datetime.strptime(text.strip(), fmt).date().isoformat()
    except ValueError:
        raise ImportFormatError(f"{where}: {text!r} is not a date ({fmt})") from None


def _inspector(name: str) -> str | None:
    """The scrape breaks hyphens ('Paula Thomson -Jones'); mend that, nothing else."""
    name = re.sub(r"\s+-(\w)", lambda m: "-" + m.group(1).upper(), name.strip())
    return name or None


def _title(pdf_filename: str) -> str:
    """ "children's services inspection" from "children's services inspection - 09 may 2025.pdf"."""
    title = pdf_filename.rsplit(" - ", 1)[0].strip().rstrip(",")
    return re.sub(r",?\s+(as\s+)?pdf$", "", title).strip() or "inspection"


def _row(cells: dict[str, str], number: int, lookup: list[identity.Entry]) -> ScrapeRow | str:
    """A row, or why it cannot be used."""
    where = f"{RELEASE.title}, line {number}"
    entry = next((e for e in lookup if e.urn == cells["urn"].strip()), None)
    if entry is None or not entry.ons_code:
        return f"{where}: URN {cells['urn']!r} is no current council in the lookup"
    start = _day(cells["inspection_start_date"], "%d/%m/%Y", where)
    framework = _FRAMEWORKS.get(cells["inspection_framework"].strip())
    if cells["inspection_framework"].strip() not in _FRAMEWORKS:
        return f"{where}: unknown framework {cells['inspection_framework']!r}"
    overall = cells["overall_effectiveness_grade"].strip()
    stated = framework
    if start and start < _ILACS_FROM:
        framework = None  # a SIF report misread as ILACS
    elif framework and (overall == "not_reported_post_reform" or (start or "") >= ILACS_2026):
        framework = "ilacs_2026"
    areas = {
        "overall_effectiveness": overall,
        "leadership": cells["impact_of_leaders_grade"],
        "help_and_protection": cells["help_and_protection_grade"],
        CIC: cells["in_care_grade"],
        CL: cells["care_leavers_grade"],
    }
    grades, unreadable = {}, []
    for area, text in areas.items():
        text = text.strip()
        if text in _GRADES:
            grades[area] = _GRADES[text]
        elif text not in _UNKNOWN:
            unreadable.append(f"{area} {text!r}")
    # Care leavers are judged apart from 1 January 2023 (by first day on site; where the scrape
    # could not read that day, its publication date tells).
    basis = start or _day(cells["publication_date"], "%d/%m/%y", where) or ""
    if framework != "ilacs_2026" and basis < ILACS_SPLIT and CIC in grades:
        grades[CICL] = grades.pop(CIC)  # one judgement before 2023
        if CL in grades:
            unreadable.append(
                f"care_leavers {cells['care_leavers_grade']!r} (no such judgement before 2023)"
            )
            del grades[CL]
    return ScrapeRow(
        RELEASE,
        where,
        entry.name,
        framework or "",
        ons_code=entry.ons_code,
        urn=entry.urn,
        start=start,
        end=_day(cells["inspection_end_date"], "%d/%m/%Y", where),
        published=_day(cells["publication_date"], "%d/%m/%y", where),
        lead_inspector=_inspector(cells["inspector_name"]),
        judgements=grades if framework else {},
        link=cells["inspection_link"].strip() or None,
        link_title=cells["pdf_filename"]
        .rsplit(" - ", 1)[0]
        .strip()
        .rstrip(",")
        .removesuffix(" pdf")
        .strip(),
        unreadable=tuple(unreadable),
        stated_framework=stated if stated and framework is None else None,
    )


def is_scrape(path: Path) -> bool:
    """True when *path* is a CSV file whose header is the scrape's."""
    if path.suffix.lower() != ".csv":
        return False
    try:
        with path.open(encoding="utf-8-sig", newline="") as f:
            return tuple(next(csv.reader(f), [])) == COLUMNS
    except (OSError, UnicodeDecodeError, csv.Error):
        return False


def read(path: Path, lookup: list[identity.Entry]) -> tuple[Release, list[ScrapeRow], list[str]]:
    """The scrape's rows that can be used, and why the others cannot."""
    if not lookup:
        raise ImportFormatError(
            f"{path}: the scrape names councils by URN; give the lookup with --lookup "
            f"(or put {identity.LOOKUP} beside it)"
        )
    try:
        with path.open(encoding="utf-8-sig", newline="") as f:
            reader = csv.DictReader(f)
            if tuple(reader.fieldnames or ()) != COLUMNS:
                raise ImportFormatError(
                    f"{path}: expected the scrape's columns ({', '.join(COLUMNS)}), found "
                    f"{', '.join(reader.fieldnames or ()) or 'none'}"
                )
            rows: list[ScrapeRow] = []
            skipped: list[str] = []
            for number, cells in enumerate(reader, 2):
                if cells.get("parser_version") != "1":
                    raise ImportFormatError(f"{path} line {number}: unknown parser_version")
                made = _row(cells, number, lookup)
                if isinstance(made, str):
                    skipped.append(made)
                else:
                    rows.append(made)
    except (OSError, UnicodeDecodeError, csv.Error) as e:
        raise ImportFormatError(f"{path}: cannot be read as the scrape's CSV ({e})") from None
    return RELEASE, rows, skipped
