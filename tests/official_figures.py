"""Figures computed from Ofsted's own files alone, to test the project's answers against.

Nothing here imports ``ofsted_cli`` or reads ``data/``: every figure comes straight from the
official releases in ``../shared/reference`` (read with python-calamine) and, for council
identity only, the community lookup ``Provider_data_lookup.csv``.

Sources, and what each contributes
----------------------------------
* ``Childrens_social_care_in_England_2023_underlying_data.ods``, sheet
  ``LA_inspections_2009-2023``: first SIF and SIF re-inspection (publication date and overall
  judgement) for every council, including the second table of councils that no longer exist;
  also its first/second ILACS columns (reports published by 30 April 2023, plus South
  Tyneside's of 10 May 2023, its note 4). Sheet ``LA_level_at_31_Mar_2023``: the 2023 snapshot.
* ``LA_Inspection_Outcomes_as_at_March_2024.ods``, sheet ``Inspections_31_March_2024``: the
  2024 snapshot (inspection date, no publication date).
* ``LA_Inspection_Outcomes_as_at_31_March_2025.ods``, sheet ``ILACS_inspection_history``: every
  ILACS standard and short inspection carried out by 31 March 2025 whose report was published
  by 30 June 2025, one row each, with ONS code and inspection (start) date; sheet
  ``Inspections_as_at_31_March``: the 2025 snapshot.

Whole-service graded inspections are SIF, SIF re-inspection, ILACS standard and ILACS short.
ILACS rows of the 2023 sheet are matched to the 2025 history by council and publication date
(nearest within 92 days) and dropped in favour of the 2025 row: the newest edition wins. All 177
have a counterpart; two differ (:func:`ilacs_overlap`): Nottingham 2022, published 5 November
2022 in the 2023 and 2024 editions (a Saturday) but 5 September 2022 in the 2025 one, and Merton
2022, a standard inspection in the 2023 and 2024 editions but a short one in the 2025 one.

Council keys
------------
Councils are keyed by ONS area code as the 2025 edition writes it (``E06000018``), for all 153
current councils and the three former ones it lists (Bournemouth E06000028, Cumbria E10000006,
Northamptonshire E10000021). Names in the older editions, which give no codes, are resolved to
those codes by normalised name (case, ``&``/``and`` and punctuation ignored): first the
names the 2025 edition uses, then the lookup's ``local_authority_ons_name`` and
``also_known_as`` for rows with an ``la_code_new``. A row in a "no longer exists" table only
resolves to a former council. The two former councils no file gives a code for, Dorset County
Council (to 2019) and Poole, are keyed by normalised name: ``"dorset"`` and ``"poole"``.
Predecessor councils' inspections are not merged into their successors' histories.

Coverage
--------
Reports counted by :func:`graded_reports_published` are complete for the calendar years in
:data:`COMPLETE_YEARS`, 2014 to 2024: the first SIF report in the files was published on
11 February 2014 (none in 2013), and every ILACS report published up to 30 June 2025 for an
inspection carried out by 31 March 2025 is in the 2025 edition. 2025 is partial twice over: the
files stop at reports published by 30 June 2025 (the newest they hold is of 14 May 2025), and
they leave out reports of inspections carried out after 31 March 2025 even when published by
then (Newcastle upon Tyne's short inspection of 12-16 May 2025, published 25 June 2025, is in
none of them).
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Final

REFERENCE: Final = Path(__file__).resolve().parents[2] / "shared" / "reference"
CSC_2023: Final = "Childrens_social_care_in_England_2023_underlying_data.ods"
OUTCOMES_2024: Final = "LA_Inspection_Outcomes_as_at_March_2024.ods"
OUTCOMES_2025: Final = "LA_Inspection_Outcomes_as_at_31_March_2025.ods"
LOOKUP: Final = "Provider_data_lookup.csv"

CUT_OFF: Final = dt.date(2025, 6, 30)
"""The newest publication date any official file covers."""
COMPLETE_YEARS: Final = range(2014, 2025)
"""Calendar years whose graded reports the files hold completely."""

GRADES: Final = ("outstanding", "good", "requires_improvement", "inadequate")
FRAMEWORKS: Final = ("sif", "sif_reinspection", "ilacs_standard", "ilacs_short")
NOT_INSPECTED: Final = "not_inspected"
"""Snapshot count key for a council the snapshot lists as "Not yet inspected"."""

_GRADE_TEXT: Final = {
    "outstanding": "outstanding",
    "good": "good",
    "requires improvement to be good": "requires_improvement",
    "inadequate": "inadequate",
}
_TYPE_TEXT: Final = {
    "ilacs standard inspection": "ilacs_standard",
    "ilacs short inspection": "ilacs_short",
}
_MATCH_DAYS: Final = 92
"""How far apart two editions may date one ILACS report (Nottingham 2022: 61 days)."""


class LayoutError(Exception):
    """An official file is not laid out as this module expects."""


@dataclass(frozen=True)
class Inspection:
    """One whole-service graded inspection as an official file states it."""

    council: str
    """Council key: ONS code, or normalised name (former Dorset, Poole)."""
    name: str
    """The council's name as written in the row."""
    framework: str
    """One of FRAMEWORKS."""
    published: dt.date
    overall: str
    """Overall effectiveness, one of GRADES."""
    inspected: dt.date | None
    """Start of fieldwork: only the 2025 ILACS history gives it."""
    source: str
    """File, sheet and 1-based row, for messages."""


@dataclass(frozen=True)
class Snapshot:
    """One council's grades in force at 31 March, as that year's snapshot sheet lists them."""

    council: str
    name: str
    inspected: dt.date | None
    """Inspection (start) date; None where the sheet says "Not yet inspected"."""
    published: dt.date | None
    """Publication date: only the 2025 sheet gives it."""
    overall: str | None
    leadership: str | None
    help_and_protection: str | None
    children_in_care: str | None
    """Before 2023 the joint "children in care and care leavers" judgement."""
    care_leavers: str | None
    """Blank (None) for inspections before 1 January 2023."""


@dataclass(frozen=True)
class Transition:
    """Two consecutive whole-service graded inspections of one council."""

    council: str
    before: str
    after: str
    before_published: dt.date
    after_published: dt.date
    before_framework: str
    after_framework: str


@dataclass(frozen=True)
class Council:
    key: str
    names: tuple[str, ...]
    """Every spelling of its name in the official files, first as the newest file writes it."""
    ons_code: str | None
    current: bool
    """Listed in the 2025 snapshot sheet."""
    urn: str | None
    """Ofsted provider URN, from the lookup."""


# --- reading ----------------------------------------------------------------------------------


def available() -> bool:
    """True when all the official files are in REFERENCE."""
    return all((REFERENCE / f).is_file() for f in (CSC_2023, OUTCOMES_2024, OUTCOMES_2025, LOOKUP))


def norm_name(name: str) -> str:
    """Key for matching council names: case, '&'/'and' and punctuation do not matter."""
    return re.sub(r"[^a-z0-9]+", " ", name.lower().replace("&", " and ")).strip()


def _text(value: object) -> str:
    return re.sub(r"\s+", " ", str(value)).strip()


@cache
def _sheet(file: str, sheet: str) -> list[list[Any]]:
    from python_calamine import CalamineWorkbook

    rows: list[list[Any]] = (
        CalamineWorkbook.from_path(str(REFERENCE / file)).get_sheet_by_name(sheet).to_python()
    )
    return rows


def _where(file: str, sheet: str, index: int) -> str:
    return f"{file}, sheet {sheet}, row {index + 1}"


def _expect(rows: list[list[Any]], index: int, header: list[str], file: str, sheet: str) -> None:
    found = [_text(c) for c in rows[index]] if index < len(rows) else []
    while found and not found[-1]:
        found.pop()
    if found != [_text(h) for h in header]:
        raise LayoutError(f"{_where(file, sheet, index)}: expected header {header}, found {found}")


def _date(value: object, where: str) -> dt.date | None:
    if value in ("", None):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    raise LayoutError(f"{where}: expected a date, found {value!r}")


def _grade(value: object, where: str) -> str | None:
    text = _text(value).lower()
    if not text:
        return None
    if text not in _GRADE_TEXT:
        raise LayoutError(f"{where}: unknown grade {value!r}")
    return _GRADE_TEXT[text]


def _type(value: object, where: str) -> str:
    text = _text(value).lower()
    if text not in _TYPE_TEXT:
        raise LayoutError(f"{where}: unknown inspection type {value!r}")
    return _TYPE_TEXT[text]


def _data_rows(rows: list[list[Any]], start: int) -> list[tuple[int, list[Any]]]:
    """Rows from *start* up to the first one with a blank name (column B)."""
    out = []
    for i in range(start, len(rows)):
        if len(rows[i]) < 2 or not _text(rows[i][1]):
            break
        out.append((i, rows[i]))
    return out


# --- councils ---------------------------------------------------------------------------------

_HIST_2025: Final = "ILACS_inspection_history"
_HIST_2025_HEAD: Final = [
    "Web link",
    "Local authority area code",
    "Local authority name",
    "Local authority status",
    "Ofsted region",
    "Inspection date",
    "Publication date",
    "Inspection type",
    "Overall effectiveness",
    "The impact of leaders on social work practice with children and families",
    "The experiences and progress of children who need help and protection",
    "The experiences and progress of children in care",
    "The experiences and progress of care leavers",
]
_SNAP_2025: Final = "Inspections_as_at_31_March"
_SNAP_2025_HEAD: Final = [
    "Web link",
    "Local authority area code",
    "Local authority name",
    "Ofsted region",
    "Inspection date",
    "Publication date",
    "Overall effectiveness",
    "The impact of leaders on social work practice with children and families",
    "The experiences and progress of children who need help and protection",
    "The experiences and progress of children in care",
    "The experiences and progress of care leavers",
]


@cache
def _lookup() -> list[dict[str, str]]:
    with (REFERENCE / LOOKUP).open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    need = {"urn", "la_code_new", "local_authority_ons_name", "also_known_as"}
    if not rows or not need <= set(rows[0]):
        raise LayoutError(f"{LOOKUP}: expected columns {sorted(need)}")
    return rows


@cache
def _names_2025() -> tuple[dict[str, str], dict[str, str], dict[str, list[str]]]:
    """(current name -> code, former name -> code, code -> names) from the 2025 edition."""
    current: dict[str, str] = {}
    former: dict[str, str] = {}
    names: dict[str, list[str]] = defaultdict(list)
    snap = _sheet(OUTCOMES_2025, _SNAP_2025)
    _expect(snap, 2, _SNAP_2025_HEAD, OUTCOMES_2025, _SNAP_2025)
    for _, row in _data_rows(snap, 3):
        code, name = _text(row[1]), _text(row[2])
        current[norm_name(name)] = code
        names[code].append(name)
    hist = _sheet(OUTCOMES_2025, _HIST_2025)
    _expect(hist, 2, _HIST_2025_HEAD, OUTCOMES_2025, _HIST_2025)
    for i, row in _data_rows(hist, 3):
        code, name, status = _text(row[1]), _text(row[2]), _text(row[3])
        if status == "No longer exists":
            former[norm_name(name)] = code
        elif status != "Current" or current.get(norm_name(name)) != code:
            raise LayoutError(f"{_where(OUTCOMES_2025, _HIST_2025, i)}: {status} {name} {code}?")
        if name not in names[code]:
            names[code].append(name)
    return current, former, dict(names)


@cache
def _lookup_names() -> dict[str, str]:
    """Normalised name -> ONS code from the lookup rows that have a current code."""
    out: dict[str, str] = {}
    for r in _lookup():
        if r["la_code_new"]:
            for n in [r["local_authority_ons_name"], *r["also_known_as"].strip("[]").split(",")]:
                if n.strip():
                    out.setdefault(norm_name(n), r["la_code_new"])
    return out


def council_key(name: str, *, former: bool = False) -> str:
    """The key of the council an official file names *name*.

    *former*: the name is in a table of councils that no longer exist. Raises KeyError for a
    current-table name no file or lookup row resolves.
    """
    current, gone, _ = _names_2025()
    key = norm_name(name)
    if former:
        return gone.get(key, key)
    for table in (current, gone, _lookup_names()):
        if key in table:
            return table[key]
    raise KeyError(f"no ONS code for council name {name!r}")


def key_for_urn(urn: str) -> str:
    """The council key for an Ofsted provider URN (via the lookup; scrape rows use URNs)."""
    for r in _lookup():
        if r["urn"] == urn:
            if r["la_code_new"]:
                return r["la_code_new"]
            return council_key(r["local_authority_ons_name"], former=True)
    raise KeyError(f"URN {urn} is not in {LOOKUP}")


@cache
def councils() -> dict[str, Council]:
    """Every council the files name, by key: its spellings, code, status and URN."""
    current, _, names25 = _names_2025()
    spellings: dict[str, list[str]] = {k: list(v) for k, v in names25.items()}
    for rec in _wide_2023() + list(_snapshot_rows(2023)) + list(_snapshot_rows(2024)):
        names = spellings.setdefault(rec.council, [])
        if rec.name not in names:
            names.append(rec.name)
    urns: dict[str, str] = {}
    for r in _lookup():
        try:
            urns[key_for_urn(r["urn"])] = r["urn"]
        except KeyError:
            continue
    codes = set(current.values())
    return {
        k: Council(
            key=k,
            names=tuple(v),
            ons_code=k if k[:1] == "E" and k[1:].isdigit() else None,
            current=k in codes,
            urn=urns.get(k),
        )
        for k, v in sorted(spellings.items())
    }


def name_of(key: str) -> str:
    """The council's name as the newest file that lists it writes it."""
    return councils()[key].names[0]


# --- inspections ------------------------------------------------------------------------------

_WIDE_2023: Final = "LA_inspections_2009-2023"
# Column indexes in the 2023 wide sheet (header row 5): the columns this module reads.
_WIDE_COLS: Final = {
    17: "Single Inspection of LA Children's Services (SIF) First SIF publication date",
    18: "First SIF Overall Judgement (OE)",
    25: "Single Inspection of LA Children's Services (SIF) SIF Re-inspection publication date",
    26: "SIF Re-inspection Overall Judgement (OE)",
    32: "First ILACS framework inspection type",
    33: "First ILACS framework publication date",
    34: "First ILACS framework overall effectiveness",
    38: "Second ILACS framework inspection type",
    39: "Second ILACS framework publication date",
    40: "Second ILACS framework overall effectiveness",
}
_WIDE_FORMER_COLS: Final = {
    17: _WIDE_COLS[17],
    18: _WIDE_COLS[18],
    25: _WIDE_COLS[25],
    26: _WIDE_COLS[26],
    32: "ILACS framework inspection type",
    33: "ILACS framework publication date",
    34: "ILACS framework overall effectiveness",
}
# (framework or None for "read the type column", type column, date column, grade column)
_WIDE_GROUPS: Final = (
    ("sif", None, 17, 18),
    ("sif_reinspection", None, 25, 26),
    (None, 32, 33, 34),
    (None, 38, 39, 40),
)


def _check_wide_header(rows: list[list[Any]], index: int, cols: dict[int, str]) -> None:
    head = rows[index] if index < len(rows) else []
    for col, want in cols.items():
        got = _text(head[col]) if col < len(head) else ""
        if got != _text(want):
            raise LayoutError(
                f"{_where(CSC_2023, _WIDE_2023, index)} column {col + 1}: "
                f"expected {want!r}, found {got!r}"
            )


@cache
def _wide_2023_cached() -> tuple[Inspection, ...]:
    rows = _sheet(CSC_2023, _WIDE_2023)
    _check_wide_header(rows, 4, _WIDE_COLS)
    second = next((i for i, r in enumerate(rows) if r and _text(r[0]).startswith("Table 11")), None)
    if second is None:
        raise LayoutError(f"{CSC_2023}, sheet {_WIDE_2023}: no 'Table 11' (former councils)")
    _check_wide_header(rows, second + 1, _WIDE_FORMER_COLS)
    out: list[Inspection] = []
    for start, former in ((5, False), (second + 2, True)):
        for i, row in _data_rows(rows, start):
            where = _where(CSC_2023, _WIDE_2023, i)
            name = _text(row[1])
            key = council_key(name, former=former)
            for framework, type_col, date_col, grade_col in _WIDE_GROUPS:
                if former and date_col > 34:
                    continue
                published = _date(row[date_col], where)
                grade = _grade(row[grade_col], where)
                if published is None and grade is None:
                    continue
                if published is None or grade is None:
                    raise LayoutError(f"{where}: date {published} but grade {grade}")
                fw = framework or _type(row[type_col] if type_col is not None else "", where)
                out.append(Inspection(key, name, fw, published, grade, None, where))
    return tuple(out)


def _wide_2023() -> list[Inspection]:
    """Every SIF, SIF re-inspection and ILACS row of the 2023 wide sheet (before deduplication)."""
    return list(_wide_2023_cached())


@cache
def _history_2025_cached() -> tuple[Inspection, ...]:
    rows = _sheet(OUTCOMES_2025, _HIST_2025)
    _expect(rows, 2, _HIST_2025_HEAD, OUTCOMES_2025, _HIST_2025)
    out: list[Inspection] = []
    for i, row in _data_rows(rows, 3):
        where = _where(OUTCOMES_2025, _HIST_2025, i)
        published, grade = _date(row[6], where), _grade(row[8], where)
        if published is None or grade is None:
            raise LayoutError(f"{where}: no publication date or overall grade")
        out.append(
            Inspection(
                council=_text(row[1]),
                name=_text(row[2]),
                framework=_type(row[7], where),
                published=published,
                overall=grade,
                inspected=_date(row[5], where),
                source=where,
            )
        )
    return tuple(out)


def ilacs_2025() -> list[Inspection]:
    """Every row of the 2025 ILACS history (ILACS standard and short, 2018 to June 2025)."""
    return list(_history_2025_cached())


@cache
def _overlap() -> tuple[tuple[Inspection, Inspection], ...]:
    newer: dict[str, list[Inspection]] = defaultdict(list)
    for rec in _history_2025_cached():
        newer[rec.council].append(rec)
    pairs: list[tuple[Inspection, Inspection]] = []
    taken: set[Inspection] = set()
    for old in _wide_2023_cached():
        if not old.framework.startswith("ilacs"):
            continue
        near = [
            new
            for new in newer[old.council]
            if new not in taken and abs((new.published - old.published).days) <= _MATCH_DAYS
        ]
        near.sort(key=lambda new: abs((new.published - old.published).days))
        if not near:
            raise LayoutError(f"{old.source}: ILACS report not in the 2025 history: {old}")
        taken.add(near[0])
        pairs.append((old, near[0]))
    return tuple(pairs)


def ilacs_overlap() -> list[tuple[Inspection, Inspection]]:
    """(2023 sheet row, 2025 history row) for each ILACS report both editions list."""
    return list(_overlap())


@cache
def _inspections() -> tuple[Inspection, ...]:
    dropped = {old for old, _ in _overlap()}
    kept = [r for r in _wide_2023_cached() if r not in dropped] + list(_history_2025_cached())
    return tuple(sorted(kept, key=lambda r: (r.council, r.published, r.framework)))


def inspections() -> list[Inspection]:
    """Every whole-service graded inspection in the files, deduplicated, by council and date."""
    return list(_inspections())


def graded_reports_published(year: int) -> Counter[str]:
    """Whole-service graded reports published in calendar *year*, by overall grade.

    SIF, SIF re-inspection, ILACS standard and ILACS short. Complete for COMPLETE_YEARS
    (2014-2024); 2025 holds only reports published by 30 June 2025 of inspections carried out
    by 31 March 2025; nothing before 2014 is a whole-service graded report.
    """
    return Counter(r.overall for r in _inspections() if r.published.year == year)


def overall_history() -> dict[str, list[tuple[dt.date, str, str]]]:
    """Per council key: (publication date, framework, overall grade), oldest first."""
    out: dict[str, list[tuple[dt.date, str, str]]] = defaultdict(list)
    for r in _inspections():
        out[r.council].append((r.published, r.framework, r.overall))
    return dict(out)


def current_councils() -> set[str]:
    """Keys (ONS codes) of the councils listed in the 2025 snapshot sheet."""
    return {s.council for s in _snapshot_rows(2025)}


def never_rated(grade: str) -> set[str]:
    """Current councils (2025 snapshot) never given *grade* overall at any SIF or ILACS.

    Only the council's own inspections count, not its predecessors' (BCP, Dorset, Cumberland,
    Westmorland and Furness, North and West Northamptonshire). Returns ONS codes.
    """
    if grade not in GRADES:
        raise ValueError(f"unknown grade {grade!r}; expected one of {GRADES}")
    history = overall_history()
    return {c for c in current_councils() if all(g != grade for _, _, g in history.get(c, []))}


def transitions() -> list[Transition]:
    """Each pair of consecutive whole-service graded inspections of a council, in order."""
    out: list[Transition] = []
    for council, history in sorted(overall_history().items()):
        for (d1, f1, g1), (d2, f2, g2) in zip(history, history[1:], strict=False):
            out.append(Transition(council, g1, g2, d1, d2, f1, f2))
    return out


# --- snapshots --------------------------------------------------------------------------------

_SNAP_2023: Final = "LA_level_at_31_Mar_2023"
_SNAP_2024: Final = "Inspections_31_March_2024"
_SNAP_OLD_HEAD: Final = [
    "Web link",
    "Local authority name",
    "Ofsted region",
    "Inspection date",
    "Overall effectiveness",
    "Impact of leaders",
    "Experiences and progress of children who need help and protection",
    "Experiences and progress of children in care",
    "Experiences and progress of care leavers",
]
# year: (file, sheet, header row index, header)
_SNAPSHOTS: Final = {
    2023: (CSC_2023, _SNAP_2023, 3, _SNAP_OLD_HEAD),
    2024: (OUTCOMES_2024, _SNAP_2024, 2, _SNAP_OLD_HEAD),
    2025: (OUTCOMES_2025, _SNAP_2025, 2, _SNAP_2025_HEAD),
}


@cache
def _snapshot_rows(year: int) -> tuple[Snapshot, ...]:
    if year not in _SNAPSHOTS:
        raise ValueError(f"no snapshot for {year}; expected one of {sorted(_SNAPSHOTS)}")
    file, sheet, head, header = _SNAPSHOTS[year]
    rows = _sheet(file, sheet)
    _expect(rows, head, header, file, sheet)
    out: list[Snapshot] = []
    for i, row in _data_rows(rows, head + 1):
        where = _where(file, sheet, i)
        if year == 2025:
            key, name, inspected, published = (
                _text(row[1]),
                _text(row[2]),
                _date(row[4], where),
                _date(row[5], where),
            )
            grades = row[6:11]
        else:
            name = _text(row[1])
            key = council_key(name)
            raw = row[3]
            inspected = None if _text(raw) == "Not yet inspected" else _date(raw, where)
            published = None
            grades = row[4:9]
        g = [_grade(v, where) for v in grades]
        if (inspected is None) != (g[0] is None):
            raise LayoutError(f"{where}: inspection date {inspected} but overall grade {g[0]}")
        out.append(Snapshot(key, name, inspected, published, *g))
    return tuple(out)


def snapshot(year: int) -> dict[str, Snapshot]:
    """Per council key, the grades Ofsted lists as in force at 31 March *year* (2023-2025)."""
    out: dict[str, Snapshot] = {}
    for s in _snapshot_rows(year):
        if s.council in out:
            raise LayoutError(f"snapshot {year}: {s.name} listed twice")
        out[s.council] = s
    return out


def snapshot_counts(year: int) -> Counter[str]:
    """Councils by overall grade in force at 31 March *year*; NOT_INSPECTED for none yet."""
    return Counter(s.overall or NOT_INSPECTED for s in _snapshot_rows(year))
