"""Which release a workbook is: its layout found by table headers, its identity by its cover."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

from ofsted_cli.errors import ImportFormatError
from ofsted_cli.official import layout_csc, layout_outcomes
from ofsted_cli.official.layout import Layout
from ofsted_cli.official.releases import Release, Row
from ofsted_cli.official.sheets import Sheets, find, nearest, norm

LAYOUTS: tuple[Layout, ...] = (
    layout_outcomes.LAYOUT_2025,
    layout_outcomes.LAYOUT_2024,
    layout_csc.LAYOUT,
)
"""Known layouts, newest first."""

URLS = {
    "ofsted-csc-data-2023": "https://www.gov.uk/government/statistics/"
    "childrens-social-care-data-in-england-2023",
    "ofsted-la-outcomes-2024": "https://www.gov.uk/government/statistics/"
    "local-authority-inspection-outcomes-as-at-31-march-2024",
    "ofsted-la-outcomes-2025": "https://www.gov.uk/government/statistics/"
    "local-authority-inspection-outcomes-as-at-31-march-2025",
}
"""Each known release's own page (the workbooks' links are not readable as text)."""

_MONTHS = {
    m: i
    for i, m in enumerate(
        (
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ),
        1,
    )
}


def workbook(path: Path) -> Sheets:
    """Every sheet of the workbook at *path* as rows of cells."""
    from python_calamine import CalamineWorkbook

    try:
        wb = CalamineWorkbook.from_path(str(path))
        return {name: wb.get_sheet_by_name(name).to_python() for name in wb.sheet_names}
    except Exception as e:  # calamine raises its own error types for unreadable files
        raise ImportFormatError(f"{path}: cannot be read as a spreadsheet ({e})") from None


def cover(sheets: Sheets) -> dict[str, str]:
    """The cover sheet's fields ('title', 'published on', 'period covered', ...), lower case."""
    rows = sheets.get("Cover") or next(iter(sheets.values()), [])
    fields: dict[str, str] = {}
    for cells in rows:
        texts = [norm(c) for c in cells if norm(c)]
        if not texts:
            continue
        if not fields:
            fields["title"] = texts[0]
        if len(texts) >= 2 and texts[0].endswith(":"):
            fields.setdefault(texts[0].rstrip(":").lower(), texts[1])
    return fields


def _day(text: str) -> str | None:
    """'2025-09-25 00:00:00' or '30 June 2025' -> ISO day."""
    m = re.match(r"(\d{4}-\d{2}-\d{2})", text)
    if m:
        return m.group(1)
    m = re.search(r"(\d{1,2}) ([A-Za-z]+) (\d{4})", text)
    if m and m.group(2).lower() in _MONTHS:
        return dt.date(int(m.group(3)), _MONTHS[m.group(2).lower()], int(m.group(1))).isoformat()
    return None


def release(layout: Layout, sheets: Sheets, path: Path) -> Release:
    """The release a workbook is, from its cover sheet."""
    fields = cover(sheets)
    try:
        title = layout.title(fields)
    except KeyError as e:
        raise ImportFormatError(
            f"{path}: the cover sheet has no {e.args[0]!r}; cannot tell which release this is"
        ) from None
    period = " ".join(v for k, v in fields.items() if k.startswith("period covered"))
    cutoff = re.search(r"published by (\d{1,2} [A-Za-z]+ \d{4})", period)
    rid = layout.release_id(title)
    url = URLS.get(rid)
    return Release(
        rid,
        title,
        url,
        _day(fields.get("published on", "")),
        cutoff=_day(cutoff.group(1)) if cutoff else None,
        notes=None if url else "The release's own page address is not recorded.",
    )


def detect(path: Path, sheets: Sheets) -> tuple[Layout, dict[str, list[Any]]]:
    """The layout whose every table is in *sheets*; refuse a workbook that has none."""
    for layout in LAYOUTS:
        found = {t.name: find(sheets, t) for t in layout.tables}
        if all(found.values()):
            return layout, found

    def closeness(layout: Layout) -> float:
        return sum(nearest(sheets, t)[0] / len(t.columns) for t in layout.tables) / len(
            layout.tables
        )

    best = max(LAYOUTS, key=closeness)
    missing = [nearest(sheets, t)[1] for t in best.tables if not find(sheets, t)]
    raise ImportFormatError(
        f"{path}: not a known layout of Ofsted's statistics (sheets: {', '.join(sheets)}). Tables "
        f"are found by their column headers; the nearest known layout is {best.name}, and\n  "
        + "\n  ".join(missing)
    )


def read(path: Path) -> tuple[Release, list[Row]]:
    """Every inspection and visit row of the workbook at *path*, and its release."""
    sheets = workbook(path)
    layout, found = detect(path, sheets)
    rel = release(layout, sheets, path)
    return rel, layout.read(found, rel)
